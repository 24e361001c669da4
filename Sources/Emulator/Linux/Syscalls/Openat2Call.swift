import Glibc

extension LinuxPersonality {
    /// openat2: struct open_how {flags, mode, resolve} with the flags translated.
    func openat2(_ r: SyscallRequest) -> Int64 {
        let size = Int(min(r[3], 1 << 20))
        guard size >= 24 else { return -Int64(EINVAL) }
        guard size <= 4096 else { return -Int64(E2BIG) }
        var how = [UInt64](repeating: 0, count: (size + 7) / 8)
        guard how.withUnsafeMutableBytes({ GuestMemory.read(r[2], count: size, into: $0.baseAddress!) }) else { return -Int64(EFAULT) }
        if how.count > 3 && how[3...].contains(where: { $0 != 0 }) { return -Int64(E2BIG) }
        let hostFlags = openFlags.toHost(Int64(bitPattern: how[0]))
        // RESOLVE_* constraints aside, /proc/self entries show the guest here as with openat.
        if let result = openProcEntry(pathAddress: r[1], hostFlags: hostFlags, mode: how[1]) { return result }
        var host = (UInt64(bitPattern: hostFlags), how[1], how[2])
        return withUnsafeMutableBytes(of: &host) { HostSyscall.call(.openat2, r[0], r[1], UInt64(UInt(bitPattern: $0.baseAddress)), 24) }
    }
}
