import CFerryHost
import Glibc

/// Why the interpreter handed control back to the personality.
public enum CPUStop: Equatable {
    /// SVC #0: `pc` already points past it; the syscall number is in X8.
    case syscall
    /// A synchronous exception to deliver as a guest signal; `pc` is the faulting instruction.
    case signal(number: Int32, code: Int32, address: UInt64)
    /// A host signal was caught (or another thread asked for attention): `pc` is exact, between
    /// two blocks.
    case interrupt
    /// Guest code touched memory it may not: `pc` is the faulting instruction.
    case fault(HostFault)
}

/// A host SIGSEGV/SIGBUS/... raised by a guest instruction, as the host kernel described it.
public struct HostFault: Equatable {
    public var signal: Int32
    public var code: Int32
    public var address: UInt64
    /// Whether the access was a write (from the x86 page-fault error code).
    public var isWrite: Bool
}

/// Runs an AArch64 guest from the block cache until a syscall or a trap.
public final class AArch64Interpreter {
    public let cpu: AArch64CPU
    let cache = BlockCache<AArch64BlockTranslator>()
    /// Counter frequency advertised in CNTFRQ_EL0; CNTVCT_EL0 counts CLOCK_MONOTONIC nanoseconds.
    static let counterFrequency: UInt64 = 1_000_000_000

    /// `-d in_asm`: sees each block as it is translated.
    var blockLogger: BlockDisassemblyLogger? {
        didSet {
            let logger = blockLogger
            cache.onTranslate = logger.map { l in { l.blockTranslated(pc: $0, count: $1) } }
        }
    }

    /// This host thread's signal and fault state (the interpreter runs on the thread that made it).
    let thread: UnsafeMutablePointer<ferry_thread_state>
    private var guardedStop: CPUStop = .interrupt

    public init(cpu: AArch64CPU) {
        self.cpu = cpu
        thread = ferry_current_thread()
    }

    /// Runs until a stop, turning a host fault in guest code into `.fault` with `cpu.pc` and the
    /// flags of the faulting instruction. The unwound frames of `run()` leak at most a block.
    public func runGuarded() -> CPUStop {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let faulted = ferry_run_guarded({ context in
            let interpreter = Unmanaged<AArch64Interpreter>.fromOpaque(context!).takeUnretainedValue()
            interpreter.guardedStop = interpreter.run()
        }, context)
        if faulted == 0 { return guardedStop }
        let t = thread.pointee
        cpu.pc = t.guest_pc
        cpu.nzcv = t.guest_flags
        cpu.exclusiveAddress = nil
        return .fault(HostFault(signal: t.fault_signo, code: t.fault_code, address: t.fault_address,
                                isWrite: t.fault_error & 2 != 0))
    }

    /// Drops translated code (guest code pages changed).
    public func invalidateCode() { cache.invalidateAll() }

