import FerryABI

/// How one described argument crosses from guest to host, decided once per request and
/// architecture pair (principle 4): the pointer itself when both sides lay it out alike,
/// else a host buffer filled before the call and copied back after it.
enum IoctlCrossing {
    /// The guest's pointer or value goes to the host as it is.
    case passThrough
    /// One integer or an array of them, widened/narrowed/swapped element by element.
    case integers(guestSize: Int, hostSize: Int, count: Int, signed: Bool)
    /// A struct through its converter; `pointers` are fields that hold guest addresses.
    case structure(StructConverter, pointers: [(guest: FieldLayout, host: FieldLayout)])
    /// A handler in IoctlSpecials.
    case special(IoctlSpecial)
    /// The guest's layout differs and nothing describes how: refused (ENOTTY), with why.
    case unsupported(String)

    var isPassThrough: Bool { if case .passThrough = self { return true }; return false }
}

/// Byte-level conversion between a guest architecture and the host, with no guest memory or
/// kernel involved: IoctlDispatch feeds it guest bytes, and the unit tests feed it the probes'
/// byte patterns.
struct IoctlConversion {
    let guest: Architecture
    let host: Architecture
    /// Added to a guest address to get the host's (0 while guests map at their own addresses;
    /// a 32-bit guest's reserved region will set it).
    var guestBase: UInt64 = 0

    init(guest: Architecture, host: Architecture = .x86_64) {
        self.guest = guest
        self.host = host
    }

    /// 64-bit little-endian like the host: where structs can agree byte for byte.
    var guestIsHostLike: Bool { guest.pointerSize == host.pointerSize && guest.isBigEndian == host.isBigEndian }

    /// How `d`'s argument crosses, given the request's _IOC size on each side.
    func crossing(_ d: IoctlDescription, guestSize: UInt32, hostSize: UInt32) -> IoctlCrossing {
        switch d.argument {
        case .none, .value, .named, .buffer, .string:
            return .passThrough
        case let .integer(size, signed, long):
            let g = long ? guest.pointerSize : size ?? (guestSize == 0 ? 4 : Int(guestSize))
            let h = long ? host.pointerSize : size ?? (hostSize == 0 ? 4 : Int(hostSize))
            return g == h && guest.isBigEndian == host.isBigEndian ? .passThrough
                : .integers(guestSize: g, hostSize: h, count: 1, signed: signed)
        case let .array(element, signed, count):
            if guest.isBigEndian == host.isBigEndian { return .passThrough }
            return .integers(guestSize: element, hostSize: element, count: count ?? Int(guestSize) / element, signed: signed)
        case let .structure(name, fields, pointers):
            guard let converter = converter(name, fields: fields) else {
                return .unsupported("no \(name) layout for \(guest.rawValue) and \(host.rawValue)")
            }
            if sameBytes(converter) && (guestBase == 0 || pointers.isEmpty) { return .passThrough }
            let pairs = pointers.compactMap { p in converter.guest.field(p).flatMap { g in converter.host.field(p).map { (g, $0) } } }
            return .structure(converter, pointers: pairs)
        case let .special(special):
            return specialIsIdentity(special) ? .passThrough : .special(special)
        case .opaque:
            return guestIsHostLike && guestSize == hostSize ? .passThrough
                : .unsupported("its argument has no described layout to convert for \(guest.rawValue)")
        }
    }

    /// The converter for a struct, restricted to `fields` (and their sub-fields) when given.
    func converter(_ name: String, fields: [String]? = nil) -> StructConverter? {
        guard let fields else { return ABILayouts.converter(name, guest: guest, host: host) }
        guard let g = ABILayouts.layout(name, for: guest), let h = ABILayouts.layout(name, for: host) else { return nil }
        let chosen = Set(g.fields.map(\.name).filter { f in fields.contains { f == $0 || f.hasPrefix($0 + ".") } })
        return StructConverter(guest: g, guestBigEndian: guest.isBigEndian, host: h, hostBigEndian: host.isBigEndian, fields: chosen)
    }

