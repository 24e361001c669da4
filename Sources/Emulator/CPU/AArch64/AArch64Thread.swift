import CFerryHost
import FerryABI
import Glibc

/// One AArch64 guest thread: its CPU, its interpreter and its signal state, and the loop that runs
/// it: guest code until a syscall, a caught signal or a fault, then the personality.
public final class AArch64Thread: GuestThreadState {
    public let cpu: AArch64CPU
    public let interpreter: AArch64Interpreter
    let personality: LinuxPersonality
    public let signalState: ThreadSignalState
    let log: DiagnosticLog

    init(cpu: AArch64CPU, personality: LinuxPersonality, signalState: ThreadSignalState, log: DiagnosticLog) {
        self.cpu = cpu
        self.personality = personality
        self.signalState = signalState
        self.log = log
        interpreter = AArch64Interpreter(cpu: cpu)
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
    func run() -> Never {
        let x = cpu.x
        let hostThread = interpreter.thread
        while true {
            switch interpreter.runGuarded() {
            case .syscall:
                var request = SyscallRequest(number: Int(x[8]), arguments: (x[0], x[1], x[2], x[3], x[4], x[5]))
                personality.handle(&request, thread: self)
                switch request.completion {
                case .returnValue: x[0] = UInt64(bitPattern: request.result)
                case .registersSet: break
                case .restart: cpu.pc &-= 4
                }
                if ferry_interrupt_requested(hostThread) != 0 {
                    let interrupted = request.completion == .returnValue && request.result == -Int64(EINTR)
                    _ = personality.deliverPendingSignals(self, state: signalState, interruptedSyscall: interrupted ? request : nil)
                }
            case .interrupt:
                _ = personality.deliverPendingSignals(self, state: signalState)
            case let .fault(fault):
                let signal = personality.signalNumbers.guest(fault.signal)
                personality.deliverFault(self, state: signalState, signal: signal, code: fault.code,
                                         address: fault.address, fault: fault)
            case let .signal(number, code, address):
                if number == SIGILL, let word = GuestMemory.readValue(address, as: UInt32.self), word >> 16 != 0 {
                    // Not UDF: an instruction Ferry does not implement.
                    log.write("ferry: unimplemented instruction 0x\(String(word, radix: 16, uppercase: false)) at pc 0x\(String(address, radix: 16)): \(Disassembler.aarch64.describe(word: word, address: address))")
                }
                personality.deliverFault(self, state: signalState, signal: personality.signalNumbers.guest(number), code: code,
                                         address: address, fault: nil)
            }
        }
    }
}
