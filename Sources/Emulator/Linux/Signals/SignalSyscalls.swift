import CFerryHost
import FerryABI
import Glibc

extension LinuxPersonality {
    func guestSignal(_ value: UInt64) -> Int32? {
        value >= 1 && value <= 64 ? Int32(value) : nil
    }

    func rtSigaction(_ r: SyscallRequest) -> Int64 {
        let newAction = r[1], oldAction = r[2]
        let layout = sigactionLayout
        guard r[3] == UInt64(layout.maskBytes), let signal = guestSignal(r[0]) else { return -Int64(EINVAL) }
        let c = signalConstants
        if newAction != 0 && (signal == c.kill || signal == c.stop) { return -Int64(EINVAL) }
        var new: GuestSignalAction?
        if newAction != 0 {
            var bytes = [UInt8](repeating: 0, count: layout.size)
            guard bytes.withUnsafeMutableBytes({ GuestMemory.read(newAction, count: layout.size, into: $0.baseAddress!) }) else {
                return -Int64(EFAULT)
            }
            new = bytes.withUnsafeBytes { layout.decode($0) }
        }
        let old = signalAction(signal)
        if oldAction != 0 {
            var bytes = [UInt8](repeating: 0, count: layout.size)
            bytes.withUnsafeMutableBytes { layout.encode(old, into: $0) }
            guard bytes.withUnsafeBytes({ GuestMemory.write(oldAction, from: $0.baseAddress!, count: layout.size) }) else {
                return -Int64(EFAULT)
            }
        }
        if var action = new {
            action.mask &= ~c.unblockable
            dispositions.setAction(signal, action)
            let host = signalNumbers.host(signal)
            // Handlers are caught on the host and delivered by the run loop; default and ignore
            // take effect on the host itself, so the kernel applies them with no emulator step.
            let status = signal == c.chld ? setHostChildSignalAction(action)
                : action.handler > 1 ? ferry_catch_signal(host) : ferry_release_signal(host, UInt(action.handler))
            if status != 0 { return Int64(status) }
        }
        return 0
    }

    func rtSigprocmask(_ r: SyscallRequest, thread: GuestThreadState) -> Int64 {
        let how = r[0], newSet = r[1], oldSet = r[2]
        guard r[3] == 8 else { return -Int64(EINVAL) }
        let state = thread.task
        let c = signalConstants
        var requested: GuestSignalSet = 0
        if newSet != 0 {
            guard how == c.block || how == c.unblock || how == c.setMask else { return -Int64(EINVAL) }
            guard withUnsafeMutableBytes(of: &requested, { GuestMemory.read(newSet, count: 8, into: $0.baseAddress!) }) else {
                return -Int64(EFAULT)
            }
        }
        if oldSet != 0 {
            guard withUnsafeBytes(of: state.mask, { GuestMemory.write(oldSet, from: $0.baseAddress!, count: 8) }) else {
                return -Int64(EFAULT)
            }
        }
        if newSet != 0 {
            switch how {
            case c.block: state.mask |= requested
            case c.unblock: state.mask &= ~requested
            default: state.mask = requested
            }
            state.mask &= ~c.unblockable
            applyHostMask(state)
        }
        return 0
    }

    func rtSigreturn(_ r: inout SyscallRequest, thread: GuestThreadState) {
        guard let saved = thread.returnFromSignalHandler() else {
            Emulation.dieOfSignal(signalNumbers.host(signalConstants.segv))
        }
        let state = thread.task
        state.mask = saved.mask & ~signalConstants.unblockable
        if !state.isOnAltStack(thread.stackPointer) {
            state.altStackBase = saved.altStack.base
            state.altStackSize = saved.altStack.size
            state.altStackFlags = saved.altStack.flags & ~signalConstants.ssOnStack
        }
        applyHostMask(state)
        r.completion = .registersSet
    }

    func sigaltstack(_ r: SyscallRequest, thread: GuestThreadState) -> Int64 {
        let state = thread.task
        let c = signalConstants
        let newStack = r[0], oldStack = r[1]
        let sp = thread.stackPointer
        let onStack = state.isOnAltStack(sp)
        if oldStack != 0 {
            var flags: Int64 = state.altStackFlags & c.ssAutoDisarm
            if state.altStackSize == 0 || state.altStackFlags & c.ssDisable != 0 { flags = c.ssDisable } else if onStack { flags |= c.ssOnStack }
            var bytes = (state.altStackBase, UInt64(UInt32(truncatingIfNeeded: flags)), state.altStackSize)
            guard withUnsafeMutableBytes(of: &bytes, { GuestMemory.write(oldStack, from: $0.baseAddress!, count: 24) }) else {
                return -Int64(EFAULT)
            }
        }
        guard newStack != 0 else { return 0 }
        var bytes = (UInt64(0), UInt64(0), UInt64(0))
        guard withUnsafeMutableBytes(of: &bytes, { GuestMemory.read(newStack, count: 24, into: $0.baseAddress!) }) else {
            return -Int64(EFAULT)
        }
        if onStack { return -Int64(EPERM) }
        let flags = Int64(Int32(truncatingIfNeeded: bytes.1))
        let mode = flags & ~c.ssAutoDisarm
        guard mode == 0 || mode == c.ssDisable || mode == c.ssOnStack else { return -Int64(EINVAL) }
        if mode == c.ssDisable {
            state.altStackBase = 0; state.altStackSize = 0; state.altStackFlags = c.ssDisable
            return 0
        }
        guard bytes.2 >= c.minimumStackSize else { return -Int64(ENOMEM) }
        state.altStackBase = bytes.0
        state.altStackSize = bytes.2
        state.altStackFlags = flags & c.ssAutoDisarm
        return 0
    }

