/// One guest mapping as /proc/self/maps shows it: a page-aligned range with its protection,
/// sharing and what backs it. Protections use the PROT_* values every Linux architecture shares.
public struct GuestMapping: Equatable, Sendable {
    public var start: UInt64
    public var end: UInt64
    /// PROT_READ | PROT_WRITE | PROT_EXEC (1, 2, 4).
    public var protection: Int32
    public var isShared: Bool
    /// Backed by a file (or shared memory object): the offset counts and neighbours merge only
    /// when their offsets continue each other.
    public var isFile: Bool
    /// File offset of `start` (0 for anonymous memory).
    public var offset: UInt64
    /// st_dev and st_ino of the backing file (0 for anonymous memory).
    public var device: UInt64
    public var inode: UInt64
    /// The path, "[heap]", "[stack]", "[vdso]", or "" for anonymous memory.
    public var name: String

    public init(start: UInt64, end: UInt64, protection: Int32, isShared: Bool = false, isFile: Bool = false,
                offset: UInt64 = 0, device: UInt64 = 0, inode: UInt64 = 0, name: String = "") {
        self.start = start
        self.end = end
        self.protection = protection
        self.isShared = isShared
        self.isFile = isFile
        self.offset = offset
        self.device = device
        self.inode = inode
        self.name = name
    }

    public var length: UInt64 { end - start }

    /// The part of this mapping from `address` on (file offset advanced to match).
    func suffix(from address: UInt64) -> GuestMapping {
        var m = self
        if isFile { m.offset &+= address - start }
        m.start = address
        return m
    }

    /// Whether `next`, which starts where this ends, is indistinguishable from a continuation of
    /// it (the kernel merges such neighbours into one area).
    func continues(into next: GuestMapping) -> Bool {
        end == next.start && protection == next.protection && isShared == next.isShared && isFile == next.isFile
            && device == next.device && inode == next.inode && name == next.name
            && (!isFile || offset &+ length == next.offset)
            // Shared anonymous memory is one object per mmap call: never merged.
            && !(isShared && isFile && inode == 0)
    }
}