    public func run() -> CPUStop {
        let x = cpu.x
        let v = cpu.v
        var pc = cpu.pc
        var nzcv = cpu.nzcv
        defer { cpu.pc = pc; cpu.nzcv = nzcv }
        let thread = self.thread
        if ferry_interrupt_requested(thread) != 0 { return .interrupt }
        ferry_note_guest_pc(thread, pc, nzcv)  // an instruction fetch may fault
        var block = cache.block(at: pc)
        blockChain: while true {
            let ops = block.pointee.ops
            var op = ops  // by pointer: each case loads only the fields it uses
            var next = block.pointee.endPC
            blockLoop: while true {
                #if FERRY_OP_PROFILE
                OpProfile.aarch64.counts[Int(op.pointee.kind.rawValue)] &+= 1
                #endif
                switch op.pointee.kind {
                case .movImm:
                    x[Int(op.pointee.rd)] = op.pointee.imm
                case .movk:
                    let old = x[Int(op.pointee.rd)]
                    x[Int(op.pointee.rd)] = (old & ~op.pointee.imm2) | op.pointee.imm
                    if op.pointee.size == 0 { x[Int(op.pointee.rd)] &= 0xFFFF_FFFF }
                case .addImm:
                    let a = x[Int(op.pointee.rn)]
                    if op.pointee.flags == 0 {
                        let r = a &+ op.pointee.imm
                        x[Int(op.pointee.rd)] = op.pointee.size == 1 ? r : r & 0xFFFF_FFFF
                    } else {
                        let negate = op.pointee.flags & OpFlag.negate != 0
                        let b = negate ? ~op.pointee.imm : op.pointee.imm
                        let carry: UInt64 = negate ? 1 : 0
                        let (r, f): (UInt64, UInt64)
                        if op.pointee.size == 1 { (r, f) = A64.add64(a, b, carry) } else { (r, f) = A64.add32(a & 0xFFFF_FFFF, b & 0xFFFF_FFFF, carry) }
                        x[Int(op.pointee.rd)] = r
                        if op.pointee.flags & OpFlag.setFlags != 0 { nzcv = f }
                    }
                case .logicImm:
                    let a = x[Int(op.pointee.rn)]
                    var r: UInt64
                    switch op.pointee.sub {
                    case 0, 3: r = a & op.pointee.imm
                    case 1: r = a | op.pointee.imm
                    default: r = a ^ op.pointee.imm
                    }
                    if op.pointee.size == 0 { r &= 0xFFFF_FFFF }
                    if op.pointee.sub == 3 { nzcv = A64.logicFlags(r, is64: op.pointee.size == 1) }
                    x[Int(op.pointee.rd)] = r
                case .bitfield:
                    executeBitfield(op.pointee, x)
                case .extr:
                    let hi = x[Int(op.pointee.rn)], lo = x[Int(op.pointee.rm)], lsb = op.pointee.imm
                    if op.pointee.size == 1 {
                        x[Int(op.pointee.rd)] = lsb == 0 ? lo : (lo &>> lsb) | (hi &<< (64 &- lsb))
                    } else {
                        let concat = ((hi & 0xFFFF_FFFF) << 32) | (lo & 0xFFFF_FFFF)
                        x[Int(op.pointee.rd)] = (concat >> lsb) & 0xFFFF_FFFF
                    }
                case .addShifted, .addExtended, .addCarry:
                    let is64 = op.pointee.size == 1
                    let a = x[Int(op.pointee.rn)]
                    var b: UInt64
                    var carry: UInt64 = 0
                    if op.pointee.kind == .addShifted {
                        b = A64.shift(x[Int(op.pointee.rm)], type: op.pointee.sub, amount: op.pointee.imm, is64: is64)
                    } else if op.pointee.kind == .addExtended {
                        b = A64.extend(x[Int(op.pointee.rm)], option: op.pointee.sub, shift: op.pointee.imm)
                    } else {
                        b = x[Int(op.pointee.rm)]
                        carry = (nzcv >> 29) & 1
                    }
                    if op.pointee.flags & OpFlag.negate != 0 {
                        b = ~b
                        if op.pointee.kind != .addCarry { carry = 1 }
                    }
                    let (r, f): (UInt64, UInt64)
                    if is64 { (r, f) = A64.add64(a, b, carry) } else { (r, f) = A64.add32(a & 0xFFFF_FFFF, b & 0xFFFF_FFFF, carry) }
                    x[Int(op.pointee.rd)] = r
                    if op.pointee.flags & OpFlag.setFlags != 0 { nzcv = f }
                case .logicShifted:
                    let is64 = op.pointee.size == 1
                    var b = A64.shift(x[Int(op.pointee.rm)], type: op.pointee.ra, amount: op.pointee.imm, is64: is64)
                    if op.pointee.sub & 4 != 0 { b = ~b }
                    let a = x[Int(op.pointee.rn)]
                    var r: UInt64
                    switch op.pointee.sub & 3 {
                    case 0, 3: r = a & b
                    case 1: r = a | b
                    default: r = a ^ b
                    }
                    if !is64 { r &= 0xFFFF_FFFF }
                    if op.pointee.sub & 3 == 3 { nzcv = A64.logicFlags(r, is64: is64) }
                    x[Int(op.pointee.rd)] = r
                case .condCompare, .condCompareImm:
                    if A64.holds(mask: op.pointee.aux, nzcv) {
                        let a = x[Int(op.pointee.rn)]
                        var b = op.pointee.kind == .condCompare ? x[Int(op.pointee.rm)] : op.pointee.imm2
                        var carry: UInt64 = 0
                        if op.pointee.flags & OpFlag.negate != 0 { b = ~b; carry = 1 }
                        nzcv = op.pointee.size == 1 ? A64.add64(a, b, carry).1 : A64.add32(a & 0xFFFF_FFFF, b & 0xFFFF_FFFF, carry).1
                    } else {
                        nzcv = op.pointee.imm
                    }
                case .condSelect:
                    var r: UInt64
                    if A64.holds(mask: op.pointee.aux, nzcv) {
                        r = x[Int(op.pointee.rn)]
                    } else {
                        r = x[Int(op.pointee.rm)]
                        switch op.pointee.ra {
                        case 1: r = r &+ 1
                        case 2: r = ~r
                        case 3: r = 0 &- r
                        default: break
                        }
                    }
                    x[Int(op.pointee.rd)] = op.pointee.size == 1 ? r : r & 0xFFFF_FFFF
                case .dataProc1:
                    x[Int(op.pointee.rd)] = Self.dataProcessing1(op.pointee.sub, x[Int(op.pointee.rn)], is64: op.pointee.size == 1)
                case .dataProc2:
                    x[Int(op.pointee.rd)] = Self.dataProcessing2(op.pointee.sub, x[Int(op.pointee.rn)], x[Int(op.pointee.rm)], is64: op.pointee.size == 1)
                case .crc32:
                    let bytes = 1 << Int(op.pointee.size)
                    x[Int(op.pointee.rd)] = UInt64(A64.crc32(UInt32(truncatingIfNeeded: x[Int(op.pointee.rn)]), x[Int(op.pointee.rm)],
                                                     bytes: bytes, castagnoli: op.pointee.sub == 1))
                case .mulAdd:
                    let product = x[Int(op.pointee.rn)] &* x[Int(op.pointee.rm)]
                    let r = op.pointee.flags & OpFlag.negate != 0 ? x[Int(op.pointee.ra)] &- product : x[Int(op.pointee.ra)] &+ product
                    x[Int(op.pointee.rd)] = op.pointee.size == 1 ? r : r & 0xFFFF_FFFF
                case .mulAddLong:
                    let a = x[Int(op.pointee.rn)], b = x[Int(op.pointee.rm)]
                    let product: UInt64
                    if op.pointee.flags & OpFlag.signExtend != 0 {
                        product = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: a)) &* Int64(Int32(truncatingIfNeeded: b)))
                    } else {
                        product = (a & 0xFFFF_FFFF) &* (b & 0xFFFF_FFFF)
                    }
                    x[Int(op.pointee.rd)] = op.pointee.flags & OpFlag.negate != 0 ? x[Int(op.pointee.ra)] &- product : x[Int(op.pointee.ra)] &+ product
                case .mulHigh:
                    let a = x[Int(op.pointee.rn)], b = x[Int(op.pointee.rm)]
                    if op.pointee.flags & OpFlag.signExtend != 0 {
                        x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(bitPattern: a).multipliedFullWidth(by: Int64(bitPattern: b)).high)
                    } else {
                        x[Int(op.pointee.rd)] = a.multipliedFullWidth(by: b).high
                    }
                case .branch:
                    next = op.pointee.imm
                    break blockLoop
                case .branchLink:
                    x[30] = pc &+ Self.offset(op, ops) &+ 4
                    next = op.pointee.imm
                    break blockLoop
                case .branchCond:
                    if A64.holds(mask: op.pointee.aux, nzcv) { next = op.pointee.imm }
                    break blockLoop
                case .compareBranch:
                    let v = op.pointee.size == 1 ? x[Int(op.pointee.rn)] : x[Int(op.pointee.rn)] & 0xFFFF_FFFF
                    if (v == 0) != (op.pointee.flags & OpFlag.negate != 0) { next = op.pointee.imm }
                    break blockLoop
                case .testBranch:
                    let bit = (x[Int(op.pointee.rn)] >> op.pointee.imm2) & 1
                    if (bit == 0) != (op.pointee.flags & OpFlag.negate != 0) { next = op.pointee.imm }
                    break blockLoop
                case .branchRegister:
                    next = x[Int(op.pointee.rn)]
                    break blockLoop
                case .branchLinkRegister:
                    next = x[Int(op.pointee.rn)]
                    x[30] = pc &+ Self.offset(op, ops) &+ 4
                    break blockLoop
                case .svc:
                    pc = pc &+ Self.offset(op, ops) &+ 4
                    #if FERRY_OP_PROFILE
                    if x[8] == 93 || x[8] == 94 { OpProfile.aarch64.report() }
                    #endif
                    return .syscall
                case .trap:
                    pc = pc &+ Self.offset(op, ops)
                    if op.pointee.sub == 0 { return .signal(number: SIGTRAP, code: 1 /* TRAP_BRKPT */, address: pc) }
                    return .signal(number: SIGILL, code: 1 /* ILL_ILLOPC */, address: pc)
                case .undefined:
                    pc = pc &+ Self.offset(op, ops)
                    return .signal(number: SIGILL, code: 1, address: pc)
                case .nop, .barrier, .prefetch:
                    break
                case .clearExclusive:
                    cpu.exclusiveAddress = nil
                case .mrs:
                    guard let value = readSystemRegister(op.pointee.imm, nzcv: nzcv) else {
                        pc = pc &+ Self.offset(op, ops)
                        return .signal(number: SIGILL, code: 1, address: pc)
                    }
                    x[Int(op.pointee.rd)] = value
                case .msr:
                    if !writeSystemRegister(op.pointee.imm, x[Int(op.pointee.rn)], nzcv: &nzcv) {
                        pc = pc &+ Self.offset(op, ops)
                        return .signal(number: SIGILL, code: 1, address: pc)
                    }
                case .msrImmediate:
                    break  // PSTATE fields (PAN, UAO, DIT, SSBS, TCO) have no effect on a user-mode guest here
                case .dcZeroVA:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)] & ~UInt64(63)
                    hostPointer(base).initializeMemory(as: UInt8.self, repeating: 0, count: 64)
                case .instructionCacheInvalidate:
                    // Code may have changed: drop every block (this one too) and links, then
                    // continue at the next instruction from a fresh translation.
                    cache.invalidateAll()
                    pc = next
                    if ferry_interrupt_requested(thread) != 0 { return .interrupt }
                    ferry_note_guest_pc(thread, pc, nzcv)
                    block = cache.block(at: pc)
                    continue blockChain
                case .load:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    executeLoad(op.pointee, x)
                case .store:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    executeStore(op.pointee, x)
                case .loadRegOffset:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ A64.extend(x[Int(op.pointee.rm)], option: op.pointee.sub, shift: op.pointee.imm)
                    x[Int(op.pointee.rd)] = Self.loadValue(address, size: op.pointee.size, flags: op.pointee.flags)
                case .storeRegOffset:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ A64.extend(x[Int(op.pointee.rm)], option: op.pointee.sub, shift: op.pointee.imm)
                    Self.storeValue(address, x[Int(op.pointee.rd)], size: op.pointee.size)
                case .loadLiteral:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    x[Int(op.pointee.rd)] = Self.loadValue(op.pointee.imm, size: op.pointee.size, flags: op.pointee.flags)
                case .loadPair, .storePair:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    executePair(op.pointee, x)
                case .loadExclusive:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    if x[Int(op.pointee.rn)] & (Self.accessBytes(op.pointee, pair: op.pointee.sub == 1) &- 1) != 0 {
                        pc = pc &+ Self.offset(op, ops)
                        return .signal(number: SIGBUS, code: 1 /* BUS_ADRALN */, address: x[Int(op.pointee.rn)])
                    }
                    executeLoadExclusive(op.pointee, x)
                case .storeExclusive:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    if x[Int(op.pointee.rn)] & (Self.accessBytes(op.pointee, pair: op.pointee.sub == 1) &- 1) != 0 {
                        pc = pc &+ Self.offset(op, ops)
                        return .signal(number: SIGBUS, code: 1 /* BUS_ADRALN */, address: x[Int(op.pointee.rn)])
                    }
                    executeStoreExclusive(op.pointee, x)
                case .loadAcquire:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    if x[Int(op.pointee.rn)] & (Self.accessBytes(op.pointee, pair: false) &- 1) != 0 {
                        pc = pc &+ Self.offset(op, ops)
                        return .signal(number: SIGBUS, code: 1 /* BUS_ADRALN */, address: x[Int(op.pointee.rn)])
                    }
                    x[Int(op.pointee.rd)] = Self.loadValue(x[Int(op.pointee.rn)], size: op.pointee.size, flags: 0)
                case .storeRelease:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    if x[Int(op.pointee.rn)] & (Self.accessBytes(op.pointee, pair: false) &- 1) != 0 {
                        pc = pc &+ Self.offset(op, ops)
                        return .signal(number: SIGBUS, code: 1 /* BUS_ADRALN */, address: x[Int(op.pointee.rn)])
                    }
                    Self.storeValue(x[Int(op.pointee.rn)], x[Int(op.pointee.rd)], size: op.pointee.size)
                    ferry_full_fence()
                case .compareAndSwap:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    if x[Int(op.pointee.rn)] & (Self.accessBytes(op.pointee, pair: false) &- 1) != 0 {
                        pc = pc &+ Self.offset(op, ops)
                        return .signal(number: SIGBUS, code: 1 /* BUS_ADRALN */, address: x[Int(op.pointee.rn)])
                    }
                    executeCompareAndSwap(op.pointee, x)
                case .compareAndSwapPair:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    if x[Int(op.pointee.rn)] & (Self.accessBytes(op.pointee, pair: true) &- 1) != 0 {
                        pc = pc &+ Self.offset(op, ops)
                        return .signal(number: SIGBUS, code: 1 /* BUS_ADRALN */, address: x[Int(op.pointee.rn)])
                    }
                    executeCompareAndSwapPair(op.pointee, x)
                case .atomicMemory:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    if x[Int(op.pointee.rn)] & (Self.accessBytes(op.pointee, pair: false) &- 1) != 0 {
                        pc = pc &+ Self.offset(op, ops)
                        return .signal(number: SIGBUS, code: 1 /* BUS_ADRALN */, address: x[Int(op.pointee.rn)])
                    }
                    executeAtomic(op.pointee, x)
                case .fpsimd:
                    cpu.nzcv = nzcv
                    let here = pc &+ Self.offset(op, ops)
                    ferry_note_guest_pc(thread, here, nzcv)
                    if !cpu.executeFPSIMD(op.pointee.raw, pc: here) {
                        pc = here
                        return .signal(number: SIGILL, code: 1, address: pc)
                    }
                    nzcv = cpu.nzcv

                // Specialised kinds (see AArch64Specialiser): the same results as the generic
                // cases above for the shapes they cover.
                case .addImmFast:
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] &+ op.pointee.imm) & op.pointee.imm2
                case .subsImm64:
                    let (r, f) = A64.sub64(x[Int(op.pointee.rn)], op.pointee.imm)
                    x[Int(op.pointee.rd)] = r
                    nzcv = f
                case .subsImm32:
                    let (r, f) = A64.sub32(x[Int(op.pointee.rn)] & 0xFFFF_FFFF, op.pointee.imm)
                    x[Int(op.pointee.rd)] = r
                    nzcv = f
                case .addRegLSL:
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] &+ (x[Int(op.pointee.rm)] &<< op.pointee.imm)) & op.pointee.imm2
                case .subRegLSL:
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] &- (x[Int(op.pointee.rm)] &<< op.pointee.imm)) & op.pointee.imm2
                case .subsReg64:
                    let (r, f) = A64.sub64(x[Int(op.pointee.rn)], x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    x[Int(op.pointee.rd)] = r
                    nzcv = f
                case .subsReg32:
                    let (r, f) = A64.sub32(x[Int(op.pointee.rn)] & 0xFFFF_FFFF, (x[Int(op.pointee.rm)] &<< op.pointee.imm) & 0xFFFF_FFFF)
                    x[Int(op.pointee.rd)] = r
                    nzcv = f
                case .movReg:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rm)] & op.pointee.imm2
                case .movRegPair:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rm)] & op.pointee.imm2
                    x[Int(op.pointee.ra)] = x[Int(op.pointee.rn)] & op.pointee.imm
                    op += 1  // the second move's own op
                case .andLSL:
                    let b = (x[Int(op.pointee.rm)] &<< op.pointee.imm) ^ (0 &- UInt64(op.pointee.aux))
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] & b) & op.pointee.imm2
                case .orrLSL:
                    let b = (x[Int(op.pointee.rm)] &<< op.pointee.imm) ^ (0 &- UInt64(op.pointee.aux))
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] | b) & op.pointee.imm2
                case .eorLSL:
                    let b = (x[Int(op.pointee.rm)] &<< op.pointee.imm) ^ (0 &- UInt64(op.pointee.aux))
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] ^ b) & op.pointee.imm2
                case .andsLSL:
                    let aux = op.pointee.aux
                    let b = (x[Int(op.pointee.rm)] &<< op.pointee.imm) ^ (0 &- UInt64(aux >> 8))
                    let r = (x[Int(op.pointee.rn)] & b) & op.pointee.imm2
                    x[Int(op.pointee.rd)] = r
                    nzcv = (((r >> UInt64(aux & 63)) & 1) << 31) | (r == 0 ? 1 << 30 : 0)
                case .eorLSR:
                    let mask = op.pointee.imm2
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] ^ ((x[Int(op.pointee.rm)] & mask) &>> op.pointee.imm)) & mask
                case .eorROR32:
                    let w = UInt32(truncatingIfNeeded: x[Int(op.pointee.rm)])
                    let n = UInt32(truncatingIfNeeded: op.pointee.imm)
                    let rotated = (w &>> n) | (w &<< (32 &- n))
                    x[Int(op.pointee.rd)] = UInt64(UInt32(truncatingIfNeeded: x[Int(op.pointee.rn)]) ^ rotated)
                case .eorROR64:
                    let w = x[Int(op.pointee.rm)], n = op.pointee.imm
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rn)] ^ ((w &>> n) | (w &<< (64 &- n)))
                case .andImmFast:
                    x[Int(op.pointee.rd)] = x[Int(op.pointee.rn)] & op.pointee.imm
                case .orrImmFast:
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] | op.pointee.imm) & op.pointee.imm2
                case .eorImmFast:
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] ^ op.pointee.imm) & op.pointee.imm2
                case .andsImmFast:
                    let r = x[Int(op.pointee.rn)] & op.pointee.imm
                    x[Int(op.pointee.rd)] = r
                    nzcv = (((r >> UInt64(op.pointee.aux)) & 1) << 31) | (r == 0 ? 1 << 30 : 0)
                case .ubfmFast:
                    x[Int(op.pointee.rd)] = (x[Int(op.pointee.rn)] &<< op.pointee.imm) &>> op.pointee.imm2
                case .sbfm64:
                    let shifted = Int64(bitPattern: x[Int(op.pointee.rn)] &<< op.pointee.imm)
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: shifted &>> Int64(op.pointee.imm2))
                case .sbfm32:
                    let shifted = Int64(bitPattern: x[Int(op.pointee.rn)] &<< op.pointee.imm)
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: shifted &>> Int64(op.pointee.imm2)) & 0xFFFF_FFFF
                case .ror32:
                    let w = UInt32(truncatingIfNeeded: x[Int(op.pointee.rn)])
                    let n = UInt32(truncatingIfNeeded: op.pointee.imm)
                    x[Int(op.pointee.rd)] = UInt64((w &>> n) | (w &<< (32 &- n)))
                case .ror64:
                    let w = x[Int(op.pointee.rn)], n = op.pointee.imm
                    x[Int(op.pointee.rd)] = (w &>> n) | (w &<< (64 &- n))
                case .csel:
                    let r = A64.holds(mask: op.pointee.aux, nzcv) ? x[Int(op.pointee.rn)] : x[Int(op.pointee.rm)]
                    x[Int(op.pointee.rd)] = r & op.pointee.imm2
                case .csinc:
                    let r = A64.holds(mask: op.pointee.aux, nzcv) ? x[Int(op.pointee.rn)] : x[Int(op.pointee.rm)] &+ 1
                    x[Int(op.pointee.rd)] = r & op.pointee.imm2
                case .load64:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    x[Int(op.pointee.rd)] = hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).loadUnaligned(as: UInt64.self)
                case .load32:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    x[Int(op.pointee.rd)] = UInt64(hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).loadUnaligned(as: UInt32.self))
                case .load16:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    x[Int(op.pointee.rd)] = UInt64(hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).loadUnaligned(as: UInt16.self))
                case .load8:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    x[Int(op.pointee.rd)] = UInt64(hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).load(as: UInt8.self))
                case .loadSigned32To64:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let w = hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).loadUnaligned(as: Int32.self)
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(w))
                case .store64:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).storeBytes(of: x[Int(op.pointee.rd)], as: UInt64.self)
                case .store32:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).storeBytes(of: UInt32(truncatingIfNeeded: x[Int(op.pointee.rd)]), as: UInt32.self)
                case .store16:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).storeBytes(of: UInt16(truncatingIfNeeded: x[Int(op.pointee.rd)]), as: UInt16.self)
                case .store8:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).storeBytes(of: UInt8(truncatingIfNeeded: x[Int(op.pointee.rd)]), as: UInt8.self)
                case .load64RegLSL:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ (x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    x[Int(op.pointee.rd)] = hostPointer(address).loadUnaligned(as: UInt64.self)
                case .load32RegLSL:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ (x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    x[Int(op.pointee.rd)] = UInt64(hostPointer(address).loadUnaligned(as: UInt32.self))
                case .load8RegLSL:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ (x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    x[Int(op.pointee.rd)] = UInt64(hostPointer(address).load(as: UInt8.self))
                case .load16RegLSL:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ (x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    x[Int(op.pointee.rd)] = UInt64(hostPointer(address).loadUnaligned(as: UInt16.self))
                case .store16RegLSL:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ (x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    hostPointer(address).storeBytes(of: UInt16(truncatingIfNeeded: x[Int(op.pointee.rd)]), as: UInt16.self)
                case .store8RegLSL:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ (x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    hostPointer(address).storeBytes(of: UInt8(truncatingIfNeeded: x[Int(op.pointee.rd)]), as: UInt8.self)
                case .store64RegLSL:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ (x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    hostPointer(address).storeBytes(of: x[Int(op.pointee.rd)], as: UInt64.self)
                case .store32RegLSL:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let address = x[Int(op.pointee.rn)] &+ (x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    hostPointer(address).storeBytes(of: UInt32(truncatingIfNeeded: x[Int(op.pointee.rd)]), as: UInt32.self)
                case .loadPair64:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    let p = hostPointer(base &+ op.pointee.imm)
                    let first = p.loadUnaligned(as: UInt64.self)
                    let second = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    if op.pointee.flags & OpFlag.writeBack != 0 { x[Int(op.pointee.rn)] = base &+ op.pointee.imm2 }
                    x[Int(op.pointee.rd)] = first
                    x[Int(op.pointee.ra)] = second
                case .storePair64:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    let p = hostPointer(base &+ op.pointee.imm)
                    p.storeBytes(of: x[Int(op.pointee.rd)], as: UInt64.self)
                    p.storeBytes(of: x[Int(op.pointee.ra)], toByteOffset: 8, as: UInt64.self)
                    if op.pointee.flags & OpFlag.writeBack != 0 { x[Int(op.pointee.rn)] = base &+ op.pointee.imm2 }
                case .vAnd:
                    Self.vectorBinary(op, v) { $0 & $1 }
                case .vOrr:
                    Self.vectorBinary(op, v) { $0 | $1 }
                case .vEor:
                    Self.vectorBinary(op, v) { $0 ^ $1 }
                case .vBic:
                    Self.vectorBinary(op, v) { $0 & ~$1 }
                case .vAdd:
                    let h = op.pointee.imm
                    Self.vectorBinary(op, v) { (($0 & ~h) &+ ($1 & ~h)) ^ (($0 ^ $1) & h) }
                case .vSub:
                    let h = op.pointee.imm
                    Self.vectorBinary(op, v) { (($0 | h) &- ($1 & ~h)) ^ (($0 ^ ~$1) & h) }
                case .vShl:
                    let n = op.pointee.imm, mask = op.pointee.imm2
                    Self.vectorUnary(op, v) { ($0 &<< n) & mask }
                case .vUshr:
                    let n = op.pointee.imm, mask = op.pointee.imm2
                    Self.vectorUnary(op, v) { ($0 &>> n) & mask }
                case .blockEnd:
                    break blockLoop
                case .subsImm64Branch:
                    let (r, f) = A64.sub64(x[Int(op.pointee.rn)], op.pointee.imm)
                    x[Int(op.pointee.rd)] = r
                    nzcv = f
                    if A64.holds(mask: op[1].aux, f) { next = op[1].imm }
                    break blockLoop
                case .subsImm32Branch:
                    let (r, f) = A64.sub32(x[Int(op.pointee.rn)] & 0xFFFF_FFFF, op.pointee.imm)
                    x[Int(op.pointee.rd)] = r
                    nzcv = f
                    if A64.holds(mask: op[1].aux, f) { next = op[1].imm }
                    break blockLoop
                case .subsReg64Branch:
                    let (r, f) = A64.sub64(x[Int(op.pointee.rn)], x[Int(op.pointee.rm)] &<< op.pointee.imm)
                    x[Int(op.pointee.rd)] = r
                    nzcv = f
                    if A64.holds(mask: op[1].aux, f) { next = op[1].imm }
                    break blockLoop
                case .subsReg32Branch:
                    let (r, f) = A64.sub32(x[Int(op.pointee.rn)] & 0xFFFF_FFFF, (x[Int(op.pointee.rm)] &<< op.pointee.imm) & 0xFFFF_FFFF)
                    x[Int(op.pointee.rd)] = r
                    nzcv = f
                    if A64.holds(mask: op[1].aux, f) { next = op[1].imm }
                    break blockLoop
                case .load64WB:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    let value = hostPointer(base &+ op.pointee.imm).loadUnaligned(as: UInt64.self)
                    x[Int(op.pointee.rn)] = base &+ op.pointee.imm2
                    x[Int(op.pointee.rd)] = value
                case .load32WB:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    let value = hostPointer(base &+ op.pointee.imm).loadUnaligned(as: UInt32.self)
                    x[Int(op.pointee.rn)] = base &+ op.pointee.imm2
                    x[Int(op.pointee.rd)] = UInt64(value)
                case .load8WB:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    let value = hostPointer(base &+ op.pointee.imm).load(as: UInt8.self)
                    x[Int(op.pointee.rn)] = base &+ op.pointee.imm2
                    x[Int(op.pointee.rd)] = UInt64(value)
                case .store64WB:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    hostPointer(base &+ op.pointee.imm).storeBytes(of: x[Int(op.pointee.rd)], as: UInt64.self)
                    x[Int(op.pointee.rn)] = base &+ op.pointee.imm2
                case .store32WB:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    hostPointer(base &+ op.pointee.imm).storeBytes(of: UInt32(truncatingIfNeeded: x[Int(op.pointee.rd)]), as: UInt32.self)
                    x[Int(op.pointee.rn)] = base &+ op.pointee.imm2
                case .store8WB:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    hostPointer(base &+ op.pointee.imm).storeBytes(of: UInt8(truncatingIfNeeded: x[Int(op.pointee.rd)]), as: UInt8.self)
                    x[Int(op.pointee.rn)] = base &+ op.pointee.imm2
                case .vLoadReplicate:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    var element = (UInt64(0), UInt64(0))
                    Self.vectorRead(hostPointer(base), size: op.pointee.size, &element)
                    let low = element.0 &* op.pointee.imm  // imm: a one in each lane
                    let d = v + Int(op.pointee.rd) &* 16
                    d.storeBytes(of: low, as: UInt64.self)
                    d.storeBytes(of: op.pointee.aux == 1 ? low : 0, toByteOffset: 8, as: UInt64.self)
                    if op.pointee.flags & OpFlag.writeBack != 0 { x[Int(op.pointee.rn)] = base &+ op.pointee.imm2 }
                case .vWidenShift:
                    Self.vectorWidenShift(op, v)
                case .loadSigned8:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let b = hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).load(as: Int8.self)
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(b)) & op.pointee.imm2
                case .loadSigned16:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let h = hostPointer(x[Int(op.pointee.rn)] &+ op.pointee.imm).loadUnaligned(as: Int16.self)
                    x[Int(op.pointee.rd)] = UInt64(bitPattern: Int64(h)) & op.pointee.imm2
                case .vMul32, .vMla32, .vMls32:
                    Self.vectorMultiply32(op, v)
                case .vLoad:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    Self.vectorLoad(hostPointer(base &+ op.pointee.imm), size: op.pointee.size, into: v + Int(op.pointee.rd) &* 16)
                    if op.pointee.flags & OpFlag.writeBack != 0 { x[Int(op.pointee.rn)] = base &+ op.pointee.imm2 }
                case .vStore:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)]
                    Self.vectorStore(hostPointer(base &+ op.pointee.imm), size: op.pointee.size, from: v + Int(op.pointee.rd) &* 16)
                    if op.pointee.flags & OpFlag.writeBack != 0 { x[Int(op.pointee.rn)] = base &+ op.pointee.imm2 }
                case .vLoadPair:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)], size = op.pointee.size
                    let p = hostPointer(base &+ op.pointee.imm)
                    // Both reads before either register changes, so a fault leaves them intact.
                    var first = (UInt64(0), UInt64(0)), second = (UInt64(0), UInt64(0))
                    Self.vectorRead(p, size: size, &first)
                    Self.vectorRead(p + (1 &<< Int(size)), size: size, &second)
                    (v + Int(op.pointee.rd) &* 16).storeBytes(of: first.0, as: UInt64.self)
                    (v + Int(op.pointee.rd) &* 16).storeBytes(of: first.1, toByteOffset: 8, as: UInt64.self)
                    (v + Int(op.pointee.ra) &* 16).storeBytes(of: second.0, as: UInt64.self)
                    (v + Int(op.pointee.ra) &* 16).storeBytes(of: second.1, toByteOffset: 8, as: UInt64.self)
                    if op.pointee.flags & OpFlag.writeBack != 0 { x[Int(op.pointee.rn)] = base &+ op.pointee.imm2 }
                case .vStorePair:
                    ferry_note_guest_pc(thread, pc &+ Self.offset(op, ops), nzcv)
                    let base = x[Int(op.pointee.rn)], size = op.pointee.size
                    let p = hostPointer(base &+ op.pointee.imm)
                    Self.vectorStore(p, size: size, from: v + Int(op.pointee.rd) &* 16)
                    Self.vectorStore(p + (1 &<< Int(size)), size: size, from: v + Int(op.pointee.ra) &* 16)
                    if op.pointee.flags & OpFlag.writeBack != 0 { x[Int(op.pointee.rn)] = base &+ op.pointee.imm2 }
                }
                op += 1
            }
            pc = next
            // Every block boundary, chained or not, is a point where signals get in.
            if ferry_interrupt_requested(thread) != 0 { return .interrupt }
            if let next = cache.linked(from: block, at: pc) {
                block = next
            } else {
                ferry_note_guest_pc(thread, pc, nzcv)  // an instruction fetch may fault
                block = cache.link(from: block, to: pc)
            }
        }
    }

    // MARK: - Helpers kept out of the main switch

    /// Byte offset of `op`'s instruction from the block start (ops are 32 bytes, instructions 4).
    @inline(__always) static func offset(_ op: UnsafeMutablePointer<DecodedOp>, _ ops: UnsafeMutablePointer<DecodedOp>) -> UInt64 {
        UInt64(truncatingIfNeeded: (Int(bitPattern: op) &- Int(bitPattern: ops)) &>> 3)
    }

    /// A lane-wise AdvSIMD operation done on each 64-bit half; a 64-bit form zeroes the top half.
    @inline(__always) static func vectorBinary(_ op: UnsafeMutablePointer<DecodedOp>, _ v: UnsafeMutableRawPointer,
                                               _ f: (UInt64, UInt64) -> UInt64) {
        let a = v + Int(op.pointee.rn) &* 16, b = v + Int(op.pointee.rm) &* 16, d = v + Int(op.pointee.rd) &* 16
        let low = f(a.load(as: UInt64.self), b.load(as: UInt64.self))
        let high = op.pointee.size == 1 ? f(a.load(fromByteOffset: 8, as: UInt64.self), b.load(fromByteOffset: 8, as: UInt64.self)) : 0
        d.storeBytes(of: low, as: UInt64.self)
        d.storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
    }

    @inline(__always) static func vectorUnary(_ op: UnsafeMutablePointer<DecodedOp>, _ v: UnsafeMutableRawPointer,
                                              _ f: (UInt64) -> UInt64) {
        let a = v + Int(op.pointee.rn) &* 16, d = v + Int(op.pointee.rd) &* 16
        let low = f(a.load(as: UInt64.self))
        let high = op.pointee.size == 1 ? f(a.load(fromByteOffset: 8, as: UInt64.self)) : 0
        d.storeBytes(of: low, as: UInt64.self)
        d.storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
    }

    /// USHLL, SSHLL, SHLL and their "2" forms, 32 source bits at a time: the lanes are spread
    /// apart to twice their width by shifts and masks, sign bits filled by a multiply, then
    /// everything shifted at once (imm2 clears what crossed into the next lane).
    @inline(__always) static func vectorWidenShift(_ op: UnsafeMutablePointer<DecodedOp>, _ v: UnsafeMutableRawPointer) {
        let source = (v + Int(op.pointee.rn) &* 16).load(fromByteOffset: op.pointee.size == 1 ? 8 : 0, as: UInt64.self)
        let esize = UInt64(op.pointee.aux), shift = op.pointee.imm, mask = op.pointee.imm2, signed = op.pointee.sub == 1
        @inline(__always) func widen(_ word: UInt64) -> UInt64 {
            var t = word
            if esize == 8 {
                t = (t | (t << 16)) & 0x0000_FFFF_0000_FFFF
                t = (t | (t << 8)) & 0x00FF_00FF_00FF_00FF
            } else if esize == 16 {
                t = (t | (t << 16)) & 0x0000_FFFF_0000_FFFF
            }
            if signed {
                let signs = (t >> (esize &- 1)) & AArch64Specialiser.laneOnes(esize)
                t |= signs &* (~UInt64(0) << esize & (esize == 32 ? ~0 : (1 << (2 &* esize)) &- 1))
            }
            return (t &<< shift) & mask
        }
        let d = v + Int(op.pointee.rd) &* 16
        d.storeBytes(of: widen(source & 0xFFFF_FFFF), as: UInt64.self)
        d.storeBytes(of: widen(source >> 32), toByteOffset: 8, as: UInt64.self)
    }

    /// MUL, MLA, MLS on 32-bit lanes.
    @inline(__always) static func vectorMultiply32(_ op: UnsafeMutablePointer<DecodedOp>, _ v: UnsafeMutableRawPointer) {
        let a = v + Int(op.pointee.rn) &* 16, b = v + Int(op.pointee.rm) &* 16, d = v + Int(op.pointee.rd) &* 16
        let lanes = op.pointee.size == 1 ? 4 : 2
        let kind = op.pointee.kind
        var result = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &result) { out in
            for lane in 0..<lanes {
                let offset = lane &* 4
                let product = a.load(fromByteOffset: offset, as: UInt32.self) &* b.load(fromByteOffset: offset, as: UInt32.self)
                let old = d.load(fromByteOffset: offset, as: UInt32.self)
                let value = kind == .vMul32 ? product : (kind == .vMla32 ? old &+ product : old &- product)
                out.storeBytes(of: value, toByteOffset: offset, as: UInt32.self)
            }
        }
        d.storeBytes(of: result.0, as: UInt64.self)
        d.storeBytes(of: result.1, toByteOffset: 8, as: UInt64.self)
    }

    /// Reads 1 << size bytes (size 0-4) zero-extended to 128 bits.
    @inline(__always) static func vectorRead(_ p: UnsafeMutableRawPointer, size: UInt8, _ out: inout (UInt64, UInt64)) {
        switch size {
        case 0: out = (UInt64(p.load(as: UInt8.self)), 0)
        case 1: out = (UInt64(p.loadUnaligned(as: UInt16.self)), 0)
        case 2: out = (UInt64(p.loadUnaligned(as: UInt32.self)), 0)
        case 3: out = (p.loadUnaligned(as: UInt64.self), 0)
        default: out = (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// SIMD&FP register load: the low 1 << size bytes, the rest of the register zeroed.
    @inline(__always) static func vectorLoad(_ p: UnsafeMutableRawPointer, size: UInt8, into d: UnsafeMutableRawPointer) {
        var value = (UInt64(0), UInt64(0))
        vectorRead(p, size: size, &value)
        d.storeBytes(of: value.0, as: UInt64.self)
        d.storeBytes(of: value.1, toByteOffset: 8, as: UInt64.self)
    }

    @inline(__always) static func vectorStore(_ p: UnsafeMutableRawPointer, size: UInt8, from s: UnsafeMutableRawPointer) {
        switch size {
        case 0: p.storeBytes(of: s.load(as: UInt8.self), as: UInt8.self)
        case 1: p.storeBytes(of: s.load(as: UInt16.self), as: UInt16.self)
        case 2: p.storeBytes(of: s.load(as: UInt32.self), as: UInt32.self)
        case 3: p.storeBytes(of: s.load(as: UInt64.self), as: UInt64.self)
        default:
            p.storeBytes(of: s.load(as: UInt64.self), as: UInt64.self)
            p.storeBytes(of: s.load(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        }
    }

    @inline(__always) private func executeBitfield(_ op: DecodedOp, _ x: UnsafeMutablePointer<UInt64>) {
        let is64 = op.size == 1
        let width: UInt64 = is64 ? 64 : 32
        let mask: UInt64 = is64 ? ~0 : 0xFFFF_FFFF
        let src = x[Int(op.rn)] & mask
        let r = UInt64(op.ra), s = UInt64(op.rm)
        let rotated = r == 0 ? src : ((src >> r) | (src << (width - r))) & mask
        let wmask = op.imm, tmask = op.imm2
        let dst: UInt64 = op.sub == 1 ? x[Int(op.rd)] & mask : 0
        let bottom = (dst & ~wmask) | (rotated & wmask)
        let top: UInt64
        if op.sub == 0 { top = (src >> s) & 1 == 1 ? mask : 0 } else { top = dst }
        x[Int(op.rd)] = ((top & ~tmask) | (bottom & tmask)) & mask
    }

    static func dataProcessing1(_ sub: UInt8, _ value: UInt64, is64: Bool) -> UInt64 {
        if is64 {
            switch sub {
            case 0: return A64.reverseBits(value)
            case 1: // REV16: swap bytes in each halfword
                return ((value & 0x00FF_00FF_00FF_00FF) << 8) | ((value >> 8) & 0x00FF_00FF_00FF_00FF)
            case 2: // REV32: swap bytes in each word
                let w0 = UInt32(truncatingIfNeeded: value).byteSwapped, w1 = UInt32(truncatingIfNeeded: value >> 32).byteSwapped
                return UInt64(w0) | (UInt64(w1) << 32)
            case 3: return value.byteSwapped
            case 4: return UInt64(value.leadingZeroBitCount)
            default:
                let sign = value >> 63
                return UInt64((value ^ (0 &- sign)).leadingZeroBitCount &- 1)
            }
        }
        let w = UInt32(truncatingIfNeeded: value)
        switch sub {
        case 0: return A64.reverseBits(UInt64(w)) >> 32
        case 1: return UInt64(((w & 0x00FF_00FF) << 8) | ((w >> 8) & 0x00FF_00FF))
        case 3: return UInt64(w.byteSwapped)
        case 4: return UInt64(w.leadingZeroBitCount)
        default:
            let sign = w >> 31
            return UInt64((w ^ (0 &- sign)).leadingZeroBitCount &- 1)
        }
    }

    static func dataProcessing2(_ sub: UInt8, _ a: UInt64, _ b: UInt64, is64: Bool) -> UInt64 {
        if is64 {
            switch sub {
            case 0: return b == 0 ? 0 : a / b
            case 1:
                let sa = Int64(bitPattern: a), sb = Int64(bitPattern: b)
                if sb == 0 { return 0 }
                if sa == Int64.min && sb == -1 { return a }
                return UInt64(bitPattern: sa / sb)
            default: return A64.shift(a, type: sub - 2, amount: b & 63, is64: true)
            }
        }
        let wa = UInt32(truncatingIfNeeded: a), wb = UInt32(truncatingIfNeeded: b)
        switch sub {
        case 0: return wb == 0 ? 0 : UInt64(wa / wb)
        case 1:
            let sa = Int32(bitPattern: wa), sb = Int32(bitPattern: wb)
            if sb == 0 { return 0 }
            if sa == Int32.min && sb == -1 { return UInt64(wa) }
            return UInt64(UInt32(bitPattern: sa / sb))
        default: return A64.shift(UInt64(wa), type: sub - 2, amount: b & 31, is64: false)
        }
    }

    @inline(__always) static func loadValue(_ address: UInt64, size: UInt8, flags: UInt8) -> UInt64 {
        let p = hostPointer(address)
        var v: UInt64
        switch size {
        case 0: v = UInt64(p.load(as: UInt8.self))
        case 1: v = UInt64(p.loadUnaligned(as: UInt16.self))
        case 2: v = UInt64(p.loadUnaligned(as: UInt32.self))
        default: return p.loadUnaligned(as: UInt64.self)
        }
        if flags & OpFlag.signExtend != 0 {
            v = A64.signExtend(v, fromBits: 8 << UInt64(size))
            if flags & OpFlag.to32 != 0 { v &= 0xFFFF_FFFF }
        }
        return v
    }

    @inline(__always) static func storeValue(_ address: UInt64, _ value: UInt64, size: UInt8) {
        let p = hostPointer(address)
        switch size {
        case 0: p.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
        case 1: p.storeBytes(of: UInt16(truncatingIfNeeded: value), as: UInt16.self)
        case 2: p.storeBytes(of: UInt32(truncatingIfNeeded: value), as: UInt32.self)
        default: p.storeBytes(of: value, as: UInt64.self)
        }
    }

    @inline(__always) private func executeLoad(_ op: DecodedOp, _ x: UnsafeMutablePointer<UInt64>) {
        let base = x[Int(op.rn)]
        let address = op.flags & OpFlag.postIndex != 0 ? base : base &+ op.imm
        let value = Self.loadValue(address, size: op.size, flags: op.flags)
        if op.flags & OpFlag.writeBack != 0 { x[Int(op.rn)] = base &+ op.imm }
        x[Int(op.rd)] = value
    }

    @inline(__always) private func executeStore(_ op: DecodedOp, _ x: UnsafeMutablePointer<UInt64>) {
        let base = x[Int(op.rn)]
        let address = op.flags & OpFlag.postIndex != 0 ? base : base &+ op.imm
        Self.storeValue(address, x[Int(op.rd)], size: op.size)
        if op.flags & OpFlag.writeBack != 0 { x[Int(op.rn)] = base &+ op.imm }
    }

    @inline(__always) private func executePair(_ op: DecodedOp, _ x: UnsafeMutablePointer<UInt64>) {
        let base = x[Int(op.rn)]
        let address = op.flags & OpFlag.postIndex != 0 ? base : base &+ op.imm
        let step = UInt64(1) << UInt64(op.size)
        if op.kind == .loadPair {
            let first = Self.loadValue(address, size: op.size, flags: op.flags)
            let second = Self.loadValue(address &+ step, size: op.size, flags: op.flags)
            if op.flags & OpFlag.writeBack != 0 { x[Int(op.rn)] = base &+ op.imm }
            x[Int(op.rd)] = first
            x[Int(op.ra)] = second
        } else {
            Self.storeValue(address, x[Int(op.rd)], size: op.size)
            Self.storeValue(address &+ step, x[Int(op.ra)], size: op.size)
            if op.flags & OpFlag.writeBack != 0 { x[Int(op.rn)] = base &+ op.imm }
        }
    }

    /// Bytes an exclusive, acquire/release or atomic access covers: it must be aligned to them
    /// (an alignment fault, SIGBUS BUS_ADRALN, as on an ARMv8.0 core).
    @inline(__always) static func accessBytes(_ op: DecodedOp, pair: Bool) -> UInt64 {
        (pair ? 2 : 1) << UInt64(op.size)
    }

    private func executeLoadExclusive(_ op: DecodedOp, _ x: UnsafeMutablePointer<UInt64>) {
        let address = x[Int(op.rn)]
        if op.sub == 1 {
            let step = UInt64(1) << UInt64(op.size)
            if op.size == 3 {
                // Read both halves atomically so a later 16-byte CAS compares a consistent pair.
                var low: UInt64 = 0, high: UInt64 = 0
                _ = ferry_cas128(hostPointer(address), &low, &high, 0, 0)
                cpu.exclusiveValue = low
                cpu.exclusiveValueHigh = high
            } else {
                cpu.exclusiveValue = Self.loadValue(address, size: op.size, flags: 0)
                cpu.exclusiveValueHigh = Self.loadValue(address &+ step, size: op.size, flags: 0)
            }
            cpu.exclusiveAddress = address
            x[Int(op.rd)] = cpu.exclusiveValue
            x[Int(op.ra)] = cpu.exclusiveValueHigh
            return
        }
        let value = Self.loadValue(address, size: op.size, flags: 0)
        cpu.exclusiveAddress = address
        cpu.exclusiveValue = value
        x[Int(op.rd)] = value
    }

    private func executeStoreExclusive(_ op: DecodedOp, _ x: UnsafeMutablePointer<UInt64>) {
        let address = x[Int(op.rn)]
        // The monitor is emulated by compare-and-swap against the value the load-exclusive saw.
        guard cpu.exclusiveAddress == address else { x[Int(op.rm)] = 1; return }
        cpu.exclusiveAddress = nil
        let p = hostPointer(address)
        var ok: Int32
        if op.sub == 1 {
            if op.size == 3 {
                var low = cpu.exclusiveValue, high = cpu.exclusiveValueHigh
                ok = ferry_cas128(p, &low, &high, x[Int(op.rd)], x[Int(op.ra)])
            } else {
                var expected = (cpu.exclusiveValue & 0xFFFF_FFFF) | (cpu.exclusiveValueHigh << 32)
                ok = ferry_cas64(p, &expected, (x[Int(op.rd)] & 0xFFFF_FFFF) | (x[Int(op.ra)] << 32))
            }
        } else {
            ok = Self.compareAndSwap(p, size: op.size, expected: cpu.exclusiveValue, desired: x[Int(op.rd)]).success ? 1 : 0
        }
        x[Int(op.rm)] = ok != 0 ? 0 : 1
    }

    /// Returns the value memory held and whether the swap happened.
    @inline(__always) static func compareAndSwap(_ p: UnsafeMutableRawPointer, size: UInt8,
                                                 expected: UInt64, desired: UInt64) -> (old: UInt64, success: Bool) {
        switch size {
        case 0:
            var e = UInt8(truncatingIfNeeded: expected)
            let ok = ferry_cas8(p, &e, UInt8(truncatingIfNeeded: desired))
            return (UInt64(e), ok != 0)
        case 1:
            var e = UInt16(truncatingIfNeeded: expected)
            let ok = ferry_cas16(p, &e, UInt16(truncatingIfNeeded: desired))
            return (UInt64(e), ok != 0)
        case 2:
            var e = UInt32(truncatingIfNeeded: expected)
            let ok = ferry_cas32(p, &e, UInt32(truncatingIfNeeded: desired))
            return (UInt64(e), ok != 0)
        default:
            var e = expected
            let ok = ferry_cas64(p, &e, desired)
            return (e, ok != 0)
        }
    }

    private func executeCompareAndSwap(_ op: DecodedOp, _ x: UnsafeMutablePointer<UInt64>) {
        let p = hostPointer(x[Int(op.rn)])
        let result = Self.compareAndSwap(p, size: op.size, expected: x[Int(op.ra)], desired: x[Int(op.rd)])
        x[Int(op.rm)] = result.old
    }

    private func executeCompareAndSwapPair(_ op: DecodedOp, _ x: UnsafeMutablePointer<UInt64>) {
        let p = hostPointer(x[Int(op.rn)])
        let s = Int(op.rm), t = Int(op.rd)
        @inline(__always) func read(_ r: Int) -> UInt64 { r == 31 ? 0 : x[r] }
        @inline(__always) func write(_ r: Int, _ v: UInt64) { if r != 31 { x[r] = v } }
        if op.size == 3 {
            var low = read(s), high = read(s + 1)
            _ = ferry_cas128(p, &low, &high, read(t), read(t + 1))
            write(s, low); write(s + 1, high)
        } else {
            var expected = (read(s) & 0xFFFF_FFFF) | (read(s + 1) << 32)
            _ = ferry_cas64(p, &expected, (read(t) & 0xFFFF_FFFF) | (read(t + 1) << 32))
            write(s, expected & 0xFFFF_FFFF); write(s + 1, expected >> 32)
        }
    }

    private func executeAtomic(_ op: DecodedOp, _ x: UnsafeMutablePointer<UInt64>) {
        let p = hostPointer(x[Int(op.rn)])
        let bits = UInt64(8) << UInt64(op.size)
        let mask: UInt64 = op.size == 3 ? ~0 : (1 << bits) - 1
        let operand = x[Int(op.rm)] & mask
        var old = Self.loadValue(x[Int(op.rn)], size: op.size, flags: 0)
        while true {
            let new: UInt64
            switch op.sub {
            case 0: new = (old &+ operand) & mask
            case 1: new = old & ~operand
            case 2: new = old ^ operand
            case 3: new = old | operand
            case 4, 5:
                let a = Int64(bitPattern: A64.signExtend(old, fromBits: bits))
                let b = Int64(bitPattern: A64.signExtend(operand, fromBits: bits))
                new = (op.sub == 4 ? (a > b ? old : operand) : (a < b ? old : operand))
            case 6: new = old > operand ? old : operand
            case 7: new = old < operand ? old : operand
            default: new = operand
            }
            let result = Self.compareAndSwap(p, size: op.size, expected: old, desired: new)
            if result.success { break }
            old = result.old
        }
        x[Int(op.rd)] = old
    }

    // MARK: - System registers

    static func systemRegisterID(op0: UInt64, op1: UInt64, crn: UInt64, crm: UInt64, op2: UInt64) -> UInt64 {
        (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2
    }

    static let tpidrEL0 = systemRegisterID(op0: 3, op1: 3, crn: 13, crm: 0, op2: 2)
    static let tpidrroEL0 = systemRegisterID(op0: 3, op1: 3, crn: 13, crm: 0, op2: 3)
    static let fpcrID = systemRegisterID(op0: 3, op1: 3, crn: 4, crm: 4, op2: 0)
    static let fpsrID = systemRegisterID(op0: 3, op1: 3, crn: 4, crm: 4, op2: 1)
    static let nzcvID = systemRegisterID(op0: 3, op1: 3, crn: 4, crm: 2, op2: 0)
    static let ctrEL0 = systemRegisterID(op0: 3, op1: 3, crn: 0, crm: 0, op2: 1)
    static let dczidEL0 = systemRegisterID(op0: 3, op1: 3, crn: 0, crm: 0, op2: 7)
    static let midrEL1 = systemRegisterID(op0: 3, op1: 0, crn: 0, crm: 0, op2: 0)
    static let mpidrEL1 = systemRegisterID(op0: 3, op1: 0, crn: 0, crm: 0, op2: 5)
    static let cntvctEL0 = systemRegisterID(op0: 3, op1: 3, crn: 14, crm: 0, op2: 2)
    static let cntfrqEL0 = systemRegisterID(op0: 3, op1: 3, crn: 14, crm: 0, op2: 0)

    /// Cache type: 64-byte I and D lines, as common Cortex-A cores report.
    static let cacheTypeValue: UInt64 = 0x8444_C004
    /// DC ZVA zeroes 2^4 words = 64 bytes; DZP clear because DC ZVA is implemented.
    static let dczidValue: UInt64 = 4
    /// An Arm Cortex-A72-like main ID (r0p3).
    static let mainIDValue: UInt64 = 0x410F_D083

    private func readSystemRegister(_ id: UInt64, nzcv: UInt64) -> UInt64? {
        switch id {
        case Self.tpidrEL0: return cpu.tpidr
        case Self.tpidrroEL0: return 0
        case Self.fpcrID: return cpu.fpcr
        case Self.fpsrID: return cpu.fpsr
        case Self.nzcvID: return nzcv
        case Self.ctrEL0: return Self.cacheTypeValue
        case Self.dczidEL0: return Self.dczidValue
        case Self.midrEL1: return Self.mainIDValue
        case Self.mpidrEL1: return 0x8000_0000
        case Self.cntfrqEL0: return Self.counterFrequency
        case Self.cntvctEL0:
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
        default: return nil
        }
    }

    private func writeSystemRegister(_ id: UInt64, _ value: UInt64, nzcv: inout UInt64) -> Bool {
        switch id {
        case Self.tpidrEL0: cpu.tpidr = value
        case Self.fpcrID: cpu.fpcr = value & 0x07FF_FF00
        case Self.fpsrID: cpu.fpsr = value & 0xF800_009F
        case Self.nzcvID: nzcv = value & 0xF000_0000
        default: return false
        }
        return true
    }
}
