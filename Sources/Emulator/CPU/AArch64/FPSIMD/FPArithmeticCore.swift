/// Exact IEEE 754 machinery for the AArch64 FP helpers: formats, FPCR/FPSR bits, unpacking an
/// operand and rounding an exact value into a format the way the Arm ARM's FPRound does
/// (tininess before rounding, flush-to-zero, alternative half precision, saturating overflow).
///
/// Nothing here reads host FP flags: results that the host computes are checked for exactness
/// with error-free transformations, and everything else is done in integers, so the answers and
/// the cumulative flags do not depend on x86 MXCSR state.

/// FPSR cumulative exception flags.
enum FPFlag {
    static let invalidOp: UInt64 = 1 << 0      // IOC
    static let divByZero: UInt64 = 1 << 1      // DZC
    static let overflow: UInt64 = 1 << 2       // OFC
    static let underflow: UInt64 = 1 << 3      // UFC
    static let inexact: UInt64 = 1 << 4        // IXC
    static let inputDenormal: UInt64 = 1 << 7  // IDC
}

/// FPCR control bits that change arithmetic.
enum FPCRBit {
    static let ahp: UInt64 = 1 << 26     // alternative half precision (conversions only)
    static let dn: UInt64 = 1 << 25      // default NaN
    static let fz: UInt64 = 1 << 24      // flush single/double denormals to zero
    static let rmodeShift: UInt64 = 22   // RMode, 2 bits
    static let fz16: UInt64 = 1 << 19    // flush half-precision denormals to zero
}

/// Rounding modes; the first four have the FPCR.RMode encoding.
enum FPRounding: UInt8 {
    case tieEven = 0, posInf = 1, negInf = 2, zero = 3, tieAway = 4

    /// The rounding mode FPCR selects.
    @inline(__always) init(fpcr: UInt64) {
        self = FPRounding(rawValue: UInt8(truncatingIfNeeded: (fpcr >> FPCRBit.rmodeShift) & 3))!
    }
}

/// An IEEE binary format, described by its field widths. Values are passed around as raw bit
/// patterns in the low bits of a UInt64.
struct FPFormat {
    let fracBits: Int
    let expBits: Int

    static let half = FPFormat(fracBits: 10, expBits: 5)
    static let single = FPFormat(fracBits: 23, expBits: 8)
    static let double = FPFormat(fracBits: 52, expBits: 11)
    /// BFloat16 (FEAT_BF16): single's exponent range, 7 fraction bits; flushes under FZ.
    static let bfloat16 = FPFormat(fracBits: 7, expBits: 8)

    /// The format selected by a scalar FP `ftype` field (00 single, 01 double, 11 half).
    @inline(__always) static func fromFType(_ ftype: UInt32) -> FPFormat? {
        switch ftype {
        case 0: return .single
        case 1: return .double
        case 3: return .half
        default: return nil
        }
    }

    @inline(__always) var isHalf: Bool { fracBits == 10 }
    @inline(__always) var isDouble: Bool { fracBits == 52 }
    @inline(__always) var bias: Int { (1 << (expBits - 1)) - 1 }
    @inline(__always) var maxBiasedExp: Int { (1 << expBits) - 1 }
    @inline(__always) var signBit: UInt64 { 1 << UInt64(expBits + fracBits) }
    @inline(__always) var fracMask: UInt64 { (1 << UInt64(fracBits)) - 1 }
    @inline(__always) var valueMask: UInt64 { fracBits == 52 ? ~0 : (signBit << 1) - 1 }
    @inline(__always) var quietBit: UInt64 { 1 << UInt64(fracBits - 1) }
    @inline(__always) var infinity: UInt64 { UInt64(maxBiasedExp) << UInt64(fracBits) }
    @inline(__always) var maxNormal: UInt64 { infinity - 1 }
    @inline(__always) var defaultNaN: UInt64 { infinity | quietBit }
    /// Bit pattern of +1.0.
    @inline(__always) var one: UInt64 { UInt64(bias) << UInt64(fracBits) }
}

enum FPKind: UInt8 {
    case zero, finite, infinity, quietNaN, signallingNaN
}

