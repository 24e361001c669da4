import CFerryHost
import FerryABI
import Glibc

/// One RISC-V 64 guest thread: its CPU, its interpreter and its signal state, and the loop that
/// runs it. The syscall ABI: number in a7 (x17), arguments in a0-a5 (x10-x15), result in a0.
public final class RISCV64Thread: GuestRunLoop, CodeCacheInvalidating {
    public let cpu: RISCV64CPU
    public let interpreter: RISCV64Interpreter
    let personality: LinuxPersonality
    public let task: TaskState
    let log: DiagnosticLog
    /// Code ranges other threads changed, applied by this thread at its next interrupt.
    private let mailbox: CodeInvalidationMailbox

    init(cpu: RISCV64CPU, personality: LinuxPersonality, task: TaskState, log: DiagnosticLog) {
        self.cpu = cpu
        self.personality = personality
        self.task = task
        self.log = log
        interpreter = RISCV64Interpreter(cpu: cpu)
        mailbox = CodeInvalidationMailbox(owner: interpreter.thread)
    }

    /// The first thread of a program: pc at the entry, sp at the initial stack.
    static func initial(entry: UInt64, stackPointer: UInt64, personality: LinuxPersonality, log: DiagnosticLog) -> RISCV64Thread {
        let cpu = RISCV64CPU()
        cpu.pc = entry
        cpu.x[RISCV64CPU.stackPointerSlot] = stackPointer
        return RISCV64Thread(cpu: cpu, personality: personality, task: personality.initialSignalState(), log: log)
    }

    public func invalidateCode(start: UInt64, end: UInt64) {
        mailbox.invalidate(start: start, end: end) { interpreter.cache.invalidate(start: $0, end: $1) }
    }

    var hostThread: UnsafeMutablePointer<ferry_thread_state> { interpreter.thread }

    func applyPostedCodeChanges() {
        mailbox.drain { interpreter.cache.invalidate(start: $0, end: $1) }
    }

    func setSyscallResult(_ value: UInt64) { cpu.x[10] = value }

    public func makeChildThread(stack: UInt64, tls: UInt64?, task: TaskState) -> () -> GuestThreadState & CodeCacheInvalidating {
        // Registers are copied now, on the parent; the interpreter is made on the child's host
        // thread, whose signal state it binds to.
        let copy = RISCV64CPU()
        copy.copyRegisters(from: cpu)
        if let tls { copy.x[RISCV64CPU.threadPointerSlot] = tls }
        copy.x[10] = 0
        if stack != 0 { copy.x[RISCV64CPU.stackPointerSlot] = stack }
        let personality = personality, log = log
        return { RISCV64Thread(cpu: copy, personality: personality, task: task, log: log) }
    }

    public var stackPointer: UInt64 {
        get { cpu.x[RISCV64CPU.stackPointerSlot] }
        set { cpu.x[RISCV64CPU.stackPointerSlot] = newValue }
    }
    public var threadPointer: UInt64 {
        get { cpu.x[RISCV64CPU.threadPointerSlot] }
        set { cpu.x[RISCV64CPU.threadPointerSlot] = newValue }
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
                var request = SyscallRequest(number: Int(x[17]), arguments: (x[10], x[11], x[12], x[13], x[14], x[15]))
                if let result = RISCV64Syscalls.handle(request, thread: self) {
                    request.result = result
                } else {
                    personality.handle(&request, thread: self)
                }
                finishSyscall(request)
            case .interrupt:
                serviceInterrupt()
            case let .fault(fault):
                deliver(fault)
            case let .signal(number, code, address):
                if number == SIGILL {
                    log.write("ferry: unimplemented or illegal riscv64 instruction \(Self.describeInstruction(at: address)) at pc 0x\(String(address, radix: 16))")
                }
                deliverTrap(hostSignal: number, code: code, address: address)
            }
        }
    }

    /// The encoding at `address` in hex (16 or 32 bits), for the unknown-instruction message.
    static func describeInstruction(at address: UInt64) -> String {
        guard let low = GuestMemory.readValue(address, as: UInt16.self) else { return "(unreadable)" }
        if low & 3 != 3 { return "0x" + String(low, radix: 16) + " (compressed)" }
        guard let high = GuestMemory.readValue(address &+ 2, as: UInt16.self) else { return "(unreadable)" }
        return "0x" + String(UInt32(low) | UInt32(high) << 16, radix: 16)
    }
}
