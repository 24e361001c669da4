/// The C extension: each 16-bit instruction expands to the 32-bit instruction it stands for, so
/// compressed code runs through the same decoder and the same ops.
enum RISCV64Compressed {
    // 32-bit encoders for the formats the expansions need.
    static func r(_ opcode: UInt32, rd: UInt32, funct3: UInt32, rs1: UInt32, rs2: UInt32, funct7: UInt32) -> UInt32 {
        opcode | rd << 7 | funct3 << 12 | rs1 << 15 | rs2 << 20 | funct7 << 25
    }
    static func i(_ opcode: UInt32, rd: UInt32, funct3: UInt32, rs1: UInt32, imm: Int32) -> UInt32 {
        opcode | rd << 7 | funct3 << 12 | rs1 << 15 | (UInt32(bitPattern: imm) & 0xFFF) << 20
    }
    static func s(_ opcode: UInt32, funct3: UInt32, rs1: UInt32, rs2: UInt32, imm: Int32) -> UInt32 {
        let v = UInt32(bitPattern: imm)
        return opcode | (v & 0x1F) << 7 | funct3 << 12 | rs1 << 15 | rs2 << 20 | ((v >> 5) & 0x7F) << 25
    }
    static func b(funct3: UInt32, rs1: UInt32, rs2: UInt32, imm: Int32) -> UInt32 {
        let v = UInt32(bitPattern: imm)
        return 0x63 | ((v >> 11) & 1) << 7 | ((v >> 1) & 0xF) << 8 | funct3 << 12 | rs1 << 15 | rs2 << 20
            | ((v >> 5) & 0x3F) << 25 | ((v >> 12) & 1) << 31
    }
    static func j(rd: UInt32, imm: Int32) -> UInt32 {
        let v = UInt32(bitPattern: imm)
        return 0x6F | rd << 7 | ((v >> 12) & 0xFF) << 12 | ((v >> 11) & 1) << 20 | ((v >> 1) & 0x3FF) << 21
            | ((v >> 20) & 1) << 31
    }

    @inline(__always) static func bit(_ h: UInt32, _ n: Int) -> UInt32 { (h >> UInt32(n)) & 1 }
    @inline(__always) static func field(_ h: UInt32, _ hi: Int, _ lo: Int) -> UInt32 {
        (h >> UInt32(lo)) & ((1 << UInt32(hi - lo + 1)) - 1)
    }
    /// Sign-extends the low `width` bits.
    @inline(__always) static func sext(_ v: UInt32, _ width: Int) -> Int32 {
        Int32(bitPattern: v << UInt32(32 - width)) >> Int32(32 - width)
    }

