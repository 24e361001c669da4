import Glibc

/// Calls that take O_* flags besides openat: the guest's values are translated (O_DIRECTORY,
/// O_NOFOLLOW, O_DIRECT and O_LARGEFILE differ between aarch64 and x86-64).
extension LinuxPersonality {
    func openByHandleAt(_ r: SyscallRequest) -> Int64 {
        let flags = openFlags.toHost(Int64(Int32(truncatingIfNeeded: r[2])))
        return HostSyscall.call(.open_by_handle_at, r[0], r[1], UInt64(bitPattern: flags))
    }

    /// pipe2: O_CLOEXEC, O_NONBLOCK and O_DIRECT (packet mode).
    func pipe2(_ r: SyscallRequest) -> Int64 {
        let flags = openFlags.toHost(Int64(Int32(truncatingIfNeeded: r[1])))
        return HostSyscall.call(.pipe2, r[0], UInt64(bitPattern: flags))
    }
}
