/// AdvSIMD "modified immediate": MOVI, MVNI, ORR, BIC (immediate) in every cmode, and FMOV
/// (vector, immediate) for single and double lanes.
extension AArch64CPU {
    func simdModifiedImmediate(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31)
        let q = insn & 0x4000_0000 != 0
        let op = insn & 0x2000_0000 != 0
        let cmode = insn >> 12 & 15
        let imm8 = UInt64((insn >> 16 & 7) << 5 | (insn >> 5 & 31))
        if insn & 0x0800 != 0 {                                // o2 = 1: FMOV (vector, immediate), half
            if cmode != 15 || op { return false }
            let a = imm8 >> 7 & 1, b = imm8 >> 6 & 1, cdefgh = imm8 & 0x3F
            let h = a << 15 | (b ^ 1) << 14 | (b == 1 ? 3 : 0) << 12 | cdefgh << 6
            let word = h &* 0x0001_0001_0001_0001
            vWrite(rd, lo: word, hi: q ? word : 0)
            return true
        }
        var imm: UInt64                                        // one 64-bit half of the pattern
        var invert = op
        var combine = 0                                        // 0 = move, 1 = ORR, 2 = BIC
        switch cmode {
        case 0, 2, 4, 6:
            imm = simdReplicate32(imm8 << UInt64(8 &* (cmode >> 1)))
        case 1, 3, 5, 7:
            imm = simdReplicate32(imm8 << UInt64(8 &* (cmode >> 1)))
            combine = op ? 2 : 1; invert = false
        case 8, 10:
            imm = simdReplicate16(imm8 << UInt64(8 &* (cmode >> 1 & 1)))
        case 9, 11:
            imm = simdReplicate16(imm8 << UInt64(8 &* (cmode >> 1 & 1)))
            combine = op ? 2 : 1; invert = false
        case 12:
            imm = simdReplicate32(imm8 << 8 | 0xFF)
        case 13:
            imm = simdReplicate32(imm8 << 16 | 0xFFFF)
        case 14:
            invert = false
            if op {                                            // each bit of imm8 becomes a byte
                imm = 0
                for i in 0..<8 where imm8 >> UInt64(i) & 1 != 0 { imm |= 0xFF << UInt64(8 &* i) }
            } else {
                imm = imm8 &* 0x0101_0101_0101_0101
            }
        default:
            invert = false
            let a = imm8 >> 7 & 1, b = imm8 >> 6 & 1, cdefgh = imm8 & 0x3F
            if op {
                if !q { return false }
                imm = a << 63 | (b ^ 1) << 62 | (b == 1 ? 0xFF : 0) << 54 | cdefgh << 48
            } else {
                imm = simdReplicate32(a << 31 | (b ^ 1) << 30 | (b == 1 ? 0x1F : 0) << 25 | cdefgh << 19)
            }
        }
        if invert { imm = ~imm }
        switch combine {
        case 0: vWrite(rd, lo: imm, hi: q ? imm : 0)
        case 1: vWrite(rd, lo: vLo(rd) | imm, hi: q ? vHi(rd) | imm : 0)
        default: vWrite(rd, lo: vLo(rd) & ~imm, hi: q ? vHi(rd) & ~imm : 0)
        }
        return true
    }
}

@inline(__always) func simdReplicate32(_ x: UInt64) -> UInt64 { (x & 0xFFFF_FFFF) &* 0x1_0000_0001 }
@inline(__always) func simdReplicate16(_ x: UInt64) -> UInt64 { (x & 0xFFFF) &* 0x0001_0001_0001_0001 }
