import FerryABI

/// Socket-interface arguments as strace(1) shows them: struct ifreq with the one member a
/// request uses, under strace's name for it, and struct ifconf with its array of ifreq.
extension IoctlArguments {
    /// `{ifr_name="lo"}` entering, `{ifr_name="lo", ifr_mtu=65536}` after (and for requests that
    /// only read it).
    func ifreq(_ v: StructView, at address: UInt64, member: String, value: IfreqValue, phase: Phase) -> String {
        let name = "ifr_name=" + StraceText.cString(v.chars("ifr_ifrn.ifrn_name"))
        if phase == .entering { return "{\(name)}" }
        return "{\(name), \(member)=\(ifreqMember(v, at: address, value))}"
    }

    /// SIOCGIFNAME: `{ifr_ifindex=1}` entering, `{ifr_ifindex=1, ifr_name="lo"}` after.
    func ifreqByIndex(_ v: StructView, phase: Phase) -> String {
        let index = "ifr_ifindex=\(Int32(truncatingIfNeeded: v.u("ifr_ifru.ifru_ivalue")))"
        if phase == .entering { return "{\(index)}" }
        return "{\(index), ifr_name=\(StraceText.cString(v.chars("ifr_ifrn.ifrn_name")))}"
    }

    func ifreqMember(_ v: StructView, at address: UInt64, _ value: IfreqValue) -> String {
        let offset = UInt64(v.layout.field("ifr_ifru.ifru_ivalue")?.offset ?? 16)
        switch value {
        case .int:
            return String(Int32(truncatingIfNeeded: v.u("ifr_ifru.ifru_ivalue")))
        case .flags:
            return printingGroup("interface_flags").flags(v.u("ifr_ifru.ifru_flags") & 0xFFFF)
        case .address:
            return decoder.sockaddr(address + offset, length: 16)
        case .hardwareAddress:
            let family = v.u("ifr_ifru.ifru_hwaddr.sa_family")
            let type = printingGroup("arphrd").name(family) ?? String(family)
            let data = v.layout.field("ifr_ifru.ifru_hwaddr.sa_data").map { f in
                Array(v.bytes[f.offset..<min(v.bytes.count, f.offset + 6)])
            } ?? []
            return "{sa_family=\(type), sa_data=\(data.map { StraceText.hex2($0) }.joined(separator: ":"))}"
        case .map:
            let m = "ifr_ifru.ifru_map."
            return "{mem_start=\(StraceText.hex(v.u(m + "mem_start"))), mem_end=\(StraceText.hex(v.u(m + "mem_end"))), "
                + "base_addr=\(StraceText.hex(v.u(m + "base_addr"))), irq=\(v.u(m + "irq")), dma=\(v.u(m + "dma")), "
                + "port=\(v.u(m + "port"))}"
        case .name:
            let f = v.layout.field("ifr_ifru.ifru_newname")
            let bytes = f.map { Array(v.bytes[$0.offset..<min(v.bytes.count, $0.offset + $0.count)]) } ?? []
            return StraceText.cString(Array(bytes.prefix { $0 != 0 }))
        }
    }

    /// `{ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=[{ifr_name="lo", ifr_addr={...}}, ...]}`:
    /// the array once the call filled it, its address before.
    func ifconf(at address: UInt64, phase: Phase) -> String {
        guard let v = decoder.structs.view("ifconf", at: address),
              let ifreqLayout = ABILayouts.layout("ifreq", for: decoder.architecture) else { return StraceText.hex(address) }
        let length = Int32(truncatingIfNeeded: v.u("ifc_len"))
        let buffer = v.u("ifc_ifcu.ifcu_buf")
        let size = ifreqLayout.size
        var len = String(length)
        if length > 0 && Int(length) % size == 0 { len += " /* \(Int(length) / size) * sizeof(struct ifreq) */" }
        guard buffer != 0 else { return "{ifc_len=\(len), ifc_buf=NULL}" }
        guard phase == .exiting else { return "{ifc_len=\(len), ifc_buf=\(StraceText.hex(buffer))}" }
        let count = max(Int(length), 0) / size
        var items: [String] = []
        for i in 0..<count {
            let at = buffer + UInt64(i * size)
            guard let r = decoder.structs.view("ifreq", at: at) else { return "{ifc_len=\(len), ifc_buf=\(StraceText.hex(buffer))}" }
            items.append(ifreq(r, at: at, member: "ifr_addr", value: .address, phase: .exiting))
        }
        return "{ifc_len=\(len), ifc_buf=[\(items.joined(separator: ", "))]}"
    }

    /// `ifc_len=640 /* ... */ => 80 /* ... */` when the call changed the length (the kernel only
    /// reports the length needed when no buffer is given: no `=>` then).
    func ifconfCombined(old: String, at address: UInt64) -> String {
        let new = ifconf(at: address, phase: .exiting)
        guard !new.hasSuffix("ifc_buf=NULL}"), let oldEnd = old.firstRange(of: ", ifc_buf="),
              let newEnd = new.firstRange(of: ", ifc_buf=") else { return new }
        let prefix = "{ifc_len="
        let oldLength = old[old.index(old.startIndex, offsetBy: prefix.count)..<oldEnd.lowerBound]
        let newLength = new[new.index(new.startIndex, offsetBy: prefix.count)..<newEnd.lowerBound]
        if oldLength == newLength { return new }
        return prefix + oldLength + " => " + newLength + new[newEnd.lowerBound...]
    }
}
