import FerryABI
import Glibc

/// Arguments and results whose spelling depends on another argument or on the call: IPC keys and
/// commands, socket types and protocols, wait statuses, prctl, personality; result details.
extension ArgumentDecoder {
    // MARK: System V IPC

    func ipcKey(_ v: UInt64) -> String {
        let key = UInt32(truncatingIfNeeded: v)
        return key == 0 ? "IPC_PRIVATE" : StraceText.hex(UInt64(key))
    }

    /// `IPC_CREAT|IPC_EXCL|0600`: the flag bits, then the permission bits.
    func ipcFlags(_ v: UInt64) -> String {
        let word = v & 0xFFFF_FFFF
        let bits = word & ~0o777
        let perms = StraceText.mode(word & 0o777)
        return bits == 0 ? perms : StraceText.flags(bits, group: guest.group("ipc_flags")) + "|" + perms
    }

    /// `IPC_RMID`, `IPC_64|IPC_STAT` (IPC_64 is a flag on the command).
    func ipcCommand(_ v: UInt64) -> String {
        let word = Int64(Int32(truncatingIfNeeded: v))
        let ipc64 = guest.required("IPC_64")   // linux/ipc.h, probed for every architecture
        let command = word & ~ipc64
        let name = guest.group("ipc_cmd")?.constants.first { $0.value == command && $0.name != "IPC_64" }?.name ?? String(command)
        return word & ipc64 != 0 ? "IPC_64|" + name : name
    }

    // MARK: sockets

    /// The low four bits are the type, the rest SOCK_NONBLOCK/SOCK_CLOEXEC.
    func socketType(_ v: UInt64) -> String {
        let word = v & 0xFFFF_FFFF
        let type = StraceText.enumeration(Int64(word & 0xF), group: guest.group("socket_type"))
        let rest = word & ~0xF
        return rest == 0 ? type : type + "|" + StraceText.flags(rest, group: guest.group("socket_flags"))
    }

    /// Netlink protocols (generic uapi values, the same on every architecture).
    static let netlinkProtocols = ["NETLINK_ROUTE", "NETLINK_UNUSED", "NETLINK_USERSOCK", "NETLINK_FIREWALL",
                                   "NETLINK_SOCK_DIAG", "NETLINK_NFLOG", "NETLINK_XFRM", "NETLINK_SELINUX",
                                   "NETLINK_ISCSI", "NETLINK_AUDIT", "NETLINK_FIB_LOOKUP", "NETLINK_CONNECTOR",
                                   "NETLINK_NETFILTER", "NETLINK_IP6_FW", "NETLINK_DNRTMSG", "NETLINK_KOBJECT_UEVENT",
                                   "NETLINK_GENERIC", "NETLINK_DM", "NETLINK_SCSITRANSPORT", "NETLINK_ECRYPTFS",
                                   "NETLINK_RDMA", "NETLINK_CRYPTO", "NETLINK_SMC"]

    /// The protocol named by the family: IPPROTO_* for AF_INET/AF_INET6, NETLINK_* for AF_NETLINK.
    func socketProtocol(_ v: UInt64, family: UInt64) -> String {
        let value = Int64(Int32(truncatingIfNeeded: v))
        switch StraceText.name(Int64(Int32(truncatingIfNeeded: family)), in: guest.group("address_family")) {
        case "AF_INET", "AF_INET6":
            return guest.group("ip_protocol")?.name(of: value) ?? String(value)
        case "AF_NETLINK":
            return value >= 0 && value < Self.netlinkProtocols.count ? Self.netlinkProtocols[Int(value)] : String(value)
        default:
            return String(value)
        }
    }

    /// setsockopt/getsockopt values: an int as `[1]`, other sizes as bytes.
    func socketOption(_ address: UInt64, length: UInt64) -> String {
        guard address != 0 else { return "NULL" }
        if length == 4, let v = memory.word(address, size: 4) { return "[\(Int32(truncatingIfNeeded: v))]" }
        let n = Int(min(length, 1 << 16))
        return memory.bytes(address, min(n, StraceText.stringLimit)).map { StraceText.buffer($0, count: n) } ?? StraceText.hex(address)
    }

