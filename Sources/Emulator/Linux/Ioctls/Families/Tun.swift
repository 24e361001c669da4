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

extension IoctlFamilies {
    /// strace(1) decodes no TUN request: each argument is shown as a bare number (IoctlPrinting).
    static let tunPrinting: [String: [IoctlPrinting]] = Dictionary(uniqueKeysWithValues:
        ["TUNSETIFF", "TUNGETFEATURES", "TUNGETIFF", "TUNGETSNDBUF", "TUNSETSNDBUF", "TUNATTACHFILTER",
         "TUNDETACHFILTER", "TUNGETVNETHDRSZ", "TUNSETVNETHDRSZ", "TUNSETQUEUE", "TUNSETIFINDEX", "TUNGETFILTER",
         "TUNSETVNETLE", "TUNGETVNETLE", "TUNSETVNETBE", "TUNGETVNETBE", "TUNSETSTEERINGEBPF", "TUNSETFILTEREBPF",
         "TUNSETCARRIER", "TUNGETDEVNETNS"].map { ($0, [.address]) })
}
