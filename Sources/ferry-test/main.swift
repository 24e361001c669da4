import ArgumentParser
import Foundation
import TestRunner
#if canImport(Glibc)
import Glibc
#endif

// ferry-test: builds LTP-style tests, runs them natively and under ferry (and qemu-user), compares,
// reports (JUnit, matrices, summary.json) and gates CI on a committed baseline.

/// Prints one line to stderr and exits: every error a person sees is one line.
func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("ferry-test: \(message)\n".utf8))
    exit(status)
}

func status(for error: Error) -> Int32 {
    if case RunnerError.missingCompiler = error { return 3 }
    return 2
}

/// The repository root: the nearest folder upward (from the working directory, then from this
/// executable) that holds ltp-ports/lib.
func findRoot() -> String? {
    let fm = FileManager.default
    var starts = [fm.currentDirectoryPath]
    if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { starts.append((exe as NSString).deletingLastPathComponent) }
    for start in starts {
        var dir = start
        while true {
            if fm.fileExists(atPath: dir + "/ltp-ports/lib/tst_test.c") { return dir }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
    }
    return nil
}

/// The ferry built next to this ferry-test (same .build folder).
func defaultFerry() -> String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return (exe as NSString).deletingLastPathComponent + "/ferry"
}

func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
}

/// Ctrl-C and SIGTERM stop the run; what finished is still written.
final class InterruptWatch: @unchecked Sendable {
    var sources: [DispatchSourceSignal] = []
    var received: Int32 = 0
    init(_ onInterrupt: @escaping @Sendable () -> Void) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [unowned self] in
                self.received = sig
                FileHandle.standardError.write(Data("\nferry-test: interrupted; stopping and writing what finished\n".utf8))
                onInterrupt()
            }
            source.resume()
            sources.append(source)
        }
    }
}

struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("root"), help: "Repository root (default: found upward from here).")
    var root: String?
    @Option(name: .customLong("corpus"), help: "Folder of LTP-style tests (repeatable; default TestCases/syscalls and TestCases/ioctls).")
    var corpus: [String] = []
    @Option(name: .customLong("build-dir"), help: "Where binaries are cached (default TestCases/build/ferry-test).")
    var buildDir: String?
    @Option(name: .customLong("arch"), help: "Comma-separated guest architectures: aarch64, riscv64, mips, arm.")
    var arch: String = "aarch64"
    @Option(name: [.customLong("jobs"), .customShort("j")], help: "Parallel jobs (default: the number of CPUs).")
    var jobs: Int?
    @Option(name: .customLong("filter"), help: "Regular expression over group/family/name (e.g. 'open|close').")
    var filter: String?

    func resolved() throws -> (root: String, corpus: [String], buildDir: String, archs: [Architecture], jobs: Int) {
        guard let root = (root.map(absolute)) ?? findRoot() else {
            throw RunnerError.usage("cannot find the Ferry repository (a folder with ltp-ports/lib); pass --root DIR")
        }
        let corpus = corpus.isEmpty ? [root + "/TestCases/syscalls", root + "/TestCases/ioctls"] : corpus.map(absolute)
        let archs = try Architecture.parseGuestList(arch)
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard jobs >= 1 else { throw RunnerError.usage("--jobs must be at least 1") }
        return (root, corpus, absolute(buildDir ?? root + "/TestCases/build/ferry-test"), archs, jobs)
    }
}

struct RunOptionsGroup: ParsableArguments {
    @Option(name: .customLong("lanes"), help: "Comma-separated lanes: native, ferry, qemu.")
    var lanes: String = "native,ferry"
    @Option(name: .customLong("timeout"), help: "Seconds before a test's whole process tree is killed.")
    var timeout: Double = 120
    @Option(name: .customLong("timeout-mul"), help: "LTP_TIMEOUT_MUL for the tests (scales the LTP library's own timeout).")
    var timeoutMul: String?
    @Option(name: .customLong("shard"), help: "Run shard K of N (K from 1). Also from FERRY_TEST_SHARD, CI_NODE_INDEX/CI_NODE_TOTAL, JOB_COMPLETION_INDEX or FERRY_TEST_SHARD_INDEX with FERRY_TEST_SHARD_COUNT.")
    var shard: String?
    @Option(name: .customLong("out"), help: "Output folder (default results/latest).")
    var out: String?
    @Option(name: .customLong("ferry"), help: "The ferry binary (default: the one next to ferry-test).")
    var ferry: String?
    @Flag(name: .customLong("plain"), help: "Plain progress lines even on a terminal.")
    var plain = false
    @Flag(name: .customLong("quiet"), help: "No per-test progress.")
    var quiet = false
    @Flag(name: .customLong("trace"), inversion: .prefixedNo,
          help: "Run the ferry lane under its JSON syscall trace: summary.json gets each test's called syscalls, the matrix a 'called' column and a manifest-gaps section.")
    var trace = true
    @Option(name: .customLong("rerun-failures"), help: "Run a test whose outcome in a lane is fail, broken or timeout again in that lane, up to N times, one at a time after the parallel pass; a rerun with another outcome is kept and the test reported flaky.")
    var rerunFailures: Int = 0

