/// AdvSIMD "three same" (vector and scalar): integer arithmetic, compares, shifts by register,
/// saturating ops, logic and bitwise selects, pairwise integer ops. FP opcodes (11xxx) go to
/// AdvSIMDFloat.swift.
extension AArch64CPU {
    func simdThreeSame(_ insn: UInt32, scalar: Bool) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31), rm = Int(insn >> 16 & 31)
        let opcode = insn >> 11 & 31
        let u = insn >> 29 & 1
        let q = insn & 0x4000_0000 != 0
        let size = Int(insn >> 22 & 3)
        if opcode >= 0x18 { return simdFloatThreeSame(insn, scalar: scalar) }

        if opcode == 3 {                                   // logic: AND BIC ORR ORN EOR BSL BIT BIF
            if scalar { return false }
            let n0 = vLo(rn), n1 = vHi(rn), m0 = vLo(rm), m1 = vHi(rm)
            var r0: UInt64, r1: UInt64
            switch u << 2 | UInt32(size) {
            case 0: r0 = n0 & m0; r1 = n1 & m1
            case 1: r0 = n0 & ~m0; r1 = n1 & ~m1
            case 2: r0 = n0 | m0; r1 = n1 | m1
            case 3: r0 = n0 | ~m0; r1 = n1 | ~m1
            case 4: r0 = n0 ^ m0; r1 = n1 ^ m1
            case 5:                                          // BSL: d selects n (1) or m (0)
                let d0 = vLo(rd), d1 = vHi(rd)
                r0 = (n0 & d0) | (m0 & ~d0); r1 = (n1 & d1) | (m1 & ~d1)
            case 6:                                          // BIT: insert n where m is 1
                let d0 = vLo(rd), d1 = vHi(rd)
                r0 = (n0 & m0) | (d0 & ~m0); r1 = (n1 & m1) | (d1 & ~m1)
            default:                                         // BIF: insert n where m is 0
                let d0 = vLo(rd), d1 = vHi(rd)
                r0 = (n0 & ~m0) | (d0 & m0); r1 = (n1 & ~m1) | (d1 & m1)
            }
            vWrite(rd, lo: r0, hi: q ? r1 : 0)
            return true
        }

        let op = u << 5 | opcode
        // Which sizes are allocated.
        if scalar {
            switch op {
            case 0x01, 0x21, 0x05, 0x25, 0x09, 0x29, 0x0B, 0x2B: break      // saturating: any size
            case 0x06, 0x26, 0x07, 0x27, 0x08, 0x28, 0x0A, 0x2A, 0x10, 0x30, 0x11, 0x31:
                if size != 3 { return false }
            case 0x16, 0x36: if size != 1 && size != 2 { return false }    // SQDMULH SQRDMULH
            default: return false
            }
        } else {
            if size == 3 && !q { return false }
            switch op {
            case 0x01, 0x21, 0x05, 0x25, 0x06, 0x26, 0x07, 0x27, 0x08, 0x28, 0x09, 0x29,
                 0x0A, 0x2A, 0x0B, 0x2B, 0x10, 0x30, 0x11, 0x31, 0x17: break
            case 0x16, 0x36: if size != 1 && size != 2 { return false }
            case 0x33: if size != 0 { return false }                        // PMUL
            case 0x37: return false
            default: if size == 3 { return false }
            }
        }

        let esize = 8 << size
        let lanes = scalar ? 1 : (q ? 128 : 64) / esize
        var r = V128()

        // Hot in glibc's string routines: CMEQ and compares on bytes, ADD/SUB, pairwise.
        switch op {
        case 0x31:                                                          // CMEQ
            if size == 3 {
                r.lo = vLo(rn) == vLo(rm) ? ~0 : 0
                if !scalar { r.hi = vHi(rn) == vHi(rm) ? ~0 : 0 }
            } else {
                r.lo = simdCmeqWord(vLo(rn) ^ vLo(rm), size)
                r.hi = simdCmeqWord(vHi(rn) ^ vHi(rm), size)
            }
            vWrite(rd, r, q: q && !scalar)
            return true
        case 0x06, 0x07, 0x26, 0x27, 0x11:                                  // CMGT CMGE CMHI CMHS CMTST
            if size == 3 { break }                                          // 64-bit lanes: generic loop
            r.lo = simdCompareWord(op, vLo(rn), vLo(rm), size)
            if q { r.hi = simdCompareWord(op, vHi(rn), vHi(rm), size) }
            vWrite(rd, r, q: q)
            return true
        case 0x10, 0x30:                                                    // ADD, SUB
            if size == 3 {
                r.lo = op == 0x10 ? vLo(rn) &+ vLo(rm) : vLo(rn) &- vLo(rm)
                if !scalar { r.hi = op == 0x10 ? vHi(rn) &+ vHi(rm) : vHi(rn) &- vHi(rm) }
            } else {
                r.lo = simdAddSubWord(vLo(rn), vLo(rm), size, sub: op == 0x30)
                r.hi = simdAddSubWord(vHi(rn), vHi(rm), size, sub: op == 0x30)
            }
            vWrite(rd, r, q: q && !scalar)
            return true
        case 0x17, 0x14, 0x15, 0x34, 0x35:                                  // ADDP SMAXP SMINP UMAXP UMINP
            if size == 0 {                                                  // bytes: straight from the words
                r.lo = simdPairBytes(op, vLo(rn), q ? vHi(rn) : vLo(rm))
                if q { r.hi = simdPairBytes(op, vLo(rm), vHi(rm)) }
                vWrite(rd, r, q: q)
                return true
            }
            let half = lanes >> 1
            for i in 0..<lanes {
                let src = i < half ? rn : rm
                let j = (i < half ? i : i &- half) &<< 1
                let a = vLane(src, j, size), b = vLane(src, j &+ 1, size)
                r.set(i, size, simdPairOp(op, a, b, size))
            }
            vWrite(rd, r, q: q)
            return true
        default:
            break
        }

        var qc = false
        for i in 0..<lanes {
            let a = vLane(rn, i, size), b = vLane(rm, i, size)
            let value: UInt64
            switch op {
            case 0x00: value = UInt64(bitPattern: (simdSext(a, size) &+ simdSext(b, size)) >> 1)     // SHADD
            case 0x20: value = (a &+ b) >> 1                                                           // UHADD
            case 0x02: value = UInt64(bitPattern: (simdSext(a, size) &+ simdSext(b, size) &+ 1) >> 1) // SRHADD
            case 0x22: value = (a &+ b &+ 1) >> 1                                                     // URHADD
            case 0x04: value = UInt64(bitPattern: (simdSext(a, size) &- simdSext(b, size)) >> 1)     // SHSUB
            case 0x24: value = (a &- b) >> 1                                                      // UHSUB
            case 0x01:                                                                                  // SQADD
                if size == 3 {
                    let (s, o) = Int64(bitPattern: a).addingReportingOverflow(Int64(bitPattern: b))
                    if o { qc = true; value = s < 0 ? UInt64(Int64.max) : UInt64(bitPattern: Int64.min) } else { value = UInt64(bitPattern: s) }
                } else { value = simdSatS(simdSext(a, size) &+ simdSext(b, size), size, &qc) }
            case 0x21:                                                                                  // UQADD
                if size == 3 {
                    let (s, o) = a.addingReportingOverflow(b)
                    if o { qc = true; value = ~0 } else { value = s }
                } else { value = simdSatU(Int64(a &+ b), size, &qc) }
            case 0x05:                                                                                  // SQSUB
                if size == 3 {
                    let (s, o) = Int64(bitPattern: a).subtractingReportingOverflow(Int64(bitPattern: b))
                    if o { qc = true; value = s < 0 ? UInt64(Int64.max) : UInt64(bitPattern: Int64.min) } else { value = UInt64(bitPattern: s) }
                } else { value = simdSatS(simdSext(a, size) &- simdSext(b, size), size, &qc) }
            case 0x25:                                                                                  // UQSUB
                if a < b { qc = true; value = 0 } else { value = a &- b }
            case 0x06: value = simdSext(a, size) > simdSext(b, size) ? ~0 : 0                         // CMGT
            case 0x07: value = simdSext(a, size) >= simdSext(b, size) ? ~0 : 0                        // CMGE
            case 0x26: value = a > b ? ~0 : 0                                                           // CMHI
            case 0x27: value = a >= b ? ~0 : 0                                                          // CMHS
            case 0x11: value = a & b != 0 ? ~0 : 0                                                      // CMTST
            case 0x08, 0x0A, 0x09, 0x0B, 0x28, 0x2A, 0x29, 0x2B:                                        // [SU][Q][R]SHL
                value = simdShiftByRegister(a, b, size, signed: u == 0, rounding: op & 2 != 0,
                                            saturating: op & 1 != 0, &qc)
            case 0x0C: value = simdSext(a, size) >= simdSext(b, size) ? a : b                         // SMAX
            case 0x0D: value = simdSext(a, size) <= simdSext(b, size) ? a : b                         // SMIN
            case 0x2C: value = a >= b ? a : b                                                           // UMAX
            case 0x2D: value = a <= b ? a : b                                                           // UMIN
            case 0x0E, 0x0F:                                                                            // SABD SABA
                let dd = simdSext(a, size) &- simdSext(b, size)
                value = UInt64(bitPattern: dd < 0 ? 0 &- dd : dd) &+ (op == 0x0F ? vLane(rd, i, size) : 0)
            case 0x2E, 0x2F:                                                                            // UABD UABA
                value = (a >= b ? a &- b : b &- a) &+ (op == 0x2F ? vLane(rd, i, size) : 0)
            case 0x12: value = vLane(rd, i, size) &+ a &* b                                           // MLA
            case 0x32: value = vLane(rd, i, size) &- a &* b                                           // MLS
            case 0x13: value = a &* b                                                                   // MUL
            case 0x33: value = simdPolyMul8(a, b)                                                       // PMUL
            case 0x16, 0x36:                                                                            // SQDMULH SQRDMULH
                value = simdDoublingMulHigh(simdSext(a, size), simdSext(b, size), size, round: op == 0x36, &qc)
            default: return false
            }
            r.set(i, size, value)
        }
        if qc { setQC() }
        vWrite(rd, r, q: q && !scalar)
        return true
    }
}

