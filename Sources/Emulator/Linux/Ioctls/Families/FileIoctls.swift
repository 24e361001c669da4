extension IoctlFamilies {
    /// Filesystem requests ('f', 'v', 'X', 0x94 and the bare FIBMAP/FIGETBSZ numbers: linux/fs.h,
    /// fscrypt.h, fsverity.h). FS_IOC_GETFLAGS and friends declare long but the kernel moves
    /// an int; FIEMAP and FIDEDUPERANGE carry trailing arrays.
    static let file = IoctlFamilyDescription("file", types: [0x66, 0x76, 0x58, 0x94, 0x00], prefixes: ["FS_IOC", "FI"], [
        ("FIBMAP", .readWrite(.int)), ("FIGETBSZ", .read(.int)),
        ("FIFREEZE", .none), ("FITHAW", .none),
        ("FICLONE", .value),
        ("FIDEDUPERANGE", .readWrite(.special(.dedupeRange))),
        ("FS_IOC_FIEMAP", .readWrite(.special(.fiemap))),
        ("FS_IOC_GETFLAGS", .read(.int)), ("FS_IOC_SETFLAGS", .write(.int)),
        ("FS_IOC_GETVERSION", .read(.int)), ("FS_IOC_SETVERSION", .write(.int)),
        // Declared _IOR/_IOW the wrong way round in fscrypt.h.
        ("FS_IOC_SET_ENCRYPTION_POLICY", .write(.opaque)), ("FS_IOC_GET_ENCRYPTION_POLICY", .read(.opaque)),
        ("FS_IOC_GET_ENCRYPTION_PWSALT", .read(.buffer)),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows filesystem requests beyond their argument (IoctlPrinting).
    static let filePrinting: [String: [IoctlPrinting]] = [
        // btrfs had them first; the generic names took its numbers.
        "FICLONE": [.alsoNamed("BTRFS_IOC_CLONE", .iow(0x94, 9, 4))],
        "FICLONERANGE": [.alsoNamed("BTRFS_IOC_CLONE_RANGE", .iow(0x94, 13, 32))],
        "FIDEDUPERANGE": [.alsoNamed("BTRFS_IOC_FILE_EXTENT_SAME", .iowr(0x94, 54, 24))],
        "FS_IOC_GETFLAGS": [.flags("fs_flags")], "FS_IOC_SETFLAGS": [.flags("fs_flags")],
        "FS_IOC_GETVERSION": [.address], "FIGETBSZ": [.address], "FIBMAP": [.address],
        "FS_IOC_SETVERSION": [.address], "FS_IOC32_GETVERSION": [.address], "FS_IOC32_SETVERSION": [.address],
        "FS_IOC_SET_ENCRYPTION_POLICY": [.address], "FS_IOC_GET_ENCRYPTION_POLICY": [.address],
        "FS_IOC_GET_ENCRYPTION_PWSALT": [.address], "FS_IOC_GET_ENCRYPTION_POLICY_EX": [.address],
        "FS_IOC_GET_ENCRYPTION_NONCE": [.address],
    ]
}
