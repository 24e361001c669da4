extension IoctlFamilies {
    /// Sockets (SIOC*: asm-generic/sockios.h, linux/sockios.h; 's' on MIPS). Nearly all are
    /// plain numbers on struct ifreq, whose union member depends on the request: each names it.
    static let socket = IoctlFamilyDescription("socket", types: [0x89, 0x73, 0x54, 0x46, 0x74], prefixes: ["SIOC"], [
        ("SIOCSPGRP", .write(.int)), ("SIOCGPGRP", .read(.int)), ("SIOCATMARK", .read(.int)),
        ("SIOCINQ", .read(.int)), ("SIOCOUTQ", .read(.int)), ("SIOCOUTQNSD", .read(.int)),
        ("SIOCGSTAMP_OLD", .read(.structure("kernel_old_timeval"))), ("SIOCGSTAMP", .read(.structure("kernel_old_timeval"))),
        ("SIOCGSTAMPNS_OLD", .read(.structure("timespec"))), ("SIOCGSTAMPNS", .read(.structure("timespec"))),
        ("SIOCGIFCONF", .readWrite(.special(.ifconf))),
        ("SIOCGIFNAME", .readWrite(.ifreq("ifru_ivalue"))), ("SIOCGIFINDEX", .readWrite(.ifreq("ifru_ivalue"))),
        ("SIOCGIFFLAGS", .readWrite(.ifreq("ifru_flags"))), ("SIOCSIFFLAGS", .write(.ifreq("ifru_flags"))),
        ("SIOCGIFPFLAGS", .readWrite(.ifreq("ifru_flags"))), ("SIOCSIFPFLAGS", .write(.ifreq("ifru_flags"))),
        ("SIOCGIFADDR", .readWrite(.ifreq("ifru_addr"))), ("SIOCSIFADDR", .write(.ifreq("ifru_addr"))),
        ("SIOCDIFADDR", .write(.ifreq("ifru_addr"))),
        ("SIOCGIFDSTADDR", .readWrite(.ifreq("ifru_dstaddr"))), ("SIOCSIFDSTADDR", .write(.ifreq("ifru_dstaddr"))),
        ("SIOCGIFBRDADDR", .readWrite(.ifreq("ifru_broadaddr"))), ("SIOCSIFBRDADDR", .write(.ifreq("ifru_broadaddr"))),
        ("SIOCGIFNETMASK", .readWrite(.ifreq("ifru_netmask"))), ("SIOCSIFNETMASK", .write(.ifreq("ifru_netmask"))),
        ("SIOCGIFHWADDR", .readWrite(.ifreq("ifru_hwaddr"))), ("SIOCSIFHWADDR", .write(.ifreq("ifru_hwaddr"))),
        ("SIOCSIFHWBROADCAST", .write(.ifreq("ifru_hwaddr"))),
        ("SIOCADDMULTI", .write(.ifreq("ifru_hwaddr"))), ("SIOCDELMULTI", .write(.ifreq("ifru_hwaddr"))),
        ("SIOCGIFMETRIC", .readWrite(.ifreq("ifru_ivalue"))), ("SIOCSIFMETRIC", .write(.ifreq("ifru_ivalue"))),
        ("SIOCGIFMTU", .readWrite(.ifreq("ifru_mtu"))), ("SIOCSIFMTU", .write(.ifreq("ifru_mtu"))),
        ("SIOCGIFTXQLEN", .readWrite(.ifreq("ifru_ivalue"))), ("SIOCSIFTXQLEN", .write(.ifreq("ifru_ivalue"))),
        ("SIOCGIFENCAP", .readWrite(.ifreq("ifru_ivalue"))), ("SIOCSIFENCAP", .write(.ifreq("ifru_ivalue"))),
        ("SIOCGIFCOUNT", .readWrite(.ifreq("ifru_ivalue"))),
        ("SIOCGIFMAP", .readWrite(.ifreq("ifru_map"))), ("SIOCSIFMAP", .write(.ifreq("ifru_map"))),
        ("SIOCSIFNAME", .write(.ifreq("ifru_newname"))),
        ("SIOCGIFSLAVE", .readWrite(.ifreq("ifru_slave"))), ("SIOCSIFSLAVE", .write(.ifreq("ifru_slave"))),
        ("SIOCBRADDIF", .write(.ifreq("ifru_ivalue"))), ("SIOCBRDELIF", .write(.ifreq("ifru_ivalue"))),
        ("SIOCBRADDBR", .write(.string)), ("SIOCBRDELBR", .write(.string)),
        // ifr_data points at a request-specific block the driver copies itself.
        ("SIOCETHTOOL", .readWrite(.structure("ifreq", fields: ["ifr_ifrn.ifrn_name", "ifr_ifru.ifru_data"], pointers: ["ifr_ifru.ifru_data"]))),
        ("SIOCSHWTSTAMP", .readWrite(.structure("ifreq", fields: ["ifr_ifrn.ifrn_name", "ifr_ifru.ifru_data"], pointers: ["ifr_ifru.ifru_data"]))),
        ("SIOCGHWTSTAMP", .readWrite(.structure("ifreq", fields: ["ifr_ifrn.ifrn_name", "ifr_ifru.ifru_data"], pointers: ["ifr_ifru.ifru_data"]))),
        ("SIOCWANDEV", .readWrite(.structure("ifreq", fields: ["ifr_ifrn.ifrn_name", "ifr_ifru.ifru_data"], pointers: ["ifr_ifru.ifru_data"]))),
        ("SIOCGSKNS", .none), ("SIOCSIFLINK", .none),
    ])
}

