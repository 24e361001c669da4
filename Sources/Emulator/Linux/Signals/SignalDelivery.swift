import CFerryHost
import FerryABI
import Glibc

/// What the run loop does after a syscall, besides writing the result.
public enum SyscallCompletion {
    /// Write `result` to the return register.
    case returnValue
    /// Registers were set by the call itself (rt_sigreturn): write nothing.
    case registersSet
    /// Run the syscall again: the pc goes back to the syscall instruction, arguments untouched.
    case restart
}

/// Process-wide signal dispositions (shared by all threads, as with CLONE_SIGHAND).
final class SignalDispositions {
    private var actions = [GuestSignalAction?](repeating: nil, count: 65)
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }

    func action(_ signal: Int32) -> GuestSignalAction? {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        return signal > 0 && signal <= 64 ? actions[Int(signal)] : nil
    }

    func setAction(_ signal: Int32, _ action: GuestSignalAction) {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        actions[Int(signal)] = action
    }
}

extension LinuxPersonality {
    /// The guest's action for `signal`, reading the host's inherited disposition the first time
    /// (a parent's SIG_IGN survives execve).
    func signalAction(_ signal: Int32) -> GuestSignalAction {
        if let known = dispositions.action(signal) { return known }
        var host = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        let hostSignal = signalNumbers.host(signal)
        _ = withUnsafeMutableBytes(of: &host) { HostSyscall.call(.rt_sigaction, UInt64(hostSignal), 0, UInt64(UInt(bitPattern: $0.baseAddress)), 8) }
        var action = GuestSignalAction()
        action.handler = host.0 <= 1 ? host.0 : GuestSignalAction.defaultHandler
        return action
    }

    /// The first thread's signal state: the blocked set is inherited across execve.
    public func initialSignalState() -> TaskState {
        var host: UInt64 = 0
        _ = withUnsafeMutableBytes(of: &host) { HostSyscall.call(.rt_sigprocmask, UInt64(SIG_BLOCK), 0, UInt64(UInt(bitPattern: $0.baseAddress)), 8) }
        return TaskState(mask: signalNumbers.guestSet(host) & ~signalConstants.unblockable, altStackFlags: signalConstants.ssDisable)
    }

    /// Sets the host mask to the guest's (fault signals are never blocked on the host: a blocked
    /// synchronous fault would kill ferry without a word).
    func applyHostMask(_ thread: TaskState) {
        let faults: GuestSignalSet = .of(signalConstants.segv) | .of(signalConstants.bus) | .of(signalConstants.ill)
            | .of(signalConstants.fpe) | .of(signalConstants.trap)
        var host = signalNumbers.hostSet(thread.mask & ~faults)
        _ = withUnsafeMutableBytes(of: &host) { HostSyscall.call(.rt_sigprocmask, UInt64(SIG_SETMASK), UInt64(UInt(bitPattern: $0.baseAddress)), 0, 8) }
        if thread.deferred.contains(where: { !thread.mask.contains(signal: $0.signal) }) {
            ferry_request_interrupt(ferry_current_thread())
        }
    }

    /// Called by the run loop after it cleared the interrupt flag, between blocks or after a syscall.
    /// `interruptedSyscall` is the syscall that just returned -EINTR, to restart under SA_RESTART.
    func deliverPendingSignals(_ thread: GuestThreadState, state: TaskState,
                                                        interruptedSyscall: SyscallRequest? = nil) -> SyscallCompletion? {
        var pending: [PendingSignal] = []
        var info = siginfo_t()
        while ferry_take_signal(&info) != 0 {
            let signal = signalNumbers.guest(info.si_signo)
            guard signal > 0 else { continue }
            info.si_signo = signal
            pending.append(PendingSignal(signal: signal, info: info))
        }
        if !state.deferred.isEmpty {
            let ready = state.deferred.filter { !state.mask.contains(signal: $0.signal) }
            state.deferred.removeAll { !state.mask.contains(signal: $0.signal) }
            pending = ready + pending
        }
        // The kernel takes the lowest-numbered pending signal first (each queued instance of a
        // real-time signal in order); the sort is stable so instances keep their order.
        pending = pending.enumerated().sorted { ($0.element.signal, $0.offset) < ($1.element.signal, $1.offset) }.map(\.element)
        var completion: SyscallCompletion? = nil
        var first = true
        var taken = false
        for signal in pending {
            if state.mask.contains(signal: signal.signal) {
                state.deferred.append(signal)
                continue
            }
            taken = true
            tracer?.signal(signal.signal, info: signal.info)
            let action = signalAction(signal.signal)
            if action.isIgnored { continue }
            if action.isDefault {
                takeDefaultAction(signal.signal)
                continue
            }
            if first, let syscall = interruptedSyscall {
                // The kernel restarts an interrupted call after the handler only under SA_RESTART and
                // only for calls that may be restarted; the others report EINTR.
                if action.flags & signalConstants.restart != 0 && Self.restartable(syscall, ids: syscallIDs) {
                    thread.prepareSyscallRestart(firstArgument: syscall[0])
                    completion = .restart
                }
            }
            first = false
            enterHandler(thread, state: state, signal: signal.signal, info: signal.info, action: action, fault: nil)
        }
        if first && taken, let syscall = interruptedSyscall {
            // No handler ran (a SIGCHLD caught only for -strace, a stop and continue): the kernel
            // restarts the call, so the guest never sees this EINTR.
            thread.prepareSyscallRestart(firstArgument: syscall[0])
            completion = .restart
        }
        // A temporary mask (sigsuspend, ppoll, ...) no handler consumed: the caller's comes back.
        if let original = state.maskForNextFrame {
            state.mask = original
            state.maskForNextFrame = nil
        }
        applyHostMask(state)
        return completion
    }

