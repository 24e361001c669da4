/// A syscall by name, independent of architecture. The raw value is the name's position in the
/// sorted list of every name the system-calls package knows (Generated/SyscallNames.swift), so
/// it is stable only within one generated version: store names, not raw values.
public struct SyscallID: Hashable, Sendable, Comparable {
    public let rawValue: UInt16

    init(index: UInt16) { rawValue = index }

    /// nil when `rawValue` is not the index of a known name.
    public init?(rawValue: UInt16) {
        guard Int(rawValue) < SyscallID.allNames.count else { return nil }
        self.rawValue = rawValue
    }

    public init?(name: String) {
        guard let index = SyscallID.indexByName[name] else { return nil }
        rawValue = index
    }

    /// The syscall's name, e.g. "openat".
    public var name: String { SyscallID.allNames[Int(rawValue)] }

    /// Every name the package knows, on any architecture, sorted.
    public static let allNames: [String] = {
        var names: [String] = []
        GeneratedText.forEachLine(syscallNamesSource) { names.append($0.string(0)) }
        return names
    }()

    static let indexByName: [String: UInt16] = {
        var map = [String: UInt16](minimumCapacity: allNames.count)
        for (i, name) in allNames.enumerated() { map[name] = UInt16(i) }
        return map
    }()

    public static func < (a: SyscallID, b: SyscallID) -> Bool { a.rawValue < b.rawValue }
}

extension SyscallID: CustomStringConvertible {
    public var description: String { name }
}
