/// Architectural state of one AArch64 guest thread.
///
/// Registers live behind raw pointers, not in Swift arrays, so the interpreter's hot loop touches
/// plain memory with no retain/release or bounds checks.
///
/// General registers: slots 0-30 are X0-X30, slot 31 is SP, slot 32 always reads as zero (XZR as a
/// source) and slot 33 absorbs writes to XZR. The decoder maps encoded register 31 to 31, 32 or
/// 33 according to whether the operand means SP or ZR, so execution never tests for it.
public final class AArch64CPU {
    public static let stackPointerSlot = 31
    public static let zeroReadSlot = 32
    public static let discardWriteSlot = 33

    /// X0-X30, SP, zero, discard.
    public let x: UnsafeMutablePointer<UInt64>
    /// V0-V31, 16 bytes each, lane 0 at the lowest address (little-endian lane order).
    public let v: UnsafeMutableRawPointer
    /// Program counter of the next instruction to run (only exact between blocks and at traps).
    public var pc: UInt64 = 0
    /// Condition flags in PSTATE layout: N bit 31, Z bit 30, C bit 29, V bit 28.
    public var nzcv: UInt64 = 0
    public var fpcr: UInt64 = 0
    public var fpsr: UInt64 = 0
    public var tpidr: UInt64 = 0
    /// Address reserved by the last load-exclusive, or nil when no reservation is held.
    public var exclusiveAddress: UInt64? = nil
    public var exclusiveValue: UInt64 = 0
    public var exclusiveValueHigh: UInt64 = 0

    public init() {
        x = .allocate(capacity: 34)
        x.initialize(repeating: 0, count: 34)
        v = .allocate(byteCount: 32 * 16, alignment: 16)
        v.initializeMemory(as: UInt8.self, repeating: 0, count: 32 * 16)
    }

    deinit {
        x.deallocate()
        v.deallocate()
    }

    /// Pointer to the 16 bytes of vector register `index` (0-31).
    @inline(__always) public func vreg(_ index: Int) -> UnsafeMutableRawPointer {
        v + index &* 16
    }
}

/// Guest memory of a 64-bit guest is mapped at identical host addresses, so a guest address is
/// dereferenced directly. A bad address faults on the host and becomes the guest's signal.
@inline(__always) func hostPointer(_ address: UInt64) -> UnsafeMutableRawPointer {
    unsafeBitCast(UInt(truncatingIfNeeded: address), to: UnsafeMutableRawPointer.self)
}
