import FerryABI

/// Reads guest memory for the tracer; nil where the guest pointer is unreadable (strace then
/// prints the address).
struct TraceMemory {
    let architecture: Architecture

    func bytes(_ address: UInt64, _ count: Int) -> [UInt8]? {
        guard address != 0 else { return nil }
        if count <= 0 { return [] }
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBytes { GuestMemory.read(address, count: count, into: $0.baseAddress!) }
        return ok ? out : nil
    }

    func cString(_ address: UInt64, limit: Int) -> [UInt8]? {
        guard address != 0 else { return nil }
        var out: [UInt8] = []
        var cursor = address
        while out.count < limit {
            let toPage = Int(HostMemory.pageSize - (cursor & (HostMemory.pageSize - 1)))
            guard let chunk = bytes(cursor, min(toPage, 256)) else { return out.isEmpty ? nil : out }
            if let end = chunk.firstIndex(of: 0) { return out + chunk[..<end] }
            out += chunk
            cursor &+= UInt64(chunk.count)
        }
        return out
    }

    func word(_ address: UInt64, size: Int, signed: Bool = false) -> UInt64? {
        bytes(address, size).map { Bytes.load($0, 0, size, signed: signed, bigEndian: architecture.isBigEndian) }
    }
}

/// One struct's bytes read through its generated layout.
struct StructView {
    let bytes: [UInt8]
    let layout: StructLayout
    let bigEndian: Bool

    func u(_ name: String) -> UInt64 {
        guard let f = layout.field(name) else { return 0 }
        return Bytes.load(bytes, f.offset, f.size, signed: f.isSigned, bigEndian: bigEndian)
    }

    func s(_ name: String) -> Int64 { Int64(bitPattern: u(name)) }

    func chars(_ name: String) -> [UInt8] {
        guard let f = layout.field(name), f.offset + f.byteCount <= bytes.count else { return [] }
        let raw = bytes[f.offset..<(f.offset + f.byteCount)]
        return Array(raw.prefix { $0 != 0 })
    }
}

/// strace's renderings of the structs syscalls pass, field by field, with `-X abbrev` defaults
/// (`...` for the fields strace leaves out).
struct StructPrinter {
    let architecture: Architecture
    let memory: TraceMemory
    let constants: ConstantSet

    func view(_ name: String, at address: UInt64) -> StructView? {
        guard let layout = ABILayouts.layout(name, for: architecture), let b = memory.bytes(address, layout.size) else { return nil }
        return StructView(bytes: b, layout: layout, bigEndian: architecture.isBigEndian)
    }

    /// The struct at `address`, or its address when it cannot be read or has no printer.
    func render(_ name: String, at address: UInt64) -> String {
        guard address != 0 else { return "NULL" }
        guard let v = view(name, at: address) else { return StraceText.hex(address) }
        return render(name, v) ?? StraceText.hex(address)
    }

