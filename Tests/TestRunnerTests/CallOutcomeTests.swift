import Foundation
import XCTest
@testable import TestRunner

/// How each traced call ended (success, or failure with its errno), summary.json's `calls`, and
/// the matrix's success/error columns and "lacking a path" section.
final class CallOutcomeTests: XCTestCase {
    /// The fixture is ferry's real trace of the aarch64 close01 (see Fixtures/README.md). A full
    /// JSON parser over the same lines is the reference for the hand-rolled reader.
    func testReaderAgreesWithAJSONParserOnARealTraceWithErrors() throws {
        let text = try Paths.fixture("ferry_trace_close01.jsonl")
        var reference: [String: CallOutcomes] = [:]
        for line in text.split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let name = object["syscall"] as? String else { continue }
            var entry = reference[name] ?? CallOutcomes()
            if let errno = object["error"] as? String {
                XCTAssertLessThan(try XCTUnwrap(object["return"] as? Int), 0, String(line))
                entry.addError(errno)
            } else { entry.ok += 1 }
            reference[name] = entry
        }
        let found = CalledSyscalls.outcomes(in: Data(text.utf8))
        XCTAssertEqual(found, reference)
        // What the fixture holds, so the comparison above covers both paths.
        XCTAssertEqual(found["close"]?.errors, ["EBADF": 3])
        XCTAssertGreaterThan(found["close"]?.ok ?? 0, 0)
        XCTAssertEqual(found["wait4"]?.errors?["ECHILD"], 6)
        XCTAssertEqual(found["exit_group"], CallOutcomes(ok: 2), "a call that never returns counts as a success")
        XCTAssertNil(found["brk"]?.errors)
        XCTAssertEqual(CalledSyscalls.names(in: Data(text.utf8)), found.keys.sorted())
    }

    /// The pipe reader gets the trace in arbitrary chunks: counting chunk by chunk gives the same.
    func testChunkedTallyMatchesWhole() throws {
        let data = Data(try Paths.fixture("ferry_trace_close01.jsonl").utf8)
        var chunked: [String: CallOutcomes] = [:]
        var pending = Data()
        var offset = 0
        while offset < data.count {
            let n = min(997, data.count - offset)
            pending.append(data[data.startIndex + offset ..< data.startIndex + offset + n])
            offset += n
            if let last = pending.lastIndex(of: 0x0A) {
                CalledSyscalls.tally(pending[...last], into: &chunked)
                pending = Data(pending[pending.index(after: last)...])
            }
        }
        CalledSyscalls.tally(pending, into: &chunked)
        XCTAssertEqual(chunked, CalledSyscalls.outcomes(in: data))
    }

    func testEndingsThatCannotBeTrustedAreNotCounted() {
        let lines = [
            // An argument that quotes the error key: escaped quotes, so it is not the key.
            #"{"pid": 7, "syscall": "write", "args": ["1", "\", \"error\": \"EVIL\"}", "20"], "return": 20, "text": "20"}"#,
            // Cut short before the closing brace: named, not counted.
            #"{"pid": 8, "syscall": "openat", "args": ["AT_FDCWD", "\"/x\"", "O_RDONLY"], "return": -2, "text": "-1 ENO"#,
            #"{"pid": 8, "syscall": "read", "args": ["3"], "return": -4, "text": "-1 EINTR (Interrupted system call)", "error": "EINTR"}"#,
            #"{"pid": 8, "syscall": "read", "args": ["3"], "return": 5, "text": "5"}"#,
            #"{"pid": 7, "exited": 0}"#,
        ]
        let found = CalledSyscalls.outcomes(in: Data(lines.joined(separator: "\n").utf8))
        XCTAssertEqual(found, ["write": CallOutcomes(ok: 1), "openat": CallOutcomes(), "read": CallOutcomes(ok: 1, errors: ["EINTR": 1])])
    }

    func pathSummary() -> Summary {
        var s = summary([
            record("close01", ["native": .pass, "ferry": .pass], syscalls: ["close"]),
            record("open01", ["native": .pass, "ferry": .pass], syscalls: ["openat"]),
        ])
        s.support["aarch64"] = ["openat": "full", "close": "full", "read": "partial", "dup": "full", "rseq": "unimplemented"]
        s.tests[0].calls = ["close": CallOutcomes(ok: 2, errors: ["EBADF": 3]), "openat": CallOutcomes(ok: 1)]
        s.tests[1].calls = ["openat": CallOutcomes(ok: 4, errors: ["ENOENT": 1]), "read": CallOutcomes(ok: 0, errors: ["EBADF": 1])]
        for i in s.tests.indices { s.tests[i].called = s.tests[i].calls?.keys.sorted() }
        return s
    }

    func testMatrixPathColumnsAndGaps() throws {
        let m = Matrix(summary: pathSummary())
        let close = try XCTUnwrap(m.rows.first { $0.name == "close" }?.arch["aarch64"])
        XCTAssertEqual(close.okCalls, 2)
        XCTAssertEqual(close.okTests, ["close01"])
        XCTAssertEqual(close.errorTests, ["EBADF": ["close01"]])
        let openat = try XCTUnwrap(m.rows.first { $0.name == "openat" }?.arch["aarch64"])
        XCTAssertEqual(openat.okCalls, 5)
        XCTAssertEqual(openat.okTests, ["close01", "open01"])
        XCTAssertEqual(openat.errnos, ["ENOENT"])
        // Implemented (full/partial) and lacking a path: read (no success), dup (never called);
        // rseq is unimplemented and not asked for.
        // No untestable-paths list: every missing path is a real gap.
        XCTAssertEqual(m.pathGaps, [
            PathGap(arch: "aarch64", syscall: "dup", support: "full", calledBy: 0, success: false, errnos: [],
                    pathClass: .gap, unexplained: [.success, .error], reasons: []),
            PathGap(arch: "aarch64", syscall: "read", support: "partial", calledBy: 1, success: false, errnos: ["EBADF"],
                    pathClass: .gap, unexplained: [.success], reasons: []),
        ])
        XCTAssertEqual(m.pathCounts?["aarch64"], PathCounts(implemented: 4, bothPaths: 2, successOnly: 0, errorOnly: 1, neverCalled: 1,
                                                            impossible: 0, host: 0, realGaps: 2))
        XCTAssertEqual(m.pathGaps?.map(\.missing), ["success and error", "success"])
        let md = m.markdown()
        XCTAssertTrue(md.contains("## Syscalls lacking a success or an error path"), md)
        XCTAssertTrue(md.contains("- **aarch64**: 4 implemented; 2 with both paths; 0 lack a path that cannot exist; 0 lack one this host cannot give; 2 real gaps: dup (success and error), read (success)"), md)
        XCTAssertTrue(md.contains("- aarch64: 0 seen only succeeding, 1 only failing, 1 never called"), md)
        XCTAssertTrue(md.contains("No untestable-paths list was read"), md)
        XCTAssertTrue(md.contains("| aarch64 | read | partial | 1 | no | EBADF | success | real gap |  |"), md)
        XCTAssertTrue(md.contains("| syscall | close | full | 1 | 1 | yes (1) | EBADF | 1/1 | 1/1 |"), md)
        let html = m.html()
        XCTAssertTrue(html.contains("<h2>Syscalls lacking a success or an error path</h2>"))
        XCTAssertTrue(html.contains("title=\"EBADF: close01\">EBADF</td>"), html)
    }

    /// `calls` survives summary.json and merge; a summary without it reads (nil) and its matrix
    /// has no path columns.
    func testCallsRoundTripAndOldSummaries() throws {
        let dir = try Paths.temporary(self)
        _ = try Outputs.write(pathSummary(), to: dir)
        XCTAssertEqual(try ResultsFile.loadSummary(dir + "/summary.json"), pathSummary())
        let text = try String(contentsOfFile: dir + "/summary.json", encoding: .utf8)
        XCTAssertTrue(text.contains("\"EBADF\" : 3"), "errors are counted per errno")
        var old = pathSummary()
        for i in old.tests.indices { old.tests[i].calls = nil }
        let m = Matrix(summary: old)
        XCTAssertNil(m.pathGaps)
        XCTAssertFalse(m.markdown().contains("lacking"))
        var native = summary([record("close01", ["native": .pass])], lanes: ["native"])
        native.tests[0].calls = nil
        var ferry = summary([record("close01", ["ferry": .pass])], lanes: ["ferry"])
        ferry.tests[0].called = ["close"]
        ferry.tests[0].calls = ["close": CallOutcomes(ok: 1, errors: ["EBADF": 1])]
        let merged = try Merge.merge([("a", native), ("b", ferry)])
        XCTAssertEqual(merged.tests.first?.calls, ferry.tests[0].calls)
    }
}
