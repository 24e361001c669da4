import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Runs every test in every lane in parallel, each in its own temporary directory and process group,
// then re-runs failed ones one at a time (--rerun-failures) to tell a flaky failure from a real one,
// classifies each run and compares emulated lanes with native.

/// How to start one test in one lane.
public enum Command: Sendable, Equatable {
    /// A program and its arguments (an emulated lane puts the emulator in front).
    case argv([String])
    /// The binary could not be built; the text is the compiler's log.
    case buildFailed(String)
    /// Cannot run in this lane (reported as TCONF with the reason).
    case unsupported(String)
}

public struct RunItem: Sendable {
    public var test: TestCase
    /// The host build (native lane).
    public var native: Command
    /// Architecture name to the guest build.
    public var guest: [String: Command]

    public init(test: TestCase, native: Command, guest: [String: Command]) {
        self.test = test; self.native = native; self.guest = guest
    }
}

public struct RunOptions: Sendable {
    public var architectures: [Architecture]
    /// Lanes per architecture (native first when present).
    public var lanes: [String: [Lane]]
    public var jobs: Int
    public var timeout: Double
    /// Added to every test's environment (LTP_TIMEOUT_MUL, LTPROOT, ...).
    public var environment: [String: String]
    public var progress: ProgressReporter?
    /// How many more times a run whose outcome is fail, broken or timeout is tried (0: never).
    public var rerunFailures: Int

    public init(architectures: [Architecture], lanes: [String: [Lane]], jobs: Int, timeout: Double,
                environment: [String: String] = [:], progress: ProgressReporter? = nil, rerunFailures: Int = 0) {
        self.architectures = architectures; self.lanes = lanes; self.jobs = jobs
        self.timeout = timeout; self.environment = environment; self.progress = progress
        self.rerunFailures = rerunFailures
    }
}

/// One run as it finished, before classification.
struct RawRun: Sendable {
    var termination: Termination
    var seconds: Double
    var output: String
    /// Set for build failures and unsupported commands: the outcome is decided without running.
    var fixedOutcome: Outcome?
    /// The syscalls the trace saw and how their calls ended (traced ferry lane only).
    var calls: [String: CallOutcomes]? = nil
}

public final class Runner: @unchecked Sendable {
    /// Every run's environment gets the attempt number (1 for the first run, 2 for the first rerun),
    /// so a test can tell a rerun (the flaky fixture test uses it).
    public static let attemptVariable = "FERRY_TEST_ATTEMPT"
    /// The outcomes worth a second try: a pass, a TCONF or a crash is what the test is.
    public static let rerunOutcomes: Set<Outcome> = [.fail, .broken, .timeout]

    public let options: RunOptions
    public let registry: RunningProcesses
    let tempRoot: String

