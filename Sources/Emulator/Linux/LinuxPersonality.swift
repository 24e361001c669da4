import CFerryHost
import FerryABI
import Glibc

/// Where translated code lives, so memory syscalls can drop stale translations.
public protocol CodeCacheInvalidating: AnyObject {
    func invalidateCode(start: UInt64, end: UInt64)
}

/// Options of the personality that come from the command line.
public struct PersonalityOptions {
    /// `-d unimp`: say once per number which syscalls and ioctls are not implemented.
    public var logUnimplemented = false
    /// Absolute path of the ferry executable, for re-executing foreign binaries.
    public var emulatorPath: String = ""
    /// Options to pass to a re-executed ferry (e.g. `-d unimp`).
    public var emulatorArguments: [String] = []
    public init() {}
}

/// The Linux personality: carries out guest system calls on the host, arch-neutrally. It asks the
/// generated tables for numbers, constants and layouts; it never names a guest architecture.
public final class LinuxPersonality {
    public let architecture: Architecture
    let guestConstants: ConstantSet
    let hostConstants: ConstantSet
    let options: PersonalityOptions
    let log: DiagnosticLog
    /// The guest's threads, for code invalidation and exit.
    let threads = ThreadRegistry()
    /// The guest's mappings: /proc/self/maps, and what keeps guest memory calls off ferry's memory.
    let addressSpace = GuestAddressSpace()
    /// What /proc shows the guest about itself.
    let processView = GuestProcessView()
    let memoryFlags: MemoryFlags

    /// Per guest syscall number: how to run it and the host number for passthrough.
    private var handlers: [SyscallHandler]
    private var hostNumbers: [Int]
    /// For `.converted` numbers: what their signature says to convert.
    private var conversions: [SignatureConversion?]
    private(set) var syscallIDs: [SyscallID?]
    private var reportedUnimplemented = Set<Int>()

    let openFlags: FlagTranslator
    /// F_GETFL and F_SETFL for the guest and the host, looked up once (fcntl translates their flags).
    let fileStatusCommands: (guestGet: Int64, guestSet: Int64, hostGet: Int64, hostSet: Int64)
    let executablePath: String
    var programBreakStart: UInt64 = 0
    var programBreak: UInt64 = 0
    let dispositions = SignalDispositions()
    let signalConstants: SignalConstants
    let signalNumbers: SignalNumberMap
    let sigactionLayout: SigactionLayout
    /// Guest address of the sigreturn trampoline (set by the architecture's startup).
    public var sigreturnTrampoline: UInt64 = 0
    var ioctlReported = Set<UInt64>()
    /// `-strace`: nil unless tracing (see Linux/Strace).
    public var tracer: SyscallTracer?
    /// Guest ioctl request -> host request, built at the first ioctl: parsing both generated
    /// tables costs more than a short program's whole run.
    var ioctls: IoctlTranslation {
        pthread_mutex_lock(&ioctlLock)
        defer { pthread_mutex_unlock(&ioctlLock) }
        if let built = ioctlTable { return built }
        let built = IoctlTranslation(guest: architecture, host: .x86_64)
        ioctlTable = built
        return built
    }
    private var ioctlTable: IoctlTranslation?
    private var ioctlLock = pthread_mutex_t()
    let statConverter: StatConverter
    let epollLayout: EpollEventLayout
    let semidConverter: StructConverter?
    /// madvise advice that can replace page contents (malloc calls madvise often: looked up once).
    let contentReplacingAdvice: Set<Int64>

    public init(architecture: Architecture, executablePath: String, options: PersonalityOptions, log: DiagnosticLog) {
        self.architecture = architecture
        self.executablePath = executablePath
        self.options = options
        self.log = log
        guestConstants = ABIConstants.forArchitecture(architecture)
        hostConstants = ABIConstants.forArchitecture(.x86_64)
        openFlags = FlagTranslator(group: "open_flags", guest: guestConstants, host: hostConstants)
        fileStatusCommands = (guestConstants.required("F_GETFL"), guestConstants.required("F_SETFL"),
                              hostConstants.required("F_GETFL"), hostConstants.required("F_SETFL"))
        pthread_mutex_init(&ioctlLock, nil)
        statConverter = StatConverter(architecture: architecture)
        epollLayout = EpollEventLayout(architecture: architecture)
        semidConverter = ABILayouts.converter("semid_ds", guest: architecture)
        let guest = guestConstants
        contentReplacingAdvice = Set(["MADV_DONTNEED", "MADV_REMOVE", "MADV_FREE", "MADV_DONTNEED_LOCKED"]
            .compactMap { guest.value($0) })
        signalConstants = SignalConstants(guestConstants)
        signalNumbers = SignalNumberMap(guest: guestConstants, host: hostConstants)
        sigactionLayout = SigactionLayout(architecture: architecture)
        memoryFlags = MemoryFlags(guestConstants)
        let guestTable = SyscallTable.forArchitecture(architecture)
        let maxNumber = guestTable.entries.map(\.number).max() ?? 0
        handlers = Array(repeating: .unimplemented, count: maxNumber + 1)
        hostNumbers = Array(repeating: -1, count: maxNumber + 1)
        conversions = Array(repeating: nil, count: maxNumber + 1)
        syscallIDs = Array(repeating: nil, count: maxNumber + 1)
        for (number, id) in guestTable.entries {
            syscallIDs[number] = id
            guard let support = SyscallRegistry.byID[id] else { continue }
            if support.handler == .passthrough {
                guard let host = HostSyscall.table.number(of: id) else { continue }
                hostNumbers[number] = host
                if let plan = Self.signatureConversion(id, guest: architecture) {
                    conversions[number] = plan
                    handlers[number] = .converted
                    continue
                }
            }
            handlers[number] = support.handler
        }
    }

