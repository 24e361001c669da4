import Glibc

/// Helpers for the F and D extensions: NaN boxing, canonical NaNs, flag mapping.
enum RVFloat {
    static let canonicalSingle: UInt32 = 0x7FC0_0000
    static let canonicalDouble: UInt64 = 0x7FF8_0000_0000_0000
    static let boxMask: UInt64 = 0xFFFF_FFFF_0000_0000

    // fflags bits.
    static let inexact: UInt64 = 1, underflow: UInt64 = 2, overflow: UInt64 = 4, divideByZero: UInt64 = 8, invalid: UInt64 = 16

    /// FE_ALL_EXCEPT (a macro Swift cannot import).
    static let hostAll: Int32 = FE_INEXACT | FE_DIVBYZERO | FE_UNDERFLOW | FE_OVERFLOW | FE_INVALID

    @inline(__always) static func box(_ bits: UInt32) -> UInt64 { boxMask | UInt64(bits) }
    /// A single from a register: a value not properly NaN-boxed reads as the canonical NaN.
    @inline(__always) static func unboxBits(_ raw: UInt64) -> UInt32 {
        raw & boxMask == boxMask ? UInt32(truncatingIfNeeded: raw) : canonicalSingle
    }
    @inline(__always) static func single(_ raw: UInt64) -> Float { Float(bitPattern: unboxBits(raw)) }
    @inline(__always) static func double(_ raw: UInt64) -> Double { Double(bitPattern: raw) }
    /// A result register value: NaNs become the canonical NaN (RISC-V never propagates payloads).
    @inline(__always) static func result(_ v: Float) -> UInt64 { box(v.isNaN ? canonicalSingle : v.bitPattern) }
    @inline(__always) static func result(_ v: Double) -> UInt64 { v.isNaN ? canonicalDouble : v.bitPattern }

    /// Unsigned 64-bit to floating point without the compiler's magic-number sequence, whose
    /// subtraction gives -0 for 0 when rounding down: through a signed conversion, halving
    /// (with the low bit kept sticky) when the top bit is set. Runs under the guest's mode.
    @inline(never) static func unsignedToDouble(_ v: UInt64) -> Double {
        if v >> 63 == 0 { return Double(Int64(v)) }
        return Double(Int64((v >> 1) | (v & 1))) * 2
    }
    @inline(never) static func unsignedToFloat(_ v: UInt64) -> Float {
        if v >> 63 == 0 { return Float(Int64(v)) }
        return Float(Int64((v >> 1) | (v & 1))) * 2
    }

    /// The host's exception flags as fflags bits.
    static func flags(fromHost e: Int32) -> UInt64 {
        var r: UInt64 = 0
        if e & FE_INEXACT != 0 { r |= inexact }
        if e & FE_UNDERFLOW != 0 { r |= underflow }
        if e & FE_OVERFLOW != 0 { r |= overflow }
        if e & FE_DIVBYZERO != 0 { r |= divideByZero }
        if e & FE_INVALID != 0 { r |= invalid }
        return r
    }

    /// Host rounding direction for RISC-V rm 0-3 (RMM, 4, has no x86 equivalent).
    static func hostRounding(_ rm: UInt64) -> Int32 {
        switch rm {
        case 1: return FE_TOWARDZERO
        case 2: return FE_DOWNWARD
        case 3: return FE_UPWARD
        default: return FE_TONEAREST
        }
    }

    static func rule(_ rm: UInt64) -> FloatingPointRoundingRule {
        switch rm {
        case 1: return .towardZero
        case 2: return .down
        case 3: return .up
        case 4: return .toNearestOrAwayFromZero
        default: return .toNearestOrEven
        }
    }

    @inline(__always) static func isSignaling(_ v: Float) -> Bool { v.isSignalingNaN }
    @inline(__always) static func isSignaling(_ v: Double) -> Bool { v.isSignalingNaN }

