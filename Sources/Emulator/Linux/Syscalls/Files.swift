import FerryABI
import Glibc

/// File syscalls that need more than passing through: flag translation, struct conversion and
/// the /proc entries that must describe the guest rather than the emulator.
extension LinuxPersonality {
    func openat(_ r: SyscallRequest) -> Int64 {
        let flags = openFlags.toHost(Int64(Int32(truncatingIfNeeded: r[2])))
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

    func fstat(_ r: SyscallRequest) -> Int64 {
        var st = Glibc.stat()
        let result = withUnsafeMutableBytes(of: &st) { HostSyscall.call(.fstat, r[0], UInt64(UInt(bitPattern: $0.baseAddress))) }
        if result < 0 { return result }
        return statConverter.storeGuestStat(st, at: r[1])
    }

    func newfstatat(_ r: SyscallRequest) -> Int64 {
        var st = Glibc.stat()
        let result = withUnsafeMutableBytes(of: &st) {
            HostSyscall.call(.newfstatat, r[0], r[1], UInt64(UInt(bitPattern: $0.baseAddress)), r[3])
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
            guard count > 0 else { return -Int64(EINVAL) }
            bytes.withUnsafeBytes { hostPointer(r[2]).copyMemory(from: $0.baseAddress!, byteCount: count) }
            return Int64(count)
        }
        return HostSyscall.call(.readlinkat, r[0], r[1], r[2], r[3])
    }

    /// The requests passed to the host, matched by name so their numbers come from the tables.
    static let passthroughIoctls = ["TCGETS", "TCSETS", "TCSETSW", "TCSETSF", "TIOCGWINSZ", "TIOCSWINSZ",
                                    "TIOCGPGRP", "TIOCSPGRP", "TIOCSCTTY", "TIOCNOTTY", "FIONREAD", "FIONBIO",
                                    "FIOCLEX", "FIONCLEX", "TIOCOUTQ", "TCFLSH", "TCXONC", "TCSBRK", "TIOCGPTN",
                                    "TIOCSPTLCK"]

    func ioctl(_ r: SyscallRequest) -> Int64 {
        let request = r[1] & 0xFFFF_FFFF
        if let host = ioctlTranslation[request] {
            return HostSyscall.call(.ioctl, r[0], host, r[2])
        }
        if options.logUnimplemented && !ioctlReported.contains(request) {
            ioctlReported.insert(request)
            let dir = ["none", "W", "R", "RW"][Int((request >> 30) & 3)]
            let type = Character(Unicode.Scalar(UInt8((request >> 8) & 0xFF)))
            let target = HostFile.describeDescriptor(Int32(truncatingIfNeeded: r[0]))
            log.write("unsupported ioctl 0x\(String(request, radix: 16)) (dir \(dir), type '\(type)', nr \(request & 0xFF), size \((request >> 16) & 0x3FFF)) on fd \(Int32(truncatingIfNeeded: r[0])) (\(target))")
        }
        return -Int64(ENOTTY)
    }
}
