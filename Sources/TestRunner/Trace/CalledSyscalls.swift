import Foundation

// The syscalls a test actually called, and how each call ended, read from ferry's `-strace=json`
// trace. ferry writes one JSON object per line:
//   {"pid": N, "syscall": "name", "args": [...], "return": R, "text": "...", "error": "ENOENT"}
// ("error" only on a failed call; no "return" on a call that did not return: exit, exit_group, a
// successful execve), and lines with "signal", "exited" or "killed" instead of "syscall" for
// events. Every process of the test appends to the same trace (it follows forks, and an execve
// passes -strace and -D on).

/// How the calls of one syscall ended: successful calls, and failed ones per errno name.
public struct CallOutcomes: Codable, Equatable, Sendable {
    /// Calls that returned without an error (a call that never returns, like exit_group, counts).
    public var ok: Int
    /// Errno name (`ENOENT`) to failed calls; absent when none failed, to keep summary.json small.
    public var errors: [String: Int]?

    public init(ok: Int = 0, errors: [String: Int]? = nil) { self.ok = ok; self.errors = errors }

    public var failed: Int { errors?.values.reduce(0, +) ?? 0 }

    public mutating func add(_ other: CallOutcomes) {
        ok += other.ok
        for (errno, n) in other.errors ?? [:] {
            if errors == nil { errors = [:] }
            errors![errno, default: 0] += n
        }
    }

    mutating func addError(_ errno: String) {
        if errors == nil { errors = [:] }
        errors![errno, default: 0] += 1
    }
}

public enum CalledSyscalls {
    /// ferry's options that write the JSON trace to `file`.
    public static func ferryOptions(traceFile file: String) -> [String] { ["-strace=json", "-D", file] }

    /// The syscall names in a trace file, sorted; nil when the file is missing (ferry did not start).
    public static func read(traceFile path: String) -> [String]? {
        readOutcomes(traceFile: path).map { $0.keys.sorted() }
    }

    /// Per syscall, how its calls in a trace file ended; nil when the file is missing.
    public static func readOutcomes(traceFile path: String) -> [String: CallOutcomes]? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        return outcomes(in: data)
    }

    /// The syscall names in trace text, sorted and unique. Lines that are not call lines (events,
    /// a line cut short when a process was killed mid-write, stray text) are skipped.
    public static func names(in data: Data) -> [String] { outcomes(in: data).keys.sorted() }

    /// Per syscall name, the successful calls and the failed ones by errno.
    public static func outcomes(in data: Data) -> [String: CallOutcomes] {
        var found: [String: CallOutcomes] = [:]
        tally(data, into: &found)
        return found
    }

    /// Adds every complete or partial line of `data` to `table`. A call line cut short before its
    /// closing brace still names a syscall but says nothing about how the call ended: it gets an
    /// entry with no calls counted.
    public static func tally(_ data: Data, into table: inout [String: CallOutcomes]) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            // Consecutive calls are often the same syscall: keep the last name's bytes to skip
            // making a String and hashing it again.
            var lastName: String?
            var lastRange = 0..<0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                if let range = syscallNameRange(bytes, start, end) {
                    let name: String
                    if let last = lastName, lastRange.count == range.count,
                       memcmp(bytes.baseAddress! + lastRange.lowerBound, bytes.baseAddress! + range.lowerBound, range.count) == 0 {
                        name = last
                    } else {
                        name = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                    }
                    lastName = name; lastRange = range
                    switch ending(bytes, range.upperBound, end) {
                    case .ok: table[name, default: CallOutcomes()].ok += 1
                    case .error(let errno): table[name, default: CallOutcomes()].addError(errno)
                    case .unknown: if table[name] == nil { table[name] = CallOutcomes() }
                    }
                }
                start = end + 1
            }
        }
    }

    static let key = Array("\"syscall\":".utf8)

    /// The value of the "syscall" key of one line, which ferry writes second, after "pid"; read
    /// without a JSON parser because a trace can hold millions of lines.
    static func syscallName(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        syscallNameRange(b, start, end).map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
    }

    static func syscallNameRange(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int>? {
        guard start < end, b[start] == UInt8(ascii: "{") else { return nil }
        // Only the head of the line can hold the key (after `{"pid": N, `): an argument string
        // that happens to contain "syscall": must not count.
        let limit = min(end, start + 48)
        var i = start
        search: while i + key.count <= limit {
            for k in 0..<key.count where b[i + k] != key[k] { i += 1; continue search }
            var j = i + key.count
            while j < end && b[j] == UInt8(ascii: " ") { j += 1 }
            guard j < end, b[j] == UInt8(ascii: "\"") else { return nil }
            j += 1
            let nameStart = j
            while j < end && b[j] != UInt8(ascii: "\"") {
                let c = b[j]
                // Syscall names are [a-z0-9_]; anything else means this is not a name.
                guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F else { return nil }
                j += 1
            }
            guard j < end, j > nameStart else { return nil }
            return nameStart..<j
        }
        return nil
    }

    enum Ending: Equatable { case ok, error(String), unknown }

    static let errorKey = Array(", \"error\": \"".utf8)
    static let textKey = Array(", \"text\": \"".utf8)

    /// How the call on one line ended, from the line's tail. The keys are found by their exact
    /// bytes: inside a JSON string every quote is escaped, so `, "error": "` cannot occur in an
    /// argument, and only the last 160 bytes (the short "text" and "error" fields) are searched,
    /// so a long argument list costs nothing.
    static func ending(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Ending {
        var last = end
        while last > from && (b[last - 1] == 0x0D || b[last - 1] == 0x20) { last -= 1 }
        // A line cut short (the process was killed while writing it) has no closing brace.
        guard last > from, b[last - 1] == UInt8(ascii: "}") else { return .unknown }
        let windowStart = max(from, last - 160)
        if let at = find(errorKey, in: b, windowStart, last) {
            var j = at + errorKey.count
            let nameStart = j
            while j < last && b[j] != UInt8(ascii: "\"") { j += 1 }
            guard j < last, j > nameStart else { return .unknown }
            return .error(String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<j]), as: UTF8.self))
        }
        // No error: a call line (it has its "text") that returned, or that never returns.
        return find(textKey, in: b, windowStart, last) == nil ? .unknown : .ok
    }

    /// The last position in start..<end where `pattern` starts.
    static func find(_ pattern: [UInt8], in b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = end - pattern.count
        outer: while i >= start {
            for k in 0..<pattern.count where b[i + k] != pattern[k] { i -= 1; continue outer }
            return i
        }
        return nil
    }
}