    func rtSigsuspend(_ r: inout SyscallRequest, thread: GuestThreadState) -> Int64 {
        guard r[1] == 8 else { return -Int64(EINVAL) }
        var temporary: GuestSignalSet = 0
        guard withUnsafeMutableBytes(of: &temporary, { GuestMemory.read(r[0], count: 8, into: $0.baseAddress!) }) else {
            return -Int64(EFAULT)
        }
        let state = thread.task
        let original = state.mask
        state.mask = temporary & ~signalConstants.unblockable
        var host = signalNumbers.hostSet(state.mask)
        let result = withUnsafeMutableBytes(of: &host) {
            ferry_safe_syscall(ferry_current_thread(), HostSyscall.table.number(of: .rt_sigsuspend)!, Int(bitPattern: $0.baseAddress), 8, 0, 0, 0, 0)
        }
        // The handler runs with the temporary mask's view; its frame restores the original.
        state.maskForNextFrame = original
        _ = result
        if ferry_interrupt_requested(ferry_current_thread()) == 0 {
            state.mask = original
            state.maskForNextFrame = nil
            applyHostMask(state)
        }
        return -Int64(EINTR)
    }

    func rtSigpending(_ r: SyscallRequest, thread: GuestThreadState) -> Int64 {
        guard r[1] == 8 else { return -Int64(EINVAL) }
        var host: UInt64 = 0
        let status = withUnsafeMutableBytes(of: &host) { HostSyscall.call(.rt_sigpending, UInt64(UInt(bitPattern: $0.baseAddress)), 8) }
        if status < 0 { return status }
        var set = signalNumbers.guestSet(host)
        for pending in thread.task.deferred { set |= .of(pending.signal) }
        guard withUnsafeBytes(of: set, { GuestMemory.write(r[0], from: $0.baseAddress!, count: 8) }) else { return -Int64(EFAULT) }
        return 0
    }
}

/// The guest's kernel struct sigaction from the generated layout: field order and widths differ
/// (riscv64 has no sa_restorer; MIPS puts sa_flags first and has a 128-bit mask).
struct SigactionLayout {
    let size: Int
    let handler: FieldLayout, flags: FieldLayout, restorer: FieldLayout?, mask: FieldLayout
    let bigEndian: Bool
    var maskBytes: Int { mask.byteCount }

    init(architecture: Architecture) {
        guard let l = ABILayouts.layout("sigaction", for: architecture), let handler = l.field("sa_handler"),
              let flags = l.field("sa_flags"), let mask = l.field("sa_mask.sig") else {
            fatalError("generated sigaction layout missing for \(architecture)")
        }
        size = l.size
        self.handler = handler
        self.flags = flags
        restorer = l.field("sa_restorer")
        self.mask = mask
        bigEndian = architecture.isBigEndian
    }

    private func load(_ f: FieldLayout, element: Int = 0, _ b: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<f.size {
            let byte = UInt64(b[f.offset + element * f.size + i])
            value |= bigEndian ? byte << UInt64(8 * (f.size - 1 - i)) : byte << UInt64(8 * i)
        }
        return value
    }

    private func store(_ value: UInt64, _ f: FieldLayout, element: Int = 0, _ b: UnsafeMutableRawBufferPointer) {
        for i in 0..<f.size {
            let shift = bigEndian ? 8 * (f.size - 1 - i) : 8 * i
            b[f.offset + element * f.size + i] = UInt8(truncatingIfNeeded: value >> UInt64(shift))
        }
    }

    /// The mask's first 64 signals: words of the mask in order, lowest signals first.
    func decode(_ b: UnsafeRawBufferPointer) -> GuestSignalAction {
        var mask: UInt64 = 0
        let words = min(mask.bitWidth / (8 * self.mask.size), self.mask.count)
        for w in 0..<words { mask |= load(self.mask, element: w, b) << UInt64(w * 8 * self.mask.size) }
        return GuestSignalAction(handler: load(handler, b), flags: load(flags, b),
                                 restorer: restorer.map { load($0, b) } ?? 0, mask: mask)
    }

    func encode(_ action: GuestSignalAction, into b: UnsafeMutableRawBufferPointer) {
        store(action.handler, handler, b)
        store(action.flags, flags, b)
        if let restorer { store(action.restorer, restorer, b) }
        let words = min(64 / (8 * mask.size), mask.count)
        for w in 0..<words { store(action.mask >> UInt64(w * 8 * mask.size), mask, element: w, b) }
    }
}
