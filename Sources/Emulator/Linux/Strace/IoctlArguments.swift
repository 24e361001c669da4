import FerryABI

/// ioctl's request by name from the guest's generated table and its third argument as strace
/// shows it: before the call for what the call reads, after it (on success) for what it fills.
struct IoctlArguments {
    let table: IoctlTable
    let decoder: ArgumentDecoder

    init(decoder: ArgumentDecoder) {
        self.decoder = decoder
        table = IoctlTable.forArchitecture(decoder.architecture)
    }

    /// How the third argument is shown.
    enum Style {
        case noArgument       // FIOCLEX: no third argument
        case value            // TCSBRK, 1: the argument itself
        case named(String)    // TCFLSH, TCIFLUSH: a name of a constant group
        case inInt            // FIONBIO, [1]
        case outInt(size: Int) // FIONREAD, [5] after the call
        case inStruct(String)
        case outStruct(String)
        case pointer
    }

    /// Requests whose argument strace decodes; the rest show it as a number.
    static let styles: [String: Style] = {
        var s: [String: Style] = [:]
        for n in ["FIOCLEX", "FIONCLEX", "TIOCNOTTY", "TIOCEXCL", "TIOCNXCL", "TIOCCONS", "TIOCSBRK", "TIOCCBRK",
                  "TIOCVHANGUP", "BLKFLSBUF", "BLKRRPART", "LOOP_CLR_FD", "FIFREEZE", "FITHAW", "RNDZAPENTCNT",
                  "RNDCLEARPOOL", "LOOP_CTL_GET_FREE"] { s[n] = .noArgument }
        for n in ["TCSBRK", "TCSBRKP", "TIOCSCTTY", "LOOP_SET_FD", "LOOP_CTL_ADD", "LOOP_CTL_REMOVE",
                  "LOOP_SET_DIRECT_IO", "LOOP_SET_BLOCK_SIZE", "TUNSETPERSIST"] { s[n] = .value }
        s["TCFLSH"] = .named("tcflush_queue")
        s["TCXONC"] = .named("tcflow_action")
        for n in ["FIONBIO", "FIOASYNC", "TIOCSPGRP", "TIOCSETD", "TIOCMSET", "TIOCMBIS", "TIOCMBIC", "TIOCSPTLCK",
                  "TIOCPKT", "TIOCSSOFTCAR", "BLKROSET", "BLKBSZSET", "RNDADDTOENTCNT", "FS_IOC_SETFLAGS",
                  "FS_IOC_SETVERSION", "FIOSETOWN", "SIOCSPGRP"] { s[n] = .inInt }
        for n in ["FIONREAD", "TIOCOUTQ", "SIOCOUTQ", "SIOCINQ", "TIOCINQ", "TIOCGPGRP", "TIOCGSID", "TIOCGETD",
                  "TIOCMGET", "TIOCGPTN", "TIOCGPKT", "TIOCGPTLCK", "TIOCGSOFTCAR", "TIOCGEXCL", "BLKSSZGET",
                  "BLKBSZGET", "BLKROGET", "FIGETBSZ", "RNDGETENTCNT", "FS_IOC_GETFLAGS", "FS_IOC_GETVERSION",
                  "FIOGETOWN", "SIOCGPGRP", "SIOCATMARK", "BLKPBSZGET", "BLKIOMIN", "BLKIOOPT", "BLKALIGNOFF",
                  "BLKDISCARDZEROES", "BLKROTATIONAL"] { s[n] = .outInt(size: 4) }
        for n in ["BLKGETSIZE64", "FIOQSIZE"] { s[n] = .outInt(size: 8) }
        for n in ["BLKGETSIZE", "BLKRAGET", "BLKFRAGET", "BLKSECTGET"] { s[n] = .outInt(size: 0) }   // 0: a long
        s["TCGETS"] = .outStruct("termios")
        for n in ["TCSETS", "TCSETSW", "TCSETSF"] { s[n] = .inStruct("termios") }
        s["TCGETS2"] = .outStruct("termios2")
        for n in ["TCSETS2", "TCSETSW2", "TCSETSF2"] { s[n] = .inStruct("termios2") }
        s["TIOCGWINSZ"] = .outStruct("winsize")
        s["TIOCSWINSZ"] = .inStruct("winsize")
        return s
    }()

