/// AdvSIMD "three different": widening (xADDL/xADDW/xSUBL/xSUBW/xABAL/xABDL/xMLAL/xMLSL/xMULL,
/// SQDMLAL/SQDMLSL/SQDMULL, PMULL) and narrowing high-half (ADDHN/SUBHN/RADDHN/RSUBHN) forms.
/// The "2" variants (Q = 1) read the upper half of the narrow sources or write the upper half.
extension AArch64CPU {
    func simdThreeDifferent(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31), rm = Int(insn >> 16 & 31)
        let opcode = insn >> 12 & 15
        let u = insn >> 29 & 1
        let q = insn & 0x4000_0000 != 0
        let size = Int(insn >> 22 & 3)
        let op = u << 4 | opcode
        let wide = size &+ 1
        let lanes = 8 >> size                          // wide lanes in the result
        let part = q ? lanes : 0                       // first narrow lane used

        switch op {
        case 0x0E:                                     // PMULL, PMULL2
            if size == 0 {
                var r = V128()
                for i in 0..<8 { r.set(i, 1, simdPolyMul8(vLane(rn, i &+ part, 0), vLane(rm, i &+ part, 0))) }
                vWrite(rd, r, q: true)
                return true
            }
            if size == 3 {
                let a = q ? vHi(rn) : vLo(rn), b = q ? vHi(rm) : vLo(rm)
                let (lo, hi) = simdPolyMul64(a, b)
                vWrite(rd, lo: lo, hi: hi)
                return true
            }
            return false
        case 0x09, 0x0B, 0x0D:
            if size != 1 && size != 2 { return false }
        case 0x19, 0x1B, 0x1D, 0x1E, 0x1F, 0x0F:
            return false
        default:
            if size == 3 { return false }
        }

        if op & 0xF == 4 || op & 0xF == 6 {            // ADDHN SUBHN RADDHN RSUBHN
            var r = V128()
            let esize = UInt64(8 << size)
            let roundBit: UInt64 = u == 1 ? 1 &<< (esize &- 1) : 0
            for i in 0..<lanes {
                let a = vLane(rn, i, wide), b = vLane(rm, i, wide)
                let s = (op & 0xF == 4 ? a &+ b : a &- b) &+ roundBit
                r.set(i, size, s >> esize)
            }
            if q { vWrite(rd, lo: vLo(rd), hi: r.lo) } else { vWrite(rd, lo: r.lo, hi: 0) }
            return true
        }

        var r = V128()
        var qc = false
        let signed = u == 0
        for i in 0..<lanes {
            let bn = vLane(rm, i &+ part, size)
            let b = signed ? simdSext(bn, size) : Int64(bn)
            let a: Int64
            if opcode == 1 || opcode == 3 {            // W forms: Vn is already wide
                let an = vLane(rn, i, wide)
                a = signed ? simdSext(an, wide) : Int64(bitPattern: an)
            } else {
                let an = vLane(rn, i &+ part, size)
                a = signed ? simdSext(an, size) : Int64(an)
            }
            let value: UInt64
            switch opcode {
            case 0, 1: value = UInt64(bitPattern: a &+ b)
            case 2, 3: value = UInt64(bitPattern: a &- b)
            case 5: value = vLane(rd, i, wide) &+ UInt64(bitPattern: abs(a &- b))
            case 7: value = UInt64(bitPattern: abs(a &- b))
            case 8: value = vLane(rd, i, wide) &+ UInt64(bitPattern: a &* b)
            case 10: value = vLane(rd, i, wide) &- UInt64(bitPattern: a &* b)
            case 12: value = UInt64(bitPattern: a &* b)
            case 9, 11, 13:                            // SQDMLAL SQDMLSL SQDMULL
                let product = simdDoublingProduct(a, b, size, &qc)
                if opcode == 13 { value = product; break }
                value = simdSatAccumulate(vLane(rd, i, wide), product, wide, subtract: opcode == 11, &qc)
            default: return false
            }
            r.set(i, wide, value)
        }
        if qc { setQC() }
        vWrite(rd, r, q: true)
        return true
    }

    /// Scalar SQDMLAL, SQDMLSL, SQDMULL (H or S sources).
    func simdScalarThreeDifferent(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31), rm = Int(insn >> 16 & 31)
        let opcode = insn >> 12 & 15
        let size = Int(insn >> 22 & 3)
        if insn & 0x2000_0000 != 0 || (size != 1 && size != 2) { return false }
        if opcode != 9 && opcode != 11 && opcode != 13 { return false }
        var qc = false
        let product = simdDoublingProduct(simdSext(vLane(rn, 0, size), size), simdSext(vLane(rm, 0, size), size), size, &qc)
        var value = product
        if opcode != 13 {
            value = simdSatAccumulate(vLane(rd, 0, size &+ 1), product, size &+ 1, subtract: opcode == 11, &qc)
        }
        if qc { setQC() }
        var r = V128()
        r.set(0, size &+ 1, value)
        vWrite(rd, r, q: false)
        return true
    }
}

/// 2 * a * b for narrow signed lanes, saturated to the wide lane.
@inline(__always) func simdDoublingProduct(_ a: Int64, _ b: Int64, _ size: Int, _ qc: inout Bool) -> UInt64 {
    let p = a &* b
    if size == 2 {
        if p == Int64(1) << 62 { qc = true; return UInt64(Int64.max) }
        return UInt64(bitPattern: p &<< 1)
    }
    return simdSatS(p &<< 1, size &+ 1, &qc)
}

/// Saturating wide accumulate (d + p or d - p) for the SQDMLAL family.
@inline(__always)
func simdSatAccumulate(_ d: UInt64, _ p: UInt64, _ wide: Int, subtract: Bool, _ qc: inout Bool) -> UInt64 {
    let sd = simdSext(d, wide), sp = simdSext(p, wide)
    if wide == 3 {
        let (s, o) = subtract ? sd.subtractingReportingOverflow(sp) : sd.addingReportingOverflow(sp)
        if o { qc = true; return s < 0 ? UInt64(Int64.max) : UInt64(bitPattern: Int64.min) }
        return UInt64(bitPattern: s)
    }
    return simdSatS(subtract ? sd &- sp : sd &+ sp, wide, &qc)
}

/// 64 x 64 -> 128-bit carry-less multiply (PMULL2 .1q).
@inline(__always) func simdPolyMul64(_ a: UInt64, _ b: UInt64) -> (UInt64, UInt64) {
    var lo: UInt64 = 0, hi: UInt64 = 0
    var i: UInt64 = 0
    while i < 64 {
        if (b >> i) & 1 != 0 {
            lo ^= a &<< i
            if i != 0 { hi ^= a &>> (64 &- i) }
        }
        i &+= 1
    }
    return (lo, hi)
}
