import FerryABI
import Glibc

/// File syscalls that need more than passing through: flag translation, struct conversion and
/// the /proc entries that must describe the guest rather than the emulator.
extension LinuxPersonality {
    func openat(_ r: SyscallRequest) -> Int64 {
        let flags = openFlags.toHost(Int64(Int32(truncatingIfNeeded: r[2])))
        // Absolute /proc paths only: a path relative to a /proc directory descriptor reaches the host's.
        if let result = openProcEntry(pathAddress: r[1], hostFlags: flags, mode: r[3]) { return result }
        return HostSyscall.call(.openat, r[0], r[1], UInt64(bitPattern: flags), r[3])
    }

    func fcntl(_ r: SyscallRequest) -> Int64 {
        let cmd = Int64(Int32(truncatingIfNeeded: r[1]))
        if cmd == fileStatusCommands.guestGet {
            let result = HostSyscall.call(.fcntl, r[0], UInt64(bitPattern: fileStatusCommands.hostGet))
            return result < 0 ? result : openFlags.toGuest(result)
        }
        if cmd == fileStatusCommands.guestSet {
            return HostSyscall.call(.fcntl, r[0], UInt64(bitPattern: fileStatusCommands.hostSet),
                                    UInt64(bitPattern: openFlags.toHost(Int64(Int32(truncatingIfNeeded: r[2])))))
        }
        return HostSyscall.call(.fcntl, r[0], r[1], r[2])
    }

    func newfstatat(_ r: SyscallRequest) -> Int64 {
        var st = Glibc.stat()
        // stat of /proc/self/exe follows the link to the guest program, not to ferry.
        let ownExecutable = r[3] & UInt64(AT_SYMLINK_NOFOLLOW) == 0 && procEntry(atGuestPath: r[1])?.0 == .executable
        let result = withUnsafeMutableBytes(of: &st) { buffer in
            guard ownExecutable else {
                return HostSyscall.call(.newfstatat, r[0], r[1], UInt64(UInt(bitPattern: buffer.baseAddress)), r[3])
            }
            return executablePath.withCString {
                HostSyscall.call(.newfstatat, UInt64(bitPattern: Int64(AT_FDCWD)), UInt64(UInt(bitPattern: $0)),
                                 UInt64(UInt(bitPattern: buffer.baseAddress)), 0)
            }
        }
        if result < 0 { return result }
        return statConverter.storeGuestStat(st, at: r[2])
    }

    /// True for /proc/self/exe and /proc/<our pid>/exe (and the thread-self form).
    func namesOwnExecutable(_ path: String) -> Bool {
        if path == "/proc/self/exe" || path == "/proc/thread-self/exe" { return true }
        return path == "/proc/\(getpid())/exe"
    }

    func readlinkat(_ r: SyscallRequest) -> Int64 {
        if let path = GuestMemory.string(at: r[1]), namesOwnExecutable(path) {
            let bytes = Array(executablePath.utf8)
            let count = min(bytes.count, Int(truncatingIfNeeded: min(r[3], UInt64(Int32.max))))
            guard Int32(truncatingIfNeeded: r[3]) > 0, count > 0 else { return -Int64(EINVAL) }
            // A bad buffer is EFAULT, as the kernel says, never a fault in ferry.
            let ok = bytes.withUnsafeBytes { GuestMemory.write(r[2], from: $0.baseAddress!, count: count) }
            return ok ? Int64(count) : -Int64(EFAULT)
        }
        return HostSyscall.call(.readlinkat, r[0], r[1], r[2], r[3])
    }
}