    public init(options: RunOptions, registry: RunningProcesses = RunningProcesses()) throws {
        self.options = options
        self.registry = registry
        var template = Array((NSTemporaryDirectory() + "/ferry-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw RunnerError.io("cannot make a temporary directory in \(NSTemporaryDirectory())") }
        tempRoot = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: tempRoot) }

    /// Stops the run: running tests are killed and not recorded, no new ones start.
    public func interrupt() { registry.stopAll() }

    struct Job { var item: Int; var arch: String?; var lane: Lane; var command: Command }

    /// Runs everything and returns the records (only finished tests, if interrupted).
    public func run(_ items: [RunItem]) -> [TestRecord] {
        var jobs: [Job] = []
        let wantsNative = options.lanes.values.contains { $0.contains(.native) }
        // Native first: an emulated result is classified against it, and it is quick.
        if wantsNative { for (i, item) in items.enumerated() { jobs.append(Job(item: i, arch: nil, lane: .native, command: item.native)) } }
        for arch in options.architectures {
            for lane in options.lanes[arch.name] ?? [] where lane.isEmulated {
                for (i, item) in items.enumerated() {
                    jobs.append(Job(item: i, arch: arch.name, lane: lane,
                                    command: item.guest[arch.name] ?? .unsupported("not built for \(arch.name)")))
                }
            }
        }
        let allJobs = jobs
        options.progress?.start(total: jobs.count)
        let results = Locked([String: RawRun]())
        parallelForEach(count: jobs.count, jobs: options.jobs, shouldStop: { [registry] in registry.isStopped }) { [self] j in
            let job = allJobs[j]
            let item = items[job.item]
            guard let raw = execute(job, item: item, index: j) else { return }
            if registry.isStopped { return } // killed by the interrupt: not a result
            let key = Self.key(item.test.name, job.arch, job.lane.name)
            let nativeRaw = results.withValue { dict -> RawRun? in
                dict[key] = raw
                return dict[Self.key(item.test.name, nil, "native")]
            }
            let outcome = Self.outcome(raw, lane: job.lane, nativeCrashed: nativeRaw.map(Self.crashed) ?? false)
            options.progress?.finished(test: item.test.name, arch: job.arch ?? "x86_64", lane: job.lane.name,
                                       outcome: outcome, seconds: raw.seconds)
        }
        options.progress?.end()
        var raws = results.snapshot
        let attempts = registry.isStopped ? [:] : rerun(allJobs, items: items, raws: &raws)
        return assemble(items, raws, attempts: attempts)
    }

    /// Runs each failed job again, one at a time so that load is not the cause, up to
    /// `rerunFailures` times: the first attempt with another outcome replaces the first run (a flaky
    /// failure); when every attempt ends the same way the first run stays. Native jobs come first in
    /// `jobs`, so an emulated rerun is classified against the native run that is kept. Returns the
    /// key of each re-run job to its attempts' outcomes.
    func rerun(_ jobs: [Job], items: [RunItem], raws: inout [String: RawRun]) -> [String: [Outcome]] {
        var attempts: [String: [Outcome]] = [:]
        guard options.rerunFailures > 0 else { return attempts }
        for (j, job) in jobs.enumerated() {
            guard case .argv = job.command else { continue } // build failures and TCONFs do not change
            let item = items[job.item]
            let key = Self.key(item.test.name, job.arch, job.lane.name)
            let nativeKey = Self.key(item.test.name, nil, "native")
            guard let first = raws[key] else { continue }
            // Native reruns come before any emulated one, so this is the native run that is kept.
            let nativeCrashed = raws[nativeKey].map(Self.crashed) ?? false
            let firstOutcome = Self.outcome(first, lane: job.lane, nativeCrashed: nativeCrashed)
            guard Self.rerunOutcomes.contains(firstOutcome) else { continue }
            var seen = [firstOutcome]
            while seen.count <= options.rerunFailures && !registry.isStopped {
                guard let again = execute(job, item: item, index: j, attempt: seen.count + 1), !registry.isStopped else { break }
                let outcome = Self.outcome(again, lane: job.lane, nativeCrashed: nativeCrashed)
                seen.append(outcome)
                options.progress?.reran(test: item.test.name, arch: job.arch ?? "x86_64", lane: job.lane.name,
                                        attempts: seen, seconds: again.seconds)
                if outcome != firstOutcome { raws[key] = again; break }
            }
            if seen.count > 1 { attempts[key] = seen }
        }
        return attempts
    }

    static func key(_ name: String, _ arch: String?, _ lane: String) -> String { "\(arch ?? "-")|\(lane)|\(name)" }

    static func crashed(_ raw: RawRun) -> Bool {
        if case .signaled = raw.termination { return true }
        // The LTP library reports a test child killed by a signal as TBROK; count that as a crash too.
        return raw.output.contains("killed by signal")
    }

    func execute(_ job: Job, item: RunItem, index: Int, attempt: Int = 1) -> RawRun? {
        var argv: [String]
        switch job.command {
        case .buildFailed(let log):
            return RawRun(termination: .exited(2), seconds: 0, output: log, fixedOutcome: .broken)
        case .unsupported(let reason):
            return RawRun(termination: .exited(32), seconds: 0, output: "TCONF: \(reason)\n", fixedOutcome: .conf)
        case .argv(let a):
            argv = (job.lane.emulator.map { [$0] } ?? []) + a
        }
        let dir = "\(tempRoot)/\(index)-\(job.lane.name)-\(item.test.name)" + (attempt > 1 ? "-\(attempt)" : "")
        let work = dir + "/tmp"
        do { try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true) }
        catch { return RawRun(termination: .spawnFailed("cannot make \(work)"), seconds: 0, output: "", fixedOutcome: .broken) }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The trace pipe goes beside the test's working folder, not in it: the test may empty that.
        var trace: TraceReader?
        if job.lane.trace && argv.count > 1 {
            switch TraceReader.start(at: dir + "/trace.pipe") {
            case .success(let reader):
                trace = reader
                argv.insert(contentsOf: CalledSyscalls.ferryOptions(traceFile: reader.path), at: 1)
            case .failure(let error):
                return RawRun(termination: .spawnFailed("\(error)"), seconds: 0, output: "ferry-test: \(error)\n", fixedOutcome: .broken)
            }
        }
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = work
        env["LTP_COLORIZE_OUTPUT"] = "0"
        for (k, v) in options.environment { env[k] = v }
        env[Self.attemptVariable] = String(attempt)
        let spec = ProcessSpec(argv: argv, environment: env, workingDirectory: work,
                               outputPath: dir + "/output", timeout: options.timeout)
        let result = ProcessRunner.run(spec, registry: registry)
        var output = Self.readCapped(dir + "/output")
        if case .spawnFailed(let why) = result.termination { output += "ferry-test: cannot start: \(why)\n" }
        if result.termination == .timedOut { output += "\nferry-test: killed after \(Int(options.timeout)) s (--timeout)\n" }
        return RawRun(termination: result.termination, seconds: result.seconds, output: output, fixedOutcome: nil,
                      calls: trace?.finish())
    }

