import CFerryHost
import Glibc

/// Runs a RISC-V 64 guest from the block cache until a syscall, a trap or an interrupt.
/// The stop contract is AArch64Interpreter's: `.syscall` leaves pc past the ECALL, `.signal` and
/// `.fault` leave it at the instruction, `.interrupt` happens only between blocks.
public final class RISCV64Interpreter {
    public let cpu: RISCV64CPU
    let cache = RISCV64BlockCache()
    /// This host thread's signal and fault state (the interpreter runs on the thread that made it).
    let thread: UnsafeMutablePointer<ferry_thread_state>
    private var guardedStop: CPUStop = .interrupt
    /// Operands and intermediates of the single-precision fused multiply-add.
    let fmaScratch: UnsafeMutablePointer<Double>

    public init(cpu: RISCV64CPU) {
        self.cpu = cpu
        thread = ferry_current_thread()
        fmaScratch = .allocate(capacity: 8)
        fmaScratch.initialize(repeating: 0, count: 8)
    }

    deinit { fmaScratch.deallocate() }

    /// Runs until a stop, turning a host fault in guest code into `.fault` with `cpu.pc` at the
    /// faulting instruction.
    public func runGuarded() -> CPUStop {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let faulted = ferry_run_guarded({ context in
            let interpreter = Unmanaged<RISCV64Interpreter>.fromOpaque(context!).takeUnretainedValue()
            interpreter.guardedStop = interpreter.run()
        }, context)
        if faulted == 0 { return guardedStop }
        let t = thread.pointee
        cpu.pc = t.guest_pc
        cpu.reservationAddress = nil
        return .fault(HostFault(signal: t.fault_signo, code: t.fault_code, address: t.fault_address,
                                isWrite: t.fault_error & 2 != 0))
    }

    public func invalidateCode() { cache.invalidateAll() }

    static let illegalOpcode: Int32 = 1   // ILL_ILLOPC
    static let breakpoint: Int32 = 1      // TRAP_BRKPT
    static let misalignedAddress: Int32 = 1  // BUS_ADRALN

