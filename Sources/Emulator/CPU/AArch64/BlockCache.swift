/// Predecoded basic blocks keyed by guest PC.
///
/// A block runs from its start to the first instruction that can change control flow or must
/// return to the personality (branches, SVC, traps, IC IVAU), to the end of its 4 KiB page (so
/// decoding never reads a page the guest did not reach), or to `maxInstructions`. Lookups go
/// through a direct-mapped table first and a dictionary behind it.
final class BlockCache {
    struct Block {
        var pc: UInt64
        var ops: UnsafeMutablePointer<DecodedOp>
        var count: Int
    }

    static let maxInstructions = 256
    private static let tableBits = 14
    private let tablePCs: UnsafeMutablePointer<UInt64>
    private let tableBlocks: UnsafeMutablePointer<Block>
    private var blocks: [UInt64: Block] = [:]
    private let scratch: UnsafeMutablePointer<DecodedOp>
    /// Lowest and highest guest address any cached block covers, so memory changes outside the
    /// code (malloc's mprotect and munmap calls) do not flush translations.
    private var lowestCode: UInt64 = .max
    private var highestCode: UInt64 = 0
    /// Called once per newly translated block (`-d in_asm`).
    var onTranslate: ((UInt64, Int) -> Void)?

    init() {
        let size = 1 << Self.tableBits
        tablePCs = .allocate(capacity: size)
        tablePCs.initialize(repeating: UInt64.max, count: size)
        tableBlocks = .allocate(capacity: size)
        tableBlocks.initialize(repeating: Block(pc: 0, ops: UnsafeMutablePointer(bitPattern: 8)!, count: 0), count: size)
        scratch = .allocate(capacity: Self.maxInstructions)
    }

    deinit {
        invalidateAll()
        tablePCs.deallocate()
        tableBlocks.deallocate()
        scratch.deallocate()
    }

    @inline(__always) func block(at pc: UInt64) -> Block {
        let slot = Int(truncatingIfNeeded: (pc >> 2) & UInt64((1 << Self.tableBits) - 1))
        if tablePCs[slot] == pc { return tableBlocks[slot] }
        let found = blocks[pc] ?? translate(pc)
        tablePCs[slot] = pc
        tableBlocks[slot] = found
        return found
    }

    private func translate(_ pc: UInt64) -> Block {
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
        let ops = UnsafeMutablePointer<DecodedOp>.allocate(capacity: count)
        ops.initialize(from: scratch, count: count)
        let block = Block(pc: pc, ops: ops, count: count)
        blocks[pc] = block
        lowestCode = min(lowestCode, pc)
        highestCode = max(highestCode, address)
        onTranslate?(pc, count)
        return block
    }

    /// Drops every translation: called when guest code may have changed (IC IVAU, munmap,
    /// mprotect or mmap over existing pages).
    func invalidateAll() {
        for block in blocks.values { block.ops.deallocate() }
        blocks.removeAll(keepingCapacity: true)
        tablePCs.update(repeating: UInt64.max, count: 1 << Self.tableBits)
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
