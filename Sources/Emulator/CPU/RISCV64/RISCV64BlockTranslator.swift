/// How RISC-V code becomes blocks for the shared `BlockCache`: decode (compressed instructions
/// expand to the same ops), drop writes to x0, specialise, fuse, and close the block with a
/// `.blockEnd` sentinel.
enum RISCV64BlockTranslator: BlockTranslator {
    static var pcShift: UInt64 { 1 }

    static var sentinel: RVDecodedOp {
        var end = RVDecodedOp()
        end.kind = .blockEnd
        return end
    }

    /// A block ends after a jump, branch, ECALL, EBREAK, FENCE.I or illegal instruction
    /// (`RVOpKind.endsBlock`), at its page's end, or at `capacity` instructions.
    static func translate(at pc: UInt64, into ops: UnsafeMutablePointer<RVDecodedOp>, capacity: Int) -> (count: Int, endPC: UInt64) {
        var count = 0, decoded = 0
        var address = pc
        while decoded < capacity {
            let low = rvHostPointer(address).load(as: UInt16.self)
            // The upper half is read only for a 32-bit instruction: a compressed one at the end
            // of the last mapped page must not fault.
            let high: UInt16 = low & 3 == 3 ? rvHostPointer(address &+ 2).load(as: UInt16.self) : 0
            var op = RISCV64Decoder.decode(low: low, high: high, pc: address)
            op.offset = UInt16(truncatingIfNeeded: address &- pc)
            decoded += 1
            address &+= UInt64(op.length)
            if !RISCV64Specialiser.isDeadWrite(op) {
                RISCV64Specialiser.specialise(&op)
                ops[count] = op
                count += 1
            }
            if op.kind.endsBlock || address & 0xFFF < UInt64(op.length) { break }
        }
        count = RISCV64Specialiser.fuseRotates(ops, count: count)
        count = RISCV64Specialiser.fuse(ops, count: count)
        count = RISCV64Specialiser.fuseMoves(ops, count: count)
        RISCV64Specialiser.fuseCounterBranch(ops, count: count)
        return (count, address)
    }
}

extension RVOpKind {
    var endsBlock: Bool {
        switch self {
        case .jal, .jalr, .branch, .beq, .bne, .blt, .bge, .bltu, .bgeu,
             .ecall, .ebreak, .fenceI, .illegal:
            return true
        default:
            return false
        }
    }
}
