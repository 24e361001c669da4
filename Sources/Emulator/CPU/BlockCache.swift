/// What a CPU core tells the shared `BlockCache`: its op type, how to decode one block, and the
/// sentinel op that closes every block.
///
/// The translator is a type, not a value: the cache calls it statically, so the compiler
/// specialises the cache per core and nothing dynamic remains on the interpreter's hot path.
protocol BlockTranslator {
    associatedtype Op
    /// log2 of the smallest instruction length (2 for AArch64, 1 for RISC-V with compressed
    /// instructions): spreads block start addresses over the direct-mapped table.
    static var pcShift: UInt64 { get }
    /// The op appended after the last instruction of every block, so an interpreter's loop over a
    /// block needs no bounds test per instruction.
    static var sentinel: Op { get }
    /// Decodes the block starting at `pc` into `ops` (at most `capacity` ops); returns the op count
    /// and the guest address after the last decoded instruction (the fall-through successor).
    /// A block ends at the first instruction that changes control flow or must return to the
    /// personality, at the end of its 4 KiB page (so decoding never reads a page the guest did not
    /// reach), or at `capacity`.
    static func translate(at pc: UInt64, into ops: UnsafeMutablePointer<Op>, capacity: Int) -> (count: Int, endPC: UInt64)
}

/// One translated block at a stable address, so blocks can link to each other: a block remembers
/// up to two successors (typically the taken and the fall-through path) and the interpreter
/// follows a link without a cache lookup. Links only point at blocks of the same cache, and every
/// invalidation frees all blocks at once, so no link outlives its target.
struct CachedBlock<Op> {
    var pc: UInt64
    /// `count` ops, then the translator's sentinel.
    var ops: UnsafeMutablePointer<Op>
    var count: Int
    /// Address after the last instruction: where a block without a taken branch continues.
    var endPC: UInt64
    var linkPC0: UInt64 = .max
    var link0: UnsafeMutablePointer<CachedBlock<Op>>? = nil
    var linkPC1: UInt64 = .max
    var link1: UnsafeMutablePointer<CachedBlock<Op>>? = nil
}

/// Predecoded basic blocks keyed by guest pc, one cache per guest thread, for either core.
///
/// Lookups go through a direct-mapped table first and a dictionary behind it. The cache is only
/// changed by its own thread, between blocks; code changes made by other threads arrive through
/// `CodeInvalidationMailbox`.
final class BlockCache<Translator: BlockTranslator> {
    typealias Op = Translator.Op
    typealias Block = CachedBlock<Op>
    typealias BlockRef = UnsafeMutablePointer<Block>

    static var maxInstructions: Int { 256 }
    private static var tableBits: Int { 14 }
    private let tablePCs: UnsafeMutablePointer<UInt64>
    private let tableBlocks: UnsafeMutablePointer<BlockRef?>
    private var blocks: [UInt64: BlockRef] = [:]
    private let scratch: UnsafeMutablePointer<Op>
    /// Lowest and highest guest address any cached block covers, so memory changes outside the
    /// code (malloc's mprotect and munmap calls) do not flush translations.
    private var lowestCode: UInt64 = .max
    private var highestCode: UInt64 = 0
    /// Called once per newly translated block with its pc and instruction count (`-d in_asm`).
    var onTranslate: ((UInt64, Int) -> Void)?

    init() {
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
        let slot = Int(truncatingIfNeeded: (pc >> Translator.pcShift) & UInt64((1 << Self.tableBits) - 1))
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

    /// The block `from` is linked to at `pc`, or nil: then the interpreter notes `pc` for a fault
    /// (translating may fetch from an unmapped page) and calls `link`. Only on that path, so a
    /// followed link costs no call.
    @inline(__always) func linked(from: BlockRef, at pc: UInt64) -> BlockRef? {
        if from.pointee.linkPC0 == pc { return from.pointee.link0.unsafelyUnwrapped }
        if from.pointee.linkPC1 == pc { return from.pointee.link1.unsafelyUnwrapped }
        return nil
    }

    private func translate(_ pc: UInt64) -> BlockRef {
        let (count, endPC) = Translator.translate(at: pc, into: scratch, capacity: Self.maxInstructions)
        let ops = UnsafeMutablePointer<Op>.allocate(capacity: count + 1)
        ops.initialize(from: scratch, count: count)
        (ops + count).initialize(to: Translator.sentinel)
        let block = BlockRef.allocate(capacity: 1)
        block.initialize(to: Block(pc: pc, ops: ops, count: count, endPC: endPC))
        blocks[pc] = block
        lowestCode = min(lowestCode, pc)
        highestCode = max(highestCode, endPC)
        onTranslate?(pc, count)
        return block
    }

    /// Drops every translation and with them every link: guest code may have changed (IC IVAU,
    /// FENCE.I, munmap, mprotect, madvise, or mmap over existing pages). Not while a block runs.
    func invalidateAll() {
        for block in blocks.values {
            block.pointee.ops.deinitialize(count: block.pointee.count + 1)
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
    /// block is executing (the interpreters only call it between blocks).
    func invalidate(start: UInt64, end: UInt64) {
        if end > lowestCode && start < highestCode { invalidateAll() }
    }

    var blockCount: Int { blocks.count }
}
