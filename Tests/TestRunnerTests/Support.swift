import Foundation
import XCTest
@testable import TestRunner

/// Paths the tests need, found from this file's location.
enum Paths {
    static let testsDir = URL(fileURLWithPath: (#filePath as NSString).deletingLastPathComponent).resolvingSymlinksInPath().path
    static let fixtures = testsDir + "/Fixtures"
    static let root = ((testsDir as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent

    static func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: fixtures + "/" + name, encoding: .utf8)
    }

    /// One build cache for all end-to-end tests: the content-hash cache keeps it correct.
    static let sharedBuildDir = NSTemporaryDirectory() + "ferry-test-tests-build-\(getuid())"

    /// A fresh temporary folder, removed when the test ends.
    static func temporary(_ test: XCTestCase) throws -> String {
        let dir = NSTemporaryDirectory() + "ferry-test-tests-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }
}

/// A results set built by hand for gate and merge tests.
func record(_ name: String, arch: String = "aarch64", _ lanes: [String: Outcome], syscalls: [String] = []) -> TestRecord {
    var comparison: [String: Comparison] = [:]
    if let n = lanes["native"] { for (l, o) in lanes where l != "native" { comparison[l] = Comparison.of(native: n, emulated: o) } }
    let details = lanes.mapValues { o in
        LaneDetail(exit: o == .pass ? 0 : 1, signal: nil, timedOut: nil, seconds: 0.5,
                   counts: SummaryCounts(passed: o == .pass ? 1 : 0, failed: o == .fail ? 1 : 0),
                   results: ["\(name).c:1: \(o == .pass ? "TPASS" : "TFAIL"): x"], output: "out <&> \"\(name)\"\n")
    }
    return TestRecord(name: name, arch: arch, family: String(name.dropLast(2)), group: "syscalls", syscalls: syscalls,
                      ioctls: [], lanes: lanes, comparison: comparison, details: details)
}

func summary(_ tests: [TestRecord], lanes: [String] = ["native", "ferry"], shard: String? = nil) -> Summary {
    Summary(started: "2025-01-02T03:04:05Z", complete: true, shard: shard, architectures: ["aarch64"], lanes: lanes,
            environment: RunEnvironment(hostKernel: "Linux test", ferryVersion: "0.0", compilers: ["aarch64": "cc 1"], hostname: "h"),
            support: ["aarch64": ["openat": "full", "close": "full", "rseq": "unimplemented"]], tests: tests)
}
