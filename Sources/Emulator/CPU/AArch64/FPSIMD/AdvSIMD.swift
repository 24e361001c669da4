/// AdvSIMD data processing: the top-level decoder and the lane helpers every group shares.
///
/// Encoding groups follow the Arm ARM table "Data Processing -- Scalar Floating-Point and
/// Advanced SIMD". Every group decodes the raw word itself with plain bit-field switches; results
/// are built in a `V128` value and written back at the end, so a destination may alias a source.
extension AArch64CPU {
    /// AdvSIMD vector and scalar data processing, across-lanes, permutes, TBL/TBX, crypto.
    func executeAdvSIMD(_ insn: UInt32) -> Bool {
        if insn >> 31 != 0 { return false }                       // SHA512/SM3/SM4 etc.: not offered
        let bit24 = insn & 0x0100_0000 != 0
        let bit21 = insn & 0x0020_0000 != 0
        let bit10 = insn & 0x0400 != 0
        if insn & 0x1000_0000 == 0 {
            // Vector forms: 0 Q U 0111 x ...
            if !bit24 {
                if bit21 {
                    if bit10 { return simdThreeSame(insn, scalar: false) }
                    if insn & 0x0800 == 0 { return simdThreeDifferent(insn) }
                    switch insn >> 17 & 0xF {
                    case 0: return simdTwoRegMisc(insn, scalar: false)
                    case 8: return simdAcrossLanes(insn)
                    case 4: return simdCryptoAES(insn)
                    case 12: return insn & 0x0040_0000 != 0 && simdFloatTwoRegMisc(insn, scalar: false, half: true)
                    default: return false
                    }
                }
                if insn & 0x0040_C400 == 0x0040_0400 { return simdFloatThreeSame(insn, scalar: false, half: true) }
                if insn & 0x8000 != 0 { return false }              // three-same extra (dot product): not offered
                let u = insn & 0x2000_0000 != 0
                if insn & 0x00E0_0000 == 0 && bit10 { return simdCopy(insn) }
                if u {
                    if insn & 0x00C0_0400 == 0 { return simdExtract(insn) }
                    return false
                }
                if insn & 0x0C00 == 0x0800 { return simdPermute(insn) }
                if insn & 0x00C0_0C00 == 0 { return simdTable(insn) }
                return false
            }
            if !bit10 { return simdByElement(insn, scalar: false) }
            if insn & 0x0080_0000 != 0 { return false }
            if insn & 0x0078_0000 == 0 { return simdModifiedImmediate(insn) }
            return simdShiftImmediate(insn, scalar: false)
        }
        // AdvSIMD scalar forms: 0 1 U 1111 x ...
        if !bit24 {
            if bit21 {
                if bit10 { return simdThreeSame(insn, scalar: true) }
                if insn & 0x0800 == 0 { return simdScalarThreeDifferent(insn) }
                switch insn >> 17 & 0xF {
                case 0: return simdTwoRegMisc(insn, scalar: true)
                case 8: return simdScalarPairwise(insn)
                case 4: return simdCryptoSHATwo(insn)
                case 12: return insn & 0x0040_0000 != 0 && simdFloatTwoRegMisc(insn, scalar: true, half: true)
                default: return false
                }
            }
            if insn & 0x0040_C400 == 0x0040_0400 { return simdFloatThreeSame(insn, scalar: true, half: true) }
            if insn & 0x20E0_8000 == 0 && bit10 { return simdScalarCopy(insn) }
            if insn & 0x0C00 == 0 { return simdCryptoSHAThree(insn) }
            return false
        }
        if !bit10 { return simdByElement(insn, scalar: true) }
        if insn & 0x0080_0000 != 0 || insn & 0x0078_0000 == 0 { return false }
        return simdShiftImmediate(insn, scalar: true)
    }

    // MARK: lane access

    /// Lane `i` of size `size` (0 = 8 bits ... 3 = 64 bits) of V register `reg`, zero-extended.
    @inline(__always) func vLane(_ reg: Int, _ i: Int, _ size: Int) -> UInt64 {
        let p = v + reg &* 16
        switch size {
        case 0: return UInt64(p.load(fromByteOffset: i, as: UInt8.self))
        case 1: return UInt64(p.load(fromByteOffset: i &<< 1, as: UInt16.self))
        case 2: return UInt64(p.load(fromByteOffset: i &<< 2, as: UInt32.self))
        default: return p.load(fromByteOffset: i &<< 3, as: UInt64.self)
        }
    }

