/// Shared AArch64 floating-point operations, used by scalar FP and by AdvSIMD vector FP.
///
/// API (stable; all internal free functions):
///   Operands and results are raw bit patterns in the low bits of a UInt64 (upper bits zero);
///   `f` is the format (`FPFormat.half`, `.single`, `.double`); `fpcr` is the guest FPCR;
///   `fpsr` is the guest FPSR, whose cumulative flags (IOC DZC OFC UFC IXC IDC) are ORed in.
///   Every function implements the Arm ARM pseudocode of the same name: AArch64 NaN propagation
///   (signalling first, then first operand; DN gives the default NaN), FZ/FZ16 flushing with IDC,
///   tininess before rounding, the FPCR rounding mode unless a `rounding` argument is given.
///
///   fpAdd(a, b, f, fpcr, &fpsr)            a + b
///   fpSub(a, b, f, fpcr, &fpsr)            a - b
///   fpMul(a, b, f, fpcr, &fpsr)            a * b
///   fpMulX(a, b, f, fpcr, &fpsr)           FMULX: as fpMul but inf * 0 = +-2.0, no IOC
///   fpDiv(a, b, f, fpcr, &fpsr)            a / b
///   fpSqrt(a, f, fpcr, &fpsr)              square root
///   fpMulAdd(addend, a, b, f, fpcr, &fpsr) addend + a * b, fused (FPMulAdd). FMSUB-style forms
///                                          negate operands with fpNeg *before* the call, as Arm
///                                          does, so a NaN operand's sign flips.
///   fpMax / fpMin / fpMaxNum / fpMinNum(a, b, f, fpcr, &fpsr)   FMAX FMIN FMAXNM FMINNM
///   fpNeg(a, f) / fpAbs(a, f)              sign-bit operations, no flags, no NaN processing
///   fpCompare(a, b, f, signalAllNaNs, fpcr, &fpsr) -> NZCV in bits 3:0 (FCMP/FCMPE)
///   fpCompareEQ / GE / GT(a, b, f, fpcr, &fpsr) -> Bool (FCMEQ quiet; GE/GT signal on any NaN)
///   fpRoundInt(a, f, rounding, exact, fpcr, &fpsr)             FRINT*; exact = FRINTX (raises IXC)
///   fpRoundIntN(a, f, rounding, intBits, fpcr, &fpsr)          FRINT32* / FRINT64*
///   fpToFixed(a, f, fbits, unsigned, rounding, intBits, fpcr, &fpsr) -> integer (two's
///                                          complement in the low intBits, upper bits zero);
///                                          saturates with IOC (FCVTZS, FCVTNU, ... fixed forms)
///   fpFromFixed(x, intBits, signed, fbits, f, rounding, fpcr, &fpsr) -> bits (SCVTF/UCVTF)
///   fpConvert(a, from, to, fpcr, &fpsr)    FCVT between half, single, double (AHP honoured)
///   fpRecipStep(a, b, f, fpcr, &fpsr)      FRECPS: 2 - a*b fused
///   fpRSqrtStep(a, b, f, fpcr, &fpsr)      FRSQRTS: (3 - a*b) / 2 fused
///   fpRecipEstimate / fpRSqrtEstimate / fpRecpX(a, f, fpcr, &fpsr)   FRECPE FRSQRTE FRECPX
///
/// Common double and single cases take a host fast path (round to nearest, no flushing, normal
/// operands and result) whose exactness is checked with error-free transformations; everything
/// else is computed exactly in integers and rounded by `fpRoundPack`.

@inline(__always) func fpNeg(_ a: UInt64, _ f: FPFormat) -> UInt64 { a ^ f.signBit }
@inline(__always) func fpAbs(_ a: UInt64, _ f: FPFormat) -> UInt64 { a & ~f.signBit }

/// True when FPCR selects round-to-nearest with no flushing, so host arithmetic can be used.
@inline(__always) private func fpHostModes(_ fpcr: UInt64) -> Bool {
    fpcr & (3 << FPCRBit.rmodeShift | FPCRBit.fz) == 0
}

