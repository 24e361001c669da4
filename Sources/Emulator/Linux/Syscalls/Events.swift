import CFerryHost
import FerryABI
import Glibc

/// epoll: struct epoll_event is packed on x86-64 (12 bytes) and naturally aligned on most guests
/// (16 bytes), so events are converted through the generated layouts both ways.
struct EpollEventLayout {
    let guestSize, guestEvents, guestData: Int
    let hostSize, hostEvents, hostData: Int

    init(architecture: Architecture) {
        let g = ABILayouts.layout("epoll_event", for: architecture)!, h = ABILayouts.layout("epoll_event", for: .x86_64)!
        guestSize = g.size; guestEvents = g.field("events")!.offset; guestData = g.field("data")!.offset
        hostSize = h.size; hostEvents = h.field("events")!.offset; hostData = h.field("data")!.offset
    }
}

extension LinuxPersonality {
    /// A blocking host call that guest signals interrupt: `.restart` when it never started.
    func interruptibleCall(_ id: SyscallID, _ r: inout SyscallRequest, _ a: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) -> Int64? {
        interruptibleCall(hostNumber: HostSyscall.table.number(of: id) ?? -1, &r, a)
    }

    /// The same by host syscall number (pass-through calls look theirs up once, at start).
    func interruptibleCall(hostNumber: Int, _ r: inout SyscallRequest, _ a: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) -> Int64? {
        let result = ferry_safe_syscall(ferry_current_thread(), hostNumber,
                                        Int(bitPattern: UInt(a.0)), Int(bitPattern: UInt(a.1)), Int(bitPattern: UInt(a.2)),
                                        Int(bitPattern: UInt(a.3)), Int(bitPattern: UInt(a.4)), Int(bitPattern: UInt(a.5)))
        if result == FERRY_NOT_STARTED {
            r.completion = .restart
            return nil
        }
        return Int64(result)
    }

    /// epoll_pwait and epoll_pwait2: the wait runs on a host buffer, then the events are copied out.
    func epollWait(_ r: inout SyscallRequest, id: SyscallID, thread: GuestThreadState) -> Int64 {
        let l = epollLayout
        let maxEvents = Int64(Int32(truncatingIfNeeded: r[2]))
        guard maxEvents > 0, maxEvents <= Int64(Int32.max) / Int64(l.guestSize) else { return -Int64(EINVAL) }
        let count = Int(min(maxEvents, 4096))
        var host = [UInt8](repeating: 0, count: count * l.hostSize)
        let result = host.withUnsafeMutableBytes {
            interruptibleCall(id, &r, (r[0], UInt64(UInt(bitPattern: $0.baseAddress)), UInt64(count), r[3], r[4], r[5]))
        }
        guard let result else { return 0 }
        if result == -Int64(EINTR) && r[4] != 0, let temporary = GuestMemory.readValue(r[4], as: UInt64.self) {
            // As ppoll: the handler runs under the wait's temporary mask (see maskedWait).
            thread.task.maskForNextFrame = thread.task.mask
            thread.task.mask = temporary & ~signalConstants.unblockable
        }
        if result <= 0 { return result }
        var guest = [UInt8](repeating: 0, count: Int(result) * l.guestSize)
        guest.withUnsafeMutableBytes { g in
            host.withUnsafeBytes { h in
                for i in 0..<Int(result) {
                    g.storeBytes(of: h.loadUnaligned(fromByteOffset: i * l.hostSize + l.hostEvents, as: UInt32.self),
                                 toByteOffset: i * l.guestSize + l.guestEvents, as: UInt32.self)
                    g.storeBytes(of: h.loadUnaligned(fromByteOffset: i * l.hostSize + l.hostData, as: UInt64.self),
                                 toByteOffset: i * l.guestSize + l.guestData, as: UInt64.self)
                }
            }
        }
        guard guest.withUnsafeBytes({ GuestMemory.write(r[1], from: $0.baseAddress!, count: $0.count) }) else { return -Int64(EFAULT) }
        return result
    }
}