    /// `TCGETS`, `EVIOCGNAME(64)`, or strace's `_IOC(_IOC_READ, 0x54, 0x1, 0x8)` for unknown ones.
    func name(_ request: UInt32) -> String {
        if let r = table.requests(forNumber: request).first { return r.aliasOf ?? r.name }
        if let r = table.requests.first(where: { !$0.parameters.isEmpty && $0.matches(request, encoding: table.encoding) }) {
            return "\(r.name)(\(table.encoding.decode(request).size))"
        }
        let f = table.encoding.decode(request)
        var direction: [String] = []
        if f.direction.contains(.read) { direction.append("_IOC_READ") }
        if f.direction.contains(.write) { direction.append("_IOC_WRITE") }
        let dir = direction.isEmpty ? "_IOC_NONE" : direction.joined(separator: "|")
        return "_IOC(\(dir), \(StraceText.hex(UInt64(f.type))), \(StraceText.hex(UInt64(f.number))), \(StraceText.hex(UInt64(f.size))))"
    }

    func arguments(_ r: SyscallRequest, after: Bool) -> [String] {
        let request = UInt32(truncatingIfNeeded: r[1])
        let requestName = name(request)
        let head = [decoder.fd(r[0]), requestName]
        let arg = r[2]
        let ok = after && r.result >= 0
        let memory = decoder.memory
        switch Self.styles[requestName] ?? .pointer {
        case .noArgument:
            return head
        case .value:
            return head + [String(Int32(truncatingIfNeeded: arg))]
        case let .named(group):
            return head + [StraceText.enumeration(Int64(Int32(truncatingIfNeeded: arg)), group: decoder.guest.group(group))]
        case .inInt:
            return head + [memory.word(arg, size: 4).map { "[\(Int32(truncatingIfNeeded: $0))]" } ?? StraceText.pointer(arg)]
        case let .outInt(size):
            let width = size == 0 ? decoder.architecture.pointerSize : size
            guard ok, let v = memory.word(arg, size: width) else { return head + [StraceText.pointer(arg)] }
            return head + ["[\(width == 4 ? String(Int32(truncatingIfNeeded: v)) : String(v))]"]
        case let .inStruct(s):
            return head + [structure(s, at: arg)]
        case let .outStruct(s):
            return head + [ok ? structure(s, at: arg) : StraceText.pointer(arg)]
        case .pointer:
            return head + [StraceText.hex(arg)]
        }
    }

    func structure(_ name: String, at address: UInt64) -> String {
        guard address != 0 else { return "NULL" }
        guard let v = decoder.structs.view(name, at: address) else { return StraceText.hex(address) }
        switch name {
        case "termios", "termios2": return termios(v)
        case "winsize":
            return "{ws_row=\(v.u("ws_row")), ws_col=\(v.u("ws_col")), ws_xpixel=\(v.u("ws_xpixel")), ws_ypixel=\(v.u("ws_ypixel"))}"
        default: return StraceText.hex(address)
        }
    }

    // MARK: termios, in strace's -X abbrev form and field order (learnt from strace(1) runs)

