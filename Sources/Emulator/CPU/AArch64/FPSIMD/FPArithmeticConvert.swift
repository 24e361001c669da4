/// FP conversions shared by scalar FP and AdvSIMD: round to integral (FRINT*), FP to integer or
/// fixed point (FCVT*), integer or fixed point to FP (SCVTF/UCVTF), between precisions (FCVT),
/// and the reciprocal estimates (FRECPE, FRSQRTE, FRECPX). See FPArithmetic.swift for the API.

/// The integer magnitude of a finite value scaled by 2^fbits, rounded; `inexact` says whether
/// anything was discarded. Magnitudes beyond 2^80 are clamped (every caller saturates them).
@inline(__always)
private func fpRoundedMagnitude(_ v: FPValue, fbits: Int, _ rounding: FPRounding)
    -> (magnitude: UInt128, inexact: Bool) {
    let e = v.exp + fbits
    if e >= 0 {
        if e + (64 - v.sig.leadingZeroBitCount) > 80 { return (1 << 80, false) }
        return (UInt128(v.sig) << UInt128(e), false)
    }
    let shift = -e
    let mant: UInt64
    let halfCompare: Int
    if shift > 64 {
        mant = 0; halfCompare = -1
    } else if shift == 64 {
        mant = 0
        halfCompare = v.sig > 1 << 63 ? 1 : (v.sig == 1 << 63 ? 0 : -1)
    } else {
        mant = v.sig >> UInt64(shift)
        let rem = v.sig & ((1 << UInt64(shift)) - 1)
        if rem == 0 { return (UInt128(mant), false) }
        let half: UInt64 = 1 << UInt64(shift - 1)
        halfCompare = rem > half ? 1 : (rem == half ? 0 : -1)
    }
    let up = fpRoundsUp(rounding, sign: v.sign, lsbOdd: mant & 1 != 0, halfCompare: halfCompare)
    return (UInt128(mant) + (up ? 1 : 0), true)
}

/// FPRoundInt (FRINTN/P/M/Z/A/I/X): the result keeps the operand's sign even when it is zero.
func fpRoundInt(_ a: UInt64, _ f: FPFormat, _ rounding: FPRounding, exact: Bool,
                _ fpcr: UInt64, _ fpsr: inout UInt64) -> UInt64 {
    let v = fpUnpack(a, f, fpcr, &fpsr)
    switch v.kind {
    case .quietNaN, .signallingNaN: return fpProcessNaN(a, v.kind, f, fpcr, &fpsr)
    case .infinity: return fpInfinity(v.sign, f)
    case .zero: return fpZero(v.sign, f)
    case .finite: break
    }
    if v.exp >= 0 { return a & f.valueMask }                   // already integral
    let (m, inexact) = fpRoundedMagnitude(v, fbits: 0, rounding)
    if inexact && exact { fpsr |= FPFlag.inexact }
    if m == 0 { return fpZero(v.sign, f) }
    var ignored: UInt64 = 0                                    // integral values are exact
    return fpRoundPack(v.sign, 0, UInt64(truncatingIfNeeded: m), f, .zero, fpcr, &ignored)
}

/// FPRoundIntN (FRINT32Z/X, FRINT64Z/X): out of range, infinite or NaN gives -2^(intBits-1) and IOC.
func fpRoundIntN(_ a: UInt64, _ f: FPFormat, _ rounding: FPRounding, intBits: Int,
                 _ fpcr: UInt64, _ fpsr: inout UInt64) -> UInt64 {
    let v = fpUnpack(a, f, fpcr, &fpsr)
    let mostNegative = f.signBit | (UInt64(f.bias + intBits - 1) << UInt64(f.fracBits))
    switch v.kind {
    case .quietNaN, .signallingNaN, .infinity:
        fpsr |= FPFlag.invalidOp
        return mostNegative
    case .zero: return fpZero(v.sign, f)
    case .finite: break
    }
    let (m, inexact) = fpRoundedMagnitude(v, fbits: 0, rounding)
    let limit: UInt128 = 1 << UInt128(intBits - 1)
    if v.sign ? m > limit : m >= limit {
        fpsr |= FPFlag.invalidOp
        return mostNegative
    }
    if inexact { fpsr |= FPFlag.inexact }
    if m == 0 { return fpZero(v.sign, f) }
    var ignored: UInt64 = 0
    return fpRoundPack(v.sign, 0, UInt64(truncatingIfNeeded: m), f, .zero, fpcr, &ignored)
}