    /// The specials' structs all agree on 64-bit little-endian guests: no handler needed there.
    func specialIsIdentity(_ s: IoctlSpecial) -> Bool {
        let names: [String]
        switch s {
        case .dmIoctl: names = ["dm_ioctl"]
        case .ifconf: names = ["ifconf", "ifreq"]
        case .fiemap: names = ["fiemap", "fiemap_extent"]
        case .dedupeRange: names = ["file_dedupe_range", "file_dedupe_range_info"]
        case .addEntropy: names = ["rand_pool_info"]
        }
        return guestBase == 0 && names.allSatisfy { converter($0).map(sameBytes) ?? false }
    }

    /// Both layouts put every byte in the same place in the same order: a copy is the conversion.
    /// (Wider than `isIdentity`, which also wants equal signedness: aarch64's char is unsigned.)
    func sameBytes(_ c: StructConverter) -> Bool {
        if c.isIdentity { return true }
        guard c.guest.size == c.host.size, c.guestBigEndian == c.hostBigEndian, c.guest.fields.count == c.host.fields.count else { return false }
        return zip(c.guest.fields, c.host.fields).allSatisfy { g, h in
            g.name == h.name && g.offset == h.offset && g.size == h.size && g.count == h.count
        }
    }

    // MARK: plain arguments, bytes in and out

    /// Host bytes for guest bytes of a converted argument.
    func toHost(_ crossing: IoctlCrossing, _ guestBytes: [UInt8]) -> [UInt8] {
        switch crossing {
        case let .integers(g, h, count, signed):
            var out = [UInt8](repeating: 0, count: h * count)
            for i in 0..<count where (i + 1) * g <= guestBytes.count {
                Bytes.store(Bytes.load(guestBytes, i * g, g, signed: signed, bigEndian: guest.isBigEndian), &out, i * h, h, bigEndian: host.isBigEndian)
            }
            return out
        case let .structure(converter, pointers):
            var out = [UInt8](repeating: 0, count: converter.host.size)
            var src = guestBytes
            if src.count < converter.guest.size { src += [UInt8](repeating: 0, count: converter.guest.size - src.count) }
            src.withUnsafeBytes { s in out.withUnsafeMutableBytes { d in converter.guestToHost(s.baseAddress!, d.baseAddress!) } }
            for (g, h) in pointers {
                let v = Bytes.load(src, g.offset, g.size, signed: false, bigEndian: guest.isBigEndian)
                Bytes.store(v == 0 ? 0 : v &+ guestBase, &out, h.offset, h.size, bigEndian: host.isBigEndian)
            }
            return out
        default:
            return guestBytes
        }
    }

    /// Guest bytes for host bytes of a converted argument.
    func toGuest(_ crossing: IoctlCrossing, _ hostBytes: [UInt8]) -> [UInt8] {
        switch crossing {
        case let .integers(g, h, count, signed):
            var out = [UInt8](repeating: 0, count: g * count)
            for i in 0..<count where (i + 1) * h <= hostBytes.count {
                Bytes.store(Bytes.load(hostBytes, i * h, h, signed: signed, bigEndian: host.isBigEndian), &out, i * g, g, bigEndian: guest.isBigEndian)
            }
            return out
        case let .structure(converter, pointers):
            var out = [UInt8](repeating: 0, count: converter.guest.size)
            var src = hostBytes
            if src.count < converter.host.size { src += [UInt8](repeating: 0, count: converter.host.size - src.count) }
            src.withUnsafeBytes { s in out.withUnsafeMutableBytes { d in converter.hostToGuest(s.baseAddress!, d.baseAddress!) } }
            for (g, h) in pointers {
                let v = Bytes.load(src, h.offset, h.size, signed: false, bigEndian: host.isBigEndian)
                Bytes.store(v == 0 ? 0 : v &- guestBase, &out, g.offset, g.size, bigEndian: guest.isBigEndian)
            }
            return out
        default:
            return hostBytes
        }
    }

    /// Bytes the guest side of a converted argument spans.
    func guestByteCount(_ crossing: IoctlCrossing) -> Int {
        switch crossing {
        case let .integers(g, _, count, _): return g * count
        case let .structure(c, _): return c.guest.size
        default: return 0
        }
    }
}