    @inline(__always) func vLo(_ reg: Int) -> UInt64 { (v + reg &* 16).load(as: UInt64.self) }
    @inline(__always) func vHi(_ reg: Int) -> UInt64 { (v + reg &* 16).load(fromByteOffset: 8, as: UInt64.self) }

    /// Writes a whole result; a 64-bit (Q = 0) or scalar result clears bits 127:64.
    @inline(__always) func vWrite(_ reg: Int, _ r: V128, q: Bool) {
        let p = v + reg &* 16
        p.storeBytes(of: r.lo, as: UInt64.self)
        p.storeBytes(of: q ? r.hi : 0, toByteOffset: 8, as: UInt64.self)
    }

    @inline(__always) func vWrite(_ reg: Int, lo: UInt64, hi: UInt64) {
        let p = v + reg &* 16
        p.storeBytes(of: lo, as: UInt64.self)
        p.storeBytes(of: hi, toByteOffset: 8, as: UInt64.self)
    }

    /// FPSR.QC, the cumulative saturation flag.
    @inline(__always) func setQC() { fpsr |= 1 << 27 }
}

/// A 128-bit value built lane by lane. Lanes must be set at most once (set ORs into zeros).
struct V128 {
    var lo: UInt64 = 0
    var hi: UInt64 = 0

    @inline(__always) init() {}
    @inline(__always) init(lo: UInt64, hi: UInt64) { self.lo = lo; self.hi = hi }

    @inline(__always) mutating func set(_ i: Int, _ size: Int, _ value: UInt64) {
        let pos = i &<< (3 &+ size)
        let m = simdLaneMask(size)
        if pos < 64 { lo |= (value & m) &<< UInt64(pos) } else { hi |= (value & m) &<< UInt64(pos &- 64) }
    }

    @inline(__always) func get(_ i: Int, _ size: Int) -> UInt64 {
        let pos = i &<< (3 &+ size)
        let m = simdLaneMask(size)
        return (pos < 64 ? lo &>> UInt64(pos) : hi &>> UInt64(pos &- 64)) & m
    }
}

@inline(__always) func simdLaneMask(_ size: Int) -> UInt64 {
    size >= 3 ? ~0 : (1 &<< (UInt64(8) &<< UInt64(size))) &- 1
}

/// Sign-extends the low 8 << size bits.
@inline(__always) func simdSext(_ value: UInt64, _ size: Int) -> Int64 {
    let s = UInt64(64 &- (8 &<< size))
    return Int64(bitPattern: value &<< s) &>> Int64(s)
}

@inline(__always) func simdSignedMax(_ size: Int) -> Int64 { Int64(bitPattern: simdLaneMask(size) >> 1) }
@inline(__always) func simdSignedMin(_ size: Int) -> Int64 { ~simdSignedMax(size) }

/// Clamps an exact signed value (fits in Int64) to the signed range of a lane; QC on clamp.
@inline(__always) func simdSatS(_ value: Int64, _ size: Int, _ qc: inout Bool) -> UInt64 {
    let hi = simdSignedMax(size), lo = simdSignedMin(size)
    if value > hi { qc = true; return UInt64(bitPattern: hi) }
    if value < lo { qc = true; return UInt64(bitPattern: lo) }
    return UInt64(bitPattern: value)
}

/// Clamps an exact signed value to the unsigned range of a lane (size < 3); QC on clamp.
@inline(__always) func simdSatU(_ value: Int64, _ size: Int, _ qc: inout Bool) -> UInt64 {
    let hi = simdLaneMask(size)
    if value < 0 { qc = true; return 0 }
    if UInt64(value) > hi { qc = true; return hi }
    return UInt64(value)
}

/// Signed right shift by n >= 1 with rounding, as (a + 2^(n-1)) >> n without overflow.
@inline(__always) func simdRoundShiftS(_ a: Int64, _ n: Int) -> Int64 {
    if n > 64 { return 0 }
    return (a >> Int64(n)) &+ ((a >> Int64(n &- 1)) & 1)
}

/// Unsigned right shift by n >= 1 with rounding.
@inline(__always) func simdRoundShiftU(_ a: UInt64, _ n: Int) -> UInt64 {
    if n > 64 { return 0 }
    return (a >> UInt64(n)) &+ ((a >> UInt64(n &- 1)) & 1)
}

/// Polynomial (carry-less) multiply of two 8-bit values.
@inline(__always) func simdPolyMul8(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var r: UInt64 = 0
    var i: UInt64 = 0
    while i < 8 {
        if (b >> i) & 1 != 0 { r ^= a &<< i }
        i &+= 1
    }
    return r
}
