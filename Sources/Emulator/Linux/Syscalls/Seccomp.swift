import Glibc

/// Seccomp for the guest. Handing a mode to the host would apply it to ferry's own syscalls (strict
/// mode kills the emulator at its first mmap; a filter sees x86-64 numbers), so strict mode is
/// emulated per thread and filters are refused until Ferry runs classic BPF itself.
extension LinuxPersonality {
    private func value(_ name: String) -> UInt64 { UInt64(bitPattern: guestConstants.value(name) ?? -1) }

    func prctl(_ r: SyscallRequest, thread: GuestThreadState) -> Int64 {
        let option = r[0] & 0xFFFF_FFFF
        if option == value("PR_GET_SECCOMP") { return thread.task.seccompStrict ? Int64(value("SECCOMP_MODE_STRICT")) : 0 }
        if option == value("PR_SET_SECCOMP") {
            if r[1] == value("SECCOMP_MODE_STRICT") { return enterStrictMode(thread) }
            if r[1] == value("SECCOMP_MODE_FILTER") { return -Int64(EINVAL) }
            return -Int64(EINVAL)
        }
        return HostSyscall.call(.prctl, r[0], r[1], r[2], r[3], r[4])
    }

    func seccomp(_ r: SyscallRequest, thread: GuestThreadState) -> Int64 {
        let operation = r[0]
        if operation == value("SECCOMP_SET_MODE_STRICT") {
            guard r[1] == 0, r[2] == 0 else { return -Int64(EINVAL) }
            return enterStrictMode(thread)
        }
        if operation == value("SECCOMP_SET_MODE_FILTER") {
            if options.logUnimplemented { log.write("unsupported seccomp filter on \(architecture.rawValue)") }
            return -Int64(EINVAL)
        }
        // SECCOMP_GET_ACTION_AVAIL and SECCOMP_GET_NOTIF_SIZES only ask the kernel.
        return HostSyscall.call(.seccomp, r[0], r[1], r[2])
    }

    private func enterStrictMode(_ thread: GuestThreadState) -> Int64 {
        thread.task.seccompStrict = true
        return 0
    }

    /// In strict mode only read, write, exit and rt_sigreturn are allowed; anything else kills the
    /// process with SIGKILL, as the kernel does.
    func checkStrictMode(_ number: Int) {
        guard number >= 0, number < syscallIDs.count, let id = syscallIDs[number],
              id == .read || id == .write || id == .exit || id == .rt_sigreturn else {
            Emulation.dieOfSignal(SIGKILL)
        }
    }
}