    /// Reads an output file, keeping the head and tail of very long ones.
    static func readCapped(_ path: String, limit: Int = 64 * 1024) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        if data.count <= limit { return String(decoding: data, as: UTF8.self) }
        let head = String(decoding: data.prefix(limit / 4), as: UTF8.self)
        let tail = String(decoding: data.suffix(limit * 3 / 4), as: UTF8.self)
        return head + "\n[... \(data.count - limit) bytes left out by ferry-test ...]\n" + tail
    }

    static func outcome(_ raw: RawRun, lane: Lane, nativeCrashed: Bool) -> Outcome {
        if let fixed = raw.fixedOutcome { return fixed }
        return Classifier.classify(raw.termination, output: LTPOutputParser.parse(raw.output),
                                   emulatorPrefix: lane.errorPrefix, nativeCrashed: nativeCrashed)
    }

    static func detail(_ raw: RawRun, _ parsed: LTPOutput) -> LaneDetail {
        var exit: Int32?, signal: Int32?, timedOut: Bool?
        switch raw.termination {
        case .exited(let s): exit = s
        case .signaled(let s): signal = s
        case .timedOut: timedOut = true
        case .spawnFailed: break
        }
        let counts = parsed.summary ?? SummaryCounts(passed: parsed.count(.TPASS), failed: parsed.count(.TFAIL),
                                                     broken: parsed.count(.TBROK), skipped: parsed.count(.TCONF),
                                                     warnings: parsed.count(.TWARN))
        let lines = parsed.verdictLines.map { "\($0.location): \($0.type.rawValue): \($0.message)" }
        return LaneDetail(exit: exit, signal: signal, timedOut: timedOut, seconds: (raw.seconds * 1000).rounded() / 1000,
                          counts: counts, results: lines, output: raw.output)
    }

    func assemble(_ items: [RunItem], _ raws: [String: RawRun], attempts: [String: [Outcome]] = [:]) -> [TestRecord] {
        var records: [TestRecord] = []
        for arch in options.architectures {
            let lanes = options.lanes[arch.name] ?? []
            for item in items {
                let t = item.test
                var record = TestRecord(name: t.name, arch: arch.name, family: t.family, group: t.group,
                                        syscalls: t.syscalls, ioctls: t.ioctls, lanes: [:], comparison: [:], details: [:], called: nil)
                let nativeRaw = raws[Self.key(t.name, nil, "native")]
                for lane in lanes {
                    guard let raw = lane.isEmulated ? raws[Self.key(t.name, arch.name, lane.name)] : nativeRaw else { continue }
                    let parsed = LTPOutputParser.parse(raw.output)
                    record.lanes[lane.name] = Self.outcome(raw, lane: lane, nativeCrashed: nativeRaw.map(Self.crashed) ?? false)
                    record.details[lane.name] = Self.detail(raw, parsed)
                    if lane.trace, let calls = raw.calls {
                        record.called = calls.keys.sorted()
                        record.calls = calls
                    }
                    if let tried = attempts[Self.key(t.name, lane.isEmulated ? arch.name : nil, lane.name)] {
                        record.attempts = (record.attempts ?? [:]).merging([lane.name: tried]) { $1 }
                        if Set(tried).count > 1 { record.flaky = ((record.flaky ?? []) + [lane.name]).sorted() }
                    }
                }
                guard !record.lanes.isEmpty else { continue } // nothing finished (interrupted)
                if let native = record.lanes["native"] {
                    for (lane, outcome) in record.lanes where lane != "native" {
                        record.comparison[lane] = Comparison.of(native: native, emulated: outcome)
                    }
                }
                records.append(record)
            }
        }
        return records
    }
}
