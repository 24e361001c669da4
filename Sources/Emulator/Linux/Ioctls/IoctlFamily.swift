import FerryABI

/// What an ioctl's third argument is. One description per request drives its conversion for
/// the host (IoctlDispatch), its -strace rendering (IoctlArguments) and `--list-ioctls`.
/// Numbers, directions and sizes are never stated here: they come from the generated table.
enum IoctlArgument: Equatable, Sendable {
    /// No argument (FIOCLEX): passed unchanged, not printed.
    case none
    /// The argument itself is an integer (TCSBRK, LOOP_SET_FD, KVM_CREATE_VCPU).
    case value
    /// An integer shown as a constant of a generated group (TCFLSH's TCIFLUSH).
    case named(String)
    /// Points at one integer; size nil: the request's _IOC size, 0 there meaning `int`.
    /// `long` marks a C long (pointer-sized on each side).
    case integer(size: Int?, signed: Bool, long: Bool)
    /// Points at fixed-width integers, `count` of them (int[2]); nil count: from the size.
    case array(elementSize: Int, signed: Bool, count: Int? = nil)
    /// Points at raw bytes whose length is the request's size (char[256], __u8[16],
    /// EVIOCGNAME(len)); shown as a string.
    case buffer
    /// Points at a NUL-terminated string (PERF_EVENT_IOC_SET_FILTER).
    case string
    /// Points at a struct with a generated layout. `fields`: only these members (one member of
    /// a union, as ifreq's per request); `pointers`: members that hold guest addresses.
    case structure(String, fields: [String]? = nil, pointers: [String] = [])
    /// Not a plain struct: a named handler converts and prints it.
    case special(IoctlSpecial)
    /// Points at something no layout describes: passed unchanged where the guest shares the
    /// host's layouts, shown as an address.
    case opaque

    static let int = IoctlArgument.integer(size: 4, signed: true, long: false)
    static let uint = IoctlArgument.integer(size: 4, signed: false, long: false)
    static let long = IoctlArgument.integer(size: nil, signed: true, long: true)
    static let ulong = IoctlArgument.integer(size: nil, signed: false, long: true)
    static let u64 = IoctlArgument.integer(size: 8, signed: false, long: false)
    static func ifreq(_ member: String) -> IoctlArgument {
        .structure("ifreq", fields: ["ifr_ifrn.ifrn_name", "ifr_ifru." + member])
    }

    /// The words `--list-ioctls` prints.
    var summary: String {
        switch self {
        case .none: return "none"
        case .value: return "value"
        case let .named(g): return "value(\(g))"
        case let .integer(size, signed, long): return long ? (signed ? "long" : "ulong") : "\(signed ? "s" : "u")\((size ?? 4) * 8)"
        case let .array(e, signed, count): return "\(signed ? "s" : "u")\(e * 8)[\(count.map(String.init) ?? "")]"
        case .buffer: return "bytes"
        case .string: return "string"
        case let .structure(s, fields, _):
            return "struct \(s)" + (fields.flatMap { $0.last?.split(separator: ".").last.map { "." + $0 } } ?? "")
        case let .special(h): return "special(\(h.rawValue))"
        case .opaque: return "pointer"
        }
    }
}

/// Arguments that are not one plain struct: each has its own handler in IoctlSpecials.
enum IoctlSpecial: String, Sendable {
    /// struct dm_ioctl followed by its payload (data_start, data_size).
    case dmIoctl
    /// struct ifconf pointing at an array of struct ifreq.
    case ifconf
    /// struct fiemap followed by fm_extent_count struct fiemap_extent.
    case fiemap
    /// struct file_dedupe_range followed by dest_count struct file_dedupe_range_info.
    case dedupeRange
    /// struct rand_pool_info followed by buf_size bytes.
    case addEntropy
}

/// One request's description: its argument and, where the header's _IOC direction is absent
/// (plain numbers) or wrong (UFFDIO_WAKE is _IOR but the kernel reads it), the real direction.
struct IoctlEntry: Sendable, Equatable {
    let argument: IoctlArgument
    let direction: IoctlDirection?

    static func read(_ a: IoctlArgument) -> IoctlEntry { IoctlEntry(argument: a, direction: .read) }
    static func write(_ a: IoctlArgument) -> IoctlEntry { IoctlEntry(argument: a, direction: .write) }
    static func readWrite(_ a: IoctlArgument) -> IoctlEntry { IoctlEntry(argument: a, direction: [.read, .write]) }
    /// Direction from the generated table.
    static func table(_ a: IoctlArgument) -> IoctlEntry { IoctlEntry(argument: a, direction: nil) }
    static let none = IoctlEntry(argument: .none, direction: [])
    static let value = IoctlEntry(argument: .value, direction: [])
}

