import Glibc

/// Thin wrappers over the host's mmap family with the constants Glibc's module does not export.
enum HostMemory {
    static let pageSize: UInt64 = 4096
    static let mapFixedNoReplace: Int32 = 0x10_0000
    static let mapNoReserve: Int32 = 0x4000
    static let failed = UInt64(bitPattern: -1)

    @inline(__always) static func pageDown(_ a: UInt64) -> UInt64 { a & ~(pageSize - 1) }
    @inline(__always) static func pageUp(_ a: UInt64) -> UInt64 { (a &+ pageSize - 1) & ~(pageSize - 1) }

    /// Anonymous private mapping; returns the address or nil. With `fixed`, at exactly `address`
    /// and never over an existing mapping.
    static func mapAnonymous(at address: UInt64 = 0, length: UInt64, protection: Int32, fixed: Bool) -> UInt64? {
        var flags = MAP_PRIVATE | MAP_ANONYMOUS | mapNoReserve
        if fixed { flags |= mapFixedNoReplace }
        let p = mmap(UnsafeMutableRawPointer(bitPattern: UInt(address)), Int(length), protection, flags, -1, 0)
        guard let p, p != MAP_FAILED else { return nil }
        let got = UInt64(UInt(bitPattern: p))
        if fixed && got != address { munmap(p, Int(length)); return nil }
        return got
    }

    static func unmap(_ address: UInt64, length: UInt64) {
        guard length > 0 else { return }
        munmap(UnsafeMutableRawPointer(bitPattern: UInt(address)), Int(length))
    }

    static func protect(_ address: UInt64, length: UInt64, protection: Int32) -> Bool {
        mprotect(UnsafeMutableRawPointer(bitPattern: UInt(address)), Int(length), protection) == 0
    }
}
