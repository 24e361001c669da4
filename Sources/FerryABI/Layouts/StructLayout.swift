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
        for line in source.split(separator: "\n") {
            let p = line.split(separator: " ")
            if line.hasPrefix("@"), p.count == 3, let size = Int(p[1]), let align = Int(p[2]) {
                flush()
                current = (String(p[0].dropFirst()), size, align, [])
            } else if current != nil, p.count == 5, let off = Int(p[1]), let size = Int(p[2]),
                      let count = Int(p[4]) {
                current!.fields.append(FieldLayout(name: String(p[0]), offset: off, size: size,
                                                   isSigned: p[3] == "s", count: count))
            } else {
                preconditionFailure("malformed generated layout line '\(line)' for \(arch)")
            }
        }
        flush()
        return result
    }
}