/// FPToFixed: value * 2^fbits rounded to an intBits-wide integer (16, 32 or 64), saturating
/// with IOC (and no IXC); NaN gives 0 with IOC. The result is in the low intBits.
func fpToFixed(_ a: UInt64, _ f: FPFormat, fbits: Int, unsigned: Bool, _ rounding: FPRounding,
               intBits: Int, _ fpcr: UInt64, _ fpsr: inout UInt64) -> UInt64 {
    let v = fpUnpack(a, f, fpcr, &fpsr)
    let mask: UInt64 = intBits == 64 ? ~0 : (1 << UInt64(intBits)) - 1
    let maxSigned = mask >> 1
    switch v.kind {
    case .quietNaN, .signallingNaN:
        fpsr |= FPFlag.invalidOp
        return 0
    case .zero: return 0
    case .infinity:
        fpsr |= FPFlag.invalidOp
        if unsigned { return v.sign ? 0 : mask }
        return v.sign ? (maxSigned &+ 1) & mask : maxSigned
    case .finite: break
    }
    let (m, inexact) = fpRoundedMagnitude(v, fbits: fbits, rounding)
    if unsigned {
        if v.sign && m != 0 { fpsr |= FPFlag.invalidOp; return 0 }
        if m > UInt128(mask) { fpsr |= FPFlag.invalidOp; return mask }
        if inexact { fpsr |= FPFlag.inexact }
        return UInt64(truncatingIfNeeded: m)
    }
    if v.sign {
        if m > UInt128(maxSigned) + 1 { fpsr |= FPFlag.invalidOp; return (maxSigned &+ 1) & mask }
        if inexact { fpsr |= FPFlag.inexact }
        return (0 &- UInt64(truncatingIfNeeded: m)) & mask
    }
    if m > UInt128(maxSigned) { fpsr |= FPFlag.invalidOp; return maxSigned }
    if inexact { fpsr |= FPFlag.inexact }
    return UInt64(truncatingIfNeeded: m)
}

/// FPToFixedJS (FJCVTZS): double to int32 rounding toward zero, modulo 2^32 (JavaScript
/// ToInt32). Returns the result and the Z flag (set when the conversion was exact and in range).
func fpToInt32JS(_ a: UInt64, _ fpcr: UInt64, _ fpsr: inout UInt64) -> (UInt64, Bool) {
    let f = FPFormat.double
    let v = fpUnpack(a, f, fpcr, &fpsr)
    switch v.kind {
    case .quietNaN, .signallingNaN, .infinity:
        fpsr |= FPFlag.invalidOp
        return (0, false)
    case .zero:
        return (0, !v.sign && a & f.fracMask == 0)
    case .finite: break
    }
    var low: UInt64                 // low 64 bits of the truncated magnitude
    var inexact = false
    var big = false                 // magnitude >= 2^64
    if v.exp >= 0 {
        big = v.exp + (64 - v.sig.leadingZeroBitCount) > 64
        low = v.exp >= 64 ? 0 : v.sig << UInt64(v.exp)
    } else if -v.exp >= 64 {
        low = 0; inexact = true
    } else {
        low = v.sig >> UInt64(-v.exp)
        inexact = v.sig & ((1 << UInt64(-v.exp)) - 1) != 0
    }
    let result = (v.sign ? 0 &- low : low) & 0xFFFF_FFFF
    if big || (v.sign ? low > 1 << 31 : low > (1 << 31) - 1) {
        fpsr |= FPFlag.invalidOp
        return (result, false)
    }
    if inexact {
        fpsr |= FPFlag.inexact
        return (result, false)
    }
    return (result, true)
}