/// CMEQ on a 64-bit word of lanes given x = a ^ b: all-ones in each lane that is zero.
@inline(__always) func simdCmeqWord(_ x: UInt64, _ size: Int) -> UInt64 {
    // For each lane, a nonzero lane has its top bit set after OR-ing with (lane - 1) trick-free form:
    // t = ((x & low) + low) | x sets the lane's top bit iff the lane is nonzero.
    let top: UInt64, low: UInt64
    switch size {
    case 0: top = 0x8080_8080_8080_8080
    case 1: top = 0x8000_8000_8000_8000
    default: top = 0x8000_0000_8000_0000
    }
    low = ~top
    let t = ((x & low) &+ low) | x                  // top bit of lane set iff lane != 0
    let nz = (t & top) >> UInt64((8 << size) - 1)  // 1 in lowest bit of each nonzero lane
    let lanesNonzero = nz &* simdLaneMask(size)      // spread to full lane (no carries between lanes)
    return ~lanesNonzero
}

/// Lane-wise add or subtract inside a 64-bit word without carries crossing lanes.
@inline(__always) func simdAddSubWord(_ a: UInt64, _ b: UInt64, _ size: Int, sub: Bool) -> UInt64 {
    let top: UInt64
    switch size {
    case 0: top = 0x8080_8080_8080_8080
    case 1: top = 0x8000_8000_8000_8000
    default: top = 0x8000_0000_8000_0000
    }
    if sub {
        return ((a | top) &- (b & ~top)) ^ ((a ^ ~b) & top)
    }
    return ((a & ~top) &+ (b & ~top)) ^ ((a ^ b) & top)
}

