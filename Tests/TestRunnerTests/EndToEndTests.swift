import Foundation
import XCTest
@testable import TestRunner

/// Builds TestCases/harness with the host compiler and runs it natively through the whole runner.
final class EndToEndTests: XCTestCase {
    func config(_ dir: String, filter: String? = nil, timeout: Double = 60) -> SessionConfig {
        var c = SessionConfig(corpusRoots: [Paths.root + "/TestCases/harness"], libraryDir: Paths.root + "/ltp-ports/lib",
                              buildDir: Paths.sharedBuildDir, architectures: [Architecture.guests[0]], laneKinds: [.native],
                              ferryPath: dir + "/no-ferry", jobs: 4, timeout: timeout, outDir: dir + "/out")
        c.filter = filter
        c.progress = .quiet
        c.log = { _ in }
        c.environment = ["LTP_TIMEOUT_MUL": "0.1"] // harness_timeout's own timeout: 3 s
        return c
    }

    func testHarnessCorpusNatively() throws {
        guard Shell.which("gcc") != nil else { throw XCTSkip("gcc is not installed (Debian package gcc)") }
        let dir = try Paths.temporary(self)
        let result = try Session(config: config(dir)).runCorpus()
        let outcomes = Dictionary(uniqueKeysWithValues: result.summary.tests.map { ($0.name, $0.lanes["native"]) })
        XCTAssertEqual(outcomes, ["harness_pass": .pass, "harness_fail": .fail, "harness_brok": .broken,
                                  "harness_conf": .conf, "harness_crash": .crash, "harness_mixed": .broken,
                                  "harness_noresult": .broken, "harness_timeout": .timeout])
        XCTAssertEqual(result.summary.tests.first { $0.name == "harness_pass" }?.details["native"]?.counts.passed, 4)
        XCTAssertTrue(result.summary.complete)
        let loaded = try ResultsFile.loadSummary(dir + "/out/summary.json")
        XCTAssertEqual(loaded.tests.count, 8)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/out/junit-aarch64.xml"))
        if let xmllint = Shell.which("xmllint") {
            let r = Shell.capture([xmllint, "--noout", "--schema", Paths.fixtures + "/JUnit.xsd", dir + "/out/junit-aarch64.xml"])
            XCTAssertEqual(r.status, 0, r.output)
        }
        // A second build finds everything in the cache; a changed flag rebuilds.
        let session = Session(config: config(dir))
        let reports = try session.build(try session.discover(), host: true)
        XCTAssertEqual(reports["x86_64"]?.cached, 8)
        XCTAssertEqual(reports["x86_64"]?.built, 0)
        var flagged = BuildConfig(libraryDir: Paths.root + "/ltp-ports/lib", buildDir: dir + "/flagged", jobs: 2)
        flagged.extraCFlags = ["-DFERRY_TEST_CACHE_CHECK"]
        let tests = try Discovery.discover(roots: [Paths.root + "/TestCases/harness"]).filter { $0.name == "harness_pass" }
        XCTAssertEqual(try Builder(config: flagged).build(tests, for: .host).built, 1)
        XCTAssertEqual(try Builder(config: flagged).build(tests, for: .host).cached, 1)
        // The gate passes against a baseline made from this run and fails when a pass is taken away.
        let baseline = try Gate.baseline(from: loaded, arch: "aarch64")
        XCTAssertEqual(Gate.regressions(baseline: baseline, summary: loaded), [])
        var worse = loaded
        worse.tests = worse.tests.filter { $0.name != "harness_pass" }
        XCTAssertEqual(Gate.regressions(baseline: baseline, summary: worse).map(\.test), ["harness_pass"])
    }

    /// The runner's own timeout kills the whole tree, including the LTP test process, which sits in
    /// a process group of its own.
    func testRunnerTimeoutKillsTheWholeTree() throws {
        guard Shell.which("gcc") != nil else { throw XCTSkip("gcc is not installed (Debian package gcc)") }
        let dir = try Paths.temporary(self)
        var c = config(dir, filter: "harness_timeout", timeout: 2)
        c.environment = ["LTP_TIMEOUT_MUL": "100"] // the library would wait 50 minutes
        let start = Date()
        let result = try Session(config: c).runCorpus()
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        let record = try XCTUnwrap(result.summary.tests.first)
        XCTAssertEqual(record.lanes["native"], .timeout)
        XCTAssertEqual(record.details["native"]?.timedOut, true)
        usleep(200_000)
        let binary = Paths.sharedBuildDir + "/x86_64/bin/harness_timeout"
        let survivors = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { entry in
            guard Int(entry) != nil, let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/exe") else { return false }
            return exe == binary
        }
        XCTAssertEqual(survivors, [], "processes of the timed-out test are still alive")
    }

