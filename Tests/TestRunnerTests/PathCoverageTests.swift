import Foundation
import XCTest
@testable import TestRunner

/// The untestable-paths list, the classification of implemented syscalls' paths, stale entries
/// and `gate --require-paths`.
final class PathCoverageTests: XCTestCase {
    let listText = """
    # comment, then a blank line

    getpid  error    impossible  returns the caller's pid; no error exit
    exit_group error impossible  ends the process and never returns
    init_module success host     no CONFIG_MODULES on this kernel
    pkey_alloc success\thost\tno protection keys on this CPU
    """

    func testParsesEntriesWithLinesAndReasons() throws {
        let list = try UntestableList.parse(listText, file: "paths.txt")
        XCTAssertEqual(list.entries.map(\.syscall), ["getpid", "exit_group", "init_module", "pkey_alloc"])
        XCTAssertEqual(list.entries[0], UntestablePath(syscall: "getpid", path: .error, kind: .impossible,
                                                       reason: "returns the caller's pid; no error exit", line: 3))
        XCTAssertEqual(list.entries[3].reason, "no protection keys on this CPU", "tabs separate fields too")
        XCTAssertEqual(list.entry("init_module", .success)?.kind, .host)
        XCTAssertNil(list.entry("init_module", .error))
    }

    func testBadLinesNameFileAndLine() {
        func problem(_ text: String) -> String {
            do { _ = try UntestableList.parse(text, file: "u.txt"); return "parsed" }
            catch { return "\(error)" }
        }
        XCTAssertEqual(problem("getpid error"), "u.txt:1: expected `syscall success|error impossible|host reason`, got 2 fields")
        XCTAssertEqual(problem("# x\ngetpid failure impossible cannot fail at all"), "u.txt:2: path 'failure' is neither success nor error")
        XCTAssertEqual(problem("getpid error never cannot fail at all"), "u.txt:1: kind 'never' is neither impossible nor host")
        XCTAssertEqual(problem("GetPid error impossible cannot fail at all"), "u.txt:1: 'GetPid' is not a syscall name (lower-case letters, digits, _)")
        XCTAssertEqual(problem("getpid error impossible no"), "u.txt:1: the reason 'no' is too short to say why")
        XCTAssertEqual(problem("getpid error impossible cannot fail at all\n\ngetpid error host something else here"),
                       "u.txt:3: getpid error is already listed on line 1")
        XCTAssertTrue(problem("getpid error impossible " + String(repeating: "x", count: 301)).hasPrefix("u.txt:1: the reason is longer"))
        // The same syscall on both paths is two entries, not a duplicate.
        XCTAssertEqual(problem("getpid error impossible cannot fail at all\ngetpid success impossible just for the test"), "parsed")
    }

    func testLoadNamesAMissingFile() {
        XCTAssertThrowsError(try UntestableList.load("/nonexistent/untestable-paths.txt")) { error in
            XCTAssertEqual("\(error)", "untestable-paths list '/nonexistent/untestable-paths.txt' cannot be read")
        }
    }

    /// The repository's own list parses (CI would stop on it otherwise).
    func testRepositoryListParses() throws {
        let list = try UntestableList.load(Paths.root + "/" + UntestableList.repositoryPath)
        XCTAssertGreaterThan(list.entries.count, 10)
        XCTAssertEqual(list.entry("getpid", .error)?.kind, .impossible)
    }

    /// Implemented: getpid (success only), exit_group (success only), init_module (error only),
    /// pkey_alloc (error only; listed: success host), close (both), dup (never called),
    /// read (error only, unlisted) and openat (success only, getpid-like entry missing).
    func pathSummary(list: UntestableList?) -> Summary {
        var s = summary([
            record("a01", ["native": .pass, "ferry": .pass]),
            record("b01", ["native": .pass, "ferry": .pass]),
        ])
        s.support["aarch64"] = ["getpid": "full", "exit_group": "full", "init_module": "full", "pkey_alloc": "partial",
                                "close": "full", "dup": "full", "read": "full", "openat": "full", "rseq": "unimplemented"]
        s.tests[0].calls = ["getpid": CallOutcomes(ok: 1), "exit_group": CallOutcomes(ok: 1), "close": CallOutcomes(ok: 1),
                            "init_module": CallOutcomes(errors: ["ENOSYS": 2]), "openat": CallOutcomes(ok: 3)]
        s.tests[1].calls = ["close": CallOutcomes(errors: ["EBADF": 1]), "read": CallOutcomes(errors: ["EBADF": 1]),
                            "pkey_alloc": CallOutcomes(errors: ["ENOSPC": 1])]
        for i in s.tests.indices { s.tests[i].called = s.tests[i].calls?.keys.sorted() }
        s.untestablePaths = list
        return s
    }

