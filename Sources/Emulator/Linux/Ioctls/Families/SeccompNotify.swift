extension IoctlFamilies {
    /// seccomp user notification ('!': linux/seccomp.h): all plain structs from the table.
    static let seccomp = IoctlFamilyDescription("seccomp", types: [0x21], prefixes: ["SECCOMP_IOCTL_"], [
        ("SECCOMP_IOCTL_NOTIF_ADDFD", .write(.structure("seccomp_notif_addfd"))),
    ])
}
