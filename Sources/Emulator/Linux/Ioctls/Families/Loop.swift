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