/// FixedToFP: the intBits-wide integer `x` (signed or not) divided by 2^fbits, rounded into `f`.
func fpFromFixed(_ x: UInt64, intBits: Int, signed: Bool, fbits: Int, _ f: FPFormat,
                 _ rounding: FPRounding, _ fpcr: UInt64, _ fpsr: inout UInt64) -> UInt64 {
    var value = intBits == 64 ? x : x & ((1 << UInt64(intBits)) - 1)
    var negative = false
    if signed && value >> UInt64(intBits - 1) & 1 != 0 {
        negative = true
        value = (0 &- value) & (intBits == 64 ? ~0 : (1 << UInt64(intBits)) - 1)
        if value == 0 { value = 1 << UInt64(intBits - 1) }   // unreachable guard for -2^(n-1)
    }
    if value == 0 { return 0 }
    return fpRoundPack(negative, -fbits, value, f, rounding, fpcr, &fpsr)
}

/// FPConvert (FCVT): between half, single and double; rounding from FPCR. Half uses FPCR.AHP;
/// NaN payloads keep their top fraction bits.
func fpConvert(_ a: UInt64, from: FPFormat, to: FPFormat, _ fpcr: UInt64,
               _ fpsr: inout UInt64) -> UInt64 {
    fpConvert(a, from: from, to: to, FPRounding(fpcr: fpcr), fpcr, &fpsr)
}

func fpConvert(_ a: UInt64, from: FPFormat, to: FPFormat, _ rounding: FPRounding,
               _ fpcr: UInt64, _ fpsr: inout UInt64) -> UInt64 {
    let v = fpUnpack(a, from, fpcr, &fpsr, conversion: true)
    let toAHP = to.isHalf && fpcr & FPCRBit.ahp != 0
    switch v.kind {
    case .quietNaN, .signallingNaN:
        if toAHP {
            fpsr |= FPFlag.invalidOp
            return fpZero(v.sign, to)
        }
        if v.kind == .signallingNaN { fpsr |= FPFlag.invalidOp }
        if fpcr & FPCRBit.dn != 0 { return to.defaultNaN }
        let frac = a & from.fracMask
        let moved = to.fracBits >= from.fracBits ? frac << UInt64(to.fracBits - from.fracBits)
                                                 : frac >> UInt64(from.fracBits - to.fracBits)
        return (v.sign ? to.signBit : 0) | to.infinity | to.quietBit | moved
    case .infinity:
        if toAHP {
            fpsr |= FPFlag.invalidOp
            return (v.sign ? to.signBit : 0) | 0x7FFF
        }
        return fpInfinity(v.sign, to)
    case .zero:
        return fpZero(v.sign, to)
    case .finite:
        return fpRoundPack(v.sign, v.exp, v.sig, to, rounding, fpcr, &fpsr, conversion: true)
    }
}

// MARK: - Reciprocal estimates

/// FRECPX: the reciprocal exponent (fraction cleared, exponent bit-inverted).
func fpRecpX(_ a: UInt64, _ f: FPFormat, _ fpcr: UInt64, _ fpsr: inout UInt64) -> UInt64 {
    let v = fpUnpack(a, f, fpcr, &fpsr)
    if v.isNaN { return fpProcessNaN(a, v.kind, f, fpcr, &fpsr) }
    let signBits = v.sign ? f.signBit : 0
    let expField = (a >> UInt64(f.fracBits)) & UInt64(f.maxBiasedExp)
    if expField == 0 {               // zero or denormal: maximum exponent below infinity
        return signBits | (UInt64(f.maxBiasedExp - 1) << UInt64(f.fracBits))
    }
    return signBits | ((~expField & UInt64(f.maxBiasedExp)) << UInt64(f.fracBits))
}

/// The Arm RecipEstimate table step: a in [256, 512) gives an estimate in [256, 512].
@inline(__always) private func recipEstimate(_ a: Int) -> Int {
    let a2 = a * 2 + 1
    let b = (1 << 19) / a2
    return (b + 1) / 2
}

/// The Arm RecipSqrtEstimate table step: a in [128, 512) gives an estimate in [256, 512).
@inline(__always) private func recipSqrtEstimate(_ a0: Int) -> Int {
    var a = a0
    if a < 256 { a = a * 2 + 1 } else { a = (a >> 1) << 1; a = (a + 1) * 2 }
    var b = 512
    while a * (b + 1) * (b + 1) < (1 << 28) { b += 1 }
    return (b + 1) / 2
}

