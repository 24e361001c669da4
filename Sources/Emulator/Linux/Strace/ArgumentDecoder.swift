import FerryABI

/// Turns a syscall's raw arguments into strace's text, driven by its signature.
struct ArgumentDecoder {
    let architecture: Architecture
    let guest: ConstantSet
    let host: ConstantSet
    let memory: TraceMemory
    let structs: StructPrinter

    init(architecture: Architecture, guest: ConstantSet, host: ConstantSet) {
        self.architecture = architecture
        self.guest = guest
        self.host = host
        memory = TraceMemory(architecture: architecture)
        structs = StructPrinter(architecture: architecture, memory: memory, constants: guest)
    }

    /// Generated groups strace spells other than as a plain value or `A|B` in ascending order:
    /// access's 0 is F_OK and its bits go in header order (R_OK|W_OK|X_OK); flock's operation is
    /// one value, plus LOCK_NB; an unknown fadvise advice is `0x9 /* POSIX_FADV_??? */`.
    func specialFlags(_ v: UInt64, _ name: String) -> String? {
        guard ["access_mode", "flock_op", "fadvise_advice"].contains(name), let group = guest.group(name) else { return nil }
        if name == "fadvise_advice" { return IoctlArguments.enumeration(Int64(UInt32(truncatingIfNeeded: v)), group) }
        if name == "flock_op" {
            guard let nb = group.constants.first(where: { $0.name == "LOCK_NB" })?.value else { return nil }
            let op = Int64(bitPattern: v) & ~nb
            let text = group.name(of: op) ?? String(op)
            return Int64(bitPattern: v) & nb != 0 ? text + "|LOCK_NB" : text
        }
        if v == 0 { return group.name(of: 0) ?? "0" }
        var rest = v
        var names: [String] = []
        for c in group.constants where c.value > 0 && rest & UInt64(c.value) == UInt64(c.value) {
            names.append(c.name)
            rest &= ~UInt64(c.value)
        }
        if rest != 0 { names.append(StraceText.hex(rest)) }
        return names.joined(separator: "|")
    }

    func int(_ v: UInt64) -> String { String(Int32(truncatingIfNeeded: v)) }

    func fd(_ v: UInt64) -> String { int(v) }

    func dirfd(_ v: UInt64) -> String {
        let n = Int32(truncatingIfNeeded: v)
        if let cwd = guest.value("AT_FDCWD"), Int64(n) == cwd { return "AT_FDCWD" }
        return String(n)
    }

    func path(_ v: UInt64) -> String {
        guard v != 0 else { return "NULL" }
        guard let b = memory.cString(v, limit: 4096) else { return StraceText.hex(v) }
        return StraceText.quote(b)
    }

    func string(_ v: UInt64) -> String {
        guard v != 0 else { return "NULL" }
        guard let b = memory.cString(v, limit: StraceText.stringLimit + 1) else { return StraceText.hex(v) }
        return StraceText.cString(b)
    }

    func argvItem(_ b: [UInt8]) -> String { StraceText.cString(b) }

