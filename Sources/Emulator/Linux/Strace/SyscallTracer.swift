import CFerryHost
import FerryABI
import Glibc

/// The line formats of `-strace`.
public enum StraceFormat: String, CaseIterable, Sendable, Codable {
    /// strace(1)'s `name(args) = ret`.
    case strace
    /// One JSON object per line, for tools.
    case json
    /// qemu-user's `PID name(args) = ret`.
    case qemu
}

/// What `leave` needs from `enter`: values the call may overwrite (socklen in/out).
public struct TraceEntry {
    /// In/out values as they were before the call (socklen_t, loff_t), by argument index.
    var lengthsBefore: [Int: UInt64] = [:]
    var preformatted: [String]?
    /// Input structs rendered before the call, by argument index.
    var before: [Int: String] = [:]
    /// The calling thread, for calls that show its state after them (rt_sigreturn's mask).
    var thread: GuestThreadState?
}

/// `-strace`: prints each guest syscall, signal and exit in strace(1)'s form (or JSON, or
/// qemu-user's). The personality calls it only when tracing is on, so the untraced path pays one
/// nil check per syscall.
public final class SyscallTracer {
    /// The process's tracer, for the places that have no personality at hand (dying of a signal).
    nonisolated(unsafe) public static var active: SyscallTracer?

    let format: StraceFormat
    /// The trace output: the -D file's writer process (TraceFileWriter), or stderr (written as -d's log is).
    let output: TraceOutput
    let ids: [SyscallID?]
    let decoder: ArgumentDecoder
    let ioctls: IoctlArguments
    /// strace prefixes `[pid N]` while it traces more than one task: here, while this process has
    /// children or threads it made and has not reaped, in a forked child, and after an execve of
    /// a process that had the prefix (`-strace-pids`, see `execOptions`).
    var several: Bool { inheritedPrefix || isForkedChild || liveTasks > 0 }
    var inheritedPrefix = SyscallTracer.startWithPidPrefix
    var isForkedChild = false
    var liveTasks = 0
    /// Set by the command line's hidden `-strace-pids` (a re-executed ferry continuing a trace).
    nonisolated(unsafe) public static var startWithPidPrefix = false

    /// Options the execve of a guest program passes to the ferry it starts, so that the trace
    /// keeps its `[pid N]` prefix across the execve and its first line is the exec call the guest
    /// made (execveat with its dirfd and flags), not the path ferry ran.
    public var execOptions: [String] {
        (several ? ["-strace-pids"] : [])
            + (execInProgress.map { ["-strace-exec=" + ([$0.name] + $0.arguments).joined(separator: Self.execSeparator)] } ?? [])
    }
    /// The exec call being made, as shown before the call (set when it enters).
    var execInProgress: (name: String, arguments: [String])?
    /// Set by the command line's hidden `-strace-exec=`: the call that started this ferry.
    nonisolated(unsafe) public static var startingExec: [String]?
    /// Between the name and arguments in `-strace-exec=`: a control character strace's quoting
    /// never leaves unescaped.
    public static let execSeparator = "\u{1F}"

    init(format: StraceFormat, file: String?, personality: LinuxPersonality, configuration: EmulatorConfiguration,
         stackPointer: UInt64 = 0) {
        self.format = format
        output = SyscallTracer.openOutput(file)
        ids = personality.syscallIDs
        decoder = ArgumentDecoder(architecture: personality.architecture, guest: personality.guestConstants,
                                  host: personality.hostConstants)
        ioctls = IoctlArguments(decoder: decoder)
        SyscallTracer.active = self
        // The program's own execve, as strace shows it first (after a guest execve this is the
        // re-executed ferry continuing the trace).
        if let call = SyscallTracer.startingExec, let name = call.first {
            emit(name: name, args: Array(call.dropFirst()), result: "0", resultValue: 0, error: nil)
        } else {
            let pointerSize = UInt64(personality.architecture.pointerSize)
            let envp = stackPointer &+ pointerSize &* UInt64(configuration.arguments.count + 2)
            let args = [StraceText.quote(Array(configuration.programPath.utf8)),
                        "[" + configuration.arguments.map { decoder.argvItem(Array($0.utf8)) }.joined(separator: ", ") + "]",
                        "\(StraceText.hex(envp)) /* \(configuration.environment.count) vars */"]
            emit(name: "execve", args: args, result: "0", resultValue: 0, error: nil)
        }
        // After the writer's fork: its middle process's exit is no SIGCHLD of the guest's.
        personality.observeChildSignalForTrace()
    }

