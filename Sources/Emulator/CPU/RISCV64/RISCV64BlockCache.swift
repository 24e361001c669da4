/// Predecoded RISC-V blocks keyed by guest pc, per thread.
///
/// A block runs from its start to the first instruction that changes control flow or must return
/// to the personality (jumps, branches, ECALL, EBREAK, FENCE.I, illegal), to the end of its 4 KiB
/// page (so decoding never reads a page the guest did not reach), or to `maxInstructions`.
final class RISCV64BlockCache {
    struct Block {
        var pc: UInt64
        /// `count` ops; the last one ends the block or is followed by the fall-through at `endPC`.
        var ops: UnsafeMutablePointer<RVDecodedOp>
        var count: Int
        var endPC: UInt64
    }
    typealias BlockRef = UnsafeMutablePointer<Block>

    static let maxInstructions = 256
    private static let tableBits = 14
    private let tablePCs: UnsafeMutablePointer<UInt64>
    private let tableBlocks: UnsafeMutablePointer<BlockRef?>
    private var blocks: [UInt64: BlockRef] = [:]
    private let scratch: UnsafeMutablePointer<RVDecodedOp>
    /// Lowest and highest guest address any cached block covers, so memory changes outside code
    /// do not flush translations.
    private var lowestCode: UInt64 = .max
    private var highestCode: UInt64 = 0

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
        let slot = Int(truncatingIfNeeded: (pc >> 1) & UInt64((1 << Self.tableBits) - 1))
        if tablePCs[slot] == pc, let found = tableBlocks[slot] { return found }
        let found = blocks[pc] ?? translate(pc)
        tablePCs[slot] = pc
        tableBlocks[slot] = found
        return found
    }

    private func translate(_ pc: UInt64) -> BlockRef {
        var count = 0
        var address = pc
        while count < Self.maxInstructions {
            let low = rvHostPointer(address).load(as: UInt16.self)
            // The upper half is read only for a 32-bit instruction: a compressed one at the end
            // of the last mapped page must not fault.
            let high: UInt16 = low & 3 == 3 ? rvHostPointer(address &+ 2).load(as: UInt16.self) : 0
            var op = RISCV64Decoder.decode(low: low, high: high, pc: address)
            op.offset = UInt16(truncatingIfNeeded: address &- pc)
            scratch[count] = op
            count += 1
            address &+= UInt64(op.length)
            if op.kind.endsBlock || address & 0xFFF < UInt64(op.length) { break }
        }
        let ops = UnsafeMutablePointer<RVDecodedOp>.allocate(capacity: count)
        ops.initialize(from: scratch, count: count)
        let block = BlockRef.allocate(capacity: 1)
        block.initialize(to: Block(pc: pc, ops: ops, count: count, endPC: address))
        blocks[pc] = block
        lowestCode = min(lowestCode, pc)
        highestCode = max(highestCode, address)
        return block
    }

    /// Drops every translation: guest code may have changed (FENCE.I, munmap, mprotect, mmap).
    /// Not while a block runs.
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

    func invalidate(start: UInt64, end: UInt64) {
        if end > lowestCode && start < highestCode { invalidateAll() }
    }

    var blockCount: Int { blocks.count }
}

extension RVOpKind {
    var endsBlock: Bool {
        switch self {
        case .jal, .jalr, .branch, .ecall, .ebreak, .fenceI, .illegal: return true
        default: return false
        }
    }
}
