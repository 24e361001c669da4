/// Decodes one RISC-V instruction (RV64GC) into an `RVDecodedOp`. Compressed instructions are first
/// expanded to their 32-bit equivalents (`RISCV64Compressed`), so both share one decoder.
enum RISCV64Decoder {
    /// Decodes the instruction whose low 16 bits are `low` (and, for a 32-bit instruction, whose
    /// high 16 bits are `high`) at `pc`.
    static func decode(low: UInt16, high: UInt16, pc: UInt64) -> RVDecodedOp {
        if low & 3 != 3 {
            var op = decode32(RISCV64Compressed.expand(low) ?? 0, pc: pc)
            op.length = 2
            return op
        }
        return decode32(UInt32(low) | UInt32(high) << 16, pc: pc)
    }

    @inline(__always) static func bits(_ w: UInt32, _ hi: Int, _ lo: Int) -> UInt32 {
        (w >> UInt32(lo)) & ((1 << UInt32(hi - lo + 1)) - 1)
    }
    static func immI(_ w: UInt32) -> Int64 { Int64(Int32(bitPattern: w) >> 20) }
    static func immS(_ w: UInt32) -> Int64 { Int64((Int32(bitPattern: w & 0xFE00_0000) >> 20) | Int32(bits(w, 11, 7))) }
    static func immB(_ w: UInt32) -> Int64 {
        let v = (bits(w, 31, 31) << 12) | (bits(w, 7, 7) << 11) | (bits(w, 30, 25) << 5) | (bits(w, 11, 8) << 1)
        return Int64(Int32(bitPattern: v << 19) >> 19)
    }
    static func immU(_ w: UInt32) -> Int64 { Int64(Int32(bitPattern: w & 0xFFFF_F000)) }
    static func immJ(_ w: UInt32) -> Int64 {
        let v = (bits(w, 31, 31) << 20) | (bits(w, 19, 12) << 12) | (bits(w, 20, 20) << 11) | (bits(w, 30, 21) << 1)
        return Int64(Int32(bitPattern: v << 11) >> 11)
    }

    /// The 32-bit decoder; an encoding outside RV64GC gives `.illegal`.
    static func decode32(_ w: UInt32, pc: UInt64) -> RVDecodedOp {
        var op = RVDecodedOp()
        let rdField = UInt8(bits(w, 11, 7))
        let intRd: UInt8 = rdField == 0 ? UInt8(RISCV64CPU.discardSlot) : rdField
        let funct3 = UInt8(bits(w, 14, 12))
        let funct7 = bits(w, 31, 25)
        op.rs1 = UInt8(bits(w, 19, 15))
        op.rs2 = UInt8(bits(w, 24, 20))
        op.rd = intRd
        let illegal = RVDecodedOp()
        switch w & 0x7F {
        case 0x37:
            op.kind = .movImm; op.imm = immU(w)
        case 0x17:
            op.kind = .movImm; op.imm = Int64(bitPattern: pc &+ UInt64(bitPattern: immU(w)))
        case 0x6F:
            op.kind = .jal; op.imm = Int64(bitPattern: pc &+ UInt64(bitPattern: immJ(w)))
        case 0x67:
            guard funct3 == 0 else { return illegal }
            op.kind = .jalr; op.imm = immI(w)
        case 0x63:
            guard funct3 != 2, funct3 != 3 else { return illegal }
            op.kind = .branch; op.sub = funct3; op.imm = Int64(bitPattern: pc &+ UInt64(bitPattern: immB(w)))
        case 0x03:
            guard funct3 != 7 else { return illegal }
            op.kind = .load; op.sub = funct3; op.imm = immI(w)
        case 0x23:
            guard funct3 < 4 else { return illegal }
            op.kind = .store; op.sub = funct3; op.imm = immS(w)
        case 0x13:
            op.kind = .aluImm; op.imm = immI(w)
            switch funct3 {
            case 0: op.sub = RVAlu.add
            case 2: op.sub = RVAlu.slt
            case 3: op.sub = RVAlu.sltu
            case 4: op.sub = RVAlu.xor
            case 6: op.sub = RVAlu.or
            case 7: op.sub = RVAlu.and
            case 1:
                guard bits(w, 31, 26) == 0 else { return illegal }
                op.sub = RVAlu.sll; op.imm = Int64(bits(w, 25, 20))
            default:
                switch bits(w, 31, 26) {
                case 0: op.sub = RVAlu.srl
                case 0x10: op.sub = RVAlu.sra
                default: return illegal
                }
                op.imm = Int64(bits(w, 25, 20))
            }
        case 0x1B:
            op.kind = .aluImmW; op.imm = immI(w)
            switch funct3 {
            case 0: op.sub = RVAlu.add
            case 1:
                guard funct7 == 0 else { return illegal }
                op.sub = RVAlu.sll; op.imm = Int64(bits(w, 24, 20))
            case 5:
                switch funct7 {
                case 0: op.sub = RVAlu.srl
                case 0x20: op.sub = RVAlu.sra
                default: return illegal
                }
                op.imm = Int64(bits(w, 24, 20))
            default: return illegal
            }
        case 0x33, 0x3B:
            let isW = w & 0x7F == 0x3B
            op.kind = isW ? .aluW : .alu
            switch (funct7, funct3) {
            case (0, 0): op.sub = RVAlu.add
            case (0x20, 0): op.sub = RVAlu.sub
            case (0, 1): op.sub = RVAlu.sll
            case (0, 5): op.sub = RVAlu.srl
            case (0x20, 5): op.sub = RVAlu.sra
            case (1, 0): op.sub = RVAlu.mul
            case (1, 4): op.sub = RVAlu.div
            case (1, 5): op.sub = RVAlu.divu
            case (1, 6): op.sub = RVAlu.rem
            case (1, 7): op.sub = RVAlu.remu
            default:
                if isW { return illegal }
                switch (funct7, funct3) {
                case (0, 2): op.sub = RVAlu.slt
                case (0, 3): op.sub = RVAlu.sltu
                case (0, 4): op.sub = RVAlu.xor
                case (0, 6): op.sub = RVAlu.or
                case (0, 7): op.sub = RVAlu.and
                case (1, 1): op.sub = RVAlu.mulh
                case (1, 2): op.sub = RVAlu.mulhsu
                case (1, 3): op.sub = RVAlu.mulhu
                default: return illegal
                }
            }
        case 0x0F:
            switch funct3 {
            case 0: op.kind = .fence
            case 1: op.kind = .fenceI
            default: return illegal
            }
        case 0x73:
            switch funct3 {
            case 0:
                guard rdField == 0, op.rs1 == 0 else { return illegal }
                switch bits(w, 31, 20) {
                case 0: op.kind = .ecall
                case 1: op.kind = .ebreak
                default: return illegal
                }
            case 1, 2, 3, 5, 6, 7:
                op.kind = .csr; op.sub = funct3; op.imm = Int64(bits(w, 31, 20))
            default: return illegal
            }
        case 0x2F:
            guard funct3 == 2 || funct3 == 3 else { return illegal }
            op.size = funct3
            let funct5 = UInt8(bits(w, 31, 27))
            switch funct5 {
            case 2:
                guard op.rs2 == 0 else { return illegal }
                op.kind = .lr
            case 3: op.kind = .sc
            case 0, 1, 4, 8, 12, 16, 20, 24, 28: op.kind = .amo; op.sub = funct5
            default: return illegal
            }
        case 0x07, 0x27:
            guard funct3 == 2 || funct3 == 3 else { return illegal }
            op.size = funct3
            if w & 0x7F == 0x07 {
                op.kind = .fload; op.rd = rdField; op.imm = immI(w)
            } else {
                op.kind = .fstore; op.imm = immS(w)
            }
        case 0x43, 0x47, 0x4B, 0x4F:
            let fmt = bits(w, 26, 25)
            guard fmt < 2, funct3 != 5, funct3 != 6 else { return illegal }
            op.kind = .fma; op.rd = rdField; op.rs3 = UInt8(bits(w, 31, 27))
            op.sub = UInt8((w >> 2) & 3); op.size = UInt8(fmt); op.rm = funct3
        case 0x53:
            return decodeFloat(w, op: op, rdField: rdField, intRd: intRd, funct3: funct3) ?? illegal
        default:
            return illegal
        }
        return op
    }

