import Foundation

// Finds LTP-style test programs: every `.c` directly inside a family folder
// (`TestCases/syscalls/<name>/<name>NN.c`), with the syscalls and ioctls it declares in
// `SYSCALLS:` / `IOCTLS:` comment lines. `.h` files beside a test are its shared helpers.

public struct TestCase: Codable, Equatable, Sendable {
    /// Program name (the file name without `.c`), unique in a corpus.
    public var name: String
    /// The folder it lives in (`open`, `tty`), and the folder above (`syscalls`, `ioctls`).
    public var family: String
    public var group: String
    public var source: String
    public var syscalls: [String]
    public var ioctls: [String]
}

public enum Discovery {
    /// Tests under each of `roots`. A root is either a group folder (holding family folders) or a
    /// family folder itself (holding `.c` files). Sorted by name; duplicate names are an error.
    public static func discover(roots: [String]) throws -> [TestCase] {
        let fm = FileManager.default
        var tests: [TestCase] = []
        for root in roots {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
                throw RunnerError.usage("corpus folder '\(root)' does not exist")
            }
            let entries = try sortedEntries(root)
            let direct = entries.filter { $0.hasSuffix(".c") }
            if !direct.isEmpty {
                tests += try direct.map { try testCase(folder: root, file: $0) }
            }
            for entry in entries where !entry.hasPrefix(".") && entry != "build" {
                let sub = root + "/" + entry
                guard fm.fileExists(atPath: sub, isDirectory: &isDir), isDir.boolValue else { continue }
                for file in try sortedEntries(sub) where file.hasSuffix(".c") {
                    tests.append(try testCase(folder: sub, file: file))
                }
            }
        }
        tests.sort { $0.name < $1.name }
        for (a, b) in zip(tests, tests.dropFirst()) where a.name == b.name {
            throw RunnerError.usage("two tests named '\(a.name)': \(a.source) and \(b.source)")
        }
        return tests
    }

    static func sortedEntries(_ path: String) throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
        catch { throw RunnerError.io("cannot list '\(path)': \(error.localizedDescription)") }
    }

    static func testCase(folder: String, file: String) throws -> TestCase {
        let path = folder + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunnerError.io("cannot read '\(path)'")
        }
        let text = String(decoding: data, as: UTF8.self)
        let family = (folder as NSString).lastPathComponent
        let group = ((folder as NSString).deletingLastPathComponent as NSString).lastPathComponent
        return TestCase(name: String(file.dropLast(2)), family: family, group: group, source: path,
                        syscalls: declared("SYSCALLS", in: text), ioctls: declared("IOCTLS", in: text))
    }

    /// Names from every line matching `^[ /*]*KEY:`, up to `*/` (ltp-ports/README.md's rule).
    public static func declared(_ key: String, in text: String) -> [String] {
        var names: [String] = []
        for raw in text.split(separator: "\n") {
            var line = Substring(raw)
            while let c = line.first, c == " " || c == "/" || c == "*" || c == "\t" { line.removeFirst() }
            guard line.hasPrefix(key + ":") else { continue }
            line = line.dropFirst(key.count + 1)
            if let end = line.range(of: "*/") { line = line[..<end.lowerBound] }
            for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
                let name = String(word)
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }
}
