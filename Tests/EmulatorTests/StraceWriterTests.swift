import Foundation
import XCTest

/// `ferry -strace -D FILE` end to end: the trace file is written by a process of its own, so the
/// guest's RLIMIT_FSIZE cannot cut it and wait4(-1) never sees that process; SIGCHLD at its
/// default disposition shows in the trace and interrupts nothing.
final class StraceWriterTests: XCTestCase {
    var ferry: URL {
        let bundle = Bundle(for: Self.self).bundleURL
        let directory = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return directory.appendingPathComponent("ferry")
    }

    func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    @discardableResult
    func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.currentDirectoryURL = directory
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The guest checks its own results and prints them; the trace is checked here.
    static let program = """
    #define _GNU_SOURCE
    #include <errno.h>
    #include <fcntl.h>
    #include <poll.h>
    #include <signal.h>
    #include <stdio.h>
    #include <sys/resource.h>
    #include <sys/syscall.h>
    #include <sys/wait.h>
    #include <time.h>
    #include <unistd.h>
    int main(void) {
        int p[2];
        pipe(p);
        /* One child exits at once (SIGCHLD while the parent blocks in read), another writes later;
           a third exits while the parent waits in ppoll on the drained pipe (= 0 at its timeout). */
        if (fork() == 0) _exit(3);
        if (fork() == 0) { struct timespec t = {0, 300000000}; nanosleep(&t, NULL); write(p[1], "x", 1); _exit(0); }
        char c;
        long n = syscall(SYS_read, p[0], &c, 1);
        printf("read %ld %s\\n", n, n < 0 ? "error" : "ok");
        if (fork() == 0) { struct timespec t = {0, 200000000}; nanosleep(&t, NULL); _exit(0); }
        struct pollfd pf = {.fd = p[0], .events = POLLIN};
        struct timespec wait = {0, 600000000};
        long r = syscall(SYS_ppoll, &pf, 1, &wait, NULL, 8L);
        printf("ppoll %ld %s\\n", r, r < 0 && errno == EINTR ? "EINTR" : "no-eintr");
        int reaped = 0, status;
        while (waitpid(-1, &status, 0) > 0) reaped++;
        printf("reaped %d, then %s\\n", reaped, waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD ? "ECHILD" : "more");
        struct rlimit tiny = {1, 1};
        setrlimit(RLIMIT_FSIZE, &tiny);
        for (int i = 0; i < 50; i++) syscall(SYS_getppid);
        syscall(SYS_write, -1, "AFTER-THE-LIMIT", 15);
        printf("done\\n");
        return 0;
    }
    """

    func testTraceOutlivesTheGuestsLimitsAndShowsDefaultSIGCHLD() throws {
        guard let cross = tool("aarch64-linux-gnu-gcc") else {
            throw XCTSkip("TCONF: aarch64-linux-gnu-gcc is needed (apt-get install -y gcc-aarch64-linux-gnu)")
        }
        guard FileManager.default.isExecutableFile(atPath: ferry.path) else { throw XCTSkip("TCONF: no ferry beside the tests at \(ferry.path)") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-strace-writer-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.program.write(to: dir.appendingPathComponent("w.c"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(cross, ["-static", "-O1", "-w", "-o", "w.aarch64", "w.c"], in: dir).status, 0)
        let expected = "read 1 ok\nppoll 0 no-eintr\nreaped 3, then ECHILD\ndone\n"
        // Untraced first: the behaviour the traced run must keep.
        let plain = try run(ferry.path, ["./w.aarch64"], in: dir)
        XCTAssertEqual(plain.stdout, expected)
        let traced = try run(ferry.path, ["-strace", "-D", "trace.txt", "./w.aarch64"], in: dir)
        XCTAssertEqual(traced.status, 0, "the guest's RLIMIT_FSIZE must not reach the trace writer (SIGXFSZ)")
        XCTAssertEqual(traced.stdout, expected, "a SIGCHLD caught for the trace must not change what the guest sees")
        let trace = try String(contentsOf: dir.appendingPathComponent("trace.txt"), encoding: .utf8)
        let lines = trace.split(separator: "\n").map(String.init)
        // glibc sets the limit with prlimit64.
        XCTAssertTrue(lines.contains { $0.contains("prlimit64(0, RLIMIT_FSIZE, {rlim_cur=1, rlim_max=1}, NULL) = 0") }, trace)
        XCTAssertEqual(lines.filter { $0.contains("getppid()") }.count, 50, "every line after the limit is in the file")
        XCTAssertTrue(lines.contains { $0.contains("write(-1, \"AFTER-THE-LIMIT\", 15)") })
        XCTAssertEqual(lines.last, "+++ exited with 0 +++", "the process's last line is written before it ends")
        // strace(1)'s form for a child's exit at SIG_DFL, one per child.
        let sigchld = lines.filter { $0.contains("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=") }
        XCTAssertEqual(sigchld.count, 3, trace)
        XCTAssertTrue(sigchld.contains { $0.contains(", si_status=3,") }, "the first child's exit status: \(trace)")
    }
}
