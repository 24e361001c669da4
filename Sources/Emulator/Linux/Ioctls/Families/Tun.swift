extension IoctlFamilies {
    /// TUN/TAP ('T', numbers 200 up: linux/if_tun.h). Several are declared with int but take
    /// the value itself, or a struct ifreq (TUNSETIFF).
    static let tun = IoctlFamilyDescription("tun", types: [0x54], prefixes: ["TUN"], [
        ("TUNSETIFF", .readWrite(.ifreq("ifru_flags"))), ("TUNGETIFF", .read(.ifreq("ifru_flags"))),
        ("TUNSETQUEUE", .write(.ifreq("ifru_flags"))),
        ("TUNSETNOCSUM", .value), ("TUNSETDEBUG", .value), ("TUNSETPERSIST", .value), ("TUNSETOWNER", .value),
        ("TUNSETLINK", .value), ("TUNSETGROUP", .value), ("TUNSETOFFLOAD", .value),
        ("TUNSETTXFILTER", .write(.opaque)),
        ("TUNATTACHFILTER", .write(.structure("sock_fprog", pointers: ["filter"]))),
        ("TUNDETACHFILTER", .write(.structure("sock_fprog", pointers: ["filter"]))),
        ("TUNGETFILTER", .read(.structure("sock_fprog", pointers: ["filter"]))),
        // _IOR in the header; the kernel reads the BPF program's descriptor.
        ("TUNSETSTEERINGEBPF", .write(.int)), ("TUNSETFILTEREBPF", .write(.int)),
        ("TUNGETDEVNETNS", .none),
    ])
}
