extension IoctlFamilies {
    /// Generic file-descriptor requests (FIO*: asm-generic/ioctls.h and sockios.h; MIPS uses
    /// 'f' and 'F'). Plain numbers: every argument stated here.
    static let fio = IoctlFamilyDescription("fio", types: [0x54, 0x66, 0x46, 0x89], prefixes: ["FIO"], [
        ("FIONREAD", .read(.int)), ("FIONBIO", .write(.int)), ("FIOASYNC", .write(.int)),
        ("FIONCLEX", .none), ("FIOCLEX", .none),
        ("FIOQSIZE", .read(.integer(size: 8, signed: true, long: false))),   // loff_t
        ("FIOSETOWN", .write(.int)), ("FIOGETOWN", .read(.int)),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows FIO requests beyond their argument (IoctlPrinting).
    static let fioPrinting: [String: [IoctlPrinting]] = [
        "FIOQSIZE": [.address],
    ]
}
