import XCTest
@testable import TestRunner

final class ParserTests: XCTestCase {
    func testNewAPIResultsAndSummary() throws {
        let out = LTPOutputParser.parse(try Paths.fixture("native_fail.txt"))
        XCTAssertEqual(out.summary, SummaryCounts(passed: 1, failed: 1, broken: 0, skipped: 0, warnings: 0))
        XCTAssertEqual(out.count(.TPASS), 1)
        XCTAssertEqual(out.count(.TFAIL), 1)
        let fail = try XCTUnwrap(out.results.first { $0.type == .TFAIL })
        XCTAssertEqual(fail.location, "harness_fail.c:8")
        XCTAssertTrue(fail.message.hasPrefix("a failing check"))
        // The banner lines are TINFO from the library's own file.
        XCTAssertEqual(out.results.first?.type, .TINFO)
        XCTAssertEqual(out.results.first?.location.hasPrefix("tst_test.c:"), true)
        XCTAssertFalse(out.timeoutReported)
    }

    func testSummaryMatchesResultLinesForEveryHarnessFixture() throws {
        for name in ["pass", "fail", "brok", "conf", "crash", "mixed", "noresult", "timeout"] {
            let out = LTPOutputParser.parse(try Paths.fixture("native_\(name).txt"))
            let s = try XCTUnwrap(out.summary, name)
            XCTAssertEqual(s.passed, out.count(.TPASS), name)
            XCTAssertEqual(s.failed, out.count(.TFAIL), name)
            XCTAssertEqual(s.skipped, out.count(.TCONF), name)
            XCTAssertEqual(s.warnings, out.count(.TWARN), name)
        }
    }

    func testOldAPI() throws {
        let out = LTPOutputParser.parse(try Paths.fixture("old_api_mknod07.txt"))
        XCTAssertNil(out.summary)
        XCTAssertEqual(out.count(.TPASS), 3)
        XCTAssertEqual(out.count(.TFAIL), 1)
        XCTAssertEqual(out.count(.TINFO), 2)
        let fail = try XCTUnwrap(out.results.first { $0.type == .TFAIL })
        XCTAssertEqual(fail.location, "mknod07     3")
        XCTAssertEqual(fail.message, "mknod07.c:155: mknod succeeded unexpectedly")
    }

    func testTimeout() throws {
        let out = LTPOutputParser.parse(try Paths.fixture("native_timeout.txt"))
        XCTAssertTrue(out.timeoutReported)
        XCTAssertEqual(out.summary?.broken, 1)
    }

    func testCrashOfAChild() throws {
        let out = LTPOutputParser.parse(try Paths.fixture("native_crash.txt"))
        let brok = try XCTUnwrap(out.results.first { $0.type == .TBROK })
        XCTAssertTrue(brok.message.contains("killed by signal SIGSEGV"))
    }

    /// LTP colours the result type (`\e[1;32mTPASS: \e[0m`) when LTP_COLORIZE_OUTPUT is on.
    func testColourCodesAreStripped() throws {
        let plain = try Paths.fixture("native_fail.txt")
        let colours = ["TPASS": "\u{1B}[1;32m", "TFAIL": "\u{1B}[1;31m", "TINFO": "\u{1B}[1;34m", "TBROK": "\u{1B}[1;31m"]
        var coloured = plain
        for (type, code) in colours {
            coloured = coloured.replacingOccurrences(of: " \(type): ", with: " \(code)\(type): \u{1B}[0m")
        }
        XCTAssertNotEqual(coloured, plain)
        let a = LTPOutputParser.parse(plain), b = LTPOutputParser.parse(coloured)
        XCTAssertEqual(a.results, b.results)
        XCTAssertEqual(a.summary, b.summary)
        XCTAssertFalse(b.rawLines.joined().contains("\u{1B}"))
    }

    /// A forked child writing while the parent writes: two results on one physical line, and a
    /// child's line between the parent's lines. Every result still counts once.
    func testInterleavedChildren() throws {
        let text = try Paths.fixture("native_pass.txt")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let passes = lines.indices.filter { lines[$0].contains(": TPASS: ") }
        XCTAssertGreaterThanOrEqual(passes.count, 2)
        // Splice the second TPASS line onto the end of the first one, as unbuffered writes can.
        lines[passes[0]] += " " + lines[passes[1]]
        lines.remove(at: passes[1])
        let out = LTPOutputParser.parse(lines.joined(separator: "\n"))
        XCTAssertEqual(out.count(.TPASS), out.summary?.passed)
        XCTAssertEqual(out.count(.TPASS), 4)
        let original = LTPOutputParser.parse(text).results.filter { $0.type == .TPASS }
        XCTAssertEqual(out.results.filter { $0.type == .TPASS }, original, "each message ends where the child's line begins")
    }

    func testMessagesMentioningResultTypesDoNotCount() {
        let out = LTPOutputParser.parse("foo.c:3: TINFO: expecting TPASS: later\nno TFAIL: here\n")
        XCTAssertEqual(out.count(.TPASS), 0)
        XCTAssertEqual(out.count(.TFAIL), 0)
        XCTAssertEqual(out.count(.TINFO), 1)
    }

    func testDeclaredSyscallsAndIoctls() {
        let source = """
        /*
         * Checks open.
         * SYSCALLS: openat close
         */
        /* IOCTLS: TCGETS TIOCGWINSZ */
        /* SYSCALLS: read openat */
        int x; // SYSCALLS: in code is not a declaration
        """
        XCTAssertEqual(Discovery.declared("SYSCALLS", in: source), ["openat", "close", "read"])
        XCTAssertEqual(Discovery.declared("IOCTLS", in: source), ["TCGETS", "TIOCGWINSZ"])
    }
}
