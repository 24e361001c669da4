import CFerryHost
import FerryABI
import Glibc

/// Everything `ferry` was asked to do for one guest program.
public struct EmulatorConfiguration {
    public var programPath: String
    /// The guest's argv, argv[0] included.
    public var arguments: [String]
    public var environment: [String]
    public var logUnimplemented = false
    public var logBlocks = false
    public var logFile: String?
    /// The options a re-executed ferry (after a guest execve) must get again.
    public var inheritedOptions: [String] = []
    /// `-strace[=json|qemu]`: how to trace syscalls, nil when off; written to `straceFile` or stderr.
    public var strace: StraceFormat?
    public var straceFile: String?

    public init(programPath: String, arguments: [String], environment: [String]) {
        self.programPath = programPath
        self.arguments = arguments
        self.environment = environment
    }
}

enum EmulationError: Error, CustomStringConvertible {
    case outOfMemory(String)
    var description: String {
        switch self {
        case let .outOfMemory(what): return "cannot allocate memory for the \(what)"
        }
    }
}

/// Exit statuses of ferry itself, when it, not the guest, decides the outcome.
public enum EmulatorExitStatus {
    /// The program could not be loaded (malformed, wrong machine, unreadable): as a shell's 126.
    public static let cannotExecute: Int32 = 126
    /// The program file does not exist: as a shell's 127.
    public static let notFound: Int32 = 127
    /// Bad ferry command line (EX_USAGE, as swift-argument-parser exits).
    public static let usage: Int32 = 64
}

/// Loads a guest program and runs it to completion. Never returns: the process exits with the
/// guest's status or dies of the guest's fatal signal.
public enum Emulation {
    public static func run(_ configuration: EmulatorConfiguration) throws -> Never {
        let elf = try ELFFile.read(path: configuration.programPath)
        // The ELF machine picks the CPU core; everything else is arch-neutral.
        guard let core = GuestCore.forMachine(elf.machine) else { throw LoadError.unsupportedMachine(elf.machine) }
        let architecture = core.architecture
        let log = configuration.logFile.flatMap { DiagnosticLog.file(path: $0) } ?? DiagnosticLog()
        let absolutePath = absolute(configuration.programPath)
        var startup = StartupInfo(arguments: configuration.arguments, environment: configuration.environment,
                                  executablePath: configuration.programPath,
                                  hardwareCapabilities: core.hwcap, platform: core.platform,
                                  minimumSignalStackSize: core.minimumSignalStackSize)
        startup.hardwareCapabilities2 = core.hwcap2
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            startup.stackSize = min(max(UInt64(limit.rlim_cur), 128 << 10), 256 << 20)
        }
        let program = try ProgramLoader.load(elf, startup: startup)

        var options = PersonalityOptions()
        options.logUnimplemented = configuration.logUnimplemented
        options.emulatorPath = emulatorExecutablePath()
        options.emulatorArguments = configuration.inheritedOptions
        let personality = LinuxPersonality(architecture: architecture, executablePath: absolutePath, options: options, log: log)
        personality.setProgramBreak(start: program.brkStart)
        personality.tracer = configuration.strace.map { SyscallTracer(format: $0, file: configuration.straceFile, personality: personality, configuration: configuration, stackPointer: program.stackPointer) }

        ferry_install_fault_handlers()
        let rtSigreturn = SyscallTable.forArchitecture(architecture).number(of: .rt_sigreturn) ?? -1
        personality.sigreturnTrampoline = try installSigreturnTrampoline(core.sigreturnTrampoline(rtSigreturn))
        personality.describeGuest(program, cpu: core.cpuDescription)
        core.startFirstThread(program.entry, program.stackPointer, personality, log, configuration.logBlocks)
    }

    /// Maps a read-only page holding the architecture's sigreturn sequence, where handlers
    /// installed without SA_RESTORER return (the kernel's vDSO plays this part natively).
    static func installSigreturnTrampoline(_ words: [UInt32]) throws -> UInt64 {
        let page = mmap(nil, Int(HostMemory.pageSize), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let page, page != MAP_FAILED else { throw EmulationError.outOfMemory("sigreturn trampoline") }
        for (i, word) in words.enumerated() { page.storeBytes(of: word, toByteOffset: 4 * i, as: UInt32.self) }
        mprotect(page, Int(HostMemory.pageSize), PROT_READ | PROT_EXEC)
        return UInt64(UInt(bitPattern: page))
    }

    /// Ends the process with `signal`'s default action, so the parent sees the native wait status.
    static func dieOfSignal(_ signal: Int32) -> Never {
        SyscallTracer.active?.killed(hostSignal: signal)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(signal, &action, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        _ = HostSyscall.call(.tgkill, UInt64(getpid()), UInt64(HostSyscall.call(.gettid)), UInt64(signal))
        Glibc._exit(128 + signal)
    }

    /// The canonical absolute path, as the kernel shows it in /proc/self/exe.
    static func absolute(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(cString: buffer)
        return cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
    }

    /// The host path of the running ferry, for re-executing it on foreign binaries.
    static func emulatorExecutablePath() -> String {
        HostFile.readLink("/proc/self/exe") ?? "ferry"
    }
}