/// One family as its file states it: the generated family it describes, the ioctl type bytes
/// it uses (its range, over every architecture), the name prefixes it claims, and the requests
/// whose argument the generated table cannot tell (plain numbers, `_IO` with an argument,
/// wrong directions, specials). Requests it claims but does not list take their argument from
/// the table's declared type.
struct IoctlFamilyDescription: Sendable {
    let name: String
    let types: [UInt32]
    let prefixes: [String]
    let entries: [String: IoctlEntry]

    init(_ name: String, types: [UInt32], prefixes: [String], _ entries: [(String, IoctlEntry)]) {
        self.name = name
        self.types = types
        self.prefixes = prefixes
        self.entries = Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }
}

/// A request with its family and its argument resolved.
struct IoctlDescription: Sendable {
    let family: IoctlFamilyDescription
    let argument: IoctlArgument
    let direction: IoctlDirection
}

enum IoctlFamilies {
    /// Every family, in the generated tables' order.
    static let all: [IoctlFamilyDescription] = [terminal, fio, socket, block, loop, file, random, tun, userfaultfd,
                                                namespaces, kvm, deviceMapper, evdev, rtc, seccomp, perf]

    /// The families that claim `name`: those listing it, else those with its longest prefix.
    /// Exactly one for every generated request (IoctlFamilyTests checks).
    static func owners(of name: String) -> [IoctlFamilyDescription] {
        let listing = all.filter { $0.entries[name] != nil }
        if !listing.isEmpty { return listing }
        var best: [IoctlFamilyDescription] = []
        var bestLength = 0
        for f in all {
            for p in f.prefixes where name.hasPrefix(p) {
                if p.count > bestLength { best = [f]; bestLength = p.count } else if p.count == bestLength { best.append(f) }
            }
        }
        return best
    }

    /// The description of one generated request, or nil when no family claims it.
    static func describe(_ r: IoctlRequest, architecture: Architecture) -> IoctlDescription? {
        guard let family = owners(of: r.name).first else { return nil }
        let entry = family.entries[r.name] ?? IoctlEntry(argument: defaultArgument(r, architecture: architecture), direction: nil)
        let direction = entry.direction ?? (r.isEncoded ? r.fields.direction : [])
        return IoctlDescription(family: family, argument: entry.argument, direction: direction)
    }

    /// The argument the table's declared C type implies.
    static func defaultArgument(_ r: IoctlRequest, architecture: Architecture) -> IoctlArgument {
        guard let type = r.argumentType else {
            if !r.parameters.isEmpty { return .buffer }               // EVIOCGNAME(len): bytes
            return r.isEncoded ? .none : .opaque                    // _IO: nothing; plain number: unknown
        }
        let t = type.split(separator: " ").joined(separator: " ").split(separator: "[", maxSplits: 1)
            .enumerated().map { $0.offset == 0 ? String($0.element).trimmedSpaces : "[" + $0.element }.joined()
        if t.hasSuffix("*") { return .opaque }
        if let open = t.firstIndex(of: "[") {
            let element = String(t[..<open])
            if ["char", "__u8", "unsigned char", "__s8"].contains(element) { return .buffer }
            guard let (size, signed, _) = scalar(element, architecture) else { return .opaque }
            return .array(elementSize: size, signed: signed)
        }
        if t.hasPrefix("struct ") {
            let name = String(t.dropFirst(7))
            return ABILayouts.layout(name, for: architecture) != nil ? .structure(name) : .opaque
        }
        guard let (size, signed, long) = scalar(t, architecture) else { return .opaque }
        return .integer(size: long ? nil : size, signed: signed, long: long)
    }

    /// Size, signedness and C-long-ness of the scalar C types ioctl headers declare.
    static func scalar(_ t: String, _ a: Architecture) -> (Int, Bool, Bool)? {
        switch t {
        case "int", "__s32", "pid_t": return (4, true, false)
        case "unsigned int", "__u32": return (4, false, false)
        case "__u64": return (8, false, false)
        case "long long", "__s64": return (8, true, false)
        case "long": return (a.pointerSize, true, true)
        case "unsigned long", "size_t": return (a.pointerSize, false, true)
        case "short", "__s16": return (2, true, false)
        case "unsigned short", "__u16": return (2, false, false)
        default: return nil
        }
    }
}

fileprivate extension String {
    var trimmedSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        while s.first == " " { s = s.dropFirst() }
        return String(s)
    }
}