/// An unpacked operand. For `.finite`, the value is (-1)^sign * sig * 2^exp (sig != 0, not
/// necessarily normalised: denormals keep their short significand).
struct FPValue {
    var kind: FPKind
    var sign: Bool
    var exp: Int
    var sig: UInt64

    @inline(__always) var isNaN: Bool { kind.rawValue >= FPKind.quietNaN.rawValue }

    /// The exact value as a Double (every half/single/double value is a Double); NaN excluded.
    @inline(__always) var asDouble: Double {
        let magnitude: Double
        switch kind {
        case .zero: magnitude = 0
        case .infinity: magnitude = .infinity
        default: magnitude = Double(sign: .plus, exponent: exp, significand: Double(sig))
        }
        return sign ? -magnitude : magnitude
    }
}

/// Unpacks `bits` (FPUnpack). Denormals are flushed to zero under FPCR.FZ (single/double, IDC
/// raised) or FPCR.FZ16 (half, no flag). `conversion` selects FPUnpackCV: FZ16 ignored and
/// FPCR.AHP honoured for half inputs.
@inline(__always)
func fpUnpack(_ bits: UInt64, _ f: FPFormat, _ fpcr: UInt64, _ fpsr: inout UInt64,
              conversion: Bool = false) -> FPValue {
    let sign = bits & f.signBit != 0
    let frac = bits & f.fracMask
    let biased = Int(truncatingIfNeeded: (bits >> UInt64(f.fracBits))) & f.maxBiasedExp
    if biased == 0 {
        if frac == 0 { return FPValue(kind: .zero, sign: sign, exp: 0, sig: 0) }
        if f.isHalf {
            if !conversion && fpcr & FPCRBit.fz16 != 0 {
                return FPValue(kind: .zero, sign: sign, exp: 0, sig: 0)
            }
        } else if fpcr & FPCRBit.fz != 0 {
            fpsr |= FPFlag.inputDenormal
            return FPValue(kind: .zero, sign: sign, exp: 0, sig: 0)
        }
        return FPValue(kind: .finite, sign: sign, exp: 1 - f.bias - f.fracBits, sig: frac)
    }
    if biased == f.maxBiasedExp && !(conversion && f.isHalf && fpcr & FPCRBit.ahp != 0) {
        if frac == 0 { return FPValue(kind: .infinity, sign: sign, exp: 0, sig: 0) }
        return FPValue(kind: frac & f.quietBit != 0 ? .quietNaN : .signallingNaN,
                       sign: sign, exp: 0, sig: 0)
    }
    return FPValue(kind: .finite, sign: sign, exp: biased - f.bias - f.fracBits,
                   sig: frac | (1 << UInt64(f.fracBits)))
}

/// FPProcessNaN: quietens a signalling NaN (raising IOC), or gives the default NaN under FPCR.DN.
@inline(__always)
func fpProcessNaN(_ bits: UInt64, _ kind: FPKind, _ f: FPFormat, _ fpcr: UInt64,
                  _ fpsr: inout UInt64) -> UInt64 {
    if kind == .signallingNaN { fpsr |= FPFlag.invalidOp }
    if fpcr & FPCRBit.dn != 0 { return f.defaultNaN }
    return (bits & f.valueMask) | f.quietBit
}

/// FPProcessNaNs: a signalling NaN wins over a quiet one, the first operand over the second.
@inline(__always)
func fpProcessNaNs(_ a: UInt64, _ va: FPValue, _ b: UInt64, _ vb: FPValue, _ f: FPFormat,
                   _ fpcr: UInt64, _ fpsr: inout UInt64) -> UInt64? {
    if va.kind == .signallingNaN { return fpProcessNaN(a, va.kind, f, fpcr, &fpsr) }
    if vb.kind == .signallingNaN { return fpProcessNaN(b, vb.kind, f, fpcr, &fpsr) }
    if va.kind == .quietNaN { return fpProcessNaN(a, va.kind, f, fpcr, &fpsr) }
    if vb.kind == .quietNaN { return fpProcessNaN(b, vb.kind, f, fpcr, &fpsr) }
    return nil
}

