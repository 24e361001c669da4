import Synchronization

/// One table per architecture, each parsed from its generated source the first time it is asked
/// for and kept: the single lookup every ABI table kind (syscalls, constants, layouts, ioctls)
/// goes through. `sources` is in `Architecture.allCases` order (Generated/TableSources.swift).
final class PerArchitecture<Table: Sendable>: Sendable {
    private let sources: [String]
    private let parse: @Sendable (Architecture, String) -> Table
    private let built: Mutex<[Table?]>

    init(_ sources: [String], parse: @escaping @Sendable (Architecture, String) -> Table) {
        precondition(sources.count == Architecture.allCases.count, "one generated source per architecture")
        self.sources = sources
        self.parse = parse
        built = Mutex([Table?](repeating: nil, count: sources.count))
    }

    subscript(_ architecture: Architecture) -> Table {
        let i = architecture.tableIndex
        return built.withLock { tables in
            if let table = tables[i] { return table }
            let table = parse(architecture, sources[i])
            tables[i] = table
            return table
        }
    }
}

extension Architecture {
    /// Position in `allCases`: the index of this architecture's generated tables (the generator
    /// checks its architecture order against the case list).
    var tableIndex: Int { Architecture.allCases.firstIndex(of: self)! }
}