    /// A synchronous fault or trap in guest code: its handler runs, or the process dies of it
    /// (also when the guest blocks or ignores it, as the kernel forces such signals).
    func deliverFault(_ thread: GuestThreadState, state: TaskState, signal: Int32, code: Int32,
                                              address: UInt64, fault: HostFault?) {
        tracer?.fault(signal, code: code, address: address)
        let action = signalAction(signal)
        if action.isDefault || action.isIgnored || state.mask.contains(signal: signal) {
            Emulation.dieOfSignal(signalNumbers.host(signal))
        }
        var info = siginfo_t()
        info.si_signo = signal
        info.si_code = code
        withUnsafeMutableBytes(of: &info) { $0.storeBytes(of: address, toByteOffset: 16, as: UInt64.self) }
        enterHandler(thread, state: state, signal: signal, info: info, action: action, fault: fault)
        applyHostMask(state)
    }

    private func enterHandler(_ thread: GuestThreadState, state: TaskState, signal: Int32, info: siginfo_t,
                                                      action: GuestSignalAction, fault: HostFault?) {
        let sp = thread.stackPointer
        var top = sp
        let c = signalConstants
        let onAltStack = state.isOnAltStack(sp)
        if action.flags & c.onStack != 0 && state.altStackSize != 0 && state.altStackFlags & c.ssDisable == 0 && !onAltStack {
            top = state.altStackBase &+ state.altStackSize
        }
        let altFlags: Int64 = state.altStackSize == 0 || state.altStackFlags & c.ssDisable != 0 ? c.ssDisable
            : (state.isOnAltStack(sp) ? c.ssOnStack : 0) | (state.altStackFlags & c.ssAutoDisarm)
        let request = SignalFrameRequest(signal: signal, info: info, action: action, stackTop: top,
                                         savedMask: state.maskForNextFrame ?? state.mask,
                                         altStack: (state.altStackBase, altFlags, state.altStackSize),
                                         fault: fault,
                                         returnAddress: action.flags & c.restorer != 0 ? action.restorer : sigreturnTrampoline)
        state.maskForNextFrame = nil
        if top != sp && state.altStackFlags & c.ssAutoDisarm != 0 {
            state.altStackBase = 0; state.altStackSize = 0; state.altStackFlags = c.ssDisable
        }
        guard thread.enterSignalHandler(request) else {
            // No room for the frame: the kernel kills the thread group with SIGSEGV.
            Emulation.dieOfSignal(signalNumbers.host(c.segv))
        }
        state.mask |= action.mask
        if action.flags & c.noDefer == 0 { state.mask |= .of(signal) }
        state.mask &= ~c.unblockable
        if action.flags & c.resetHand != 0 {
            var reset = GuestSignalAction()
            reset.handler = GuestSignalAction.defaultHandler
            dispositions.setAction(signal, reset)
            _ = ferry_release_signal(signalNumbers.host(signal), 0)
        }
    }

    /// A default action reached the run loop (the disposition changed after the host caught it).
    private func takeDefaultAction(_ signal: Int32) {
        let c = signalConstants
        if c.ignoredByDefault.contains(signal: signal) { return }
        if c.stopsByDefault.contains(signal: signal) {
            kill(getpid(), SIGSTOP)
            return
        }
        Emulation.dieOfSignal(signalNumbers.host(signal))
    }

    /// Syscalls the kernel never restarts after a handler, whatever SA_RESTART says (signal(7)).
    static let neverRestarted: Set<SyscallID> = [
        .nanosleep, .clock_nanosleep, .ppoll, .pselect6, .epoll_pwait, .epoll_pwait2, .rt_sigsuspend,
        .rt_sigtimedwait, .io_getevents, .io_pgetevents, .semtimedop, .msgrcv, .msgsnd, .semop,
        .poll, .select, .epoll_wait, .pause, .sigsuspend, .futex_waitv,
    ]

    static func restartable(_ request: SyscallRequest, ids: [SyscallID?]) -> Bool {
        guard request.number >= 0, request.number < ids.count, let id = ids[request.number] else { return false }
        return !neverRestarted.contains(id)
    }
}
