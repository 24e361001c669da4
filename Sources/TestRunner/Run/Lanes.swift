import Foundation

// A lane is one way of running a test: the host build directly, or a guest build under an emulator.

public enum LaneKind: String, Sendable, CaseIterable {
    case native, ferry, qemu
}

public struct Lane: Sendable, Equatable {
    public var kind: LaneKind
    /// The emulator's full path (nil for native).
    public var emulator: String?
    /// The prefix of the emulator's own error lines, for telling its failures from the test's.
    public var errorPrefix: String?
    /// ferry only: run with the JSON syscall trace, to record the syscalls each test called.
    public var trace = false

    public var name: String { kind.rawValue }
    public var isEmulated: Bool { kind != .native }

    public static let native = Lane(kind: .native, emulator: nil, errorPrefix: nil)

    /// Parses `native,ferry,qemu`.
    public static func parseKinds(_ list: String) throws -> [LaneKind] {
        var kinds: [LaneKind] = []
        for item in list.split(separator: ",").map({ String($0).trimmingSpaces.lowercased() }) where !item.isEmpty {
            guard let kind = LaneKind(rawValue: item) else {
                throw RunnerError.usage("unknown lane '\(item)' (lanes: native, ferry, qemu)")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        guard !kinds.isEmpty else { throw RunnerError.usage("--lanes needs at least one lane") }
        return kinds
    }

    /// The lane for `kind` on `arch`; nil with a reason when it cannot run here (qemu missing).
    public static func resolve(_ kind: LaneKind, arch: Architecture, ferryPath: String) throws -> (Lane?, String?) {
        switch kind {
        case .native:
            return (.native, nil)
        case .ferry:
            guard FileManager.default.isExecutableFile(atPath: ferryPath) else {
                throw RunnerError.usage("ferry not found at '\(ferryPath)'; build it (swift build -c release --product ferry) or pass --ferry PATH")
            }
            return (Lane(kind: .ferry, emulator: ferryPath, errorPrefix: "ferry:"), nil)
        case .qemu:
            guard let name = arch.qemu else { return (nil, "no qemu-user binary for \(arch.name)") }
            guard let path = Shell.which(name) else {
                return (nil, "qemu lane skipped for \(arch.name): \(name) not found (install the Debian package qemu-user)")
            }
            return (Lane(kind: .qemu, emulator: path, errorPrefix: name + ":"), nil)
        }
    }
}

/// `--shard K/N` (K counts from 1), or the same from CI environment variables.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    public var index: Int  // 1-based
    public var count: Int

    public var description: String { "\(index)/\(count)" }

    public static func parse(_ text: String) throws -> Shard {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else {
            throw RunnerError.usage("--shard takes K/N with 1 <= K <= N (e.g. 2/4), not '\(text)'")
        }
        return Shard(index: k, count: n)
    }

    /// From the environment, first match wins:
    /// FERRY_TEST_SHARD=K/N; GitLab's CI_NODE_INDEX/CI_NODE_TOTAL (1-based); a Kubernetes indexed
    /// Job's JOB_COMPLETION_INDEX (0-based) with FERRY_TEST_SHARD_COUNT (the Job's completions);
    /// a GitHub Actions matrix passing FERRY_TEST_SHARD_INDEX (0-based, e.g. strategy.job-index) and
    /// FERRY_TEST_SHARD_COUNT (strategy.job-total).
    public static func fromEnvironment(_ env: [String: String]) throws -> Shard? {
        if let s = env["FERRY_TEST_SHARD"], !s.isEmpty { return try parse(s) }
        func int(_ key: String) throws -> Int? {
            guard let v = env[key], !v.isEmpty else { return nil }
            guard let n = Int(v) else { throw RunnerError.usage("\(key)='\(v)' is not a number") }
            return n
        }
        if let k = try int("CI_NODE_INDEX"), let n = try int("CI_NODE_TOTAL") {
            return try parse("\(k)/\(n)")
        }
        let count = try int("FERRY_TEST_SHARD_COUNT")
        if let i = try int("JOB_COMPLETION_INDEX") ?? int("FERRY_TEST_SHARD_INDEX") {
            guard let n = count else {
                throw RunnerError.usage("a shard index is set (JOB_COMPLETION_INDEX or FERRY_TEST_SHARD_INDEX) but FERRY_TEST_SHARD_COUNT is not")
            }
            return try parse("\(i + 1)/\(n)")
        }
        return nil
    }

    /// Round-robin over the sorted list, so every shard gets a similar mix and shards never overlap.
    public func select<T>(_ items: [T]) -> [T] {
        items.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
