import FerryABI

/// sendmsg/recvmsg and their mmsg forms: struct msghdr field by field, its iovecs and control
/// messages, as strace 6.1 prints them.
extension ArgumentDecoder {
    /// SOL_SOCKET control message types (generic uapi values, the same on every architecture; the
    /// generated constants carry only the timestamp ones).
    static let socketControlTypes: [Int64: String] = [1: "SCM_RIGHTS", 2: "SCM_CREDENTIALS", 3: "SCM_SECURITY", 4: "SCM_PIDFD"]
    /// Socket levels strace names in control messages (generic values).
    static let socketLevels: [Int64: String] = [0: "SOL_IP", 6: "SOL_TCP", 17: "SOL_UDP", 41: "SOL_IPV6", 255: "SOL_RAW"]

    /// A msghdr the call reads (sendmsg), or one it filled (recvmsg: `after`), `{msg_name=...}`.
    /// `namelenBefore`: recvmsg's msg_namelen as it was before the call.
    func message(_ address: UInt64, _ r: SyscallRequest, after: Bool, namelenBefore: UInt64?) -> String {
        guard address != 0 else { return "NULL" }
        guard let v = structs.view("msghdr", at: address) else { return StraceText.hex(address) }
        guard let namelenBefore else { return header(v, prefix: "", dataLimit: nil, namelenBefore: nil) }
        // recvmsg: strace shows only msg_namelen when the call failed.
        guard after && r.result >= 0 else { return "{msg_namelen=\(namelenBefore)}" }
        return header(v, prefix: "", dataLimit: r.result, namelenBefore: namelenBefore)
    }

