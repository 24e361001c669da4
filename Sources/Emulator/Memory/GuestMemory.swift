import CFerryHost
import FerryABI
import Glibc

/// Reads and writes of guest memory that must not fault the emulator when the guest passes a bad
/// pointer: a guarded copy (a host fault ends it and reports EFAULT), or process_vm_readv/writev
/// on our own pid where no fault handlers are installed (unit tests).
enum GuestMemory {
    /// Copies `count` bytes from guest `address` into `destination`; false if any byte is unreadable.
    static func read(_ address: UInt64, count: Int, into destination: UnsafeMutableRawPointer) -> Bool {
        transfer(.process_vm_readv, local: destination, guest: address, count: count)
    }

    /// A NUL-terminated string at guest `address`, or nil if it is unreadable or longer than `limit`.
    static func string(at address: UInt64, limit: Int = 4096) -> String? {
        guard address != 0 else { return nil }
        if let source = UnsafePointer<CChar>(bitPattern: UInt(address)) {
            let length = ferry_guarded_string_length(source, limit)
            if length == -1 || length == limit { return nil }
            if length >= 0 {
                var bytes = [UInt8](repeating: 0, count: length)
                guard bytes.withUnsafeMutableBytes({ read(address, count: length, into: $0.baseAddress!) }) else { return nil }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        var bytes: [UInt8] = []
        var cursor = address
        var chunk = [UInt8](repeating: 0, count: 256)
        while bytes.count < limit {
            // Never read across a page boundary in one go: the next page may be unmapped.
            let toPageEnd = Int(HostMemory.pageSize - (cursor & (HostMemory.pageSize - 1)))
            let n = min(toPageEnd, chunk.count)
            let ok = chunk.withUnsafeMutableBytes { read(cursor, count: n, into: $0.baseAddress!) }
            guard ok else { return nil }
            if let end = chunk[0..<n].firstIndex(of: 0) {
                bytes.append(contentsOf: chunk[0..<end])
                return String(decoding: bytes, as: UTF8.self)
            }
            bytes.append(contentsOf: chunk[0..<n])
            cursor &+= UInt64(n)
        }
        return nil
    }

    /// A NULL-terminated array of guest pointers to strings (argv, envp); nil if unreadable.
    static func stringArray(at address: UInt64, pointerSize: Int = 8, limit: Int = 65536) -> [String]? {
        guard address != 0 else { return [] }
        var result: [String] = []
        var cursor = address
        while result.count < limit {
            var word: UInt64 = 0
            guard withUnsafeMutableBytes(of: &word, { read(cursor, count: pointerSize, into: $0.baseAddress!) }) else { return nil }
            if word == 0 { return result }
            guard let s = string(at: word, limit: 1 << 20) else { return nil }
            result.append(s)
            cursor &+= UInt64(pointerSize)
        }
        return nil
    }

    /// One value of a trivial type from guest memory, or nil if it is not readable.
    static func readValue<T>(_ address: UInt64, as type: T.Type) -> T? {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<T>.size, alignment: MemoryLayout<T>.alignment)
        defer { buffer.deallocate() }
        guard read(address, count: MemoryLayout<T>.size, into: buffer) else { return nil }
        return buffer.load(as: T.self)
    }

    /// Writes `count` bytes to guest memory; false (EFAULT) if any byte is unwritable.
    static func write(_ address: UInt64, from source: UnsafeRawPointer, count: Int) -> Bool {
        transfer(.process_vm_writev, local: UnsafeMutableRawPointer(mutating: source), guest: address, count: count)
    }

    /// One process_vm_readv/writev between our own buffer and guest memory, all or nothing.
    private static func transfer(_ call: SyscallID, local buffer: UnsafeMutableRawPointer, guest address: UInt64,
                                 count: Int) -> Bool {
        guard count > 0 else { return true }
        if let guest = UnsafeMutableRawPointer(bitPattern: UInt(address)) {
            let copied = call == .process_vm_readv ? ferry_guarded_copy(buffer, guest, count) : ferry_guarded_copy(guest, buffer, count)
            if copied != -2 { return copied == 0 }
        }
        var local = iovec(iov_base: buffer, iov_len: count)
        var remote = iovec(iov_base: UnsafeMutableRawPointer(bitPattern: UInt(address)), iov_len: count)
        let n = withUnsafeMutablePointer(to: &local) { l in
            withUnsafeMutablePointer(to: &remote) { r in
                HostSyscall.call(call, UInt64(getpid()), UInt64(UInt(bitPattern: l)), 1, UInt64(UInt(bitPattern: r)), 1, 0)
            }
        }
        return n == count
    }
}
