import Foundation
import XCTest
@testable import TestRunner

/// The baseline's reasons: every test whose ferry outcome differs from native needs one, the
/// placeholder does not count, they survive --update-baseline, and old or broken files load or
/// fail in one line.
final class ReasonTests: XCTestCase {
    func results() -> Summary {
        summary([
            record("open01", ["native": .pass, "ferry": .pass]),
            record("utimes01", ["native": .pass, "ferry": .conf]),
            record("sigtrap01", ["native": .conf, "ferry": .pass]),
            record("module01", ["native": .conf, "ferry": .conf]),
        ])
    }

    func testGateNeedsAReasonForEveryTestThatDiffersFromNative() throws {
        var baseline = try Gate.baseline(from: results(), arch: "aarch64")
        // A new baseline marks both differing tests with the placeholder, and only them.
        XCTAssertEqual(baseline.reasons, ["utimes01": Baseline.placeholder, "sigtrap01": Baseline.placeholder])
        var c = Gate.conformance(baseline: baseline, summary: results(), arch: "aarch64")
        XCTAssertEqual(c.compared, 4)
        XCTAssertEqual(c.conformant, 2)
        XCTAssertEqual(c.unexplained.map(\.test), ["sigtrap01", "utimes01"])
        XCTAssertTrue(c.unexplained[1].complaint(baselinePath: "b.json").contains("still the placeholder"))
        XCTAssertEqual(c.line, "2/4 (50.00%) tests have their native outcome; 0 known exceptions with reasons, 2 without")

        baseline.reasons = ["utimes01": "aarch64 has no utimes syscall"]
        c = Gate.conformance(baseline: baseline, summary: results(), arch: "aarch64")
        XCTAssertEqual(c.unexplained.map(\.test), ["sigtrap01"])
        let complaint = c.unexplained[0].complaint(baselinePath: "results/baseline-aarch64.json")
        XCTAssertTrue(complaint.contains("sigtrap01: ferry pass, native conf"), complaint)
        XCTAssertTrue(complaint.contains("add \"sigtrap01\": \"<why, in one line>\" to its \"reasons\""), complaint)
        XCTAssertFalse(complaint.contains("\n"))

        baseline.reasons?["sigtrap01"] = "aarch64-only test"
        c = Gate.conformance(baseline: baseline, summary: results(), arch: "aarch64")
        XCTAssertEqual(c.unexplained, [])
        XCTAssertEqual(c.line, "2/4 (50.00%) tests have their native outcome; 2 known exceptions with reasons")
        // Outcomes that match need none (module01: TCONF in both lanes).
        XCTAssertFalse(c.exceptions.contains { $0.test == "module01" })
    }

    func testUpdateKeepsReasonsAndRoundTrips() throws {
        let dir = try Paths.temporary(self)
        var previous = try Gate.baseline(from: results(), arch: "aarch64")
        previous.reasons = ["utimes01": "aarch64 has no utimes syscall", "module01": "no CONFIG_MODULES on the host",
                            "gone01": "a test no longer in the corpus"]
        let updated = try Gate.baseline(from: results(), arch: "aarch64", previous: previous)
        XCTAssertEqual(updated.reasons, ["utimes01": "aarch64 has no utimes syscall", "module01": "no CONFIG_MODULES on the host",
                                         "sigtrap01": Baseline.placeholder])
        try AtomicFile.write(try ResultsFile.encode(updated), to: dir + "/baseline.json")
        let loaded = try ResultsFile.loadBaseline(dir + "/baseline.json")
        XCTAssertEqual(loaded, updated)
        XCTAssertEqual(loaded.version, 2)
        XCTAssertEqual(loaded.reason(for: "utimes01"), "aarch64 has no utimes syscall")
        XCTAssertNil(loaded.reason(for: "sigtrap01"), "the placeholder is not a reason")
    }

    /// A version 1 baseline (the committed file before reasons existed) still loads; its
    /// differing tests then have no reason, so the gate names them.
    func testVersionOneBaselineLoads() throws {
        let old = try ResultsFile.loadBaseline(Paths.fixtures + "/baseline_v1_aarch64.json")
        XCTAssertEqual(old.version, 1)
        XCTAssertNil(old.reasons)
        XCTAssertEqual(old.tests["utimes01"], ["native": .pass, "ferry": .conf])
        var now = results()
        now.tests = now.tests.filter { old.tests[$0.name] != nil }
        let c = Gate.conformance(baseline: old, summary: now, arch: "aarch64")
        XCTAssertTrue(c.unexplained.map(\.test).contains("utimes01"))
    }

    func testBadReasonFieldsGiveOneLine() throws {
        let dir = try Paths.temporary(self)
        let good = try ResultsFile.encode(Gate.baseline(from: results(), arch: "aarch64"))
        func problem(_ reasons: Any) throws -> String {
            var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: good) as? [String: Any])
            json["reasons"] = reasons
            let path = dir + "/baseline.json"
            try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
            do { _ = try ResultsFile.loadBaseline(path); return "loaded" } catch { return "\(error)" }
        }
        for (reasons, expected) in [(["utimes01": 5] as Any, "has a wrong value at .reasons.utimes01"),
                                    (["utimes01", "x"] as Any, "has a wrong value at .reasons"),
                                    (["utimes01": "two\nlines"] as Any, "has a bad reason for utimes01: it is more than one line"),
                                    (["utimes01": "  "] as Any, "has a bad reason for utimes01: it is empty")] {
            let message = try problem(reasons)
            XCTAssertTrue(message.hasPrefix(dir + "/baseline.json: "), message)
            XCTAssertTrue(message.contains(expected), message)
            XCTAssertFalse(message.contains("\n"), message)
        }
        XCTAssertEqual(try problem(["utimes01": "one line"]), "loaded")
    }

    func testJUnitAndMatrixShowTheReason() throws {
        var s = results()
        s.tests[1].knownReason = "aarch64 has no utimes syscall"
        let xml = JUnitWriter.xml(for: "aarch64", summary: s)
        XCTAssertTrue(xml.contains("<property name=\"known-exception.utimes01\" value=\"aarch64 has no utimes syscall\"/>"), xml)
        XCTAssertTrue(xml.contains("<skipped message=\"known exception: aarch64 has no utimes syscall; conf"), xml)
        let md = Matrix(summary: s).markdown()
        XCTAssertTrue(md.contains("- **aarch64**: 2/4 (50.00%) tests have their native outcome; 1 known exception with reasons, 1 without"), md)
        XCTAssertTrue(md.contains("| aarch64 | utimes01 | pass | conf | aarch64 has no utimes syscall |"), md)
        XCTAssertTrue(md.contains("| aarch64 | sigtrap01 | conf | pass | **no reason in the baseline** |"), md)
        if let xmllint = Shell.which("xmllint") {
            let dir = try Paths.temporary(self)
            try xml.write(toFile: dir + "/junit.xml", atomically: true, encoding: .utf8)
            let r = Shell.capture([xmllint, "--noout", "--schema", Paths.fixtures + "/JUnit.xsd", dir + "/junit.xml"])
            XCTAssertEqual(r.status, 0, r.output)
        }
    }
}