    func shardValue() throws -> Shard? {
        if let shard { return try Shard.parse(shard) }
        return try Shard.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    func rerunCount() throws -> Int {
        guard rerunFailures >= 0 else { throw RunnerError.usage("--rerun-failures must be 0 or more (got \(rerunFailures))") }
        return rerunFailures
    }

    func progressStyle() -> ProgressReporter.Style {
        if quiet { return .quiet }
        let ci = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
        return !plain && !ci && isatty(2) != 0 ? .bar : .lines
    }
}

func finish(_ result: SessionResult, watch: InterruptWatch) -> Never {
    for line in result.summary.tally() { print(line) }
    print("ferry-test: wrote \(result.written.count) files in \((result.written.first.map { ($0 as NSString).deletingLastPathComponent }) ?? "?")")
    if result.interrupted { exit(watch.received == SIGTERM ? 143 : 130) }
    exit(0)
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the corpus for the host and each architecture (cached by content hash).")
    @OptionGroup var corpus: CorpusOptions
    @Flag(name: .customLong("no-host"), help: "Do not build the host (x86_64) binaries.")
    var noHost = false

    func run() throws {
        do {
            let c = try corpus.resolved()
            var config = SessionConfig(corpusRoots: c.corpus, libraryDir: c.root + "/ltp-ports/lib", buildDir: c.buildDir,
                                       architectures: c.archs, laneKinds: [], ferryPath: "", jobs: c.jobs, timeout: 0, outDir: "")
            config.filter = corpus.filter
            config.log = { print($0) }
            let session = Session(config: config)
            let tests = try session.discover()
            let reports = try session.build(tests, host: !noHost)
            let failed = reports.values.flatMap { r in r.products.compactMap { name, p -> String? in
                if case .failed = p { return "\(r.arch)/\(name)" } else { return nil } } }.sorted()
            if !failed.isEmpty {
                fail("\(failed.count) tests failed to build (logs in \(c.buildDir)/<arch>/logs): \(failed.joined(separator: " "))", status: 1)
            }
        } catch { fail("\(error)", status: status(for: error)) }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build what is missing, run every test in every lane, compare with native, write results.")
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var options: RunOptionsGroup
    @Option(name: .customLong("baselines"), help: "Folder of baseline-<arch>.json files whose reasons JUnit and the matrix show (default <root>/results; missing files are fine).")
    var baselines: String?
    @Option(name: .customLong("untestable-paths"), help: "List of syscall paths no test can show (default <root>/\(UntestableList.repositoryPath) when it exists).")
    var untestablePaths: String?

    func run() throws {
        do {
            let c = try corpus.resolved()
            var config = SessionConfig(corpusRoots: c.corpus, libraryDir: c.root + "/ltp-ports/lib", buildDir: c.buildDir,
                                       architectures: c.archs, laneKinds: try Lane.parseKinds(options.lanes),
                                       ferryPath: absolute(options.ferry ?? defaultFerry()), jobs: c.jobs,
                                       timeout: options.timeout, outDir: absolute(options.out ?? c.root + "/results/latest"))
            config.filter = corpus.filter
            config.shard = try options.shardValue()
            config.progress = options.progressStyle()
            config.traceFerry = options.trace
            config.rerunFailures = try options.rerunCount()
            config.knownReasons = try knownReasons(in: absolute(baselines ?? c.root + "/results"), archs: c.archs)
            config.untestablePaths = try untestableList(option: untestablePaths, root: c.root)
            if let mul = options.timeoutMul { config.environment["LTP_TIMEOUT_MUL"] = mul }
            guard options.timeout > 0 else { throw RunnerError.usage("--timeout must be positive") }
            let session = Session(config: config)
            let watch = InterruptWatch { session.interrupt() }
            finish(try session.runCorpus(), watch: watch)
        } catch { fail("\(error)", status: status(for: error)) }
    }
}

/// Architecture to test to reason, from the committed baselines that exist (a broken one is an
/// error: its reasons would silently vanish from the reports).
func knownReasons(in dir: String, archs: [Architecture]) throws -> [String: [String: String]] {
    var result: [String: [String: String]] = [:]
    for arch in archs {
        let path = "\(dir)/baseline-\(arch.name).json"
        guard FileManager.default.fileExists(atPath: path) else { continue }
        let baseline = try ResultsFile.loadBaseline(path)
        result[arch.name] = (baseline.reasons ?? [:]).filter { !Baseline.isPlaceholder($0.value) }
    }
    return result
}

/// The untestable-paths list: the one named (an error when unreadable or malformed), else the
/// repository's when it exists, else none.
func untestableList(option: String?, root: String?) throws -> UntestableList? {
    if let option { return try UntestableList.load(absolute(option)) }
    guard let root else { return nil }
    let path = root + "/" + UntestableList.repositoryPath
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    // Named as in the repository, so reports read the same on every machine.
    var list = try UntestableList.load(path)
    list.file = UntestableList.repositoryPath
    return list
}

struct LTP: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ltp", abstract: "Run an upstream LTP installation (runtest files and testcases/bin) the same way.")
    @Option(name: .customLong("ltp-root"), help: "The guest-architecture LTP installation (e.g. /opt/ltp built for aarch64).")
    var ltpRoot: String
    @Option(name: .customLong("native-ltp-root"), help: "The host (x86_64) LTP installation, for the native lane.")
    var nativeLtpRoot: String?
    @Option(name: .customLong("runtest"), help: "Runtest file name under runtest/ (e.g. syscalls), or a path.")
    var runtest: String
    @Option(name: .customLong("skip"), help: "Skip list: one tag per line (wildcards * and ?), # comments.")
    var skip: String?
    @Option(name: .customLong("arch"), help: "Guest architecture (default: from the binaries' ELF headers, else aarch64).")
    var arch: String?
    @Option(name: [.customLong("jobs"), .customShort("j")], help: "Parallel jobs.")
    var jobs: Int?
    @Option(name: .customLong("filter"), help: "Regular expression over tags.")
    var filter: String?
    @OptionGroup var options: RunOptionsGroup

    func run() throws {
        do {
            let root = absolute(ltpRoot)
            let runtestPath = runtest.contains("/") ? absolute(runtest) : root + "/runtest/" + runtest
            guard let text = try? String(contentsOfFile: runtestPath, encoding: .utf8) else {
                throw RunnerError.usage("runtest file '\(runtestPath)' cannot be read")
            }
            var entries = try UpstreamLTP.parseRuntest(text, path: runtestPath)
            if let filter {
                guard let regex = try? NSRegularExpression(pattern: filter) else { throw RunnerError.usage("--filter '\(filter)' is not a valid regular expression") }
                entries = entries.filter { regex.firstMatch(in: $0.tag, range: NSRange($0.tag.startIndex..., in: $0.tag)) != nil }
            }
            var skipList: [String] = []
            if let skip {
                guard let s = try? String(contentsOfFile: skip, encoding: .utf8) else { throw RunnerError.usage("skip list '\(skip)' cannot be read") }
                skipList = UpstreamLTP.parseSkipList(s)
            }
            let guessed = entries.lazy.compactMap { Architecture.ofELF(atPath: root + "/testcases/bin/" + $0.command[0]) }.first { $0 != .host }
            let archs = try arch.map(Architecture.parseGuestList) ?? [guessed ?? Architecture.guests[0]]
            guard archs.count == 1 else { throw RunnerError.usage("ltp runs one architecture at a time (the --ltp-root build's)") }
            var config = SessionConfig(corpusRoots: [], libraryDir: "", buildDir: "", architectures: archs,
                                       laneKinds: try Lane.parseKinds(options.lanes), ferryPath: absolute(options.ferry ?? defaultFerry()),
                                       jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, timeout: options.timeout,
                                       outDir: absolute(options.out ?? (findRoot().map { $0 + "/results/latest" } ?? "results/latest")))
            config.shard = try options.shardValue()
            config.progress = options.progressStyle()
            config.traceFerry = options.trace
            config.rerunFailures = try options.rerunCount()
            // LTP's own environment for its tests.
            config.environment = UpstreamLTP.environment(
                ltpRoot: root, timeoutMul: options.timeoutMul ?? ProcessInfo.processInfo.environment["LTP_TIMEOUT_MUL"] ?? "1",
                path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            var items = UpstreamLTP.items(entries: entries, runtestName: (runtestPath as NSString).lastPathComponent, ltpRoot: root,
                                          nativeRoot: nativeLtpRoot.map(absolute), arch: archs[0], skip: skipList, skipFile: skip)
            if let shard = config.shard { items = shard.select(items) }
            let session = Session(config: config)
            let watch = InterruptWatch { session.interrupt() }
            finish(try session.runItems(items, lanes: try session.lanes(), compilers: [:]), watch: watch)
        } catch { fail("\(error)", status: status(for: error)) }
    }
}

struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Exit 1 listing every test that passed in the baseline and does not now, and every test whose ferry outcome differs from native without a reason in the baseline.")
    @Option(name: .customLong("baseline"), help: "Baseline file (results/baseline-<arch>.json).")
    var baseline: String
    @Option(name: .customLong("results"), help: "Results folder holding summary.json (default results/latest).")
    var results: String?
    @Flag(name: .customLong("update-baseline"), help: "Write the baseline from the results instead of gating (its reasons are kept; a new exception gets a placeholder reason to replace).")
    var update = false
    @Option(name: .customLong("arch"), help: "Architecture of a new baseline (default: the results' only one).")
    var arch: String?
    @Flag(name: .customLong("require-paths"), help: "Also fail when a syscall ferry implements lacks a success or an error path in the traced corpus that the untestable-paths list does not explain, or when an entry of that list is stale (the corpus shows that path).")
    var requirePaths = false
    @Option(name: .customLong("untestable-paths"), help: "The list --require-paths uses (default <root>/\(UntestableList.repositoryPath) when it exists, else the one the run stored in summary.json).")
    var untestablePaths: String?

    func run() throws {
        do {
            let dir = absolute(results ?? (findRoot().map { $0 + "/results/latest" } ?? "results/latest"))
            let summary = try ResultsFile.loadSummary(dir + "/summary.json")
            if update {
                // An unreadable old baseline is an error here: writing over it would lose its reasons.
                let old = FileManager.default.fileExists(atPath: baseline) ? try ResultsFile.loadBaseline(baseline) : nil
                let archName: String
                if let arch { archName = try Architecture.parseGuestList(arch)[0].name }
                else if let old { archName = old.arch }
                else if summary.architectures.count == 1 { archName = summary.architectures[0] }
                else { throw RunnerError.usage("the results hold several architectures; pass --arch") }
                if !summary.complete || summary.shard != nil { FileHandle.standardError.write(Data("ferry-test: warning: the results are incomplete (interrupted or one shard); the baseline holds only what ran\n".utf8)) }
                let new = try Gate.baseline(from: summary, arch: archName, previous: old?.arch == archName ? old : nil)
                try AtomicFile.write(try ResultsFile.encode(new), to: absolute(baseline))
                let passes = new.tests.values.flatMap { $0.values }.filter { $0 == .pass }.count
                print("ferry-test gate: wrote \(baseline): \(new.tests.count) tests, \(passes) passing test/lane pairs, \(new.reasons?.count ?? 0) reasons")
                let todo = (new.reasons ?? [:]).filter { Baseline.isPlaceholder($0.value) }.keys.sorted()
                if !todo.isEmpty {
                    print("ferry-test gate: \(todo.count) test\(todo.count == 1 ? "" : "s") differ\(todo.count == 1 ? "s" : "") from native and ha\(todo.count == 1 ? "s" : "ve") the placeholder reason; write why in \(baseline) before the gate passes: \(todo.joined(separator: " "))")
                }
                return
            }
            let base = try ResultsFile.loadBaseline(baseline)
            // Read first: a malformed list stops the gate before it prints anything.
            let list = requirePaths ? try untestableList(option: untestablePaths, root: findRoot()) : nil
            let found = Gate.regressions(baseline: base, summary: summary)
            for line in Gate.improvements(baseline: base, summary: summary) { print("improved: \(line)") }
            for line in Gate.flaky(summary: summary, arch: base.arch) { print("FLAKY \(line)") }
            for r in found { print("REGRESSION \(r)") }
            let conformance = Gate.conformance(baseline: base, summary: summary, arch: base.arch)
            for e in conformance.unexplained { print(e.complaint(baselinePath: baseline)) }
            if conformance.compared > 0 {
                print("ferry-test gate: \(base.arch): \(conformance.line)")
            } else {
                print("ferry-test gate: \(base.arch): no test ran both natively and under ferry; outcomes not compared with native")
            }
            var verdict: PathVerdict?
            if requirePaths {
                let v = try Gate.paths(summary: summary, arch: base.arch, list: list)
                for line in v.problems { print(line) }
                print("ferry-test gate: paths: \(v.headline)")
                verdict = v
            }
            let pathsPassed = verdict?.passed ?? true
            if found.isEmpty && conformance.unexplained.isEmpty && pathsPassed {
                print("ferry-test gate: no regressions against \(baseline) (\(base.tests.count) tests in the baseline)\(verdict == nil ? "" : "; every implemented syscall's paths shown or explained")")
                return
            }
            var problems: [String] = []
            if let v = verdict, !v.realGaps.isEmpty { problems.append("\(v.realGaps.count) syscall\(v.realGaps.count == 1 ? "" : "s") with a real path gap") }
            if let v = verdict, !v.stale.isEmpty { problems.append("\(v.stale.count) stale untestable-paths entr\(v.stale.count == 1 ? "y" : "ies")") }
            if !found.isEmpty { problems.append("\(found.count) regressions") }
            if !conformance.unexplained.isEmpty { problems.append("\(conformance.unexplained.count) test\(conformance.unexplained.count == 1 ? "" : "s") differ\(conformance.unexplained.count == 1 ? "s" : "") from native without a reason") }
            print("ferry-test gate: \(base.arch) fails: \(problems.joined(separator: ", ")) (baseline \(baseline))")
            throw ExitCode(1)
        } catch let e as ExitCode { throw e } catch { fail("\(error)", status: 2) }
    }
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Combine results folders (shards, machines) into one set of outputs.")
    @Argument(help: "Results folders, each holding summary.json.")
    var dirs: [String]
    @Option(name: .customLong("out"), help: "Output folder (default results/latest).")
    var out: String?
    @Option(name: .customLong("untestable-paths"), help: "List of syscall paths no test can show (default <root>/\(UntestableList.repositoryPath) when it exists, else the inputs' own).")
    var untestablePaths: String?

    func run() throws {
        do {
            guard !dirs.isEmpty else { throw RunnerError.usage("merge needs at least one results folder") }
            let inputs = try dirs.map { d -> (path: String, summary: Summary) in
                let path = absolute(d) + "/summary.json"
                return (path, try ResultsFile.loadSummary(path))
            }
            var merged = try Merge.merge(inputs)
            // The current list, so a merge (or a re-render of one results folder) reflects its edits.
            if let list = try untestableList(option: untestablePaths, root: findRoot()) { merged.untestablePaths = list }
            let outDir = absolute(out ?? (findRoot().map { $0 + "/results/latest" } ?? "results/latest"))
            let written = try Outputs.write(merged, to: outDir)
            for line in merged.tally() { print(line) }
            print("ferry-test merge: \(inputs.count) inputs, \(merged.tests.count) test records\(merged.complete ? "" : " (incomplete)"), \(written.count) files in \(outDir)")
        } catch { fail("\(error)", status: 2) }
    }
}

struct FerryTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ferry-test",
        abstract: "Ferry's conformance runner: LTP-style tests natively, under ferry and under qemu-user, compared.",
        discussion: "Exit status: 0 done; 1 gate found regressions or a build failed; 2 bad input; 3 a compiler is missing; 130/143 interrupted (outputs still written).",
        version: "0.2.0",
        subcommands: [Build.self, Run.self, LTP.self, GateCommand.self, MergeCommand.self])
}

signal(SIGPIPE, SIG_IGN)
FerryTest.main()
