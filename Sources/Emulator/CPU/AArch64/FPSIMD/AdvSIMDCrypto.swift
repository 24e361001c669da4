/// AES instructions (AESE, AESD, AESMC, AESIMC). The S-boxes are derived once from their
/// definition (multiplicative inverse in GF(2^8) followed by the affine map), not typed in.
extension AArch64CPU {
    func simdCryptoAES(_ insn: UInt32) -> Bool {
        if insn & 0xFFFE_0C00 != 0x4E28_0800 { return false }
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let opcode = insn >> 12 & 31
        let tables = AESTables.shared
        var s = V128()
        switch opcode {
        case 4, 5:                                         // AESE, AESD: AddRoundKey, (Inv)ShiftRows, (Inv)SubBytes
            let x0 = vLo(rd) ^ vLo(rn), x1 = vHi(rd) ^ vHi(rn)
            let state = V128(lo: x0, hi: x1)
            for i in 0..<16 {
                // Byte i is row i % 4, column i / 4; ShiftRows moves row r left by r columns.
                let row = i & 3, col = i >> 2
                let from = opcode == 4 ? ((col &+ row) & 3) &* 4 &+ row : ((col &- row) & 3) &* 4 &+ row
                let b = Int(state.get(from, 0))
                s.set(i, 0, UInt64(opcode == 4 ? tables.sbox[b] : tables.inverseSbox[b]))
            }
        case 6, 7:                                         // AESMC, AESIMC
            let state = V128(lo: vLo(rn), hi: vHi(rn))
            for col in 0..<4 {
                let a0 = UInt8(state.get(col &* 4, 0)), a1 = UInt8(state.get(col &* 4 &+ 1, 0))
                let a2 = UInt8(state.get(col &* 4 &+ 2, 0)), a3 = UInt8(state.get(col &* 4 &+ 3, 0))
                let c: (UInt8, UInt8, UInt8, UInt8) = opcode == 6 ? (2, 3, 1, 1) : (14, 11, 13, 9)
                s.set(col &* 4, 0, UInt64(aesMul(a0, c.0) ^ aesMul(a1, c.1) ^ aesMul(a2, c.2) ^ aesMul(a3, c.3)))
                s.set(col &* 4 &+ 1, 0, UInt64(aesMul(a0, c.3) ^ aesMul(a1, c.0) ^ aesMul(a2, c.1) ^ aesMul(a3, c.2)))
                s.set(col &* 4 &+ 2, 0, UInt64(aesMul(a0, c.2) ^ aesMul(a1, c.3) ^ aesMul(a2, c.0) ^ aesMul(a3, c.1)))
                s.set(col &* 4 &+ 3, 0, UInt64(aesMul(a0, c.1) ^ aesMul(a1, c.2) ^ aesMul(a2, c.3) ^ aesMul(a3, c.0)))
            }
        default:
            return false
        }
        vWrite(rd, s, q: true)
        return true
    }
}

/// Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
@inline(__always) func aesMul(_ a: UInt8, _ b: UInt8) -> UInt8 {
    var a = a, b = b, r: UInt8 = 0
    while b != 0 {
        if b & 1 != 0 { r ^= a }
        a = (a << 1) ^ (a & 0x80 != 0 ? 0x1B : 0)
        b >>= 1
    }
    return r
}

final class AESTables: Sendable {
    static let shared = AESTables()
    let sbox: [UInt8]
    let inverseSbox: [UInt8]

    private init() {
        var forward = [UInt8](repeating: 0, count: 256)
        var inverse = [UInt8](repeating: 0, count: 256)
        for x in 0..<256 {
            var inv: UInt8 = 0                             // multiplicative inverse, 0 maps to 0
            if x != 0 { for y in 1..<256 where aesMul(UInt8(x), UInt8(y)) == 1 { inv = UInt8(y); break } }
            var s = inv
            for k in 1...4 { s ^= (inv << UInt8(k)) | (inv >> UInt8(8 - k)) }
            s ^= 0x63
            forward[x] = s
            inverse[Int(s)] = UInt8(x)
        }
        sbox = forward
        inverseSbox = inverse
    }
}

/// SHA1 and SHA256 instructions (FEAT_SHA1, FEAT_SHA256). Words are 32-bit lanes, w[0] lowest.
extension AArch64CPU {
    @inline(__always) private func words(_ reg: Int) -> (UInt32, UInt32, UInt32, UInt32) {
        (UInt32(truncatingIfNeeded: vLo(reg)), UInt32(truncatingIfNeeded: vLo(reg) >> 32),
         UInt32(truncatingIfNeeded: vHi(reg)), UInt32(truncatingIfNeeded: vHi(reg) >> 32))
    }

