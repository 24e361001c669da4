/// One leaf field of a probed struct. Nested structs and unions are flattened into dotted paths
/// ("sa_mask.sig", "_sifields._sigchld._pid"); arrays keep their element size and count.
public struct FieldLayout: Sendable, Equatable {
    public let name: String
    public let offset: Int
    /// Size of one element in bytes.
    public let size: Int
    public let isSigned: Bool
    /// Array elements: 1 for a scalar, 0 for a flexible array member.
    public let count: Int

    public var byteCount: Int { size * count }
}

/// A struct's layout on one architecture, as the cross compiler laid it out.
public struct StructLayout: Sendable {
    public let name: String
    public let size: Int
    public let alignment: Int
    public let fields: [FieldLayout]
    private let index: [String: Int]

    init(name: String, size: Int, alignment: Int, fields: [FieldLayout]) {
        self.name = name
        self.size = size
        self.alignment = alignment
        self.fields = fields
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() where index[f.name] == nil { index[f.name] = i }
        self.index = index
    }

    public func field(_ name: String) -> FieldLayout? { index[name].map { fields[$0] } }
}

public enum ABILayouts {
    /// The layout of `name` ("stat", "sigaction", "msghdr", ...) on `architecture`, or nil when
    /// the architecture has no such struct (e.g. stat64 on 64-bit) or it was not probed.
    public static func layout(_ name: String, for architecture: Architecture) -> StructLayout? {
        tables[architecture][name]
    }

    /// Every probed layout name on `architecture`.
    public static func names(for architecture: Architecture) -> [String] {
        tables[architecture].keys.sorted()
    }

    private static let tables = PerArchitecture(layoutSources) { parse($0, $1) }

    /// Parses "@name size alignment" lines followed by "path offset size s|u count" lines.
    private static func parse(_ arch: Architecture, _ source: String) -> [String: StructLayout] {
        var result: [String: StructLayout] = [:]
        var current: (name: String, size: Int, alignment: Int, fields: [FieldLayout])?
        func flush() {
            if let c = current {
                result[c.name] = StructLayout(name: c.name, size: c.size, alignment: c.alignment, fields: c.fields)
            }
        }
        GeneratedText.forEachLine(source) { line in
            if line.first(0) == UInt8(ascii: "@"), line.count == 3, let size = line.int(1), let align = line.int(2) {
                flush()
                current = (line.stringDroppingFirst(0), Int(size), Int(align), [])
            } else if current != nil, line.count == 5, let off = line.int(1), let size = line.int(2),
                      let count = line.int(4) {
                current!.fields.append(FieldLayout(name: line.string(0), offset: Int(off), size: Int(size),
                                                   isSigned: line.equals(3, "s"), count: Int(count)))
            } else {
                preconditionFailure("malformed generated layout line '\(line.text)' for \(arch)")
            }
        }
        flush()
        return result
    }
}
