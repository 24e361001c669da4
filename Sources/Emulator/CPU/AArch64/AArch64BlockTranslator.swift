/// How AArch64 code becomes blocks for the shared `BlockCache`: decode, specialise each op, fuse
/// pairs, and close the block with a `.blockEnd` sentinel.
enum AArch64BlockTranslator: BlockTranslator {
    static var pcShift: UInt64 { 2 }

    static var sentinel: DecodedOp {
        var end = DecodedOp()
        end.kind = .blockEnd
        return end
    }

    /// A block ends after a branch, SVC, trap or IC IVAU (`OpKind.endsBlock`), at its page's end,
    /// or at `capacity` instructions.
    static func translate(at pc: UInt64, into ops: UnsafeMutablePointer<DecodedOp>, capacity: Int) -> (count: Int, endPC: UInt64) {
        precondition(MemoryLayout<DecodedOp>.stride == 32, "AArch64Interpreter.offset assumes 32-byte ops")
        var count = 0
        var address = pc
        while count < capacity {
            let word = hostPointer(address).load(as: UInt32.self)
            var op = AArch64Decoder.decode(word, pc: address)
            AArch64Specialiser.specialise(&op)
            ops[count] = op
            count += 1
            address &+= 4
            if op.kind.endsBlock || address & 0xFFF == 0 { break }
        }
        AArch64Specialiser.fuse(ops, count: count)
        return (count, address)
    }
}

extension OpKind {
    var endsBlock: Bool {
        switch self {
        case .branch, .branchLink, .branchCond, .compareBranch, .testBranch, .branchRegister,
             .branchLinkRegister, .svc, .trap, .undefined, .instructionCacheInvalidate:
            return true
        default:
            return false
        }
    }
}
