import Glibc

/// What the kernel would have set up for a freshly exec'd program.
public struct LoadedProgram {
    public var entry: UInt64
    public var stackPointer: UInt64
    public var brkStart: UInt64
    public var loadBias: UInt64
    public var imageStart: UInt64
    public var imageEnd: UInt64
    public var stackStart: UInt64
    public var stackEnd: UInt64
    public var auxv: [(UInt64, UInt64)]
    /// The image's mappings as the kernel would show them (file-backed segment pages, then the
    /// anonymous bss pages beyond them); names and file identity are filled in by the caller.
    public var imageMappings: [GuestMapping] = []
    /// Where the argv and envp strings lie on the initial stack (/proc/self/cmdline, environ).
    public var argumentArea: (start: UInt64, end: UInt64) = (0, 0)
    public var environmentArea: (start: UInt64, end: UInt64) = (0, 0)
    /// start_code/end_code and start_data/end_data as the kernel's ELF loader sets them
    /// (/proc/<pid>/stat fields 26-27 and 45-46).
    public var codeArea: (start: UInt64, end: UInt64) = (0, 0)
    public var dataArea: (start: UInt64, end: UInt64) = (0, 0)
}

/// The process description the initial stack is built from.
public struct StartupInfo {
    public var arguments: [String]
    public var environment: [String]
    /// AT_EXECFN: the path the program was started by.
    public var executablePath: String
    public var hardwareCapabilities: UInt64
    public var hardwareCapabilities2: UInt64 = 0
    public var platform: String
    public var minimumSignalStackSize: UInt64
    public var stackSize: UInt64 = 8 << 20

    public init(arguments: [String], environment: [String], executablePath: String,
                hardwareCapabilities: UInt64, platform: String, minimumSignalStackSize: UInt64) {
        self.arguments = arguments
        self.environment = environment
        self.executablePath = executablePath
        self.hardwareCapabilities = hardwareCapabilities
        self.platform = platform
        self.minimumSignalStackSize = minimumSignalStackSize
    }
}

/// Auxiliary vector keys (the values are the same on every Linux architecture).
public enum AuxKey {
    public static let null: UInt64 = 0, phdr: UInt64 = 3, phent: UInt64 = 4, phnum: UInt64 = 5
    public static let pagesz: UInt64 = 6, base: UInt64 = 7, flags: UInt64 = 8, entry: UInt64 = 9
    public static let uid: UInt64 = 11, euid: UInt64 = 12, gid: UInt64 = 13, egid: UInt64 = 14
    public static let platform: UInt64 = 15, hwcap: UInt64 = 16, clktck: UInt64 = 17
    public static let secure: UInt64 = 23, random: UInt64 = 25, hwcap2: UInt64 = 26
    public static let execfn: UInt64 = 31, minsigstksz: UInt64 = 51
}

