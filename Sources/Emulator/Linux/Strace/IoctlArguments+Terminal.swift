import FerryABI

/// Terminal arguments as strace(1) shows them: termios/termio/termios2 in the `-X abbrev` form
/// and field order learnt from strace runs, and winsize.
extension IoctlArguments {
    func winsize(_ v: StructView) -> String {
        "{ws_row=\(v.u("ws_row")), ws_col=\(v.u("ws_col")), ws_xpixel=\(v.u("ws_xpixel")), ws_ypixel=\(v.u("ws_ypixel"))}"
    }

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
    func termiosValue(_ name: String) -> UInt64? {
        decoder.guest.group("termios")?.constants.first { $0.name == name }.map { UInt64(bitPattern: $0.value) }
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
