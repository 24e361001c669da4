/// Converts one struct between a guest layout and the host's (x86_64, little-endian), built once
/// per (struct, guest architecture). Fields are matched by name; each is widened (sign- or
/// zero-extended by the source field's signedness), truncated and byte-swapped as needed. The
/// destination is zero-filled first, so padding and fields the source lacks never carry stale
/// bytes. Arrays convert element by element up to the shorter count, except unsigned arrays whose
/// element widths differ (signal masks: 2 x u32 against 1 x u64), which convert as bitmaps:
/// bit i of the array is bit i % w of element i / w, as the kernel reads them.
public struct StructConverter: Sendable {
    public let guest: StructLayout
    public let host: StructLayout
    public let guestBigEndian: Bool
    /// Same size, same fields at the same offsets and widths, same byte order: copy as is.
    public let isIdentity: Bool
    private let pairs: [Pair]

    struct Pair: Sendable {
        let guest: FieldLayout
        let host: FieldLayout
    }

    /// `fields`, when given, restricts conversion to those names (e.g. one member of a union).
    public init(guest: StructLayout, guestBigEndian: Bool, host: StructLayout, fields: Set<String>? = nil) {
        self.guest = guest
        self.host = host
        self.guestBigEndian = guestBigEndian
        var pairs: [Pair] = []
        for g in guest.fields where fields?.contains(g.name) ?? true {
            if let h = host.field(g.name) { pairs.append(Pair(guest: g, host: h)) }
        }
        self.pairs = pairs
        isIdentity = !guestBigEndian && fields == nil && guest.size == host.size
            && guest.fields == host.fields
    }

    public func hostToGuest(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer) {
        if isIdentity { dst.copyMemory(from: src, byteCount: host.size); return }
        dst.initializeMemory(as: UInt8.self, repeating: 0, count: guest.size)
        for p in pairs {
            convert(from: src, p.host, bigEndian: false, to: dst, p.guest, bigEndian: guestBigEndian)
        }
    }

    public func guestToHost(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer) {
        if isIdentity { dst.copyMemory(from: src, byteCount: host.size); return }
        dst.initializeMemory(as: UInt8.self, repeating: 0, count: host.size)
        for p in pairs {
            convert(from: src, p.guest, bigEndian: guestBigEndian, to: dst, p.host, bigEndian: false)
        }
    }

    private func convert(from src: UnsafeRawPointer, _ s: FieldLayout, bigEndian sBE: Bool,
                         to dst: UnsafeMutableRawPointer, _ d: FieldLayout, bigEndian dBE: Bool) {
        if s.size != d.size && !s.isSigned && !d.isSigned && (s.count > 1 || d.count > 1) {
            // Bitmap: move whole bits across differently sized words.
            let bits = min(s.byteCount, d.byteCount) * 8
            var bit = 0
            while bit < bits {
                let sWord = load(src + s.offset + (bit / (s.size * 8)) * s.size, s.size, sBE, signed: false)
                if (sWord >> UInt64(bit % (s.size * 8))) & 1 != 0 {
                    let at = dst + d.offset + (bit / (d.size * 8)) * d.size
                    let dWord = load(UnsafeRawPointer(at), d.size, dBE, signed: false)
                    store(dWord | (1 << UInt64(bit % (d.size * 8))), at, d.size, dBE)
                }
                bit += 1
            }
            return
        }
        let count = min(max(s.count, 1), max(d.count, 1))
        if s.count == 0 || d.count == 0 { return }  // flexible arrays: the caller copies the tail
        for i in 0..<count {
            let v = load(src + s.offset + i * s.size, s.size, sBE, signed: s.isSigned)
            store(v, dst + d.offset + i * d.size, d.size, dBE)
        }
    }

    /// Reads `size` bytes as an integer, sign- or zero-extended to 64 bits.
    @inline(__always)
    private func load(_ p: UnsafeRawPointer, _ size: Int, _ bigEndian: Bool, signed: Bool) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<size {
            let byte = UInt64(p.load(fromByteOffset: bigEndian ? i : size - 1 - i, as: UInt8.self))
            v = (v << 8) | byte
        }
        if signed && size < 8 && v & (1 << UInt64(size * 8 - 1)) != 0 {
            v |= ~0 << UInt64(size * 8)
        }
        return v
    }

    /// Writes the low `size` bytes of `v` in the given byte order.
    @inline(__always)
    private func store(_ v: UInt64, _ p: UnsafeMutableRawPointer, _ size: Int, _ bigEndian: Bool) {
        for i in 0..<size {
            let byte = UInt8(truncatingIfNeeded: v >> UInt64(8 * i))
            p.storeBytes(of: byte, toByteOffset: bigEndian ? size - 1 - i : i, as: UInt8.self)
        }
    }
}

extension ABILayouts {
    /// The converter for `name` between `guest` and the x86_64 host, or nil when either side has
    /// no such layout. Cheap enough to build once per struct at startup and keep.
    public static func converter(_ name: String, guest: Architecture) -> StructConverter? {
        guard let g = layout(name, for: guest), let h = layout(name, for: .x86_64) else { return nil }
        return StructConverter(guest: g, guestBigEndian: guest.isBigEndian, host: h)
    }
}
