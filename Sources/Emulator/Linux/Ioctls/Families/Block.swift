extension IoctlFamilies {
    /// Block devices (0x12: linux/fs.h, blkzoned.h, blkpg.h). The old requests are _IO with the
    /// argument type left out, and BLKBSZGET/BLKGETSIZE64 declare size_t for what the kernel
    /// treats as int and u64: the kernel's own types are stated here.
    static let block = IoctlFamilyDescription("block", types: [0x12], prefixes: ["BLK"], [
        ("BLKROSET", .write(.int)), ("BLKROGET", .read(.int)), ("BLKRRPART", .none), ("BLKFLSBUF", .none),
        ("BLKGETSIZE", .read(.ulong)), ("BLKRASET", .value), ("BLKRAGET", .read(.long)),
        ("BLKFRASET", .value), ("BLKFRAGET", .read(.long)),
        ("BLKSECTSET", .write(.integer(size: 2, signed: false, long: false))),
        ("BLKSECTGET", .read(.integer(size: 2, signed: false, long: false))),
        ("BLKSSZGET", .read(.int)), ("BLKBSZGET", .read(.int)), ("BLKBSZSET", .write(.int)),
        ("BLKGETSIZE64", .read(.u64)),
        ("BLKTRACESTART", .none), ("BLKTRACESTOP", .none), ("BLKTRACETEARDOWN", .none),
        ("BLKDISCARD", .write(.array(elementSize: 8, signed: false, count: 2))),
        ("BLKSECDISCARD", .write(.array(elementSize: 8, signed: false, count: 2))),
        ("BLKZEROOUT", .write(.array(elementSize: 8, signed: false, count: 2))),
        ("BLKIOMIN", .read(.uint)), ("BLKIOOPT", .read(.uint)), ("BLKALIGNOFF", .read(.int)),
        ("BLKPBSZGET", .read(.uint)), ("BLKDISCARDZEROES", .read(.uint)),
        ("BLKROTATIONAL", .read(.integer(size: 2, signed: false, long: false))),
        // struct blkpg_ioctl_arg holds a pointer to a partition record: not described yet.
        ("BLKPG", .write(.opaque)),
    ])
}

extension IoctlFamilies {
    /// Requests strace(1) shows as a bare address (IoctlPrinting).
    static let blockPrinting: [String: [IoctlPrinting]] = Dictionary(uniqueKeysWithValues:
        ["BLKSECTSET", "BLKREPORTZONE", "BLKRESETZONE", "BLKOPENZONE", "BLKCLOSEZONE", "BLKFINISHZONE"].map { ($0, [.address]) }
        + [("BLKPG", [.pointer])])
}
