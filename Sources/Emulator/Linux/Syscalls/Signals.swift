import Glibc

extension LinuxPersonality {
    /// Signals the emulator itself relies on (faults in guest code): the guest's dispositions for
    /// them are recorded but never installed on the host.
    static let emulatorOwnedSignals: Set<UInt64> = [UInt64(SIGSEGV), UInt64(SIGBUS), UInt64(SIGILL), UInt64(SIGFPE), UInt64(SIGTRAP)]

    func rtSigaction(_ r: SyscallRequest) -> Int64 {
        let signal = r[0], newAction = r[1], oldAction = r[2]
        guard r[3] == 8 else { return -Int64(EINVAL) }
        guard signal >= 1, signal <= 64 else { return -Int64(EINVAL) }
        if newAction != 0 && (signal == UInt64(SIGKILL) || signal == UInt64(SIGSTOP)) { return -Int64(EINVAL) }
        // The kernel's sigaction: handler, flags, restorer, mask (8 bytes each on 64-bit guests).
        var old = signalActions[signal]
        if old == nil {
            var host = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            _ = withUnsafeMutableBytes(of: &host) { HostSyscall.call(.rt_sigaction, signal, 0, UInt64(UInt(bitPattern: $0.baseAddress)), 8) }
            old = (host.0, host.1 & ~0x0400_0000 /* SA_RESTORER of the host's own */, 0, host.3)
        }
        var new = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        if newAction != 0 {
            guard withUnsafeMutableBytes(of: &new, { GuestMemory.read(newAction, count: 32, into: $0.baseAddress!) }) else {
                return -Int64(EFAULT)
            }
        }
        if oldAction != 0 {
            guard withUnsafeBytes(of: old!, { GuestMemory.write(oldAction, from: $0.baseAddress!, count: 32) }) else {
                return -Int64(EFAULT)
            }
        }
        if newAction != 0 {
            signalActions[signal] = new
            // Default and ignore dispositions take effect on the host; guest handlers wait for
            // signal delivery (the signals work).
            if new.0 <= 1 && !Self.emulatorOwnedSignals.contains(signal) {
                var host = (new.0, new.1 & ~0x0400_0000, UInt64(0), new.3)
                _ = withUnsafeMutableBytes(of: &host) { HostSyscall.call(.rt_sigaction, signal, UInt64(UInt(bitPattern: $0.baseAddress)), 0, 8) }
            }
        }
        return 0
    }

    func rtSigprocmask(_ r: SyscallRequest) -> Int64 {
        HostSyscall.call(.rt_sigprocmask, r[0], r[1], r[2], r[3])
    }
}
