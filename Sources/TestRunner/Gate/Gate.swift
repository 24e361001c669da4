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

/// A test whose ferry outcome is not its native one, and what the baseline says about it.
public struct KnownException: Codable, Equatable, Sendable {
    public var arch: String
    public var test: String
    public var native: Outcome
    public var ferry: Outcome
    /// As the baseline writes it: nil when it has none, possibly still the placeholder.
    public var reason: String?

    /// A reason a person wrote (not missing, not the placeholder).
    public var explained: Bool { reason.map { !Baseline.isPlaceholder($0) } ?? false }

    /// The gate's line for an exception without a usable reason: what differs and how to fix it.
    public func complaint(baselinePath: String) -> String {
        let what = "\(test): ferry \(ferry.rawValue), native \(native.rawValue)"
        if reason == nil {
            return "UNEXPLAINED \(what), and \(baselinePath) gives no reason: add \"\(test)\": \"<why, in one line>\" to its \"reasons\" (run the test natively and under ferry and read its verdict lines)"
        }
        return "UNEXPLAINED \(what), and its reason in \(baselinePath) is still the placeholder: replace it with one line saying why"
    }
}

/// An architecture's tests compared with native: how many have their native outcome under ferry.
public struct Conformance: Codable, Equatable, Sendable {
    public var arch: String
    /// Tests that ran both natively and under ferry.
    public var compared: Int
    public var exceptions: [KnownException]

    public var conformant: Int { compared - exceptions.count }
    public var unexplained: [KnownException] { exceptions.filter { !$0.explained } }
    public var percent: Double { compared == 0 ? 100 : Double(conformant) * 100 / Double(compared) }

    /// `284/287 (98.95%) tests have their native outcome; 3 known exceptions with reasons`.
    public var line: String {
        let explained = exceptions.count - unexplained.count
        var s = "\(conformant)/\(compared) (\(String(format: "%.2f", percent))%) tests have their native outcome; \(explained) known exception\(explained == 1 ? "" : "s") with reasons"
        if !unexplained.isEmpty { s += ", \(unexplained.count) without" }
        return s
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

    /// What passed and what did not this time, as a baseline for `arch`. The reasons of
    /// `previous` are kept for the tests that still exist; a test whose ferry outcome now differs
    /// from native and has no reason gets `Baseline.placeholder`, which the gate rejects until a
    /// person replaces it (a reason is found out, not generated).
    public static func baseline(from summary: Summary, arch: String, previous: Baseline? = nil) throws -> Baseline {
        guard summary.architectures.contains(arch) else {
            throw RunnerError.usage("the results hold no \(arch) run (they hold: \(summary.architectures.joined(separator: ", ")))")
        }
        var tests: [String: [String: Outcome]] = [:]
        for t in summary.tests where t.arch == arch { tests[t.name] = t.lanes }
        var reasons: [String: String] = [:]
        for (test, reason) in previous?.reasons ?? [:] where tests[test] != nil { reasons[test] = reason }
        for t in summary.tests where t.arch == arch && differs(t) && reasons[t.name] == nil {
            reasons[t.name] = Baseline.placeholder
        }
        return Baseline(arch: arch, generated: "ferry-test run of \(summary.started), ferry \(summary.environment.ferryVersion), lanes \(summary.lanes.joined(separator: ","))",
                        tests: tests, reasons: reasons)
    }

    /// The emulated lane whose outcome must match native's (or have a reason in the baseline).
    public static let checkedLane = "ferry"

    /// Whether a test ran natively and under ferry with different outcomes.
    public static func differs(_ t: TestRecord) -> Bool {
        guard let native = t.lanes["native"], let ferry = t.lanes[checkedLane] else { return false }
        return native != ferry
    }

    /// How many of an architecture's tests have under ferry their native outcome, and the others
    /// with the baseline's reason for each (nil when it gives none, the placeholder as written).
    public static func conformance(baseline: Baseline?, summary: Summary, arch: String) -> Conformance {
        conformance(reasons: baseline?.reasons ?? [:], summary: summary, arch: arch)
    }

    /// The same with the reasons given directly (the matrix takes them from the records).
    public static func conformance(reasons: [String: String], summary: Summary, arch: String) -> Conformance {
        let compared = summary.tests.filter { $0.arch == arch && $0.lanes["native"] != nil && $0.lanes[checkedLane] != nil }
        let exceptions = compared.filter(differs).map {
            KnownException(arch: arch, test: $0.name, native: $0.lanes["native"]!, ferry: $0.lanes[checkedLane]!,
                           reason: reasons[$0.name])
        }
        return Conformance(arch: arch, compared: compared.count, exceptions: exceptions.sorted { $0.test < $1.test })
    }

    /// `harness_flaky [native]: fail then pass` for each flaky test and lane of `arch`: information,
    /// not a failure (the recorded outcome is the rerun's, and that one is gated).
    public static func flaky(summary: Summary, arch: String) -> [String] {
        summary.tests.filter { $0.arch == arch }.sorted { $0.name < $1.name }.flatMap { t in
            (t.flaky ?? []).map { "\(t.name) [\($0)]: \(t.attemptText($0))" }
        }
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
                        if lane == "ferry", let called = t.called { merged.tests[i].called = called; merged.tests[i].calls = t.calls }
                        if merged.tests[i].knownReason == nil { merged.tests[i].knownReason = t.knownReason }
                        if let tried = t.attempts?[lane] { merged.tests[i].attempts = (merged.tests[i].attempts ?? [:]).merging([lane: tried]) { $1 } }
                        if t.flaky?.contains(lane) == true { merged.tests[i].flaky = ((merged.tests[i].flaky ?? []) + [lane]).sorted() }
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
