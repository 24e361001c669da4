import Foundation

// One `ferry-test run` or `ferry-test ltp` from configuration to written outputs: discover, build
// what is missing, run every lane, write results. The command line is a thin layer over this.

public struct SessionConfig: Sendable {
    public var corpusRoots: [String]
    public var libraryDir: String
    public var buildDir: String
    public var architectures: [Architecture]
    public var laneKinds: [LaneKind]
    public var ferryPath: String
    public var filter: String?
    public var jobs: Int
    public var timeout: Double
    public var shard: Shard?
    public var outDir: String
    public var environment: [String: String] = [:]
    public var progress: ProgressReporter.Style = .lines
    /// Run the ferry lane under its JSON syscall trace (`called` in summary.json, the matrix's
    /// "called" column and manifest gaps).
    public var traceFerry = false
    /// How many more times a failed, broken or timed-out run is tried, one at a time after the
    /// parallel pass (`--rerun-failures`); a rerun with another outcome marks the test flaky.
    public var rerunFailures = 0
    /// Architecture to test to the committed baseline's reason, copied into the records.
    public var knownReasons: [String: [String: String]] = [:]
    /// Paths no test can show, for the matrix's classification (stored in summary.json).
    public var untestablePaths: UntestableList?
    /// Where skipped-lane notes go (qemu missing, ...).
    public var log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }

    public init(corpusRoots: [String], libraryDir: String, buildDir: String, architectures: [Architecture],
                laneKinds: [LaneKind], ferryPath: String, jobs: Int, timeout: Double, outDir: String) {
        self.corpusRoots = corpusRoots; self.libraryDir = libraryDir; self.buildDir = buildDir
        self.architectures = architectures; self.laneKinds = laneKinds; self.ferryPath = ferryPath
        self.jobs = jobs; self.timeout = timeout; self.outDir = outDir
    }
}

public struct SessionResult: Sendable {
    public var summary: Summary
    public var interrupted: Bool
    public var written: [String]
}

public final class Session: @unchecked Sendable {
    public let config: SessionConfig
    public let registry = RunningProcesses()
    public init(config: SessionConfig) { self.config = config }

    /// Stops a run in progress; what finished is still written.
    public func interrupt() { registry.stopAll() }

    public func discover() throws -> [TestCase] {
        var tests = try Discovery.discover(roots: config.corpusRoots)
        if let pattern = config.filter {
            let regex: NSRegularExpression
            do { regex = try NSRegularExpression(pattern: pattern) }
            catch { throw RunnerError.usage("--filter '\(pattern)' is not a valid regular expression") }
            tests = tests.filter { t in
                let subject = "\(t.group)/\(t.family)/\(t.name)"
                return regex.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
            }
        }
        if let shard = config.shard { tests = shard.select(tests) }
        return tests
    }

    /// Builds `tests` for the host (when a native lane runs) and each architecture.
    public func build(_ tests: [TestCase], host: Bool, guests: Bool = true) throws -> [String: BuildReport] {
        let builder = Builder(config: BuildConfig(libraryDir: config.libraryDir, buildDir: config.buildDir, jobs: config.jobs))
        var reports: [String: BuildReport] = [:]
        // Check every compiler first, so a missing one is reported before any work.
        let archs = (host ? [Architecture.host] : []) + (guests ? config.architectures : [])
        for arch in archs { _ = try Builder.compiler(for: arch) }
        for arch in archs {
            let report = try builder.build(tests, for: arch, registry: registry)
            config.log("build: \(arch.name): \(report.built) built, \(report.cached) cached, \(report.failed) failed (\(arch.compiler) \(report.compilerVersion))")
            reports[arch.name] = report
        }
        return reports
    }

    public func lanes() throws -> [String: [Lane]] {
        var result: [String: [Lane]] = [:]
        for arch in config.architectures {
            var lanes: [Lane] = []
            for kind in config.laneKinds {
                let (lane, note) = try Lane.resolve(kind, arch: arch, ferryPath: config.ferryPath)
                if var lane {
                    lane.trace = lane.kind == .ferry && config.traceFerry
                    lanes.append(lane)
                }
                if let note { config.log("ferry-test: \(note)") }
            }
            result[arch.name] = lanes
        }
        return result
    }

