import Foundation

// Per architecture, which implemented syscalls the traced corpus saw both succeed and fail, and for
// the others whether the missing path cannot exist, cannot happen on this host (both from the
// untestable-paths list), or is a real gap a test could close. Entries of the list that the corpus
// contradicts are stale.

/// What is known about an implemented syscall's two paths on one architecture.
public enum PathClass: String, Codable, Sendable {
    /// Seen succeeding and seen failing.
    case both
    /// Every missing path is one the kernel does not have.
    case impossible
    /// Every missing path is listed, at least one because of this host.
    case host
    /// At least one missing path is not listed: a test could show it.
    case gap
}

/// An implemented syscall (support full or partial) that the traced corpus never saw succeed, or
/// never saw fail, on one architecture.
public struct PathGap: Codable, Equatable, Sendable {
    public var arch: String
    public var syscall: String
    public var support: String
    /// Tests whose trace shows the call.
    public var calledBy: Int
    public var success: Bool
    public var errnos: [String]
    /// nil in matrices written before the untestable-paths list existed.
    public var pathClass: PathClass?
    /// The missing paths no list entry explains (the real gaps).
    public var unexplained: [SyscallPath]?
    /// `error: never returns`, one per missing path the list explains.
    public var reasons: [String]?

    public init(arch: String, syscall: String, support: String, calledBy: Int, success: Bool, errnos: [String],
                pathClass: PathClass? = nil, unexplained: [SyscallPath]? = nil, reasons: [String]? = nil) {
        self.arch = arch; self.syscall = syscall; self.support = support; self.calledBy = calledBy
        self.success = success; self.errnos = errnos
        self.pathClass = pathClass; self.unexplained = unexplained; self.reasons = reasons
    }

    /// The paths the corpus did not show.
    public var missingPaths: [SyscallPath] {
        (success ? [] : [.success]) + (errnos.isEmpty ? [.error] : [])
    }

    /// "success", "error" or "success and error".
    public var missing: String { missingPaths.map(\.rawValue).joined(separator: " and ") }

    /// `close_range (error)`: how the headline and the gate name a real gap.
    public var gapText: String { "\(syscall) (\((unexplained ?? missingPaths).map(\.rawValue).joined(separator: " and ")))" }
}

/// A list entry for a path the corpus does show on an architecture: the list is out of date.
public struct StaleEntry: Codable, Equatable, Sendable {
    public var arch: String
    public var entry: UntestablePath
    /// What the trace shows: `succeeded in 2 tests (a01 b02)`, `failed with EINVAL in 1 test (c01)`.
    public var seen: String

    public func message(file: String) -> String {
        "STALE \(file):\(entry.line): \(entry.syscall) \(entry.path.rawValue) is listed as \(entry.kind.rawValue), but on \(arch) it \(seen): remove the line"
    }
}

public struct PathCounts: Codable, Equatable, Sendable {
    public var implemented: Int
    public var bothPaths: Int
    public var successOnly: Int
    public var errorOnly: Int
    public var neverCalled: Int
    /// Lacking only paths that cannot exist / that this host cannot give / lacking a path a test
    /// could show. Nil in matrices written before the untestable-paths list existed.
    public var impossible: Int?
    public var host: Int?
    public var realGaps: Int?

    public init(implemented: Int = 0, bothPaths: Int = 0, successOnly: Int = 0, errorOnly: Int = 0, neverCalled: Int = 0,
                impossible: Int? = nil, host: Int? = nil, realGaps: Int? = nil) {
        self.implemented = implemented; self.bothPaths = bothPaths; self.successOnly = successOnly
        self.errorOnly = errorOnly; self.neverCalled = neverCalled
        self.impossible = impossible; self.host = host; self.realGaps = realGaps
    }
}

/// The classification for every traced architecture.
public struct PathCoverage: Equatable, Sendable {
    public var gaps: [PathGap]
    public var counts: [String: PathCounts]
    public var stale: [StaleEntry]
    /// Entries for syscalls no traced architecture implements (a typo, or a syscall ferry dropped).
    public var unmatched: [UntestablePath]

