import Foundation
import XCTest

/// The ferry executable end to end: exit statuses, one-line errors, a real guest program.
final class FerryCommandTests: XCTestCase {
    /// The ferry built beside this test bundle (swift test builds every product).
    var ferry: URL {
        let bundle = Bundle(for: Self.self).bundleURL
        let directory = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return directory.appendingPathComponent("ferry")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = ferry
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testBrokenFilesAreRefusedWithOneLineAndStatus126() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-broken-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var truncated = ELFLoaderTests.minimalELF()
        truncated.removeLast(100)
        let cases: [(String, [UInt8], String)] = [
            ("empty", [], "not an ELF file"),
            ("text", Array("hello\n".utf8), "not an ELF file"),
            ("truncated", truncated, "truncated ELF file"),
            ("x86", ELFLoaderTests.minimalELF(machine: 62), "unsupported ELF machine 62"),
        ]
        for (name, bytes, message) in cases {
            let path = dir.appendingPathComponent(name)
            try Data(bytes).write(to: path)
            let r = try run([path.path])
            XCTAssertEqual(r.status, 126, name)
            XCTAssertTrue(r.stderr.contains(message), "\(name): \(r.stderr)")
            XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1, "\(name): one line")
        }
        let missing = try run([dir.appendingPathComponent("nope").path])
        XCTAssertEqual(missing.status, 127)
    }

    func testGuestOutputArgumentsAndExitStatusPassThrough() throws {
        guard let gcc = ["/usr/bin/aarch64-linux-gnu-gcc"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("TCONF: aarch64-linux-gnu-gcc is not installed (apt-get install gcc-aarch64-linux-gnu)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-guest-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("g.c")
        try """
        #include <stdio.h>
        #include <stdlib.h>
        #include <sys/utsname.h>
        int main(int argc, char **argv) {
            struct utsname u; uname(&u);
            printf("%s %d %s %s %.2f\\n", u.machine, argc, argv[0], getenv("FERRY_TEST_VAR") ?: "unset", 2.5);
            return 42;
        }
        """.write(to: source, atomically: true, encoding: .utf8)
        let binary = dir.appendingPathComponent("g")
        let cc = Process()
        cc.executableURL = URL(fileURLWithPath: gcc)
        cc.arguments = ["-O2", "-static", "-o", binary.path, source.path]
        try cc.run()
        cc.waitUntilExit()
        XCTAssertEqual(cc.terminationStatus, 0)
        let r = try run(["-E", "FERRY_TEST_VAR=yes", "-0", "zero", binary.path, "x"])
        XCTAssertEqual(r.status, 42)
        XCTAssertEqual(r.stdout, "aarch64 2 zero yes 2.50\n")
    }
}
