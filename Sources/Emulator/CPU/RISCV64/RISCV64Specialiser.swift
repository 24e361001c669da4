/// Rewrites decoded RISC-V ops into specialised kinds (one per hot form: `addi`, `lw`, `bne`, ...)
/// so the interpreter's hot cases carry no second dispatch on `sub`, and fuses `slli`+`add`.
/// Anything else keeps its generic kind, which stays the reference. Runs once per instruction,
/// when a block is translated.
enum RISCV64Specialiser {
    static let discard = UInt8(RISCV64CPU.discardSlot)

    static let immediateKinds: [UInt8: RVOpKind] = [
        RVAlu.add: .addi, RVAlu.and: .andi, RVAlu.or: .ori, RVAlu.xor: .xori, RVAlu.sll: .slli,
        RVAlu.srl: .srli, RVAlu.sra: .srai, RVAlu.slt: .slti, RVAlu.sltu: .sltiu,
    ]
    static let immediateWordKinds: [UInt8: RVOpKind] = [
        RVAlu.add: .addiw, RVAlu.sll: .slliw, RVAlu.srl: .srliw, RVAlu.sra: .sraiw,
    ]
    static let registerKinds: [UInt8: RVOpKind] = [
        RVAlu.add: .add, RVAlu.sub: .sub, RVAlu.and: .and, RVAlu.or: .or, RVAlu.xor: .xor,
        RVAlu.sll: .sll, RVAlu.srl: .srl, RVAlu.sra: .sra, RVAlu.slt: .slt, RVAlu.sltu: .sltu,
        RVAlu.mul: .mul,
    ]
    static let registerWordKinds: [UInt8: RVOpKind] = [
        RVAlu.add: .addw, RVAlu.sub: .subw, RVAlu.sll: .sllw, RVAlu.srl: .srlw, RVAlu.sra: .sraw,
        RVAlu.mul: .mulw,
    ]
    static let loadKinds: [RVOpKind] = [.lb, .lh, .lw, .ld, .lbu, .lhu, .lwu]
    static let storeKinds: [RVOpKind] = [.sb, .sh, .sw, .sd]
    static let branchKinds: [UInt8: RVOpKind] = [0: .beq, 1: .bne, 4: .blt, 5: .bge, 6: .bltu, 7: .bgeu]

    /// True when `op` only writes an integer register, cannot fault and that register is x0: the
    /// op does nothing and the block can leave it out (`nop` is `addi x0, x0, 0`).
    static func isDeadWrite(_ op: RVDecodedOp) -> Bool {
        guard op.rd == discard else { return false }
        switch op.kind {
        case .movImm, .aluImm, .aluImmW, .alu, .aluW: return true
        default: return false
        }
    }

    static func specialise(_ op: inout RVDecodedOp) {
        switch op.kind {
        case .aluImm:
            if op.sub == RVAlu.add && op.rs1 == 0 {
                op.kind = .movImm  // li
            } else if let kind = immediateKinds[op.sub] {
                op.kind = kind
            }
        case .aluImmW:
            if let kind = immediateWordKinds[op.sub] { op.kind = kind }
        case .alu:
            if let kind = registerKinds[op.sub] { op.kind = kind }
        case .aluW:
            if let kind = registerWordKinds[op.sub] { op.kind = kind }
        case .load:
            op.kind = loadKinds[Int(op.sub)]
        case .store:
            op.kind = storeKinds[Int(op.sub)]
        case .branch:
            if let kind = branchKinds[op.sub] { op.kind = kind }
        default:
            break
        }
    }

    /// Fuses `slli t, a, k; add t, t, b` (either operand order, b not t) into one `shiftAdd`;
    /// returns the new op count. Both are register-only, so no fault pc is lost.
    static func fuse(_ ops: UnsafeMutablePointer<RVDecodedOp>, count: Int) -> Int {
        var read = 0, write = 0
        while read < count {
            var op = ops[read]
            if read + 1 < count, op.kind == .slli, op.rd != discard {
                let next = ops[read + 1]
                if next.kind == .add, next.rd == op.rd, next.rs1 != next.rs2,
                   next.rs1 == op.rd || next.rs2 == op.rd {
                    op.kind = .shiftAdd
                    op.rs2 = next.rs1 == op.rd ? next.rs2 : next.rs1
                    ops[write] = op
                    write += 1
                    read += 2
                    continue
                }
            }
            ops[write] = op
            write += 1
            read += 1
        }
        return write
    }
}
