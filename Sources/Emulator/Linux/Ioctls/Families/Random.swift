extension IoctlFamilies {
    /// /dev/random ('R': linux/random.h). RNDADDENTROPY's struct ends in buf_size bytes.
    static let random = IoctlFamilyDescription("random", types: [0x52], prefixes: ["RND"], [
        ("RNDADDENTROPY", .write(.special(.addEntropy))),
        ("RNDZAPENTCNT", .none), ("RNDCLEARPOOL", .none), ("RNDRESEEDCRNG", .none),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows /dev/random requests beyond their argument (IoctlPrinting).
    static let randomPrinting: [String: [IoctlPrinting]] = [
        "RNDZAPENTCNT": [.alsoNamed("FASTRPC_IOCTL_INIT_ATTACH", .io(0x52, 4))], "RNDGETPOOL": [.address],
    ]
}
