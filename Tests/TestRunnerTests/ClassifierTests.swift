import XCTest
@testable import TestRunner

final class ClassifierTests: XCTestCase {
    func classify(_ fixture: String, _ t: Termination, prefix: String? = nil, nativeCrashed: Bool = false) throws -> Outcome {
        Classifier.classify(t, output: LTPOutputParser.parse(try Paths.fixture(fixture)),
                            emulatorPrefix: prefix, nativeCrashed: nativeCrashed)
    }

    /// The exit statuses are the ones the native runs gave (see Fixtures/README.md).
    func testNativeHarnessOutcomes() throws {
        XCTAssertEqual(try classify("native_pass.txt", .exited(0)), .pass)
        XCTAssertEqual(try classify("native_fail.txt", .exited(1)), .fail)
        XCTAssertEqual(try classify("native_brok.txt", .exited(2)), .broken)
        XCTAssertEqual(try classify("native_conf.txt", .exited(32)), .conf)
        XCTAssertEqual(try classify("native_crash.txt", .exited(2)), .crash)
        XCTAssertEqual(try classify("native_mixed.txt", .exited(4)), .broken)
        XCTAssertEqual(try classify("native_noresult.txt", .exited(2)), .broken)
        XCTAssertEqual(try classify("native_timeout.txt", .exited(2)), .timeout)
    }

    func testRunnerTimeoutAndSignals() throws {
        XCTAssertEqual(try classify("native_pass.txt", .timedOut), .timeout)
        XCTAssertEqual(try classify("native_pass.txt", .signaled(11)), .crash)
        XCTAssertEqual(try classify("native_pass.txt", .spawnFailed("x")), .broken)
    }

    func testEmulatorErrors() throws {
        // ferry refused the program: its own exit status and a `ferry:` line.
        XCTAssertEqual(try classify("ferry_refuses_x86.txt", .exited(126), prefix: "ferry:"), .emulatorError)
        XCTAssertEqual(try classify("ferry_missing.txt", .exited(127), prefix: "ferry:"), .emulatorError)
        // ferry died of a host signal (SIGUSR1) where native passed: ferry's fault.
        XCTAssertEqual(try classify("ferry_sigusr1_pass.txt", .signaled(10), prefix: "ferry:"), .emulatorError)
        // ... but where native crashed too, the program crashed.
        XCTAssertEqual(try classify("ferry_sigusr1_pass.txt", .signaled(11), prefix: "ferry:", nativeCrashed: true), .crash)
        // A test's own exit 127 without a ferry line is not ferry's failure.
        XCTAssertEqual(try classify("native_fail.txt", .exited(127), prefix: "ferry:"), .broken)
        // ferry could not be started at all.
        XCTAssertEqual(try classify("native_pass.txt", .spawnFailed("ENOENT"), prefix: "ferry:"), .emulatorError)
        // The same output natively is not an emulator error.
        XCTAssertNotEqual(try classify("ferry_refuses_x86.txt", .exited(126)), .emulatorError)
    }

    func testExitZeroWithFailuresInSummaryIsNotAPass() throws {
        XCTAssertEqual(try classify("native_fail.txt", .exited(0)), .fail)
        XCTAssertEqual(try classify("old_api_mknod07.txt", .exited(0)), .pass) // no Summary: the status decides
        XCTAssertEqual(try classify("old_api_mknod07.txt", .exited(1)), .fail)
    }

    func testComparisons() {
        XCTAssertEqual(Comparison.of(native: .pass, emulated: .pass), .conformant)
        XCTAssertEqual(Comparison.of(native: .pass, emulated: .emulatorError), .regression)
        XCTAssertEqual(Comparison.of(native: .pass, emulated: .conf), .regression)
        XCTAssertEqual(Comparison.of(native: .fail, emulated: .pass), .emulatedOnlyPass)
        XCTAssertEqual(Comparison.of(native: .conf, emulated: .conf), .bothConf)
        XCTAssertEqual(Comparison.of(native: .fail, emulated: .crash), .bothFail)
    }

    func testShards() throws {
        let items = Array(0..<10)
        let shards = try (1...3).map { try Shard.parse("\($0)/3").select(items) }
        XCTAssertEqual(shards.flatMap { $0 }.sorted(), items, "shards cover everything once")
        XCTAssertEqual(shards[0], [0, 3, 6, 9])
        XCTAssertThrowsError(try Shard.parse("4/3"))
        XCTAssertThrowsError(try Shard.parse("x"))
        XCTAssertEqual(try Shard.fromEnvironment(["CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "5"]), Shard(index: 2, count: 5))
        XCTAssertEqual(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0", "FERRY_TEST_SHARD_COUNT": "4"]), Shard(index: 1, count: 4))
        XCTAssertEqual(try Shard.fromEnvironment(["FERRY_TEST_SHARD": "3/4"]), Shard(index: 3, count: 4))
        XCTAssertNil(try Shard.fromEnvironment([:]))
        XCTAssertThrowsError(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1"]))
    }

    func testArchitectureTable() throws {
        XCTAssertEqual(try Architecture.parseGuestList("arm64,riscv64").map(\.name), ["aarch64", "riscv64"])
        XCTAssertThrowsError(try Architecture.parseGuestList("sparc"))
        XCTAssertEqual(Architecture.named("mips")?.debianPackage, "gcc-mips-linux-gnu")
        let missing = RunnerError.missingCompiler(arch: "mips", compiler: "mips-linux-gnu-gcc", package: "gcc-mips-linux-gnu")
        XCTAssertEqual(missing.description.split(separator: "\n").count, 1)
        XCTAssertTrue(missing.description.contains("apt-get install -y gcc-mips-linux-gnu"))
    }
}
