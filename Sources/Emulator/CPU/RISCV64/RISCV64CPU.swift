/// Architectural state of one RISC-V 64 guest thread.
///
/// Registers live behind raw pointers so the interpreter's hot loop touches plain memory with no
/// retain/release or bounds checks. Slots 0-31 are x0-x31; x0 always holds zero because the decoder
/// sends writes to x0 into slot 32, which nothing reads.
public final class RISCV64CPU {
    public static let discardSlot = 32
    public static let threadPointerSlot = 4   // tp
    public static let stackPointerSlot = 2    // sp

    /// x0-x31, then the discard slot.
    public let x: UnsafeMutablePointer<UInt64>
    /// f0-f31 as 64-bit patterns; a single-precision value is NaN-boxed (upper 32 bits all ones).
    public let f: UnsafeMutablePointer<UInt64>
    /// Program counter of the next instruction to run (exact between blocks and at traps).
    public var pc: UInt64 = 0
    /// fcsr split as the CSRs expose it: frm (3 bits) and fflags (NV DZ OF UF NX, 5 bits).
    public var frm: UInt64 = 0
    public var fflags: UInt64 = 0
    /// Address reserved by the last LR, or nil when no reservation is held, and the value LR read
    /// (SC succeeds with a compare-and-swap against it, so a store by another thread breaks it).
    public var reservationAddress: UInt64? = nil
    public var reservationValue: UInt64 = 0

    public init() {
        x = .allocate(capacity: 33)
        x.initialize(repeating: 0, count: 33)
        f = .allocate(capacity: 32)
        f.initialize(repeating: 0, count: 32)
    }

    deinit {
        x.deallocate()
        f.deallocate()
    }

    public var fcsr: UInt64 {
        get { (frm << 5) | fflags }
        set { frm = (newValue >> 5) & 7; fflags = newValue & 0x1F }
    }

    /// Copies every register of `other` (for a new thread).
    func copyRegisters(from other: RISCV64CPU) {
        x.update(from: other.x, count: 33)
        f.update(from: other.f, count: 32)
        pc = other.pc
        frm = other.frm
        fflags = other.fflags
    }
}

/// A 64-bit guest maps at identical host addresses, so a guest address is dereferenced directly.
/// A bad address faults on the host and becomes the guest's signal.
@inline(__always) func rvHostPointer(_ address: UInt64) -> UnsafeMutableRawPointer {
    unsafeBitCast(UInt(truncatingIfNeeded: address), to: UnsafeMutableRawPointer.self)
}
