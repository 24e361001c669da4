import CFerryHost
import FerryABI
import Glibc

/// A guest sigset: bit n-1 stands for guest signal n (the kernel's layout on every architecture).
public typealias GuestSignalSet = UInt64

extension GuestSignalSet {
    @inline(__always) static func of(_ signal: Int32) -> GuestSignalSet { 1 << UInt64(signal - 1) }
    @inline(__always) func contains(signal: Int32) -> Bool { self & .of(signal) != 0 }
}

/// The guest's kernel sigaction for one signal, in guest numbering and flags.
public struct GuestSignalAction {
    var handler: UInt64 = 0
    var flags: UInt64 = 0
    var restorer: UInt64 = 0
    var mask: GuestSignalSet = 0

    static let defaultHandler: UInt64 = 0
    static let ignoreHandler: UInt64 = 1
    var isDefault: Bool { handler == Self.defaultHandler }
    var isIgnored: Bool { handler == Self.ignoreHandler }
}

/// The flag and constant values the signal machinery needs, looked up once from the guest's
/// generated constants.
struct SignalConstants {
    let restart, onStack, noDefer, resetHand, sigInfo, restorer: UInt64
    let ssOnStack, ssDisable, ssAutoDisarm: Int64
    let minimumStackSize: UInt64
    let block, unblock, setMask: UInt64
    let kill, stop, chld, cont, urg, winch, tstp, ttin, ttou: Int32
    let segv, bus, ill, fpe, trap: Int32

    init(_ c: ConstantSet) {
        func v(_ name: String) -> Int64 { c.value(name) ?? 0 }
        func s(_ name: String) -> Int32 { Int32(truncatingIfNeeded: v(name)) }
        restart = UInt64(v("SA_RESTART")); onStack = UInt64(v("SA_ONSTACK")); noDefer = UInt64(v("SA_NODEFER"))
        resetHand = UInt64(v("SA_RESETHAND")); sigInfo = UInt64(v("SA_SIGINFO")); restorer = UInt64(v("SA_RESTORER"))
        ssOnStack = v("SS_ONSTACK"); ssDisable = v("SS_DISABLE"); ssAutoDisarm = v("SS_AUTODISARM")
        minimumStackSize = UInt64(v("MINSIGSTKSZ"))
        block = UInt64(v("SIG_BLOCK")); unblock = UInt64(v("SIG_UNBLOCK")); setMask = UInt64(v("SIG_SETMASK"))
        kill = s("SIGKILL"); stop = s("SIGSTOP"); chld = s("SIGCHLD"); cont = s("SIGCONT"); urg = s("SIGURG")
        winch = s("SIGWINCH"); tstp = s("SIGTSTP"); ttin = s("SIGTTIN"); ttou = s("SIGTTOU")
        segv = s("SIGSEGV"); bus = s("SIGBUS"); ill = s("SIGILL"); fpe = s("SIGFPE"); trap = s("SIGTRAP")
    }

    /// Signals that can be neither caught nor blocked.
    var unblockable: GuestSignalSet { .of(kill) | .of(stop) }
    /// Signals whose default action is to do nothing.
    var ignoredByDefault: GuestSignalSet { .of(chld) | .of(cont) | .of(urg) | .of(winch) }
    var stopsByDefault: GuestSignalSet { .of(stop) | .of(tstp) | .of(ttin) | .of(ttou) }
}

/// Maps signal numbers between guest and host by name (identical on aarch64 and riscv64, not on MIPS).
struct SignalNumberMap {
    private var toHost = [Int32](repeating: 0, count: 129)
    private var toGuest = [Int32](repeating: 0, count: 129)

    init(guest: ConstantSet, host: ConstantSet) {
        for constant in guest.group("signal")?.constants ?? [] where constant.aliasOf == nil {
            guard let h = host.value(constant.name), constant.value > 0, constant.value < 129, h > 0, h < 129 else { continue }
            toHost[Int(constant.value)] = Int32(h)
            toGuest[Int(h)] = Int32(constant.value)
        }
        // Real-time signals: the same offset from SIGRTMIN on both sides.
        if let gMin = guest.value("SIGRTMIN"), let gMax = guest.value("SIGRTMAX"), let hMin = host.value("SIGRTMIN") {
            for g in gMin...gMax where g - gMin + hMin < 129 {
                toHost[Int(g)] = Int32(g - gMin + hMin)
                toGuest[Int(g - gMin + hMin)] = Int32(g)
            }
        }
    }

