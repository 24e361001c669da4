import Foundation

// summary.json (everything a run found, and what merge and gate read) and the baseline file.
// Both carry a `format` name and a `version` so a foreign or truncated file is named as such.

/// One lane's run of one test.
public struct LaneDetail: Codable, Equatable, Sendable {
    /// Exit status, when the program exited.
    public var exit: Int32?
    /// Signal number, when it was killed by one.
    public var signal: Int32?
    public var timedOut: Bool?
    public var seconds: Double
    /// LTP's Summary counts (or, for old-API output, counts of the result lines).
    public var counts: SummaryCounts
    /// The result lines that decide a verdict (TPASS/TFAIL/TBROK/TCONF/TWARN), as printed.
    public var results: [String]
    /// The combined output; long outputs keep their head and tail.
    public var output: String
}

public struct TestRecord: Codable, Equatable, Sendable {
    public var name: String
    public var arch: String
    public var family: String
    public var group: String
    public var syscalls: [String]
    public var ioctls: [String]
    /// Lane name to outcome.
    public var lanes: [String: Outcome]
    /// Emulated lane name to its comparison with native.
    public var comparison: [String: Comparison]
    public var details: [String: LaneDetail]
    /// The syscalls the test called in the traced ferry lane, every process of it (sorted); nil
    /// when that lane was not traced. Optional, so summaries written before it still read.
    public var called: [String]?
    /// Per syscall called in the traced ferry lane, its successful calls and its failed ones by
    /// errno (every process of the test). Nil when untraced or written before it existed.
    public var calls: [String: CallOutcomes]?
    /// The reason the committed baseline gives for this test (why its ferry outcome differs from
    /// native), copied in so JUnit and the matrix can show it; nil when the baseline gives none.
    public var knownReason: String?
    /// Lane to every attempt's outcome, first run first, for each lane `--rerun-failures` ran again
    /// (`{"native": ["fail", "pass"]}`); nil when no lane was re-run.
    public var attempts: [String: [Outcome]]?
    /// The lanes where a rerun gave another outcome than the first run: the recorded outcome (and
    /// details and trace) is that rerun's. Sorted; nil when none.
    public var flaky: [String]?

    public var key: String { arch + "/" + name }

    /// `fail then pass`: a lane's attempts in order, for the gate and the matrix.
    public func attemptText(_ lane: String) -> String {
        (attempts?[lane] ?? lanes[lane].map { [$0] } ?? []).map(\.rawValue).joined(separator: " then ")
    }
}

public struct RunEnvironment: Codable, Equatable, Sendable {
    public var hostKernel: String
    public var ferryVersion: String
    /// Architecture name to compiler and version (`aarch64-linux-gnu-gcc 12.2.0`).
    public var compilers: [String: String]
    public var hostname: String
}

public struct Summary: Codable, Equatable, Sendable {
    public static let formatName = "ferry-test-summary"
    public static let currentVersion = 1

    public var format = Summary.formatName
    public var version = Summary.currentVersion
    /// ISO 8601 UTC time the run started.
    public var started: String
    /// False when the run was interrupted: then `tests` holds only what finished.
    public var complete: Bool
    /// `K/N` when this is one shard of a run (merge joins them).
    public var shard: String?
    public var architectures: [String]
    public var lanes: [String]
    public var environment: RunEnvironment
    /// Architecture to syscall name to ferry's support level (`full`, `partial`, `unimplemented`).
    public var support: [String: [String: String]]
    public var tests: [TestRecord]
    /// The untestable-paths list the run read (TestCases/syscalls/untestable-paths.txt): the matrix
    /// tells paths that cannot be shown from real gaps with it. Nil when none was read.
    public var untestablePaths: UntestableList? = nil
}

public struct Baseline: Codable, Equatable, Sendable {
    public static let formatName = "ferry-test-baseline"
    /// 2 added `reasons`; version 1 files (no reasons) still load.
    public static let currentVersion = 2
    /// What --update-baseline writes for a test that newly differs from native. The gate rejects
    /// it, so a person has to find out the cause and write it.
    public static let placeholder = "TODO: write in one line why the ferry outcome differs from native"