    func testInterruptWritesWhatFinished() throws {
        guard Shell.which("gcc") != nil else { throw XCTSkip("gcc is not installed (Debian package gcc)") }
        let dir = try Paths.temporary(self)
        var c = config(dir, filter: "harness_(pass|timeout)")
        c.jobs = 1
        c.environment = ["LTP_TIMEOUT_MUL": "100"]
        let session = Session(config: c)
        // Interrupt once the quick test is done and the slow one runs.
        DispatchQueue.global().asyncAfter(deadline: .now() + 4) { session.interrupt() }
        let result = try session.runCorpus()
        XCTAssertTrue(result.interrupted)
        XCTAssertFalse(result.summary.complete)
        XCTAssertEqual(result.summary.tests.map(\.name), ["harness_pass"])
        XCTAssertEqual(try ResultsFile.loadSummary(dir + "/out/summary.json").tests.count, 1)
    }

    func testMissingCompilerIsOneLineNamingThePackage() {
        let fake = Architecture(name: "fake", aliases: [], compiler: "no-such-cc-for-ferry", debianPackage: "gcc-fake-linux-gnu",
                                qemu: nil, elfMachine: 0)
        XCTAssertThrowsError(try Builder.compiler(for: fake)) { error in
            XCTAssertEqual("\(error)", "compiler 'no-such-cc-for-ferry' for fake not found; install the Debian package gcc-fake-linux-gnu (apt-get install -y gcc-fake-linux-gnu)")
        }
    }

    /// An upstream-style LTP installation: runtest file, testcases/bin, a script, a skip list.
    func testUpstreamLTPInstallation() throws {
        guard Shell.which("gcc") != nil else { throw XCTSkip("gcc is not installed (Debian package gcc)") }
        let dir = try Paths.temporary(self)
        let session = Session(config: config(dir))
        let reports = try session.build(try session.discover(), host: true)
        let ltp = dir + "/ltp"
        try FileManager.default.createDirectory(atPath: ltp + "/testcases/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: ltp + "/runtest", withIntermediateDirectories: true)
        for name in ["harness_pass", "harness_fail", "harness_conf"] {
            guard case .binary(let path)? = reports["x86_64"]?.products[name] else { return XCTFail("\(name) not built") }
            try FileManager.default.copyItem(atPath: path, toPath: "\(ltp)/testcases/bin/\(name)")
        }
        try "#!/bin/sh\necho \"script01 1 TPASS : $LTPROOT\"\n".write(toFile: ltp + "/testcases/bin/script.sh", atomically: true, encoding: .utf8)
        chmod(ltp + "/testcases/bin/script.sh", 0o755)
        let runtest = """
        # a comment
        pass01 harness_pass
        fail01 harness_fail -i 1
        conf01 harness_conf

        script01 script.sh
        gone01 not_installed
        skipme01 harness_pass
        """
        let entries = try UpstreamLTP.parseRuntest(runtest, path: "syscalls")
        XCTAssertEqual(entries.map(\.tag), ["pass01", "fail01", "conf01", "script01", "gone01", "skipme01"])
        XCTAssertEqual(entries[1].command, ["harness_fail", "-i", "1"])
        XCTAssertThrowsError(try UpstreamLTP.parseRuntest("lonely\n", path: "bad"))
        let skip = UpstreamLTP.parseSkipList("skip*  # flaky here\n\n")
        XCTAssertEqual(skip, ["skip*"])
        let items = UpstreamLTP.items(entries: entries, runtestName: "syscalls", ltpRoot: ltp, nativeRoot: ltp,
                                      arch: Architecture.guests[0], skip: skip, skipFile: "skip.txt")
        // The guest lane refuses host binaries and scripts with a reason.
        if case .unsupported(let why) = items[0].guest["aarch64"] { XCTAssertTrue(why.contains("x86_64")) } else { XCTFail() }
        var c = config(dir)
        c.environment = UpstreamLTP.environment(ltpRoot: ltp, timeoutMul: "1", path: "/usr/bin:/bin")
        let result = try Session(config: c).runItems(items, lanes: ["aarch64": [.native]], compilers: [:])
        let got = Dictionary(uniqueKeysWithValues: result.summary.tests.map { ($0.name, $0.lanes["native"]) })
        XCTAssertEqual(got, ["pass01": .pass, "fail01": .fail, "conf01": .conf, "script01": .pass, "gone01": .conf, "skipme01": .conf])
        let script = try XCTUnwrap(result.summary.tests.first { $0.name == "script01" }?.details["native"])
        XCTAssertTrue(script.output.contains(ltp), "LTPROOT reaches the test")
        XCTAssertEqual(script.counts.passed, 1)
        XCTAssertEqual(UpstreamLTP.syscallName(forTag: "accept4_01"), "accept4")
        XCTAssertEqual(UpstreamLTP.syscallName(forTag: "open01"), "open")
    }
}
