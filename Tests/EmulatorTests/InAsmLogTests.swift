import Foundation
import XCTest

/// `-d in_asm`: every newly translated block is logged once, headed by "IN:", one line per
/// instruction with its address, encoding and Capstone's text. Addresses and the expected text
/// come from the cross binutils (nm, objdump) run on the same guest.
final class InAsmLogTests: XCTestCase {
    var ferry: URL {
        let bundle = Bundle(for: Self.self).bundleURL
        let directory = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return directory.appendingPathComponent("ferry")
    }

    @discardableResult
    func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testEachNewBlockIsLoggedOnceWithCapstoneText() throws {
        let tools = ["gcc", "nm", "objdump"].map { "/usr/bin/aarch64-linux-gnu-\($0)" }
        guard tools.allSatisfy({ FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("TCONF: aarch64 cross gcc/binutils not installed (apt-get install gcc-aarch64-linux-gnu)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-inasm-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Three blocks: _start up to the loop's branch, the loop body when the branch goes back
        // (it runs nine more times from the cache), and the exit after it.
        let source = dir.appendingPathComponent("g.S")
        try """
            .globl _start
            .globl loop
            .globl after
        _start:
            mov x0, #0
            mov x2, #3
        loop:
            add x1, x0, x2
            add x0, x0, #1
            cmp x0, #10
            b.ne loop
        after:
            mov x0, x1
            mov x8, #93
            svc #0
        """.write(to: source, atomically: true, encoding: .utf8)
        let binary = dir.appendingPathComponent("g")
        XCTAssertEqual(try run(tools[0], ["-nostdlib", "-static", "-o", binary.path, source.path]).status, 0)

        var symbols: [String: UInt64] = [:]
        for line in try run(tools[1], [binary.path]).stdout.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 3, let value = UInt64(fields[0], radix: 16) { symbols[String(fields[2])] = value }
        }
        let start = try XCTUnwrap(symbols["_start"]), loop = try XCTUnwrap(symbols["loop"]), after = try XCTUnwrap(symbols["after"])

        // objdump's line for the first instruction of `loop`: "  400084:\t8b020001 \tadd\tx1, x0, x2".
        let dump = try run(tools[2], ["-d", binary.path]).stdout
        let addLine = try XCTUnwrap(dump.split(separator: "\n").first { $0.hasPrefix("  \(String(loop, radix: 16)):") })
        let parts = addLine.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(parts.count, 4, "\(addLine)")
        let word = parts[1], text = parts[2] + " " + parts[3]
        XCTAssertEqual(text, "add x1, x0, x2")  // the instruction the test is about

        let logFile = dir.appendingPathComponent("log")
        let p = Process()
        p.executableURL = ferry
        p.arguments = ["-d", "in_asm", "-D", logFile.path, binary.path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 12)  // 9 + 3 from the last loop iteration

        let log = try String(contentsOf: logFile, encoding: .utf8)
        let blocks = log.components(separatedBy: "IN:").dropFirst().map {
            $0.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
        func address(_ line: String) -> UInt64? {
            guard line.hasPrefix("0x"), let colon = line.firstIndex(of: ":") else { return nil }
            return UInt64(line[line.index(line.startIndex, offsetBy: 2)..<colon], radix: 16)
        }
        XCTAssertEqual(blocks.map { $0.first.flatMap(address) }, [start, loop, after], log)
        XCTAssertEqual(blocks.map(\.count), [6, 4, 3], log)
        // The loop instruction is in the first block and heads the second, with Capstone's text.
        let expected = "0x\(String(loop, radix: 16)):  \(word)      \(text)"
        XCTAssertEqual(blocks[1].first, expected, log)
        XCTAssertEqual(log.components(separatedBy: expected).count - 1, 2, log)
    }
}
