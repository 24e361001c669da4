import Foundation

// Builds the ltp-ports library and each test as a static binary per architecture, in parallel,
// cached by content hash: a binary is rebuilt only when its source, a helper header beside it,
// the library, the compiler or the flags changed. Same flags and layout as ltp-ports/build.sh.

public struct BuildConfig: Sendable {
    /// ltp-ports/lib (holds *.c and include/).
    public var libraryDir: String
    /// Where binaries go: <buildDir>/<arch>/bin.
    public var buildDir: String
    public var jobs: Int
    public var extraCFlags: [String] = []

    public init(libraryDir: String, buildDir: String, jobs: Int) {
        self.libraryDir = libraryDir; self.buildDir = buildDir; self.jobs = jobs
    }

    static let cflags = ["-O2", "-g", "-Wall", "-Wextra", "-Wno-unused-parameter", "-Wno-sign-compare", "-D_GNU_SOURCE"]
}

/// What building one test for one architecture gave.
public enum BuildProduct: Sendable, Equatable {
    case binary(String)
    case failed(log: String)
}

public struct BuildReport: Sendable {
    public var arch: String
    public var compiler: String
    public var compilerVersion: String
    public var products: [String: BuildProduct] = [:]
    public var built = 0, cached = 0, failed = 0
}

public final class Builder: @unchecked Sendable {
    let config: BuildConfig
    public init(config: BuildConfig) { self.config = config }

    /// The compiler for `arch`, or the one-line error naming the Debian package.
    public static func compiler(for arch: Architecture) throws -> String {
        guard let path = Shell.which(arch.compiler) else {
            throw RunnerError.missingCompiler(arch: arch.name, compiler: arch.compiler, package: arch.debianPackage)
        }
        return path
    }

