/// One architecture's syscall numbers, both ways, in O(1): number -> id through arrays indexed
/// by number (one per contiguous range, e.g. ARM's 0x0f0000 private calls are a second range),
/// id -> number through an array indexed by the id's raw value.
public struct SyscallTable: Sendable {
    public let architecture: Architecture
    /// Ranges of numbers; ids[i] is the syscall at number base + i (rawValue 0xFFFF: none).
    private let ranges: [NumberRange]
    /// numbers[id.rawValue] is the number on this architecture, or -1.
    private let numbers: [Int32]
    /// Every (number, id), sorted by number.
    public let entries: [(number: Int, id: SyscallID)]

    struct NumberRange: Sendable {
        let base: Int
        let ids: [UInt16]
    }

    private static let none: UInt16 = 0xFFFF
    /// A gap wider than this between consecutive numbers starts a new range.
    private static let maxGap = 256

    public func id(forNumber number: Int) -> SyscallID? {
        for range in ranges {
            let offset = number - range.base
            if offset >= 0 && offset < range.ids.count {
                let raw = range.ids[offset]
                return raw == SyscallTable.none ? nil : SyscallID(index: raw)
            }
        }
        return nil
    }

    public func number(of id: SyscallID) -> Int? {
        let n = numbers[Int(id.rawValue)]
        return n < 0 ? nil : Int(n)
    }

    public static func forArchitecture(_ a: Architecture) -> SyscallTable { tables[a] }

    private static let tables = PerArchitecture(syscallSources) { SyscallTable($0, $1) }

    /// Parses the generated "number name" lines (sorted by number). The generator guarantees
    /// every name is known and every number unique; a violation is a generator bug.
    private init(_ architecture: Architecture, _ source: String) {
        self.architecture = architecture
        var entries: [(number: Int, id: SyscallID)] = []
        GeneratedText.forEachLine(source) { line in
            guard line.count == 2, let number = line.int(0), let id = SyscallID(name: line.string(1)) else {
                preconditionFailure("malformed generated syscall line '\(line.text)' for \(architecture)")
            }
            entries.append((Int(number), id))
        }
        self.entries = entries

        var ranges: [NumberRange] = []
        var base = 0
        var ids: [UInt16] = []
        for (number, id) in entries {
            if ids.isEmpty || number - (base + ids.count) > SyscallTable.maxGap {
                if !ids.isEmpty { ranges.append(NumberRange(base: base, ids: ids)) }
                base = number
                ids = []
            }
            while base + ids.count < number { ids.append(SyscallTable.none) }
            ids.append(id.rawValue)
        }
        if !ids.isEmpty { ranges.append(NumberRange(base: base, ids: ids)) }
        self.ranges = ranges

        var numbers = [Int32](repeating: -1, count: SyscallID.allNames.count)
        for (number, id) in entries { numbers[Int(id.rawValue)] = Int32(number) }
        self.numbers = numbers
    }
}