    /// fclass: one bit for the operand's class.
    static func classify<T: BinaryFloatingPoint>(_ v: T) -> UInt64 {
        if v.isSignalingNaN { return 1 << 8 }
        if v.isNaN { return 1 << 9 }
        let negative = v.sign == .minus
        if v.isInfinite { return negative ? 1 << 0 : 1 << 7 }
        if v.isZero { return negative ? 1 << 3 : 1 << 4 }
        if v.isSubnormal { return negative ? 1 << 2 : 1 << 5 }
        return negative ? 1 << 1 : 1 << 6
    }

    /// fcvt to an integer of `bits` width (32/64), signed or not, with RISC-V's saturation:
    /// NaN and too-large values give the maximum, too-small values the minimum, both with NV;
    /// an inexact in-range conversion sets NX. 32-bit results are sign-extended.
    static func toInteger(_ v: Double, rm: UInt64, bits: Int, signed: Bool, flags: inout UInt64) -> UInt64 {
        let maxValue: UInt64 = signed ? (bits == 32 ? 0x7FFF_FFFF : 0x7FFF_FFFF_FFFF_FFFF) : (bits == 32 ? 0xFFFF_FFFF : .max)
        let minValue: UInt64 = signed ? (bits == 32 ? 0xFFFF_FFFF_8000_0000 : 0x8000_0000_0000_0000) : 0
        func finish(_ r: UInt64) -> UInt64 { bits == 32 ? UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: r))) : r }
        if v.isNaN { flags |= invalid; return finish(maxValue) }
        let rounded = v.rounded(rule(rm))
        // Bounds as doubles: 2^31, 2^32, 2^63, 2^64 are exact.
        let upper: Double = signed ? (bits == 32 ? 2147483648.0 : 9223372036854775808.0) : (bits == 32 ? 4294967296.0 : 18446744073709551616.0)
        let lower: Double = signed ? -upper : 0
        if rounded >= upper { flags |= invalid; return finish(maxValue) }
        if rounded < lower { flags |= invalid; return finish(minValue) }
        if rounded != v { flags |= inexact }
        let r: UInt64 = signed ? UInt64(bitPattern: Int64(rounded)) : UInt64(rounded)
        return finish(r)
    }
}

