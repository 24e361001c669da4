import CFerryHost
import Glibc

/// The arch-neutral half of a guest thread's run loop: what happens after the interpreter stops
/// for a syscall, a caught host signal or a fault. Each core's thread supplies its registers; the
/// rules (syscall completion, SA_RESTART, posted code changes, fault delivery) live here once.
protocol GuestRunLoop: GuestThreadState {
    var personality: LinuxPersonality { get }
    /// The host thread's signal state the interpreter checks between blocks.
    var hostThread: UnsafeMutablePointer<ferry_thread_state> { get }
    /// Applies the code ranges other threads posted to this thread's block cache.
    func applyPostedCodeChanges()
    /// Writes a syscall's return value to the architecture's result register.
    func setSyscallResult(_ value: UInt64)
}

extension GuestRunLoop {
    /// Finishes a syscall the personality carried out: the result, or a rewind to the syscall
    /// instruction (every supported core's is 4 bytes), then whatever arrived meanwhile; a call
    /// that returned EINTR is offered to the handler's SA_RESTART.
    func finishSyscall(_ request: SyscallRequest) {
        switch request.completion {
        case .returnValue: setSyscallResult(UInt64(bitPattern: request.result))
        case .registersSet: break
        case .restart: programCounter &-= 4
        }
        if ferry_interrupt_requested(hostThread) != 0 {
            let interrupted = request.completion == .returnValue && request.result == -Int64(EINTR)
            serviceInterrupt(after: interrupted ? request : nil)
        }
    }

    /// The interrupt flag is up: take posted code changes, then deliver signals.
    func serviceInterrupt(after syscall: SyscallRequest? = nil) {
        ferry_clear_interrupt(hostThread)
        applyPostedCodeChanges()
        _ = personality.deliverPendingSignals(self, state: task, interruptedSyscall: syscall)
    }

    /// A host fault in guest code, as the guest's signal.
    func deliver(_ fault: HostFault) {
        personality.deliverFault(self, state: task, signal: personality.signalNumbers.guest(fault.signal), code: fault.code,
                                 address: fault.address, fault: fault)
    }

    /// A trap the interpreter raised itself (SIGILL, SIGTRAP, SIGBUS), in host signal numbers.
    func deliverTrap(hostSignal: Int32, code: Int32, address: UInt64) {
        personality.deliverFault(self, state: task, signal: personality.signalNumbers.guest(hostSignal), code: code,
                                 address: address, fault: nil)
    }
}
