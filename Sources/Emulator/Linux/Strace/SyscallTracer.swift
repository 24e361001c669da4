import FerryABI
import Glibc

/// The line formats of `-strace`.
public enum StraceFormat: String, CaseIterable, Sendable {
    /// strace(1)'s `name(args) = ret`.
    case strace
    /// One JSON object per line, for tools.
    case json
    /// qemu-user's `PID name(args) = ret`.
    case qemu
}

/// What `leave` needs from `enter`: the call's text as it stood before the kernel ran it.
public struct TraceEntry {
    var text: String
}

/// `-strace`: prints each guest syscall, signal and exit in strace(1)'s form (or JSON, or
/// qemu-user's). The personality calls it only when tracing is on, so the untraced path pays one
/// nil check per syscall.
public final class SyscallTracer {
    /// The process's tracer, for the places that have no personality at hand (dying of a signal).
    nonisolated(unsafe) public static var active: SyscallTracer?

    init(format: StraceFormat, file: String?, personality: LinuxPersonality, configuration: EmulatorConfiguration) {}

    func enter(_ request: SyscallRequest, thread: GuestThreadState) -> TraceEntry? { nil }
    func leave(_ entry: TraceEntry, _ request: SyscallRequest) {}
    func signal(_ signal: Int32, info: siginfo_t) {}
    func fault(_ signal: Int32, code: Int32, address: UInt64) {}
    func exited(_ status: Int32) {}
    func killed(hostSignal: Int32) {}
}
