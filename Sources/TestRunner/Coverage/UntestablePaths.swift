import Foundation

// The committed list of syscall paths that no test can show (TestCases/syscalls/untestable-paths.txt):
// a success path or an error path that the kernel does not have (getpid cannot fail, exit never
// returns), or that this host cannot give (no module support, no protection keys). One entry per
// line:
//   syscall  success|error  impossible|host  reason, the rest of the line
// `#` starts a comment line; blank lines are skipped. The coverage matrix uses it to tell such
// paths from real gaps, and an entry whose path a test does show is reported as stale.

/// A syscall's two paths: returning normally, and failing with an errno.
public enum SyscallPath: String, Codable, CaseIterable, Comparable, Sendable {
    case success, error
    public static func < (a: SyscallPath, b: SyscallPath) -> Bool { a == .success && b == .error }
}

/// Why a path cannot be shown.
public enum UntestableKind: String, Codable, Sendable {
    /// The kernel has no such path: the call cannot fail, never returns, always fails.
    case impossible
    /// This machine cannot take it (a kernel option or CPU feature is missing).
    case host
}

public struct UntestablePath: Codable, Equatable, Sendable {
    public var syscall: String
    public var path: SyscallPath
    public var kind: UntestableKind
    public var reason: String
    /// Line in the list file, for messages.
    public var line: Int

    public init(syscall: String, path: SyscallPath, kind: UntestableKind, reason: String, line: Int) {
        self.syscall = syscall; self.path = path; self.kind = kind; self.reason = reason; self.line = line
    }
}

public struct UntestableList: Codable, Equatable, Sendable {
    /// The file it was read from, as given (messages name it).
    public var file: String
    public var entries: [UntestablePath]

    public init(file: String, entries: [UntestablePath]) { self.file = file; self.entries = entries }

    /// Where the repository keeps it.
    public static let repositoryPath = "TestCases/syscalls/untestable-paths.txt"

    public func entry(_ syscall: String, _ path: SyscallPath) -> UntestablePath? {
        entries.first { $0.syscall == syscall && $0.path == path }
    }

    public static func load(_ path: String) throws -> UntestableList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunnerError.usage("untestable-paths list '\(path)' cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RunnerError.usage("\(path): not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses the list; the first bad line is an error `file:line: what is wrong`.
    public static func parse(_ text: String, file: String) throws -> UntestableList {
        var entries: [UntestablePath] = []
        var seen: [String: Int] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = i + 1
            func bad(_ problem: String) -> RunnerError { .usage("\(file):\(number): \(problem)") }
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(maxSplits: 3, whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count == 4 else {
                throw bad("expected `syscall success|error impossible|host reason`, got \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            let name = fields[0]
            guard name.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }),
                  let first = name.first, first >= "a" && first <= "z" else {
                throw bad("'\(name)' is not a syscall name (lower-case letters, digits, _)")
            }
            guard let path = SyscallPath(rawValue: fields[1]) else {
                throw bad("path '\(fields[1])' is neither success nor error")
            }
            guard let kind = UntestableKind(rawValue: fields[2]) else {
                throw bad("kind '\(fields[2])' is neither impossible nor host")
            }
            let reason = fields[3].trimmingCharacters(in: .whitespaces)
            guard reason.count >= 10 else { throw bad("the reason '\(reason)' is too short to say why") }
            guard reason.count <= 300 else { throw bad("the reason is longer than 300 characters (one line, please)") }
            let key = name + " " + path.rawValue
            if let earlier = seen[key] { throw bad("\(name) \(path.rawValue) is already listed on line \(earlier)") }
            seen[key] = number
            entries.append(UntestablePath(syscall: name, path: path, kind: kind, reason: reason, line: number))
        }
        return UntestableList(file: file, entries: entries)
    }
}
