import FerryABI
import Glibc

/// SysV IPC calls whose structs differ between guest and host: x86-64's semid64_ds keeps two
/// padding words that the generic 64-bit layout does not have.
extension LinuxPersonality {
    func semctl(_ r: SyscallRequest) -> Int64 {
        func value(_ name: String) -> Int64 { guestConstants.value(name) ?? -1 }
        // IPC_64 is implied on 64-bit kernels; glibc may still pass it.
        let command = Int64(Int32(truncatingIfNeeded: r[2])) & ~value("IPC_64")
        let isOut = command == value("IPC_STAT") || command == value("SEM_STAT") || command == value("SEM_STAT_ANY")
        let ipcSet = value("IPC_SET")
        guard isOut || command == ipcSet, let converter = semidConverter, converter.needsConversion else {
            return HostSyscall.call(.semctl, r[0], r[1], r[2], r[3])
        }
        return withUnsafeTemporaryAllocation(byteCount: converter.host.size + converter.guest.size, alignment: 16) { buffer in
            let host = buffer.baseAddress!, guest = buffer.baseAddress! + converter.host.size
            if !isOut {
                guard GuestMemory.read(r[3], count: converter.guest.size, into: guest) else { return -Int64(EFAULT) }
                converter.guestToHost(guest, host)
            }
            let result = HostSyscall.call(.semctl, r[0], r[1], r[2], UInt64(UInt(bitPattern: host)))
            if result >= 0 && isOut {
                converter.hostToGuest(host, guest)
                guard GuestMemory.write(r[3], from: guest, count: converter.guest.size) else { return -Int64(EFAULT) }
            }
            return result
        }
    }

    /// ppoll, pselect6: the wait runs with a temporary mask; a signal it lets in must reach its
    /// handler with that mask in force and the caller's mask saved in the frame, as sigsuspend.
    func maskedWait(_ r: inout SyscallRequest, id: SyscallID, thread: GuestThreadState, maskPointer: UInt64) -> Int64 {
        var temporary: GuestSignalSet = 0
        let hasMask = maskPointer != 0
            && withUnsafeMutableBytes(of: &temporary, { GuestMemory.read(maskPointer, count: 8, into: $0.baseAddress!) })
        let state = thread.task
        let original = state.mask
        guard let result = interruptibleCall(id, &r, (r[0], r[1], r[2], r[3], r[4], r[5])) else { return 0 }
        if hasMask && result == -Int64(EINTR) {
            state.mask = temporary & ~signalConstants.unblockable
            state.maskForNextFrame = original
        }
        return result
    }
}
