import Foundation

// Gating against a committed baseline, and merging shards into one result set.

public struct Regression: Equatable, Sendable, CustomStringConvertible {
    public var test: String
    public var lane: String
    /// nil when the test did not run at all this time.
    public var now: Outcome?
    public var description: String {
        "\(test) [\(lane)]: passed in the baseline, now \(now?.rawValue ?? "missing from the results")"
    }
}

public enum Gate {
    /// Every (test, lane) that passed in the baseline and does not now.
    public static func regressions(baseline: Baseline, summary: Summary) -> [Regression] {
        var now: [String: [String: Outcome]] = [:]
        for t in summary.tests where t.arch == baseline.arch { now[t.name] = t.lanes }
        var found: [Regression] = []
        for (test, lanes) in baseline.tests.sorted(by: { $0.key < $1.key }) {
            for (lane, outcome) in lanes.sorted(by: { $0.key < $1.key }) where outcome == .pass {
                let current = now[test]?[lane]
                if current != .pass { found.append(Regression(test: test, lane: lane, now: current)) }
            }
        }
        return found
    }

    /// What passed and what did not this time, as a baseline for `arch`.
    public static func baseline(from summary: Summary, arch: String) throws -> Baseline {
        guard summary.architectures.contains(arch) else {
            throw RunnerError.usage("the results hold no \(arch) run (they hold: \(summary.architectures.joined(separator: ", ")))")
        }
        var tests: [String: [String: Outcome]] = [:]
        for t in summary.tests where t.arch == arch { tests[t.name] = t.lanes }
        return Baseline(arch: arch, generated: "ferry-test run of \(summary.started), ferry \(summary.environment.ferryVersion), lanes \(summary.lanes.joined(separator: ","))",
                        tests: tests)
    }

    /// Tests present in both with different outcomes, for information (improvements included).
    public static func improvements(baseline: Baseline, summary: Summary) -> [String] {
        var list: [String] = []
        for t in summary.tests where t.arch == baseline.arch {
            for (lane, o) in t.lanes.sorted(by: { $0.key < $1.key }) where o == .pass {
                if let was = baseline.tests[t.name]?[lane], was != .pass { list.append("\(t.name) [\(lane)]: \(was.rawValue) -> pass") }
            }
        }
        return list
    }
}

public enum Merge {
    /// Combines the summaries of several shards (or machines). A test that appears in more than one
    /// keeps the lanes of each; the same test and lane twice is an error naming both files.
    public static func merge(_ inputs: [(path: String, summary: Summary)]) throws -> Summary {
        guard var merged = inputs.first?.summary else { throw RunnerError.usage("merge needs at least one results folder") }
        merged.tests = []
        merged.shard = nil
        var index: [String: Int] = [:]
        var origin: [String: String] = [:]
        var complete = true
        for (path, s) in inputs {
            complete = complete && s.complete
            for a in s.architectures where !merged.architectures.contains(a) { merged.architectures.append(a) }
            for l in s.lanes where !merged.lanes.contains(l) { merged.lanes.append(l) }
            for (a, table) in s.support where merged.support[a] == nil { merged.support[a] = table }
            for (a, cc) in s.environment.compilers where merged.environment.compilers[a] == nil { merged.environment.compilers[a] = cc }
            if s.started < merged.started { merged.started = s.started }
            for t in s.tests {
                if let i = index[t.key] {
                    for (lane, o) in t.lanes {
                        let laneKey = t.key + "|" + lane
                        if merged.tests[i].lanes[lane] != nil {
                            throw RunnerError.usage("\(t.arch) \(t.name) lane \(lane) is in both \(origin[laneKey] ?? "?") and \(path): overlapping shards?")
                        }
                        merged.tests[i].lanes[lane] = o
                        merged.tests[i].details[lane] = t.details[lane]
                        if lane == "ferry", let called = t.called { merged.tests[i].called = called }
                        if let c = t.comparison[lane] { merged.tests[i].comparison[lane] = c }
                        origin[laneKey] = path
                    }
                } else {
                    index[t.key] = merged.tests.count
                    merged.tests.append(t)
                    for lane in t.lanes.keys { origin[t.key + "|" + lane] = path }
                }
            }
        }
        // Shards that together cover 1/N..N/N make a complete run.
        let shards = inputs.compactMap { $0.summary.shard }
        if shards.count == inputs.count, let first = shards.first, let n = Int(first.split(separator: "/").last ?? "") {
            let all = Set(shards)
            complete = inputs.allSatisfy { $0.summary.complete } && all.count == n && all == Set((1...n).map { "\($0)/\(n)" })
        }
        merged.complete = complete
        // Recompute comparisons where native came from another shard file.
        for i in merged.tests.indices {
            guard let native = merged.tests[i].lanes["native"] else { continue }
            for (lane, o) in merged.tests[i].lanes where lane != "native" {
                merged.tests[i].comparison[lane] = Comparison.of(native: native, emulated: o)
            }
        }
        merged.tests.sort { ($0.arch, $0.name) < ($1.arch, $1.name) }
        return merged
    }
}