    /// OP-FP: funct7 is funct5 and the format (0 single, 1 double).
    private static func decodeFloat(_ w: UInt32, op base: RVDecodedOp, rdField: UInt8, intRd: UInt8, funct3: UInt8) -> RVDecodedOp? {
        var op = base
        let fmt = bits(w, 26, 25)
        guard fmt < 2 else { return nil }
        op.kind = .fp
        op.size = UInt8(fmt)
        op.rm = funct3
        op.rd = rdField
        let roundingOK = funct3 != 5 && funct3 != 6
        switch bits(w, 31, 27) {
        case 0, 1, 2, 3:
            guard roundingOK else { return nil }
            op.sub = UInt8(bits(w, 31, 27))
        case 0x0B:
            guard roundingOK, op.rs2 == 0 else { return nil }
            op.sub = RVFloatOp.sqrt
        case 0x04:
            guard funct3 < 3 else { return nil }
            op.sub = RVFloatOp.sgnj + funct3
        case 0x05:
            guard funct3 < 2 else { return nil }
            op.sub = RVFloatOp.min + funct3
        case 0x08:
            // fcvt.s.d (fmt 0, rs2 1) or fcvt.d.s (fmt 1, rs2 0).
            guard roundingOK, op.rs2 == 1 - UInt8(fmt) else { return nil }
            op.sub = RVFloatOp.convertPrecision
        case 0x14:
            switch funct3 {
            case 2: op.sub = RVFloatOp.eq
            case 1: op.sub = RVFloatOp.lt
            case 0: op.sub = RVFloatOp.le
            default: return nil
            }
            op.rd = intRd
        case 0x1C:
            guard op.rs2 == 0 else { return nil }
            switch funct3 {
            case 0: op.sub = RVFloatOp.moveToInt
            case 1: op.sub = RVFloatOp.classify
            default: return nil
            }
            op.rd = intRd
        case 0x18:
            guard roundingOK, op.rs2 < 4 else { return nil }
            op.sub = RVFloatOp.toInt + op.rs2
            op.rd = intRd
        case 0x1A:
            guard roundingOK, op.rs2 < 4 else { return nil }
            op.sub = RVFloatOp.fromInt + op.rs2
        case 0x1E:
            guard funct3 == 0, op.rs2 == 0 else { return nil }
            op.sub = RVFloatOp.moveFromInt
        default:
            return nil
        }
        return op
    }
}