    func argv(_ v: UInt64) -> String {
        guard v != 0 else { return "NULL" }
        var items: [String] = []
        var cursor = v
        let size = architecture.pointerSize
        while items.count < 4096, let p = memory.word(cursor, size: size), p != 0 {
            items.append(string(p))
            cursor &+= UInt64(size)
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    func envp(_ v: UInt64) -> String {
        guard v != 0 else { return "NULL" }
        var count = 0
        var cursor = v
        let size = architecture.pointerSize
        while count < 65536, let p = memory.word(cursor, size: size), p != 0 { count += 1; cursor &+= UInt64(size) }
        return "\(StraceText.hex(v)) /* \(count) var\(count == 1 ? "" : "s") */"
    }

    func signalName(_ n: Int32) -> String {
        if let name = guest.group("signal")?.name(of: Int64(n)) { return name }
        if let rtmin = guest.value("SIGRTMIN"), Int64(n) >= rtmin { return n == rtmin ? "SIGRTMIN" : "SIGRT_\(Int64(n) - rtmin)" }
        return String(n)
    }

    func sigset(_ address: UInt64, size: Int) -> String {
        guard address != 0 else { return "NULL" }
        guard let bits = memory.word(address, size: min(max(size, 1), 8)) else { return StraceText.hex(address) }
        return structs.sigset(bits, width: min(size, 8) * 8)
    }

    /// `[{iov_base="...", iov_len=5}, ...]`; `dataLimit`: bytes the call transferred (out) or nil (in).
    func iovec(_ address: UInt64, count: UInt64, dataLimit: Int64?) -> String {
        guard address != 0 else { return "NULL" }
        let ps = architecture.pointerSize
        var items: [String] = []
        var remaining = dataLimit ?? Int64.max
        for i in 0..<min(count, 1024) {
            guard let base = memory.word(address &+ i &* UInt64(2 * ps), size: ps),
                  let len = memory.word(address &+ i &* UInt64(2 * ps) &+ UInt64(ps), size: ps) else { return StraceText.hex(address) }
            let shown = Int(min(Int64(len), max(remaining, 0)))
            remaining -= Int64(len)
            let data = memory.bytes(base, min(shown, StraceText.stringLimit)).map { StraceText.quote($0, truncated: shown > StraceText.stringLimit) } ?? StraceText.pointer(base)
            items.append("{iov_base=\(data), iov_len=\(len)}")
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    func sockaddr(_ address: UInt64, length: UInt64) -> String {
        guard address != 0 else { return "NULL" }
        guard length >= 2, let b = memory.bytes(address, Int(min(length, 128))) else { return StraceText.hex(address) }
        let family = Int64(Bytes.load(b, 0, 2, signed: false, bigEndian: architecture.isBigEndian))
        let familyName = StraceText.name(family, in: guest.group("address_family")).map { $0.replacingPF() } ?? String(family)
        switch familyName {
        case "AF_UNIX" where b.count <= 2:
            return "{sa_family=AF_UNIX}"
        case "AF_INET6" where b.count >= 28:
            return sockaddrIn6(b)
        case "AF_UNIX":
            let pathBytes = Array(b.dropFirst(2))
            if pathBytes.first == 0 && pathBytes.count > 1 {
                return "{sa_family=AF_UNIX, sun_path=@\(StraceText.quote(Array(pathBytes.dropFirst().prefix { $0 != 0 })))}"
            }
            return "{sa_family=AF_UNIX, sun_path=\(StraceText.quote(pathBytes.prefix { $0 != 0 }.map { $0 }))}"
        case "AF_NETLINK" where b.count >= 12:
            return sockaddrNetlink(b)
        case "AF_INET" where b.count >= 8:
            let port = UInt16(b[2]) << 8 | UInt16(b[3])
            return "{sa_family=AF_INET, sin_port=htons(\(port)), sin_addr=inet_addr(\"\(b[4]).\(b[5]).\(b[6]).\(b[7])\")}"
        default:
            return "{sa_family=\(familyName), ...}"
        }
    }

    /// fcntl's third argument depends on the command.
    func fcntlArguments(_ r: SyscallRequest) -> [String] {
        let cmd = Int64(Int32(truncatingIfNeeded: r[1]))
        let name = guest.group("fcntl_cmd")?.name(of: cmd) ?? String(cmd)
        let head = [fd(r[0]), name]
        switch name {
        case "F_GETFD", "F_GETFL", "F_GETOWN", "F_GETSIG", "F_GETLEASE", "F_GETPIPE_SZ", "F_GET_SEALS":
            return head
        case "F_SETFD": return head + [StraceText.flags(r[2], group: guest.group("fd_flags"))]
        case "F_SETFL": return head + [structs.openFlags(r[2])]
        case "F_DUPFD", "F_DUPFD_CLOEXEC", "F_SETOWN", "F_SETSIG", "F_SETPIPE_SZ": return head + [int(r[2])]
        case "F_SETLK", "F_SETLKW", "F_GETLK", "F_OFD_SETLK", "F_OFD_SETLKW", "F_OFD_GETLK": return head + [flock(r[2])]
        default: return head + [StraceText.hex(r[2])]
        }
    }

    func flock(_ address: UInt64) -> String {
        guard let v = structs.view("flock", at: address) else { return StraceText.pointer(address) }
        let type = guest.group("flock_type")?.name(of: v.s("l_type")) ?? String(v.s("l_type"))
        let whence = guest.group("seek_whence")?.name(of: v.s("l_whence")) ?? String(v.s("l_whence"))
        return "{l_type=\(type), l_whence=\(whence), l_start=\(v.s("l_start")), l_len=\(v.s("l_len"))}"
    }

    func fcntlResult(_ r: SyscallRequest) -> String {
        let cmd = Int64(Int32(truncatingIfNeeded: r[1]))
        let name = guest.group("fcntl_cmd")?.name(of: cmd) ?? ""
        let v = UInt64(bitPattern: r.result)
        switch name {
        case "F_GETFD": return v == 0 ? "0" : "\(StraceText.hex(v)) (flags \(StraceText.flags(v, group: guest.group("fd_flags"))))"
        case "F_GETFL": return "\(StraceText.hex(v)) (flags \(structs.openFlags(v)))"
        default: return String(r.result)
        }
    }

    func siCode(_ signal: Int32, _ code: Int32) -> String {
        let name = signalName(signal)
        let group: String? = ["SIGSEGV": "segv_code", "SIGBUS": "bus_code", "SIGILL": "ill_code", "SIGFPE": "fpe_code",
                              "SIGTRAP": "trap_code", "SIGCHLD": "cld_code", "SIGPOLL": "poll_code", "SIGIO": "poll_code"][name]
        if code > 0, let group, let n = guest.group(group)?.name(of: Int64(code)) { return n }
        return guest.group("si_code")?.name(of: Int64(code)) ?? String(code)
    }

    /// `{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=..., ...}` from the host's siginfo bytes.
    func siginfo(guestSignal: Int32, hostInfo b: [UInt8]) -> String {
        func i32(_ o: Int) -> Int32 { Int32(truncatingIfNeeded: Bytes.load(b, o, 4, signed: true, bigEndian: false)) }
        func u64(_ o: Int) -> UInt64 { Bytes.load(b, o, 8, signed: false, bigEndian: false) }
        let name = signalName(guestSignal)
        let code = i32(8)
        let codeName = siCode(guestSignal, code)
        var text = "{si_signo=\(name), si_code=\(codeName)"
        if name == "SIGCHLD" {
            let status = i32(24)
            let statusText = code == 2 || code == 3 ? signalName(status) : String(status)   // CLD_KILLED/DUMPED
            text += ", si_pid=\(i32(16)), si_uid=\(UInt32(bitPattern: i32(20))), si_status=\(statusText), si_utime=\(Int64(bitPattern: u64(32))), si_stime=\(Int64(bitPattern: u64(40)))"
        } else if ["SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGTRAP"].contains(name) && code > 0 {
            text += ", si_addr=\(StraceText.pointer(u64(16)))"
        } else if code <= 0 || codeName == "SI_USER" {
            text += ", si_pid=\(i32(16)), si_uid=\(UInt32(bitPattern: i32(20)))"
            if code == -1 || codeName == "SI_QUEUE" { text += ", si_int=\(i32(24)), si_ptr=\(StraceText.hex(u64(24)))" }
        }
        return text + "}"
    }

    // MARK: arguments by signature

    func arguments(_ signature: SyscallSignature, _ r: SyscallRequest, entry: TraceEntry, after: Bool) -> [String] {
        if signature.name == "fcntl" { return fcntlArguments(r) }
        if signature.name == "clone" { return cloneArguments(r) }
        if signature.name == "prctl" { return prctlArguments(r, after: after) }
        let ok = after && r.result >= 0
        var out: [String] = []
        var createMode = true
        for (i, kind) in signature.arguments.enumerated() {
            let v = r[i]
            switch kind {
            case .int: out.append(int(v))
            case .long: out.append(String(Int64(bitPattern: v)))
            case .unsigned: out.append(String(v))
            case .hex: out.append(StraceText.hex(v))
            case .pointer: out.append(StraceText.pointer(v))
            case .fd: out.append(fd(v))
            case .dirfd: out.append(dirfd(v))
            case .path: out.append(path(v))
            case .string: out.append(string(v))
            case let .inBuffer(n):
                let len = Int(min(r[n], 1 << 20))
                out.append(v == 0 ? "NULL" : memory.bytes(v, min(len, StraceText.stringLimit)).map { StraceText.buffer($0, count: len) } ?? StraceText.hex(v))
            case let .outBuffer(n):
                if ok {
                    let len = Int(min(UInt64(r.result), r[n]))
                    let hexOnly = signature.name == "getrandom"
                    if signature.name == "getcwd" || signature.name == "readlinkat" || signature.name == "readlink" {
                        let shown = signature.name == "getcwd" ? max(len - 1, 0) : len
                        out.append(memory.bytes(v, shown).map { StraceText.quote($0) } ?? StraceText.hex(v))
                    } else {
                        out.append(memory.bytes(v, min(len, StraceText.stringLimit)).map { StraceText.buffer($0, count: len, forceHex: hexOnly) } ?? StraceText.hex(v))
                    }
                } else { out.append(StraceText.pointer(v)) }
            case let .flags(g):
                let value = UInt64(truncatingIfNeeded: v)
                if let special = specialFlags(value, g) { out.append(special); break }
                if g == "mmap_prot" { out.append(StraceText.flags(value, group: guest.group(g), zero: "PROT_NONE")); break }
                if g == "clone_flags" { out.append(cloneFlags(value)); break }
                if g == "mmap_flags" { out.append(mmapFlags(value)); break }
                out.append(StraceText.flags(value & 0xFFFF_FFFF, group: guest.group(g)))
            case let .enumeration(g):
                let value = Int64(Int32(truncatingIfNeeded: v))
                if let special = specialFlags(UInt64(bitPattern: value), g) { out.append(special); break }
                out.append(StraceText.enumeration(value, group: guest.group(g)))
            case .openFlags:
                let value = UInt64(UInt32(truncatingIfNeeded: v))
                let tmpFile = UInt64(guest.required("O_TMPFILE"))
                createMode = value & UInt64(guest.required("O_CREAT")) != 0 || value & tmpFile == tmpFile
                if ["dup3", "pipe2", "userfaultfd", "open_by_handle_at", "delete_module"].contains(signature.name) {
                    out.append(value == 0 ? "0" : StraceText.flags(value, group: guest.group("open_flags"), skip: ["O_ACCMODE", "O_RDONLY", "O_WRONLY", "O_RDWR"]))
                } else { out.append(structs.openFlags(value)) }
            case let .inStruct(s):
                out.append(entry.before[i] ?? structs.render(s, at: v))
            case let .outStruct(s):
                out.append(ok ? structs.render(s, at: v) : StraceText.pointer(v))
            case let .inoutStruct(s):
                out.append(structs.render(s, at: v))
            case let .inArray(s, n):
                out.append(array(s, at: v, count: r[n], revents: false))
            case let .inSigset(n):
                out.append(sigset(v, size: Int(r[n])))
            case .outSigset:
                let size = signature.arguments.firstIndex(of: .outSigset).map { _ in Int(r[signature.arguments.count - 1]) } ?? 8
                out.append(ok ? sigset(v, size: size) : StraceText.pointer(v))
            case .intPointer:
                out.append(memory.word(v, size: 4).map { "[\(Int32(truncatingIfNeeded: $0))]" } ?? StraceText.pointer(v))
            case .outIntPointer:
                out.append(ok ? memory.word(v, size: 4).map { "[\(Int32(truncatingIfNeeded: $0))]" } ?? StraceText.pointer(v) : StraceText.pointer(v))
            case .outIntPair:
                if ok, let b = memory.bytes(v, 8) {
                    let a = Int32(truncatingIfNeeded: Bytes.load(b, 0, 4, signed: true, bigEndian: architecture.isBigEndian))
                    let c = Int32(truncatingIfNeeded: Bytes.load(b, 4, 4, signed: true, bigEndian: architecture.isBigEndian))
                    out.append("[\(a), \(c)]")
                } else { out.append(StraceText.pointer(v)) }
            case .mode:
                if signature.arguments.contains(.openFlags) && !createMode { continue }
                out.append(StraceText.mode(v & 0o7777))
            case .dev: out.append("makedev(\(StraceText.hex(structs.major(v))), \(structs.minor(v)))")
            case .uid: out.append(String(Int32(truncatingIfNeeded: v)))
            case .pid: out.append(String(Int32(truncatingIfNeeded: v)))
            case .signal: out.append(signalName(Int32(truncatingIfNeeded: v)))
            case .argv: out.append(argv(v))
            case .envp: out.append(envp(v))
            case let .inIovec(n): out.append(iovec(v, count: r[n], dataLimit: nil))
            case let .outIovec(n): out.append(ok ? iovec(v, count: r[n], dataLimit: r.result) : StraceText.pointer(v))
            case let .socketAddress(n): out.append(sockaddr(v, length: r[n]))
            case let .outSocketAddress(n):
                let len = memory.word(r[n], size: 4) ?? 0
                out.append(ok ? sockaddr(v, length: len) : StraceText.pointer(v))
            case .offsetPointer:
                out.append(v == 0 ? "NULL" : (entry.lengthsBefore[i] ?? memory.word(v, size: 8)).map { "[\(Int64(bitPattern: $0))]" } ?? StraceText.hex(v))
            case .inoutOffsetPointer:
                guard v != 0 else { out.append("NULL"); break }
                let before = entry.lengthsBefore[i]
                let now = memory.word(v, size: 8)
                if ok, let before, let now, before != now { out.append("[\(Int64(bitPattern: before))] => [\(Int64(bitPattern: now))]") }
                else { out.append((before ?? now).map { "[\(Int64(bitPattern: $0))]" } ?? StraceText.hex(v)) }
            case .waitStatus:
                if ok && r.result > 0, let s = memory.word(v, size: 4) { out.append(waitStatus(UInt32(truncatingIfNeeded: s))) }
                else { out.append(StraceText.pointer(v)) }
            case .ipcKey: out.append(ipcKey(v))
            case .ipcFlags: out.append(ipcFlags(v))
            case .ipcCommand: out.append(ipcCommand(v))
            case .socketType: out.append(socketType(v))
            case let .socketProtocol(n): out.append(socketProtocol(v, family: r[n]))
            case let .socketOption(n): out.append(socketOption(v, length: r[n]))
            case let .outSocketOption(n):
                out.append(ok ? socketOption(v, length: memory.word(r[n], size: 4) ?? 0) : StraceText.pointer(v))
            case .personality: out.append(personality(v))
            case let .fdSet(n): out.append(entry.before[i] ?? fdSet(v, count: r[n]))
            case .selectSigmask: out.append(selectSigmask(v))
            case .outEpollEvents: out.append(epollEvents(v, r, after: after))
            case .message: out.append(message(v, r, after: after, namelenBefore: nil))
            case .outMessage: out.append(message(v, r, after: after, namelenBefore: entry.lengthsBefore[i] ?? 0))
            case let .messages(n): out.append(messageVector(v, count: r[n], r, received: false))
            case let .outMessages(n): out.append(after ? messageVector(v, count: r[n], r, received: true) : StraceText.pointer(v))
            case .outSocketLength:
                guard v != 0 else { out.append("NULL"); break }
                let before = entry.lengthsBefore[i]
                let now = memory.word(v, size: 4)
                if ok, let before, let now, before != now { out.append("[\(before) => \(now)]") }
                else { out.append((now ?? before).map { "[\($0)]" } ?? StraceText.hex(v)) }
            }
        }
        return out
    }

    func array(_ s: String, at address: UInt64, count: UInt64, revents: Bool) -> String {
        guard address != 0 else { return "NULL" }
        guard let layout = ABILayouts.layout(s, for: architecture) else { return StraceText.hex(address) }
        var items: [String] = []
        for i in 0..<min(count, 256) {
            guard let v = structs.view(s, at: address &+ i &* UInt64(layout.size)) else { return StraceText.hex(address) }
            items.append(s == "pollfd" ? structs.pollfd(v, revents: revents) : structs.render(s, v) ?? "...")
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// strace names clone's arguments; the guest's order is flags, stack, parent_tid, tls, child_tid
    /// (x86-64 swaps the last two).
    func cloneArguments(_ r: SyscallRequest) -> [String] {
        let flags = r[0]
        var out = ["child_stack=\(StraceText.pointer(r[1]))", "flags=\(cloneFlags(flags))"]
        let (tlsIndex, childIndex) = architecture == .x86_64 ? (4, 3) : (3, 4)
        func has(_ name: String) -> Bool { guest.value(name).map { flags & UInt64($0) != 0 } ?? false }
        if has("CLONE_PARENT_SETTID") { out.append("parent_tid=\(StraceText.pointer(r[2]))") }
        if has("CLONE_CHILD_SETTID") || has("CLONE_CHILD_CLEARTID") { out.append("child_tidptr=\(StraceText.pointer(r[childIndex]))") }
        if has("CLONE_SETTLS") { out.append("tls=\(StraceText.pointer(r[tlsIndex]))") }
        return out
    }

    /// clone's flags with the exit signal in the low byte, as strace shows them.
    func cloneFlags(_ v: UInt64) -> String {
        let signal = v & 0xff
        let rest = v & ~0xff
        var parts: [String] = []
        if rest != 0 { parts.append(StraceText.flags(rest, group: guest.group("clone_flags"))) }
        if signal != 0 { parts.append(signalName(Int32(signal))) }
        return parts.isEmpty ? "0" : parts.joined(separator: "|")
    }

    /// MAP_SHARED/MAP_PRIVATE are a type field, not bits.
    func mmapFlags(_ v: UInt64) -> String {
        let type = v & 0xf
        let typeName = ["0", "MAP_SHARED", "MAP_PRIVATE", "MAP_SHARED_VALIDATE"][Int(min(type, 3))]
        let rest = v & ~0xf
        guard rest != 0 else { return typeName }
        return typeName + "|" + StraceText.flags(rest, group: guest.group("mmap_flags"), skip: ["MAP_SHARED", "MAP_PRIVATE", "MAP_SHARED_VALIDATE", "MAP_TYPE"])
    }
}

private extension String {
    /// The address-family group may list PF_ names first; strace writes AF_.
    func replacingPF() -> String { hasPrefix("PF_") ? "AF_" + dropFirst(3) : self }
}