extension RISCV64Interpreter {
    /// OP-FP and the fused multiply-adds; false for a reserved rounding mode (SIGILL).
    ///
    /// Host arithmetic gives IEEE results and flags under the host rounding mode, so each op runs
    /// between clearing and reading the host flags. The operands are read from and the result
    /// written to the register file (memory the libm calls may see), which keeps the compiler from
    /// moving the arithmetic across the fesetround/fetestexcept calls.
    func executeFloat(_ op: RVDecodedOp) -> Bool {
        let f = cpu.f, x = cpu.x
        let rm = op.rm == 7 ? cpu.frm : UInt64(op.rm)
        let rd = Int(op.rd), rs1 = Int(op.rs1), rs2 = Int(op.rs2), rs3 = Int(op.rs3)
        let isDouble = op.size == 1
        var flags: UInt64 = 0

        if op.kind == .fma {
            guard rm <= 4 else { return false }
            let hostMode = RVFloat.hostRounding(rm)
            // RISC-V raises NV for inf * 0 even when the addend is a quiet NaN.
            if isDouble {
                let a = RVFloat.double(f[rs1]), b = RVFloat.double(f[rs2])
                if (a.isInfinite && b.isZero) || (a.isZero && b.isInfinite) { flags |= RVFloat.invalid }
            } else {
                let a = RVFloat.single(f[rs1]), b = RVFloat.single(f[rs2])
                if (a.isInfinite && b.isZero) || (a.isZero && b.isInfinite) { flags |= RVFloat.invalid }
            }
            feclearexcept(RVFloat.hostAll)
            if hostMode != FE_TONEAREST { fesetround(hostMode) }
            let negateProduct = op.sub >= 2, negateAddend = op.sub == 1 || op.sub == 3
            if isDouble {
                let a = RVFloat.double(f[rs1]), b = RVFloat.double(f[rs2]), c = RVFloat.double(f[rs3])
                f[rd] = RVFloat.result((negateAddend ? -c : c).addingProduct(negateProduct ? -a : a, b))
                flags |= RVFloat.flags(fromHost: fetestexcept(RVFloat.hostAll))
                if hostMode != FE_TONEAREST { fesetround(FE_TONEAREST) }
                if rm == 4 {
                    let nearestEven = RVFloat.double(f[rd])
                    f[rd] = RVFloat.result(RVFusedTiesAway.result(negateProduct ? -a : a, b, negateAddend ? -c : c,
                                                                  nearestEven: nearestEven))
                }
            } else if rm == 4 {
                let a = RVFloat.single(f[rs1]), b = RVFloat.single(f[rs2]), c = RVFloat.single(f[rs3])
                f[rd] = RVFloat.result(singleMaxMagnitude(.fma, negateProduct ? -a : a, b, negateAddend ? -c : c,
                                                          flags: &flags))
            } else {
                if hostMode != FE_TONEAREST { fesetround(FE_TONEAREST) }
                let a = RVFloat.single(f[rs1]), b = RVFloat.single(f[rs2]), c = RVFloat.single(f[rs3])
                f[rd] = RVFloat.result(fusedMultiplyAddSingle(negateProduct ? -a : a, b, negateAddend ? -c : c,
                                                              hostMode: hostMode, flags: &flags))
            }
            cpu.fflags |= flags
            return true
        }

        switch op.sub {
        case RVFloatOp.add, RVFloatOp.sub, RVFloatOp.mul, RVFloatOp.div, RVFloatOp.sqrt, RVFloatOp.convertPrecision,
             RVFloatOp.fromInt, RVFloatOp.fromInt + 1, RVFloatOp.fromInt + 2, RVFloatOp.fromInt + 3:
            guard rm <= 4 else { return false }
            if rm == 4 && op.sub < RVFloatOp.fromInt && executeFloatMaxMagnitude(op, isDouble: isDouble) { return true }
            let hostMode = RVFloat.hostRounding(rm)
            feclearexcept(RVFloat.hostAll)
            if hostMode != FE_TONEAREST { fesetround(hostMode) }
            if isDouble {
                switch op.sub {
                case RVFloatOp.add: f[rd] = RVFloat.result(RVFloat.double(f[rs1]) + RVFloat.double(f[rs2]))
                case RVFloatOp.sub: f[rd] = RVFloat.result(RVFloat.double(f[rs1]) - RVFloat.double(f[rs2]))
                case RVFloatOp.mul: f[rd] = RVFloat.result(RVFloat.double(f[rs1]) * RVFloat.double(f[rs2]))
                case RVFloatOp.div: f[rd] = RVFloat.result(RVFloat.double(f[rs1]) / RVFloat.double(f[rs2]))
                case RVFloatOp.sqrt: f[rd] = RVFloat.result(RVFloat.double(f[rs1]).squareRoot())
                case RVFloatOp.convertPrecision: f[rd] = RVFloat.result(Double(RVFloat.single(f[rs1])))
                case RVFloatOp.fromInt: f[rd] = RVFloat.result(Double(Int32(truncatingIfNeeded: x[rs1])))
                case RVFloatOp.fromInt + 1: f[rd] = RVFloat.result(Double(Int64(UInt32(truncatingIfNeeded: x[rs1]))))
                case RVFloatOp.fromInt + 2: f[rd] = RVFloat.result(Double(Int64(bitPattern: x[rs1])))
                default: f[rd] = RVFloat.result(RVFloat.unsignedToDouble(x[rs1]))
                }
            } else {
                switch op.sub {
                case RVFloatOp.add: f[rd] = RVFloat.result(RVFloat.single(f[rs1]) + RVFloat.single(f[rs2]))
                case RVFloatOp.sub: f[rd] = RVFloat.result(RVFloat.single(f[rs1]) - RVFloat.single(f[rs2]))
                case RVFloatOp.mul: f[rd] = RVFloat.result(RVFloat.single(f[rs1]) * RVFloat.single(f[rs2]))
                case RVFloatOp.div: f[rd] = RVFloat.result(RVFloat.single(f[rs1]) / RVFloat.single(f[rs2]))
                case RVFloatOp.sqrt: f[rd] = RVFloat.result(RVFloat.single(f[rs1]).squareRoot())
                case RVFloatOp.convertPrecision: f[rd] = RVFloat.result(Float(RVFloat.double(f[rs1])))
                case RVFloatOp.fromInt: f[rd] = RVFloat.result(Float(Int32(truncatingIfNeeded: x[rs1])))
                case RVFloatOp.fromInt + 1: f[rd] = RVFloat.result(Float(Int64(UInt32(truncatingIfNeeded: x[rs1]))))
                case RVFloatOp.fromInt + 2: f[rd] = RVFloat.result(Float(Int64(bitPattern: x[rs1])))
                default: f[rd] = RVFloat.result(RVFloat.unsignedToFloat(x[rs1]))
                }
            }
            flags = RVFloat.flags(fromHost: fetestexcept(RVFloat.hostAll))
            if hostMode != FE_TONEAREST { fesetround(FE_TONEAREST) }
            if rm == 4 && op.sub >= RVFloatOp.fromInt { f[rd] = Self.fromIntegerTiesAway(op.sub - RVFloatOp.fromInt, x[rs1], f[rd], isDouble: isDouble) }
        case RVFloatOp.sgnj, RVFloatOp.sgnjn, RVFloatOp.sgnjx:
            if isDouble {
                let a = f[rs1], b = f[rs2], sign: UInt64 = 1 << 63
                let s = op.sub == RVFloatOp.sgnj ? b & sign : op.sub == RVFloatOp.sgnjn ? ~b & sign : (a ^ b) & sign
                f[rd] = (a & ~sign) | s
            } else {
                let a = RVFloat.unboxBits(f[rs1]), b = RVFloat.unboxBits(f[rs2]), sign: UInt32 = 1 << 31
                let s = op.sub == RVFloatOp.sgnj ? b & sign : op.sub == RVFloatOp.sgnjn ? ~b & sign : (a ^ b) & sign
                f[rd] = RVFloat.box((a & ~sign) | s)
            }
        case RVFloatOp.min, RVFloatOp.max:
            let isMax = op.sub == RVFloatOp.max
            if isDouble {
                f[rd] = Self.minMax(RVFloat.double(f[rs1]), RVFloat.double(f[rs2]), isMax: isMax, flags: &flags).bitPattern
            } else {
                f[rd] = RVFloat.box(Self.minMax(RVFloat.single(f[rs1]), RVFloat.single(f[rs2]), isMax: isMax, flags: &flags).bitPattern)
            }
        case RVFloatOp.eq, RVFloatOp.lt, RVFloatOp.le:
            if isDouble {
                x[rd] = Self.compare(op.sub, RVFloat.double(f[rs1]), RVFloat.double(f[rs2]), flags: &flags)
            } else {
                x[rd] = Self.compare(op.sub, RVFloat.single(f[rs1]), RVFloat.single(f[rs2]), flags: &flags)
            }
        case RVFloatOp.classify:
            x[rd] = isDouble ? RVFloat.classify(RVFloat.double(f[rs1])) : RVFloat.classify(RVFloat.single(f[rs1]))
        case RVFloatOp.toInt, RVFloatOp.toInt + 1, RVFloatOp.toInt + 2, RVFloatOp.toInt + 3:
            guard rm <= 4 else { return false }
            let which = op.sub - RVFloatOp.toInt
            // A single converts to double exactly, so one conversion routine serves both.
            let v = isDouble ? RVFloat.double(f[rs1]) : Double(RVFloat.single(f[rs1]))
            x[rd] = RVFloat.toInteger(v, rm: rm, bits: which < 2 ? 32 : 64, signed: which & 1 == 0, flags: &flags)
        case RVFloatOp.moveToInt:
            x[rd] = isDouble ? f[rs1] : Self.signExtend32(f[rs1])
        case RVFloatOp.moveFromInt:
            f[rd] = isDouble ? x[rs1] : RVFloat.box(UInt32(truncatingIfNeeded: x[rs1]))
        default:
            return false
        }
        cpu.fflags |= flags
        return true
    }