@inline(__always) func simdPairOp(_ op: UInt32, _ a: UInt64, _ b: UInt64, _ size: Int) -> UInt64 {
    switch op {
    case 0x17: return a &+ b
    case 0x14: return simdSext(a, size) >= simdSext(b, size) ? a : b
    case 0x15: return simdSext(a, size) <= simdSext(b, size) ? a : b
    case 0x34: return a >= b ? a : b
    default: return a <= b ? a : b
    }
}

/// SQDMULH / SQRDMULH on one lane (size 1 or 2): high half of 2*a*b, optionally rounded.
@inline(__always) func simdDoublingMulHigh(_ a: Int64, _ b: Int64, _ size: Int, round: Bool, _ qc: inout Bool) -> UInt64 {
    let esize = 8 << size
    let p = a &* b                                   // |p| <= 2^62 for 32-bit lanes
    let value = round ? (p &+ (Int64(1) << Int64(esize &- 2))) >> Int64(esize &- 1) : p >> Int64(esize &- 1)
    return simdSatS(value, size, &qc)
}

/// SSHL/USHL/SQSHL/UQSHL/SRSHL/URSHL/SQRSHL/UQRSHL on one lane: the shift is the signed low
/// byte of `b`; negative shifts right (rounding if asked), positive shifts left (saturating if asked).
@inline(__always)
func simdShiftByRegister(_ a: UInt64, _ b: UInt64, _ size: Int, signed: Bool, rounding: Bool,
                         saturating: Bool, _ qc: inout Bool) -> UInt64 {
    let esize = 8 << size
    let sh = Int(Int8(truncatingIfNeeded: b))
    if sh >= 0 {
        if !saturating { return sh >= esize ? 0 : a &<< UInt64(sh) }
        return simdSatShiftLeft(a, sh, size, signed: signed, &qc)
    }
    let n = -sh
    if signed {
        let sa = simdSext(a, size)
        if rounding { return UInt64(bitPattern: simdRoundShiftS(sa, n)) }
        return UInt64(bitPattern: sa >> Int64(n > 63 ? 63 : n))
    }
    if rounding { return simdRoundShiftU(a, n) }
    return n >= 64 ? 0 : a >> UInt64(n)
}

