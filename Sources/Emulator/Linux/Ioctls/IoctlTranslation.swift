import FerryABI
import Synchronization

/// One guest request resolved: its table entry, the host's request number, its family's
/// description and how its argument crosses.
struct IoctlRoute {
    let request: IoctlRequest
    let host: UInt32
    let description: IoctlDescription
    let crossing: IoctlCrossing
}

/// Guest ioctl request -> route, from the generated tables of both architectures and the family
/// descriptions. Requests with a length parameter (EVIOCGNAME(len), ...) match by type, number
/// and direction at any size and keep the guest's size. Routes are built on first use and kept.
struct IoctlTranslation {
    private var exact: [UInt32: Int] = [:]
    private var sized: [UInt32: Int] = [:]
    /// ioctl types (the _IOC type byte) whose every known request has the same number for the
    /// guest and the host: an unknown request of such a type goes to the host unchanged, so the
    /// driver gives its own answer (loop-control says ENOSYS, not ENOTTY).
    private var sameNumberTypes = Set<UInt32>()
    let guestTable: IoctlTable
    let hostTable: IoctlTable
    let conversion: IoctlConversion
    private let cache = RouteCache()

    init(guest: Architecture, host: Architecture) {
        guestTable = IoctlTable.forArchitecture(guest)
        hostTable = IoctlTable.forArchitecture(host)
        conversion = IoctlConversion(guest: guest, host: host)
        for (i, request) in guestTable.requests.enumerated() where hostTable.request(named: request.name) != nil {
            if request.parameters.contains("len") {
                sized[Self.sizeFreeKey(request.fields)] = i
            } else if exact[request.request] == nil {
                exact[request.request] = i
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

    /// The route for a guest request, or nil when it is not in the table (or no family claims it).
    func route(_ number: UInt32) -> IoctlRoute? {
        if let cached = cache.routes.withLock({ $0[number] }) { return cached }
        let index: Int
        if let i = exact[number] {
            index = i
        } else if let i = sized[Self.sizeFreeKey(guestTable.encoding.decode(number))] {
            index = i
        } else {
            return nil
        }
        let request = guestTable.requests[index]
        guard let hostRequest = hostTable.request(named: request.name),
              let description = IoctlFamilies.describe(request, architecture: guestTable.architecture) else { return nil }
        var host = hostRequest.request
        var guestSize = request.fields.size
        if request.parameters.contains("len") {
            guestSize = guestTable.encoding.decode(number).size
            guard let encoded = hostTable.encoding.encode(hostRequest.fields.direction, type: hostRequest.fields.type,
                                                          number: hostRequest.fields.number, size: guestSize) else { return nil }
            host = encoded
        }
        let route = IoctlRoute(request: request, host: host, description: description,
                               crossing: conversion.crossing(description, guestSize: guestSize, hostSize: hostRequest.fields.size))
        cache.routes.withLock { $0[number] = route }
        return route
    }

    /// The host request for a guest request the personality passes on, or nil (ENOTTY).
    func host(_ request: UInt32) -> UInt32? {
        if let r = route(request) {
            if case .unsupported = r.crossing { return nil }
            return r.host
        }
        guard exact[request] == nil else { return nil }
        return sameNumberTypes.contains(guestTable.encoding.decode(request).type) ? request : nil
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

/// Routes built so far: shared by the copies of IoctlTranslation the personality hands out.
final class RouteCache: Sendable {
    let routes = Mutex<[UInt32: IoctlRoute]>([:])
}
