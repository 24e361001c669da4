import Foundation
import XCTest
@testable import TestRunner

final class ReportTests: XCTestCase {
    func sample() -> Summary {
        var crash = record("kill01", ["native": .pass, "ferry": .crash], syscalls: ["kill"])
        crash.details["ferry"]?.output = "bad \u{01} byte & <tag> ]]> \"quoted\"\n"
        crash.details["ferry"]?.results = ["kill01.c:3: TPASS: first", "kill01.c:4: TFAIL: second", "kill01.c:5: TPASS: third"]
        return summary([
            record("open01", ["native": .pass, "ferry": .pass], syscalls: ["openat", "close"]),
            record("open02", ["native": .pass, "ferry": .fail], syscalls: ["openat"]),
            record("rseq01", ["native": .conf, "ferry": .conf], syscalls: ["rseq"]),
            record("tty01", ["native": .pass, "ferry": .emulatorError], syscalls: ["ioctl"]),
            crash,
        ])
    }

    func testJUnitValidatesAgainstTheSchema() throws {
        guard let xmllint = Shell.which("xmllint") else {
            throw XCTSkip("xmllint is not installed (Debian package libxml2-utils; ci/setup.sh installs it)")
        }
        let dir = try Paths.temporary(self)
        let xml = JUnitWriter.xml(for: "aarch64", summary: sample())
        try xml.write(toFile: dir + "/junit.xml", atomically: true, encoding: .utf8)
        let r = Shell.capture([xmllint, "--noout", "--schema", Paths.fixtures + "/JUnit.xsd", dir + "/junit.xml"])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.output.contains("validates"), r.output)
        // The same check fails on a file that breaks the schema, so the check can fail.
        try xml.replacingOccurrences(of: "<properties>", with: "<props>").replacingOccurrences(of: "</properties>", with: "</props>")
            .write(toFile: dir + "/bad.xml", atomically: true, encoding: .utf8)
        XCTAssertNotEqual(Shell.capture([xmllint, "--noout", "--schema", Paths.fixtures + "/JUnit.xsd", dir + "/bad.xml"]).status, 0)
    }

    func testJUnitContent() {
        let xml = JUnitWriter.xml(for: "aarch64", summary: sample())
        XCTAssertTrue(xml.contains("<testsuite name=\"aarch64.native\""))
        XCTAssertTrue(xml.contains("<testsuite name=\"aarch64.ferry\""))
        XCTAssertTrue(xml.contains("classname=\"aarch64.ferry.open\""))
        XCTAssertTrue(xml.contains("<failure message=\"fail"))
        XCTAssertTrue(xml.contains("type=\"emulator-error\""))
        XCTAssertTrue(xml.contains("type=\"crash\""))
        XCTAssertTrue(xml.contains("<skipped message="))
        XCTAssertTrue(xml.contains("property name=\"ferry.version\" value=\"0.0\""))
        XCTAssertTrue(xml.contains("property name=\"host.kernel\""))
        // Several TPASS/TFAIL lines of one program stay in the failure text.
        XCTAssertTrue(xml.contains("kill01.c:3: TPASS: first\nkill01.c:4: TFAIL: second\nkill01.c:5: TPASS: third"))
        XCTAssertTrue(xml.contains("&amp; &lt;tag&gt; ]]&gt; &quot;quoted&quot;"))
        XCTAssertFalse(xml.contains("\u{01}"))
        // ferry suite: 1 failure (open02), 2 errors (tty01, kill01), 1 skipped.
        XCTAssertTrue(xml.contains("name=\"aarch64.ferry\" package=\"ferry-test.aarch64\" id=\"1\" timestamp=\"2025-01-02T03:04:05\" hostname=\"h\" tests=\"5\" failures=\"1\" errors=\"2\" skipped=\"1\""))
    }

    func testMatrix() throws {
        let m = Matrix(summary: sample())
        let openat = try XCTUnwrap(m.rows.first { $0.name == "openat" }?.arch["aarch64"])
        XCTAssertEqual(openat.support, "full")
        XCTAssertEqual(openat.tests, ["open01", "open02"])
        XCTAssertEqual(openat.pass["native"], PassRate(passed: 2, total: 2))
        XCTAssertEqual(openat.pass["ferry"], PassRate(passed: 1, total: 2))
        // A syscall from ferry's table with no test still has a row.
        XCTAssertEqual(m.rows.first { $0.name == "rseq" }?.arch["aarch64"]?.support, "unimplemented")
        XCTAssertEqual(m.outcomes["aarch64"]?["ferry"]?["emulator-error"], 1)
        let md = m.markdown()
        XCTAssertTrue(md.contains("| syscall | openat | full | 2 | 2/2 | 1/2 |"), md)
        let html = m.html()
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("addEventListener('click'"))
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "the page must need no network")
    }

    func testOutputsAreWrittenAtomicallyAndReadBack() throws {
        let dir = try Paths.temporary(self)
        let written = try Outputs.write(sample(), to: dir)
        XCTAssertEqual(Set(written.map { ($0 as NSString).lastPathComponent }),
                       ["junit-aarch64.xml", "matrix.json", "matrix.md", "matrix.html", "summary.json"])
        XCTAssertEqual(try ResultsFile.loadSummary(dir + "/summary.json"), sample())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }
}