    public func run() -> CPUStop {
        let x = cpu.x
        var pc = cpu.pc
        defer { cpu.pc = pc }
        let thread = self.thread
        blockChain: while true {
            if ferry_interrupt_requested(thread) != 0 { return .interrupt }
            ferry_note_guest_pc(thread, pc, 0)  // the instruction fetch may fault
            let block = cache.block(at: pc)
            let base = block.pointee.pc
            var op = block.pointee.ops
            let end = op + block.pointee.count
            var next = block.pointee.endPC
            while op < end {
                switch op.pointee.kind {
                case .movImm:
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: op.pointee.imm)
                case .aluImm:
                    x[Int(op.pointee.rd)] = Self.alu(op.pointee.sub, x[Int(op.pointee.rs1)], UInt64(bitPattern: op.pointee.imm))
                case .alu:
                    x[Int(op.pointee.rd)] = Self.alu(op.pointee.sub, x[Int(op.pointee.rs1)], x[Int(op.pointee.rs2)])
                case .aluImmW:
                    x[Int(op.pointee.rd)] = Self.aluW(op.pointee.sub, x[Int(op.pointee.rs1)], UInt64(bitPattern: op.pointee.imm))
                case .aluW:
                    x[Int(op.pointee.rd)] = Self.aluW(op.pointee.sub, x[Int(op.pointee.rs1)], x[Int(op.pointee.rs2)])
                case .load:
                    let address = x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    let p = rvHostPointer(address)
                    let value: UInt64
                    switch op.pointee.sub {
                    case 0: value = UInt64(bitPattern: Int64(p.load(as: Int8.self)))
                    case 1: value = UInt64(bitPattern: Int64(p.loadUnaligned(as: Int16.self)))
                    case 2: value = UInt64(bitPattern: Int64(p.loadUnaligned(as: Int32.self)))
                    case 3: value = p.loadUnaligned(as: UInt64.self)
                    case 4: value = UInt64(p.load(as: UInt8.self))
                    case 5: value = UInt64(p.loadUnaligned(as: UInt16.self))
                    default: value = UInt64(p.loadUnaligned(as: UInt32.self))
                    }
                    x[Int(op.pointee.rd)] = value
                case .store:
                    let address = x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    let p = rvHostPointer(address), value = x[Int(op.pointee.rs2)]
                    switch op.pointee.sub {
                    case 0: p.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
                    case 1: p.storeBytes(of: UInt16(truncatingIfNeeded: value), as: UInt16.self)
                    case 2: p.storeBytes(of: UInt32(truncatingIfNeeded: value), as: UInt32.self)
                    default: p.storeBytes(of: value, as: UInt64.self)
                    }
                case .branch:
                    let a = x[Int(op.pointee.rs1)], b = x[Int(op.pointee.rs2)]
                    let taken: Bool
                    switch op.pointee.sub {
                    case 0: taken = a == b
                    case 1: taken = a != b
                    case 4: taken = Int64(bitPattern: a) < Int64(bitPattern: b)
                    case 5: taken = Int64(bitPattern: a) >= Int64(bitPattern: b)
                    case 6: taken = a < b
                    default: taken = a >= b
                    }
                    if taken { next = UInt64(bitPattern: op.pointee.imm) }
                case .jal:
                    x[Int(op.pointee.rd)] = next
                    next = UInt64(bitPattern: op.pointee.imm)
                case .jalr:
                    let target = (x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)) & ~1
                    x[Int(op.pointee.rd)] = next
                    next = target
                case .fence:
                    ferry_full_fence()
                case .fenceI:
                    // The block is not touched again: drop every translation and continue after it.
                    pc = next
                    cache.invalidateAll()
                    continue blockChain
                case .ecall:
                    pc = next
                    return .syscall
                case .ebreak:
                    pc = base &+ UInt64(op.pointee.offset)
                    return .signal(number: SIGTRAP, code: Self.breakpoint, address: pc)
                case .illegal:
                    pc = base &+ UInt64(op.pointee.offset)
                    return .signal(number: SIGILL, code: Self.illegalOpcode, address: pc)
                case .csr:
                    guard executeCSR(op.pointee) else {
                        pc = base &+ UInt64(op.pointee.offset)
                        return .signal(number: SIGILL, code: Self.illegalOpcode, address: pc)
                    }
                case .lr, .sc, .amo:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    guard executeAtomic(op.pointee) else {
                        pc = base &+ UInt64(op.pointee.offset)
                        return .signal(number: SIGBUS, code: Self.misalignedAddress, address: x[Int(op.pointee.rs1)])
                    }
                case .fload:
                    let address = x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    let p = rvHostPointer(address)
                    cpu.f[Int(op.pointee.rd)] = op.pointee.size == 2
                        ? RVFloat.box(p.loadUnaligned(as: UInt32.self)) : p.loadUnaligned(as: UInt64.self)
                case .fstore:
                    let address = x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    let p = rvHostPointer(address), value = cpu.f[Int(op.pointee.rs2)]
                    if op.pointee.size == 2 {
                        p.storeBytes(of: UInt32(truncatingIfNeeded: value), as: UInt32.self)
                    } else {
                        p.storeBytes(of: value, as: UInt64.self)
                    }
                case .fma, .fp:
                    guard executeFloat(op.pointee) else {
                        pc = base &+ UInt64(op.pointee.offset)
                        return .signal(number: SIGILL, code: Self.illegalOpcode, address: pc)
                    }
                }
                op += 1
            }
            pc = next
        }
    }

    @inline(__always) static func signExtend32(_ v: UInt64) -> UInt64 {
        UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v)))
    }

    @inline(__always) static func alu(_ sub: UInt8, _ a: UInt64, _ b: UInt64) -> UInt64 {
        let sa = Int64(bitPattern: a), sb = Int64(bitPattern: b)
        switch sub {
        case RVAlu.add: return a &+ b
        case RVAlu.sub: return a &- b
        case RVAlu.sll: return a &<< b
        case RVAlu.slt: return sa < sb ? 1 : 0
        case RVAlu.sltu: return a < b ? 1 : 0
        case RVAlu.xor: return a ^ b
        case RVAlu.srl: return a &>> b
        case RVAlu.sra: return UInt64(bitPattern: sa &>> sb)
        case RVAlu.or: return a | b
        case RVAlu.and: return a & b
        case RVAlu.mul: return a &* b
        case RVAlu.mulh: return UInt64(bitPattern: sa.multipliedFullWidth(by: sb).high)
        case RVAlu.mulhsu:
            // Signed times unsigned: the unsigned high half, less b when a is negative.
            let high = a.multipliedFullWidth(by: b).high
            return sa < 0 ? high &- b : high
        case RVAlu.mulhu: return a.multipliedFullWidth(by: b).high
        case RVAlu.div:
            if b == 0 { return .max }
            if sa == .min && sb == -1 { return a }
            return UInt64(bitPattern: sa / sb)
        case RVAlu.divu: return b == 0 ? .max : a / b
        case RVAlu.rem:
            if b == 0 { return a }
            if sa == .min && sb == -1 { return 0 }
            return UInt64(bitPattern: sa % sb)
        default: return b == 0 ? a : a % b
        }
    }

    @inline(__always) static func aluW(_ sub: UInt8, _ a64: UInt64, _ b64: UInt64) -> UInt64 {
        let a = UInt32(truncatingIfNeeded: a64), b = UInt32(truncatingIfNeeded: b64)
        let sa = Int32(bitPattern: a), sb = Int32(bitPattern: b)
        let r: UInt32
        switch sub {
        case RVAlu.add: r = a &+ b
        case RVAlu.sub: r = a &- b
        case RVAlu.sll: r = a &<< b
        case RVAlu.srl: r = a &>> b
        case RVAlu.sra: r = UInt32(bitPattern: sa &>> sb)
        case RVAlu.mul: r = a &* b
        case RVAlu.div: r = b == 0 ? .max : (sa == .min && sb == -1 ? a : UInt32(bitPattern: sa / sb))
        case RVAlu.divu: r = b == 0 ? .max : a / b
        case RVAlu.rem: r = b == 0 ? a : (sa == .min && sb == -1 ? 0 : UInt32(bitPattern: sa % sb))
        default: r = b == 0 ? a : a % b
        }
        return UInt64(bitPattern: Int64(Int32(bitPattern: r)))
    }

    // MARK: CSRs

    static let csrFflags: Int64 = 0x001, csrFrm: Int64 = 0x002, csrFcsr: Int64 = 0x003
    static let csrCycle: Int64 = 0xC00, csrTime: Int64 = 0xC01, csrInstret: Int64 = 0xC02

    static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// CSRRW/S/C and their immediate forms on the user-level CSRs; false for an unknown CSR or a
    /// write to a read-only one (SIGILL, as the kernel reports the illegal-instruction trap).
    private func executeCSR(_ op: RVDecodedOp) -> Bool {
        let immediateForm = op.sub >= 5
        let source = immediateForm ? UInt64(op.rs1) : cpu.x[Int(op.rs1)]
        let kind = op.sub & 3  // 1 write, 2 set, 3 clear
        // CSRRS/CSRRC with x0 (or a zero immediate) read without writing.
        let writes = kind == 1 || op.rs1 != 0
        let old: UInt64
        switch op.imm {
        case Self.csrFflags: old = cpu.fflags
        case Self.csrFrm: old = cpu.frm
        case Self.csrFcsr: old = cpu.fcsr
        case Self.csrCycle, Self.csrTime, Self.csrInstret:
            // The counters are read-only; time counts CLOCK_MONOTONIC nanoseconds, and so do the
            // cycle and retired-instruction counters (user mode cannot tell them apart).
            if writes { return false }
            cpu.x[Int(op.rd)] = Self.monotonicNanoseconds()
            return true
        default: return false
        }
        if writes {
            let new: UInt64
            switch kind {
            case 1: new = source
            case 2: new = old | source
            default: new = old & ~source
            }
            switch op.imm {
            case Self.csrFflags: cpu.fflags = new & 0x1F
            case Self.csrFrm: cpu.frm = new & 7
            default: cpu.fcsr = new & 0xFF
            }
        }
        cpu.x[Int(op.rd)] = old
        return true
    }

    // MARK: A extension

    /// LR, SC and AMOs; false for a misaligned address (the kernel does not emulate those).
    private func executeAtomic(_ op: RVDecodedOp) -> Bool {
        let x = cpu.x
        let address = x[Int(op.rs1)]
        let isWord = op.size == 2
        if address & (isWord ? 3 : 7) != 0 { return false }
        let p = rvHostPointer(address)
        switch op.kind {
        case .lr:
            let value = isWord ? UInt64(p.load(as: UInt32.self)) : p.load(as: UInt64.self)
            cpu.reservationAddress = address
            cpu.reservationValue = value
            x[Int(op.rd)] = isWord ? Self.signExtend32(value) : value
        case .sc:
            var success = false
            if cpu.reservationAddress == address {
                if isWord {
                    var expected = UInt32(truncatingIfNeeded: cpu.reservationValue)
                    success = ferry_cas32(p, &expected, UInt32(truncatingIfNeeded: x[Int(op.rs2)])) != 0
                } else {
                    var expected = cpu.reservationValue
                    success = ferry_cas64(p, &expected, x[Int(op.rs2)]) != 0
                }
            }
            cpu.reservationAddress = nil
            x[Int(op.rd)] = success ? 0 : 1
        default:
            let operand = x[Int(op.rs2)]
            if isWord {
                var old = p.load(as: UInt32.self)
                while true {
                    let new = UInt32(truncatingIfNeeded: Self.amo(op.sub, Self.signExtend32(UInt64(old)), Self.signExtend32(operand), word: true))
                    var expected = old
                    if ferry_cas32(p, &expected, new) != 0 { break }
                    old = expected
                }
                x[Int(op.rd)] = Self.signExtend32(UInt64(old))
            } else {
                var old = p.load(as: UInt64.self)
                while true {
                    let new = Self.amo(op.sub, old, operand, word: false)
                    var expected = old
                    if ferry_cas64(p, &expected, new) != 0 { break }
                    old = expected
                }
                x[Int(op.rd)] = old
            }
        }
        return true
    }

    /// The AMO's new memory value from the old one and the operand (both sign-extended for words).
    @inline(__always) static func amo(_ funct5: UInt8, _ old: UInt64, _ operand: UInt64, word: Bool) -> UInt64 {
        let so = Int64(bitPattern: old), sp = Int64(bitPattern: operand)
        let uo = word ? old & 0xFFFF_FFFF : old, up = word ? operand & 0xFFFF_FFFF : operand
        switch funct5 {
        case 1: return operand
        case 0: return old &+ operand
        case 4: return old ^ operand
        case 12: return old & operand
        case 8: return old | operand
        case 16: return so < sp ? old : operand
        case 20: return so > sp ? old : operand
        case 24: return uo < up ? old : operand
        default: return uo > up ? old : operand
        }
    }
}