/// Saturating left shift of a lane by sh >= 0 (signed or unsigned lane value).
@inline(__always)
func simdSatShiftLeft(_ a: UInt64, _ sh: Int, _ size: Int, signed: Bool, _ qc: inout Bool) -> UInt64 {
    let esize = 8 << size
    if signed {
        let sa = simdSext(a, size)
        if sa == 0 { return 0 }
        if sh >= esize { qc = true; return UInt64(bitPattern: sa < 0 ? simdSignedMin(size) : simdSignedMax(size)) }
        let r = sa &<< Int64(sh)
        if (r >> Int64(sh)) != sa { qc = true; return UInt64(bitPattern: sa < 0 ? simdSignedMin(size) : simdSignedMax(size)) }
        return simdSatS(r, size, &qc)
    }
    if a == 0 { return 0 }
    if sh >= esize { qc = true; return simdLaneMask(size) }
    let r = a &<< UInt64(sh)
    if (r >> UInt64(sh)) != a || r > simdLaneMask(size) { qc = true; return simdLaneMask(size) }
    return r
}

/// Pairwise op on the 16 bytes of two words (w0 then w1), giving 8 result bytes in one word.
/// Pairs are spread into 16-bit lanes so one SWAR step handles all four pairs of a word.
@inline(__always) func simdPairBytes(_ op: UInt32, _ w0: UInt64, _ w1: UInt64) -> UInt64 {
    simdPairBytesHalf(op, w0) | simdPairBytesHalf(op, w1) << 32
}

@inline(__always) func simdPairBytesHalf(_ op: UInt32, _ w: UInt64) -> UInt64 {
    let low: UInt64 = 0x00FF_00FF_00FF_00FF, bit8: UInt64 = 0x0100_0100_0100_0100
    let flip: UInt64 = (op == 0x14 || op == 0x15) ? 0x0080_0080_0080_0080 : 0   // signed: bias to unsigned
    let even = (w & low) ^ flip, odd = ((w >> 8) & low) ^ flip
    var x: UInt64
    if op == 0x17 {
        x = (even &+ odd) & low                                       // ADDP (flip is 0 here)
    } else {
        let ge = (((even | bit8) &- odd) & bit8) >> 8 &* 0xFF         // 0xFF in lanes where even >= odd
        let wantMax = op == 0x14 || op == 0x34
        x = wantMax ? (even & ge) | (odd & ~ge & low) : (odd & ge) | (even & ~ge & low)
        x ^= flip
    }
    x = (x | x >> 8) & 0x0000_FFFF_0000_FFFF
    return (x | x >> 16) & 0xFFFF_FFFF
}

/// Lane-wise compares of two 64-bit words without leaving the word (strchr's CMHS, etc.).
@inline(__always) func simdCompareWord(_ op: UInt32, _ a: UInt64, _ b: UInt64, _ size: Int) -> UInt64 {
    if op == 0x11 { return ~simdCmeqWord(a & b, size) }                  // CMTST
    let top: UInt64
    switch size {
    case 0: top = 0x8080_8080_8080_8080
    case 1: top = 0x8000_8000_8000_8000
    default: top = 0x8000_0000_8000_0000
    }
    let signed = op == 0x06 || op == 0x07
    let strict = op == 0x06 || op == 0x26
    // x >= y (unsigned lanes) as top bits; strict compares use !(y >= x).
    var x = strict ? b : a, y = strict ? a : b
    if signed { x ^= top; y ^= top }
    let low = (x | top) &- (y & ~top)                                   // top bit: low bits of x >= low bits of y
    var ge = ((x & ~y) | (~(x ^ y) & low)) & top
    if strict { ge = ~ge & top }
    return (ge >> UInt64((8 << size) - 1)) &* simdLaneMask(size)
}