    /// FILE's writer process, or stderr when there is no FILE or it cannot be opened (said once).
    static func openOutput(_ path: String?) -> TraceOutput {
        guard let path else { return .log(DiagnosticLog()) }
        let (fd, error) = TraceFileWriter.start(path: path)
        if let fd { return .writer(fd) }
        let message = "ferry: \(error ?? "cannot open strace output '\(path)'")\n"
        message.withCString { _ = Glibc.write(2, $0, strlen($0)) }
        return .log(DiagnosticLog())
    }

    func id(_ number: Int) -> SyscallID? { number >= 0 && number < ids.count ? ids[number] : nil }

    func enter(_ request: SyscallRequest, thread: GuestThreadState) -> TraceEntry? {
        let id = id(request.number)
        var entry = TraceEntry()
        guard let id, let signature = SyscallSignatures.byID[id] else { return entry }
        if id == .exit || id == .exit_group {
            let args = decoder.arguments(signature, request, entry: entry, after: false)
            emit(name: id.name, args: args, result: "?", resultValue: nil, error: nil)
            if id == .exit { liveTasks = max(liveTasks - 1, 0) }   // a thread ends
            return nil
        }
        if id == .ioctl { entry.before[2] = ioctls.textBefore(request) }
        for (i, kind) in signature.arguments.enumerated() {
            if case .outSocketLength = kind, request[i] != 0 {
                entry.lengthsBefore[i] = decoder.memory.word(request[i], size: 4)
            }
            if case .inoutOffsetPointer = kind, request[i] != 0 {
                entry.lengthsBefore[i] = decoder.memory.word(request[i], size: 8)
            }
            if case .offsetPointer = kind, request[i] != 0 {
                entry.lengthsBefore[i] = decoder.memory.word(request[i], size: 8)
            }
            // What the call reads is shown as it was before (ppoll rewrites its timeout, select
            // its sets).
            if case let .inStruct(s) = kind { entry.before[i] = decoder.structs.render(s, at: request[i]) }
            if case let .fdSet(n) = kind { entry.before[i] = decoder.fdSet(request[i], count: request[n]) }
            if case .outMessage = kind, request[i] != 0, let v = decoder.structs.view("msghdr", at: request[i]) {
                entry.lengthsBefore[i] = v.u("msg_namelen") & 0xFFFF_FFFF
            }
        }
        if id == .execve || id == .execveat {
            entry.preformatted = decoder.arguments(signature, request, entry: entry, after: false)
            execInProgress = (id.name, entry.preformatted ?? [])
        }
        if id == .rt_sigreturn { entry.thread = thread }
        return entry
    }

