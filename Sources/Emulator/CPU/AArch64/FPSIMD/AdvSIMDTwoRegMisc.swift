/// AdvSIMD "two-register miscellaneous" integer forms (vector and scalar): REV16/32/64, CNT, CLZ,
/// CLS, NOT, RBIT, ABS/NEG, SQABS/SQNEG, compares against zero, pairwise add long (xADDLP/xADALP),
/// SUQADD/USQADD, narrowing XTN/SQXTN/UQXTN/SQXTUN, SHLL. FP opcodes go to AdvSIMDFloat.swift.
extension AArch64CPU {
    func simdTwoRegMisc(_ insn: UInt32, scalar: Bool) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let opcode = insn >> 12 & 31
        let u = insn >> 29 & 1
        let q = insn & 0x4000_0000 != 0
        let size = Int(insn >> 22 & 3)
        let op = u << 5 | opcode

        if opcode >= 0x16 || (opcode >= 0x0C && opcode <= 0x0F) {
            return simdFloatTwoRegMisc(insn, scalar: scalar)
        }
        if opcode == 0x12 || opcode == 0x14 || op == 0x33 { return simdNarrowOrShll(insn, scalar: scalar) }

        if scalar {
            switch op {
            case 0x03, 0x07, 0x23, 0x27: break                               // SUQADD SQABS USQADD SQNEG
            case 0x08, 0x09, 0x0A, 0x0B, 0x28, 0x29, 0x2B: if size != 3 { return false }
            default: return false
            }
        } else if size == 3 && !q {
            return false
        }
        let esize = 8 << size
        let lanes = scalar ? 1 : (q ? 128 : 64) / esize
        var r = V128()

        switch op {
        case 0x09:                                                           // CMEQ #0 (string routines)
            if size == 3 { break }
            vWrite(rd, lo: simdCmeqWord(vLo(rn), size), hi: q ? simdCmeqWord(vHi(rn), size) : 0)
            return true
        case 0x00, 0x20, 0x01:                                               // REV64 REV32 REV16
            let container = op == 0x00 ? 64 : op == 0x20 ? 32 : 16
            if esize >= container { return false }
            let flip = container / esize &- 1
            for i in 0..<lanes { r.set(i, size, vLane(rn, i ^ flip, size)) }
            vWrite(rd, r, q: q)
            return true
        case 0x05:                                                           // CNT
            if size != 0 { return false }
            for i in 0..<lanes { r.set(i, 0, UInt64(vLane(rn, i, 0).nonzeroBitCount)) }
            vWrite(rd, r, q: q)
            return true
        case 0x25:                                                           // NOT, RBIT
            if size == 0 {
                vWrite(rd, lo: ~vLo(rn), hi: q ? ~vHi(rn) : 0)
                return true
            }
            if size != 1 { return false }
            for i in 0..<(q ? 16 : 8) {
                r.set(i, 0, UInt64(UInt8(truncatingIfNeeded: vLane(rn, i, 0)).bitReversed8))
            }
            vWrite(rd, r, q: q)
            return true
        case 0x02, 0x22, 0x06, 0x26:                                         // [SU]ADDLP [SU]ADALP
            if size == 3 { return false }
            let wide = size &+ 1
            let pairs = lanes >> 1
            for i in 0..<pairs {
                let a = vLane(rn, 2 &* i, size), b = vLane(rn, 2 &* i &+ 1, size)
                var s = u == 0 ? UInt64(bitPattern: simdSext(a, size) &+ simdSext(b, size)) : a &+ b
                if opcode == 6 { s = s &+ vLane(rd, i, wide) }
                r.set(i, wide, s)
            }
            vWrite(rd, r, q: q)
            return true
        case 0x04, 0x24:                                                     // CLS CLZ
            if size == 3 { return false }
            for i in 0..<lanes {
                let a = vLane(rn, i, size)
                let count: Int
                if u == 1 {
                    count = a == 0 ? esize : a.leadingZeroBitCount &- (64 &- esize)
                } else {
                    let s = simdSext(a, size)
                    let x = UInt64(bitPattern: s ^ (s >> 63))          // leading sign bits -> zeros
                    count = x.leadingZeroBitCount &- (64 &- esize) &- 1
                }
                r.set(i, size, UInt64(count))
            }
            vWrite(rd, r, q: q)
            return true
        default:
            break
        }

