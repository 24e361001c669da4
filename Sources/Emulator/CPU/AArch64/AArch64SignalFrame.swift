import FerryABI
import Glibc

/// The AArch64 rt_sigframe, laid out as the kernel lays it: siginfo, then the ucontext whose
/// mcontext holds x0-x30, sp, pc, pstate and a record area (fpsimd_context, esr_context for
/// faults, a zero terminator); a frame record {x29, x30} sits above it. Offsets come from the
/// generated layouts.
struct AArch64SignalFrameLayout {
    let infoSize: Int
    let ucontext: Int
    let frameSize: Int
    let ucStackSP, ucStackFlags, ucStackSize, ucSigmask: Int
    let faultAddress, regs, sp, pc, pstate, reserved: Int
    let fpsimdSize, fpsimdFPSR, fpsimdFPCR, fpsimdVregs: Int
    let esrSize, esrValue: Int

    /// Record magics of the frame's record area (generated from asm/sigcontext.h).
    let fpsimdMagic: UInt32
    let esrMagic: UInt32

    static let shared = AArch64SignalFrameLayout()

    private init() {
        func layout(_ name: String) -> StructLayout {
            guard let l = ABILayouts.layout(name, for: .aarch64) else { fatalError("generated layout \(name) missing for aarch64") }
            return l
        }
        let info = layout("siginfo"), uc = layout("ucontext"), fp = layout("fpsimd_context"), esr = layout("esr_context")
        func offset(_ l: StructLayout, _ field: String) -> Int {
            guard let f = l.field(field) else { fatalError("generated layout \(l.name) lacks \(field)") }
            return f.offset
        }
        infoSize = info.size
        ucontext = (info.size + uc.alignment - 1) / uc.alignment * uc.alignment
        frameSize = ucontext + uc.size
        ucStackSP = ucontext + offset(uc, "uc_stack.ss_sp")
        ucStackFlags = ucontext + offset(uc, "uc_stack.ss_flags")
        ucStackSize = ucontext + offset(uc, "uc_stack.ss_size")
        ucSigmask = ucontext + offset(uc, "uc_sigmask.sig")
        faultAddress = ucontext + offset(uc, "uc_mcontext.fault_address")
        regs = ucontext + offset(uc, "uc_mcontext.regs")
        sp = ucontext + offset(uc, "uc_mcontext.sp")
        pc = ucontext + offset(uc, "uc_mcontext.pc")
        pstate = ucontext + offset(uc, "uc_mcontext.pstate")
        reserved = ucontext + offset(uc, "uc_mcontext.__reserved")
        fpsimdSize = fp.size
        fpsimdFPSR = offset(fp, "fpsr"); fpsimdFPCR = offset(fp, "fpcr"); fpsimdVregs = offset(fp, "vregs")
        esrSize = esr.size
        esrValue = offset(esr, "esr")
        let constants = ABIConstants.forArchitecture(.aarch64)
        guard let fpsimd = constants.value("FPSIMD_MAGIC"), let esrMagicValue = constants.value("ESR_MAGIC") else {
            fatalError("generated constants lack FPSIMD_MAGIC/ESR_MAGIC for aarch64")
        }
        fpsimdMagic = UInt32(fpsimd)
        esrMagic = UInt32(esrMagicValue)
    }
}

