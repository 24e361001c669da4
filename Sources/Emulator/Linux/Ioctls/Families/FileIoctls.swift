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