    /// a * b + c in single precision with one rounding. The product of two singles is exact in
    /// double; the sum is rounded toward zero with the inexact bit kept sticky in the last place
    /// (round to odd), so the final rounding to single under `hostMode` is the correctly rounded
    /// result. (glibc's fmaf raises spurious inexact flags.) Operands pass through `fmaScratch`
    /// so the arithmetic stays between the fesetround/fetestexcept calls.
    func fusedMultiplyAddSingle(_ a: Float, _ b: Float, _ c: Float, hostMode: Int32, flags: inout UInt64) -> Float {
        // Widening quiets a signaling NaN, so NV for one is raised here.
        if a.isSignalingNaN || b.isSignalingNaN || c.isSignalingNaN { flags |= RVFloat.invalid }
        let s = fmaScratch
        s[0] = Double(a); s[1] = Double(b); s[2] = Double(c)
        feclearexcept(RVFloat.hostAll)
        fesetround(FE_TOWARDZERO)
        s[3] = s[0] * s[1] + s[2]
        let first = fetestexcept(RVFloat.hostAll)
        fesetround(hostMode)
        if s[3] == 0 && first & FE_INEXACT == 0 {
            // An exact zero takes its sign from the rounding mode (-0 only when rounding down).
            s[3] = s[0] * s[1] + s[2]
        } else if first & FE_INEXACT != 0 && s[3].isFinite {
            s[3] = Double(bitPattern: s[3].bitPattern | 1)
        }
        feclearexcept(RVFloat.hostAll)
        s[4] = Double(Float(s[3]))
        var second = fetestexcept(RVFloat.hostAll)
        fesetround(FE_TONEAREST)
        if first & FE_INEXACT != 0 { second |= FE_INEXACT }
        flags |= RVFloat.flags(fromHost: (first & FE_INVALID) | second)
        return Float(s[4])
    }

