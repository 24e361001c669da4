/// AdvSIMD floating-point forms, vector and AdvSIMD-scalar, single and double lanes: arithmetic,
/// fused multiply-add, min/max (plain, NM, pairwise, across lanes), compares, conversions, FRINT*,
/// reciprocal estimates and steps, by-element multiplies. Every lane goes through the shared
/// helpers of FPArithmetic*.swift so vector and scalar FP agree on rounding, NaNs and FPSR flags.
/// Half-precision lanes (FEAT_FP16 encodings) are handled too, though AT_HWCAP need not offer them.
extension AArch64CPU {
    /// `half`: the FP16 encoding (bits 22:21 = 10, 3-bit opcode), same operations on H lanes.
    func simdFloatThreeSame(_ insn: UInt32, scalar: Bool, half: Bool = false) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31), rm = Int(insn >> 16 & 31)
        let q = insn & 0x4000_0000 != 0
        let double = !half && insn & 0x0040_0000 != 0
        let opcode = half ? 0x18 | (insn >> 11 & 7) : insn >> 11 & 31
        let op = (insn >> 29 & 1) << 6 | (insn >> 23 & 1) << 5 | opcode              // U:a:opcode
        if !scalar && double && !q { return false }
        if scalar {
            switch op {
            case 0x1B, 0x1C, 0x1F, 0x3F, 0x5C, 0x5D, 0x7A, 0x7C, 0x7D: break
            default: return false
            }
        }
        let f: FPFormat = half ? .half : double ? .double : .single
        let size = half ? 1 : double ? 3 : 2
        let lanes = scalar ? 1 : (q ? 128 : 64) >> (3 &+ size)
        let cr = fpcr
        var fs = fpsr
        var r = V128()
        switch op {
        case 0x58, 0x5A, 0x5E, 0x78, 0x7E:                               // pairwise FMAXNMP FADDP FMAXP FMINNMP FMINP
            let half = lanes >> 1
            for i in 0..<lanes {
                let src = i < half ? rn : rm
                let j = (i < half ? i : i &- half) &<< 1
                let a = vLane(src, j, size), b = vLane(src, j &+ 1, size)
                let value: UInt64
                switch op {
                case 0x58: value = fpMaxNum(a, b, f, cr, &fs)
                case 0x5A: value = fpAdd(a, b, f, cr, &fs)
                case 0x5E: value = fpMax(a, b, f, cr, &fs)
                case 0x78: value = fpMinNum(a, b, f, cr, &fs)
                default: value = fpMin(a, b, f, cr, &fs)
                }
                r.set(i, size, value)
            }
            fpsr = fs
            vWrite(rd, r, q: q)
            return true
        default:
            break
        }
        for i in 0..<lanes {
            let a = vLane(rn, i, size), b = vLane(rm, i, size)
            let value: UInt64
            switch op {
            case 0x18: value = fpMaxNum(a, b, f, cr, &fs)                                  // FMAXNM
            case 0x38: value = fpMinNum(a, b, f, cr, &fs)                                  // FMINNM
            case 0x19: value = fpMulAdd(vLane(rd, i, size), a, b, f, cr, &fs)              // FMLA
            case 0x39: value = fpMulAdd(vLane(rd, i, size), fpNeg(a, f), b, f, cr, &fs)    // FMLS
            case 0x1A: value = fpAdd(a, b, f, cr, &fs)                                     // FADD
            case 0x3A: value = fpSub(a, b, f, cr, &fs)                                     // FSUB
            case 0x1B: value = fpMulX(a, b, f, cr, &fs)                                    // FMULX
            case 0x1C: value = fpCompareEQ(a, b, f, cr, &fs) ? ~0 : 0                      // FCMEQ
            case 0x1E: value = fpMax(a, b, f, cr, &fs)                                     // FMAX
            case 0x3E: value = fpMin(a, b, f, cr, &fs)                                     // FMIN
            case 0x1F: value = fpRecipStep(a, b, f, cr, &fs)                               // FRECPS
            case 0x3F: value = fpRSqrtStep(a, b, f, cr, &fs)                               // FRSQRTS
            case 0x5B: value = fpMul(a, b, f, cr, &fs)                                     // FMUL
            case 0x5C: value = fpCompareGE(a, b, f, cr, &fs) ? ~0 : 0                      // FCMGE
            case 0x7C: value = fpCompareGT(a, b, f, cr, &fs) ? ~0 : 0                      // FCMGT
            case 0x5D: value = fpCompareGE(fpAbs(a, f), fpAbs(b, f), f, cr, &fs) ? ~0 : 0  // FACGE
            case 0x7D: value = fpCompareGT(fpAbs(a, f), fpAbs(b, f), f, cr, &fs) ? ~0 : 0  // FACGT
            case 0x5F: value = fpDiv(a, b, f, cr, &fs)                                     // FDIV
            case 0x7A: value = fpAbs(fpSub(a, b, f, cr, &fs), f)                           // FABD
            default: return false
            }
            r.set(i, size, value)
        }
        fpsr = fs
        vWrite(rd, r, q: q && !scalar)
        return true
    }

    /// `half`: the FP16 encoding (bits 22:17 = 111100), same operations on H lanes.
    func simdFloatTwoRegMisc(_ insn: UInt32, scalar: Bool, half: Bool = false) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let q = insn & 0x4000_0000 != 0
        let double = !half && insn & 0x0040_0000 != 0
        let u = insn >> 29 & 1
        let opcode = insn >> 12 & 31
        let op = u << 6 | (insn >> 23 & 1) << 5 | opcode                   // U:a:opcode
        let cr = fpcr
        var fs = fpsr

        if half && (opcode == 0x16 || opcode == 0x17 || op == 0x3C || op == 0x7C) { return false }
        if opcode == 0x16 || opcode == 0x17 {                                // FCVTN FCVTXN FCVTL
            if insn & 0x0080_0000 != 0 { return false }
            var r = V128()
            if opcode == 0x17 {                                              // FCVTL(2): widen
                if u == 1 || scalar { return false }
                let (from, to): (FPFormat, FPFormat) = double ? (.single, .double) : (.half, .single)
                let nsize = double ? 2 : 1
                let lanes = double ? 2 : 4
                let part = q ? lanes : 0
                for i in 0..<lanes { r.set(i, nsize &+ 1, fpConvert(vLane(rn, i &+ part, nsize), from: from, to: to, cr, &fs)) }
                fpsr = fs
                vWrite(rd, r, q: true)
                return true
            }
            if u == 1 && !double { return false }                            // FCVTXN is double -> single only
            if scalar && u == 0 { return false }
            let (from, to): (FPFormat, FPFormat) = double ? (.double, .single) : (.single, .half)
            let nsize = double ? 2 : 1
            let lanes = scalar ? 1 : double ? 2 : 4
            for i in 0..<lanes {
                let a = vLane(rn, i, nsize &+ 1)
                let value: UInt64
                if u == 1 {                                                  // round to odd
                    var local: UInt64 = 0
                    let t = fpConvert(a, from: .double, to: .single, .zero, cr, &local)
                    value = (local & FPFlag.inexact != 0 && !fpIsNaN(t, .single)) ? t | 1 : t
                    fs |= local
                } else {
                    value = fpConvert(a, from: from, to: to, cr, &fs)
                }
                r.set(i, nsize, value)
            }
            fpsr = fs
            if scalar { vWrite(rd, r, q: false) }
            else if q { vWrite(rd, lo: vLo(rd), hi: r.lo) }
            else { vWrite(rd, lo: r.lo, hi: 0) }
            return true
        }

        if !scalar && double && !q { return false }
        if scalar {
            switch op {
            case 0x1A, 0x1B, 0x1C, 0x1D, 0x3A, 0x3B, 0x3D, 0x3F, 0x2C, 0x2D, 0x2E,
                 0x5A, 0x5B, 0x5C, 0x5D, 0x7A, 0x7B, 0x7D, 0x6C, 0x6D: break
            default: return false
            }
        } else if op == 0x3F {
            return false                                                     // FRECPX is scalar only
        }
        if op == 0x3C || op == 0x7C {                                        // URECPE URSQRTE (32-bit lanes)
            if scalar || double { return false }
            var r = V128()
            for i in 0..<(q ? 4 : 2) {
                let a = vLane(rn, i, 2)
                let value: UInt64
                if op == 0x3C {
                    value = a >> 31 == 0 ? 0xFFFF_FFFF : UInt64(simdRecipEstimate(Int(a >> 23))) << 23
                } else {
                    value = a >> 30 == 0 ? 0xFFFF_FFFF : UInt64(simdRecipSqrtEstimate(Int(a >> 23))) << 23
                }
                r.set(i, 2, value)
            }
            vWrite(rd, r, q: q)
            return true
        }
        let f: FPFormat = half ? .half : double ? .double : .single
        let size = half ? 1 : double ? 3 : 2
        let esize = 8 << size
        let lanes = scalar ? 1 : (q ? 128 : 64) >> (3 &+ size)
        var r = V128()
        for i in 0..<lanes {
            let a = vLane(rn, i, size)
            let value: UInt64
            switch op {
            case 0x1E, 0x5E:                                                                // FRINT32Z FRINT32X
                if half { return false }
                value = fpRoundIntN(a, f, u == 0 ? .zero : FPRounding(fpcr: cr), intBits: 32, cr, &fs)
            case 0x1F, 0x5F:                                                                // FRINT64Z FRINT64X
                if half { return false }
                value = fpRoundIntN(a, f, u == 0 ? .zero : FPRounding(fpcr: cr), intBits: 64, cr, &fs)
            case 0x2C: value = fpCompareGT(a, 0, f, cr, &fs) ? ~0 : 0                      // FCMGT #0
            case 0x2D: value = fpCompareEQ(a, 0, f, cr, &fs) ? ~0 : 0                      // FCMEQ #0
            case 0x2E: value = fpCompareGT(0, a, f, cr, &fs) ? ~0 : 0                      // FCMLT #0
            case 0x6C: value = fpCompareGE(a, 0, f, cr, &fs) ? ~0 : 0                      // FCMGE #0
            case 0x6D: value = fpCompareGE(0, a, f, cr, &fs) ? ~0 : 0                      // FCMLE #0
            case 0x2F: value = fpAbs(a, f)                                                  // FABS
            case 0x6F: value = fpNeg(a, f)                                                  // FNEG
            case 0x7F: value = fpSqrt(a, f, cr, &fs)                                        // FSQRT
            case 0x18: value = fpRoundInt(a, f, .tieEven, exact: false, cr, &fs)           // FRINTN
            case 0x38: value = fpRoundInt(a, f, .posInf, exact: false, cr, &fs)            // FRINTP
            case 0x19: value = fpRoundInt(a, f, .negInf, exact: false, cr, &fs)            // FRINTM
            case 0x39: value = fpRoundInt(a, f, .zero, exact: false, cr, &fs)              // FRINTZ
            case 0x58: value = fpRoundInt(a, f, .tieAway, exact: false, cr, &fs)           // FRINTA
            case 0x59: value = fpRoundInt(a, f, FPRounding(fpcr: cr), exact: true, cr, &fs)   // FRINTX
            case 0x79: value = fpRoundInt(a, f, FPRounding(fpcr: cr), exact: false, cr, &fs)  // FRINTI
            case 0x1A, 0x5A: value = fpToFixed(a, f, fbits: 0, unsigned: u == 1, .tieEven, intBits: esize, cr, &fs)
            case 0x3A, 0x7A: value = fpToFixed(a, f, fbits: 0, unsigned: u == 1, .posInf, intBits: esize, cr, &fs)
            case 0x1B, 0x5B: value = fpToFixed(a, f, fbits: 0, unsigned: u == 1, .negInf, intBits: esize, cr, &fs)
            case 0x3B, 0x7B: value = fpToFixed(a, f, fbits: 0, unsigned: u == 1, .zero, intBits: esize, cr, &fs)
            case 0x1C, 0x5C: value = fpToFixed(a, f, fbits: 0, unsigned: u == 1, .tieAway, intBits: esize, cr, &fs)
            case 0x1D, 0x5D:                                                                // SCVTF UCVTF
                value = fpFromFixed(a, intBits: esize, signed: u == 0, fbits: 0, f, FPRounding(fpcr: cr), cr, &fs)
            case 0x3D: value = fpRecipEstimate(a, f, cr, &fs)                              // FRECPE
            case 0x7D: value = fpRSqrtEstimate(a, f, cr, &fs)                              // FRSQRTE
            case 0x3F: value = fpRecpX(a, f, cr, &fs)                                      // FRECPX
            default: return false
            }
            r.set(i, size, value)
        }
        fpsr = fs
        vWrite(rd, r, q: q && !scalar)
        return true
    }

    /// SCVTF/UCVTF/FCVTZS/FCVTZU with a fixed-point shift (vector and scalar).
    func simdFloatShiftImmediate(_ insn: UInt32, scalar: Bool) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let q = insn & 0x4000_0000 != 0
        let u = insn >> 29 & 1
        let opcode = insn >> 11 & 31
        let immh = insn >> 19 & 15
        let immhb = Int(insn >> 16 & 127)
        let size: Int
        if immh & 8 != 0 { size = 3 } else if immh & 4 != 0 { size = 2 } else if immh & 2 != 0 { size = 1 } else { return false }
        let double = size == 3
        if !scalar && double && !q { return false }
        let f: FPFormat = size == 1 ? .half : double ? .double : .single
        let esize = 8 << size
        let fbits = 2 &* esize &- immhb
        let lanes = scalar ? 1 : (q ? 128 : 64) >> (3 &+ size)
        let cr = fpcr
        var fs = fpsr
        var r = V128()
        for i in 0..<lanes {
            let a = vLane(rn, i, size)
            let value = opcode == 0x1C
                ? fpFromFixed(a, intBits: esize, signed: u == 0, fbits: fbits, f, FPRounding(fpcr: cr), cr, &fs)
                : fpToFixed(a, f, fbits: fbits, unsigned: u == 1, .zero, intBits: esize, cr, &fs)
            r.set(i, size, value)
        }
        fpsr = fs
        vWrite(rd, r, q: q && !scalar)
        return true
    }

    /// FMAXNMV, FMINNMV, FMAXV, FMINV on 4S, reduced pairwise as the Arm ARM's Reduce does.
    func simdFloatAcrossLanes(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        if insn & 0x0040_0000 != 0 { return false }
        let half = insn & 0x2000_0000 == 0                                   // U = 0: FP16 on 4H/8H
        let q = insn & 0x4000_0000 != 0
        if !half && !q { return false }                                      // single: 4S only
        let size = half ? 1 : 2
        let f: FPFormat = half ? .half : .single
        let opcode = insn >> 12 & 31
        let minimum = insn & 0x0080_0000 != 0
        let kind: Int
        switch (opcode, minimum) {
        case (0x0C, false): kind = 0
        case (0x0C, true): kind = 1
        case (0x0F, false): kind = 2
        case (0x0F, true): kind = 3
        default: return false
        }
        let cr = fpcr
        var fs = fpsr
        // Reduce as the Arm ARM does: halves reduced recursively, then combined.
        var e = V128(lo: vLo(rn), hi: q ? vHi(rn) : 0)
        var count = (q ? 128 : 64) >> (3 &+ size)
        while count > 1 {
            var next = V128()
            for i in 0..<(count >> 1) {
                let a = e.get(2 &* i, size), b = e.get(2 &* i &+ 1, size)
                let value: UInt64
                switch kind {
                case 0: value = fpMaxNum(a, b, f, cr, &fs)
                case 1: value = fpMinNum(a, b, f, cr, &fs)
                case 2: value = fpMax(a, b, f, cr, &fs)
                default: value = fpMin(a, b, f, cr, &fs)
                }
                next.set(i, size, value)
            }
            e = next
            count >>= 1
        }
        let result = e.get(0, size)
        fpsr = fs
        vWrite(rd, lo: result, hi: 0)
        return true
    }

    /// Scalar pairwise FADDP, FMAXP, FMINP, FMAXNMP, FMINNMP on 2S or 2D.
    func simdFloatScalarPairwise(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let half = insn & 0x2000_0000 == 0                                   // U = 0: FP16 on 2H
        let double = !half && insn & 0x0040_0000 != 0
        if half && insn & 0x0040_0000 != 0 { return false }
        let f: FPFormat = half ? .half : double ? .double : .single
        let size = half ? 1 : double ? 3 : 2
        let a = vLane(rn, 0, size), b = vLane(rn, 1, size)
        let cr = fpcr
        var fs = fpsr
        let result: UInt64
        switch (insn >> 12 & 31, insn & 0x0080_0000 != 0) {
        case (0x0C, false): result = fpMaxNum(a, b, f, cr, &fs)
        case (0x0C, true): result = fpMinNum(a, b, f, cr, &fs)
        case (0x0D, false): result = fpAdd(a, b, f, cr, &fs)
        case (0x0F, false): result = fpMax(a, b, f, cr, &fs)
        case (0x0F, true): result = fpMin(a, b, f, cr, &fs)
        default: return false
        }
        fpsr = fs
        vWrite(rd, lo: result, hi: 0)
        return true
    }

    /// FMLA, FMLS, FMUL, FMULX by element (vector and scalar), half, single or double.
    func simdFloatByElement(_ insn: UInt32, scalar: Bool) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        var rm = Int(insn >> 16 & 31)
        let q = insn & 0x4000_0000 != 0
        let half = insn & 0x00C0_0000 == 0                                  // size 00: FP16
        if insn & 0x00C0_0000 == 0x0040_0000 { return false }
        let double = insn & 0x00C0_0000 == 0x00C0_0000
        let h = Int(insn >> 11 & 1), l = Int(insn >> 21 & 1)
        let index: Int
        if half {
            index = h << 2 | l << 1 | Int(insn >> 20 & 1)
            rm &= 15
        } else if double {
            if l != 0 || (!scalar && !q) { return false }
            index = h
        } else {
            index = h << 1 | l
        }
        let f: FPFormat = half ? .half : double ? .double : .single
        let size = half ? 1 : double ? 3 : 2
        let lanes = scalar ? 1 : (q ? 128 : 64) >> (3 &+ size)
        let element = vLane(rm, index, size)
        let op = (insn >> 29 & 1) << 4 | (insn >> 12 & 15)
        let cr = fpcr
        var fs = fpsr
        var r = V128()
        for i in 0..<lanes {
            let a = vLane(rn, i, size)
            let value: UInt64
            switch op {
            case 0x01: value = fpMulAdd(vLane(rd, i, size), a, element, f, cr, &fs)
            case 0x05: value = fpMulAdd(vLane(rd, i, size), fpNeg(a, f), element, f, cr, &fs)
            case 0x09: value = fpMul(a, element, f, cr, &fs)
            default: value = fpMulX(a, element, f, cr, &fs)
            }
            r.set(i, size, value)
        }
        fpsr = fs
        vWrite(rd, r, q: q && !scalar)
        return true
    }
}

/// The Arm ARM's RecipEstimate on a 9-bit input 256...511 (URECPE). The FP helpers keep their
/// copy private, hence this small one.
@inline(__always) func simdRecipEstimate(_ a: Int) -> Int {
    let b = (1 << 19) / (a * 2 + 1)
    return (b + 1) / 2
}

/// The Arm ARM's RecipSqrtEstimate on a 9-bit input 128...511 (URSQRTE).
@inline(__always) func simdRecipSqrtEstimate(_ a0: Int) -> Int {
    let a = a0 < 256 ? a0 * 2 + 1 : (((a0 >> 1) << 1) + 1) * 2
    var b = 512
    while a * (b + 1) * (b + 1) < 1 << 28 { b += 1 }
    return (b + 1) / 2
}