    func render(_ name: String, _ v: StructView) -> String? {
        switch name {
        case "stat", "stat64":
            let mode = v.u("st_mode")
            let type = Int64(mode) & constants.required("S_IFMT")
            if type == constants.value("S_IFCHR") || type == constants.value("S_IFBLK") {
                let rdev = v.u("st_rdev")
                return "{st_mode=\(StraceText.fileMode(mode, constants)), st_rdev=makedev(\(StraceText.hex(major(rdev))), \(minor(rdev))), ...}"
            }
            return "{st_mode=\(StraceText.fileMode(mode, constants)), st_size=\(v.s("st_size")), ...}"
        case "timespec", "kernel_timespec":
            return "{tv_sec=\(v.s("tv_sec")), tv_nsec=\(v.s("tv_nsec"))}"
        case "timeval", "kernel_old_timeval":
            return "{tv_sec=\(v.s("tv_sec")), tv_usec=\(v.s("tv_usec"))}"
        case "itimerspec":
            return "{it_interval={tv_sec=\(v.s("it_interval.tv_sec")), tv_nsec=\(v.s("it_interval.tv_nsec"))}, it_value={tv_sec=\(v.s("it_value.tv_sec")), tv_nsec=\(v.s("it_value.tv_nsec"))}}"
        case "itimerval":
            return "{it_interval={tv_sec=\(v.s("it_interval.tv_sec")), tv_usec=\(v.s("it_interval.tv_usec"))}, it_value={tv_sec=\(v.s("it_value.tv_sec")), tv_usec=\(v.s("it_value.tv_usec"))}}"
        case "rlimit", "rlimit64":
            return "{rlim_cur=\(rlim(v.u("rlim_cur"))), rlim_max=\(rlim(v.u("rlim_max")))}"
        case "utsname":
            return "{sysname=\(StraceText.cString(v.chars("sysname"))), nodename=\(StraceText.cString(v.chars("nodename"))), ...}"
        case "tms":
            return "{tms_utime=\(v.s("tms_utime")), tms_stime=\(v.s("tms_stime")), tms_cutime=\(v.s("tms_cutime")), tms_cstime=\(v.s("tms_cstime"))}"
        case "rusage":
            return "{ru_utime={tv_sec=\(v.s("ru_utime.tv_sec")), tv_usec=\(v.s("ru_utime.tv_usec"))}, ru_stime={tv_sec=\(v.s("ru_stime.tv_sec")), tv_usec=\(v.s("ru_stime.tv_usec"))}, ...}"
        case "sysinfo":
            return "{uptime=\(v.s("uptime")), loads=[...], totalram=\(v.u("totalram")), freeram=\(v.u("freeram")), ...}"
        case "statfs", "statfs64":
            return statfs(v)
        case "pollfd":
            return pollfd(v, revents: false)
        case "sched_param":
            return "[\(v.s("sched_priority"))]"   // strace shows the one field as an int
        case "stack_t":
            let flags = StraceText.flags(v.u("ss_flags"), group: constants.group("sigaltstack"))
            return "{ss_sp=\(StraceText.pointer(v.u("ss_sp"))), ss_flags=\(flags), ss_size=\(v.u("ss_size"))}"
        case "epoll_event":
            let events = StraceText.flags(v.u("events"), group: constants.group("epoll_events"))
            let data = v.u("data")
            return "{events=\(events), data={u32=\(UInt32(truncatingIfNeeded: data)), u64=\(data)}}"
        case "sigaction":
            return sigaction(v)
        case "open_how":
            return "{flags=\(openFlags(v.u("flags"))), mode=\(StraceText.mode(v.u("mode"))), resolve=\(StraceText.flags(v.u("resolve"), group: constants.group("resolve_flags")))}"
        default:
            return nil
        }
    }

    /// Filesystem magics strace names (uapi linux/magic.h; a value, not per architecture).
    static let filesystemMagics: [UInt64: String] = [
        0xef53: "EXT2_SUPER_MAGIC", 0x01021994: "TMPFS_MAGIC", 0x794c7630: "OVERLAYFS_SUPER_MAGIC",
        0x9fa0: "PROC_SUPER_MAGIC", 0x62656572: "SYSFS_MAGIC", 0x9123683e: "BTRFS_SUPER_MAGIC",
        0x58465342: "XFS_SUPER_MAGIC", 0x6969: "NFS_SUPER_MAGIC", 0x1cd1: "DEVPTS_SUPER_MAGIC",
        0x27e0eb: "CGROUP_SUPER_MAGIC", 0x63677270: "CGROUP2_SUPER_MAGIC", 0x858458f6: "RAMFS_MAGIC",
        0x65735546: "FUSE_SUPER_MAGIC", 0x01021997: "V9FS_MAGIC", 0x4d44: "MSDOS_SUPER_MAGIC",
        0xf2f52010: "F2FS_SUPER_MAGIC", 0x73717368: "SQUASHFS_MAGIC", 0x9660: "ISOFS_SUPER_MAGIC",
        0x2fc12fc1: "ZFS_SUPER_MAGIC", 0xff534d42: "CIFS_SUPER_MAGIC", 0x6e736673: "NSFS_MAGIC",
    ]
    /// statfs f_flags: the generated `statfs_flags` (glibc's ST_*) plus the two bits the kernel
    /// sets that no header here defines: ST_VALID and ST_NOSYMFOLLOW live in the kernel's own
    /// include/linux/statfs.h, and bookworm's glibc 2.36 predates ST_NOSYMFOLLOW (the uapi
    /// MS_NOSYMFOLLOW is 0x100, a different bit), so these two cannot be probed.
    var mountFlags: [(String, UInt64)] {
        let probed = (constants.group("statfs_flags")?.constants ?? []).filter { $0.aliasOf == nil }
            .map { ($0.name, UInt64(bitPattern: $0.value)) }
        return (probed + [("ST_VALID", 0x20), ("ST_NOSYMFOLLOW", 0x2000)]).sorted { $0.1 < $1.1 }
    }

