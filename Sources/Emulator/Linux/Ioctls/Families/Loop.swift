extension IoctlFamilies {
    /// Loop devices and /dev/loop-control ('L': linux/loop.h), all plain numbers.
    static let loop = IoctlFamilyDescription("loop", types: [0x4c], prefixes: ["LOOP_"], [
        ("LOOP_SET_FD", .value), ("LOOP_CLR_FD", .none), ("LOOP_CHANGE_FD", .value), ("LOOP_SET_CAPACITY", .none),
        ("LOOP_SET_STATUS", .write(.structure("loop_info"))), ("LOOP_GET_STATUS", .read(.structure("loop_info"))),
        ("LOOP_SET_STATUS64", .write(.structure("loop_info64"))), ("LOOP_GET_STATUS64", .read(.structure("loop_info64"))),
        ("LOOP_SET_DIRECT_IO", .value), ("LOOP_SET_BLOCK_SIZE", .value),
        ("LOOP_CONFIGURE", .write(.structure("loop_config"))),
        ("LOOP_CTL_ADD", .value), ("LOOP_CTL_REMOVE", .value), ("LOOP_CTL_GET_FREE", .none),
    ])
}

extension IoctlFamilies {
    /// loop_info(64)'s lo_flags (LO_FLAGS_*, linux/loop.h).
    static let loopFlags = PrintingGroup(names: [
        ("LO_FLAGS_READ_ONLY", 1), ("LO_FLAGS_AUTOCLEAR", 4), ("LO_FLAGS_PARTSCAN", 8), ("LO_FLAGS_DIRECT_IO", 16),
    ])

    /// loop_info(64)'s lo_encrypt_type (LO_CRYPT_*, linux/loop.h).
    static let loopCryptTypes = PrintingGroup(names: [
        ("LO_CRYPT_NONE", 0), ("LO_CRYPT_XOR", 1), ("LO_CRYPT_DES", 2), ("LO_CRYPT_FISH2", 3), ("LO_CRYPT_BLOW", 4),
        ("LO_CRYPT_CAST128", 5), ("LO_CRYPT_IDEA", 6), ("LO_CRYPT_DUMMY", 9), ("LO_CRYPT_SKIPJACK", 10),
        ("LO_CRYPT_CRYPTOAPI", 18),
    ])
}