    public func build(_ tests: [TestCase], for arch: Architecture,
                      registry: RunningProcesses? = nil) throws -> BuildReport {
        let cc = try Self.compiler(for: arch)
        let version = Shell.capture([cc, "-dumpfullversion"]).output.trimmingSpaces
        var report = BuildReport(arch: arch.name, compiler: arch.compiler, compilerVersion: version)
        let archDir = config.buildDir + "/" + arch.name
        let fm = FileManager.default
        for sub in ["bin", "lib", "logs", "obj"] {
            try? fm.createDirectory(atPath: archDir + "/" + sub, withIntermediateDirectories: true)
        }
        let flags = BuildConfig.cflags + config.extraCFlags
        var common = ContentHash()
        common.add(cc); common.add(version); flags.forEach { common.add($0) }
        let library = try buildLibrary(cc: cc, flags: flags, archDir: archDir, keyBase: common)

        let results = Locked([String: BuildProduct]())
        let counts = Locked((built: 0, cached: 0, failed: 0))
        let include = config.libraryDir + "/include"
        parallelForEach(count: tests.count, jobs: config.jobs, shouldStop: { registry?.isStopped ?? false }) { i in
            let test = tests[i]
            let folder = (test.source as NSString).deletingLastPathComponent
            var key = ContentHash()
            key.add(library.key)
            key.add((try? Data(contentsOf: URL(fileURLWithPath: test.source))).map { [UInt8]($0) } ?? [])
            for header in Self.headers(in: folder) {
                key.add(header)
                key.add((try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + header))).map { [UInt8]($0) } ?? [])
            }
            let binary = "\(archDir)/bin/\(test.name)"
            let keyFile = binary + ".key"
            if fm.isExecutableFile(atPath: binary),
               (try? String(contentsOfFile: keyFile, encoding: .utf8)) == key.hex {
                results.withValue { $0[test.name] = .binary(binary) }
                counts.withValue { $0.cached += 1 }
                return
            }
            let log = "\(archDir)/logs/\(test.name).build.log"
            let temp = binary + ".tmp\(getpid())"
            let argv = [cc] + flags + ["-I" + include, "-static", "-o", temp,
                                       (test.source as NSString).lastPathComponent, library.path]
            let run = ProcessRunner.run(ProcessSpec(argv: argv, environment: ProcessInfo.processInfo.environment,
                                                    workingDirectory: folder, outputPath: log, timeout: 300),
                                        registry: registry)
            if run.termination == .exited(0), rename(temp, binary) == 0 {
                try? key.hex.write(toFile: keyFile, atomically: true, encoding: .utf8)
                try? fm.removeItem(atPath: log)
                results.withValue { $0[test.name] = .binary(binary) }
                counts.withValue { $0.built += 1 }
            } else {
                unlink(temp)
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "\(run.termination)"
                results.withValue { $0[test.name] = .failed(log: "build failed for \(arch.name) (\(log)):\n" + text) }
                counts.withValue { $0.failed += 1 }
            }
        }
        report.products = results.snapshot
        let c = counts.snapshot
        report.built = c.built; report.cached = c.cached; report.failed = c.failed
        return report
    }

    static func headers(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".h") }.sorted()
    }

    /// libltp.a for one compiler and flag set, named by the hash of everything it is built from.
    func buildLibrary(cc: String, flags: [String], archDir: String, keyBase: ContentHash) throws -> (path: String, key: String) {
        let lib = config.libraryDir
        let fm = FileManager.default
        var files: [String] = []
        for dir in [lib, lib + "/include", lib + "/include/lapi"] {
            for f in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where f.hasSuffix(".c") || f.hasSuffix(".h") {
                files.append(dir + "/" + f)
            }
        }
        let sources = files.filter { $0.hasSuffix(".c") && ($0 as NSString).deletingLastPathComponent == lib }
        guard !sources.isEmpty else { throw RunnerError.usage("no library sources in '\(lib)' (expected ltp-ports/lib)") }
        var key = keyBase
        for f in files { key.add(f.replacingOccurrences(of: lib, with: "")); key.add([UInt8](fm.contents(atPath: f) ?? Data())) }
        let path = "\(archDir)/lib/libltp-\(key.hex).a"
        if fm.fileExists(atPath: path) { return (path, key.hex) }
        let objDir = "\(archDir)/obj/\(key.hex)"
        try? fm.createDirectory(atPath: objDir, withIntermediateDirectories: true)
        var objects: [String] = []
        for src in sources {
            let name = ((src as NSString).lastPathComponent as NSString).deletingPathExtension
            let obj = "\(objDir)/\(name).o"
            let log = "\(archDir)/logs/lib-\(name).build.log"
            // Compiled from inside lib/ so __FILE__ is "tst_test.c", as in LTP's output.
            let run = ProcessRunner.run(ProcessSpec(argv: [cc] + flags + ["-I" + lib + "/include", "-I.", "-c", name + ".c", "-o", obj],
                                                    environment: ProcessInfo.processInfo.environment,
                                                    workingDirectory: lib, outputPath: log, timeout: 300))
            guard run.termination == .exited(0) else {
                throw RunnerError.build("library file \(src) failed to compile for \(archDir) (log: \(log))")
            }
            objects.append(obj)
        }
        let ar = ((cc as NSString).lastPathComponent.hasSuffix("gcc") ? String(cc.dropLast(3)) + "ar" : "ar")
        let arPath = Shell.which(ar) ?? Shell.which("ar") ?? "ar"
        let temp = path + ".tmp\(getpid())"
        let run = ProcessRunner.run(ProcessSpec(argv: [arPath, "rcs", temp] + objects, environment: ProcessInfo.processInfo.environment,
                                                workingDirectory: archDir, outputPath: "\(archDir)/logs/lib-ar.log", timeout: 120))
        guard run.termination == .exited(0), rename(temp, path) == 0 else {
            throw RunnerError.build("archiving \(path) failed (log: \(archDir)/logs/lib-ar.log)")
        }
        return (path, key.hex)
    }
}
