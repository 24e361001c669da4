/// The direction bits of an ioctl request, normalised across architectures (MIPS writes
/// "none" as 1, read 2, write 4; the others none 0, write 1, read 2).
public struct IoctlDirection: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The kernel copies the argument out to the caller (_IOR).
    public static let read = IoctlDirection(rawValue: 1)
    /// The kernel reads the argument from the caller (_IOW).
    public static let write = IoctlDirection(rawValue: 2)

    public var description: String {
        switch self {
        case []: return "none"
        case .read: return "R"
        case .write: return "W"
        default: return "RW"
        }
    }
}

/// A request's fields as _IOC packs them.
public struct IoctlFields: Sendable, Equatable {
    /// The direction bits as the architecture writes them.
    public let rawDirection: UInt32
    public let direction: IoctlDirection
    /// The "magic" type byte ('T' for terminals, 0x12 for block devices, ...).
    public let type: UInt32
    public let number: UInt32
    /// Size of the argument the request was declared with (0 for _IO and plain numbers).
    public let size: UInt32
}

/// How one architecture packs direction, type, number and size into a request number (_IOC):
/// field widths, shifts and direction values, all read back from the architecture's headers.
public struct IoctlEncoding: Sendable, Equatable {
    public let nrBits: Int, typeBits: Int, sizeBits: Int, dirBits: Int
    public let nrShift: Int, typeShift: Int, sizeShift: Int, dirShift: Int
    /// Raw direction values of _IOC_NONE, _IOC_READ and _IOC_WRITE.
    public let none: UInt32, read: UInt32, write: UInt32

    public func decode(_ request: UInt32) -> IoctlFields {
        func field(_ shift: Int, _ bits: Int) -> UInt32 { (request >> UInt32(shift)) & ((1 << UInt32(bits)) - 1) }
        let raw = field(dirShift, dirBits)
        var direction: IoctlDirection = []
        if raw & read != 0 { direction.insert(.read) }
        if raw & write != 0 { direction.insert(.write) }
        return IoctlFields(rawDirection: raw, direction: direction, type: field(typeShift, typeBits),
                           number: field(nrShift, nrBits), size: field(sizeShift, sizeBits))
    }

    /// The request number _IOC would build; nil when a field does not fit its width.
    public func encode(_ direction: IoctlDirection, type: UInt32, number: UInt32, size: UInt32) -> UInt32? {
        guard type >> UInt32(typeBits) == 0, number >> UInt32(nrBits) == 0, size >> UInt32(sizeBits) == 0 else {
            return nil
        }
        var dir = direction.isEmpty ? none : 0
        if direction.contains(.read) { dir |= read }
        if direction.contains(.write) { dir |= write }
        return dir << UInt32(dirShift) | type << UInt32(typeShift) | number << UInt32(nrShift)
            | size << UInt32(sizeShift)
    }
}

/// One ioctl request of one architecture, as its headers define it.
public struct IoctlRequest: Sendable {
    public let name: String
    /// The family it belongs to: "terminal", "fio", "socket", "block", "loop", "file", "random",
    /// "tun", "userfaultfd", "nsfs", "kvm", "device_mapper", "evdev", "rtc", "seccomp", "perf".
    public let family: String
    public let request: UInt32
    /// Direction, type, number and size by the architecture's own _IOC_DIR/_TYPE/_NR/_SIZE.
    public let fields: IoctlFields
    /// Built with _IO/_IOR/_IOW/_IOWR/_IOC; false for a plain number (TCGETS 0x5401), whose
    /// decoded fields mean nothing to the kernel.
    public let isEncoded: Bool
    /// Another request of the table this one is defined as (TIOCINQ is FIONREAD).
    public let aliasOf: String?
    /// The C type the request was declared with ("struct termios2"), when it names one.
    public let argumentType: String?
    /// Parameters of a function-like request (EVIOCGNAME(len), EVIOCGBIT(ev,len)); `request`
    /// and `fields` are its value with every parameter 0.
    public let parameters: [String]

    /// Whether a request number a guest passed is this request: exact, or for requests with a
    /// `len` parameter any size with the same direction, type and number.
    public func matches(_ number: UInt32, encoding: IoctlEncoding) -> Bool {
        if number == request { return true }
        guard parameters.contains("len") else { return false }
        let f = encoding.decode(number)
        return f.rawDirection == fields.rawDirection && f.type == fields.type && f.number == fields.number
    }
}

/// The requests of one family on one architecture, in header order.
public struct IoctlFamily: Sendable {
    public let name: String
    /// The headers (as "dir/file.h") that defined its requests.
    public let headers: [String]
    public let requests: [IoctlRequest]
}