/// Biased exponent field of a double; 0 for zero/denormal, 0x7FF for inf/NaN.
@inline(__always) private func dexp(_ x: UInt64) -> UInt64 { (x >> 52) & 0x7FF }
@inline(__always) private func sexp(_ x: UInt64) -> UInt64 { (x >> 23) & 0xFF }

/// Exact-sum error of a + b (Knuth TwoSum), valid when a + b does not overflow.
@inline(__always) private func twoSumError(_ a: Double, _ b: Double, _ s: Double) -> Double {
    let bb = s - a
    let aa = s - bb
    return (a - aa) + (b - bb)
}

// MARK: - Add, subtract

func fpAdd(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
           _ fpsr: inout UInt64) -> UInt64 {
    if fpHostModes(fpcr) {
        if f.isDouble {
            let ea = dexp(a), eb = dexp(b)
            if ea != 0 && ea != 0x7FF && eb != 0 && eb != 0x7FF {
                let x = Double(bitPattern: a), y = Double(bitPattern: b)
                let s = x + y
                let es = dexp(s.bitPattern)
                if es != 0 && es != 0x7FF {
                    if twoSumError(x, y, s) != 0 { fpsr |= FPFlag.inexact }
                    return s.bitPattern
                }
            }
        } else if !f.isHalf {
            let ea = sexp(a), eb = sexp(b)
            if ea != 0 && ea != 0xFF && eb != 0 && eb != 0xFF {
                let x = Double(Float(bitPattern: UInt32(truncatingIfNeeded: a)))
                let y = Double(Float(bitPattern: UInt32(truncatingIfNeeded: b)))
                let s = x + y
                if twoSumError(x, y, s) == 0 {
                    let r = Float(s)
                    let bits = UInt64(r.bitPattern)
                    let er = sexp(bits)
                    if er > 1 && er != 0xFF {   // exponent 1 may be tiny before rounding
                        if Double(r) != s { fpsr |= FPFlag.inexact }
                        return bits
                    }
                }
            }
        }
    }
    return fpAddSlow(a, b, f, fpcr, &fpsr)
}

@inline(__always)
func fpSub(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
           _ fpsr: inout UInt64) -> UInt64 {
    // FPSub differs from FPAdd with a negated operand only in NaN sign: keep b's NaN intact.
    let vb = (b >> UInt64(f.fracBits)) & UInt64(f.maxBiasedExp) == UInt64(f.maxBiasedExp)
        && b & f.fracMask != 0
    if vb {
        let va = fpUnpack(a, f, fpcr, &fpsr)
        let vbv = fpUnpack(b, f, fpcr, &fpsr)
        return fpProcessNaNs(a, va, b, vbv, f, fpcr, &fpsr) ?? f.defaultNaN
    }
    return fpAdd(a, b ^ f.signBit, f, fpcr, &fpsr)
}