    func statfs(_ v: StructView) -> String {
        let type = v.u("f_type") & 0xFFFF_FFFF
        let typeText = Self.filesystemMagics[type] ?? StraceText.hex(type)
        var fsid = ["0", "0"]
        if let f = v.layout.field("f_fsid.val") ?? v.layout.field("f_fsid") {
            fsid = (0..<2).map { StraceText.hex(Bytes.load(v.bytes, f.offset + 4 * $0, 4, signed: false, bigEndian: v.bigEndian)) }
        }
        var rest = v.u("f_flags")
        var flags: [String] = []
        for (name, bit) in mountFlags where rest & bit != 0 { flags.append(name); rest &= ~bit }
        if rest != 0 { flags.append(StraceText.hex(rest)) }
        return "{f_type=\(typeText), f_bsize=\(v.s("f_bsize")), f_blocks=\(v.u("f_blocks")), f_bfree=\(v.u("f_bfree")), "
            + "f_bavail=\(v.u("f_bavail")), f_files=\(v.u("f_files")), f_ffree=\(v.u("f_ffree")), "
            + "f_fsid={val=[\(fsid[0]), \(fsid[1])]}, f_namelen=\(v.s("f_namelen")), f_frsize=\(v.s("f_frsize")), "
            + "f_flags=\(flags.isEmpty ? "0" : flags.joined(separator: "|"))}"
    }

    func pollfd(_ v: StructView, revents: Bool) -> String {
        let group = constants.group("poll_events")
        if revents {
            return "{fd=\(v.s("fd")), revents=\(StraceText.flags(v.u("revents") & 0xFFFF, group: group))}"
        }
        return "{fd=\(v.s("fd")), events=\(StraceText.flags(v.u("events") & 0xFFFF, group: group))}"
    }

    func sigaction(_ v: StructView) -> String {
        let handler = v.u("sa_handler")
        let handlerText = handler == 0 ? "SIG_DFL" : handler == 1 ? "SIG_IGN" : StraceText.hex(handler)
        let maskField = v.layout.field("sa_mask.sig") ?? v.layout.field("sa_mask")
        let mask = maskField.map { Bytes.load(v.bytes, $0.offset, min($0.byteCount, 8), signed: false, bigEndian: v.bigEndian) } ?? 0
        let flags = v.u("sa_flags")
        var text = "{sa_handler=\(handlerText), sa_mask=\(sigset(mask)), sa_flags=\(StraceText.flags(flags, group: constants.group("sigaction_flags")))"
        if let restorer = constants.value("SA_RESTORER"), flags & UInt64(restorer) != 0 {
            text += ", sa_restorer=\(StraceText.pointer(v.u("sa_restorer")))"
        }
        return text + "}"
    }

    /// `[USR1 CHLD]`, or `~[...]` when more than half the signals are in the set, as strace does.
    func sigset(_ bits: UInt64, width: Int = 64) -> String {
        let group = constants.group("signal")
        func names(_ b: UInt64) -> [String] {
            (1...width).compactMap { n -> String? in
                guard b & (1 << UInt64(n - 1)) != 0 else { return nil }
                if let name = group?.name(of: Int64(n)) { return StraceText.shortSignal(name) }
                if let rtmin = constants.value("SIGRTMIN"), n >= rtmin { return n == rtmin ? "RTMIN" : "RT_\(n - Int(rtmin))" }
                return String(n)
            }
        }
        let full: UInt64 = width >= 64 ? ~0 : (1 << UInt64(width)) - 1
        if (bits & full).nonzeroBitCount > width / 2 {
            return "~[" + names(~bits & full).joined(separator: " ") + "]"
        }
        return "[" + names(bits).joined(separator: " ") + "]"
    }

    func openFlags(_ v: UInt64) -> String {
        let accmode = v & 3
        let access = ["O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"][Int(accmode)]
        let rest = v & ~3
        guard rest != 0 else { return access }
        return access + "|" + StraceText.flags(rest, group: constants.group("open_flags"),
                                               skip: ["O_ACCMODE", "O_RDONLY", "O_WRONLY", "O_RDWR", "O_TMPFILE"])
    }

    func rlim(_ v: UInt64) -> String {
        if v == UInt64.max { return "RLIM64_INFINITY" }
        if v > 0 && v % 1024 == 0 { return "\(v / 1024)*1024" }
        return String(v)
    }

    func major(_ d: UInt64) -> UInt64 { ((d >> 8) & 0xfff) | ((d >> 32) & ~0xfff) }
    func minor(_ d: UInt64) -> UInt64 { (d & 0xff) | ((d >> 12) & ~0xff) }
}