extension AArch64Thread {
    public func enterSignalHandler(_ request: SignalFrameRequest) -> Bool {
        let l = AArch64SignalFrameLayout.shared
        let x = cpu.x
        let frameRecord = (request.stackTop &- 16) & ~15
        let frame = (frameRecord &- UInt64(l.frameSize)) & ~15
        let total = Int(frameRecord &+ 16 &- frame)
        guard frame < request.stackTop, frame > 4096 else { return false }
        var bytes = [UInt8](repeating: 0, count: total)
        let ok = bytes.withUnsafeMutableBytes { b -> Bool in
            var info = request.info
            withUnsafeBytes(of: &info) { b.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: min(l.infoSize, $0.count)) }
            b.storeBytes(of: request.altStack.base, toByteOffset: l.ucStackSP, as: UInt64.self)
            b.storeBytes(of: Int32(truncatingIfNeeded: request.altStack.flags), toByteOffset: l.ucStackFlags, as: Int32.self)
            b.storeBytes(of: request.altStack.size, toByteOffset: l.ucStackSize, as: UInt64.self)
            b.storeBytes(of: request.savedMask, toByteOffset: l.ucSigmask, as: UInt64.self)
            for i in 0..<31 { b.storeBytes(of: x[i], toByteOffset: l.regs + 8 * i, as: UInt64.self) }
            b.storeBytes(of: x[AArch64CPU.stackPointerSlot], toByteOffset: l.sp, as: UInt64.self)
            b.storeBytes(of: cpu.pc, toByteOffset: l.pc, as: UInt64.self)
            b.storeBytes(of: cpu.nzcv, toByteOffset: l.pstate, as: UInt64.self)
            var record = l.reserved
            b.storeBytes(of: l.fpsimdMagic, toByteOffset: record, as: UInt32.self)
            b.storeBytes(of: UInt32(l.fpsimdSize), toByteOffset: record + 4, as: UInt32.self)
            b.storeBytes(of: UInt32(truncatingIfNeeded: cpu.fpsr), toByteOffset: record + l.fpsimdFPSR, as: UInt32.self)
            b.storeBytes(of: UInt32(truncatingIfNeeded: cpu.fpcr), toByteOffset: record + l.fpsimdFPCR, as: UInt32.self)
            (b.baseAddress! + record + l.fpsimdVregs).copyMemory(from: cpu.v, byteCount: 32 * 16)
            record += l.fpsimdSize
            if let fault = request.fault {
                b.storeBytes(of: fault.address, toByteOffset: l.faultAddress, as: UInt64.self)
                b.storeBytes(of: l.esrMagic, toByteOffset: record, as: UInt32.self)
                b.storeBytes(of: UInt32(l.esrSize), toByteOffset: record + 4, as: UInt32.self)
                b.storeBytes(of: Self.dataAbortSyndrome(fault), toByteOffset: record + l.esrValue, as: UInt64.self)
            }
            // The frame record links the handler's frame chain to the interrupted code.
            b.storeBytes(of: x[29], toByteOffset: Int(frameRecord &- frame), as: UInt64.self)
            b.storeBytes(of: x[30], toByteOffset: Int(frameRecord &- frame) + 8, as: UInt64.self)
            return GuestMemory.write(frame, from: b.baseAddress!, count: total)
        }
        guard ok else { return false }
        x[0] = UInt64(request.signal)
        x[1] = frame
        x[2] = frame &+ UInt64(l.ucontext)
        x[29] = frameRecord
        x[30] = request.returnAddress
        x[AArch64CPU.stackPointerSlot] = frame
        cpu.pc = request.action.handler
        return true
    }

    /// ESR_EL1 for a data abort from EL0 (EC 0x24, IL set), WnR for writes, and a level-3
    /// translation or permission fault status as the kernel reports it.
    static func dataAbortSyndrome(_ fault: HostFault) -> UInt64 {
        let status: UInt64 = fault.code == 2 /* SEGV_ACCERR */ ? 0x0F : 0x07
        return (0x24 << 26) | (1 << 25) | (fault.isWrite ? 1 << 6 : 0) | status
    }

    public func returnFromSignalHandler() -> SavedSignalContext? {
        let l = AArch64SignalFrameLayout.shared
        let x = cpu.x
        let frame = x[AArch64CPU.stackPointerSlot]
        guard frame & 15 == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: l.frameSize)
        let read = bytes.withUnsafeMutableBytes { GuestMemory.read(frame, count: l.frameSize, into: $0.baseAddress!) }
        guard read else { return nil }
        return bytes.withUnsafeBytes { b -> SavedSignalContext? in
            for i in 0..<31 { x[i] = b.load(fromByteOffset: l.regs + 8 * i, as: UInt64.self) }
            x[AArch64CPU.stackPointerSlot] = b.load(fromByteOffset: l.sp, as: UInt64.self)
            cpu.pc = b.load(fromByteOffset: l.pc, as: UInt64.self)
            cpu.nzcv = b.load(fromByteOffset: l.pstate, as: UInt64.self) & 0xF000_0000
            var record = l.reserved
            while record + 8 <= l.frameSize {
                let magic = b.load(fromByteOffset: record, as: UInt32.self)
                let size = Int(b.load(fromByteOffset: record + 4, as: UInt32.self))
                if magic == 0 || size < 8 || record + size > l.frameSize { break }
                if magic == l.fpsimdMagic {
                    cpu.fpsr = UInt64(b.load(fromByteOffset: record + l.fpsimdFPSR, as: UInt32.self))
                    cpu.fpcr = UInt64(b.load(fromByteOffset: record + l.fpsimdFPCR, as: UInt32.self))
                    cpu.v.copyMemory(from: b.baseAddress! + record + l.fpsimdVregs, byteCount: 32 * 16)
                }
                record += size
            }
            cpu.exclusiveAddress = nil
            return SavedSignalContext(mask: b.load(fromByteOffset: l.ucSigmask, as: UInt64.self),
                                      altStack: (b.load(fromByteOffset: l.ucStackSP, as: UInt64.self),
                                                 Int64(b.load(fromByteOffset: l.ucStackFlags, as: Int32.self)),
                                                 b.load(fromByteOffset: l.ucStackSize, as: UInt64.self)))
        }
    }

    public func prepareSyscallRestart(firstArgument: UInt64) {
        cpu.x[0] = firstArgument
        cpu.pc &-= 4
    }

    /// `mov x8, #rt_sigreturn; svc #0`: where a handler without SA_RESTORER returns (the kernel
    /// uses the vDSO's copy).
    static func sigreturnTrampoline(rtSigreturn: Int) -> [UInt32] {
        [0xD280_0000 | (UInt32(rtSigreturn) << 5) | 8, 0xD400_0001]
    }
}
