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

/// Ties-away for double-precision fused multiply-add. a·b+c needs up to 106 + 53 bits, more than
/// Float80 keeps, so the tie test is exact integer arithmetic: with `r` the host's RNE result,
/// the exact value is a tie RNE sent to the smaller neighbour exactly when a·b + c equals
/// |r| + ulp(r)/2 with r's sign. The flags are RNE's (see RVMaxMagnitude).
enum RVFusedTiesAway {
    /// An integer significand and the exponent of its last bit.
    struct Term { var high: UInt64; var low: UInt64; var exponent: Int; var negative: Bool }

    static func decompose(_ x: Double) -> (significand: UInt64, exponent: Int) {
        let bits = x.significandBitPattern, biased = Int(x.exponentBitPattern)
        return biased == 0 ? (bits, -1074) : (bits | 1 << 52, biased - 1075)
    }

    /// The ties-away result of a·b + c, given `r`, its round-to-nearest-even result.
    static func result(_ a: Double, _ b: Double, _ c: Double, nearestEven r: Double) -> Double {
        guard a.isFinite, b.isFinite, c.isFinite, r.isFinite, !a.isZero, !b.isZero else { return r }
        let away = r.sign == .minus ? -r.magnitude.nextUp : r.magnitude.nextUp
        guard away.isFinite else { return r }
        let (ma, ea) = decompose(a), (mb, eb) = decompose(b), (mr, er) = decompose(r.magnitude)
        let product = ma.multipliedFullWidth(by: mb)
        var terms = [Term(high: product.high, low: product.low, exponent: ea + eb,
                          negative: (a.sign == .minus) != (b.sign == .minus))]
        if !c.isZero {
            let (mc, ec) = decompose(c)
            terms.append(Term(high: 0, low: mc, exponent: ec, negative: c.sign == .minus))
        }
        // Minus the midpoint (2·|r|/ulp + 1)·ulp/2, with r's sign.
        terms.append(Term(high: 0, low: mr << 1 | 1, exponent: er - 1, negative: r.sign != .minus))
        return sumIsZero(terms) ? away : r
    }

    /// Whether the signed terms add up to exactly zero.
    static func sumIsZero(_ input: [Term]) -> Bool {
        // Strip trailing zeros so each term's lowest bit is set; then a zero sum spans at most
        // the longest term plus one bit (the lowest bit must cancel between two terms, and the
        // highest term cannot exceed the others' sum), so anything wider is not zero.
        var terms = input
        for i in terms.indices {
            let zeros = terms[i].low != 0 ? terms[i].low.trailingZeroBitCount : 64 + terms[i].high.trailingZeroBitCount
            shiftRight(&terms[i], zeros)
            terms[i].exponent += zeros
        }
        let base = terms.map(\.exponent).min()!
        var limbs = [UInt64](repeating: 0, count: 5)
        for t in terms {
            let shift = t.exponent - base
            let length = t.high != 0 ? 128 - t.high.leadingZeroBitCount : 64 - t.low.leadingZeroBitCount
            guard shift + length <= 200 else { return false }
            var value = [UInt64](repeating: 0, count: 5)   // 200 bits fit with room for the shift
            let word = shift / 64, bit = shift % 64
            let parts = [t.low, t.high]
            for (k, part) in parts.enumerated() where part != 0 {
                value[word + k] |= part << bit
                if bit != 0 { value[word + k + 1] |= part >> (64 - bit) }
            }
            add(&limbs, value, negate: t.negative)
        }
        return limbs.allSatisfy { $0 == 0 }
    }

    static func shiftRight(_ t: inout Term, _ n: Int) {
        if n >= 64 { t.low = t.high >> (n - 64); t.high = 0 } else if n > 0 {
            t.low = t.low >> n | t.high << (64 - n); t.high >>= n
        }
    }

    /// 320-bit two's-complement accumulate.
    static func add(_ acc: inout [UInt64], _ value: [UInt64], negate: Bool) {
        var carry: UInt64 = negate ? 1 : 0
        for i in acc.indices {
            let v = negate ? ~value[i] : value[i]
            let (s1, o1) = acc[i].addingReportingOverflow(v)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            acc[i] = s2
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
    }
}
