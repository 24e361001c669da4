/// One guest system call as the personality sees it, independent of the CPU: the architecture's
/// calling convention fills it from registers and writes `result` back.
public struct SyscallRequest {
    public var number: Int
    public var arguments: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    /// The raw return value: a result, or -errno.
    public var result: Int64 = 0
    /// How the run loop finishes the call.
    public var completion: SyscallCompletion = .returnValue

    @inline(__always) public subscript(_ i: Int) -> UInt64 {
        switch i {
        case 0: return arguments.0
        case 1: return arguments.1
        case 2: return arguments.2
        case 3: return arguments.3
        case 4: return arguments.4
        default: return arguments.5
        }
    }

    public init(number: Int, arguments: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) {
        self.number = number
        self.arguments = arguments
    }
}

/// What the personality needs from the guest CPU besides syscall arguments: the few operations
/// that process creation changes (fork children, thread stacks, TLS).
public protocol GuestThreadState: SignalFrameBuilding {
    var stackPointer: UInt64 { get set }
    var threadPointer: UInt64 { get set }
    var programCounter: UInt64 { get set }
    /// The thread's blocked set, alternate stack and deferred signals.
    var task: TaskState { get }
    /// A new guest thread (clone with CLONE_VM): registers copied, the clone returning 0 in it,
    /// `stack` as its stack pointer if nonzero, `tls` as its thread pointer if given.
    /// The returned closure makes the thread object; it runs on the new host thread.
    func makeChildThread(stack: UInt64, tls: UInt64?, task: TaskState) -> () -> GuestThreadState & CodeCacheInvalidating
    /// Runs the thread on the calling host thread until it or the process exits.
    func run() -> Never
}