    func leave(_ entry: TraceEntry, _ request: SyscallRequest) {
        let number = request.number
        guard let id = id(number) else {
            emit(name: "syscall_\(number)", args: (0..<6).map { StraceText.hex(request[$0]) },
                 result: resultText(request, .int), resultValue: request.result, error: errorText(request))
            return
        }
        if request.completion == .restart { return }
        let signature = SyscallSignatures.byID[id] ?? SyscallSignature(name: id.name, result: .int,
                                                                       arguments: Array(repeating: .hex, count: 6))
        if id == .clone || id == .clone3 || id == .fork || id == .vfork {
            if request.result == 0 {
                // The child's side: strace shows the parent's line. A thread shares this tracer.
                let flags = id == .clone ? request[0] : id == .clone3 ? (decoder.memory.word(request[0], size: 8) ?? 0) : 0
                if flags & UInt64(decoder.guest.required("CLONE_THREAD")) == 0 { isForkedChild = true; liveTasks = 0 }
                return
            }
        }
        // The new task counts from the next line on: strace prints the clone before it attaches.
        defer { if request.result > 0 && (id == .clone || id == .clone3 || id == .fork || id == .vfork) { liveTasks += 1 } }
        if id == .rt_sigreturn, let thread = entry.thread {
            // strace shows the mask the frame restored and the interrupted code's return register.
            let mask = "{mask=\(decoder.structs.sigset(UInt64(thread.task.mask)))}"
            let value = Self.returnRegister(thread)
            emit(name: id.name, args: [mask], result: value.map { String($0) } ?? "?", resultValue: value, error: nil)
            return
        }
        // strace stops counting a child when it exits, before the wait returns: no prefix then.
        if (id == .wait4 || id == .waitid) && request.result > 0 { liveTasks = max(liveTasks - 1, 0) }
        let args = entry.preformatted
            ?? (id == .ioctl ? ioctls.arguments(request, after: true, kept: entry.before[2])
                : decoder.arguments(signature, request, entry: entry, after: true))
        let resultKind = id == .rt_sigreturn ? ReturnKind.void : signature.result
        emit(name: id.name, args: args, result: interruptedText(id, request) ?? resultText(request, resultKind, id: id),
             resultValue: request.result, error: errorText(request))
    }

    /// The register a syscall returns in, as the thread has it now (after rt_sigreturn: the
    /// interrupted code's value).
    static func returnRegister(_ thread: GuestThreadState) -> Int64? {
        if let t = thread as? AArch64Thread { return Int64(bitPattern: t.cpu.x[0]) }
        if let t = thread as? RISCV64Thread { return Int64(bitPattern: t.cpu.x[10]) }
        return nil
    }

    func errorText(_ request: SyscallRequest) -> String? {
        request.result < 0 && request.result > -4096 && request.completion == .returnValue
            ? StraceText.error(-request.result, guest: decoder.guest, host: decoder.host) : nil
    }

    /// Calls the kernel ends with ERESTARTNOHAND or ERESTART_RESTARTBLOCK when a signal comes, or
    /// with a plain EINTR; every other blocking call ends with ERESTARTSYS (see signal(7)).
    static let restartNoHandler: Set<SyscallID> = [.poll, .ppoll, .select, .pselect6, .pause, .rt_sigsuspend, .sigsuspend]
    static let restartBlock: Set<SyscallID> = [.nanosleep, .clock_nanosleep]
    static let plainInterrupt: Set<SyscallID> = [.epoll_wait, .epoll_pwait, .epoll_pwait2, .rt_sigtimedwait, .io_getevents,
                                                 .io_pgetevents, .semop, .semtimedop]

    /// strace's result for a call a signal interrupted: what the kernel had at syscall exit, before
    /// it knew whether a handler would run (`? ERESTARTSYS (To be restarted if SA_RESTART is set)`).
    /// nil when the call ended with a plain EINTR or no signal is waiting.
    func interruptedText(_ id: SyscallID, _ request: SyscallRequest) -> String? {
        guard format == .strace, request.completion == .returnValue, request.result == -Int64(EINTR),
              ferry_interrupt_requested(ferry_current_thread()) != 0, !Self.plainInterrupt.contains(id) else { return nil }
        if Self.restartNoHandler.contains(id) { return "? ERESTARTNOHAND (To be restarted if no handler)" }
        if Self.restartBlock.contains(id) { return "? ERESTART_RESTARTBLOCK (Interrupted by signal)" }
        return "? ERESTARTSYS (To be restarted if SA_RESTART is set)"
    }

