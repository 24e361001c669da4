import CFerryHost
import FerryABI

/// Host system calls by identity: the number comes from the generated x86_64 table.
enum HostSyscall {
    static let table = SyscallTable.forArchitecture(.x86_64)

    /// Raw call: returns the kernel's result, -errno on failure.
    @inline(__always) static func call(_ number: Int, _ a0: UInt64 = 0, _ a1: UInt64 = 0, _ a2: UInt64 = 0,
                                       _ a3: UInt64 = 0, _ a4: UInt64 = 0, _ a5: UInt64 = 0) -> Int64 {
        Int64(ferry_host_syscall(number, Int(bitPattern: UInt(a0)), Int(bitPattern: UInt(a1)), Int(bitPattern: UInt(a2)),
                                 Int(bitPattern: UInt(a3)), Int(bitPattern: UInt(a4)), Int(bitPattern: UInt(a5))))
    }

    static func call(_ id: SyscallID, _ a0: UInt64 = 0, _ a1: UInt64 = 0, _ a2: UInt64 = 0,
                     _ a3: UInt64 = 0, _ a4: UInt64 = 0, _ a5: UInt64 = 0) -> Int64 {
        guard let n = table.number(of: id) else { return -38 /* ENOSYS */ }
        return call(n, a0, a1, a2, a3, a4, a5)
    }

    static func fillRandom(_ buffer: UnsafeMutableRawBufferPointer) {
        _ = call(.getrandom, UInt64(UInt(bitPattern: buffer.baseAddress)), UInt64(buffer.count), 0)
    }
}