    /// sendmmsg's vector (every entry; msg_len for those sent) or recvmmsg's (the entries received).
    func messageVector(_ address: UInt64, count: UInt64, _ r: SyscallRequest, received: Bool) -> String {
        guard address != 0 else { return "NULL" }
        if received && r.result < 0 { return StraceText.hex(address) }
        guard let layout = ABILayouts.layout("mmsghdr", for: architecture) else { return StraceText.hex(address) }
        let done = max(r.result, 0)
        let shown = received ? UInt64(done) : min(count & 0xFFFF_FFFF, 1024)
        var items: [String] = []
        for i in 0..<min(shown, 1024) {
            guard let v = structs.view("mmsghdr", at: address &+ i &* UInt64(layout.size)) else { return StraceText.hex(address) }
            let length = v.u("msg_len")
            let head = header(v, prefix: "msg_hdr.", dataLimit: received ? Int64(length) : nil, namelenBefore: nil)
            items.append("{msg_hdr=\(head)" + (Int64(i) < done ? ", msg_len=\(length)}" : "}"))
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// The msghdr's fields; `prefix` is `msg_hdr.` inside an mmsghdr. `dataLimit`: bytes received.
    func header(_ v: StructView, prefix: String, dataLimit: Int64?, namelenBefore: UInt64?) -> String {
        func u(_ name: String) -> UInt64 { v.u(prefix + name) }
        let namelen = u("msg_namelen") & 0xFFFF_FFFF
        let namePointer = u("msg_name")
        let name = namePointer == 0 ? "NULL" : sockaddr(namePointer, length: min(namelen, namelenBefore ?? namelen))
        let namelenText = namelenBefore.map { $0 != namelen ? "\($0) => \(namelen)" : "\(namelen)" } ?? "\(namelen)"
        let iovlen = u("msg_iovlen")
        var text = "{msg_name=\(name), msg_namelen=\(namelenText), msg_iov=\(iovec(u("msg_iov"), count: iovlen, dataLimit: dataLimit)), msg_iovlen=\(iovlen)"
        let controllen = u("msg_controllen")
        if controllen != 0 { text += ", msg_control=\(controlMessages(u("msg_control"), length: controllen))" }
        let flags = StraceText.flags(u("msg_flags") & 0xFFFF_FFFF, group: guest.group("msg_flags"))
        return text + ", msg_controllen=\(controllen), msg_flags=\(flags)}"
    }

    /// The control messages in `length` bytes: `[{cmsg_len=20, cmsg_level=SOL_SOCKET,
    /// cmsg_type=SCM_RIGHTS, cmsg_data=[3]}]`.
    func controlMessages(_ address: UInt64, length: UInt64) -> String {
        guard address != 0 else { return "NULL" }
        guard let layout = ABILayouts.layout("cmsghdr", for: architecture),
              let lenField = layout.field("cmsg_len"), let levelField = layout.field("cmsg_level"),
              let typeField = layout.field("cmsg_type"),
              let b = memory.bytes(address, Int(min(length, 1 << 16))) else { return StraceText.hex(address) }
        let big = architecture.isBigEndian
        let align = architecture.pointerSize
        let headerSize = layout.size
        var items: [String] = []
        var offset = 0
        while offset + headerSize <= b.count && items.count < 1024 {
            let len = Int(min(Bytes.load(b, offset + lenField.offset, lenField.size, signed: false, bigEndian: big), 1 << 20))
            let level = Int64(bitPattern: Bytes.load(b, offset + levelField.offset, 4, signed: true, bigEndian: big))
            let type = Int64(bitPattern: Bytes.load(b, offset + typeField.offset, 4, signed: true, bigEndian: big))
            var item = "{cmsg_len=\(len), cmsg_level=\(controlLevel(level))"
            if len < headerSize {
                items.append(item + ", cmsg_type=\(type)}")
                break
            }
            let data = Array(b[(offset + headerSize)..<min(offset + len, b.count)])
            item += controlData(level: level, type: type, data)
            items.append(item + "}")
            offset += (len + align - 1) / align * align
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    func controlLevel(_ level: Int64) -> String {
        if level == guest.value("SOL_SOCKET") { return "SOL_SOCKET" }
        return Self.socketLevels[level] ?? guest.group("socket_level_libc")?.name(of: level) ?? String(level)
    }

    /// `, cmsg_type=SCM_RIGHTS, cmsg_data=[3, 4]`; SCM_CREDENTIALS as `{pid=..., uid=..., gid=...}`.
    func controlData(level: Int64, type: Int64, _ data: [UInt8]) -> String {
        let big = architecture.isBigEndian
        guard level == guest.value("SOL_SOCKET") else { return ", cmsg_type=\(StraceText.hex(UInt64(bitPattern: type)))" }
        guard let name = Self.socketControlTypes[type] ?? guest.group("scm_type")?.name(of: type) else {
            return ", cmsg_type=\(StraceText.hex(UInt64(bitPattern: type))) /* SCM_??? */"
        }
        switch name {
        case "SCM_RIGHTS":
            let fds = stride(from: 0, to: data.count - 3, by: 4).map {
                String(Int32(truncatingIfNeeded: Bytes.load(data, $0, 4, signed: true, bigEndian: big)))
            }
            return ", cmsg_type=SCM_RIGHTS, cmsg_data=[\(fds.joined(separator: ", "))]"
        case "SCM_CREDENTIALS" where data.count >= 12:
            let pid = Int32(truncatingIfNeeded: Bytes.load(data, 0, 4, signed: true, bigEndian: big))
            let uid = Bytes.load(data, 4, 4, signed: false, bigEndian: big)
            let gid = Bytes.load(data, 8, 4, signed: false, bigEndian: big)
            return ", cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=\(pid), uid=\(uid), gid=\(gid)}"
        default:
            return ", cmsg_type=\(name)"
        }
    }

    /// `{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}`.
    func sockaddrNetlink(_ b: [UInt8]) -> String {
        let big = architecture.isBigEndian
        let pid = Bytes.load(b, 4, 4, signed: false, bigEndian: big)
        let groups = String(Bytes.load(b, 8, 4, signed: false, bigEndian: big), radix: 16)
        return "{sa_family=AF_NETLINK, nl_pid=\(pid), nl_groups=\(String(repeating: "0", count: max(8 - groups.count, 0)) + groups)}"
    }
}
