// Content hashes for the build cache: two FNV-1a 64-bit hashes with different offsets, printed as
// 32 hex digits. Not cryptographic; it only has to notice that an input changed.
public struct ContentHash {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    public init() {}

    public mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* Self.prime
            b = (b ^ UInt64(byte ^ 0x5A)) &* Self.prime
        }
        // Separate consecutive inputs so ("ab","c") and ("a","bc") differ.
        a = (a ^ 0xFF) &* Self.prime
        b = (b ^ UInt64(bytes.count & 0xFF)) &* Self.prime
    }

    public mutating func add(_ string: String) { add(Array(string.utf8)) }

    public var hex: String {
        func h(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return h(a) + h(b)
    }
}
