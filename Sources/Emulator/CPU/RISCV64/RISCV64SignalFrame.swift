import FerryABI
import Glibc

/// The riscv64 rt_sigframe as the kernel lays it: siginfo, then the ucontext whose mcontext holds
/// pc and x1-x31 (sc_regs) and the D-extension state (32 doubles and fcsr, sc_fpregs.d). Offsets
/// come from the generated layouts.
struct RISCV64SignalFrameLayout {
    let frameSize: Int
    let info: Int
    let infoSize: Int
    let ucontext: Int
    let ucStackSP, ucStackFlags, ucStackSize, ucSigmask: Int
    /// sc_regs.pc; x1-x31 follow it, 8 bytes apart, in register order.
    let regs: Int
    let fpRegs: Int
    let fcsr: Int

    static let shared = RISCV64SignalFrameLayout()

    private init() {
        guard let frame = ABILayouts.layout("rt_sigframe", for: .riscv64),
              let siginfo = ABILayouts.layout("siginfo", for: .riscv64) else {
            fatalError("generated layouts rt_sigframe/siginfo missing for riscv64")
        }
        func offset(_ field: String) -> Int {
            guard let f = frame.field(field) else { fatalError("generated layout rt_sigframe lacks \(field)") }
            return f.offset
        }
        frameSize = frame.size
        info = offset("info.si_signo")
        infoSize = siginfo.size
        ucontext = offset("uc.uc_flags")
        ucStackSP = offset("uc.uc_stack.ss_sp")
        ucStackFlags = offset("uc.uc_stack.ss_flags")
        ucStackSize = offset("uc.uc_stack.ss_size")
        ucSigmask = offset("uc.uc_sigmask.sig")
        regs = offset("uc.uc_mcontext.sc_regs.pc")
        precondition(offset("uc.uc_mcontext.sc_regs.t6") == regs + 8 * 31, "sc_regs is pc then x1-x31")
        fpRegs = offset("uc.uc_mcontext.sc_fpregs.d.f")
        fcsr = offset("uc.uc_mcontext.sc_fpregs.d.fcsr")
    }
}

extension RISCV64Thread {
    public func enterSignalHandler(_ request: SignalFrameRequest) -> Bool {
        let l = RISCV64SignalFrameLayout.shared
        let x = cpu.x
        let frame = (request.stackTop &- UInt64(l.frameSize)) & ~15
        guard frame < request.stackTop, frame > 4096 else { return false }
        var bytes = [UInt8](repeating: 0, count: l.frameSize)
        let ok = bytes.withUnsafeMutableBytes { b -> Bool in
            var info = request.info
            withUnsafeBytes(of: &info) { (b.baseAddress! + l.info).copyMemory(from: $0.baseAddress!, byteCount: min(l.infoSize, $0.count)) }
            b.storeBytes(of: request.altStack.base, toByteOffset: l.ucStackSP, as: UInt64.self)
            b.storeBytes(of: Int32(truncatingIfNeeded: request.altStack.flags), toByteOffset: l.ucStackFlags, as: Int32.self)
            b.storeBytes(of: request.altStack.size, toByteOffset: l.ucStackSize, as: UInt64.self)
            b.storeBytes(of: request.savedMask, toByteOffset: l.ucSigmask, as: UInt64.self)
            b.storeBytes(of: cpu.pc, toByteOffset: l.regs, as: UInt64.self)
            for i in 1..<32 { b.storeBytes(of: x[i], toByteOffset: l.regs + 8 * i, as: UInt64.self) }
            for i in 0..<32 { b.storeBytes(of: cpu.f[i], toByteOffset: l.fpRegs + 8 * i, as: UInt64.self) }
            b.storeBytes(of: UInt32(truncatingIfNeeded: cpu.fcsr), toByteOffset: l.fcsr, as: UInt32.self)
            return GuestMemory.write(frame, from: b.baseAddress!, count: l.frameSize)
        }
        guard ok else { return false }
        x[10] = UInt64(request.signal)
        x[11] = frame &+ UInt64(l.info)
        x[12] = frame &+ UInt64(l.ucontext)
        x[1] = request.returnAddress
        x[RISCV64CPU.stackPointerSlot] = frame
        cpu.pc = request.action.handler
        cpu.reservationAddress = nil
        return true
    }

    public func returnFromSignalHandler() -> SavedSignalContext? {
        let l = RISCV64SignalFrameLayout.shared
        let x = cpu.x
        let frame = x[RISCV64CPU.stackPointerSlot]
        var bytes = [UInt8](repeating: 0, count: l.frameSize)
        let read = bytes.withUnsafeMutableBytes { GuestMemory.read(frame, count: l.frameSize, into: $0.baseAddress!) }
        guard read else { return nil }
        return bytes.withUnsafeBytes { b -> SavedSignalContext? in
            cpu.pc = b.load(fromByteOffset: l.regs, as: UInt64.self)
            for i in 1..<32 { x[i] = b.load(fromByteOffset: l.regs + 8 * i, as: UInt64.self) }
            for i in 0..<32 { cpu.f[i] = b.load(fromByteOffset: l.fpRegs + 8 * i, as: UInt64.self) }
            cpu.fcsr = UInt64(b.load(fromByteOffset: l.fcsr, as: UInt32.self))
            cpu.reservationAddress = nil
            return SavedSignalContext(mask: b.load(fromByteOffset: l.ucSigmask, as: UInt64.self),
                                      altStack: (b.load(fromByteOffset: l.ucStackSP, as: UInt64.self),
                                                 Int64(b.load(fromByteOffset: l.ucStackFlags, as: Int32.self)),
                                                 b.load(fromByteOffset: l.ucStackSize, as: UInt64.self)))
        }
    }

    public func prepareSyscallRestart(firstArgument: UInt64) {
        cpu.x[10] = firstArgument
        cpu.pc &-= 4  // ECALL has no compressed form
    }

    /// `li a7, rt_sigreturn; ecall`: where a handler returns (the kernel uses its vDSO's copy).
    static func sigreturnTrampoline(rtSigreturn: Int) -> [UInt32] {
        [0x0000_0893 | (UInt32(rtSigreturn & 0x7FF) << 20), 0x0000_0073]
    }
}