/// FPProcessNaNs3, same priorities over three operands.
@inline(__always)
func fpProcessNaNs3(_ a: UInt64, _ va: FPValue, _ b: UInt64, _ vb: FPValue, _ c: UInt64,
                    _ vc: FPValue, _ f: FPFormat, _ fpcr: UInt64,
                    _ fpsr: inout UInt64) -> UInt64? {
    if va.kind == .signallingNaN { return fpProcessNaN(a, va.kind, f, fpcr, &fpsr) }
    if vb.kind == .signallingNaN { return fpProcessNaN(b, vb.kind, f, fpcr, &fpsr) }
    if vc.kind == .signallingNaN { return fpProcessNaN(c, vc.kind, f, fpcr, &fpsr) }
    if va.kind == .quietNaN { return fpProcessNaN(a, va.kind, f, fpcr, &fpsr) }
    if vb.kind == .quietNaN { return fpProcessNaN(b, vb.kind, f, fpcr, &fpsr) }
    if vc.kind == .quietNaN { return fpProcessNaN(c, vc.kind, f, fpcr, &fpsr) }
    return nil
}

@inline(__always) func fpZero(_ sign: Bool, _ f: FPFormat) -> UInt64 { sign ? f.signBit : 0 }
@inline(__always) func fpInfinity(_ sign: Bool, _ f: FPFormat) -> UInt64 {
    (sign ? f.signBit : 0) | f.infinity
}

/// Whether an inexact magnitude rounds away from zero. `roundBitAndBelow` compares the discarded
/// part against one half of the last kept unit: <0 below half, 0 exactly half, >0 above.
@inline(__always)
func fpRoundsUp(_ rounding: FPRounding, sign: Bool, lsbOdd: Bool, halfCompare: Int) -> Bool {
    switch rounding {
    case .tieEven: return halfCompare > 0 || (halfCompare == 0 && lsbOdd)
    case .tieAway: return halfCompare >= 0
    case .posInf: return !sign
    case .negInf: return sign
    case .zero: return false
    }
}

/// FPRound: rounds the exact nonzero value (-1)^sign * sig * 2^exp into format `f`.
///
/// `sig` may carry a sticky bit in its least significant bit (a value strictly between two
/// integers), which is exact enough as long as sig holds at least two bits more than the format's
/// precision, or is the exact value. Tininess is detected before rounding, as Arm does.
/// `conversion` selects FPRoundCV: FZ16 ignored, FPCR.AHP honoured for half results.
func fpRoundPack(_ sign: Bool, _ exp: Int, _ sig: UInt64, _ f: FPFormat, _ rounding: FPRounding,
                 _ fpcr: UInt64, _ fpsr: inout UInt64, conversion: Bool = false) -> UInt64 {
    let signBits = sign ? f.signBit : 0
    let lz = sig.leadingZeroBitCount
    let s = sig << UInt64(lz)             // msb at bit 63
    let e = exp + 63 - lz                 // unbiased exponent of the value
    let minExp = 1 - f.bias
    let tiny = e < minExp
    if tiny {
        let flush = f.isHalf ? (!conversion && fpcr & FPCRBit.fz16 != 0) : fpcr & FPCRBit.fz != 0
        if flush {
            fpsr |= FPFlag.underflow
            return signBits
        }
    }
    let keep = tiny ? f.fracBits + 1 - (minExp - e) : f.fracBits + 1   // significant bits kept
    let shift = 64 - keep                 // >= 11
    var mant: UInt64
    var halfCompare: Int
    let inexact: Bool
    if shift >= 65 {
        mant = 0; halfCompare = -1; inexact = true
    } else if shift == 64 {
        mant = 0
        halfCompare = s > 1 << 63 ? 1 : (s == 1 << 63 ? 0 : -1)
        inexact = true
    } else {
        mant = s >> UInt64(shift)
        let rem = s & ((1 << UInt64(shift)) - 1)
        let half: UInt64 = 1 << UInt64(shift - 1)
        halfCompare = rem > half ? 1 : (rem == half ? 0 : -1)
        inexact = rem != 0
    }
    if inexact && fpRoundsUp(rounding, sign: sign, lsbOdd: mant & 1 != 0, halfCompare: halfCompare) {
        mant &+= 1
    }
    // The carry out of a full significand moves into the exponent field on its own.
    var result = tiny ? mant : (UInt64(e + f.bias - 1) << UInt64(f.fracBits)) &+ mant
    let ahp = conversion && f.isHalf && fpcr & FPCRBit.ahp != 0
    if ahp {
        if result >> UInt64(f.fracBits) > UInt64(f.maxBiasedExp) {
            fpsr |= FPFlag.invalidOp          // no infinity to overflow to: saturate
            return signBits | 0x7FFF
        }
    } else if result >> UInt64(f.fracBits) >= UInt64(f.maxBiasedExp) {
        fpsr |= FPFlag.overflow | FPFlag.inexact
        switch rounding {
        case .tieEven, .tieAway: result = f.infinity
        case .posInf: result = sign ? f.maxNormal : f.infinity
        case .negInf: result = sign ? f.infinity : f.maxNormal
        case .zero: result = f.maxNormal
        }
        return signBits | result
    }
    if inexact {
        fpsr |= tiny ? FPFlag.inexact | FPFlag.underflow : FPFlag.inexact
    }
    return signBits | result
}

