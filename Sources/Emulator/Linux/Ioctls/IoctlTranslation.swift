import FerryABI

/// Guest ioctl request -> host request, from the generated tables of both architectures.
///
/// A request is passed through when the host knows the same name and its argument has the same
/// size (the _IOC size field): for 64-bit little-endian guests the structs behind those requests
/// have the host's layout. Requests with a length parameter (EVIOCGNAME(len), ...) match by
/// type, number and direction at any size.
struct IoctlTranslation {
    private var exact: [UInt32: UInt32] = [:]
    private var sized: [UInt32: (host: IoctlRequest, name: String)] = [:]
    /// ioctl types (the _IOC type byte) whose every known request has the same number for the
    /// guest and the host: an unknown request of such a type goes to the host unchanged, so the
    /// driver gives its own answer (loop-control says ENOSYS, not ENOTTY).
    private var sameNumberTypes = Set<UInt32>()
    let guestTable: IoctlTable
    let hostTable: IoctlTable

    init(guest: Architecture, host: Architecture) {
        guestTable = IoctlTable.forArchitecture(guest)
        hostTable = IoctlTable.forArchitecture(host)
        for request in guestTable.requests {
            guard let hostRequest = hostTable.request(named: request.name) else { continue }
            if request.parameters.isEmpty {
                guard request.fields.size == hostRequest.fields.size else { continue }
                exact[request.request] = hostRequest.request
            } else {
                sized[Self.sizeFreeKey(request.fields)] = (hostRequest, request.name)
            }
        }
        var differing = Set<UInt32>()
        for request in guestTable.requests {
            let type = request.fields.type
            if hostTable.request(named: request.name)?.request == request.request { sameNumberTypes.insert(type) } else { differing.insert(type) }
        }
        sameNumberTypes.subtract(differing)
    }

    private static func sizeFreeKey(_ f: IoctlFields) -> UInt32 {
        (f.rawDirection << 24) | (f.type << 16) | f.number
    }

    /// The host request for a guest request, or nil when it is not in the table.
    func host(_ request: UInt32) -> UInt32? {
        if let found = exact[request] { return found }
        let fields = guestTable.encoding.decode(request)
        guard let match = sized[Self.sizeFreeKey(fields)] else {
            return sameNumberTypes.contains(fields.type) ? request : nil
        }
        return hostTable.encoding.encode(match.host.fields.direction, type: match.host.fields.type,
                                         number: match.host.fields.number, size: fields.size)
    }

    var count: Int { exact.count + sized.count }

    /// `dir R, type 'T', nr 1, size 60`, decoded with the guest's own encoding.
    func describe(_ request: UInt32) -> String {
        let f = guestTable.encoding.decode(request)
        var direction = ""
        if f.direction.contains(.read) { direction += "R" }
        if f.direction.contains(.write) { direction += "W" }
        if direction.isEmpty { direction = "none" }
        let type = f.type >= 0x20 && f.type < 0x7F ? "'\(Character(Unicode.Scalar(UInt8(f.type))))'" : "0x\(String(f.type, radix: 16))"
        return "dir \(direction), type \(type), nr \(f.number), size \(f.size)"
    }
}