extension IoctlFamilies {
    /// How strace(1) shows socket requests: struct ifreq with the member each request uses, under
    /// strace's name for it (IoctlPrinting).
    static let socketPrinting: [String: [IoctlPrinting]] = {
        var hints: [String: [IoctlPrinting]] = ["SIOCGIFNAME": [.ifreqByIndex]]
        let members: [(String, String, IfreqValue)] = [
            ("FLAGS", "ifr_flags", .flags), ("PFLAGS", "ifr_flags", .flags), ("INDEX", "ifr_ifindex", .int),
            ("ADDR", "ifr_addr", .address), ("DSTADDR", "ifr_dstaddr", .address),
            ("BRDADDR", "ifr_broadaddr", .address), ("NETMASK", "ifr_netmask", .address),
            ("HWADDR", "ifr_hwaddr", .hardwareAddress), ("METRIC", "ifr_metric", .int), ("MTU", "ifr_mtu", .int),
            ("TXQLEN", "ifr_qlen", .int), ("MAP", "ifr_map", .map), ("SLAVE", "ifr_slave", .name),
        ]
        for (suffix, member, value) in members {
            hints["SIOCGIF" + suffix] = [.ifreq(member: member, value: value)]
            hints["SIOCSIF" + suffix] = [.ifreq(member: member, value: value)]
        }
        hints["SIOCSIFNAME"] = [.ifreq(member: "ifr_newname", value: .name)]
        for name in ["SIOCADDRT", "SIOCDELRT", "SIOCRTMSG", "SIOCGIFMEM", "SIOCSIFMEM", "SIOCGIFBR", "SIOCSIFBR",
                     "SIOCGMIIPHY", "SIOCGMIIREG", "SIOCSMIIREG", "SIOCDARP", "SIOCGARP", "SIOCSARP", "SIOCDRARP",
                     "SIOCGRARP", "SIOCSRARP", "SIOCADDDLCI", "SIOCDELDLCI", "SIOCGIFVLAN", "SIOCSIFVLAN",
                     "SIOCBONDENSLAVE", "SIOCBONDRELEASE", "SIOCBONDSETHWADDR", "SIOCBONDSLAVEINFOQUERY",
                     "SIOCBONDINFOQUERY", "SIOCBONDCHANGEACTIVE", "SIOCSIFLINK", "SIOCGSKNS"] {
            hints[name] = [.pointer]
        }
        return hints
    }()
}