    /// `{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}`.
    func sockaddrIn6(_ b: [UInt8]) -> String {
        let port = UInt16(b[2]) << 8 | UInt16(b[3])
        let flow = UInt32(b[4]) << 24 | UInt32(b[5]) << 16 | UInt32(b[6]) << 8 | UInt32(b[7])
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { for i in 0..<16 { $0[i] = b[8 + i] } }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        _ = inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
        let scope = Bytes.load(b, 24, 4, signed: false, bigEndian: architecture.isBigEndian)
        return "{sa_family=AF_INET6, sin6_port=htons(\(port)), sin6_flowinfo=htonl(\(flow)), inet_pton(AF_INET6, \"\(String(cString: text))\", &sin6_addr), sin6_scope_id=\(scope)}"
    }

    // MARK: processes

    /// `[{WIFEXITED(s) && WEXITSTATUS(s) == 7}]` from the wait status word (generic encoding).
    func waitStatus(_ s: UInt32) -> String {
        let low = s & 0x7F
        let text: String
        if s == 0xFFFF {
            text = "WIFCONTINUED(s)"
        } else if s & 0xFF == 0x7F {
            text = "WIFSTOPPED(s) && WSTOPSIG(s) == \(signalName(Int32((s >> 8) & 0xFF)))"
        } else if low == 0 {
            text = "WIFEXITED(s) && WEXITSTATUS(s) == \((s >> 8) & 0xFF)"
        } else {
            text = "WIFSIGNALED(s) && WTERMSIG(s) == \(signalName(Int32(low)))" + (s & 0x80 != 0 ? " && WCOREDUMP(s)" : "")
        }
        return "[{\(text)}]"
    }

    /// `PER_LINUX|ADDR_NO_RANDOMIZE`; the query value 0xffffffff stays a number.
    func personality(_ v: UInt64) -> String {
        let word = v & 0xFFFF_FFFF
        if word == 0xFFFF_FFFF { return StraceText.hex(word) }
        // The persona is the low byte. A PER_* value may carry flag bits (PER_SVR4 is
        // 1|STICKY_TIMEOUTS|MMAP_PAGE_ZERO): strace names the byte only by a PER_* equal to it
        // (PER_LINUX, PER_LINUX32, ...) and prints "0x1 /* PER_??? */|MMAP_PAGE_ZERO|STICKY_TIMEOUTS".
        let persona = word & 0xFF
        let personaName = guest.group("personality")?.constants.first { UInt64(bitPattern: $0.value) == persona }?.name
        var parts = [personaName ?? StraceText.hex(persona) + " /* PER_??? */"]
        var rest = word & ~0xFF
        for flag in guest.group("personality_flags")?.constants ?? [] {
            let bit = UInt64(bitPattern: flag.value)
            if flag.aliasOf == nil, bit != 0, rest & bit == bit { parts.append(flag.name); rest &= ~bit }
        }
        if rest != 0 { parts.append(StraceText.hex(rest)) }
        return parts.joined(separator: "|")
    }