    func resultText(_ request: SyscallRequest, _ kind: ReturnKind, id: SyscallID? = nil) -> String {
        if request.completion == .registersSet { return "?" }
        if let error = errorText(request) { return error }
        let r = request.result
        switch kind {
        case .hex: return StraceText.hex(UInt64(bitPattern: r)) + (id.map { decoder.resultDetail($0, request) } ?? "")
        case .void: return "?"
        case .mode: return StraceText.mode(UInt64(bitPattern: r))
        default:
            if let id, id == .fcntl { return decoder.fcntlResult(request) }
            // ioctl's detail (NS_GET_NSTYPE's CLONE_NEW*) comes from the tracer's own ioctl printer.
            if let id, id == .ioctl { return String(r) + ioctls.resultDetail(request) }
            return String(r) + (id.map { decoder.resultDetail($0, request) } ?? "")
        }
    }

    func signal(_ signal: Int32, info: siginfo_t) {
        var copy = info
        let bytes = withUnsafeBytes(of: &copy) { Array($0) }
        let text = decoder.siginfo(guestSignal: signal, hostInfo: bytes)
        emitEvent("--- \(decoder.signalName(signal)) \(text) ---", json: "{\"pid\": \(tid()), \"signal\": \(StraceText.json(decoder.signalName(signal))), \"info\": \(StraceText.json(text))}")
    }

    func fault(_ signal: Int32, code: Int32, address: UInt64) {
        let name = decoder.signalName(signal)
        let codeName = decoder.siCode(signal, code)
        let text = "{si_signo=\(name), si_code=\(codeName), si_addr=\(StraceText.pointer(address))}"
        emitEvent("--- \(name) \(text) ---", json: "{\"pid\": \(tid()), \"signal\": \(StraceText.json(name)), \"info\": \(StraceText.json(text))}")
    }

    func exited(_ status: Int32) {
        emitEvent("+++ exited with \(status & 0xff) +++", json: "{\"pid\": \(tid()), \"exited\": \(status & 0xff)}")
        output.finish()
    }

    func killed(hostSignal: Int32) {
        let name = decoder.host.group("signal")?.name(of: Int64(hostSignal)) ?? String(hostSignal)
        emitEvent("+++ killed by \(name) +++", json: "{\"pid\": \(tid()), \"killed\": \(StraceText.json(name))}")
        output.finish()
    }

    // MARK: output

    func tid() -> Int { Int(HostSyscall.call(.gettid)) }

    func prefix() -> String {
        switch format {
        case .qemu: return "\(getpid()) "
        default: return several ? "[pid \(tid())] " : ""
        }
    }

    func emit(name: String, args: [String], result: String, resultValue: Int64?, error: String?) {
        switch format {
        case .strace:
            var line = prefix() + name + "(" + args.joined(separator: ", ") + ")"
            if line.count < 39 { line += String(repeating: " ", count: 39 - line.count) }
            write(line + " = " + result)
        case .qemu:
            let ret: String
            if let resultValue, resultValue < 0, resultValue > -4096 {
                ret = "-1 errno=\(-resultValue) (\(error.map { String($0.drop { $0 != "(" }.dropFirst().dropLast()) } ?? ""))"
            } else { ret = result }
            write(prefix() + name + "(" + args.joined(separator: ",") + ") = " + ret)
        case .json:
            var fields = ["\"pid\": \(tid())", "\"syscall\": \(StraceText.json(name))",
                          "\"args\": [" + args.map(StraceText.json).joined(separator: ", ") + "]"]
            if let resultValue, result != "?" { fields.append("\"return\": \(resultValue)") }
            fields.append("\"text\": \(StraceText.json(result))")
            if let error { fields.append("\"error\": \(StraceText.json(String(error.split(separator: " ")[1])))") }
            write("{" + fields.joined(separator: ", ") + "}")
        }
    }

    func emitEvent(_ text: String, json: String) {
        switch format {
        case .json: write(json)
        case .qemu, .strace: write(prefix() + text)
        }
    }

    func write(_ line: String) { output.write(line) }
}
