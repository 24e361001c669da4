import FerryABI

/// How strace(1) shows a request where its family's argument description alone does not say:
/// the families state these next to their descriptions (Families/*.swift, `...Printing`), and
/// IoctlArguments reads them. Learnt from strace 6.1 runs on x86-64 (`-X abbrev`).
enum IoctlPrinting: Equatable, Sendable {
    /// strace's table gives the number another subsystem's name too (`SNDCTL_TMR_START or
    /// TCSETS`), where that request, as _IOC builds it on the guest, is the same number.
    case alsoNamed(String, IoctlCode)
    /// strace does not decode the argument: always its address (TIOCGPTLCK, FIGETBSZ).
    case address
    /// The argument value in hex (TIOCGPTPEER's open flags: `0x102`).
    case hex
    /// strace decodes the argument as a pointer to something it does not show: `NULL` or its
    /// address (SIOCADDRT's rtentry, BLKPG).
    case pointer
    /// The pointed-to integer as flag names of a generated constant group: `[FS_EXTENT_FL]`.
    case flags(String)
    /// The result as a value of a generated group after the number: `= 67108864 (CLONE_NEWUTS)`.
    case resultName(String)
    /// struct ifreq as strace shows it for this request: the name, then one member under
    /// strace's name (`ifr_ifindex`, `ifr_mtu`), rendered as `value` says.
    case ifreq(member: String, value: IfreqValue)
    /// struct ifreq by index (SIOCGIFNAME): `{ifr_ifindex=1, ifr_name="lo"}`.
    case ifreqByIndex
}

/// A request as _IOC describes it, for numbers only another subsystem's header defines.
struct IoctlCode: Equatable, Sendable {
    let direction: IoctlDirection
    let type: UInt32
    let number: UInt32
    let size: UInt32

    static func io(_ type: UInt32, _ number: UInt32) -> IoctlCode { IoctlCode(direction: [], type: type, number: number, size: 0) }
    static func iow(_ type: UInt32, _ number: UInt32, _ size: UInt32) -> IoctlCode {
        IoctlCode(direction: .write, type: type, number: number, size: size)
    }
    static func iowr(_ type: UInt32, _ number: UInt32, _ size: UInt32) -> IoctlCode {
        IoctlCode(direction: [.read, .write], type: type, number: number, size: size)
    }
}

/// What one struct ifreq member holds, for its rendering.
enum IfreqValue: Equatable, Sendable {
    case int
    case flags
    case address
    case hardwareAddress
    case map
    case name
}

/// A generated constant group of the guest as strace prints it inside ioctl arguments: in header
/// order (of two names for one bit the first wins, as in strace's tables); `values` groups are
/// looked up, `flags` groups decoded bit by bit.
struct PrintingGroup: Sendable {
    let names: [(String, UInt64)]

    /// An architecture without the group gets an empty one: its numbers print bare.
    init(_ group: ConstantGroup?) {
        names = group?.constants.filter { $0.aliasOf == nil }.map { ($0.name, UInt64(bitPattern: $0.value)) } ?? []
    }

    /// A group of bit numbers, named as strace writes the bits: `1<<_UFFDIO_API`.
    init(bitNumbers group: ConstantGroup?) {
        names = group?.constants.filter { $0.aliasOf == nil && (0..<64).contains($0.value) }
            .map { ("1<<" + $0.name, UInt64(1) << UInt64($0.value)) } ?? []
    }

    /// `A|B|0x40`, `0` for none, `0x80 /* FIEMAP_FLAG_??? */` when no name matches at all.
    func flags(_ v: UInt64) -> String {
        if v == 0 { return "0" }
        var rest = v
        var out: [String] = []
        for (n, bit) in names where bit != 0 && rest & bit == bit { out.append(n); rest &= ~bit }
        if out.isEmpty { return StraceText.hex(v) + " /* \(IoctlArguments.commonPrefix(names.map(\.0)) ?? "")??? */" }
        if rest != 0 { out.append(StraceText.hex(rest)) }
        return out.joined(separator: "|")
    }

    func name(_ v: UInt64) -> String? { names.first { $0.1 == v }?.0 }
}

extension IoctlFamilies {
    /// Every family's printing hints by family name.
    static let printing: [String: [String: [IoctlPrinting]]] = [
        "terminal": terminalPrinting, "fio": fioPrinting, "socket": socketPrinting, "file": filePrinting,
        "nsfs": namespacesPrinting, "random": randomPrinting, "block": blockPrinting, "tun": tunPrinting,
        "userfaultfd": userfaultfdPrinting, "device_mapper": deviceMapperPrinting, "rtc": rtcPrinting,
        "kvm": kvmPrinting, "evdev": evdevPrinting, "perf": perfPrinting,
    ]

    static func printing(family: String, request: String) -> [IoctlPrinting] {
        printing[family]?[request] ?? []
    }
}