    public func setProgramBreak(start: UInt64) {
        programBreakStart = start
        programBreak = start
    }

    /// Registers the first guest thread.
    public func attach(thread: GuestThreadState & CodeCacheInvalidating) { threads.add(thread) }

    /// Carries out one syscall; `thread` is the calling thread's CPU state.
    public func handle(_ request: inout SyscallRequest, thread: GuestThreadState) {
        let traceEntry = tracer?.enter(request, thread: thread)
        defer { if let traceEntry { tracer?.leave(traceEntry, request) } }
        let n = request.number
        if thread.task.seccompStrict { checkStrictMode(n) }
        guard n >= 0, n < handlers.count else {
            reportUnimplemented(n)
            request.result = -Int64(ENOSYS)
            return
        }
        switch handlers[n] {
        case .passthrough:
            // Interruptible by guest signals without a race; not started means run it again after
            // the signal is delivered.
            if let result = interruptibleCall(hostNumber: hostNumbers[n], &request, request.arguments) { request.result = result }
        case .converted:
            convertedCall(&request, conversions[n]!, hostNumber: hostNumbers[n])
        case .unimplemented:
            reportUnimplemented(n)
            request.result = -Int64(ENOSYS)
        case .exit:
            exitThread(status: Int32(truncatingIfNeeded: request[0]), thread: thread)
        case .exitGroup:
            exitProcess(status: Int32(truncatingIfNeeded: request[0]))
        case .brk: request.result = brk(request[0])
        case .mmap: request.result = mmap(request)
        case .munmap: request.result = munmap(request)
        case .mprotect: request.result = mprotect(request)
        case .mremap: request.result = mremap(request)
        case .openat: request.result = openat(request)
        case .fcntl: request.result = fcntl(request)
        case .close: request.result = close(request)
        case .closeRange: request.result = closeRange(request)
        case .newfstatat: request.result = newfstatat(request)
        case .readlinkat: request.result = readlinkat(request)
        case .ioctl: request.result = ioctl(&request)
        case .uname: request.result = uname(request)
        case .rtSigaction: request.result = rtSigaction(request)
        case .rtSigprocmask: request.result = rtSigprocmask(request, thread: thread)
        case .rtSigreturn: rtSigreturn(&request, thread: thread)
        case .sigaltstack: request.result = sigaltstack(request, thread: thread)
        case .rtSigsuspend: request.result = rtSigsuspend(&request, thread: thread)
        case .rtSigpending: request.result = rtSigpending(request, thread: thread)
        case .clone: request.result = clone(request, thread: thread)
        case .execve: request.result = execve(request)
        case .prctl: request.result = prctl(request, thread: thread)
        case .pipe2: request.result = pipe2(request)
        case .madvise: request.result = madvise(request)
        case .openByHandleAt: request.result = openByHandleAt(request)
        case .seccomp: request.result = seccomp(request, thread: thread)
        case .execveat: request.result = execveat(request)
        case .clone3: request.result = clone3(request, thread: thread)
        case .openat2: request.result = openat2(request)
        case .rseq: request.result = rseq(request, thread: thread)
        case .epollPwait: request.result = epollWait(&request, id: .epoll_pwait, thread: thread)
        case .epollPwait2: request.result = epollWait(&request, id: .epoll_pwait2, thread: thread)
        case .ppoll: request.result = maskedWait(&request, id: .ppoll, thread: thread, maskPointer: request[3])
        case .pselect6:
            // The sixth argument points at {const sigset_t *ss, size_t ss_len}.
            let maskPointer = request[5] == 0 ? 0 : GuestMemory.readValue(request[5], as: UInt64.self) ?? 0
            request.result = maskedWait(&request, id: .pselect6, thread: thread, maskPointer: maskPointer)
        case .semctl: request.result = semctl(request)
        case .shmat: request.result = shmat(request)
        case .shmdt: request.result = shmdt(request)
        }
    }

    func reportUnimplemented(_ number: Int) {
        guard options.logUnimplemented, !reportedUnimplemented.contains(number) else { return }
        reportedUnimplemented.insert(number)
        let name = number >= 0 && number < syscallIDs.count ? syscallIDs[number].map { " (\($0.name))" } ?? "" : ""
        log.write("unsupported syscall \(number)\(name) on \(architecture.rawValue)")
    }

    func exitProcess(status: Int32) -> Never {
        tracer?.exited(status)
        _ = HostSyscall.call(.exit_group, UInt64(UInt32(bitPattern: status)))
        Glibc._exit(status)
    }
}