    /// Every signal keeps its number (aarch64, riscv64 against x86-64).
    var isIdentity: Bool { (1..<129).allSatisfy { toHost[$0] == 0 || toHost[$0] == Int32($0) } }

    func host(_ guest: Int32) -> Int32 { guest > 0 && guest < 129 ? toHost[Int(guest)] : 0 }
    func guest(_ host: Int32) -> Int32 { host > 0 && host < 129 ? toGuest[Int(host)] : 0 }

    func hostSet(_ set: GuestSignalSet) -> UInt64 {
        var result: UInt64 = 0
        for g in 1...64 where set.contains(signal: Int32(g)) {
            let h = host(Int32(g))
            if h > 0 && h <= 64 { result |= 1 << UInt64(h - 1) }
        }
        return result
    }

    func guestSet(_ host: UInt64) -> GuestSignalSet {
        var result: GuestSignalSet = 0
        for h in 1...64 where host & (1 << UInt64(h - 1)) != 0 {
            let g = guest(Int32(h))
            if g > 0 && g <= 64 { result |= .of(g) }
        }
        return result
    }
}

/// A guest signal waiting for delivery: its guest number and the 128-byte guest siginfo.
struct PendingSignal {
    var signal: Int32
    var info: siginfo_t
}

/// Per guest thread: what the kernel keeps in its task_struct (signal state, rseq).
public final class TaskState {
    /// The guest's blocked set.
    var mask: GuestSignalSet = 0
    /// sigaltstack: base, flags (SS_DISABLE or 0, maybe SS_AUTODISARM) and size.
    var altStackBase: UInt64 = 0
    var altStackSize: UInt64 = 0
    var altStackFlags: Int64 = 0
    /// Signals taken from the host but blocked by the guest when they were to be delivered.
    var deferred: [PendingSignal] = []
    /// The mask to store in the next signal frame instead of `mask` (rt_sigsuspend's original).
    var maskForNextFrame: GuestSignalSet?
    /// seccomp strict mode (emulated: the host must not apply it to ferry).
    var seccompStrict = false
    /// The thread's rseq registration (area 0: none).
    var rseqArea: UInt64 = 0
    var rseqLength: UInt32 = 0
    var rseqSignature: UInt32 = 0

    init(mask: GuestSignalSet, altStackFlags: Int64) {
        self.mask = mask
        self.altStackFlags = altStackFlags
    }

    func isOnAltStack(_ sp: UInt64) -> Bool {
        altStackSize != 0 && sp &- altStackBase < altStackSize
    }
}

/// What an architecture's frame builder needs to enter a guest signal handler.
public struct SignalFrameRequest {
    var signal: Int32
    var info: siginfo_t
    var action: GuestSignalAction
    /// The stack pointer to build the frame below (the thread's or the alternate stack's top).
    var stackTop: UInt64
    /// The blocked set to restore at rt_sigreturn.
    var savedMask: GuestSignalSet
    /// sigaltstack as it was, to record in uc_stack.
    var altStack: (base: UInt64, flags: Int64, size: UInt64)
    /// For faults: whether the access was a write (the frame's fault status).
    var fault: HostFault?
    /// Where the handler returns: sa_restorer under SA_RESTORER, else Ferry's sigreturn trampoline.
    var returnAddress: UInt64
}

/// The architecture half of signal delivery: lay out and unwind the rt_sigframe.
public protocol SignalFrameBuilding: AnyObject {
    /// Writes the frame and points the registers at the handler; false if the stack is unusable.
    func enterSignalHandler(_ request: SignalFrameRequest) -> Bool
    /// rt_sigreturn: restores the registers from the frame at the stack pointer; returns the saved
    /// mask and uc_stack, or nil if the frame cannot be read.
    func returnFromSignalHandler() -> SavedSignalContext?
    /// Undoes a syscall's -EINTR so it runs again after the handler: the pc goes back to the
    /// syscall instruction and the first argument register gets its value back.
    func prepareSyscallRestart(firstArgument: UInt64)
}

/// What rt_sigreturn gives back to the personality.
public struct SavedSignalContext {
    var mask: GuestSignalSet
    var altStack: (base: UInt64, flags: Int64, size: UInt64)
}
