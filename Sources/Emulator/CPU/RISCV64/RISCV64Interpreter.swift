import CFerryHost
import Glibc

/// Runs a RISC-V 64 guest from the block cache until a syscall, a trap or an interrupt.
/// The stop contract is AArch64Interpreter's: `.syscall` leaves pc past the ECALL, `.signal` and
/// `.fault` leave it at the instruction, `.interrupt` happens only between blocks.
public final class RISCV64Interpreter {
    public let cpu: RISCV64CPU
    let cache = BlockCache<RISCV64BlockTranslator>()
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

    /// Runs blocks, following links between them. Every block boundary, chained or not, checks
    /// the interrupt flag (a guest spinning in `j .` still sees signals); every op that can fault
    /// notes its exact pc first.
    public func run() -> CPUStop {
        let x = cpu.x
        var pc = cpu.pc
        defer { cpu.pc = pc }
        let thread = self.thread
        if ferry_interrupt_requested(thread) != 0 { return .interrupt }
        ferry_note_guest_pc(thread, pc, 0)  // the instruction fetch may fault
        var block = cache.block(at: pc)
        blockChain: while true {
            let base = block.pointee.pc
            var op = block.pointee.ops
            var next = block.pointee.endPC
            blockLoop: while true {
                #if FERRY_OP_PROFILE
                OpProfile.riscv64.counts[Int(op.pointee.kind.rawValue)] &+= 1
                #endif
                switch op.pointee.kind {
                case .addi:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)
                case .add:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &+ x[Int(op.pointee.rs2)]
                case .addiw:
                    x[Int(op.pointee.rd)] = Self.signExtend32(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                case .addw:
                    x[Int(op.pointee.rd)] = Self.signExtend32(x[Int(op.pointee.rs1)] &+ x[Int(op.pointee.rs2)])
                case .ld:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    x[Int(op.pointee.rd)] = rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .loadUnaligned(as: UInt64.self)
                case .sd:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .storeBytes(of: x[Int(op.pointee.rs2)], as: UInt64.self)
                case .lw:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .loadUnaligned(as: Int32.self)))
                case .sw:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .storeBytes(of: UInt32(truncatingIfNeeded: x[Int(op.pointee.rs2)]), as: UInt32.self)
                case .bne:
                    if x[Int(op.pointee.rs1)] != x[Int(op.pointee.rs2)] { next = UInt64(bitPattern: op.pointee.imm) }
                    break blockLoop
                case .beq:
                    if x[Int(op.pointee.rs1)] == x[Int(op.pointee.rs2)] { next = UInt64(bitPattern: op.pointee.imm) }
                    break blockLoop
                case .blt:
                    if Int64(bitPattern: x[Int(op.pointee.rs1)]) < Int64(bitPattern: x[Int(op.pointee.rs2)]) {
                        next = UInt64(bitPattern: op.pointee.imm)
                    }
                    break blockLoop
                case .bge:
                    if Int64(bitPattern: x[Int(op.pointee.rs1)]) >= Int64(bitPattern: x[Int(op.pointee.rs2)]) {
                        next = UInt64(bitPattern: op.pointee.imm)
                    }
                    break blockLoop
                case .bltu:
                    if x[Int(op.pointee.rs1)] < x[Int(op.pointee.rs2)] { next = UInt64(bitPattern: op.pointee.imm) }
                    break blockLoop
                case .bgeu:
                    if x[Int(op.pointee.rs1)] >= x[Int(op.pointee.rs2)] { next = UInt64(bitPattern: op.pointee.imm) }
                    break blockLoop
                case .blockEnd:
                    break blockLoop
                case .rotateRightWord:
                    let v = UInt32(truncatingIfNeeded: x[Int(op.pointee.rs1)]), k = UInt32(truncatingIfNeeded: op.pointee.imm)
                    let low = Self.signExtend32(UInt64(v &>> k)), high = Self.signExtend32(UInt64(v &<< (32 &- k)))
                    x[Int(op.pointee.rs2)] = low
                    x[Int(op.pointee.rs3)] = high
                    x[Int(op.pointee.rd)] = low | high
                case .rotateRight:
                    let v = x[Int(op.pointee.rs1)], k = UInt64(bitPattern: op.pointee.imm)
                    let low = v &>> k, high = v &<< (64 &- k)
                    x[Int(op.pointee.rs2)] = low
                    x[Int(op.pointee.rs3)] = high
                    x[Int(op.pointee.rd)] = low | high
                case .movePair:
                    let first = x[Int(op.pointee.rs1)]
                    x[Int(op.pointee.rd)] = op.pointee.sub & 1 != 0 ? Self.signExtend32(first) : first
                    let second = x[Int(op.pointee.rs3)]
                    x[Int(op.pointee.rs2)] = op.pointee.sub & 2 != 0 ? Self.signExtend32(second) : second
                case .addiBne:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)
                    if x[Int(op[1].rs1)] != x[Int(op[1].rs2)] { next = UInt64(bitPattern: op[1].imm) }
                    break blockLoop
                case .addiBeq:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)
                    if x[Int(op[1].rs1)] == x[Int(op[1].rs2)] { next = UInt64(bitPattern: op[1].imm) }
                    break blockLoop
                case .addiBranch:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)
                    if Self.branchTaken(op[1].sub, x[Int(op[1].rs1)], x[Int(op[1].rs2)]) { next = UInt64(bitPattern: op[1].imm) }
                    break blockLoop
                case .movImm:
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: op.pointee.imm)
                case .andi:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] & UInt64(bitPattern: op.pointee.imm)
                case .ori:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] | UInt64(bitPattern: op.pointee.imm)
                case .xori:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] ^ UInt64(bitPattern: op.pointee.imm)
                case .slli:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &<< UInt64(bitPattern: op.pointee.imm)
                case .srli:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &>> UInt64(bitPattern: op.pointee.imm)
                case .srai:
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(bitPattern: x[Int(op.pointee.rs1)]) &>> op.pointee.imm)
                case .slti:
                    x[Int(op.pointee.rd)] = Int64(bitPattern: x[Int(op.pointee.rs1)]) < op.pointee.imm ? 1 : 0
                case .sltiu:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] < UInt64(bitPattern: op.pointee.imm) ? 1 : 0
                case .slliw:
                    x[Int(op.pointee.rd)] = Self.signExtend32(x[Int(op.pointee.rs1)] &<< UInt64(bitPattern: op.pointee.imm))
                case .srliw:
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: x[Int(op.pointee.rs1)]) &>> UInt32(truncatingIfNeeded: op.pointee.imm))))
                case .sraiw:
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: x[Int(op.pointee.rs1)]) &>> Int32(truncatingIfNeeded: op.pointee.imm)))
                case .sub:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &- x[Int(op.pointee.rs2)]
                case .and:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] & x[Int(op.pointee.rs2)]
                case .or:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] | x[Int(op.pointee.rs2)]
                case .xor:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] ^ x[Int(op.pointee.rs2)]
                case .sll:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &<< x[Int(op.pointee.rs2)]
                case .srl:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &>> x[Int(op.pointee.rs2)]
                case .sra:
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(bitPattern: x[Int(op.pointee.rs1)]) &>> Int64(bitPattern: x[Int(op.pointee.rs2)]))
                case .slt:
                    x[Int(op.pointee.rd)] = Int64(bitPattern: x[Int(op.pointee.rs1)]) < Int64(bitPattern: x[Int(op.pointee.rs2)]) ? 1 : 0
                case .sltu:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] < x[Int(op.pointee.rs2)] ? 1 : 0
                case .mul:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rs1)] &* x[Int(op.pointee.rs2)]
                case .subw:
                    x[Int(op.pointee.rd)] = Self.signExtend32(x[Int(op.pointee.rs1)] &- x[Int(op.pointee.rs2)])
                case .sllw:
                    x[Int(op.pointee.rd)] = Self.signExtend32(UInt64(UInt32(truncatingIfNeeded: x[Int(op.pointee.rs1)]) &<< UInt32(truncatingIfNeeded: x[Int(op.pointee.rs2)])))
                case .srlw:
                    x[Int(op.pointee.rd)] = Self.signExtend32(UInt64(UInt32(truncatingIfNeeded: x[Int(op.pointee.rs1)]) &>> UInt32(truncatingIfNeeded: x[Int(op.pointee.rs2)])))
                case .sraw:
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: x[Int(op.pointee.rs1)]) &>> Int32(truncatingIfNeeded: x[Int(op.pointee.rs2)])))
                case .mulw:
                    x[Int(op.pointee.rd)] = Self.signExtend32(x[Int(op.pointee.rs1)] &* x[Int(op.pointee.rs2)])
                case .shiftAdd:
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rs1)] &<< UInt64(bitPattern: op.pointee.imm)) &+ x[Int(op.pointee.rs2)]
                case .lb:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .load(as: Int8.self)))
                case .lbu:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    x[Int(op.pointee.rd)] = UInt64(rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .load(as: UInt8.self))
                case .lh:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .loadUnaligned(as: Int16.self)))
                case .lhu:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    x[Int(op.pointee.rd)] = UInt64(rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .loadUnaligned(as: UInt16.self))
                case .lwu:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    x[Int(op.pointee.rd)] = UInt64(rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .loadUnaligned(as: UInt32.self))
                case .sb:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .storeBytes(of: UInt8(truncatingIfNeeded: x[Int(op.pointee.rs2)]), as: UInt8.self)
                case .sh:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm))
                        .storeBytes(of: UInt16(truncatingIfNeeded: x[Int(op.pointee.rs2)]), as: UInt16.self)
                case .aluImm:
                    x[Int(op.pointee.rd)] = Self.alu(op.pointee.sub, x[Int(op.pointee.rs1)], UInt64(bitPattern: op.pointee.imm))
                case .alu:
                    x[Int(op.pointee.rd)] = Self.alu(op.pointee.sub, x[Int(op.pointee.rs1)], x[Int(op.pointee.rs2)])
                case .aluImmW:
                    x[Int(op.pointee.rd)] = Self.aluW(op.pointee.sub, x[Int(op.pointee.rs1)], UInt64(bitPattern: op.pointee.imm))
                case .aluW:
                    x[Int(op.pointee.rd)] = Self.aluW(op.pointee.sub, x[Int(op.pointee.rs1)], x[Int(op.pointee.rs2)])
                case .load:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    x[Int(op.pointee.rd)] = Self.load(op.pointee.sub, rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)))
                case .store:
                    ferry_note_guest_pc(thread, base &+ UInt64(op.pointee.offset), 0)
                    Self.store(op.pointee.sub, rvHostPointer(x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)), x[Int(op.pointee.rs2)])
                case .branch:
                    if Self.branchTaken(op.pointee.sub, x[Int(op.pointee.rs1)], x[Int(op.pointee.rs2)]) {
                        next = UInt64(bitPattern: op.pointee.imm)
                    }
                    break blockLoop
                case .jal:
                    x[Int(op.pointee.rd)] = next
                    next = UInt64(bitPattern: op.pointee.imm)
                    break blockLoop
                case .jalr:
                    let target = (x[Int(op.pointee.rs1)] &+ UInt64(bitPattern: op.pointee.imm)) & ~1
                    x[Int(op.pointee.rd)] = next
                    next = target
                    break blockLoop
                case .fence:
                    ferry_full_fence()
                case .fenceI:
                    // Code may have changed: drop every block (this one too) and every link, then
                    // continue after it from a fresh translation.
                    cache.invalidateAll()
                    pc = next
                    if ferry_interrupt_requested(thread) != 0 { return .interrupt }
                    ferry_note_guest_pc(thread, pc, 0)
                    block = cache.block(at: pc)
                    continue blockChain
                case .ecall:
                    #if FERRY_OP_PROFILE
                    if x[17] == 93 || x[17] == 94 { OpProfile.riscv64.report() }
                    #endif
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
            // Every block boundary, chained or not, is a point where signals get in.
            if ferry_interrupt_requested(thread) != 0 { return .interrupt }
            if let next = cache.linked(from: block, at: pc) {
                block = next
            } else {
                ferry_note_guest_pc(thread, pc, 0)  // the instruction fetch may fault
                block = cache.link(from: block, to: pc)
            }
        }
    }

    /// The generic load: sub is funct3 (0 lb, 1 lh, 2 lw, 3 ld, 4 lbu, 5 lhu, 6 lwu).
    @inline(__always) static func load(_ sub: UInt8, _ p: UnsafeMutableRawPointer) -> UInt64 {
        switch sub {
        case 0: return UInt64(bitPattern: Int64(p.load(as: Int8.self)))
        case 1: return UInt64(bitPattern: Int64(p.loadUnaligned(as: Int16.self)))
        case 2: return UInt64(bitPattern: Int64(p.loadUnaligned(as: Int32.self)))
        case 3: return p.loadUnaligned(as: UInt64.self)
        case 4: return UInt64(p.load(as: UInt8.self))
        case 5: return UInt64(p.loadUnaligned(as: UInt16.self))
        default: return UInt64(p.loadUnaligned(as: UInt32.self))
        }
    }

    /// The generic store: sub is log2 of the width.
    @inline(__always) static func store(_ sub: UInt8, _ p: UnsafeMutableRawPointer, _ value: UInt64) {
        switch sub {
        case 0: p.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
        case 1: p.storeBytes(of: UInt16(truncatingIfNeeded: value), as: UInt16.self)
        case 2: p.storeBytes(of: UInt32(truncatingIfNeeded: value), as: UInt32.self)
        default: p.storeBytes(of: value, as: UInt64.self)
        }
    }

    /// The generic branch condition: sub is funct3.
    @inline(__always) static func branchTaken(_ sub: UInt8, _ a: UInt64, _ b: UInt64) -> Bool {
        switch sub {
        case 0: return a == b
        case 1: return a != b
        case 4: return Int64(bitPattern: a) < Int64(bitPattern: b)
        case 5: return Int64(bitPattern: a) >= Int64(bitPattern: b)
        case 6: return a < b
        default: return a >= b
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