/// Shifts right, ORing every bit shifted out into bit 0 ("jamming").
@inline(__always)
func fpShiftRightJam(_ x: UInt128, _ count: Int) -> UInt128 {
    if count <= 0 { return x }
    if count >= 128 { return x != 0 ? 1 : 0 }
    let lost = x & ((1 << UInt128(count)) - 1)
    return (x >> UInt128(count)) | (lost != 0 ? 1 : 0)
}

/// Rounds an exact wide value (-1)^sign * sig * 2^exp (sig != 0) into `f`.
@inline(__always)
func fpRoundPackWide(_ sign: Bool, _ exp: Int, _ sig: UInt128, _ f: FPFormat,
                     _ rounding: FPRounding, _ fpcr: UInt64, _ fpsr: inout UInt64) -> UInt64 {
    if sig >> 64 == 0 {
        return fpRoundPack(sign, exp, UInt64(truncatingIfNeeded: sig), f, rounding, fpcr, &fpsr)
    }
    let excess = 64 - sig.leadingZeroBitCount
    let narrow = fpShiftRightJam(sig, excess)
    return fpRoundPack(sign, exp + excess, UInt64(truncatingIfNeeded: narrow), f, rounding,
                       fpcr, &fpsr)
}

/// Rounds the exact sum (-1)^signP * p * 2^expP + (-1)^signC * c * 2^expC, where p holds at most
/// 110 significant bits and c at most 64. An exact zero sum is +0, or -0 when rounding toward
/// minus infinity (the Arm rule for x + (-x)).
func fpRoundSum(_ signP: Bool, _ expP: Int, _ p: UInt128, _ signC: Bool, _ expC: Int, _ c: UInt64,
                _ f: FPFormat, _ rounding: FPRounding, _ fpcr: UInt64,
                _ fpsr: inout UInt64) -> UInt64 {
    if c == 0 { return fpRoundPackWide(signP, expP, p, f, rounding, fpcr, &fpsr) }
    if p == 0 { return fpRoundPack(signC, expC, c, f, rounding, fpcr, &fpsr) }
    // Put both leading bits at bit 125 so that the sum cannot overflow 128 bits.
    let shiftP = p.leadingZeroBitCount - 2
    var a = p << UInt128(shiftP)
    var ea = expP - shiftP
    let wideC = UInt128(c)
    let shiftC = wideC.leadingZeroBitCount - 2
    var b = wideC << UInt128(shiftC)
    var eb = expC - shiftC
    if ea >= eb {
        b = fpShiftRightJam(b, ea - eb)
        eb = ea
    } else {
        a = fpShiftRightJam(a, eb - ea)
        ea = eb
    }
    if signP == signC {
        return fpRoundPackWide(signP, ea, a &+ b, f, rounding, fpcr, &fpsr)
    }
    if a == b { return fpZero(rounding == .negInf, f) }
    if a > b { return fpRoundPackWide(signP, ea, a &- b, f, rounding, fpcr, &fpsr) }
    return fpRoundPackWide(signC, ea, b &- a, f, rounding, fpcr, &fpsr)
}
