import Foundation

// `gate --require-paths`: every syscall ferry implements on the gated architecture must be seen
// both succeeding and failing in the traced corpus, or lack only paths the untestable-paths list
// explains; and no list entry may be stale (contradicted by the corpus).

public struct PathVerdict: Equatable, Sendable {
    public var arch: String
    public var headline: String
    public var realGaps: [PathGap]
    public var stale: [StaleEntry]
    public var listFile: String?

    public var passed: Bool { realGaps.isEmpty && stale.isEmpty }

    /// One line per problem, then nothing else: the caller prints the totals.
    public var problems: [String] {
        realGaps.map { g in
            "PATH GAP \(arch) \(g.gapText): no traced test shows it\(g.calledBy > 0 ? " (called by \(g.calledBy) test\(g.calledBy == 1 ? "" : "s"); \(g.success ? "succeeded" : "never succeeded"), errnos: \(g.errnos.isEmpty ? "none" : g.errnos.joined(separator: " ")))" : " (never called)"); add a test case, or a line in \(listFile ?? UntestableList.repositoryPath) if the path cannot exist or cannot happen on this host"
        } + stale.map { $0.message(file: listFile ?? UntestableList.repositoryPath) }
    }
}

extension Gate {
    /// The path verdict for `arch`, with `list` (nil: the one the run stored in the summary).
    public static func paths(summary: Summary, arch: String, list: UntestableList?) throws -> PathVerdict {
        guard summary.architectures.contains(arch) else {
            throw RunnerError.usage("the results hold no \(arch) run (they hold: \(summary.architectures.joined(separator: ", ")))")
        }
        guard summary.tests.contains(where: { $0.arch == arch && $0.calls != nil }) else {
            throw RunnerError.usage("the results have no ferry trace for \(arch), so --require-paths cannot check paths: run with the ferry lane traced (the default)")
        }
        guard summary.support[arch].map({ !$0.isEmpty }) ?? false else {
            throw RunnerError.usage("the results have no ferry support table for \(arch) (ferry --list-syscalls failed during the run), so --require-paths cannot tell which syscalls are implemented")
        }
        var s = summary
        if let list { s.untestablePaths = list }
        let matrix = Matrix(summary: s)
        let gaps = (matrix.pathGaps ?? []).filter { $0.arch == arch && $0.pathClass == .gap }
        let stale = (matrix.staleEntries ?? []).filter { $0.arch == arch }
        let headline = matrix.pathHeadlines?.first { $0.hasPrefix(arch + ":") } ?? "\(arch): no paths traced"
        return PathVerdict(arch: arch, headline: headline, realGaps: gaps, stale: stale, listFile: s.untestablePaths?.file)
    }
}