    static let inputFlags = ["IGNBRK", "BRKINT", "IGNPAR", "PARMRK", "INPCK", "ISTRIP", "INLCR", "IGNCR", "ICRNL",
                             "IUCLC", "IXON", "IXANY", "IXOFF", "IMAXBEL", "IUTF8"]
    static let outputFlags = ["OPOST", "OLCUC", "ONLCR", "OCRNL", "ONOCR", "ONLRET", "OFILL", "OFDEL"]
    /// The delay fields: mask name, then the names of its values (TAB3 is shown as XTABS).
    static let outputDelays: [(String, [String])] = [("NLDLY", ["NL0", "NL1"]), ("CRDLY", ["CR0", "CR1", "CR2", "CR3"]),
                                                     ("TABDLY", ["TAB0", "TAB1", "TAB2", "XTABS"]), ("BSDLY", ["BS0", "BS1"]),
                                                     ("VTDLY", ["VT0", "VT1"]), ("FFDLY", ["FF0", "FF1"])]
    static let controlFlags = ["CSTOPB", "CREAD", "PARENB", "PARODD", "HUPCL", "CLOCAL", "CMSPAR", "CRTSCTS"]
    static let localFlags = ["ISIG", "ICANON", "XCASE", "ECHO", "ECHOE", "ECHOK", "ECHONL", "NOFLSH", "IEXTEN",
                             "ECHOCTL", "ECHOPRT", "ECHOKE", "FLUSHO", "PENDIN", "TOSTOP", "EXTPROC"]
    /// VTDLY and its values are generic (asm-generic/termbits.h) but missing from the probed group.
    static let fallbackValues: [String: Int64] = ["VTDLY": 0o40000, "VT0": 0, "VT1": 0o40000]

    func termiosValue(_ name: String) -> UInt64? {
        (decoder.guest.group("termios")?.constants.first { $0.name == name }?.value ?? Self.fallbackValues[name])
            .map { UInt64(bitPattern: $0) }
    }

    /// Names of the bits of `value` in list order, then what no name covers in hex.
    func bits(_ value: UInt64, _ names: [String]) -> [String] {
        var rest = value
        var out: [String] = []
        for n in names {
            guard let bit = termiosValue(n), bit != 0, rest & bit == bit else { continue }
            out.append(n)
            rest &= ~bit
        }
        if rest != 0 { out.append(StraceText.hex(rest)) }
        return out
    }

    func termios(_ v: StructView) -> String {
        let iflag = v.u("c_iflag"), oflag = v.u("c_oflag"), cflag = v.u("c_cflag"), lflag = v.u("c_lflag")
        // Output delays: the value of each field by name, then the flag bits after a '|'.
        var delays: [String] = []
        var delayBits: UInt64 = 0
        for (mask, values) in Self.outputDelays {
            guard let m = termiosValue(mask), m != 0 else { continue }
            delayBits |= m
            let field = oflag & m
            let name = values.first { termiosValue($0) == field || ($0 == "XTABS" && field == m) }
            delays.append(name ?? StraceText.hex(field))
        }
        let o = delays.joined(separator: "|") + "|" + bits(oflag & ~delayBits, Self.outputFlags).joined(separator: "|")
        // Control: speed, input speed, character size, then flag bits after a '|'.
        let speeds = decoder.guest.group("termios_speed")
        let baudMask = termiosValue("CBAUD") ?? 0o10017
        let ibaudMask = termiosValue("CIBAUD") ?? (baudMask << 16)
        let sizeMask = termiosValue("CSIZE") ?? 0o60
        var control = [StraceText.name(Int64(cflag & baudMask), in: speeds) ?? StraceText.hex(cflag & baudMask)]
        let ibaud = (cflag & ibaudMask) >> 16
        if ibaud != 0 { control.append((StraceText.name(Int64(ibaud), in: speeds) ?? StraceText.hex(ibaud)) + "<<IBSHIFT") }
        let size = cflag & sizeMask
        control.append(["CS5", "CS6", "CS7", "CS8"].first { termiosValue($0) == size } ?? StraceText.hex(size))
        let c = control.joined(separator: "|") + "|" + bits(cflag & ~(baudMask | ibaudMask | sizeMask), Self.controlFlags).joined(separator: "|")
        let i = bits(iflag, Self.inputFlags).joined(separator: "|")
        let l = bits(lflag, Self.localFlags).joined(separator: "|")
        return "{c_iflag=\(i), c_oflag=\(o), c_cflag=\(c), c_lflag=\(l), ...}"
    }
}
