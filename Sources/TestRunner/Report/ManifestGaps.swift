import Foundation

// Where a test's SYSCALLS: line and what ferry's trace saw it call disagree. Only tests that passed
// under ferry are checked: a test that stopped early (TCONF, TBROK, a crash) did not reach all its
// calls. Calls that at least half of those tests make are the architecture's harness set (the static
// C library's start-up, the LTP library, its temporary-directory handling) and are not asked of any
// manifest: on the aarch64 corpus 24 calls come from every test and 10 more from the 142 tests with
// a temporary directory, while the next most common call (read) is made by 66 of 282.

public struct ManifestGap: Codable, Equatable, Sendable {
    public var arch: String
    public var test: String
    /// Called (and not in the harness set) but not declared.
    public var undeclared: [String]
    /// Declared, a syscall of this architecture, and never called.
    public var uncalled: [String]
    /// Declared but not a syscall of this architecture (glibc implements it with another one,
    /// as open with openat on aarch64).
    public var notOnArch: [String]

    /// The harness set per architecture: the calls made by at least half of the traced tests that
    /// passed under ferry (empty with fewer than two such tests: one test alone is no harness).
    public static func harness(_ summary: Summary) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for arch in summary.architectures {
            let tests = checked(summary, arch)
            guard tests.count >= 2 else { result[arch] = []; continue }
            var counts: [String: Int] = [:]
            for t in tests { for name in Set(t.called ?? []) { counts[name, default: 0] += 1 } }
            result[arch] = counts.filter { $0.value * 2 >= tests.count }.keys.sorted()
        }
        return result
    }

    static func checked(_ summary: Summary, _ arch: String) -> [TestRecord] {
        summary.tests.filter { $0.arch == arch && $0.called != nil && $0.lanes["ferry"] == .pass }
    }

    public static func find(in summary: Summary) -> (harness: [String: [String]], gaps: [ManifestGap]) {
        let harness = harness(summary)
        var gaps: [ManifestGap] = []
        for arch in summary.architectures {
            let common = Set(harness[arch] ?? [])
            let table = summary.support[arch] ?? [:]
            for t in checked(summary, arch) {
                let called = Set(t.called ?? [])
                let declared = Set(t.syscalls)
                let undeclared = called.subtracting(declared).subtracting(common).sorted()
                let missing = declared.subtracting(called)
                // Without ferry's table every declared name counts as a syscall of the arch.
                let notOnArch = table.isEmpty ? [] : missing.filter { table[$0] == nil }.sorted()
                let uncalled = missing.subtracting(notOnArch).sorted()
                if !undeclared.isEmpty || !uncalled.isEmpty || !notOnArch.isEmpty {
                    gaps.append(ManifestGap(arch: arch, test: t.name, undeclared: undeclared, uncalled: uncalled, notOnArch: notOnArch))
                }
            }
        }
        return (harness, gaps.sorted { ($0.arch, $0.test) < ($1.arch, $1.test) })
    }

    static func counts(_ gaps: [ManifestGap]) -> String {
        "\(gaps.count) tests: \(gaps.map(\.undeclared.count).reduce(0, +)) undeclared calls, "
            + "\(gaps.map(\.uncalled.count).reduce(0, +)) declared and never called, "
            + "\(gaps.map(\.notOnArch.count).reduce(0, +)) declared and not a syscall of the architecture"
    }

    public static func markdown(_ gaps: [ManifestGap], harness: [String: [String]]) -> String {
        var s = "\n## Manifest gaps (SYSCALLS: lines against ferry's trace)\n\n"
        s += "Tests that passed under ferry, where the syscalls the trace saw (all processes) and the declared ones differ: "
        s += counts(gaps) + ".\n\n"
        for (arch, names) in harness.sorted(by: { $0.key < $1.key }) {
            s += "Harness calls on \(arch) (made by at least half of those tests, not asked of manifests): \(names.isEmpty ? "none (fewer than two traced passing tests)" : names.joined(separator: " "))\n\n"
        }
        if gaps.isEmpty { return s + "None.\n" }
        s += "| arch | test | called, not declared | declared, never called | declared, not a syscall here |\n|---|---|---|---|---|\n"
        for g in gaps {
            s += "| \(g.arch) | \(g.test) | \(g.undeclared.joined(separator: " ")) | \(g.uncalled.joined(separator: " ")) | \(g.notOnArch.joined(separator: " ")) |\n"
        }
        return s
    }

    public static func html(_ gaps: [ManifestGap], harness: [String: [String]]) -> String {
        let e = JUnitWriter.esc
        var s = "<h2>Manifest gaps</h2>\n<p>Tests that passed under ferry whose SYSCALLS: line and trace differ: \(e(counts(gaps))).</p>\n"
        for (arch, names) in harness.sorted(by: { $0.key < $1.key }) {
            s += "<p>Harness calls on \(e(arch)) (not asked of manifests): \(e(names.joined(separator: " ")))</p>\n"
        }
        guard !gaps.isEmpty else { return s }
        s += "<table><thead><tr><th>arch</th><th>test</th><th>called, not declared</th><th>declared, never called</th><th>declared, not a syscall here</th></tr></thead><tbody>\n"
        for g in gaps {
            s += "<tr><td>\(e(g.arch))</td><td>\(e(g.test))</td><td>\(e(g.undeclared.joined(separator: " ")))</td><td>\(e(g.uncalled.joined(separator: " ")))</td><td>\(e(g.notOnArch.joined(separator: " ")))</td></tr>\n"
        }
        return s + "</tbody></table>\n"
    }
}
