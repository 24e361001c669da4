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
