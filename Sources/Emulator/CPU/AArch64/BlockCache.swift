/// Predecoded basic blocks keyed by guest PC.
///
/// A block runs from its start to the first instruction that can change control flow or must
/// return to the personality (branches, SVC, traps, IC IVAU), to the end of its 4 KiB page (so
/// decoding never reads a page the guest did not reach), or to `maxInstructions`. Lookups go
/// through a direct-mapped table first and a dictionary behind it.
final class BlockCache {
    /// One translated block at a stable address, so blocks can link to each other: a block
    /// remembers up to two successors (typically the taken and the fall-through path) and the
    /// interpreter follows a link without a cache lookup. Links only point at blocks of the same
    /// cache, and every invalidation frees all blocks at once, so no link outlives its target.
    struct Block {
        var pc: UInt64
        /// `count` instructions, then a `.blockEnd` op.
        var ops: UnsafeMutablePointer<DecodedOp>
        var count: Int
        /// Address after the last instruction: where a block without a taken branch continues.
        var endPC: UInt64
        var linkPC0: UInt64 = .max
        var link0: UnsafeMutablePointer<Block>? = nil
        var linkPC1: UInt64 = .max
        var link1: UnsafeMutablePointer<Block>? = nil
    }
    typealias BlockRef = UnsafeMutablePointer<Block>

    static let maxInstructions = 256
    private static let tableBits = 14
    private let tablePCs: UnsafeMutablePointer<UInt64>
    private let tableBlocks: UnsafeMutablePointer<BlockRef?>
    private var blocks: [UInt64: BlockRef] = [:]
    private let scratch: UnsafeMutablePointer<DecodedOp>
    /// Lowest and highest guest address any cached block covers, so memory changes outside the
    /// code (malloc's mprotect and munmap calls) do not flush translations.
    private var lowestCode: UInt64 = .max
    private var highestCode: UInt64 = 0
    /// Called once per newly translated block (`-d in_asm`).
    var onTranslate: ((UInt64, Int) -> Void)?

    init() {
        precondition(MemoryLayout<DecodedOp>.stride == 32, "AArch64Interpreter.offset assumes 32-byte ops")
        let size = 1 << Self.tableBits
        tablePCs = .allocate(capacity: size)
        tablePCs.initialize(repeating: UInt64.max, count: size)
        tableBlocks = .allocate(capacity: size)
        tableBlocks.initialize(repeating: nil, count: size)
        scratch = .allocate(capacity: Self.maxInstructions)
    }

    deinit {
        invalidateAll()
        tablePCs.deallocate()
        tableBlocks.deallocate()
        scratch.deallocate()
    }

    @inline(__always) func block(at pc: UInt64) -> BlockRef {
        let slot = Int(truncatingIfNeeded: (pc >> 2) & UInt64((1 << Self.tableBits) - 1))
        if tablePCs[slot] == pc, let found = tableBlocks[slot] { return found }
        let found = blocks[pc] ?? translate(pc)
        tablePCs[slot] = pc
        tableBlocks[slot] = found
        return found
    }

    /// The block at `pc` reached from `from` when `from` has no link to it yet: looks it up
    /// (translating if needed) and links `from` to it; a third successor replaces the second.
    func link(from: BlockRef, to pc: UInt64) -> BlockRef {
        let target = block(at: pc)
        if from.pointee.link0 == nil {
            from.pointee.linkPC0 = pc
            from.pointee.link0 = target
        } else {
            from.pointee.linkPC1 = pc
            from.pointee.link1 = target
        }
        return target
    }

    private func translate(_ pc: UInt64) -> BlockRef {
        var count = 0
        var address = pc
        while count < Self.maxInstructions {
            let word = hostPointer(address).load(as: UInt32.self)
            var op = AArch64Decoder.decode(word, pc: address)
            AArch64Specialiser.specialise(&op)
            scratch[count] = op
            count += 1
            address &+= 4
            if op.kind.endsBlock || address & 0xFFF == 0 { break }
        }
        AArch64Specialiser.fuse(scratch, count: count)
        // One more op than instructions: a `.blockEnd` sentinel, so the interpreter's loop over a
        // block needs no bounds test per instruction.
        let ops = UnsafeMutablePointer<DecodedOp>.allocate(capacity: count + 1)
        ops.initialize(from: scratch, count: count)
        var end = DecodedOp()
        end.kind = .blockEnd
        (ops + count).initialize(to: end)
        let block = BlockRef.allocate(capacity: 1)
        block.initialize(to: Block(pc: pc, ops: ops, count: count, endPC: address))
        blocks[pc] = block
        lowestCode = min(lowestCode, pc)
        highestCode = max(highestCode, address)
        onTranslate?(pc, count)
        return block
    }

    /// Drops every translation and with them every link: called when guest code may have changed
    /// (IC IVAU, munmap, mprotect or mmap over existing pages). Not while a block runs.
    func invalidateAll() {
        for block in blocks.values {
            block.pointee.ops.deallocate()
            block.deinitialize(count: 1)
            block.deallocate()
        }
        blocks.removeAll(keepingCapacity: true)
        tablePCs.update(repeating: UInt64.max, count: 1 << Self.tableBits)
        tableBlocks.update(repeating: nil, count: 1 << Self.tableBits)
        lowestCode = .max
        highestCode = 0
    }

    /// Drops translations if [start, end) may hold translated code. Must not be called while a
    /// block is executing (the interpreter only calls it between blocks).
    func invalidate(start: UInt64, end: UInt64) {
        if end > lowestCode && start < highestCode { invalidateAll() }
    }

    var blockCount: Int { blocks.count }
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
