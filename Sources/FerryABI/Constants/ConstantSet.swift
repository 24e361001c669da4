/// One named constant: its name, value on the architecture, and when it is only another name
/// for a constant of the same group (EWOULDBLOCK = EAGAIN), which one.
public struct Constant: Sendable, Equatable {
    public let name: String
    public let value: Int64
    public let aliasOf: String?
}

/// A named group of constants from one header family: "errno", "open_flags", "ioctl", ...
/// `isFlags` groups are bit sets (decode to A|B), the others enumerations (decode to one name).
public struct ConstantGroup: Sendable {
    public let name: String
    public let isFlags: Bool
    /// In header order; decoding prefers the first non-alias name for a value.
    public let constants: [Constant]

    /// The preferred name for `value` (first non-alias, then any alias), or nil.
    public func name(of value: Int64) -> String? {
        constants.first { $0.value == value && $0.aliasOf == nil }?.name
            ?? constants.first { $0.value == value }?.name
    }

    /// Splits a flag word into names and the bits no name covers. Wider multi-bit names go first
    /// (O_SYNC before O_DSYNC); zero-valued names are left to the caller (O_RDONLY is context).
    public func decodeFlags(_ value: Int64) -> (names: [String], rest: Int64) {
        var rest = value
        var names: [String] = []
        for c in flagOrder where c.value != 0 && rest & c.value == c.value {
            names.append(c.name)
            rest &= ~c.value
        }
        return (names, rest)
    }

    private var flagOrder: [Constant] {
        constants.filter { $0.aliasOf == nil && $0.value > 0 }
            .sorted { $0.value.nonzeroBitCount > $1.value.nonzeroBitCount }
    }
}

/// Every probed constant of one architecture, by name and by group.
public struct ConstantSet: Sendable {
    public let architecture: Architecture
    public let groups: [String: ConstantGroup]
    private let byName: [String: Int64]

    /// The value of a constant, e.g. "O_CLOEXEC"; nil when the architecture does not define it.
    public func value(_ name: String) -> Int64? { byName[name] }

    /// Every constant whose name starts with `prefix`, sorted by value then name.
    public func names(withPrefix prefix: String) -> [(name: String, value: Int64)] {
        byName.filter { $0.key.hasPrefix(prefix) }
            .map { (name: $0.key, value: $0.value) }
            .sorted { ($0.value, $0.name) < ($1.value, $1.name) }
    }

    public func group(_ name: String) -> ConstantGroup? { groups[name] }

    /// A constant the generator probes for every architecture: a missing one is a generator bug,
    /// so it stops with the name and architecture instead of falling back to a typed number.
    public func required(_ name: String) -> Int64 {
        guard let v = byName[name] else { preconditionFailure("\(name) missing from the generated constants for \(architecture)") }
        return v
    }

    /// Parses the generated text: "@group kind" lines, then "NAME value [=ALIAS]" lines.
    init(_ architecture: Architecture, _ source: String) {
        self.architecture = architecture
        var groups: [String: ConstantGroup] = [:]
        var byName: [String: Int64] = [:]
        var current: (name: String, isFlags: Bool, constants: [Constant])?
        func flush() {
            if let g = current { groups[g.name] = ConstantGroup(name: g.name, isFlags: g.isFlags, constants: g.constants) }
        }
        GeneratedText.forEachLine(source) { line in
            if line.first(0) == UInt8(ascii: "@"), line.count == 2 {
                flush()
                current = (line.stringDroppingFirst(0), line.equals(1, "flags"), [])
                return
            }
            guard current != nil, line.count == 2 || line.count == 3, let value = line.int(1) else {
                preconditionFailure("malformed generated constant line '\(line.text)' for \(architecture)")
            }
            let alias = line.count == 3 ? line.stringDroppingFirst(2) : nil
            let name = line.string(0)
            current!.constants.append(Constant(name: name, value: value, aliasOf: alias))
            byName[name] = value
        }
        flush()
        self.groups = groups
        self.byName = byName
    }
}

public enum ABIConstants {
    public static func forArchitecture(_ a: Architecture) -> ConstantSet { tables[a] }

    private static let tables = PerArchitecture(constantSources) { ConstantSet($0, $1) }
}