        var qc = false
        for i in 0..<lanes {
            let a = vLane(rn, i, size)
            let sa = simdSext(a, size)
            let value: UInt64
            switch op {
            case 0x08: value = sa > 0 ? ~0 : 0                               // CMGT #0
            case 0x09: value = a == 0 ? ~0 : 0                               // CMEQ #0
            case 0x0A: value = sa < 0 ? ~0 : 0                               // CMLT #0
            case 0x28: value = sa >= 0 ? ~0 : 0                              // CMGE #0
            case 0x29: value = sa <= 0 ? ~0 : 0                              // CMLE #0
            case 0x0B: value = sa < 0 ? 0 &- a : a                           // ABS
            case 0x2B: value = 0 &- a                                        // NEG
            case 0x07, 0x27:                                                 // SQABS SQNEG
                if sa == simdSignedMin(size) { qc = true; value = UInt64(bitPattern: simdSignedMax(size)) }
                else if op == 0x07 { value = sa < 0 ? 0 &- a : a }
                else { value = 0 &- a }
            case 0x03:                                                       // SUQADD: signed d + unsigned n
                value = simdSignedPlusUnsigned(simdSext(vLane(rd, i, size), size), a, size, &qc)
            case 0x23:                                                       // USQADD: unsigned d + signed n
                value = simdUnsignedPlusSigned(vLane(rd, i, size), sa, size, &qc)
            default: return false
            }
            r.set(i, size, value)
        }
        if qc { setQC() }
        vWrite(rd, r, q: q && !scalar)
        return true
    }

    /// XTN, SQXTN, UQXTN, SQXTUN (vector with "2" forms, and scalar), and SHLL.
    func simdNarrowOrShll(_ insn: UInt32, scalar: Bool) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let opcode = insn >> 12 & 31
        let u = insn >> 29 & 1
        let q = insn & 0x4000_0000 != 0
        let size = Int(insn >> 22 & 3)
        if size == 3 { return false }
        let wide = size &+ 1
        let lanes = 8 >> size
        var r = V128()
        if opcode == 0x13 {                                                  // SHLL: shift left by esize
            if scalar { return false }
            let part = q ? lanes : 0
            for i in 0..<lanes { r.set(i, wide, vLane(rn, i &+ part, size) &<< UInt64(8 << size)) }
            vWrite(rd, r, q: true)
            return true
        }
        if scalar && opcode == 0x12 && u == 0 { return false }               // no scalar XTN
        var qc = false
        let count = scalar ? 1 : lanes
        for i in 0..<count {
            let a = vLane(rn, i, wide)
            let value: UInt64
            switch u << 5 | opcode {
            case 0x12: value = a                                             // XTN
            case 0x14: value = simdSatNarrowS(simdSext(a, wide), size, &qc)  // SQXTN
            case 0x34:                                                       // UQXTN
                if a > simdLaneMask(size) { qc = true; value = simdLaneMask(size) } else { value = a }
            default:                                                         // SQXTUN
                let s = simdSext(a, wide)
                if s < 0 { qc = true; value = 0 }
                else if UInt64(s) > simdLaneMask(size) { qc = true; value = simdLaneMask(size) }
                else { value = UInt64(s) }
            }
            r.set(i, size, value)
        }
        if qc { setQC() }
        if scalar { vWrite(rd, r, q: false) }
        else if q { vWrite(rd, lo: vLo(rd), hi: r.lo) }
        else { vWrite(rd, lo: r.lo, hi: 0) }
        return true
    }
}

/// Clamps a signed value to a narrow signed lane.
@inline(__always) func simdSatNarrowS(_ s: Int64, _ size: Int, _ qc: inout Bool) -> UInt64 {
    simdSatS(s, size, &qc)
}

/// SUQADD on one lane: signed d plus unsigned n, saturated signed.
@inline(__always) func simdSignedPlusUnsigned(_ d: Int64, _ n: UInt64, _ size: Int, _ qc: inout Bool) -> UInt64 {
    if size < 3 { return simdSatS(d &+ Int64(n), size, &qc) }
    if d >= 0 {
        if n > UInt64(Int64.max &- d) { qc = true; return UInt64(Int64.max) }
        return UInt64(d) &+ n
    }
    let mag = 0 &- UInt64(bitPattern: d)
    if n >= mag {
        let r = n &- mag
        if r > UInt64(Int64.max) { qc = true; return UInt64(Int64.max) }
        return r
    }
    return UInt64(bitPattern: d &+ Int64(n))
}

/// USQADD on one lane: unsigned d plus signed n, saturated unsigned.
@inline(__always) func simdUnsignedPlusSigned(_ d: UInt64, _ n: Int64, _ size: Int, _ qc: inout Bool) -> UInt64 {
    if size < 3 { return simdSatU(Int64(d) &+ n, size, &qc) }
    if n >= 0 {
        let (s, o) = d.addingReportingOverflow(UInt64(n))
        if o { qc = true; return ~0 }
        return s
    }
    let mag = 0 &- UInt64(bitPattern: n)
    if d < mag { qc = true; return 0 }
    return d &- mag
}

extension UInt8 {
    /// The byte with its bit order reversed (RBIT on one byte).
    @inline(__always) var bitReversed8: UInt8 {
        var b = self
        b = (b & 0xF0) >> 4 | (b & 0x0F) << 4
        b = (b & 0xCC) >> 2 | (b & 0x33) << 2
        b = (b & 0xAA) >> 1 | (b & 0x55) << 1
        return b
    }
}