/// FRECPE (FPRecipEstimate): an 8-bit-accurate reciprocal.
func fpRecipEstimate(_ a: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                     _ fpsr: inout UInt64) -> UInt64 {
    let v = fpUnpack(a, f, fpcr, &fpsr)
    switch v.kind {
    case .quietNaN, .signallingNaN: return fpProcessNaN(a, v.kind, f, fpcr, &fpsr)
    case .infinity: return fpZero(v.sign, f)
    case .zero:
        fpsr |= FPFlag.divByZero
        return fpInfinity(v.sign, f)
    case .finite: break
    }
    let signBits = v.sign ? f.signBit : 0
    // Values so small that the reciprocal overflows.
    let lz = v.sig.leadingZeroBitCount
    let unbiased = v.exp + 63 - lz                        // value = 1.x * 2^unbiased
    if unbiased < -(f.bias + 1) - 1 || (unbiased == -(f.bias + 1) - 1) {
        // |value| < 2^-(bias+1): result overflows.
        fpsr |= FPFlag.overflow | FPFlag.inexact
        let rounding = FPRounding(fpcr: fpcr)
        let toInf: Bool
        switch rounding {
        case .tieEven, .tieAway: toInf = true
        case .posInf: toInf = !v.sign
        case .negInf: toInf = v.sign
        case .zero: toInf = false
        }
        return signBits | (toInf ? f.infinity : f.maxNormal)
    }
    // Flush when the result would be denormal and FZ (or FZ16) is set.
    let flush = f.isHalf ? fpcr & FPCRBit.fz16 != 0 : fpcr & FPCRBit.fz != 0
    if unbiased >= f.bias - 1 && flush {
        fpsr |= FPFlag.underflow
        return signBits
    }
    // Arm scales the raw fields: fraction left-aligned, a denormal's exponent becomes 0 or -1.
    var exp = Int(truncatingIfNeeded: (a >> UInt64(f.fracBits))) & f.maxBiasedExp
    var fraction = (a & f.fracMask) << UInt64(64 - f.fracBits)
    if exp == 0 {
        if fraction >> 63 == 0 { exp = -1; fraction <<= 2 } else { fraction <<= 1 }
    }
    let estimate = recipEstimate(256 + Int(fraction >> 56))   // [256, 512]
    var resultExp = 2 * f.bias - 1 - exp
    var resultFrac = UInt64(estimate & 0xFF) << 56
    if resultExp == 0 {
        resultFrac = (resultFrac >> 1) | (1 << 63)
    } else if resultExp == -1 {
        resultFrac = (resultFrac >> 2) | (1 << 62)
        resultExp = 0
    }
    return signBits | (UInt64(resultExp) << UInt64(f.fracBits)) |
        (resultFrac >> UInt64(64 - f.fracBits))
}

/// FRSQRTE (FPRSqrtEstimate): an 8-bit-accurate reciprocal square root.
func fpRSqrtEstimate(_ a: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                     _ fpsr: inout UInt64) -> UInt64 {
    let v = fpUnpack(a, f, fpcr, &fpsr)
    switch v.kind {
    case .quietNaN, .signallingNaN: return fpProcessNaN(a, v.kind, f, fpcr, &fpsr)
    case .zero:
        fpsr |= FPFlag.divByZero
        return fpInfinity(v.sign, f)
    case .infinity where !v.sign: return 0
    default: break
    }
    if v.sign {
        fpsr |= FPFlag.invalidOp
        return f.defaultNaN
    }
    // Normalise: denormals get a negative biased exponent and a left-aligned fraction.
    let lz = v.sig.leadingZeroBitCount
    let exp = v.exp + 63 - lz + f.bias                   // biased exponent, may be <= 0
    let fraction = (v.sig << UInt64(lz)) << 1            // left-aligned fraction bits
    let scaled = exp & 1 == 0 ? 256 + Int(fraction >> 56) : 128 + Int(fraction >> 57)
    let estimate = recipSqrtEstimate(scaled)
    let resultExp = (3 * f.bias - 1 - exp) / 2
    return (UInt64(resultExp) << UInt64(f.fracBits)) |
        (UInt64(estimate & 0xFF) << UInt64(f.fracBits - 8))
}
