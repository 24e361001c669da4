import FerryABI
import Glibc

/// The /proc entries that must describe the guest rather than ferry. Generated text is served
/// through a read-only descriptor of a memfd (read, lseek, fstat and mmap work on it).
/// comm and status come from the host unchanged: ferry names the host process after the guest
/// program at startup, so their names already are the guest's; stat is the host's with the
/// memory-layout fields (code, data, stack, brk, argv and envp addresses) made the guest's. /proc/<pid> of another
/// process (another ferry included) passes through: it shows that process as the host sees it.
enum ProcEntry: Equatable {
    case maps, smaps, auxv, cmdline, environ, executable, cpuinfo, stat
}

extension LinuxPersonality {
    /// Which guest-described entry `path` names, if any: /proc/cpuinfo, or maps, smaps, auxv,
    /// cmdline, environ or exe under /proc/self, /proc/thread-self, /proc/<our pid> (or one of
    /// its /task/<tid>).
    func procEntry(_ path: String) -> ProcEntry? {
        guard path.hasPrefix("/proc/") else { return nil }
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        guard parts.count >= 2, parts[0] == "proc" else { return nil }
        if parts.count == 2 { return parts[1] == "cpuinfo" ? .cpuinfo : nil }
        let owner = parts[1]
        guard owner == "self" || owner == "thread-self" || owner == String(getpid()) else { return nil }
        var rest = parts[2...]
        if owner != "thread-self", rest.count == 3, rest.first == "task", Int32(rest[rest.startIndex + 1]) != nil {
            rest = rest.dropFirst(2)
        }
        guard rest.count == 1 else { return nil }
        switch rest.first! {
        case "maps": return .maps
        case "smaps": return .smaps
        case "auxv": return .auxv
        case "cmdline": return .cmdline
        case "environ": return .environ
        case "exe": return .executable
        case "stat": return .stat
        default: return nil
        }
    }

    /// The /proc entry a guest path argument names, looking at its first bytes before reading the
    /// whole string (the common case, any other path, costs one small read). nil for other paths
    /// and for unreadable ones (the host call then reports EFAULT).
    func procEntry(atGuestPath address: UInt64) -> (ProcEntry, String)? {
        var prefix: (UInt64, UInt64) = (0, 0)
        let toPageEnd = HostMemory.pageSize - (address & (HostMemory.pageSize - 1))
        let count = Int(min(6, toPageEnd))
        let ok = withUnsafeMutableBytes(of: &prefix) { GuestMemory.read(address, count: count, into: $0.baseAddress!) }
        // "/proc/" in little-endian bytes.
        guard ok, count == 6, prefix.0 & 0xffff_ffff_ffff == 0x2f_636f_7270_2f else { return nil }
        guard let path = GuestMemory.string(at: address), let entry = procEntry(path) else { return nil }
        return (entry, path)
    }

    /// openat of a guest-described /proc entry: the descriptor, -errno, or nil to let the host open it.
    func openProcEntry(pathAddress: UInt64, hostFlags: Int64, mode: UInt64) -> Int64? {
        guard let (entry, path) = procEntry(atGuestPath: pathAddress) else { return nil }
        if entry == .executable {
            return executablePath.withCString {
                HostSyscall.call(.openat, UInt64(bitPattern: Int64(AT_FDCWD)), UInt64(UInt(bitPattern: $0)), UInt64(bitPattern: hostFlags), mode)
            }
        }
        if hostFlags & Int64(O_ACCMODE) != Int64(O_RDONLY) { return -Int64(EACCES) }
        if hostFlags & Int64(O_DIRECTORY) != 0 { return -Int64(ENOTDIR) }
        guard let content = procContent(entry, path: path) else { return nil }
        return serve(content, name: "ferry-proc", cloexec: hostFlags & Int64(O_CLOEXEC) != 0)
    }