/// Maps a 64-bit guest executable at identical host addresses and builds its initial stack.
public enum ProgramLoader {
    public static func load(_ elf: ELFFile, startup: StartupInfo) throws -> LoadedProgram {
        let segments = elf.loadSegments
        let low = HostMemory.pageDown(segments.map(\.virtualAddress).min()!)
        let high = HostMemory.pageUp(segments.map { $0.virtualAddress + $0.memorySize }.max()!)
        let span = high - low
        // Position-independent images go where the host kernel finds room; fixed ones must get
        // exactly their addresses, never on top of the emulator's own memory.
        let base: UInt64
        if elf.isPositionIndependent {
            guard let got = HostMemory.mapAnonymous(length: span, protection: PROT_READ | PROT_WRITE, fixed: false) else {
                throw LoadError.mappingFailed(reason: "no room for \(span) bytes")
            }
            base = got
        } else {
            guard let got = HostMemory.mapAnonymous(at: low, length: span, protection: PROT_READ | PROT_WRITE, fixed: true) else {
                throw LoadError.addressRangeUnavailable(start: low, end: high)
            }
            base = got
        }
        let bias = base &- low
        elf.bytes.withUnsafeBytes { file in
            for s in segments where s.fileSize > 0 {
                hostPointer(s.virtualAddress &+ bias).copyMemory(from: file.baseAddress! + Int(s.offset), byteCount: Int(s.fileSize))
            }
        }
        // Protections per segment, then unmap the holes between segments as the kernel leaves them.
        var covered: [(UInt64, UInt64)] = []
        var imageMappings: [GuestMapping] = []
        for s in segments {
            let start = HostMemory.pageDown(s.virtualAddress &+ bias), end = HostMemory.pageUp(s.virtualAddress &+ s.memorySize &+ bias)
            var prot: Int32 = 0
            if s.flags & 4 != 0 { prot |= PROT_READ }
            if s.flags & 2 != 0 { prot |= PROT_WRITE }
            if s.flags & 1 != 0 { prot |= PROT_EXEC | PROT_READ }
            _ = HostMemory.protect(start, length: end - start, protection: prot)
            covered.append((start, end))
            // The kernel maps the file's pages of a segment, then anonymous pages for the rest of its bss.
            let fileEnd = s.fileSize > 0 ? min(HostMemory.pageUp(s.virtualAddress &+ s.fileSize &+ bias), end) : start
            if fileEnd > start {
                imageMappings.append(GuestMapping(start: start, end: fileEnd, protection: prot, isFile: true,
                                                  offset: HostMemory.pageDown(s.offset)))
            }
            if end > fileEnd { imageMappings.append(GuestMapping(start: fileEnd, end: end, protection: prot)) }
        }
        var cursor = base
        for (start, end) in covered {
            if start > cursor { HostMemory.unmap(cursor, length: start - cursor) }
            cursor = max(cursor, end)
        }

        let phdrAddress: UInt64
        if let p = elf.segments.first(where: { $0.type == ELFFile.segmentProgramHeaders }) {
            phdrAddress = p.virtualAddress &+ bias
        } else if let s = segments.first(where: { elf.programHeaderOffset >= $0.offset && elf.programHeaderOffset < $0.offset + $0.fileSize }) {
            phdrAddress = s.virtualAddress &+ (elf.programHeaderOffset - s.offset) &+ bias
        } else {
            phdrAddress = 0
        }

        guard let stackStart = HostMemory.mapAnonymous(length: startup.stackSize, protection: PROT_READ | PROT_WRITE, fixed: false) else {
            throw LoadError.mappingFailed(reason: "no room for the stack")
        }
        let stackEnd = stackStart + startup.stackSize
        let auxvBase: [(UInt64, UInt64)] = [
            (AuxKey.phdr, phdrAddress), (AuxKey.phent, 56), (AuxKey.phnum, UInt64(elf.programHeaderCount)),
            (AuxKey.pagesz, HostMemory.pageSize), (AuxKey.base, 0), (AuxKey.flags, 0),
            (AuxKey.entry, elf.entry &+ bias),
            (AuxKey.uid, UInt64(getuid())), (AuxKey.euid, UInt64(geteuid())),
            (AuxKey.gid, UInt64(getgid())), (AuxKey.egid, UInt64(getegid())),
            (AuxKey.secure, 0), (AuxKey.hwcap, startup.hardwareCapabilities),
            (AuxKey.hwcap2, startup.hardwareCapabilities2), (AuxKey.clktck, 100),
            (AuxKey.minsigstksz, startup.minimumSignalStackSize),
        ]
        let (sp, auxv) = buildInitialStack(top: stackEnd, startup: startup, auxv: auxvBase)
        var program = LoadedProgram(entry: elf.entry &+ bias, stackPointer: sp, brkStart: high &+ bias, loadBias: bias,
                                    imageStart: base, imageEnd: high &+ bias, stackStart: stackStart, stackEnd: stackEnd, auxv: auxv)
        program.imageMappings = imageMappings
        // The kernel: start_code is the lowest segment address, end_code the end of the
        // executable segments' file bytes; start_data/end_data span the file bytes of the rest.
        let loads = segments.map { (start: $0.virtualAddress &+ bias, fileEnd: $0.virtualAddress &+ $0.fileSize &+ bias, exec: $0.flags & 1 != 0) }
        program.codeArea = (loads.map(\.start).min() ?? 0, loads.filter(\.exec).map(\.fileEnd).max() ?? 0)
        let data = loads.filter { !$0.exec }
        program.dataArea = (data.map(\.start).max() ?? 0, data.map(\.fileEnd).max() ?? 0)
        program.argumentArea = stringArea(firstPointer: sp + 8, count: startup.arguments.count)
        program.environmentArea = stringArea(firstPointer: sp + 8 * UInt64(startup.arguments.count + 2), count: startup.environment.count)
        return program
    }

    /// The span of `count` consecutive NUL-terminated strings whose pointers start at
    /// `firstPointer` on the stack just built (the kernel's arg_start..arg_end, env_start..env_end).
    static func stringArea(firstPointer: UInt64, count: Int) -> (start: UInt64, end: UInt64) {
        guard count > 0 else { return (0, 0) }
        let first = hostPointer(firstPointer).load(as: UInt64.self)
        let last = hostPointer(firstPointer + 8 * UInt64(count - 1)).load(as: UInt64.self)
        return (first, last + UInt64(strlen(hostPointer(last).assumingMemoryBound(to: CChar.self))) + 1)
    }

    /// Lays out strings, AT_RANDOM bytes, auxv, envp, argv and argc from `top` downwards as the
    /// kernel does, and returns the 16-byte aligned stack pointer (pointing at argc).
    static func buildInitialStack(top: UInt64, startup: StartupInfo,
                                  auxv auxvBase: [(UInt64, UInt64)]) -> (UInt64, [(UInt64, UInt64)]) {
        var p = top - 8  // the kernel leaves a zero word at the very top
        hostPointer(p).storeBytes(of: UInt64(0), as: UInt64.self)
        func pushString(_ s: String) -> UInt64 {
            let bytes = Array(s.utf8) + [0]
            p -= UInt64(bytes.count)
            bytes.withUnsafeBytes { hostPointer(p).copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            return p
        }
        let execfn = pushString(startup.executablePath)
        let envPointers = startup.environment.reversed().map(pushString).reversed() as [UInt64]
        let argPointers = startup.arguments.reversed().map(pushString).reversed() as [UInt64]
        let platform = pushString(startup.platform)
        p &= ~15
        p -= 16
        let random = p
        var randomBytes = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &randomBytes) { HostSyscall.fillRandom($0) }
        hostPointer(random).storeBytes(of: randomBytes.0, as: UInt64.self)
        hostPointer(random + 8).storeBytes(of: randomBytes.1, as: UInt64.self)

        var auxv = auxvBase
        auxv.append((AuxKey.random, random))
        auxv.append((AuxKey.execfn, execfn))
        auxv.append((AuxKey.platform, platform))
        auxv.append((AuxKey.null, 0))
        var words: [UInt64] = [UInt64(argPointers.count)]
        words += argPointers + [0] + envPointers + [0]
        for (k, v) in auxv { words += [k, v] }
        p -= UInt64(words.count * 8)
        p &= ~15
        for (i, w) in words.enumerated() { hostPointer(p + UInt64(i * 8)).storeBytes(of: w, as: UInt64.self) }
        return (p, auxv)
    }
}
