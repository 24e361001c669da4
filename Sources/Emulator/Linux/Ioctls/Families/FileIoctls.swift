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

    /// Inode flags (FS_*_FL, linux/fs.h).
    static let inodeFlags = PrintingGroup(names: [
        ("FS_SECRM_FL", 0x1), ("FS_UNRM_FL", 0x2), ("FS_COMPR_FL", 0x4), ("FS_SYNC_FL", 0x8),
        ("FS_IMMUTABLE_FL", 0x10), ("FS_APPEND_FL", 0x20), ("FS_NODUMP_FL", 0x40), ("FS_NOATIME_FL", 0x80),
        ("FS_DIRTY_FL", 0x100), ("FS_COMPRBLK_FL", 0x200), ("FS_NOCOMP_FL", 0x400), ("FS_ENCRYPT_FL", 0x800),
        ("FS_BTREE_FL", 0x1000), ("FS_IMAGIC_FL", 0x2000), ("FS_JOURNAL_DATA_FL", 0x4000), ("FS_NOTAIL_FL", 0x8000),
        ("FS_DIRSYNC_FL", 0x10000), ("FS_TOPDIR_FL", 0x20000), ("FS_HUGE_FILE_FL", 0x40000), ("FS_EXTENT_FL", 0x80000),
        ("FS_VERITY_FL", 0x100000), ("FS_EA_INODE_FL", 0x200000), ("FS_EOFBLOCKS_FL", 0x400000),
        ("FS_NOCOW_FL", 0x800000), ("FS_DAX_FL", 0x2000000), ("FS_INLINE_DATA_FL", 0x10000000),
        ("FS_PROJINHERIT_FL", 0x20000000), ("FS_CASEFOLD_FL", 0x40000000), ("FS_RESERVED_FL", 0x80000000),
    ])

    /// struct fsxattr's fsx_xflags (FS_XFLAG_*, linux/fs.h).
    static let extendedInodeFlags = PrintingGroup(names: [
        ("FS_XFLAG_REALTIME", 0x1), ("FS_XFLAG_PREALLOC", 0x2), ("FS_XFLAG_IMMUTABLE", 0x8), ("FS_XFLAG_APPEND", 0x10),
        ("FS_XFLAG_SYNC", 0x20), ("FS_XFLAG_NOATIME", 0x40), ("FS_XFLAG_NODUMP", 0x80), ("FS_XFLAG_RTINHERIT", 0x100),
        ("FS_XFLAG_PROJINHERIT", 0x200), ("FS_XFLAG_NOSYMLINKS", 0x400), ("FS_XFLAG_EXTSIZE", 0x800),
        ("FS_XFLAG_EXTSZINHERIT", 0x1000), ("FS_XFLAG_NODEFRAG", 0x2000), ("FS_XFLAG_FILESTREAM", 0x4000),
        ("FS_XFLAG_DAX", 0x8000), ("FS_XFLAG_COWEXTSIZE", 0x10000), ("FS_XFLAG_HASATTR", 0x80000000),
    ])

    /// struct fiemap's fm_flags (FIEMAP_FLAG_*, linux/fiemap.h).
    static let fiemapFlags = PrintingGroup(names: [
        ("FIEMAP_FLAG_SYNC", 0x1), ("FIEMAP_FLAG_XATTR", 0x2), ("FIEMAP_FLAG_CACHE", 0x4),
    ])
}