    /// fmin/fmax (2.2 semantics): a NaN operand yields the other one, two NaNs the canonical NaN,
    /// -0 orders below +0; a signaling NaN sets NV.
    static func minMax<T: BinaryFloatingPoint>(_ a: T, _ b: T, isMax: Bool, flags: inout UInt64) -> T {
        if a.isSignalingNaN || b.isSignalingNaN { flags |= RVFloat.invalid }
        if a.isNaN && b.isNaN { return T.nan }
        if a.isNaN { return b }
        if b.isNaN { return a }
        if a.isZero && b.isZero {
            let aNegative = a.sign == .minus
            return isMax ? (aNegative ? b : a) : (aNegative ? a : b)
        }
        return isMax ? (a > b ? a : b) : (a < b ? a : b)
    }

    /// feq is quiet (NV only for signaling NaNs); flt and fle signal on any NaN.
    static func compare<T: BinaryFloatingPoint>(_ sub: UInt8, _ a: T, _ b: T, flags: inout UInt64) -> UInt64 {
        if a.isNaN || b.isNaN {
            if sub != RVFloatOp.eq || a.isSignalingNaN || b.isSignalingNaN { flags |= RVFloat.invalid }
            return 0
        }
        switch sub {
        case RVFloatOp.eq: return a == b ? 1 : 0
        case RVFloatOp.lt: return a < b ? 1 : 0
        default: return a <= b ? 1 : 0
        }
    }
}
