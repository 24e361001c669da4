import FerryABI
import Glibc

extension Architecture {
    /// Whether clone(2) takes the TLS value before the child-tid pointer (the order of every
    /// guest architecture Ferry runs; x86-64's is the other one).
    var cloneTakesTLSBeforeChildTID: Bool { self != .x86_64 && self != .i386 }
}

extension LinuxPersonality {
    private func flag(_ name: String) -> UInt64 { UInt64(bitPattern: guestConstants.value(name) ?? 0) }

    /// Process-creating clones run as host fork(); threads come with the threads work.
    func clone(_ r: SyscallRequest, thread: GuestThreadState) -> Int64 {
        let flags = r[0]
        let newStack = r[1], parentTID = r[2]
        let tls = architecture.cloneTakesTLSBeforeChildTID ? r[3] : r[4]
        let childTID = architecture.cloneTakesTLSBeforeChildTID ? r[4] : r[3]
        let vm = flag("CLONE_VM"), vfork = flag("CLONE_VFORK"), threadFlag = flag("CLONE_THREAD")
        let sighand = flag("CLONE_SIGHAND")
        // The kernel's consistency rules: threads share signal handlers, which share memory.
        if flags & threadFlag != 0 && flags & sighand == 0 { return -Int64(EINVAL) }
        if flags & sighand != 0 && flags & vm == 0 { return -Int64(EINVAL) }
        if flags & threadFlag != 0 || (flags & vm != 0 && flags & vfork == 0) {
            return cloneThread(flags: flags, stack: newStack, parentTID: parentTID, tls: tls, childTID: childTID, parent: thread)
        }
        let exitSignal = Int32(flags & 0xFF)
        let pid: Int32
        if exitSignal == signalConstants.chld {
            pid = Glibc.fork()
            if pid < 0 { return -Int64(errno) }
        } else {
            // Another exit signal (or none): a raw clone carries it, which fork() cannot. It skips
            // glibc's atfork work, acceptable for this rare form.
            let hostSignal = exitSignal == 0 ? 0 : signalNumbers.host(exitSignal)
            if exitSignal != 0 && hostSignal == 0 { return -Int64(EINVAL) }
            let result = HostSyscall.call(.clone, UInt64(hostSignal), 0, 0, 0, 0)
            if result < 0 { return result }
            pid = Int32(result)
        }
        if pid == 0 {
            threads.forkedChild(keeping: thread)
            let tid = UInt32(HostSyscall.call(.gettid))
            if flags & flag("CLONE_CHILD_SETTID") != 0 {
                withUnsafeBytes(of: tid) { _ = GuestMemory.write(childTID, from: $0.baseAddress!, count: 4) }
            }
            if flags & flag("CLONE_CHILD_CLEARTID") != 0 { _ = HostSyscall.call(.set_tid_address, childTID) }
            if newStack != 0 { thread.stackPointer = newStack }
            if flags & flag("CLONE_SETTLS") != 0 { thread.threadPointer = tls }
            return 0
        }
        if flags & flag("CLONE_PARENT_SETTID") != 0 {
            withUnsafeBytes(of: UInt32(pid)) { _ = GuestMemory.write(parentTID, from: $0.baseAddress!, count: 4) }
        }
        return Int64(pid)
    }

    static let elfMachines: [Architecture: UInt16] = [.aarch64: 183, .riscv64: 243, .mips: 8, .arm: 40, .x86_64: 62, .i386: 3]

