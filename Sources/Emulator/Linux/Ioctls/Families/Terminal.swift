extension IoctlFamilies {
    /// Terminals (asm-generic/ioctls.h; MIPS and others spell some with 't' and 'F'). Most are
    /// plain numbers, so the table knows neither their direction nor their argument: all here.
    static let terminal = IoctlFamilyDescription("terminal", types: [0x54, 0x74, 0x46], prefixes: ["TC", "TIOC"], [
        ("TCGETS", .read(.structure("termios"))),
        ("TCSETS", .write(.structure("termios"))), ("TCSETSW", .write(.structure("termios"))),
        ("TCSETSF", .write(.structure("termios"))),
        ("TCGETA", .read(.structure("termio"))),
        ("TCSETA", .write(.structure("termio"))), ("TCSETAW", .write(.structure("termio"))),
        ("TCSETAF", .write(.structure("termio"))),
        ("TIOCGLCKTRMIOS", .read(.structure("termios"))), ("TIOCSLCKTRMIOS", .write(.structure("termios"))),
        ("TCSBRK", .value), ("TCSBRKP", .value), ("TIOCSCTTY", .value), ("TIOCMIWAIT", .value),
        ("TCXONC", .table(.named("tcflow_action"))), ("TCFLSH", .table(.named("tcflush_queue"))),
        // _IOW(.., int) in the header, but the signal number is the argument itself.
        ("TIOCSIG", .value), ("TIOCGPTPEER", .value),
        ("TIOCEXCL", .none), ("TIOCNXCL", .none), ("TIOCNOTTY", .none), ("TIOCCONS", .none),
        ("TIOCSBRK", .none), ("TIOCCBRK", .none), ("TIOCVHANGUP", .none),
        ("TIOCGPGRP", .read(.int)), ("TIOCSPGRP", .write(.int)), ("TIOCOUTQ", .read(.int)),
        ("TIOCINQ", .read(.int)), ("TIOCGWINSZ", .read(.structure("winsize"))),
        ("TIOCSWINSZ", .write(.structure("winsize"))),
        ("TIOCMGET", .read(.int)), ("TIOCMBIS", .write(.int)), ("TIOCMBIC", .write(.int)), ("TIOCMSET", .write(.int)),
        ("TIOCGSOFTCAR", .read(.int)), ("TIOCSSOFTCAR", .write(.int)),
        ("TIOCPKT", .write(.int)), ("TIOCSETD", .write(.int)), ("TIOCGETD", .read(.int)), ("TIOCGSID", .read(.int)),
        ("TIOCSTI", .write(.integer(size: 1, signed: false, long: false))),
        ("TIOCSERGETLSR", .read(.uint)),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows terminal requests beyond their argument (IoctlPrinting).
    static let terminalPrinting: [String: [IoctlPrinting]] = [
        // The OSS sequencer's _IO('T', 2..4) are the same numbers where TCSETS* are 0x5402..4.
        "TCSETS": [.alsoNamed("SNDCTL_TMR_START", .io(0x54, 2))], "TCSETSW": [.alsoNamed("SNDCTL_TMR_STOP", .io(0x54, 3))],
        "TCSETSF": [.alsoNamed("SNDCTL_TMR_CONTINUE", .io(0x54, 4))],
        "TIOCGPTLCK": [.address], "TIOCGPKT": [.address],
        "TIOCGPTPEER": [.hex], "TIOCSERGETLSR": [.address],
    ]
}
