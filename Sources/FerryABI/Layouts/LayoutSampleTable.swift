/// Initialised struct instances the layout probes compiled, as bytes read back from the objects:
/// the oracle for StructConverter tests (internal; tests reach it with @testable import).
enum LayoutSamples {
    static func bytes(_ name: String, for arch: Architecture) -> [UInt8]? { table["\(arch.rawValue) \(name)"] }

    /// Every struct with a sample, sorted.
    static var names: [String] { Set(table.keys.map { String($0.split(separator: " ")[1]) }).sorted() }

    private static let table: [String: [UInt8]] = {
        var result: [String: [UInt8]] = [:]
        for line in layoutSampleSource.split(separator: "\n") {
            let p = line.split(separator: " ")
            guard p.count == 3 else { preconditionFailure("malformed generated sample line '\(line)'") }
            let hex = Array(p[2].utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(hex.count / 2)
            var i = 0
            while i + 1 < hex.count {
                bytes.append(UInt8(String(decoding: hex[i...i + 1], as: UTF8.self), radix: 16)!)
                i += 2
            }
            result["\(p[0]) \(p[1])"] = bytes
        }
        return result
    }()
}