/// A request the ioctl work needs that an architecture's headers do not provide, and why.
public struct MissingIoctl: Sendable, Equatable {
    public let name: String
    public let reason: String
}

/// Every generated ioctl request of one architecture, grouped by family.
public struct IoctlTable: Sendable {
    public let architecture: Architecture
    public let encoding: IoctlEncoding
    public let families: [IoctlFamily]
    /// Every request, family by family.
    public let requests: [IoctlRequest]
    public let missing: [MissingIoctl]
    private let byName: [String: Int]
    private let byNumber: [UInt32: [Int]]

    public func request(named name: String) -> IoctlRequest? { byName[name].map { requests[$0] } }

    /// The requests with exactly this number (several names can share one: FIONREAD, TIOCINQ,
    /// SIOCINQ), non-aliases first.
    public func requests(forNumber number: UInt32) -> [IoctlRequest] {
        (byNumber[number] ?? []).map { requests[$0] }
    }

    public func family(_ name: String) -> IoctlFamily? { families.first { $0.name == name } }

    public static func forArchitecture(_ a: Architecture) -> IoctlTable { tables[a] }

    private static let tables = PerArchitecture(ioctlSources) { IoctlTable($0, $1) }

    /// Parses "@encoding", "@family name headers", request lines and "!missing" lines (format in
    /// the generated files' header comment).
    init(_ architecture: Architecture, _ source: String) {
        self.architecture = architecture
        var encoding: [String: Int] = [:]
        var families: [(name: String, headers: [String], requests: [IoctlRequest])] = []
        var missing: [MissingIoctl] = []
        for line in source.split(separator: "\n") {
            let p = line.split(separator: " ", omittingEmptySubsequences: true)
            if p.first == "@encoding" {
                var i = 1
                while i + 1 < p.count { encoding[String(p[i])] = Int(p[i + 1]); i += 2 }
            } else if p.first == "@family", p.count == 3 {
                families.append((String(p[1]), p[2].split(separator: ",").map(String.init), []))
            } else if p.first == "!missing", p.count >= 3 {
                missing.append(MissingIoctl(name: String(p[1]), reason: p[2...].joined(separator: " ")))
            } else if p.count >= 9, !families.isEmpty, let request = UInt32(p[1].dropFirst(2), radix: 16),
                      let dir = UInt32(p[2]), let type = UInt32(p[3]), let nr = UInt32(p[4]),
                      let size = UInt32(p[5]), let read = encoding["read"], let write = encoding["write"] {
                var spelled = p[0]
                var parameters: [String] = []
                if let open = spelled.firstIndex(of: "(") {
                    parameters = spelled[open...].dropFirst().dropLast().split(separator: ",").map(String.init)
                    spelled = spelled[..<open]
                }
                var direction: IoctlDirection = []
                if dir & UInt32(read) != 0 { direction.insert(.read) }
                if dir & UInt32(write) != 0 { direction.insert(.write) }
                let argumentType = p[8...].joined(separator: " ")
                families[families.count - 1].requests.append(IoctlRequest(
                    name: String(spelled), family: families[families.count - 1].name, request: request,
                    fields: IoctlFields(rawDirection: dir, direction: direction, type: type, number: nr, size: size),
                    isEncoded: p[6] == "e", aliasOf: p[7] == "-" ? nil : String(p[7]),
                    argumentType: argumentType == "-" ? nil : argumentType, parameters: parameters))
            } else {
                preconditionFailure("malformed generated ioctl line '\(line)' for \(architecture)")
            }
        }
        func e(_ key: String) -> Int {
            guard let v = encoding[key] else { preconditionFailure("generated ioctl table for \(architecture) lacks \(key)") }
            return v
        }
        self.encoding = IoctlEncoding(nrBits: e("nrbits"), typeBits: e("typebits"), sizeBits: e("sizebits"),
                                      dirBits: e("dirbits"), nrShift: e("nrshift"), typeShift: e("typeshift"),
                                      sizeShift: e("sizeshift"), dirShift: e("dirshift"), none: UInt32(e("none")),
                                      read: UInt32(e("read")), write: UInt32(e("write")))
        self.families = families.map { IoctlFamily(name: $0.name, headers: $0.headers, requests: $0.requests) }
        let all = families.flatMap(\.requests)
        requests = all
        self.missing = missing
        var byName: [String: Int] = [:]
        var byNumber: [UInt32: [Int]] = [:]
        for (i, r) in all.enumerated() {
            byName[r.name] = i
            byNumber[r.request, default: []].append(i)
        }
        for (number, list) in byNumber {
            byNumber[number] = list.sorted { (all[$0].aliasOf == nil ? 0 : 1, $0) < (all[$1].aliasOf == nil ? 0 : 1, $1) }
        }
        self.byName = byName
        self.byNumber = byNumber
    }
}
