import Glibc

/// RMM (round to nearest, ties to max magnitude), which x86 lacks. RMM differs from RNE only when
/// the exact result lies exactly halfway between two neighbours; the flags are the same (both
/// overflow from MAX + ulp/2 on, and a tie below the smallest normal is tiny after rounding in
/// both). So each result is the host's RNE result of an exact-enough value, moved one ulp away
/// from zero when that value is a tie that RNE sent to the smaller neighbour.
///
/// Arithmetic runs one format wider (single in double, double in x87 Float80) rounded toward zero
/// with the inexact bit kept sticky in the last place (round to odd): with at least two extra bits
/// the wide value is a tie exactly when the exact result is, and rounding it once more gives the
/// correctly rounded result and flags.
enum RVMaxMagnitude {
    enum Operation { case add, sub, mul, div, sqrt, fma }

    /// Sticky last bit: a truncated inexact wide value with an even last place moves up one ulp.
    @inline(__always) static func roundToOdd<T: BinaryFloatingPoint>(_ w: T) -> T {
        guard w.isFinite, w.significandBitPattern & 1 == 0 else { return w }
        return w.sign == .minus ? w.nextDown : w.nextUp
    }

    /// `r` is `w` rounded to nearest-even in the narrow format; the ties-away result.
    static func tiesAway<N: BinaryFloatingPoint, W: BinaryFloatingPoint>(_ r: N, exact w: W) -> N {
        guard r.isFinite, w.isFinite else { return r }
        let rw = W(r)
        if rw == w { return r }
        let n = w > rw ? r.nextUp : r.nextDown
        // n infinite: w lies below MAX + ulp/2 (a tie there rounds to infinity already).
        guard n.isFinite, n.magnitude > r.magnitude else { return r }
        return (rw + W(n)) / 2 == w ? n : r
    }

    /// Integer to float: `r` is the host's RNE conversion of the integer with this magnitude and
    /// sign; the ties-away result, decided from the dropped low bits.
    static func tiesAway<T: BinaryFloatingPoint>(_ r: T, magnitude m: UInt64, negative: Bool) -> T {
        let length = 64 - m.leadingZeroBitCount, precision = T.significandBitCount + 1
        guard length > precision else { return r }
        let shift = length - precision
        let dropped = m & ((1 << shift) - 1)
        guard dropped == 1 << (shift - 1), r.magnitude == T(m - dropped) else { return r }
        let away = r.magnitude.nextUp
        return negative ? -away : away
    }
}

extension RISCV64Interpreter {
    /// A single-precision operation under RMM. Operands go through `fmaScratch` so the arithmetic
    /// stays between the fesetround/fetestexcept calls.
    func singleMaxMagnitude(_ op: RVMaxMagnitude.Operation, _ a: Float, _ b: Float, _ c: Float,
                            flags: inout UInt64) -> Float {
        // Widening quiets a signaling NaN, so NV for one is raised here.
        let used = op == .sqrt ? [a] : op == .fma ? [a, b, c] : [a, b]
        if used.contains(where: { $0.isSignalingNaN }) { flags |= RVFloat.invalid }
        let s = fmaScratch
        s[0] = Double(a); s[1] = Double(b); s[2] = Double(c)
        feclearexcept(RVFloat.hostAll)
        fesetround(FE_TOWARDZERO)
        switch op {
        case .add: s[3] = s[0] + s[1]
        case .sub: s[3] = s[0] - s[1]
        case .mul: s[3] = s[0] * s[1]
        case .div: s[3] = s[0] / s[1]
        case .sqrt: s[3] = s[0].squareRoot()
        case .fma: s[3] = s[0] * s[1] + s[2]
        }
        let first = fetestexcept(RVFloat.hostAll)
        fesetround(FE_TONEAREST)
        if first & FE_INEXACT != 0 { s[3] = RVMaxMagnitude.roundToOdd(s[3]) }
        feclearexcept(RVFloat.hostAll)
        s[4] = Double(Float(s[3]))
        let second = fetestexcept(RVFloat.hostAll)
        flags |= RVFloat.flags(fromHost: (first & (FE_INVALID | FE_DIVBYZERO | FE_INEXACT)) | second)
        return RVMaxMagnitude.tiesAway(Float(s[4]), exact: s[3])
    }

