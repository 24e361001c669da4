import Synchronization

/// Converts one struct between a guest layout and a host layout, planned once per (struct,
/// guest architecture, host architecture). Fields are matched by name; each is widened (sign- or
/// zero-extended by the source field's signedness), truncated and byte-swapped as needed, and
/// runs of fields that need none of that are copied as blocks. Destination bytes no field
/// covers (padding, fields the source lacks) are zeroed, so they never carry stale bytes. Arrays
/// convert element by element up to the shorter count, except unsigned arrays whose element
/// widths differ (signal masks: 2 x u32 against 1 x u64), which convert as bitmaps: bit i of the
/// array is bit i % w of element i / w, as the kernel reads them.
public struct StructConverter: Sendable {
    public let guest: StructLayout
    public let host: StructLayout
    public let guestBigEndian: Bool
    public let hostBigEndian: Bool
    /// Same size and every byte in place in both directions: conversion is one memcpy.
    public let isIdentity: Bool
    /// The opposite of `isIdentity`: callers can pass guest memory straight to the host.
    public var needsConversion: Bool { !isIdentity }
    let toHost: ConversionPlan
    let toGuest: ConversionPlan

    /// `fields`, when given, restricts conversion to those names (e.g. one member of a union).
    public init(guest: StructLayout, guestBigEndian: Bool, host: StructLayout, hostBigEndian: Bool = false,
                fields: Set<String>? = nil) {
        self.guest = guest
        self.host = host
        self.guestBigEndian = guestBigEndian
        self.hostBigEndian = hostBigEndian
        toHost = ConversionPlan(from: guest, bigEndian: guestBigEndian, to: host, bigEndian: hostBigEndian, fields: fields)
        toGuest = ConversionPlan(from: host, bigEndian: hostBigEndian, to: guest, bigEndian: guestBigEndian, fields: fields)
        isIdentity = toHost.isIdentity && toGuest.isIdentity
    }

    /// Reads `host.size` bytes at `src`, writes `guest.size` bytes at `dst`.
    public func hostToGuest(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer) {
        if isIdentity { dst.copyMemory(from: src, byteCount: host.size); return }
        toGuest.run(src, dst)
    }

    /// Reads `guest.size` bytes at `src`, writes `host.size` bytes at `dst`.
    public func guestToHost(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer) {
        if isIdentity { dst.copyMemory(from: src, byteCount: host.size); return }
        toHost.run(src, dst)
    }

    /// How many copy, zero, move and bitmap steps each direction takes (for tests and tuning).
    public var stepCounts: (toHost: Int, toGuest: Int) { (toHost.steps.count, toGuest.steps.count) }
}

extension ABILayouts {
    /// The converter for `name` between `guest` and `host` (the x86_64 host by default), or nil
    /// when either side has no such layout. Planned once per (struct, guest, host) and kept.
    public static func converter(_ name: String, guest: Architecture, host: Architecture = .x86_64) -> StructConverter? {
        converter(guest: name, on: guest, host: name, on: host)
    }

    /// The converter between two differently named structs with the same field names: a 32-bit
    /// guest's `stat64` against the 64-bit host's `stat` (x86_64 defines no stat64).
    public static func converter(guest guestName: String, on guest: Architecture, host hostName: String,
                                 on host: Architecture = .x86_64) -> StructConverter? {
        let key = ConverterKey(guestName: guestName, guest: guest, hostName: hostName, host: host)
        if let cached = converters.withLock({ $0[key] }) { return cached }
        guard let g = layout(guestName, for: guest), let h = layout(hostName, for: host) else { return nil }
        let made = StructConverter(guest: g, guestBigEndian: guest.isBigEndian, host: h, hostBigEndian: host.isBigEndian)
        converters.withLock { $0[key] = made }
        return made
    }

    private struct ConverterKey: Hashable, Sendable {
        let guestName: String
        let guest: Architecture
        let hostName: String
        let host: Architecture
    }

    private static let converters = Mutex<[ConverterKey: StructConverter]>([:])
}
