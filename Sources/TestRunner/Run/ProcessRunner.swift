import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Runs one program in its own process group and working directory, stdout and stderr together into
// a file, under a timeout. On timeout the whole tree is killed: the group, and every descendant
// that moved to a group of its own (the LTP library puts its test process in a new group).

public struct ProcessSpec: Sendable {
    public var argv: [String]
    public var environment: [String: String]
    public var workingDirectory: String
    public var outputPath: String
    public var timeout: Double

    public init(argv: [String], environment: [String: String], workingDirectory: String,
                outputPath: String, timeout: Double) {
        self.argv = argv; self.environment = environment
        self.workingDirectory = workingDirectory; self.outputPath = outputPath; self.timeout = timeout
    }
}

public struct ProcessOutcome: Sendable {
    public var termination: Termination
    public var seconds: Double
}

/// Process groups of running tests, so an interrupt can kill them all.
public final class RunningProcesses: @unchecked Sendable {
    private let lock = NSLock()
    private var pids: Set<pid_t> = []
    private var stopped = false

    public init() {}

    func add(_ pid: pid_t) -> Bool {
        lock.lock(); defer { lock.unlock() }
        if stopped { return false }
        pids.insert(pid); return true
    }
    func remove(_ pid: pid_t) { lock.lock(); pids.remove(pid); lock.unlock() }

    /// Kills every running test tree and refuses new ones.
    public func stopAll() {
        lock.lock(); stopped = true; let all = pids; lock.unlock()
        for pid in all { ProcessRunner.killTree(pid) }
    }
    public var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }
}

public enum ProcessRunner {
    /// glibc 2.29's posix_spawn_file_actions_addchdir_np, which Swift's Glibc module does not
    /// export: looked up once at run time.
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    static let addchdir: AddChdir? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    public static func run(_ spec: ProcessSpec, registry: RunningProcesses? = nil) -> ProcessOutcome {
        let start = Date()
        var actions = posix_spawn_file_actions_t()
        var attr = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attr)
        defer { posix_spawn_file_actions_destroy(&actions); posix_spawnattr_destroy(&attr) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, spec.outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argvList = spec.argv
        if let addchdir = Self.addchdir {
            _ = addchdir(&actions, spec.workingDirectory)
        } else {
            argvList = ["/usr/bin/env", "-C", spec.workingDirectory] + argvList // older C libraries
        }
        // Own group; default dispositions and an empty mask, whatever the runner ignores or blocks.
        var defaults = sigset_t(); sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL); sigdelset(&defaults, SIGSTOP)
        var empty = sigset_t(); sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setpgroup(&attr, 0)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = argvList.map { strdup($0) } + [nil]
        let envp = spec.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argvList[0], &actions, &attr, argv, envp)
        guard rc == 0 else {
            return ProcessOutcome(termination: .spawnFailed("\(spec.argv[0]): \(String(cString: strerror(rc)))"),
                                  seconds: Date().timeIntervalSince(start))
        }
        if let registry, !registry.add(pid) { killTree(pid) }
        defer { registry?.remove(pid) }

        let deadline = start.addingTimeInterval(spec.timeout)
        var status: Int32 = 0
        var sleepMicros: UInt32 = 1000
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR {
                return ProcessOutcome(termination: .spawnFailed("waitpid: \(String(cString: strerror(errno)))"),
                                      seconds: Date().timeIntervalSince(start))
            }
            if Date() >= deadline {
                killTree(pid)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return ProcessOutcome(termination: .timedOut, seconds: Date().timeIntervalSince(start))
            }
            usleep(sleepMicros)
            sleepMicros = min(sleepMicros * 2, 20_000)
        }
        // Whatever the test left behind in its group goes too.
        kill(-pid, SIGKILL)
        let seconds = Date().timeIntervalSince(start)
        let termSig = status & 0x7f
        if termSig == 0 { return ProcessOutcome(termination: .exited((status >> 8) & 0xff), seconds: seconds) }
        return ProcessOutcome(termination: .signaled(termSig), seconds: seconds)
    }

    /// Stops the tree rooted at `root` (so nothing forks while we look), then kills every process
    /// and process group in it. Descendants are found through /proc's parent links.
    public static func killTree(_ root: pid_t) {
        var seen: Set<pid_t> = [root]
        for _ in 0..<3 {
            let tree = descendants(of: root)
            for pid in tree where !seen.contains(pid) { seen.insert(pid) }
            for pid in seen { kill(pid, SIGSTOP) }
        }
        for pid in seen {
            let group = getpgid(pid)
            if group > 1 && group != getpgrp() { kill(-group, SIGKILL) }
            kill(pid, SIGKILL)
        }
        kill(-root, SIGKILL)
    }

    static func descendants(of root: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var parent: [pid_t: pid_t] = [:]
        for entry in entries {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.range(of: ")", options: .backwards) else { continue }
            // After "pid (comm)": state, ppid.
            let fields = stat[close.upperBound...].split(separator: " ")
            if fields.count > 1, let ppid = pid_t(fields[1]) { parent[pid] = ppid }
        }
        var result: [pid_t] = []
        var visited: Set<pid_t> = [root]
        var queue = [root]
        while let current = queue.popLast() {
            for (pid, ppid) in parent where ppid == current && !visited.contains(pid) {
                visited.insert(pid); result.append(pid); queue.append(pid)
            }
        }
        return result
    }
}
