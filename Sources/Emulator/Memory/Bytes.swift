/// Integers in byte arrays in either byte order.
enum Bytes {
    static func load(_ b: [UInt8], _ offset: Int, _ size: Int, signed: Bool, bigEndian: Bool) -> UInt64 {
        guard offset >= 0, size > 0, offset + size <= b.count else { return 0 }
        var v: UInt64 = 0
        for i in 0..<size { v |= UInt64(b[offset + (bigEndian ? size - 1 - i : i)]) << (8 * UInt64(i)) }
        if signed && size < 8 && v & (1 << (8 * UInt64(size) - 1)) != 0 { v |= ~0 << (8 * UInt64(size)) }
        return v
    }

    static func store(_ v: UInt64, _ b: inout [UInt8], _ offset: Int, _ size: Int, bigEndian: Bool) {
        guard offset >= 0, size > 0, offset + size <= b.count else { return }
        for i in 0..<size { b[offset + (bigEndian ? size - 1 - i : i)] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(i))) }
    }
}
