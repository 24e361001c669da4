import Foundation
import XCTest
@testable import TestRunner

final class GateMergeTests: XCTestCase {
    func testGateListsEveryRegression() throws {
        let before = summary([record("a01", ["native": .pass, "ferry": .pass]),
                              record("b01", ["native": .pass, "ferry": .fail]),
                              record("c01", ["native": .pass, "ferry": .pass]),
                              record("d01", ["native": .pass, "ferry": .pass])])
        let baseline = try Gate.baseline(from: before, arch: "aarch64")
        XCTAssertEqual(baseline.tests["b01"]?["ferry"], .fail)
        let now = summary([record("a01", ["native": .pass, "ferry": .pass]),
                           record("b01", ["native": .pass, "ferry": .pass]),     // improved
                           record("c01", ["native": .pass, "ferry": .timeout])]) // d01 missing
        let regressions = Gate.regressions(baseline: baseline, summary: now)
        XCTAssertEqual(regressions, [Regression(test: "c01", lane: "ferry", now: .timeout),
                                     Regression(test: "d01", lane: "ferry", now: nil),
                                     Regression(test: "d01", lane: "native", now: nil)])
        XCTAssertEqual(Gate.improvements(baseline: baseline, summary: now), ["b01 [ferry]: fail -> pass"])
        XCTAssertEqual(Gate.regressions(baseline: baseline, summary: before), [])
        XCTAssertThrowsError(try Gate.baseline(from: before, arch: "riscv64"))
    }

    func testMergeShards() throws {
        let all = [record("a01", ["native": .pass, "ferry": .pass]), record("b01", ["native": .pass, "ferry": .fail]),
                   record("c01", ["native": .fail, "ferry": .pass])]
        let shards = try (1...2).map { k in summary(try Shard.parse("\(k)/2").select(all), shard: "\(k)/2") }
        let merged = try Merge.merge(shards.enumerated().map { ("shard\($0.offset)", $0.element) })
        XCTAssertEqual(merged.tests.map(\.name), ["a01", "b01", "c01"])
        XCTAssertTrue(merged.complete)
        XCTAssertNil(merged.shard)
        XCTAssertEqual(merged.tests[2].comparison["ferry"], .emulatedOnlyPass)
        // One shard alone is not complete; the same shard twice overlaps.
        XCTAssertFalse(try Merge.merge([("s1", shards[0])]).complete)
        XCTAssertThrowsError(try Merge.merge([("x", shards[0]), ("y", shards[0])])) { error in
            XCTAssertTrue("\(error)".contains("x") && "\(error)".contains("y"), "\(error)")
        }
        // Lanes from different machines join into one record.
        let nativeOnly = summary([record("a01", ["native": .pass])], lanes: ["native"])
        let ferryOnly = summary([record("a01", ["ferry": .crash])], lanes: ["ferry"])
        let joined = try Merge.merge([("n", nativeOnly), ("f", ferryOnly)])
        XCTAssertEqual(joined.tests.first?.lanes, ["native": .pass, "ferry": .crash])
        XCTAssertEqual(joined.tests.first?.comparison["ferry"], .regression)
    }

    func testBadResultsFilesNameTheFileAndTheProblem() throws {
        let dir = try Paths.temporary(self)
        let good = try ResultsFile.encode(summary([record("a01", ["native": .pass])]))
        func problem(_ data: Data?, _ name: String) -> String {
            let path = dir + "/" + name
            if let data { FileManager.default.createFile(atPath: path, contents: data) }
            do { _ = try ResultsFile.loadSummary(path); return "loaded" } catch { return "\(error)" }
        }
        let truncated = problem(good.prefix(good.count / 2), "truncated.json")
        XCTAssertTrue(truncated.hasPrefix(dir + "/truncated.json: "), truncated)
        XCTAssertTrue(truncated.contains("truncated"), truncated)
        XCTAssertTrue(problem(Data(), "empty.json").contains("is empty"))
        XCTAssertTrue(problem(nil, "absent.json").contains("cannot be read"))
        XCTAssertTrue(problem(Data("<xml/>".utf8), "x.json").contains("is not JSON"))
        XCTAssertTrue(problem(Data("{\"name\": \"npm\"}".utf8), "pkg.json").contains("no \"format\" field"))
        XCTAssertTrue(problem(Data("[1,2]".utf8), "list.json").contains("not a JSON object"))
        let baseline = try ResultsFile.encode(Baseline(arch: "aarch64", generated: "t", tests: [:]))
        XCTAssertTrue(problem(baseline, "baseline.json").contains("is a ferry-test-baseline file, expected ferry-test-summary"))
        var newer = try JSONSerialization.jsonObject(with: good) as! [String: Any]
        newer["version"] = 99
        XCTAssertTrue(problem(try JSONSerialization.data(withJSONObject: newer), "newer.json").contains("version 99"))
        var broken = try JSONSerialization.jsonObject(with: good) as! [String: Any]
        broken["tests"] = [["name": "a01"]]
        let lacks = problem(try JSONSerialization.data(withJSONObject: broken), "lacks.json")
        XCTAssertTrue(lacks.contains("lacks \"arch\" at .tests[0]"), lacks)
        XCTAssertEqual(problem(good, "good.json"), "loaded")
    }
}
