import FerryABI
import Glibc

extension Architecture {
    /// Whether clone(2) takes the TLS value before the child-tid pointer (the order of every
    /// guest architecture Ferry runs; x86-64's is the other one).
    var cloneTakesTLSBeforeChildTID: Bool { self != .x86_64 && self != .i386 }
}

extension LinuxPersonality {
    private func flag(_ name: String) -> UInt64 { UInt64(bitPattern: guestConstants.value(name) ?? 0) }

    /// clone: threads (CLONE_VM) run on new host threads; processes are host forks.
    func clone(_ r: SyscallRequest, thread: GuestThreadState) -> Int64 {
        let tls = architecture.cloneTakesTLSBeforeChildTID ? r[3] : r[4]
        let childTID = architecture.cloneTakesTLSBeforeChildTID ? r[4] : r[3]
        return clone(flags: r[0] & ~0xFF, exitSignal: Int32(r[0] & 0xFF), newStack: r[1], parentTID: r[2],
                     childTID: childTID, tls: tls, pidfdPointer: r[2], thread: thread)
    }

    /// clone3: struct clone_args, as the kernel checks it (sizes, the exit signal apart from the
    /// flags, a stack given as base and size).
    func clone3(_ r: SyscallRequest, thread: GuestThreadState) -> Int64 {
        let size = Int(min(r[1], 1 << 20))
        guard size >= 64 else { return -Int64(EINVAL) }
        guard size <= 4096 else { return -Int64(E2BIG) }
        var args = [UInt64](repeating: 0, count: (size + 7) / 8)
        guard args.withUnsafeMutableBytes({ GuestMemory.read(r[0], count: size, into: $0.baseAddress!) }) else { return -Int64(EFAULT) }
        // flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size, cgroup
        let known = 11
        if args.count > known && args[known...].contains(where: { $0 != 0 }) { return -Int64(E2BIG) }
        func field(_ i: Int) -> UInt64 { i < args.count ? args[i] : 0 }
        let flags = field(0), exitSignal = field(4), stack = field(5), stackSize = field(6)
        guard flags & 0xFF == 0, exitSignal <= 64 else { return -Int64(EINVAL) }
        if (stack == 0) != (stackSize == 0) { return -Int64(EINVAL) }
        if field(9) != 0 || flags & flag("CLONE_INTO_CGROUP") != 0 {
            if options.logUnimplemented { log.write("unsupported clone3 set_tid/cgroup on \(architecture.rawValue)") }
            return -Int64(EINVAL)
        }
        return clone(flags: flags, exitSignal: Int32(exitSignal), newStack: stack == 0 ? 0 : stack &+ stackSize,
                     parentTID: field(3), childTID: field(2), tls: field(7), pidfdPointer: field(1), thread: thread)
    }