    @inline(__always) private func writeWords(_ reg: Int, _ w: (UInt32, UInt32, UInt32, UInt32)) {
        vWrite(reg, lo: UInt64(w.0) | UInt64(w.1) << 32, hi: UInt64(w.2) | UInt64(w.3) << 32)
    }

    /// Three-register SHA: SHA1C SHA1P SHA1M SHA1SU0 SHA256H SHA256H2 SHA256SU1.
    func simdCryptoSHAThree(_ insn: UInt32) -> Bool {
        if insn & 0xFFE0_8C00 != 0x5E00_0000 { return false }
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31), rm = Int(insn >> 16 & 31)
        let w = words(rm), d = words(rd), n = words(rn)
        let kind = insn >> 12 & 7
        switch kind {
        case 0, 1, 2:                                      // SHA1C SHA1P SHA1M
            var (x0, x1, x2, x3) = d
            var y = n.0
            for e in 0..<4 {
                let t: UInt32
                switch kind {
                case 0: t = ((x2 ^ x3) & x1) ^ x3
                case 1: t = x1 ^ x2 ^ x3
                default: t = (x1 & x2) | ((x1 | x2) & x3)
                }
                y = y &+ rol32(x0, 5) &+ t &+ sha32Word(w, e)
                x1 = rol32(x1, 30)
                (x0, x1, x2, x3, y) = (y, x0, x1, x2, x3)  // <Y, X> = ROL(Y:X, 32)
            }
            writeWords(rd, (x0, x1, x2, x3))
        case 3:                                            // SHA1SU0
            writeWords(rd, (d.2 ^ d.0 ^ w.0, d.3 ^ d.1 ^ w.1, n.0 ^ d.2 ^ w.2, n.1 ^ d.3 ^ w.3))
        case 4, 5:                                         // SHA256H SHA256H2
            var (x0, x1, x2, x3) = kind == 4 ? d : n
            var (y0, y1, y2, y3) = kind == 4 ? n : d
            for e in 0..<4 {
                let chs = ((y1 ^ y2) & y0) ^ y2
                let maj = (x0 & x1) | ((x0 | x1) & x2)
                let sigma1 = ror32(y0, 6) ^ ror32(y0, 11) ^ ror32(y0, 25)
                let sigma0 = ror32(x0, 2) ^ ror32(x0, 13) ^ ror32(x0, 22)
                let t = y3 &+ sigma1 &+ chs &+ sha32Word(w, e)
                let nx3 = t &+ x3, ny3 = t &+ sigma0 &+ maj
                (x0, x1, x2, x3) = (ny3, x0, x1, x2)        // <Y, X> = ROL(Y:X, 32)
                (y0, y1, y2, y3) = (nx3, y0, y1, y2)
            }
            writeWords(rd, kind == 4 ? (x0, x1, x2, x3) : (y0, y1, y2, y3))
        case 6:                                            // SHA256SU1
            @inline(__always) func s1(_ v: UInt32) -> UInt32 { ror32(v, 17) ^ ror32(v, 19) ^ (v >> 10) }
            let r0 = s1(w.2) &+ d.0 &+ n.1
            let r1 = s1(w.3) &+ d.1 &+ n.2
            let r2 = s1(r0) &+ d.2 &+ n.3
            let r3 = s1(r1) &+ d.3 &+ w.0
            writeWords(rd, (r0, r1, r2, r3))
        default:
            return false
        }
        return true
    }

    /// Two-register SHA: SHA1H SHA1SU1 SHA256SU0.
    func simdCryptoSHATwo(_ insn: UInt32) -> Bool {
        if insn & 0xFFFE_0C00 != 0x5E28_0800 { return false }
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let d = words(rd), n = words(rn)
        switch insn >> 12 & 31 {
        case 0:                                            // SHA1H
            vWrite(rd, lo: UInt64(rol32(n.0, 30)), hi: 0)
        case 1:                                            // SHA1SU1
            let t = (d.0 ^ n.1, d.1 ^ n.2, d.2 ^ n.3, d.3)
            writeWords(rd, (rol32(t.0, 1), rol32(t.1, 1), rol32(t.2, 1), rol32(t.3, 1) ^ rol32(t.0, 2)))
        case 2:                                            // SHA256SU0
            @inline(__always) func s0(_ v: UInt32) -> UInt32 { ror32(v, 7) ^ ror32(v, 18) ^ (v >> 3) }
            writeWords(rd, (s0(d.1) &+ d.0, s0(d.2) &+ d.1, s0(d.3) &+ d.2, s0(n.0) &+ d.3))
        default:
            return false
        }
        return true
    }
}

@inline(__always) func sha32Word(_ w: (UInt32, UInt32, UInt32, UInt32), _ e: Int) -> UInt32 {
    switch e {
    case 0: return w.0
    case 1: return w.1
    case 2: return w.2
    default: return w.3
    }
}

@inline(__always) func rol32(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
@inline(__always) func ror32(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