    /// The corpus run: discover, build, run, write.
    public func runCorpus() throws -> SessionResult {
        let tests = try discover()
        guard !tests.isEmpty else { throw RunnerError.usage("no tests match (corpus: \(config.corpusRoots.joined(separator: ", "))\(config.filter.map { ", filter '\($0)'" } ?? ""))") }
        let lanes = try lanes()
        let reports = try build(tests, host: config.laneKinds.contains(.native),
                                guests: config.laneKinds.contains { $0 != .native })
        let items = tests.map { t -> RunItem in
            func command(_ arch: String) -> Command {
                switch reports[arch]?.products[t.name] {
                case .binary(let path)?: return .argv([path])
                case .failed(let log)?: return .buildFailed(log)
                case nil: return .unsupported("not built for \(arch)")
                }
            }
            return RunItem(test: t, native: command(Architecture.host.name),
                           guest: Dictionary(uniqueKeysWithValues: config.architectures.map { ($0.name, command($0.name)) }))
        }
        let compilers = reports.mapValues { "\($0.compiler) \($0.compilerVersion)" }
        return try runItems(items, lanes: lanes, compilers: compilers)
    }

    /// Runs prepared items (the corpus, or an upstream LTP runtest file) and writes the outputs.
    public func runItems(_ items: [RunItem], lanes: [String: [Lane]], compilers: [String: String]) throws -> SessionResult {
        let started = HostFacts.nowISO8601()
        let usesFerry = lanes.values.contains { $0.contains { $0.kind == .ferry } }
        var support: [String: [String: String]] = [:]
        if FileManager.default.isExecutableFile(atPath: config.ferryPath) {
            for arch in config.architectures {
                do { support[arch.name] = try HostFacts.supportTable(ferry: config.ferryPath, arch: arch.name) }
                catch { config.log("ferry-test: no support table for \(arch.name): \(error)") }
            }
        }
        let progress = ProgressReporter(style: config.progress)
        let runner = try Runner(options: RunOptions(architectures: config.architectures, lanes: lanes, jobs: config.jobs,
                                                    timeout: config.timeout, environment: config.environment,
                                                    progress: progress, rerunFailures: config.rerunFailures),
                            registry: registry)
        var records = registry.isStopped ? [] : runner.run(items)
        for i in records.indices { records[i].knownReason = config.knownReasons[records[i].arch]?[records[i].name] }
        let interrupted = registry.isStopped
        let laneNames = ["native", "ferry", "qemu"].filter { n in lanes.values.contains { $0.contains { $0.name == n } } }
        let env = RunEnvironment(hostKernel: HostFacts.kernel(),
                                 ferryVersion: usesFerry ? HostFacts.ferryVersion(config.ferryPath) : "not used",
                                 compilers: compilers, hostname: HostFacts.hostname())
        let summary = Summary(started: started, complete: !interrupted,
                              shard: config.shard?.description, architectures: config.architectures.map(\.name),
                              lanes: laneNames, environment: env, support: support, tests: records,
                              untestablePaths: config.untestablePaths)
        let written = try Outputs.write(summary, to: config.outDir)
        return SessionResult(summary: summary, interrupted: interrupted, written: written)
    }
}

extension Summary {
    /// `native: 60 pass, 2 conf; ferry: 3 pass, 59 emulator-error` per architecture, for the terminal.
    public func tally() -> [String] {
        architectures.map { arch in
            let mine = tests.filter { $0.arch == arch }
            let lanePart = lanes.map { lane -> String in
                var counts: [Outcome: Int] = [:]
                for t in mine { if let o = t.lanes[lane] { counts[o, default: 0] += 1 } }
                return "\(lane) " + Outcome.allCases.compactMap { o in counts[o].map { "\($0) \(o.rawValue)" } }.joined(separator: ", ")
            }.joined(separator: "; ")
            var comparisons: [Comparison: Int] = [:]
            for t in mine { for (_, c) in t.comparison { comparisons[c, default: 0] += 1 } }
            let cmp = Comparison.allCases.compactMap { c in comparisons[c].map { "\($0) \(c.rawValue)" } }.joined(separator: ", ")
            // Flaky lanes: their outcome above is the rerun's, so say how many there were.
            let flaky = mine.flatMap { t in (t.flaky ?? []).map { "\(t.name) [\($0)]" } }
            return "\(arch): \(mine.count) tests; \(lanePart)" + (cmp.isEmpty ? "" : "; vs native: \(cmp)")
                + (flaky.isEmpty ? "" : "; \(flaky.count) flaky: \(flaky.joined(separator: ", "))")
        }
    }
}
