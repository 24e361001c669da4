import XCTest
@testable import FerryABI

/// The planned converter (merged copies, zeroed gaps, typed loads) against a plain reference
/// that zero-fills and then moves every field byte by byte, in field order.
final class ConversionPlanTests: XCTestCase {
    /// Byte-by-byte reference: the semantics the plan must keep.
    private func reference(_ src: [UInt8], _ s: StructLayout, _ sBE: Bool, _ d: StructLayout, _ dBE: Bool) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: d.size)
        if !(sBE != dBE) && s.size == d.size && s.fields == d.fields { return src }
        func load(_ at: Int, _ size: Int, _ be: Bool, _ signed: Bool) -> UInt64 {
            var v: UInt64 = 0
            for i in 0..<size { v = v << 8 | UInt64(src[at + (be ? i : size - 1 - i)]) }
            if signed && size < 8 && v >> UInt64(size * 8 - 1) & 1 == 1 { v |= ~0 << UInt64(size * 8) }
            return v
        }
        func store(_ v: UInt64, _ at: Int, _ size: Int, _ be: Bool) {
            for i in 0..<size { out[at + (be ? size - 1 - i : i)] = UInt8(truncatingIfNeeded: v >> UInt64(8 * i)) }
        }
        for f in s.fields {
            guard let g = d.field(f.name), f.count > 0, g.count > 0 else { continue }
            if f.size > 8 || g.size > 8 {
                for i in 0..<min(f.count, g.count) {
                    for b in 0..<min(f.size, g.size) { out[g.offset + i * g.size + b] = src[f.offset + i * f.size + b] }
                }
                continue
            }
            if f.size != g.size && !f.isSigned && !g.isSigned && (f.count > 1 || g.count > 1) {
                for bit in 0..<min(f.byteCount, g.byteCount) * 8 {
                    let word = load(f.offset + bit / (f.size * 8) * f.size, f.size, sBE, false)
                    if word >> UInt64(bit % (f.size * 8)) & 1 == 1 {
                        let at = g.offset + bit / (g.size * 8) * g.size
                        var old: UInt64 = 0
                        for i in 0..<g.size { old = old << 8 | UInt64(out[at + (dBE ? i : g.size - 1 - i)]) }
                        store(old | 1 << UInt64(bit % (g.size * 8)), at, g.size, dBE)
                    }
                }
                continue
            }
            for i in 0..<min(f.count, g.count) {
                if f.size == g.size && (sBE == dBE || f.size == 1) {
                    for b in 0..<f.size { out[g.offset + i * g.size + b] = src[f.offset + i * f.size + b] }
                } else {
                    store(load(f.offset + i * f.size, f.size, sBE, f.isSigned), g.offset + i * g.size, g.size, dBE)
                }
            }
        }
        return out
    }

    func testPlanMatchesReferenceForEveryLayoutPair() throws {
        var generator = SystemRandomNumberGenerator()
        var pairs = 0
        for arch in Architecture.allCases where arch != .x86_64 {
            for name in ABILayouts.names(for: arch) {
                guard let g = ABILayouts.layout(name, for: arch), let h = ABILayouts.layout(name, for: .x86_64),
                      let c = ABILayouts.converter(name, guest: arch) else { continue }
                for _ in 0..<3 {
                    let guestBytes = (0..<g.size).map { _ in UInt8.random(in: 0...255, using: &generator) }
                    var toHost = [UInt8](repeating: 0xA5, count: h.size)
                    guestBytes.withUnsafeBytes { s in toHost.withUnsafeMutableBytes { c.guestToHost(s.baseAddress!, $0.baseAddress!) } }
                    XCTAssertEqual(toHost, reference(guestBytes, g, arch.isBigEndian, h, false), "\(arch) \(name) guest->host")

                    let hostBytes = (0..<h.size).map { _ in UInt8.random(in: 0...255, using: &generator) }
                    var toGuest = [UInt8](repeating: 0x5A, count: g.size)
                    hostBytes.withUnsafeBytes { s in toGuest.withUnsafeMutableBytes { c.hostToGuest(s.baseAddress!, $0.baseAddress!) } }
                    XCTAssertEqual(toGuest, reference(hostBytes, h, false, g, arch.isBigEndian), "\(arch) \(name) host->guest")
                }
                pairs += 1
            }
        }
        XCTAssertGreaterThan(pairs, 300)
    }

    /// Identical layouts are one memcpy, padding included; the converter says so.
    func testIdentityIsOneCopy() throws {
        let c = try XCTUnwrap(ABILayouts.converter("msghdr", guest: .aarch64))
        XCTAssertTrue(c.isIdentity)
        XCTAssertFalse(c.needsConversion)
        XCTAssertEqual(c.toHost.steps, [.copy(from: 0, to: 0, count: c.host.size)])
        // Padding after msg_namelen travels too, as memcpy would.
        let bytes = (0..<c.guest.size).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) }
        var out = [UInt8](repeating: 0, count: c.host.size)
        bytes.withUnsafeBytes { s in out.withUnsafeMutableBytes { c.guestToHost(s.baseAddress!, $0.baseAddress!) } }
        XCTAssertEqual(out, bytes)
        for arch in [Architecture.mips, .arm, .i386] {
            XCTAssertTrue(try XCTUnwrap(ABILayouts.converter("msghdr", guest: arch)).needsConversion, "\(arch)")
        }
        // riscv64 shares x86_64's epoll_event fields but not its packing (16 bytes against 12).
        XCTAssertTrue(try XCTUnwrap(ABILayouts.converter("epoll_event", guest: .riscv64)).needsConversion)
    }

    /// Runs of fields that need no change become one copy: a little-endian guest whose stat
    /// differs from the host's only in places takes far fewer steps than it has fields.
    func testUnchangedRunsAreMerged() throws {
        let c = try XCTUnwrap(ABILayouts.converter("stat", guest: .aarch64))
        XCTAssertTrue(c.needsConversion)
        let fields = c.guest.fields.count
        XCTAssertLessThan(c.stepCounts.toHost, fields, "\(c.toHost.steps)")
        // The timestamps (st_atime .. st_ctime_nsec, six 8-byte fields at the same offsets on
        // both sides) are inside one copy.
        let atime = try XCTUnwrap(c.guest.field("st_atime")), hostAtime = try XCTUnwrap(c.host.field("st_atime"))
        XCTAssertEqual(atime.offset, hostAtime.offset)
        XCTAssertTrue(c.toHost.steps.contains { step in
            guard case let .copy(from, to, count) = step else { return false }
            return from == to && from <= atime.offset && atime.offset + 48 <= from + count
        }, "\(c.toHost.steps)")
        // Big-endian mips moves every multi-byte integer on its own, reading big-endian; its
        // stat64 converts to the host's struct stat (x86_64 has no stat64).
        let m = try XCTUnwrap(ABILayouts.converter(guest: "stat64", on: .mips, host: "stat"))
        let moves = m.toHost.steps.compactMap { step -> Bool? in
            if case let .move(_, _, _, _, _, fromBE, toBE) = step { return fromBE && !toBE } else { return nil }
        }
        XCTAssertGreaterThan(moves.count, 10)
        XCTAssertTrue(moves.allSatisfy { $0 })
    }

    /// Converters are planned once and shared.
    func testConvertersAreCached() throws {
        let a = try XCTUnwrap(ABILayouts.converter("stat", guest: .riscv64))
        let b = try XCTUnwrap(ABILayouts.converter("stat", guest: .riscv64))
        XCTAssertEqual(a.toHost.steps, b.toHost.steps)
        XCTAssertNil(ABILayouts.converter("no_such_struct", guest: .riscv64))
        XCTAssertNil(ABILayouts.converter("stat64", guest: .aarch64))
    }
}
