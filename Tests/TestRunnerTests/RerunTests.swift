import Foundation
import XCTest
@testable import TestRunner

/// `--rerun-failures`: builds the flaky fixture (fails on attempt 1, passes after) and the harness's
/// always-failing test with the host compiler and runs them natively through the whole runner.
final class RerunTests: XCTestCase {
    func config(_ dir: String, filter: String, reruns: Int) -> SessionConfig {
        var c = SessionConfig(corpusRoots: [Paths.fixtures + "/flaky", Paths.root + "/TestCases/harness"],
                              libraryDir: Paths.root + "/ltp-ports/lib", buildDir: Paths.sharedBuildDir,
                              architectures: [Architecture.guests[0]], laneKinds: [.native],
                              ferryPath: dir + "/no-ferry", jobs: 2, timeout: 60, outDir: dir + "/out")
        c.filter = filter
        c.progress = .quiet
        c.log = { _ in }
        c.rerunFailures = reruns
        return c
    }

    func run(_ filter: String, reruns: Int) throws -> (dir: String, summary: Summary) {
        guard Shell.which("gcc") != nil else { throw XCTSkip("gcc is not installed (Debian package gcc)") }
        let dir = try Paths.temporary(self)
        let result = try Session(config: config(dir, filter: filter, reruns: reruns)).runCorpus()
        XCTAssertTrue(result.summary.complete)
        // What was written is what the run returned.
        XCTAssertEqual(try ResultsFile.loadSummary(dir + "/out/summary.json"), result.summary)
        return (dir, result.summary)
    }

    func testFlakyTestIsRecordedAsPassAndFlaky() throws {
        let (dir, summary) = try run("harness_flaky", reruns: 1)
        let t = try XCTUnwrap(summary.tests.first { $0.name == "harness_flaky" })
        XCTAssertEqual(t.lanes["native"], .pass)
        XCTAssertEqual(t.attempts, ["native": [.fail, .pass]])
        XCTAssertEqual(t.flaky, ["native"])
        // The kept attempt's details are the rerun's.
        XCTAssertEqual(t.details["native"]?.counts.passed, 1)
        XCTAssertEqual(t.details["native"]?.counts.failed, 0)
        XCTAssertTrue(t.details["native"]?.output.contains("FERRY_TEST_ATTEMPT=2") ?? false)
        let junit = try String(contentsOfFile: dir + "/out/junit-aarch64.xml", encoding: .utf8)
        XCTAssertTrue(junit.contains("<property name=\"flaky.harness_flaky\" value=\"native: fail, pass\"/>"), junit)
        XCTAssertTrue(junit.contains("<testcase name=\"harness_flaky\" classname=\"aarch64.native.flaky\" time=\"") && !junit.contains("<failure"), junit)
        if let xmllint = Shell.which("xmllint") {
            let r = Shell.capture([xmllint, "--noout", "--schema", Paths.fixtures + "/JUnit.xsd", dir + "/out/junit-aarch64.xml"])
            XCTAssertEqual(r.status, 0, r.output)
        }
        let matrix = try String(contentsOfFile: dir + "/out/matrix.md", encoding: .utf8)
        XCTAssertTrue(matrix.contains("## Flaky tests"))
        XCTAssertTrue(matrix.contains("- flaky: aarch64 harness_flaky [native]: fail then pass\n"), matrix)
        XCTAssertTrue(summary.tally()[0].hasSuffix("; 1 flaky: harness_flaky [native]"), summary.tally()[0])
        XCTAssertEqual(Gate.flaky(summary: summary, arch: "aarch64"), ["harness_flaky [native]: fail then pass"])
        // A baseline from this run has it passing, so the gate passes.
        let baseline = try Gate.baseline(from: summary, arch: "aarch64")
        XCTAssertEqual(Gate.regressions(baseline: baseline, summary: summary), [])
    }

    func testAlwaysFailingTestStaysFailWithEveryAttempt() throws {
        let (dir, summary) = try run("harness_fail$", reruns: 2)
        let t = try XCTUnwrap(summary.tests.first { $0.name == "harness_fail" })
        XCTAssertEqual(t.lanes["native"], .fail)
        XCTAssertEqual(t.attempts, ["native": [.fail, .fail, .fail]])
        XCTAssertNil(t.flaky)
        XCTAssertEqual(Gate.flaky(summary: summary, arch: "aarch64"), [])
        let junit = try String(contentsOfFile: dir + "/out/junit-aarch64.xml", encoding: .utf8)
        XCTAssertTrue(junit.contains("<property name=\"rerun.harness_fail\" value=\"native: fail, fail, fail\"/>"), junit)
        XCTAssertFalse(junit.contains("flaky."))
        let matrix = try String(contentsOfFile: dir + "/out/matrix.md", encoding: .utf8)
        XCTAssertTrue(matrix.contains("None flaky.\n- failed every time: aarch64 harness_fail [native]: fail then fail then fail\n"), matrix)
    }

    func testNoRerunsByDefault() throws {
        let (dir, summary) = try run("harness_(flaky|fail|pass)$", reruns: 0)
        let outcomes = Dictionary(uniqueKeysWithValues: summary.tests.map { ($0.name, $0.lanes["native"]) })
        XCTAssertEqual(outcomes, ["harness_flaky": .fail, "harness_fail": .fail, "harness_pass": .pass])
        XCTAssertTrue(summary.tests.allSatisfy { $0.attempts == nil && $0.flaky == nil })
        let matrix = try String(contentsOfFile: dir + "/out/matrix.md", encoding: .utf8)
        XCTAssertFalse(matrix.contains("Flaky tests"))
    }

    /// A passing test is never re-run: only fail, broken and timeout are.
    func testPassingAndSkippedTestsAreNotRerun() throws {
        let (_, summary) = try run("harness_(pass|conf)$", reruns: 3)
        XCTAssertEqual(summary.tests.count, 2)
        XCTAssertTrue(summary.tests.allSatisfy { $0.attempts == nil })
    }

    /// Merge keeps a shard's attempts and flaky lanes when the test's other lane came from another shard.
    func testMergeKeepsAttempts() throws {
        var native = record("open01", ["native": .pass])
        native.attempts = ["native": [.fail, .pass]]
        native.flaky = ["native"]
        let ferry = record("open01", ["ferry": .fail])
        var withAttempts = ferry
        withAttempts.attempts = ["ferry": [.fail, .fail]]
        let merged = try Merge.merge([("a", summary([native], shard: nil)), ("b", summary([withAttempts], shard: nil))])
        XCTAssertEqual(merged.tests.count, 1)
        XCTAssertEqual(merged.tests[0].attempts, ["native": [.fail, .pass], "ferry": [.fail, .fail]])
        XCTAssertEqual(merged.tests[0].flaky, ["native"])
        XCTAssertEqual(Gate.flaky(summary: merged, arch: "aarch64"), ["open01 [native]: fail then pass"])
    }
}