    /// The 32-bit expansion of a compressed instruction, or nil for a reserved or illegal encoding.
    static func expand(_ half: UInt16) -> UInt32? {
        let h = UInt32(half)
        let funct3 = field(h, 15, 13)
        let rdFull = field(h, 11, 7), rs2Full = field(h, 6, 2)
        let rdPrime = field(h, 4, 2) + 8, rs1Prime = field(h, 9, 7) + 8
        // CI-format 6-bit immediate: imm[5] = bit 12, imm[4:0] = bits 6:2.
        let ciImm = sext(bit(h, 12) << 5 | field(h, 6, 2), 6)
        switch (h & 3, funct3) {
        // Quadrant 0.
        case (0, 0):
            let imm = field(h, 12, 11) << 4 | field(h, 10, 7) << 6 | bit(h, 6) << 2 | bit(h, 5) << 3
            guard imm != 0 else { return nil }  // also rejects the all-zero illegal instruction
            return i(0x13, rd: rdPrime, funct3: 0, rs1: 2, imm: Int32(imm))
        case (0, 1), (0, 3):  // c.fld, c.ld
            let imm = field(h, 12, 10) << 3 | field(h, 6, 5) << 6
            return i(funct3 == 1 ? 0x07 : 0x03, rd: rdPrime, funct3: 3, rs1: rs1Prime, imm: Int32(imm))
        case (0, 2):  // c.lw
            let imm = field(h, 12, 10) << 3 | bit(h, 6) << 2 | bit(h, 5) << 6
            return i(0x03, rd: rdPrime, funct3: 2, rs1: rs1Prime, imm: Int32(imm))
        case (0, 5), (0, 7):  // c.fsd, c.sd
            let imm = field(h, 12, 10) << 3 | field(h, 6, 5) << 6
            return s(funct3 == 5 ? 0x27 : 0x23, funct3: 3, rs1: rs1Prime, rs2: rdPrime, imm: Int32(imm))
        case (0, 6):  // c.sw
            let imm = field(h, 12, 10) << 3 | bit(h, 6) << 2 | bit(h, 5) << 6
            return s(0x23, funct3: 2, rs1: rs1Prime, rs2: rdPrime, imm: Int32(imm))
        // Quadrant 1.
        case (1, 0):  // c.addi (c.nop when rd is 0)
            return i(0x13, rd: rdFull, funct3: 0, rs1: rdFull, imm: ciImm)
        case (1, 1):  // c.addiw
            guard rdFull != 0 else { return nil }
            return i(0x1B, rd: rdFull, funct3: 0, rs1: rdFull, imm: ciImm)
        case (1, 2):  // c.li
            return i(0x13, rd: rdFull, funct3: 0, rs1: 0, imm: ciImm)
        case (1, 3):
            if rdFull == 2 {  // c.addi16sp
                let v = bit(h, 12) << 9 | bit(h, 6) << 4 | bit(h, 5) << 6 | field(h, 4, 3) << 7 | bit(h, 2) << 5
                guard v != 0 else { return nil }
                return i(0x13, rd: 2, funct3: 0, rs1: 2, imm: sext(v, 10))
            }
            guard ciImm != 0 else { return nil }  // c.lui
            return 0x37 | rdFull << 7 | (UInt32(bitPattern: ciImm) & 0xFFFFF) << 12
        case (1, 4):
            let shamt = bit(h, 12) << 5 | field(h, 6, 2)
            switch field(h, 11, 10) {
            case 0: return i(0x13, rd: rs1Prime, funct3: 5, rs1: rs1Prime, imm: Int32(shamt))             // c.srli
            case 1: return i(0x13, rd: rs1Prime, funct3: 5, rs1: rs1Prime, imm: Int32(shamt | 0x400))    // c.srai
            case 2: return i(0x13, rd: rs1Prime, funct3: 7, rs1: rs1Prime, imm: ciImm)                   // c.andi
            default:
                let rs2 = rdPrime
                switch (bit(h, 12), field(h, 6, 5)) {
                case (0, 0): return r(0x33, rd: rs1Prime, funct3: 0, rs1: rs1Prime, rs2: rs2, funct7: 0x20)  // c.sub
                case (0, 1): return r(0x33, rd: rs1Prime, funct3: 4, rs1: rs1Prime, rs2: rs2, funct7: 0)     // c.xor
                case (0, 2): return r(0x33, rd: rs1Prime, funct3: 6, rs1: rs1Prime, rs2: rs2, funct7: 0)     // c.or
                case (0, 3): return r(0x33, rd: rs1Prime, funct3: 7, rs1: rs1Prime, rs2: rs2, funct7: 0)     // c.and
                case (1, 0): return r(0x3B, rd: rs1Prime, funct3: 0, rs1: rs1Prime, rs2: rs2, funct7: 0x20)  // c.subw
                case (1, 1): return r(0x3B, rd: rs1Prime, funct3: 0, rs1: rs1Prime, rs2: rs2, funct7: 0)     // c.addw
                default: return nil
                }
            }
        case (1, 5):  // c.j
            let v = bit(h, 12) << 11 | bit(h, 11) << 4 | field(h, 10, 9) << 8 | bit(h, 8) << 10 | bit(h, 7) << 6
                | bit(h, 6) << 7 | field(h, 5, 3) << 1 | bit(h, 2) << 5
            return j(rd: 0, imm: sext(v, 12))
        case (1, 6), (1, 7):  // c.beqz, c.bnez
            let v = bit(h, 12) << 8 | field(h, 11, 10) << 3 | field(h, 6, 5) << 6 | field(h, 4, 3) << 1 | bit(h, 2) << 5
            return b(funct3: funct3 == 6 ? 0 : 1, rs1: rs1Prime, rs2: 0, imm: sext(v, 9))
        // Quadrant 2.
        case (2, 0):  // c.slli
            let shamt = bit(h, 12) << 5 | field(h, 6, 2)
            return i(0x13, rd: rdFull, funct3: 1, rs1: rdFull, imm: Int32(shamt))
        case (2, 1), (2, 3):  // c.fldsp, c.ldsp
            if funct3 == 3 && rdFull == 0 { return nil }
            let imm = bit(h, 12) << 5 | field(h, 6, 5) << 3 | field(h, 4, 2) << 6
            return i(funct3 == 1 ? 0x07 : 0x03, rd: rdFull, funct3: 3, rs1: 2, imm: Int32(imm))
        case (2, 2):  // c.lwsp
            guard rdFull != 0 else { return nil }
            let imm = bit(h, 12) << 5 | field(h, 6, 4) << 2 | field(h, 3, 2) << 6
            return i(0x03, rd: rdFull, funct3: 2, rs1: 2, imm: Int32(imm))
        case (2, 4):
            if bit(h, 12) == 0 {
                if rs2Full == 0 {  // c.jr
                    guard rdFull != 0 else { return nil }
                    return i(0x67, rd: 0, funct3: 0, rs1: rdFull, imm: 0)
                }
                return r(0x33, rd: rdFull, funct3: 0, rs1: 0, rs2: rs2Full, funct7: 0)  // c.mv
            }
            if rs2Full == 0 {
                if rdFull == 0 { return 0x0010_0073 }  // c.ebreak
                return i(0x67, rd: 1, funct3: 0, rs1: rdFull, imm: 0)  // c.jalr
            }
            return r(0x33, rd: rdFull, funct3: 0, rs1: rdFull, rs2: rs2Full, funct7: 0)  // c.add
        case (2, 5), (2, 7):  // c.fsdsp, c.sdsp
            let imm = field(h, 12, 10) << 3 | field(h, 9, 7) << 6
            return s(funct3 == 5 ? 0x27 : 0x23, funct3: 3, rs1: 2, rs2: rs2Full, imm: Int32(imm))
        case (2, 6):  // c.swsp
            let imm = field(h, 12, 9) << 2 | field(h, 8, 7) << 6
            return s(0x23, funct3: 2, rs1: 2, rs2: rs2Full, imm: Int32(imm))
        default:
            return nil
        }
    }
}