    /// `aarch64: 317 implemented; 282 with both paths; 23 lack a path that cannot exist; 9 lack one
    /// this host cannot give; 3 real gaps: close_range (error), ...`
    public func headline(_ arch: String) -> String? {
        guard let c = counts[arch] else { return nil }
        let real = gaps.filter { $0.arch == arch && $0.pathClass == .gap }
        var s = "\(arch): \(c.implemented) implemented; \(c.bothPaths) with both paths; \(c.impossible ?? 0) lack a path that cannot exist; \(c.host ?? 0) lack one this host cannot give; \(real.count) real gap\(real.count == 1 ? "" : "s")"
        if !real.isEmpty { s += ": " + real.map(\.gapText).joined(separator: ", ") }
        return s
    }

    /// Classifies the implemented syscalls of `archs` from the matrix rows.
    public static func classify(rows: [MatrixRow], archs: [String], list: UntestableList?) -> PathCoverage {
        var gaps: [PathGap] = [], stale: [StaleEntry] = [], counts: [String: PathCounts] = [:]
        var implementedSomewhere = Set<String>()
        let entries = list?.entries ?? []
        for arch in archs {
            var c = PathCounts(impossible: 0, host: 0, realGaps: 0)
            for row in rows where row.kind == "syscall" {
                guard let cell = row.arch[arch], cell.support == "full" || cell.support == "partial" else { continue }
                implementedSomewhere.insert(row.name)
                c.implemented += 1
                let success = (cell.okCalls ?? 0) > 0, failed = !cell.errnos.isEmpty
                switch (success, failed) {
                case (true, true): c.bothPaths += 1; continue
                case (true, false): c.successOnly += 1
                case (false, true): c.errorOnly += 1
                case (false, false): c.neverCalled += 1
                }
                var gap = PathGap(arch: arch, syscall: row.name, support: cell.support, calledBy: cell.calling?.count ?? 0,
                                  success: success, errnos: cell.errnos)
                let listed = gap.missingPaths.map { ($0, list?.entry(row.name, $0)) }
                gap.unexplained = listed.filter { $0.1 == nil }.map(\.0)
                gap.reasons = listed.compactMap { p, e in e.map { "\(p.rawValue): \($0.reason)" } }
                if !(gap.unexplained ?? []).isEmpty { gap.pathClass = .gap; c.realGaps! += 1 }
                else if listed.contains(where: { $0.1?.kind == .host }) { gap.pathClass = .host; c.host! += 1 }
                else { gap.pathClass = .impossible; c.impossible! += 1 }
                gaps.append(gap)
            }
            counts[arch] = c
            // An entry is stale where its syscall is implemented and the corpus shows the path.
            for e in entries {
                guard let cell = rows.first(where: { $0.kind == "syscall" && $0.name == e.syscall })?.arch[arch],
                      cell.support == "full" || cell.support == "partial" else { continue }
                switch e.path {
                case .success:
                    if let n = cell.okCalls, n > 0 {
                        stale.append(StaleEntry(arch: arch, entry: e, seen: "succeeded in \(testsText(cell.okTests ?? []))"))
                    }
                case .error:
                    if !cell.errnos.isEmpty {
                        let tests = Set((cell.errorTests ?? [:]).values.joined()).sorted()
                        stale.append(StaleEntry(arch: arch, entry: e, seen: "failed with \(cell.errnos.joined(separator: " ")) in \(testsText(tests))"))
                    }
                }
            }
        }
        let unmatched = entries.filter { !implementedSomewhere.contains($0.syscall) }
        return PathCoverage(gaps: gaps, counts: counts, stale: stale, unmatched: unmatched)
    }

    static func testsText(_ tests: [String]) -> String {
        let shown = tests.prefix(3).joined(separator: " ") + (tests.count > 3 ? " ..." : "")
        return "\(tests.count) test\(tests.count == 1 ? "" : "s") (\(shown))"
    }
}
