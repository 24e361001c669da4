import CFerryHost
import FerryABI
import Glibc

/// SIGCHLD's host action. Two things set it apart from other signals: its SA_NOCLDSTOP and
/// SA_NOCLDWAIT flags change what the kernel does with children, so they must reach the host; and
/// under -strace ferry catches it even at SIG_DFL, because strace(1) shows every SIGCHLD the
/// kernel sends (`--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} ---`), while at SIG_DFL
/// the host would drop it unseen. The run loop then takes the default action (ignore), and a call
/// the signal woke is restarted as the kernel does when no handler runs (SignalDelivery).
extension LinuxPersonality {
    /// The x86-64 kernel's struct sigaction: handler, flags, restorer, mask.
    typealias HostSigaction = (handler: UInt64, flags: UInt64, restorer: UInt64, mask: UInt64)

    /// Sets the host's SIGCHLD action for the guest's `action`; 0 or -errno.
    func setHostChildSignalAction(_ action: GuestSignalAction) -> Int32 {
        let host = signalNumbers.host(signalConstants.chld)
        var childFlags: UInt64 = 0
        if let stop = guestConstants.value("SA_NOCLDSTOP"), action.flags & UInt64(stop) != 0 { childFlags |= UInt64(SA_NOCLDSTOP) }
        if let wait = guestConstants.value("SA_NOCLDWAIT"), action.flags & UInt64(wait) != 0 { childFlags |= UInt64(SA_NOCLDWAIT) }
        let traced = SyscallTracer.active != nil
        guard action.handler > 1 || (action.isDefault && traced) else {
            // SIG_DFL or SIG_IGN set directly on the host (the kernel reaps for SIG_IGN itself).
            return Self.setHostAction(host, (action.handler, childFlags, 0, 0))
        }
        let status = ferry_catch_signal(host)
        guard status == 0, var caught = Self.hostAction(host) else { return status }
        caught.flags |= childFlags
        // Caught only to be shown: SA_RESTART lets the host kernel resume most calls it
        // interrupts; the run loop restarts the others (the guest's SIGCHLD is still ignored).
        if action.isDefault { caught.flags |= UInt64(SA_RESTART) }
        return Self.setHostAction(host, caught)
    }

    /// At the start of a traced run: SIGCHLD at SIG_DFL is caught so that the trace shows it. An
    /// inherited SIG_IGN stays on the host (children are then reaped by the kernel, as natively).
    public func observeChildSignalForTrace() {
        let action = signalAction(signalConstants.chld)
        guard action.isDefault else { return }
        _ = setHostChildSignalAction(action)
    }

    static func hostAction(_ signal: Int32) -> HostSigaction? {
        var action: HostSigaction = (0, 0, 0, 0)
        let status = withUnsafeMutableBytes(of: &action) {
            HostSyscall.call(.rt_sigaction, UInt64(signal), 0, UInt64(UInt(bitPattern: $0.baseAddress)), 8)
        }
        return status == 0 ? action : nil
    }

    static func setHostAction(_ signal: Int32, _ action: HostSigaction) -> Int32 {
        var copy = action
        return Int32(truncatingIfNeeded: withUnsafeMutableBytes(of: &copy) {
            HostSyscall.call(.rt_sigaction, UInt64(signal), UInt64(UInt(bitPattern: $0.baseAddress)), 0, 8)
        })
    }
}