private func fpAddSlow(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                       _ fpsr: inout UInt64) -> UInt64 {
    let va = fpUnpack(a, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    if let nan = fpProcessNaNs(a, va, b, vb, f, fpcr, &fpsr) { return nan }
    let rounding = FPRounding(fpcr: fpcr)
    if va.kind == .infinity && vb.kind == .infinity && va.sign != vb.sign {
        fpsr |= FPFlag.invalidOp
        return f.defaultNaN
    }
    if va.kind == .infinity { return fpInfinity(va.sign, f) }
    if vb.kind == .infinity { return fpInfinity(vb.sign, f) }
    if va.kind == .zero && vb.kind == .zero {
        return fpZero(va.sign == vb.sign ? va.sign : rounding == .negInf, f)
    }
    return fpRoundSum(va.sign, va.exp, UInt128(va.sig), vb.sign, vb.exp, vb.sig, f, rounding,
                      fpcr, &fpsr)
}

// MARK: - Multiply

func fpMul(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
           _ fpsr: inout UInt64) -> UInt64 {
    if fpHostModes(fpcr) {
        if f.isDouble {
            let ea = dexp(a), eb = dexp(b)
            if ea != 0 && ea != 0x7FF && eb != 0 && eb != 0x7FF {
                let x = Double(bitPattern: a), y = Double(bitPattern: b)
                let p = x * y
                let ep = dexp(p.bitPattern)
                // Above 2^-968 the product's rounding error is itself a double.
                if ep > 54 && ep != 0x7FF {
                    if (-p).addingProduct(x, y) != 0 { fpsr |= FPFlag.inexact }
                    return p.bitPattern
                }
            }
        } else if !f.isHalf {
            let ea = sexp(a), eb = sexp(b)
            if ea != 0 && ea != 0xFF && eb != 0 && eb != 0xFF {
                let p = Double(Float(bitPattern: UInt32(truncatingIfNeeded: a))) *
                    Double(Float(bitPattern: UInt32(truncatingIfNeeded: b)))   // exact
                let r = Float(p)
                let bits = UInt64(r.bitPattern)
                let er = sexp(bits)
                if er > 1 && er != 0xFF {   // exponent 1 may be tiny before rounding
                    if Double(r) != p { fpsr |= FPFlag.inexact }
                    return bits
                }
            }
        }
    }
    return fpMulSlow(a, b, f, fpcr, &fpsr, mulX: false)
}

func fpMulX(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
            _ fpsr: inout UInt64) -> UInt64 {
    fpMulSlow(a, b, f, fpcr, &fpsr, mulX: true)
}

private func fpMulSlow(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                       _ fpsr: inout UInt64, mulX: Bool) -> UInt64 {
    let va = fpUnpack(a, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    if let nan = fpProcessNaNs(a, va, b, vb, f, fpcr, &fpsr) { return nan }
    let sign = va.sign != vb.sign
    if (va.kind == .infinity && vb.kind == .zero) || (va.kind == .zero && vb.kind == .infinity) {
        if mulX { return (sign ? f.signBit : 0) | (f.one + (1 << UInt64(f.fracBits))) }  // +-2.0
        fpsr |= FPFlag.invalidOp
        return f.defaultNaN
    }
    if va.kind == .infinity || vb.kind == .infinity { return fpInfinity(sign, f) }
    if va.kind == .zero || vb.kind == .zero { return fpZero(sign, f) }
    return fpRoundPackWide(sign, va.exp + vb.exp, UInt128(va.sig) * UInt128(vb.sig), f,
                           FPRounding(fpcr: fpcr), fpcr, &fpsr)
}

// MARK: - Divide, square root

func fpDiv(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
           _ fpsr: inout UInt64) -> UInt64 {
    if fpHostModes(fpcr) {
        if f.isDouble {
            let ea = dexp(a), eb = dexp(b)
            if ea > 54 && ea != 0x7FF && eb != 0 && eb != 0x7FF {
                let x = Double(bitPattern: a), y = Double(bitPattern: b)
                let q = x / y
                let eq = dexp(q.bitPattern)
                if eq != 0 && eq != 0x7FF {
                    // a - q*b is exact here, and zero exactly when the quotient is.
                    if x.addingProduct(-q, y) != 0 { fpsr |= FPFlag.inexact }
                    return q.bitPattern
                }
            }
        } else if !f.isHalf {
            let ea = sexp(a), eb = sexp(b)
            if ea != 0 && ea != 0xFF && eb != 0 && eb != 0xFF {
                let x = Double(Float(bitPattern: UInt32(truncatingIfNeeded: a)))
                let y = Double(Float(bitPattern: UInt32(truncatingIfNeeded: b)))
                // Double rounding through 53 bits is innocuous for a 24-bit quotient.
                let r = Float(x / y)
                let bits = UInt64(r.bitPattern)
                let er = sexp(bits)
                if er > 1 && er != 0xFF {   // exponent 1 may be tiny before rounding
                    if Double(r) * y != x { fpsr |= FPFlag.inexact }   // product exact
                    return bits
                }
            }
        }
    }
    let va = fpUnpack(a, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    if let nan = fpProcessNaNs(a, va, b, vb, f, fpcr, &fpsr) { return nan }
    let sign = va.sign != vb.sign
    if (va.kind == .infinity && vb.kind == .infinity) || (va.kind == .zero && vb.kind == .zero) {
        fpsr |= FPFlag.invalidOp
        return f.defaultNaN
    }
    if va.kind == .infinity { return fpInfinity(sign, f) }
    if vb.kind == .zero {
        fpsr |= FPFlag.divByZero
        return fpInfinity(sign, f)
    }
    if va.kind == .zero || vb.kind == .infinity { return fpZero(sign, f) }
    // Normalise both significands to bit 63; the 64-bit quotient of (n << 64) / d, with the
    // remainder jammed into bit 0, carries far more than the 53 + 2 bits rounding needs.
    let la = va.sig.leadingZeroBitCount, lb = vb.sig.leadingZeroBitCount
    var n = va.sig << UInt64(la)
    let d = vb.sig << UInt64(lb)
    var exp = (va.exp - la) - (vb.exp - lb) - 64
    var low: UInt64 = 0
    if n >= d {            // keep the quotient below 2^64
        low = n << 63
        n >>= 1
        exp += 1
    }
    let (q, r) = d.dividingFullWidth((high: n, low: low))
    return fpRoundPack(sign, exp, q | (r != 0 ? 1 : 0), f, FPRounding(fpcr: fpcr), fpcr, &fpsr)
}

func fpSqrt(_ a: UInt64, _ f: FPFormat, _ fpcr: UInt64, _ fpsr: inout UInt64) -> UInt64 {
    if fpHostModes(fpcr) {
        if f.isDouble {
            let ea = dexp(a)
            if ea > 54 && ea != 0x7FF && a >> 63 == 0 {
                let x = Double(bitPattern: a)
                let s = x.squareRoot()
                if x.addingProduct(-s, s) != 0 { fpsr |= FPFlag.inexact }
                return s.bitPattern
            }
        } else if !f.isHalf {
            let ea = sexp(a)
            if ea != 0 && ea != 0xFF && a & 0x8000_0000 == 0 {
                let x = Double(Float(bitPattern: UInt32(truncatingIfNeeded: a)))
                let r = Float(x.squareRoot())
                if Double(r) * Double(r) != x { fpsr |= FPFlag.inexact }
                return UInt64(r.bitPattern)
            }
        }
    }
    let va = fpUnpack(a, f, fpcr, &fpsr)
    switch va.kind {
    case .quietNaN, .signallingNaN: return fpProcessNaN(a, va.kind, f, fpcr, &fpsr)
    case .zero: return fpZero(va.sign, f)
    case .infinity where !va.sign: return f.infinity
    default: break
    }
    if va.sign {
        fpsr |= FPFlag.invalidOp
        return f.defaultNaN
    }
    // Scale to m in [1, 4) with an even exponent; the host square root of m is within half an
    // ulp, and the sign of m - s*s (exact) says on which side the true root lies.
    let lz = va.sig.leadingZeroBitCount
    var e = va.exp + 63 - lz                       // value = 1.xxx * 2^e
    var m = Double(sign: .plus, exponent: 0, significand: Double((va.sig << UInt64(lz)) >> 11) *
                   0x1p-52)
    if e & 1 != 0 { m *= 2; e -= 1 }
    let s = m.squareRoot()
    let residual = m.addingProduct(-s, s)
    // s may round up to exactly 2.0, hence its own exponent.
    var sig = (s.significandBitPattern | (1 << 52)) << 2
    if residual > 0 { sig |= 1 } else if residual < 0 { sig -= 1 }
    return fpRoundPack(false, e / 2 + Int(s.exponent) - 54, sig, f, FPRounding(fpcr: fpcr),
                       fpcr, &fpsr)
}

// MARK: - Fused multiply-add

func fpMulAdd(_ addend: UInt64, _ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
              _ fpsr: inout UInt64) -> UInt64 {
    let vc = fpUnpack(addend, f, fpcr, &fpsr)
    let va = fpUnpack(a, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    let invalidProduct = (va.kind == .infinity && vb.kind == .zero) ||
        (va.kind == .zero && vb.kind == .infinity)
    if let nan = fpProcessNaNs3(addend, vc, a, va, b, vb, f, fpcr, &fpsr) {
        if vc.kind == .quietNaN && invalidProduct {
            fpsr |= FPFlag.invalidOp
            return f.defaultNaN
        }
        return nan
    }
    let rounding = FPRounding(fpcr: fpcr)
    let signP = va.sign != vb.sign
    let infP = va.kind == .infinity || vb.kind == .infinity
    let zeroP = va.kind == .zero || vb.kind == .zero
    if invalidProduct || (vc.kind == .infinity && infP && vc.sign != signP) {
        fpsr |= FPFlag.invalidOp
        return f.defaultNaN
    }
    if vc.kind == .infinity { return fpInfinity(vc.sign, f) }
    if infP { return fpInfinity(signP, f) }
    if vc.kind == .zero && zeroP {
        return fpZero(vc.sign == signP ? vc.sign : rounding == .negInf, f)
    }
    if zeroP {
        return fpRoundPack(vc.sign, vc.exp, vc.sig, f, rounding, fpcr, &fpsr)
    }
    return fpRoundSum(signP, va.exp + vb.exp, UInt128(va.sig) * UInt128(vb.sig),
                      vc.sign, vc.exp, vc.kind == .zero ? 0 : vc.sig, f, rounding, fpcr, &fpsr)
}

/// FRECPS: 2.0 - a*b, fused; inf * 0 gives 2.0 without IOC.
func fpRecipStep(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                 _ fpsr: inout UInt64) -> UInt64 {
    fpStep(a, b, f, fpcr, &fpsr, rsqrt: false)
}

/// FRSQRTS: (3.0 - a*b) / 2, fused; inf * 0 gives 1.5 without IOC.
func fpRSqrtStep(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                 _ fpsr: inout UInt64) -> UInt64 {
    fpStep(a, b, f, fpcr, &fpsr, rsqrt: true)
}

private func fpStep(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                    _ fpsr: inout UInt64, rsqrt: Bool) -> UInt64 {
    let na = fpNeg(a, f)
    let va = fpUnpack(na, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    if let nan = fpProcessNaNs(na, va, b, vb, f, fpcr, &fpsr) { return nan }
    if (va.kind == .infinity && vb.kind == .zero) || (va.kind == .zero && vb.kind == .infinity) {
        // 2.0, or 1.5 for the reciprocal square root step.
        return rsqrt ? f.one | (1 << UInt64(f.fracBits - 1)) : f.one + (1 << UInt64(f.fracBits))
    }
    let signP = va.sign != vb.sign
    if va.kind == .infinity || vb.kind == .infinity { return fpInfinity(signP, f) }
    let rounding = FPRounding(fpcr: fpcr)
    let half = rsqrt ? 1 : 0                   // (3 + p) / 2 = 1.5 + p/2
    if va.kind == .zero || vb.kind == .zero {
        return rsqrt ? f.one | (1 << UInt64(f.fracBits - 1)) : f.one + (1 << UInt64(f.fracBits))
    }
    return fpRoundSum(signP, va.exp + vb.exp - half, UInt128(va.sig) * UInt128(vb.sig),
                      false, rsqrt ? -1 : 1, rsqrt ? 3 : 1, f, rounding, fpcr, &fpsr)
}

// MARK: - Maximum, minimum

func fpMax(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
           _ fpsr: inout UInt64) -> UInt64 {
    fpMinMax(a, b, f, fpcr, &fpsr, max: true)
}

func fpMin(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
           _ fpsr: inout UInt64) -> UInt64 {
    fpMinMax(a, b, f, fpcr, &fpsr, max: false)
}

/// FMAXNM: a single quiet NaN loses to a number (it is treated as -infinity).
func fpMaxNum(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
              _ fpsr: inout UInt64) -> UInt64 {
    let (x, y) = fpNumOperands(a, b, f, fpcr, &fpsr, replacement: fpInfinity(true, f))
    return fpMinMax(x, y, f, fpcr, &fpsr, max: true)
}

/// FMINNM: a single quiet NaN loses to a number (it is treated as +infinity).
func fpMinNum(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
              _ fpsr: inout UInt64) -> UInt64 {
    let (x, y) = fpNumOperands(a, b, f, fpcr, &fpsr, replacement: fpInfinity(false, f))
    return fpMinMax(x, y, f, fpcr, &fpsr, max: false)
}

@inline(__always)
private func fpNumOperands(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                           _ fpsr: inout UInt64, replacement: UInt64) -> (UInt64, UInt64) {
    let qa = fpIsQuietNaN(a, f), qb = fpIsQuietNaN(b, f)
    if qa && !qb { return (replacement, b) }
    if qb && !qa { return (a, replacement) }
    return (a, b)
}

@inline(__always) func fpIsNaN(_ a: UInt64, _ f: FPFormat) -> Bool {
    a & ~f.signBit & f.valueMask > f.infinity
}

@inline(__always) func fpIsQuietNaN(_ a: UInt64, _ f: FPFormat) -> Bool {
    fpIsNaN(a, f) && a & f.quietBit != 0
}

private func fpMinMax(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                      _ fpsr: inout UInt64, max: Bool) -> UInt64 {
    let va = fpUnpack(a, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    if let nan = fpProcessNaNs(a, va, b, vb, f, fpcr, &fpsr) { return nan }
    if va.kind == .zero && vb.kind == .zero {
        return fpZero(max ? (va.sign && vb.sign) : (va.sign || vb.sign), f)
    }
    let x = va.asDouble, y = vb.asDouble
    let pickA = max ? x > y : x < y
    let v = pickA ? va : vb
    switch v.kind {
    case .zero: return fpZero(v.sign, f)        // a flushed denormal
    case .infinity: return fpInfinity(v.sign, f)
    default: return (pickA ? a : b) & f.valueMask
    }
}

// MARK: - Comparisons

/// FCMP/FCMPE: NZCV in bits 3:0 (0110 equal, 1000 less, 0010 greater, 0011 unordered).
func fpCompare(_ a: UInt64, _ b: UInt64, _ f: FPFormat, signalAllNaNs: Bool, _ fpcr: UInt64,
               _ fpsr: inout UInt64) -> UInt64 {
    let va = fpUnpack(a, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    if va.isNaN || vb.isNaN {
        if signalAllNaNs || va.kind == .signallingNaN || vb.kind == .signallingNaN {
            fpsr |= FPFlag.invalidOp
        }
        return 0b0011
    }
    let x = va.asDouble, y = vb.asDouble
    if x == y { return 0b0110 }
    return x < y ? 0b1000 : 0b0010
}

/// FCMEQ: quiet (IOC only for signalling NaNs).
func fpCompareEQ(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                 _ fpsr: inout UInt64) -> Bool {
    let va = fpUnpack(a, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    if va.isNaN || vb.isNaN {
        if va.kind == .signallingNaN || vb.kind == .signallingNaN { fpsr |= FPFlag.invalidOp }
        return false
    }
    return va.asDouble == vb.asDouble
}

/// FCMGE: a >= b; any NaN raises IOC.
func fpCompareGE(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                 _ fpsr: inout UInt64) -> Bool {
    let va = fpUnpack(a, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    if va.isNaN || vb.isNaN {
        fpsr |= FPFlag.invalidOp
        return false
    }
    return va.asDouble >= vb.asDouble
}

/// FCMGT: a > b; any NaN raises IOC.
func fpCompareGT(_ a: UInt64, _ b: UInt64, _ f: FPFormat, _ fpcr: UInt64,
                 _ fpsr: inout UInt64) -> Bool {
    let va = fpUnpack(a, f, fpcr, &fpsr)
    let vb = fpUnpack(b, f, fpcr, &fpsr)
    if va.isNaN || vb.isNaN {
        fpsr |= FPFlag.invalidOp
        return false
    }
    return va.asDouble > vb.asDouble
}
