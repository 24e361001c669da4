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

    /// Registers an op reads and writes, for moving ops within a run of register-only ops; nil
    /// for a kind that touches memory, control flow or other state (such ops end a run).
    static func registerEffects(_ op: RVDecodedOp) -> (reads: [UInt8], writes: [UInt8])? {
        switch op.kind {
        case .movImm:
            return ([], [op.rd])
        case .addi, .andi, .ori, .xori, .slli, .srli, .srai, .slti, .sltiu,
             .addiw, .slliw, .srliw, .sraiw, .aluImm, .aluImmW:
            return ([op.rs1], [op.rd])
        case .add, .sub, .and, .or, .xor, .sll, .srl, .sra, .slt, .sltu, .mul,
             .addw, .subw, .sllw, .srlw, .sraw, .mulw, .alu, .aluW, .shiftAdd:
            return ([op.rs1, op.rs2], [op.rd])
        case .movePair:
            return ([op.rs1, op.rs3], [op.rd, op.rs2])
        case .rotateRight, .rotateRightWord:
            return ([op.rs1], [op.rs2, op.rs3, op.rd])
        default:
            return nil
        }
    }

    /// Turns each `or d, a, b` whose operands were made in the same run of register-only ops by
    /// `srli a, v, k` and `slli b, v, 64-k` (or the W forms with 32-k) into one rotate op at the
    /// `or`'s place, and drops the two shifts. Moving the shifts down is exact: nothing between
    /// them and the `or` reads or writes a or b or writes v, and register-only ops cannot fault,
    /// so no signal can see the registers in between. Returns the new op count.
    static func fuseRotates(_ ops: UnsafeMutablePointer<RVDecodedOp>, count: Int) -> Int {
        var removed = [Bool](repeating: false, count: count)
        var runStart = 0
        for i in 0..<count {
            guard registerEffects(ops[i]) != nil else { runStart = i + 1; continue }
            guard ops[i].kind == .or, ops[i].rs1 != ops[i].rs2, ops[i].rs1 != 0, ops[i].rs2 != 0 else { continue }
            guard let j = lastWriter(of: ops[i].rs1, before: i, from: runStart, ops, removed),
                  let k = lastWriter(of: ops[i].rs2, before: i, from: runStart, ops, removed) else { continue }
            let (right, left): (Int, Int)
            let kind: RVOpKind
            let width: Int64
            switch (ops[j].kind, ops[k].kind) {
            case (.srli, .slli): (right, left, kind, width) = (j, k, .rotateRight, 64)
            case (.slli, .srli): (right, left, kind, width) = (k, j, .rotateRight, 64)
            case (.srliw, .slliw): (right, left, kind, width) = (j, k, .rotateRightWord, 32)
            case (.slliw, .srliw): (right, left, kind, width) = (k, j, .rotateRightWord, 32)
            default: continue
            }
            let v = ops[right].rs1, a = ops[right].rd, b = ops[left].rd
            guard ops[left].rs1 == v, v != a, v != b,
                  ops[right].imm > 0, ops[right].imm < width, ops[right].imm + ops[left].imm == width,
                  movable(j, to: i, v: v, ops, removed), movable(k, to: i, v: v, ops, removed) else { continue }
            var fused = ops[i]
            fused.kind = kind
            fused.rs1 = v
            fused.rs2 = a
            fused.rs3 = b
            fused.imm = ops[right].imm
            ops[i] = fused
            removed[j] = true
            removed[k] = true
        }
        var write = 0
        for i in 0..<count where !removed[i] {
            ops[write] = ops[i]
            write += 1
        }
        return write
    }

    /// The index of the last live op in [from, before) that writes `register`.
    static func lastWriter(of register: UInt8, before: Int, from: Int, _ ops: UnsafeMutablePointer<RVDecodedOp>, _ removed: [Bool]) -> Int? {
        var m = before - 1
        while m >= from {
            if !removed[m], let effects = registerEffects(ops[m]), effects.writes.contains(register) { return m }
            m -= 1
        }
        return nil
    }

    /// Whether the op at `index` (a shift of v into its rd) can run at `target` instead: no live
    /// op in between reads or writes its rd or writes v.
    static func movable(_ index: Int, to target: Int, v: UInt8, _ ops: UnsafeMutablePointer<RVDecodedOp>, _ removed: [Bool]) -> Bool {
        let rd = ops[index].rd
        for m in (index + 1)..<target where !removed[m] {
            guard let effects = registerEffects(ops[m]) else { return false }
            if effects.reads.contains(rd) || effects.writes.contains(rd) || effects.writes.contains(v) { return false }
        }
        return true
    }

    /// Pairs up consecutive `mv`/`sext.w` ops into `movePair`s; returns the new op count.
    static func fuseMoves(_ ops: UnsafeMutablePointer<RVDecodedOp>, count: Int) -> Int {
        func isMove(_ op: RVDecodedOp) -> Bool { (op.kind == .addi || op.kind == .addiw) && op.imm == 0 }
        var read = 0, write = 0
        while read < count {
            var op = ops[read]
            if read + 1 < count, isMove(op), isMove(ops[read + 1]) {
                let second = ops[read + 1]
                op.sub = (op.kind == .addiw ? 1 : 0) | (second.kind == .addiw ? 2 : 0)
                op.kind = .movePair
                op.rs2 = second.rd
                op.rs3 = second.rs1
                read += 2
            } else {
                read += 1
            }
            ops[write] = op
            write += 1
        }
        return write
    }

    /// Fuses an `addi` just before the block's closing conditional branch into one op.
    static func fuseCounterBranch(_ ops: UnsafeMutablePointer<RVDecodedOp>, count: Int) {
        guard count >= 2, ops[count - 2].kind == .addi else { return }
        switch ops[count - 1].kind {
        case .bne: ops[count - 2].kind = .addiBne
        case .beq: ops[count - 2].kind = .addiBeq
        case .blt, .bge, .bltu, .bgeu: ops[count - 2].kind = .addiBranch
        default: return
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
