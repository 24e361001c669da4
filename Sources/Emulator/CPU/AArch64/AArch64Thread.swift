import CFerryHost
import FerryABI
import Glibc

/// One AArch64 guest thread: its CPU, its interpreter and its signal state, and the loop that runs
/// it: guest code until a syscall, a caught signal or a fault, then the personality.
public final class AArch64Thread: GuestRunLoop, CodeCacheInvalidating {
    public let cpu: AArch64CPU
    public let interpreter: AArch64Interpreter
    let personality: LinuxPersonality
    public let task: TaskState
    let log: DiagnosticLog
    /// Code ranges other threads changed, applied by this thread at its next interrupt.
    private let mailbox: CodeInvalidationMailbox

    init(cpu: AArch64CPU, personality: LinuxPersonality, task: TaskState, log: DiagnosticLog) {
        self.cpu = cpu
        self.personality = personality
        self.task = task
        self.log = log
        interpreter = AArch64Interpreter(cpu: cpu)
        mailbox = CodeInvalidationMailbox(owner: interpreter.thread)
    }

    public func invalidateCode(start: UInt64, end: UInt64) {
        mailbox.invalidate(start: start, end: end) { interpreter.cache.invalidate(start: $0, end: $1) }
    }

    var hostThread: UnsafeMutablePointer<ferry_thread_state> { interpreter.thread }

    func applyPostedCodeChanges() {
        mailbox.drain { interpreter.cache.invalidate(start: $0, end: $1) }
    }

    func setSyscallResult(_ value: UInt64) { cpu.x[0] = value }

    public func makeChildThread(stack: UInt64, tls: UInt64?, task: TaskState) -> () -> GuestThreadState & CodeCacheInvalidating {
        // Registers are copied now, on the parent; the interpreter must be made on the child's
        // host thread, whose signal state it binds to.
        let copy = AArch64CPU()
        copy.x.update(from: cpu.x, count: 34)
        copy.v.copyMemory(from: cpu.v, byteCount: 32 * 16)
        copy.pc = cpu.pc
        copy.nzcv = cpu.nzcv
        copy.fpcr = cpu.fpcr
        copy.fpsr = cpu.fpsr
        copy.tpidr = tls ?? cpu.tpidr
        copy.x[0] = 0
        if stack != 0 { copy.x[AArch64CPU.stackPointerSlot] = stack }
        let personality = personality, log = log, logger = interpreter.blockLogger
        return {
            let child = AArch64Thread(cpu: copy, personality: personality, task: task, log: log)
            child.interpreter.blockLogger = logger
            return child
        }
    }

    public var stackPointer: UInt64 {
        get { cpu.x[AArch64CPU.stackPointerSlot] }
        set { cpu.x[AArch64CPU.stackPointerSlot] = newValue }
    }
    public var threadPointer: UInt64 {
        get { cpu.tpidr }
        set { cpu.tpidr = newValue }
    }
    public var programCounter: UInt64 {
        get { cpu.pc }
        set { cpu.pc = newValue }
    }

    /// Runs the guest thread until the process or the thread exits.
    public func run() -> Never {
        let x = cpu.x
        while true {
            switch interpreter.runGuarded() {
            case .syscall:
                var request = SyscallRequest(number: Int(x[8]), arguments: (x[0], x[1], x[2], x[3], x[4], x[5]))
                personality.handle(&request, thread: self)
                finishSyscall(request)
            case .interrupt:
                serviceInterrupt()
            case let .fault(fault):
                deliver(fault)
            case let .signal(number, code, address):
                if number == SIGILL, let word = GuestMemory.readValue(address, as: UInt32.self), word >> 16 != 0 {
                    // Not UDF: an instruction Ferry does not implement.
                    log.write("ferry: unimplemented instruction 0x\(String(word, radix: 16, uppercase: false)) at pc 0x\(String(address, radix: 16)): \(Disassembler.aarch64.describe(word: word, address: address))")
                }
                deliverTrap(hostSignal: number, code: code, address: address)
            }
        }
    }
}
