/// Integer helpers shared by the interpreter: flags, shifts, extends, conditions.
enum A64 {
    @inline(__always) static func nzcv(n: UInt64, z: Bool, c: UInt64, v: UInt64) -> UInt64 {
        (n << 31) | (z ? 1 << 30 : 0) | (c << 29) | (v << 28)
    }

    /// a + b + carry with the AArch64 flags, 64-bit.
    @inline(__always) static func add64(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let (r1, o1) = a.addingReportingOverflow(b)
        let (r, o2) = r1.addingReportingOverflow(carry)
        let c: UInt64 = (o1 || o2) ? 1 : 0
        let v = ((a ^ r) & (b ^ r)) >> 63
        return (r, nzcv(n: r >> 63, z: r == 0, c: c, v: v))
    }

    /// a + b + carry with the AArch64 flags, 32-bit (inputs already truncated).
    @inline(__always) static func add32(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let sum = a &+ b &+ carry
        let r = sum & 0xFFFF_FFFF
        let v = (((a ^ r) & (b ^ r)) >> 31) & 1
        return (r, nzcv(n: r >> 31, z: r == 0, c: sum >> 32, v: v))
    }

    /// a - b with the AArch64 flags, 64-bit (SUBS, CMP).
    @inline(__always) static func sub64(_ a: UInt64, _ b: UInt64) -> (UInt64, UInt64) {
        let r = a &- b
        let c: UInt64 = a >= b ? 1 << 29 : 0
        let z: UInt64 = r == 0 ? 1 << 30 : 0
        let v = (((a ^ b) & (a ^ r)) >> 63) << 28
        return (r, ((r >> 63) << 31) | z | c | v)
    }

    /// a - b with the AArch64 flags, 32-bit; inputs already truncated to 32 bits.
    @inline(__always) static func sub32(_ a: UInt64, _ b: UInt64) -> (UInt64, UInt64) {
        let r = (a &- b) & 0xFFFF_FFFF
        let c: UInt64 = a >= b ? 1 << 29 : 0
        let z: UInt64 = r == 0 ? 1 << 30 : 0
        let v = ((((a ^ b) & (a ^ r)) >> 31) & 1) << 28
        return (r, (r & 0x8000_0000) | z | c | v)
    }

    /// Whether a condition holds, from the 16-bit mask the specialiser stored for it.
    @inline(__always) static func holds(mask: UInt32, _ flags: UInt64) -> Bool {
        (mask >> UInt32(truncatingIfNeeded: flags >> 28)) & 1 != 0
    }

    @inline(__always) static func logicFlags(_ r: UInt64, is64: Bool) -> UInt64 {
        is64 ? nzcv(n: r >> 63, z: r == 0, c: 0, v: 0) : nzcv(n: (r >> 31) & 1, z: r & 0xFFFF_FFFF == 0, c: 0, v: 0)
    }

    @inline(__always) static func shift(_ value: UInt64, type: UInt8, amount: UInt64, is64: Bool) -> UInt64 {
        if is64 {
            switch type {
            case 0: return value &<< amount
            case 1: return value &>> amount
            case 2: return UInt64(bitPattern: Int64(bitPattern: value) &>> Int64(amount))
            default: return (value &>> amount) | (value &<< (64 &- amount))
            }
        }
        let w = UInt32(truncatingIfNeeded: value), a = UInt32(amount)
        switch type {
        case 0: return UInt64(w &<< a)
        case 1: return UInt64(w &>> a)
        case 2: return UInt64(UInt32(bitPattern: Int32(bitPattern: w) &>> Int32(a)))
        default: return UInt64((w &>> a) | (w &<< (32 &- a)))
        }
    }

    /// The extend-and-shift of extended-register operands and register-offset addresses.
    @inline(__always) static func extend(_ value: UInt64, option: UInt8, shift: UInt64) -> UInt64 {
        let v: UInt64
        switch option {
        case 0: v = value & 0xFF
        case 1: v = value & 0xFFFF
        case 2: v = value & 0xFFFF_FFFF
        case 3: v = value
        case 4: v = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: value)))
        case 5: v = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: value)))
        case 6: v = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: value)))
        default: v = value
        }
        return v &<< shift
    }

    @inline(__always) static func conditionHolds(_ cond: UInt8, _ flags: UInt64) -> Bool {
        let n = flags & (1 << 31) != 0, z = flags & (1 << 30) != 0
        let c = flags & (1 << 29) != 0, v = flags & (1 << 28) != 0
        var result: Bool
        switch cond >> 1 {
        case 0: result = z
        case 1: result = c
        case 2: result = n
        case 3: result = v
        case 4: result = c && !z
        case 5: result = n == v
        case 6: result = n == v && !z
        default: result = true
        }
        if cond & 1 == 1 && cond != 15 { result = !result }
        return result
    }

    @inline(__always) static func signExtend(_ value: UInt64, fromBits n: UInt64) -> UInt64 {
        let s = 64 &- n
        return UInt64(bitPattern: Int64(bitPattern: value &<< s) &>> Int64(s))
    }

    @inline(__always) static func reverseBits(_ value: UInt64) -> UInt64 {
        var v = value
        v = ((v >> 1) & 0x5555_5555_5555_5555) | ((v & 0x5555_5555_5555_5555) << 1)
        v = ((v >> 2) & 0x3333_3333_3333_3333) | ((v & 0x3333_3333_3333_3333) << 2)
        v = ((v >> 4) & 0x0F0F_0F0F_0F0F_0F0F) | ((v & 0x0F0F_0F0F_0F0F_0F0F) << 4)
        return v.byteSwapped
    }

    /// CRC-32 (reflected, polynomial 0x04C11DB7) or CRC-32C (0x1EDC6F41) over the low `bytes` bytes.
    @inline(__always) static func crc32(_ crc: UInt32, _ value: UInt64, bytes: Int, castagnoli: Bool) -> UInt32 {
        let poly: UInt32 = castagnoli ? 0x82F6_3B78 : 0xEDB8_8320
        var c = crc
        var v = value
        for _ in 0..<bytes {
            c ^= UInt32(v & 0xFF)
            for _ in 0..<8 { c = (c >> 1) ^ (poly & (0 &- (c & 1))) }
            v >>= 8
        }
        return c
    }
}