    /// prctl prints as many arguments as the option takes, decoded as the option says.
    func prctlArguments(_ r: SyscallRequest, after: Bool) -> [String] {
        let option = Int64(Int32(truncatingIfNeeded: r[0]))
        guard let name = guest.group("prctl")?.constants.first(where: { $0.value == option && ($0.name.hasPrefix("PR_SET_") || $0.name.hasPrefix("PR_GET_") || $0.name.hasPrefix("PR_CAP") || $0.name.hasPrefix("PR_TASK_") || $0.name.hasPrefix("PR_MCE_") || $0.name.hasPrefix("PR_SCHED_") || $0.name.hasPrefix("PR_PAC_") || $0.name.hasPrefix("PR_SVE_") || $0.name.hasPrefix("PR_SME_") || $0.name.hasPrefix("PR_RISCV_")) })?.name else {
            return ["\(StraceText.hex(r[0] & 0xFFFF_FFFF)) /* PR_??? */"] + (1...4).map { StraceText.hex(r[$0]) }
        }
        let ok = after && r.result >= 0
        switch name {
        case "PR_GET_DUMPABLE", "PR_GET_KEEPCAPS", "PR_GET_SECCOMP", "PR_GET_TIMING", "PR_GET_TIMERSLACK",
             "PR_TASK_PERF_EVENTS_DISABLE", "PR_TASK_PERF_EVENTS_ENABLE", "PR_GET_THP_DISABLE", "PR_MCE_KILL_GET",
             "PR_GET_IO_FLUSHER", "PR_GET_TAGGED_ADDR_CTRL", "PR_SVE_GET_VL", "PR_GET_MEMORY_MERGE":
            return [name]
        case "PR_SET_NAME":
            return [name, string(r[1])]
        case "PR_GET_NAME":
            return [name, ok ? memory.cString(r[1], limit: 16).map { StraceText.quote($0) } ?? StraceText.pointer(r[1]) : StraceText.pointer(r[1])]
        case "PR_SET_PDEATHSIG":
            return [name, r[1] == 0 ? "0" : signalName(Int32(truncatingIfNeeded: r[1]))]
        case "PR_GET_PDEATHSIG":
            guard ok, let v = memory.word(r[1], size: 4) else { return [name, StraceText.pointer(r[1])] }
            return [name, "[\(v == 0 ? "0" : signalName(Int32(truncatingIfNeeded: v)))]"]
        case "PR_SET_DUMPABLE":
            return [name, Self.dumpable(r[1])]
        case "PR_SET_KEEPCAPS", "PR_SET_TIMERSLACK", "PR_CAPBSET_READ", "PR_CAPBSET_DROP", "PR_SET_THP_DISABLE":
            return [name, String(r[1])]
        case "PR_GET_CHILD_SUBREAPER", "PR_GET_TSC", "PR_GET_ENDIAN", "PR_GET_FPEMU", "PR_GET_FPEXC", "PR_GET_UNALIGN":
            return [name, ok ? memory.word(r[1], size: 4).map { "[\(Int32(truncatingIfNeeded: $0))]" } ?? StraceText.pointer(r[1]) : StraceText.pointer(r[1])]
        case "PR_SET_CHILD_SUBREAPER":
            return [name, String(Int32(truncatingIfNeeded: r[1]))]
        case "PR_SET_PTRACER":
            return [name, String(Int32(truncatingIfNeeded: r[1]))]
        default:
            return [name] + (1...4).map { String(r[$0]) }
        }
    }

    static func dumpable(_ v: UInt64) -> String {
        switch v {
        case 0: return "SUID_DUMP_DISABLE"
        case 1: return "SUID_DUMP_USER"
        case 2: return "SUID_DUMP_ROOT"
        default: return String(v)
        }
    }

    // MARK: results

    /// The part strace adds after a successful result: ` (SCHED_OTHER)`, ` (Timeout)`,
    /// ` ([{fd=3, revents=POLLIN}])`. Empty when the call has none.
    func resultDetail(_ id: SyscallID, _ r: SyscallRequest) -> String {
        let v = r.result
        switch id {
        case .sched_getscheduler:
            return StraceText.name(v, in: guest.group("sched_policy")).map { " (\($0))" } ?? ""
        case .personality:
            return " (\(personality(UInt64(bitPattern: v))))"
        case .prctl:
            let option = guest.group("prctl")?.name(of: Int64(Int32(truncatingIfNeeded: r[0])))
            return option == "PR_GET_DUMPABLE" ? " (\(Self.dumpable(UInt64(bitPattern: v))))" : ""
        case .poll, .ppoll:
            return pollResult(id, r)
        case .select, .pselect6:
            return selectResult(id, r)
        case .recvmmsg:
            return r[4] != 0 ? timeLeft("timespec", at: r[4]).map { " (left \($0))" } ?? "" : ""
        default:
            return ""
        }
    }
}
