/// AdvSIMD element moves: copy (DUP element/general, INS element/general, UMOV, SMOV, scalar DUP),
/// permutes (ZIP1/2, UZP1/2, TRN1/2), EXT and table lookups (TBL/TBX with 1-4 registers).
extension AArch64CPU {
    func simdCopy(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let q = insn & 0x4000_0000 != 0
        let imm5 = insn >> 16 & 31
        let imm4 = insn >> 11 & 15
        if imm5 & 15 == 0 { return false }
        let size = imm5.trailingZeroBitCount
        let index = Int(imm5 >> UInt32(size &+ 1))
        if insn & 0x2000_0000 != 0 {                                   // INS (element)
            if !q { return false }
            let from = Int(imm4 >> UInt32(size))
            var r = V128(lo: vLo(rd), hi: vHi(rd))
            let value = vLane(rn, from, size)
            let pos = index &<< (3 &+ size)
            let m = simdLaneMask(size)
            if pos < 64 { r.lo = r.lo & ~(m &<< UInt64(pos)) | value &<< UInt64(pos) }
            else { r.hi = r.hi & ~(m &<< UInt64(pos &- 64)) | value &<< UInt64(pos &- 64) }
            vWrite(rd, r, q: true)
            return true
        }
        switch imm4 {
        case 0, 1:                                                      // DUP (element), DUP (general)
            if size == 3 && !q { return false }
            let value = imm4 == 0 ? vLane(rn, index, size) : x[rn == 31 ? AArch64CPU.zeroReadSlot : rn] & simdLaneMask(size)
            let word: UInt64
            switch size {
            case 0: word = value &* 0x0101_0101_0101_0101
            case 1: word = value &* 0x0001_0001_0001_0001
            case 2: word = value &* 0x0000_0001_0000_0001
            default: word = value
            }
            vWrite(rd, lo: word, hi: q ? word : 0)
            return true
        case 3:                                                         // INS (general)
            if !q { return false }
            let value = x[rn == 31 ? AArch64CPU.zeroReadSlot : rn] & simdLaneMask(size)
            var r = V128(lo: vLo(rd), hi: vHi(rd))
            let pos = index &<< (3 &+ size)
            let m = simdLaneMask(size)
            if pos < 64 { r.lo = r.lo & ~(m &<< UInt64(pos)) | value &<< UInt64(pos) }
            else { r.hi = r.hi & ~(m &<< UInt64(pos &- 64)) | value &<< UInt64(pos &- 64) }
            vWrite(rd, r, q: true)
            return true
        case 5, 7:                                                      // SMOV, UMOV
            let dest = rd == 31 ? AArch64CPU.discardWriteSlot : rd
            let value = vLane(rn, index, size)
            if imm4 == 7 {
                if q ? size != 3 : size > 2 { return false }
                x[dest] = value
            } else {
                if size > (q ? 2 : 1) { return false }
                let s = UInt64(bitPattern: simdSext(value, size))
                x[dest] = q ? s : s & 0xFFFF_FFFF
            }
            return true
        default:
            return false
        }
    }

    /// DUP (element) in scalar form, alias MOV Bd/Hd/Sd/Dd, Vn.T[i].
    func simdScalarCopy(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let imm5 = insn >> 16 & 31
        if imm5 & 15 == 0 || insn >> 11 & 15 != 0 { return false }
        let size = imm5.trailingZeroBitCount
        let index = Int(imm5 >> UInt32(size &+ 1))
        vWrite(rd, lo: vLane(rn, index, size), hi: 0)
        return true
    }

    func simdPermute(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31), rm = Int(insn >> 16 & 31)
        let q = insn & 0x4000_0000 != 0
        let size = Int(insn >> 22 & 3)
        let opcode = insn >> 12 & 7
        if size == 3 && !q { return false }
        let lanes = (q ? 16 : 8) >> size
        let half = lanes >> 1
        var r = V128()
        switch opcode {
        case 1, 5:                                                      // UZP1 UZP2
            let odd = opcode == 5 ? 1 : 0
            for i in 0..<lanes {
                let j = 2 &* i &+ odd
                r.set(i, size, j < lanes ? vLane(rn, j, size) : vLane(rm, j &- lanes, size))
            }
        case 2, 6:                                                      // TRN1 TRN2
            let odd = opcode == 6 ? 1 : 0
            for p in 0..<half {
                r.set(2 &* p, size, vLane(rn, 2 &* p &+ odd, size))
                r.set(2 &* p &+ 1, size, vLane(rm, 2 &* p &+ odd, size))
            }
        case 3, 7:                                                      // ZIP1 ZIP2
            let base = opcode == 7 ? half : 0
            for p in 0..<half {
                r.set(2 &* p, size, vLane(rn, base &+ p, size))
                r.set(2 &* p &+ 1, size, vLane(rm, base &+ p, size))
            }
        default:
            return false
        }
        vWrite(rd, r, q: q)
        return true
    }

    /// EXT: bytes imm4... of the concatenation Vm:Vn.
    func simdExtract(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31), rm = Int(insn >> 16 & 31)
        let q = insn & 0x4000_0000 != 0
        let pos = UInt64(insn >> 11 & 15)
        if q {
            // Concatenation as four words: n.lo n.hi m.lo m.hi; take 16 bytes from byte pos.
            let w0 = vLo(rn), w1 = vHi(rn), w2 = vLo(rm), w3 = vHi(rm)
            let byteShift = (pos & 7) &* 8
            let (a, b, c) = pos < 8 ? (w0, w1, w2) : (w1, w2, w3)
            let lo = byteShift == 0 ? a : a >> byteShift | b << (64 &- byteShift)
            let hi = byteShift == 0 ? b : b >> byteShift | c << (64 &- byteShift)
            vWrite(rd, lo: lo, hi: hi)
        } else {
            if pos >= 8 { return false }
            let a = vLo(rn), b = vLo(rm)
            let lo = pos == 0 ? a : a >> (pos &* 8) | b << (64 &- pos &* 8)
            vWrite(rd, lo: lo, hi: 0)
        }
        return true
    }

    /// TBL/TBX with 1-4 consecutive table registers (wrapping past V31).
    func simdTable(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31), rm = Int(insn >> 16 & 31)
        let q = insn & 0x4000_0000 != 0
        let limit = (Int(insn >> 13 & 3) &+ 1) &* 16
        let tbx = insn & 0x1000 != 0
        let indices = v + rm &* 16, old = v + rd &* 16
        var r = V128()
        for i in 0..<(q ? 16 : 8) {
            let index = Int(indices.load(fromByteOffset: i, as: UInt8.self))
            let byte: UInt8
            if index < limit {
                byte = (v + ((rn &+ (index >> 4)) & 31) &* 16).load(fromByteOffset: index & 15, as: UInt8.self)
            } else {
                byte = tbx ? old.load(fromByteOffset: i, as: UInt8.self) : 0
            }
            if i < 8 { r.lo |= UInt64(byte) &<< UInt64(i &* 8) } else { r.hi |= UInt64(byte) &<< UInt64((i &- 8) &* 8) }
        }
        vWrite(rd, r, q: q)
        return true
    }
}
