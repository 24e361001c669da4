import Foundation

// The syscalls a test actually called, read from ferry's `-strace=json` trace. ferry writes one
// JSON object per line: `{"pid": N, "syscall": "name", "args": [...], ...}` for a call, and lines
// with "signal", "exited" or "killed" instead of "syscall" for events. Every process of the test
// appends to the same file (the trace follows forks, and an execve passes -strace and -D on).

public enum CalledSyscalls {
    /// ferry's options that write the JSON trace to `file`.
    public static func ferryOptions(traceFile file: String) -> [String] { ["-strace=json", "-D", file] }

    /// The syscall names in a trace file, sorted; nil when the file is missing (ferry did not start).
    public static func read(traceFile path: String) -> [String]? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        return names(in: data)
    }

    /// The syscall names in trace text, sorted and unique. Lines that are not call lines (events,
    /// a line cut short when a process was killed mid-write, stray text) are skipped.
    public static func names(in data: Data) -> [String] {
        var found = Set<String>()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                if let name = syscallName(bytes, start, end) { found.insert(name) }
                start = end + 1
            }
        }
        return found.sorted()
    }

    static let key = Array("\"syscall\":".utf8)

    /// The value of the "syscall" key of one line, which ferry writes second, after "pid"; read
    /// without a JSON parser because a trace can hold millions of lines.
    static func syscallName(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
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
            return String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<j]), as: UTF8.self)
        }
        return nil
    }
}
