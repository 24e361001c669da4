import Glibc

/// Descriptors ferry itself keeps in the guest's descriptor table (the -D trace and log). The
/// guest cannot see them close: close on one says EBADF as for a descriptor that is not open,
/// and close_range closes around them, so `close_range(3, ~0U, 0)` leaves the trace running.
enum OwnDescriptors {
    /// Registered at startup, before the guest runs its first instruction, and only read after.
    nonisolated(unsafe) private(set) static var all: [Int32] = []

    static func reserve(_ fd: Int32) {
        guard fd >= 0, !all.contains(fd) else { return }
        all.append(fd)
        all.sort()
    }

    static func contains(_ fd: Int32) -> Bool { !all.isEmpty && all.contains(fd) }

    /// Moves one of ferry's descriptors to 1000 or above (close-on-exec), so the guest's own
    /// descriptors number as they do natively, and reserves it; returns where it now is.
    static func moveHigh(_ fd: Int32) -> Int32 {
        let high = fcntl(fd, F_DUPFD_CLOEXEC, 1000)
        let kept = high >= 0 ? high : fd
        if high >= 0 { Glibc.close(fd) }
        reserve(kept)
        return kept
    }
}

extension LinuxPersonality {
    func close(_ r: SyscallRequest) -> Int64 {
        if OwnDescriptors.contains(Int32(truncatingIfNeeded: r[0])) { return -Int64(EBADF) }
        return HostSyscall.call(.close, r[0])
    }

    /// close_range in pieces that skip ferry's own descriptors; bad flags or first > last fail
    /// on the first piece, before anything is closed, as in one call.
    func closeRange(_ r: SyscallRequest) -> Int64 {
        let first = UInt32(truncatingIfNeeded: r[0]), last = UInt32(truncatingIfNeeded: r[1])
        let inside = OwnDescriptors.all.map { UInt32($0) }.filter { $0 >= first && $0 <= last }
        guard first <= last, !inside.isEmpty else { return HostSyscall.call(.close_range, r[0], r[1], r[2]) }
        var start = first, called = false
        for own in inside {
            if own > start {
                let result = HostSyscall.call(.close_range, UInt64(start), UInt64(own - 1), r[2])
                if result < 0 { return result }
                called = true
            }
            start = own + 1
        }
        if start != 0 && start <= last {
            return HostSyscall.call(.close_range, UInt64(start), UInt64(last), r[2])
        }
        // Only ferry's descriptors in range: the host still judges the flags, on a descriptor
        // number no process can have.
        return called ? 0 : HostSyscall.call(.close_range, UInt64(UInt32.max), UInt64(UInt32.max), r[2])
    }
}