    public var format = Baseline.formatName
    public var version = Baseline.currentVersion
    public var arch: String
    /// What produced it, for the person reading a diff.
    public var generated: String
    /// Test name to lane name to outcome.
    public var tests: [String: [String: Outcome]]
    /// Test name to a one-line reason: required for every test whose ferry outcome differs from
    /// its native one, optional for others (a TCONF in every lane, say). Nil in version 1 files.
    public var reasons: [String: String]?

    public init(arch: String, generated: String, tests: [String: [String: Outcome]], reasons: [String: String]? = nil) {
        self.arch = arch; self.generated = generated; self.tests = tests; self.reasons = reasons
    }

    /// The reason for `test` when there is a real one (not missing, not the placeholder).
    public func reason(for test: String) -> String? {
        guard let r = reasons?[test], !Self.isPlaceholder(r) else { return nil }
        return r
    }

    public static func isPlaceholder(_ reason: String) -> Bool { reason.hasPrefix("TODO") }

    /// What is wrong with a reason as written, or nil when it is a usable line.
    static func problem(with reason: String) -> String? {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { return "is empty" }
        if reason.contains(where: { $0.isNewline }) { return "is more than one line" }
        if reason.count > 300 { return "is longer than 300 characters (one line, please)" }
        return nil
    }
}

public enum ResultsFile {
    /// Decodes a ferry-test file, turning every failure into one line that names the file and
    /// what is wrong: missing, empty, truncated, not JSON, another tool's JSON, a newer version.
    public static func load<T: Decodable>(_ type: T.Type, from path: String, format: String, version: Int) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunnerError.badResultsFile(path: path, problem: "cannot be read (missing or not a file)")
        }
        guard !data.isEmpty else { throw RunnerError.badResultsFile(path: path, problem: "is empty") }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) }
        catch {
            let trimmed = String(decoding: data.suffix(64), as: UTF8.self).trimmingSpaces
            let looksTruncated = data.first == UInt8(ascii: "{") && !(trimmed.hasSuffix("}"))
            throw RunnerError.badResultsFile(path: path, problem: looksTruncated
                ? "is truncated (the JSON ends before it is complete; was the run killed while writing?)"
                : "is not JSON")
        }
        guard let dict = object as? [String: Any] else {
            throw RunnerError.badResultsFile(path: path, problem: "is not a \(format) file (top level is not a JSON object)")
        }
        guard let found = dict["format"] as? String else {
            throw RunnerError.badResultsFile(path: path, problem: "is not a \(format) file (no \"format\" field)")
        }
        guard found == format else {
            throw RunnerError.badResultsFile(path: path, problem: "is a \(found) file, expected \(format)")
        }
        guard let v = dict["version"] as? Int, v <= version, v >= 1 else {
            throw RunnerError.badResultsFile(path: path, problem: "has version \(dict["version"].map { "\($0)" } ?? "none"); this ferry-test reads \(format) version \(version)")
        }
        do { return try JSONDecoder().decode(T.self, from: data) }
        catch let DecodingError.keyNotFound(key, context) {
            throw RunnerError.badResultsFile(path: path, problem: "lacks \"\(key.stringValue)\" at \(pathString(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw RunnerError.badResultsFile(path: path, problem: "has a wrong value at \(pathString(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw RunnerError.badResultsFile(path: path, problem: "has a bad value at \(pathString(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw RunnerError.badResultsFile(path: path, problem: "cannot be decoded: \(error)")
        }
    }

    static func pathString(_ path: [CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    public static func loadSummary(_ path: String) throws -> Summary {
        try load(Summary.self, from: path, format: Summary.formatName, version: Summary.currentVersion)
    }

    public static func loadBaseline(_ path: String) throws -> Baseline {
        let baseline = try load(Baseline.self, from: path, format: Baseline.formatName, version: Baseline.currentVersion)
        for (test, reason) in (baseline.reasons ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let problem = Baseline.problem(with: reason) {
                throw RunnerError.badResultsFile(path: path, problem: "has a bad reason for \(test): it \(problem)")
            }
        }
        return baseline
    }

    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        // Slashes unescaped: baselines hold reasons people write and read ("/proc/modules").
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

/// Writes through a temporary file in the same folder and renames it, so a reader never sees half
/// a file and an interrupted write leaves the previous one intact.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let temp = "\(path).tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: data) else {
            throw RunnerError.io("cannot write '\(temp)'")
        }
        guard rename(temp, path) == 0 else {
            unlink(temp)
            throw RunnerError.io("cannot rename '\(temp)' to '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    public static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }
}