    /// execve: a program for this guest architecture re-executes ferry on it (no binfmt_misc
    /// needed); anything else (host programs, scripts for host interpreters) goes to the host.
    func execve(_ r: SyscallRequest) -> Int64 {
        guard var path = GuestMemory.string(at: r[0]) else { return -Int64(EFAULT) }
        // /proc/self/exe is the emulator on the host; to the guest it is its own program.
        if namesOwnExecutable(path) { path = executablePath }
        guard let argv = GuestMemory.stringArray(at: r[1]), let envp = GuestMemory.stringArray(at: r[2]) else {
            return -Int64(EFAULT)
        }
        guard let head = HostFile.readPrefix(path: path, count: 256) else { return -Int64(errno) }
        if access(path, X_OK) != 0 { return -Int64(errno) }
        var program = path
        var arguments = argv
        if head.starts(with: [0x23, 0x21]) {  // "#!"
            let line = head.dropFirst(2).prefix { $0 != 0x0A }
            let words = String(decoding: line, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let interpreter = words.first else { return -Int64(ENOEXEC) }
            guard let interpreterHead = HostFile.readPrefix(path: interpreter, count: 64) else { return -Int64(errno) }
            if isGuestELF(interpreterHead) {
                program = interpreter
                arguments = [interpreter] + (words.count > 1 ? [words.dropFirst().joined(separator: " ")] : []) + [path] + argv.dropFirst()
            } else {
                return hostExecve(path, argv, envp)
            }
        } else if !isGuestELF(head) {
            return hostExecve(path, argv, envp)
        }
        let argv0 = arguments.first ?? program
        let emulatorArguments = [options.emulatorPath] + options.emulatorArguments + ["-0", argv0, program] + arguments.dropFirst()
        return hostExecve(options.emulatorPath, emulatorArguments, envp)
    }

    private func isGuestELF(_ head: [UInt8]) -> Bool {
        guard head.count >= 20, head.starts(with: [0x7F, 0x45, 0x4C, 0x46]) else { return false }
        let machine = head[5] == 2 ? UInt16(head[18]) << 8 | UInt16(head[19]) : UInt16(head[18]) | UInt16(head[19]) << 8
        return machine == Self.elfMachines[architecture]
    }

    private func hostExecve(_ path: String, _ argv: [String], _ envp: [String]) -> Int64 {
        func cStrings(_ list: [String]) -> [UnsafeMutablePointer<CChar>?] { list.map { strdup($0) } + [nil] }
        let cArgv = cStrings(argv), cEnvp = cStrings(envp)
        defer { (cArgv + cEnvp).forEach { free($0) } }
        let result = path.withCString { p in
            cArgv.withUnsafeBufferPointer { a in
                cEnvp.withUnsafeBufferPointer { e in
                    HostSyscall.call(.execve, UInt64(UInt(bitPattern: p)), UInt64(UInt(bitPattern: a.baseAddress)),
                                     UInt64(UInt(bitPattern: e.baseAddress)))
                }
            }
        }
        return result
    }

    /// rseq registration, checked as the kernel checks it. The host kernel cannot maintain a guest
    /// area (it never runs guest code), so cpu_id is filled in at registration.
    func rseq(_ r: SyscallRequest, thread: GuestThreadState) -> Int64 {
        let task = thread.task
        let area = r[0], length = UInt32(truncatingIfNeeded: r[1]), flags = UInt32(truncatingIfNeeded: r[2])
        if flags & 1 != 0 {  // RSEQ_FLAG_UNREGISTER
            guard task.rseqArea != 0, area == task.rseqArea else { return -Int64(EINVAL) }
            guard length == task.rseqLength else { return -Int64(EINVAL) }
            task.rseqArea = 0
            return 0
        }
        guard flags == 0 else { return -Int64(EINVAL) }
        if task.rseqArea != 0 { return area == task.rseqArea && length == task.rseqLength ? -Int64(EBUSY) : -Int64(EINVAL) }
        guard length >= 32, area & 31 == 0 else { return -Int64(EINVAL) }
        var cpu: UInt32 = 0
        _ = HostSyscall.call(.getcpu, UInt64(UInt(bitPattern: withUnsafeMutablePointer(to: &cpu) { $0 })), 0, 0)
        let ids = (cpu, cpu)
        let ok = withUnsafeBytes(of: ids) { GuestMemory.write(area, from: $0.baseAddress!, count: 8) }
        guard ok else { return -Int64(EFAULT) }
        task.rseqArea = area
        task.rseqLength = length
        return 0
    }
}