    private func clone(flags: UInt64, exitSignal: Int32, newStack: UInt64, parentTID: UInt64, childTID: UInt64,
                       tls: UInt64, pidfdPointer: UInt64, thread: GuestThreadState) -> Int64 {
        let vm = flag("CLONE_VM"), vfork = flag("CLONE_VFORK"), threadFlag = flag("CLONE_THREAD")
        let sighand = flag("CLONE_SIGHAND")
        // The kernel's consistency rules: threads share signal handlers, which share memory.
        if flags & threadFlag != 0 && flags & sighand == 0 { return -Int64(EINVAL) }
        if flags & sighand != 0 && flags & vm == 0 { return -Int64(EINVAL) }
        let fs = flag("CLONE_FS")
        if flags & fs != 0 && flags & (flag("CLONE_NEWNS") | flag("CLONE_NEWUSER")) != 0 { return -Int64(EINVAL) }
        let wantsPidfd = flags & flag("CLONE_PIDFD") != 0
        if wantsPidfd && (flags & threadFlag != 0 || flags & flag("CLONE_PARENT_SETTID") != 0 && pidfdPointer == parentTID) {
            return -Int64(EINVAL)
        }
        if flags & vm != 0 && flags & vfork != 0 && flags & threadFlag == 0 {
            let hostSignal = exitSignal == 0 ? 0 : signalNumbers.host(exitSignal)
            if exitSignal != 0 && hostSignal == 0 { return -Int64(EINVAL) }
            return vforkProcess(flags: flags, hostExitSignal: hostSignal, stack: newStack,
                                tls: flags & flag("CLONE_SETTLS") != 0 ? tls : nil, parentTID: parentTID,
                                childTID: childTID, parent: thread)
        }
        if flags & threadFlag != 0 || (flags & vm != 0 && flags & vfork == 0) {
            return cloneThread(flags: flags, stack: newStack, parentTID: parentTID, tls: tls, childTID: childTID, parent: thread)
        }
        let pid: Int32
        let namespaces = flags & (flag("CLONE_NEWNS") | flag("CLONE_NEWUTS") | flag("CLONE_NEWIPC") | flag("CLONE_NEWUSER")
            | flag("CLONE_NEWPID") | flag("CLONE_NEWNET") | flag("CLONE_NEWCGROUP") | flag("CLONE_NEWTIME"))
        if exitSignal == signalConstants.chld && namespaces == 0 {
            pid = Glibc.fork()
            if pid < 0 { return -Int64(errno) }
        } else {
            // Another exit signal (or none) or new namespaces: a raw clone carries them, which
            // fork() cannot. It skips glibc's atfork work, acceptable for these rarer forms. The
            // namespace flags have the same values on every architecture's clone.
            let hostSignal = exitSignal == 0 ? 0 : signalNumbers.host(exitSignal)
            if exitSignal != 0 && hostSignal == 0 { return -Int64(EINVAL) }
            let result = HostSyscall.call(.clone, UInt64(hostSignal) | namespaces, 0, 0, 0, 0)
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
        if wantsPidfd {
            // The kernel makes the pidfd in clone itself; pidfd_open right after is equivalent
            // (the child cannot have been reaped yet: only this thread waits for it).
            let fd = HostSyscall.call(.pidfd_open, UInt64(pid), 0)
            let descriptor = Int32(truncatingIfNeeded: fd)
            if fd >= 0 { withUnsafeBytes(of: descriptor) { _ = GuestMemory.write(pidfdPointer, from: $0.baseAddress!, count: 4) } }
        }
        return Int64(pid)
    }

    static let elfMachines: [Architecture: UInt16] = [.aarch64: 183, .riscv64: 243, .mips: 8, .arm: 40, .x86_64: 62, .i386: 3]

    /// execve: a program for this guest architecture re-executes ferry on it (no binfmt_misc
    /// needed); anything else (host programs, scripts for host interpreters) goes to the host.
    func execve(_ r: SyscallRequest) -> Int64 {
        guard let path = GuestMemory.string(at: r[0]) else { return -Int64(EFAULT) }
        return execve(path: path, argvPointer: r[1], envpPointer: r[2])
    }

    /// execveat: the path is resolved against the directory descriptor through /proc/self/fd
    /// (AT_EMPTY_PATH runs the descriptor's own file), then it is an execve.
    func execveat(_ r: SyscallRequest) -> Int64 {
        let dirfd = Int32(truncatingIfNeeded: r[0]), flags = Int64(Int32(truncatingIfNeeded: r[4]))
        let emptyPath = guestConstants.required("AT_EMPTY_PATH"), noFollow = guestConstants.required("AT_SYMLINK_NOFOLLOW")
        guard flags & ~(emptyPath | noFollow) == 0 else { return -Int64(EINVAL) }
        guard let name = GuestMemory.string(at: r[1]) else { return -Int64(EFAULT) }
        let atCWD = Int32(truncatingIfNeeded: guestConstants.required("AT_FDCWD"))
        if dirfd != atCWD && (name.isEmpty || !name.hasPrefix("/")) {
            var st = Glibc.stat()
            if Glibc.fstat(dirfd, &st) != 0 { return -Int64(errno) }
            if !name.isEmpty && (st.st_mode & S_IFMT) != S_IFDIR { return -Int64(ENOTDIR) }
        }
        var path: String
        if name.isEmpty {
            guard flags & emptyPath != 0 else { return -Int64(ENOENT) }
            path = "/proc/self/fd/\(dirfd)"
        } else if name.hasPrefix("/") || dirfd == atCWD {
            path = name
        } else {
            path = "/proc/self/fd/\(dirfd)/\(name)"
        }
        if !name.isEmpty && flags & noFollow != 0 {
            var st = Glibc.stat()
            if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK { return -Int64(ELOOP) }
        }
        if dirfd != atCWD || name.isEmpty, let resolved = HostFile.readLink(path), name.isEmpty { path = resolved }
        return execve(path: path, argvPointer: r[2], envpPointer: r[3])
    }

    private func execve(path requested: String, argvPointer: UInt64, envpPointer: UInt64) -> Int64 {
        var path = requested
        // /proc/self/exe is the emulator on the host; to the guest it is its own program.
        if namesOwnExecutable(path) { path = executablePath }
        guard let argv = GuestMemory.stringArray(at: argvPointer), let envp = GuestMemory.stringArray(at: envpPointer) else {
            return -Int64(EFAULT)
        }
        // The kernel's order: a missing or unsearchable path, then a file that is not regular or
        // not executable (EACCES, also for directories), then the contents.
        var st = Glibc.stat()
        if fstatat(AT_FDCWD, path, &st, 0) != 0 { return -Int64(errno) }
        if (st.st_mode & S_IFMT) != S_IFREG { return -Int64(EACCES) }
        if access(path, X_OK) != 0 { return -Int64(errno) }
        guard let head = HostFile.readPrefix(path: path, count: 256) else { return -Int64(errno) }
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
        let emulatorArguments = [options.emulatorPath] + options.emulatorArguments + (tracer?.execOptions ?? [])
            + ["-0", argv0, program] + arguments.dropFirst()
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
        let signature = UInt32(truncatingIfNeeded: r[3])
        // The kernel's order: flags, then the registered area and length (EINVAL), then the
        // signature it was registered with (EPERM).
        if flags & 1 != 0 {  // RSEQ_FLAG_UNREGISTER
            guard flags == 1, task.rseqArea != 0, area == task.rseqArea, length == task.rseqLength else { return -Int64(EINVAL) }
            guard signature == task.rseqSignature else { return -Int64(EPERM) }
            task.rseqArea = 0
            return 0
        }
        guard flags == 0 else { return -Int64(EINVAL) }
        if task.rseqArea != 0 {
            guard area == task.rseqArea, length == task.rseqLength else { return -Int64(EINVAL) }
            return signature == task.rseqSignature ? -Int64(EBUSY) : -Int64(EPERM)
        }
        guard length >= 32, area & 31 == 0 else { return -Int64(EINVAL) }
        var cpu: UInt32 = 0
        _ = HostSyscall.call(.getcpu, UInt64(UInt(bitPattern: withUnsafeMutablePointer(to: &cpu) { $0 })), 0, 0)
        let ids = (cpu, cpu)
        let ok = withUnsafeBytes(of: ids) { GuestMemory.write(area, from: $0.baseAddress!, count: 8) }
        guard ok else { return -Int64(EFAULT) }
        task.rseqArea = area
        task.rseqLength = length
        task.rseqSignature = signature
        return 0
    }
}
