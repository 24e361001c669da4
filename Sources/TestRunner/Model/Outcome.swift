// What one test gave in one lane, and how an emulated lane compares with native.

/// The outcome of one test program in one lane.
public enum Outcome: String, Codable, Sendable, CaseIterable {
    case pass, fail, broken, conf, timeout, crash
    /// The emulator itself failed (it refused the program, or died of a host signal where native did not).
    case emulatorError = "emulator-error"

    public var passed: Bool { self == .pass }
}

/// How an emulated lane's outcome relates to native's for the same test.
public enum Comparison: String, Codable, Sendable, CaseIterable {
    /// Both passed.
    case conformant
    /// Native passed, the emulated lane did not.
    case regression
    /// The emulated lane passed where native did not.
    case emulatedOnlyPass = "emulated-only-pass"
    /// Neither passed (and not both TCONF).
    case bothFail = "both-fail"
    /// Both were not applicable here (TCONF).
    case bothConf = "both-conf"

    public static func of(native: Outcome, emulated: Outcome) -> Comparison {
        switch (native, emulated) {
        case (.pass, .pass): return .conformant
        case (.pass, _): return .regression
        case (_, .pass): return .emulatedOnlyPass
        case (.conf, .conf): return .bothConf
        default: return .bothFail
        }
    }
}

/// How a test process ended, as the runner saw it.
public enum Termination: Equatable, Sendable, Codable {
    case exited(Int32)
    case signaled(Int32)
    /// The runner's own timeout fired and it killed the whole process tree.
    case timedOut
    /// The program could not be started at all (errno from posix_spawn).
    case spawnFailed(String)
}

/// Turns a termination and its parsed output into an outcome.
public enum Classifier {
    /// Exit statuses ferry uses for its own failures (cannot load, not found, bad command line).
    static let emulatorExitStatuses: Set<Int32> = [126, 127, 64]

    /// - Parameters:
    ///   - emulatorPrefix: for an emulated lane, the prefix of the emulator's own error lines
    ///     (`ferry:`); nil for native.
    ///   - nativeCrashed: whether the native lane of the same test was killed by a signal; a signal
    ///     death of the emulator where native did not crash is the emulator's fault.
    public static func classify(_ termination: Termination, output parsed: LTPOutput,
                                emulatorPrefix: String? = nil, nativeCrashed: Bool = false) -> Outcome {
        switch termination {
        case .timedOut:
            return .timeout
        case .spawnFailed:
            return emulatorPrefix == nil ? .broken : .emulatorError
        case .signaled:
            if emulatorPrefix != nil && !nativeCrashed { return .emulatorError }
            return .crash
        case .exited(let status):
            if let prefix = emulatorPrefix, emulatorExitStatuses.contains(status),
               parsed.rawLines.contains(where: { $0.hasPrefix(prefix) }) {
                return .emulatorError
            }
            if parsed.timeoutReported { return .timeout }
            let outcome = fromExitStatus(status, parsed)
            // The LTP library reports a test process or child killed by a signal as TBROK
            // "... killed by signal SIGSEGV": that is a crash of the test, not a broken setup.
            if outcome == .broken, parsed.results.contains(where: { $0.type == .TBROK && $0.message.contains("killed by signal") }) {
                return .crash
            }
            return outcome
        }
    }

    /// LTP's exit bits: TFAIL 1, TBROK 2, TWARN 4, TCONF 32 (only when nothing passed).
    /// TWARN counts as broken: something went wrong outside the code under test.
    static func fromExitStatus(_ status: Int32, _ parsed: LTPOutput) -> Outcome {
        if status == 0 {
            // The exit status is authoritative, but a Summary that counts failures is not a pass.
            if let s = parsed.summary {
                if s.broken > 0 || s.warnings > 0 { return .broken }
                if s.failed > 0 { return .fail }
            }
            return .pass
        }
        if status & ~Int32(1 | 2 | 4 | 32) != 0 { return .broken } // not an LTP status at all
        if status & 2 != 0 || status & 4 != 0 { return .broken }
        if status & 1 != 0 { return .fail }
        return .conf
    }
}
