import FerryABI
import Glibc

/// What the CPU tells /proc/cpuinfo: the advertised capabilities and identification.
public struct GuestCPUDescription: Sendable {
    public var hwcap: UInt64
    public var hwcap2: UInt64
    /// MIDR_EL1-style main ID (implementer, variant, architecture, part, revision).
    public var mainID: UInt64
    /// Frequency of the counter the guest reads, for BogoMIPS as Linux derives it.
    public var counterFrequency: UInt64

    public init(hwcap: UInt64, hwcap2: UInt64, mainID: UInt64, counterFrequency: UInt64) {
        self.hwcap = hwcap
        self.hwcap2 = hwcap2
        self.mainID = mainID
        self.counterFrequency = counterFrequency
    }
}

/// What /proc shows a guest about itself, recorded once at startup (before any guest thread runs,
/// read-only afterwards).
final class GuestProcessView: @unchecked Sendable {
    /// The guest's auxv exactly as on its initial stack, AT_NULL pair included.
    var auxv: [UInt8] = []
    var argumentArea: (start: UInt64, end: UInt64) = (0, 0)
    var environmentArea: (start: UInt64, end: UInt64) = (0, 0)
    var cpu: GuestCPUDescription?
    /// /proc/<pid>/stat fields (1-based numbers) that describe the guest's memory layout, not ferry's.
    var statFields: [Int: UInt64] = [:]
}

extension LinuxPersonality {
    /// Records the freshly loaded program for the address-space map and /proc: its image
    /// (named by the program's path), initial stack, the sigreturn page, auxv, argv and envp
    /// areas; names the host process after the guest program, as the kernel names a process
    /// after the file it executed (so comm, stat and status, for us and for anyone looking, show
    /// the guest's name).
    public func describeGuest(_ program: LoadedProgram, cpu: GuestCPUDescription) {
        var st = stat()
        let haveIdentity = stat(executablePath, &st) == 0
        addressSpace.withLock {
            for var m in program.imageMappings {
                if m.isFile {
                    m.name = executablePath
                    if haveIdentity { m.device = UInt64(st.st_dev); m.inode = UInt64(st.st_ino) }
                }
                addressSpace.insert(m)
            }
            addressSpace.insert(GuestMapping(start: program.stackStart, end: program.stackEnd,
                                             protection: PROT_READ | PROT_WRITE, name: "[stack]"))
            if sigreturnTrampoline != 0 {
                addressSpace.insert(GuestMapping(start: sigreturnTrampoline, end: sigreturnTrampoline + HostMemory.pageSize,
                                                 protection: PROT_READ | PROT_EXEC, name: "[vdso]"))
            }
        }
        processView.auxv = Self.encodeAuxv(program.auxv, architecture: architecture)
        processView.argumentArea = program.argumentArea
        processView.environmentArea = program.environmentArea
        processView.cpu = cpu
        processView.statFields = [26: program.codeArea.start, 27: program.codeArea.end, 28: program.stackPointer,
                                  45: program.dataArea.start, 46: program.dataArea.end, 47: program.brkStart,
                                  48: program.argumentArea.start, 49: program.argumentArea.end,
                                  50: program.environmentArea.start, 51: program.environmentArea.end]
        if let execfn = program.auxv.first(where: { $0.0 == AuxKey.execfn })?.1, let path = GuestMemory.string(at: execfn) {
            let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
            let setName = UInt64(bitPattern: hostConstants.required("PR_SET_NAME"))
            _ = name.withCString { HostSyscall.call(.prctl, setName, UInt64(UInt(bitPattern: $0))) }
        }
    }

    /// The auxv pairs as the guest's words (its pointer size and byte order).
    static func encodeAuxv(_ pairs: [(UInt64, UInt64)], architecture: Architecture) -> [UInt8] {
        var bytes: [UInt8] = []
        let size = architecture.pointerSize
        for (key, value) in pairs {
            for word in [key, value] {
                let little = (0..<size).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
                bytes += architecture.isBigEndian ? little.reversed() : little
            }
        }
        return bytes
    }
}