    /// A double-precision operation (not fma) under RMM, through x87 Float80 (64-bit significand).
    /// The scratch area (64 bytes) holds the Float80 operands and result at 16-byte strides.
    func doubleMaxMagnitude(_ op: RVMaxMagnitude.Operation, _ a: Double, _ b: Double, flags: inout UInt64) -> Double {
        let used = op == .sqrt ? [a] : [a, b]
        if used.contains(where: { $0.isSignalingNaN }) { flags |= RVFloat.invalid }
        let s = UnsafeMutableRawPointer(fmaScratch)
        s.storeBytes(of: Float80(a), toByteOffset: 0, as: Float80.self)
        s.storeBytes(of: Float80(b), toByteOffset: 16, as: Float80.self)
        feclearexcept(RVFloat.hostAll)
        fesetround(FE_TOWARDZERO)
        let x = s.load(fromByteOffset: 0, as: Float80.self), y = s.load(fromByteOffset: 16, as: Float80.self)
        let w: Float80
        switch op {
        case .add: w = x + y
        case .sub: w = x - y
        case .mul: w = x * y
        case .div: w = x / y
        default: w = x.squareRoot()
        }
        s.storeBytes(of: w, toByteOffset: 32, as: Float80.self)
        let first = fetestexcept(RVFloat.hostAll)
        fesetround(FE_TONEAREST)
        var wide = s.load(fromByteOffset: 32, as: Float80.self)
        if first & FE_INEXACT != 0 { wide = RVMaxMagnitude.roundToOdd(wide) }
        s.storeBytes(of: wide, toByteOffset: 32, as: Float80.self)
        feclearexcept(RVFloat.hostAll)
        s.storeBytes(of: Double(s.load(fromByteOffset: 32, as: Float80.self)), toByteOffset: 48, as: Double.self)
        let second = fetestexcept(RVFloat.hostAll)
        flags |= RVFloat.flags(fromHost: (first & (FE_INVALID | FE_DIVBYZERO | FE_INEXACT)) | second)
        return RVMaxMagnitude.tiesAway(s.load(fromByteOffset: 48, as: Double.self), exact: wide)
    }

    /// fcvt.s.d under RMM: the double is the exact value.
    func narrowMaxMagnitude(_ d: Double, flags: inout UInt64) -> Float {
        let s = fmaScratch
        s[0] = d
        feclearexcept(RVFloat.hostAll)
        s[1] = Double(Float(s[0]))
        flags |= RVFloat.flags(fromHost: fetestexcept(RVFloat.hostAll))
        return RVMaxMagnitude.tiesAway(Float(s[1]), exact: d)
    }
}

extension RISCV64Interpreter {
    /// add/sub/mul/div/sqrt and fcvt.s.d under RMM; false for forms that are exact anyway
    /// (fcvt.d.s), which the caller then runs normally.
    func executeFloatMaxMagnitude(_ op: RVDecodedOp, isDouble: Bool) -> Bool {
        let f = cpu.f
        let rd = Int(op.rd), rs1 = Int(op.rs1), rs2 = Int(op.rs2)
        let operation: RVMaxMagnitude.Operation
        switch op.sub {
        case RVFloatOp.add: operation = .add
        case RVFloatOp.sub: operation = .sub
        case RVFloatOp.mul: operation = .mul
        case RVFloatOp.div: operation = .div
        case RVFloatOp.sqrt: operation = .sqrt
        case RVFloatOp.convertPrecision:
            guard !isDouble else { return false }
            var flags: UInt64 = 0
            f[rd] = RVFloat.result(narrowMaxMagnitude(RVFloat.double(f[rs1]), flags: &flags))
            cpu.fflags |= flags
            return true
        default: return false
        }
        var flags: UInt64 = 0
        if isDouble {
            f[rd] = RVFloat.result(doubleMaxMagnitude(operation, RVFloat.double(f[rs1]), RVFloat.double(f[rs2]), flags: &flags))
        } else {
            f[rd] = RVFloat.result(singleMaxMagnitude(operation, RVFloat.single(f[rs1]), RVFloat.single(f[rs2]), 0, flags: &flags))
        }
        cpu.fflags |= flags
        return true
    }

    /// fcvt.{s,d}.{w,wu,l,lu} under RMM: `rne` is the register value the host's RNE conversion
    /// produced; `which` is 0-3 for w, wu, l, lu.
    static func fromIntegerTiesAway(_ which: UInt8, _ raw: UInt64, _ rne: UInt64, isDouble: Bool) -> UInt64 {
        let value: Int64? // nil: unsigned 64-bit
        switch which {
        case 0: value = Int64(Int32(truncatingIfNeeded: raw))
        case 1: value = Int64(UInt32(truncatingIfNeeded: raw))
        case 2: value = Int64(bitPattern: raw)
        default: value = nil
        }
        let negative = (value ?? 0) < 0
        let magnitude = value.map { $0.magnitude } ?? raw
        if isDouble {
            return RVMaxMagnitude.tiesAway(RVFloat.double(rne), magnitude: magnitude, negative: negative).bitPattern
        }
        return RVFloat.box(RVMaxMagnitude.tiesAway(RVFloat.single(rne), magnitude: magnitude, negative: negative).bitPattern)
    }
}