    func procContent(_ entry: ProcEntry, path: String) -> [UInt8]? {
        switch entry {
        case .stat:
            // The same file of ferry's process (same pid, same thread), its layout fields replaced.
            guard let host = HostFile.readAll(path: path) else { return nil }
            return Self.patchStat(host, fields: processView.statFields)
        case .maps: return Array(MapsText.maps(addressSpace.snapshot()).utf8)
        case .smaps:
            let mappings = addressSpace.snapshot()
            let host = HostFile.readAll(path: "/proc/self/smaps").map { String(decoding: $0, as: UTF8.self) } ?? ""
            return Array(MapsText.smaps(mappings, hostSmaps: host).utf8)
        case .auxv: return processView.auxv
        case .cmdline: return guestBytes(processView.argumentArea)
        case .environ: return guestBytes(processView.environmentArea)
        case .cpuinfo:
            guard let cpu = processView.cpu else { return nil }
            let count = max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1)
            return CPUInfo.text(architecture: architecture, cpu: cpu, processors: count).map { Array($0.utf8) }
        case .executable: return nil
        }
    }

    /// A stat line with some numbered fields replaced. Field 2, "(comm)", may hold spaces and
    /// parentheses: fields are counted from after its last ')'.
    static func patchStat(_ text: [UInt8], fields: [Int: UInt64]) -> [UInt8] {
        guard let close = text.lastIndex(of: UInt8(ascii: ")")) else { return text }
        let tail = text[(close + 1)...].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        var out = Array(text[...close])
        for (i, field) in tail.enumerated() {
            out.append(UInt8(ascii: " "))
            let number = i + 3
            if let value = fields[number] {
                out += Array(String(value).utf8) + (field.last == UInt8(ascii: "\n") ? [UInt8(ascii: "\n")] : [])
            } else {
                out += field
            }
        }
        return out
    }

    /// The bytes of [start, end) in guest memory as they are now (the guest may have rewritten its
    /// argv, which cmdline shows, as the kernel reads it from the process).
    private func guestBytes(_ area: (start: UInt64, end: UInt64)) -> [UInt8] {
        guard area.end > area.start else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(area.end - area.start))
        let ok = bytes.withUnsafeMutableBytes { GuestMemory.read(area.start, count: $0.count, into: $0.baseAddress!) }
        return ok ? bytes : []
    }

    /// A read-only descriptor whose file holds `content`: a memfd, written, sealed and reopened
    /// read-only through /proc/self/fd so the guest's descriptor has O_RDONLY access as a /proc file has.
    private func serve(_ content: [UInt8], name: String, cloexec: Bool) -> Int64 {
        // Host (x86-64) values: MFD_CLOEXEC | MFD_ALLOW_SEALING; F_ADD_SEALS; SEAL, SHRINK, GROW, WRITE.
        let memfdFlags: UInt64 = 0x1 | 0x2, addSeals: UInt64 = 1033, allSeals: UInt64 = 0x1 | 0x2 | 0x4 | 0x8
        let memfd = name.withCString { HostSyscall.call(.memfd_create, UInt64(UInt(bitPattern: $0)), memfdFlags) }
        if memfd < 0 { return memfd }
        defer { _ = HostSyscall.call(.close, UInt64(memfd)) }
        var written = 0
        while written < content.count {
            let n = content.withUnsafeBytes {
                HostSyscall.call(.write, UInt64(memfd), UInt64(UInt(bitPattern: $0.baseAddress! + written)), UInt64($0.count - written))
            }
            if n == -Int64(EINTR) { continue }
            if n <= 0 { return n < 0 ? n : -Int64(EIO) }
            written += Int(n)
        }
        _ = HostSyscall.call(.fcntl, UInt64(memfd), addSeals, allSeals)
        let flags = Int64(O_RDONLY) | (cloexec ? Int64(O_CLOEXEC) : 0)
        return "/proc/self/fd/\(memfd)".withCString {
            HostSyscall.call(.openat, UInt64(bitPattern: Int64(AT_FDCWD)), UInt64(UInt(bitPattern: $0)), UInt64(bitPattern: flags), 0)
        }
    }
}
