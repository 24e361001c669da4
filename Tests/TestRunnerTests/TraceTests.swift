import Foundation
import XCTest
@testable import TestRunner

/// The ferry lane's syscall trace: reading ferry's `-strace=json` lines, `called` in summary.json,
/// the matrix's "called" column and the manifest gaps.
final class TraceTests: XCTestCase {
    /// The fixture is ferry's real trace of the aarch64 brk01 test (see Fixtures/README.md). A
    /// full JSON parser over the same lines is the reference for the fast reader.
    func testReaderAgreesWithAJSONParserOnARealTrace() throws {
        let text = try Paths.fixture("ferry_trace_brk01.jsonl")
        var reference = Set<String>()
        var events = 0
        for line in text.split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let name = object["syscall"] as? String { reference.insert(name) } else { events += 1 }
        }
        XCTAssertGreaterThan(events, 0, "the fixture should hold event lines (exits) too")
        let names = CalledSyscalls.names(in: Data(text.utf8))
        XCTAssertEqual(names, reference.sorted())
        XCTAssertTrue(names.contains("brk"))
    }

    func testReaderSkipsWhatIsNotACallLine() {
        let lines = [
            #"{"pid": 7, "syscall": "openat", "args": ["AT_FDCWD", "\"syscall\": \"evil\""], "return": 3, "text": "3"}"#,
            #"{"pid": 7, "signal": "SIGCHLD", "info": "{si_signo=SIGCHLD}"}"#,
            #"{"pid": 7, "exited": 0}"#,
            #"not json at all "syscall": "nope""#,
            #"{"pid": 8, "syscall": "write", "args": ["1", "\"syscall\": \"x\"\n"], "return": 1"#,   // cut short: still a call
            #"{"pid": 9, "syscall": "clo"#,                                                               // cut inside the name
            #"{"pid": 9, "syscall": "syscall_451", "args": []}"#,
            "",
        ]
        XCTAssertEqual(CalledSyscalls.names(in: Data(lines.joined(separator: "\n").utf8)), ["openat", "syscall_451", "write"])
        XCTAssertEqual(CalledSyscalls.names(in: Data()), [])
        XCTAssertNil(CalledSyscalls.read(traceFile: "/nonexistent/trace.jsonl"))
    }

    func traced() -> Summary {
        var s = summary([
            record("open01", ["native": .pass, "ferry": .pass], syscalls: ["openat", "close"]),
            record("open02", ["native": .pass, "ferry": .pass], syscalls: ["open", "openat", "fstat"]),
            record("rseq01", ["native": .pass, "ferry": .fail], syscalls: ["rseq"]),
            record("read01", ["native": .pass, "ferry": .pass], syscalls: ["read"]),
            record("brk01", ["native": .pass, "ferry": .pass], syscalls: ["brk"]),
            record("brk02", ["native": .pass, "ferry": .pass], syscalls: ["brk"]),
        ])
        // A start-up set every test calls, plus each test's own calls.
        let startup = ["brk", "execve", "exit_group", "write"]
        s.tests[0].called = startup + ["close", "openat"]
        s.tests[1].called = startup + ["openat", "read"]
        s.tests[2].called = startup + ["mmap"]
        s.tests[3].called = startup + ["read", "close"]
        s.tests[4].called = startup
        s.tests[5].called = startup
        s.support["aarch64"]?["read"] = "full"
        s.support["aarch64"]?["fstat"] = "full"
        return s
    }

    func testMatrixCalledColumnAndManifestGaps() throws {
        let m = Matrix(summary: traced())
        let openat = try XCTUnwrap(m.rows.first { $0.name == "openat" }?.arch["aarch64"])
        XCTAssertEqual(openat.tests, ["open01", "open02"])
        XCTAssertEqual(openat.calling, ["open01", "open02"])
        // Called by a test that does not declare it: counted as calling, not as declaring.
        let close = try XCTUnwrap(m.rows.first { $0.name == "close" }?.arch["aarch64"])
        XCTAssertEqual(close.tests, ["open01"])
        XCTAssertEqual(close.calling, ["open01", "read01"])
        // A called syscall nobody declares and ferry's table lacks still gets a row.
        XCTAssertEqual(m.rows.first { $0.name == "mmap" }?.arch["aarch64"]?.calling, ["rseq01"])
        XCTAssertEqual(m.rows.first { $0.name == "rseq" }?.arch["aarch64"]?.calling, [])
        // Harness: what at least half (3) of the five tests that passed under ferry called; close,
        // openat and read are made by two each (rseq01 failed under ferry: not counted).
        XCTAssertEqual(m.harness, ["aarch64": ["brk", "execve", "exit_group", "write"]])
        XCTAssertEqual(m.gaps, [
            ManifestGap(arch: "aarch64", test: "open02", undeclared: ["read"], uncalled: ["fstat"], notOnArch: ["open"]),
            ManifestGap(arch: "aarch64", test: "read01", undeclared: ["close"], uncalled: [], notOnArch: []),
        ])
        let md = m.markdown()
        XCTAssertTrue(md.contains("| aarch64 support | aarch64 tests | aarch64 called | aarch64 native | aarch64 ferry |"), md)
        XCTAssertTrue(md.contains("| syscall | close | full | 1 | 2 | 1/1 | 1/1 |"), md)
        XCTAssertTrue(md.contains("## Manifest gaps"), md)
        XCTAssertTrue(md.contains("| aarch64 | open02 | read | fstat | open |"), md)
        XCTAssertTrue(md.contains("2 tests: 2 undeclared calls, 1 declared and never called, 1 declared and not a syscall of the architecture"), md)
        let html = m.html()
        XCTAssertTrue(html.contains("<th title=\"tests whose ferry trace shows the call\">aarch64 called</th>"))
        XCTAssertTrue(html.contains("<h2>Manifest gaps</h2>"))
    }

    func testUntracedMatrixHasNoCalledColumn() throws {
        let m = Matrix(summary: summary([record("open01", ["native": .pass, "ferry": .pass], syscalls: ["openat"])]))
        XCTAssertNil(m.rows.first { $0.name == "openat" }?.arch["aarch64"]?.calling)
        XCTAssertNil(m.gaps)
        XCTAssertFalse(m.markdown().contains("called"))
    }

    /// summary.json stays version 1: one written before `called` existed still reads (as nil),
    /// and `called` survives a write and a read.
    func testSummaryWithAndWithoutCalledReads() throws {
        let dir = try Paths.temporary(self)
        _ = try Outputs.write(traced(), to: dir)
        XCTAssertEqual(try ResultsFile.loadSummary(dir + "/summary.json"), traced())
        var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/summary.json"))) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        json["tests"] = (json["tests"] as? [[String: Any]])?.map { t in var t = t; t["called"] = nil; return t }
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: dir + "/old.json"))
        let old = try ResultsFile.loadSummary(dir + "/old.json")
        XCTAssertEqual(old.tests.map(\.called), [nil, nil, nil, nil, nil, nil])
    }

    func testMergeKeepsTheFerryLanesCalls() throws {
        var native = summary([record("open01", ["native": .pass], syscalls: ["openat"])], lanes: ["native"], shard: nil)
        native.tests[0].called = nil
        var ferry = summary([record("open01", ["ferry": .pass], syscalls: ["openat"])], lanes: ["ferry"], shard: nil)
        ferry.tests[0].called = ["openat", "write"]
        let merged = try Merge.merge([("a/summary.json", native), ("b/summary.json", ferry)])
        XCTAssertEqual(merged.tests.first?.called, ["openat", "write"])
    }

    var ferryBinary: String {
        let bundle = Bundle(for: Self.self).bundleURL
        let directory = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return directory.appendingPathComponent("ferry").path
    }

    /// The whole path: harness_pass built for aarch64, run under a traced ferry. Its access() (the
    /// faccessat syscall on aarch64) is made only by the LTP library's forked test process, so
    /// finding it shows the trace follows forks.
    func testTracedFerryLaneRecordsCalls() throws {
        guard Shell.which(Architecture.guests[0].compiler) != nil else {
            throw XCTSkip("\(Architecture.guests[0].compiler) is not installed (Debian package \(Architecture.guests[0].debianPackage))")
        }
        guard FileManager.default.isExecutableFile(atPath: ferryBinary) else {
            throw XCTSkip("ferry is not built next to the tests (\(ferryBinary)); swift build --product ferry first")
        }
        let dir = try Paths.temporary(self)
        var c = SessionConfig(corpusRoots: [Paths.root + "/TestCases/harness"], libraryDir: Paths.root + "/ltp-ports/lib",
                              buildDir: Paths.sharedBuildDir, architectures: [Architecture.guests[0]], laneKinds: [.ferry],
                              ferryPath: ferryBinary, jobs: 2, timeout: 120, outDir: dir + "/out")
        c.filter = "harness_pass"
        c.progress = .quiet
        c.log = { _ in }
        c.traceFerry = true
        let record = try XCTUnwrap(try Session(config: c).runCorpus().summary.tests.first)
        XCTAssertEqual(record.lanes["ferry"], .pass, record.details["ferry"]?.output ?? "")
        let called = try XCTUnwrap(record.called)
        for name in ["faccessat", "clone", "execve", "exit_group", "wait4"] { XCTAssertTrue(called.contains(name), "\(name) not in \(called)") }
        // How the calls ended came through the pipe too: the same names, execve succeeded.
        let calls = try XCTUnwrap(record.calls)
        XCTAssertEqual(calls.keys.sorted(), called)
        XCTAssertGreaterThanOrEqual(calls["execve"]?.ok ?? 0, 1)
        // The trace went to its own file: the test's output has no trace lines.
        XCTAssertFalse(record.details["ferry"]?.output.contains("\"syscall\":") ?? true)
        XCTAssertTrue(try String(contentsOfFile: dir + "/out/matrix.md", encoding: .utf8).contains("aarch64 called"))
    }
}
