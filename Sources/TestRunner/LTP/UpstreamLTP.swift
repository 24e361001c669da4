import Foundation

// An upstream LTP installation that a user built: runtest/<name> lists `tag command args`,
// binaries live in testcases/bin. A skip list names tags that must not run on this machine.

public struct RuntestEntry: Equatable, Sendable {
    public var tag: String
    public var command: [String]
}

public enum UpstreamLTP {
    /// LTP's environment for its tests: LTPROOT, its binaries first on PATH, no colour, the timeout
    /// multiplier. (TMPDIR is set per test by the runner.)
    public static func environment(ltpRoot: String, timeoutMul: String, path: String) -> [String: String] {
        ["LTPROOT": ltpRoot, "LTP_COLORIZE_OUTPUT": "0", "LTP_TIMEOUT_MUL": timeoutMul,
         "PATH": ltpRoot + "/testcases/bin:" + path]
    }

    /// Parses a runtest file: `tag command [args...]`, `#` comments and blank lines ignored.
    public static func parseRuntest(_ text: String, path: String) throws -> [RuntestEntry] {
        var entries: [RuntestEntry] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count >= 2 else {
                throw RunnerError.usage("\(path):\(n + 1): a runtest line needs a tag and a command: '\(line)'")
            }
            entries.append(RuntestEntry(tag: words[0], command: Array(words.dropFirst())))
        }
        return entries
    }

    /// Skip-list entries: one tag per line (`*` and `?` wildcards allowed), `#` comments.
    public static func parseSkipList(_ text: String) -> [String] {
        text.split(separator: "\n").map { line -> String in
            let s = String(line)
            return (s.firstIndex(of: "#").map { String(s[..<$0]) } ?? s).trimmingSpaces
        }.filter { !$0.isEmpty }
    }

    public static func matches(_ tag: String, pattern: String) -> Bool {
        fnmatch(pattern, tag, 0) == 0
    }

    /// The syscall a tag is about, by LTP's naming: `open01` -> open, `accept4_01` -> accept4.
    public static func syscallName(forTag tag: String) -> String {
        var s = Substring(tag)
        while let c = s.last, c.isNumber { s.removeLast() }
        while s.last == "_" { s.removeLast() }
        return s.isEmpty ? tag : String(s)
    }

    /// Run items for a runtest file. The emulated lanes run the guest build under the emulator when
    /// the command is a guest ELF; a script cannot (its guest children would need binfmt_misc), so
    /// it is TCONF there with that reason. The native lane runs `native-ltp-root`'s build.
    public static func items(entries: [RuntestEntry], runtestName: String, ltpRoot: String, nativeRoot: String?,
                             arch: Architecture, skip: [String], skipFile: String?) -> [RunItem] {
        entries.map { entry in
            let name = syscallName(forTag: entry.tag)
            let test = TestCase(name: entry.tag, family: name, group: runtestName, source: "\(ltpRoot)/runtest/\(runtestName)",
                                syscalls: [name], ioctls: [])
            if skip.contains(where: { matches(entry.tag, pattern: $0) }) {
                let why = Command.unsupported("in the skip list \(skipFile ?? "")")
                return RunItem(test: test, native: why, guest: [arch.name: why])
            }
            let guest = command(entry.command, binDir: ltpRoot + "/testcases/bin", expect: arch)
            let native: Command = nativeRoot.map { command(entry.command, binDir: $0 + "/testcases/bin", expect: .host) }
                ?? .unsupported("no --native-ltp-root given")
            return RunItem(test: test, native: native, guest: [arch.name: guest])
        }
    }

    static func command(_ words: [String], binDir: String, expect: Architecture) -> Command {
        let program = words[0].contains("/") ? words[0] : binDir + "/" + words[0]
        guard FileManager.default.isExecutableFile(atPath: program) else {
            return .unsupported("\(program) is not installed")
        }
        if let arch = Architecture.ofELF(atPath: program) {
            guard arch == expect else { return .unsupported("\(program) is built for \(arch.name), not \(expect.name)") }
            return .argv([program] + words.dropFirst())
        }
        if expect == .host { return .argv(["/bin/sh", "-c", words.joined(separator: " ")]) }
        return .unsupported("\(words[0]) is a script; its guest programs would need binfmt_misc under emulation")
    }
}
