import Foundation
import XCTest

/// The block cache against code that changes: a guest writes a function, calls it many times
/// (so its block is cached and the calling block links to it), rewrites it and runs IC IVAU
/// (`__builtin___clear_cache`), or unmaps it and maps new code at the same address. Every call
/// after a change must run the new code: no stale block and no stale link survives.
final class CodeCacheTests: XCTestCase {
    var ferry: URL {
        let bundle = Bundle(for: Self.self).bundleURL
        let directory = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return directory.appendingPathComponent("ferry")
    }

    func output(_ tool: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testRewrittenAndRemappedCodeRunsTheNewInstructions() throws {
        let gcc = "/usr/bin/aarch64-linux-gnu-gcc"
        guard FileManager.default.isExecutableFile(atPath: gcc) else {
            throw XCTSkip("TCONF: aarch64-linux-gnu-gcc is not installed (apt-get install gcc-aarch64-linux-gnu)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-codecache-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("g.c")
        try """
        #include <stdint.h>
        #include <stdio.h>
        #include <sys/mman.h>
        typedef long (*fn)(long);
        static uint32_t *map_code(void *at) {
            void *p = mmap(at, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                           MAP_PRIVATE | MAP_ANONYMOUS | (at ? MAP_FIXED : 0), -1, 0);
            return p == MAP_FAILED ? NULL : p;
        }
        static void write_add(uint32_t *code, unsigned imm) {
            code[0] = 0x91000000u | (imm << 10);  /* add x0, x0, #imm */
            code[1] = 0xd65f03c0u;                /* ret */
            __builtin___clear_cache((char *)code, (char *)(code + 2));
        }
        static long calls(uint32_t *code) {
            long total = 0;
            for (long i = 0; i < 1000; i++) total += ((fn)code)(i);
            return total;
        }
        int main(void) {
            uint32_t *code = map_code(NULL);
            if (!code) return 2;
            for (unsigned round = 1; round <= 3; round++) {  /* rewritten in place */
                write_add(code, round);
                printf("rewrite %u: %ld\\n", round, calls(code));
            }
            for (unsigned round = 4; round <= 5; round++) {  /* unmapped, new mapping, same place */
                if (munmap(code, 4096) != 0 || map_code(code) != code) return 3;
                code[0] = 0x91000000u | (round << 10);
                code[1] = 0xd65f03c0u;
                printf("remap %u: %ld\\n", round, calls(code));
            }
            return 0;
        }
        """.write(to: source, atomically: true, encoding: .utf8)
        let binary = dir.appendingPathComponent("g")
        XCTAssertEqual(try output(gcc, ["-O2", "-static", "-o", binary.path, source.path]).status, 0)

        // sum over i < 1000 of (i + k) = 499500 + 1000 k
        let expected = (1...3).map { "rewrite \($0): \(499_500 + 1000 * $0)\n" }.joined()
            + (4...5).map { "remap \($0): \(499_500 + 1000 * $0)\n" }.joined()
        let r = try output(ferry.path, [binary.path])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, expected)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/qemu-aarch64") {
            XCTAssertEqual(try output("/usr/bin/qemu-aarch64", [binary.path]).stdout, expected, "qemu agrees")
        }
    }
}