    func testClassifiesImpossibleHostAndRealGaps() throws {
        let m = Matrix(summary: pathSummary(list: try UntestableList.parse(listText, file: "paths.txt")))
        let classes = Dictionary(uniqueKeysWithValues: (m.pathGaps ?? []).map { ($0.syscall, $0.pathClass) })
        XCTAssertEqual(classes, ["getpid": .impossible, "exit_group": .impossible, "init_module": .host, "pkey_alloc": .host,
                                 "dup": .gap, "read": .gap, "openat": .gap])
        XCTAssertEqual(m.pathCounts?["aarch64"], PathCounts(implemented: 8, bothPaths: 1, successOnly: 3, errorOnly: 3, neverCalled: 1,
                                                            impossible: 2, host: 2, realGaps: 3))
        let getpid = try XCTUnwrap(m.pathGaps?.first { $0.syscall == "getpid" })
        XCTAssertEqual(getpid.reasons, ["error: returns the caller's pid; no error exit"])
        XCTAssertEqual(getpid.unexplained, [])
        XCTAssertEqual(m.pathHeadlines, ["aarch64: 8 implemented; 1 with both paths; 2 lack a path that cannot exist; 2 lack one this host cannot give; 3 real gaps: dup (success and error), openat (error), read (success)"])
        XCTAssertEqual(m.staleEntries, [])
        XCTAssertEqual(m.unmatchedEntries, [])
        XCTAssertEqual(m.untestableFile, "paths.txt")
        let md = m.markdown()
        XCTAssertTrue(md.contains("come from `paths.txt`"), md)
        // Real gaps first, then host, then impossible.
        let order = ["| aarch64 | dup |", "| aarch64 | read |", "| aarch64 | init_module |", "| aarch64 | exit_group |", "| aarch64 | getpid |"]
        let positions = order.map { md.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil), md)
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertTrue(md.contains("| aarch64 | init_module | full | 1 | no | ENOSYS | success | host cannot | success: no CONFIG_MODULES on this kernel |"), md)
        XCTAssertTrue(md.contains("| aarch64 | getpid | full | 1 | yes |  | error | cannot exist | error: returns the caller's pid; no error exit |"), md)
        let html = m.html()
        XCTAssertTrue(html.contains("<td>host cannot</td><td>success: no CONFIG_MODULES on this kernel</td>"), html)
        XCTAssertTrue(html.contains("3 real gaps: dup (success and error)"), html)
    }

    /// A syscall lacking both paths with only one listed is still a real gap, named by the other.
    func testPartlyListedIsARealGap() throws {
        let list = try UntestableList.parse("dup success impossible pretend it cannot succeed", file: "p")
        let m = Matrix(summary: pathSummary(list: list))
        let dup = try XCTUnwrap(m.pathGaps?.first { $0.syscall == "dup" })
        XCTAssertEqual(dup.pathClass, .gap)
        XCTAssertEqual(dup.unexplained, [.error])
        XCTAssertEqual(dup.gapText, "dup (error)")
    }

    func testStaleAndUnmatchedEntries() throws {
        let list = try UntestableList.parse("""
        close error impossible claims close cannot fail
        openat success host claims openat cannot succeed here
        getpid error impossible returns the pid and cannot fail
        rseq error impossible not implemented by ferry at all
        frobnicate success host no such syscall anywhere
        """, file: "u.txt")
        let m = Matrix(summary: pathSummary(list: list))
        XCTAssertEqual(m.staleEntries?.map(\.entry.syscall), ["close", "openat"])
        XCTAssertEqual(m.staleEntries?.first?.message(file: "u.txt"),
                       "STALE u.txt:1: close error is listed as impossible, but on aarch64 it failed with EBADF in 1 test (b01): remove the line")
        XCTAssertEqual(m.staleEntries?.last?.seen, "succeeded in 1 test (a01)")
        XCTAssertEqual(m.unmatchedEntries?.map(\.syscall), ["rseq", "frobnicate"])
        let md = m.markdown()
        XCTAssertTrue(md.contains("- **warning**: STALE u.txt:2: openat success is listed as host"), md)
        XCTAssertTrue(md.contains("- **warning**: u.txt:5: frobnicate is implemented on no traced architecture"), md)
    }

    func testGateRequirePaths() throws {
        let good = try UntestableList.parse(listText + """

        dup success impossible pretend for the test: never succeeds
        dup error impossible pretend for the test: never fails
        read success host pretend for the test: host cannot
        openat error host pretend for the test: host cannot
        """, file: "u.txt")
        let passing = try Gate.paths(summary: pathSummary(list: nil), arch: "aarch64", list: good)
        XCTAssertTrue(passing.passed, "\(passing.problems)")
        XCTAssertEqual(passing.headline, "aarch64: 8 implemented; 1 with both paths; 3 lack a path that cannot exist; 4 lack one this host cannot give; 0 real gaps")

        // Without a list given, the summary's own is used; gaps are listed one per line.
        let gapped = try Gate.paths(summary: pathSummary(list: try UntestableList.parse(listText, file: "stored.txt")), arch: "aarch64", list: nil)
        XCTAssertFalse(gapped.passed)
        XCTAssertEqual(gapped.realGaps.map(\.syscall), ["dup", "openat", "read"])
        XCTAssertEqual(gapped.problems.first,
                       "PATH GAP aarch64 dup (success and error): no traced test shows it (never called); add a test case, or a line in stored.txt if the path cannot exist or cannot happen on this host")
        XCTAssertTrue(gapped.problems[2].hasPrefix("PATH GAP aarch64 read (success): no traced test shows it (called by 1 test; never succeeded, errnos: EBADF)"), gapped.problems[2])

        // A stale entry alone fails the gate.
        let stale = try UntestableList.parse(good.entries.map { "\($0.syscall) \($0.path.rawValue) \($0.kind.rawValue) \($0.reason)" }.joined(separator: "\n")
                                             + "\nclose success impossible claims close never succeeds", file: "s.txt")
        let v = try Gate.paths(summary: pathSummary(list: nil), arch: "aarch64", list: stale)
        XCTAssertEqual(v.realGaps, [])
        XCTAssertEqual(v.problems, ["STALE s.txt:9: close success is listed as impossible, but on aarch64 it succeeded in 1 test (a01): remove the line"])
        XCTAssertFalse(v.passed)
    }

    func testGateRequirePathsNeedsATraceAndASupportTable() throws {
        var untraced = pathSummary(list: nil)
        for i in untraced.tests.indices { untraced.tests[i].calls = nil }
        XCTAssertThrowsError(try Gate.paths(summary: untraced, arch: "aarch64", list: nil)) { error in
            XCTAssertTrue("\(error)".contains("no ferry trace for aarch64"), "\(error)")
        }
        var noTable = pathSummary(list: nil)
        noTable.support = [:]
        XCTAssertThrowsError(try Gate.paths(summary: noTable, arch: "aarch64", list: nil)) { error in
            XCTAssertTrue("\(error)".contains("no ferry support table for aarch64"), "\(error)")
        }
        XCTAssertThrowsError(try Gate.paths(summary: pathSummary(list: nil), arch: "riscv64", list: nil))
    }

    /// The list travels in summary.json (merge and gate read it back).
    func testListRoundTripsThroughSummary() throws {
        let dir = try Paths.temporary(self)
        let s = pathSummary(list: try UntestableList.parse(listText, file: "paths.txt"))
        _ = try Outputs.write(s, to: dir)
        let back = try ResultsFile.loadSummary(dir + "/summary.json")
        XCTAssertEqual(back.untestablePaths, s.untestablePaths)
        let merged = try Merge.merge([("x", back)])
        XCTAssertEqual(merged.untestablePaths, s.untestablePaths)
        let matrix = try String(contentsOfFile: dir + "/matrix.json", encoding: .utf8)
        XCTAssertTrue(matrix.contains("\"pathClass\" : \"host\""), matrix)
    }
}
