import Foundation

public enum Shell {
    /// The full path of `name` on PATH (or `name` itself when it contains a slash and exists).
    public static func which(_ name: String, path: String? = nil) -> String? {
        let fm = FileManager.default
        if name.contains("/") { return fm.isExecutableFile(atPath: name) ? name : nil }
        let search = path ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in search.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a short command and returns its stdout+stderr and exit status (nil status: did not run).
    public static func capture(_ argv: [String], timeout: Double = 30) -> (output: String, status: Int32?) {
        guard let exe = which(argv[0]) else { return ("", nil) }
        let dir = NSTemporaryDirectory() + "ferry-test-sh-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spec = ProcessSpec(argv: [exe] + argv.dropFirst(), environment: ProcessInfo.processInfo.environment,
                               workingDirectory: dir, outputPath: dir + "/out", timeout: timeout)
        let result = ProcessRunner.run(spec)
        let output = (try? String(contentsOfFile: dir + "/out", encoding: .utf8)) ?? ""
        if case .exited(let status) = result.termination { return (output, status) }
        return (output, nil)
    }
}
