import Foundation
#if canImport(Glibc)
import Glibc
#endif

// ProgressReporter on stderr: on a terminal a live bar with counts and time left; otherwise (CI) one plain
// line per finished run.
public final class ProgressReporter: @unchecked Sendable {
    public enum Style: Sendable { case bar, lines, quiet }

    let style: Style
    let lock = NSLock()
    var total = 0
    var done = 0
    var counts: [Outcome: Int] = [:]
    var startTime = Date()
    var lastDraw = Date.distantPast
    let write: @Sendable (String) -> Void

    public init(style: Style, write: @escaping @Sendable (String) -> Void = { text in
        _ = text.withCString { fputs($0, stderr) }; fflush(stderr)
    }) {
        self.style = style; self.write = write
    }

    /// Bar when stderr is a terminal and CI is not set, plain lines otherwise.
    public static func automatic() -> ProgressReporter {
        let ci = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
        return ProgressReporter(style: isatty(2) != 0 && !ci ? .bar : .lines)
    }

    func start(total: Int) {
        lock.lock(); self.total = total; done = 0; counts = [:]; startTime = Date(); lock.unlock()
    }

    func finished(test: String, arch: String, lane: String, outcome: Outcome, seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        counts[outcome, default: 0] += 1
        switch style {
        case .quiet: return
        case .lines:
            let width = String(total).count
            let n = String(done).leftPadded(to: width)
            write("[\(n)/\(total)] \(arch.padded(to: 8)) \(lane.padded(to: 6)) \(test.padded(to: 24)) \(outcome.rawValue.padded(to: 14)) \(String(format: "%.2fs", seconds))\n")
        case .bar:
            // A failure that is not native's stays visible above the bar.
            if outcome != .pass && outcome != .conf {
                write("\r\u{1B}[K\(arch) \(lane) \(test): \(outcome.rawValue)\n")
            }
            if Date().timeIntervalSince(lastDraw) > 0.1 || done == total { drawBar(); lastDraw = Date() }
        }
    }

    /// One line per rerun (--rerun-failures), in every style but quiet: they come after the bar ends.
    func reran(test: String, arch: String, lane: String, attempts: [Outcome], seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        if style == .quiet { return }
        write("attempt \(attempts.count): \(arch.padded(to: 8)) \(lane.padded(to: 6)) \(test.padded(to: 24)) \(attempts.map(\.rawValue).joined(separator: " then ")) \(String(format: "%.2fs", seconds))\n")
    }

    func drawBar() {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let elapsed = Date().timeIntervalSince(startTime)
        let left = done == 0 ? 0 : elapsed / Double(done) * Double(total - done)
        let tally = Outcome.allCases.compactMap { o in counts[o].map { "\(o.rawValue) \($0)" } }.joined(separator: " ")
        write("\r\u{1B}[K[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total) \(tally) ~\(Self.duration(left)) left")
    }

    func end() {
        lock.lock(); defer { lock.unlock() }
        if style == .bar { drawBar(); write("\n") }
    }

    static func duration(_ s: Double) -> String {
        let secs = Int(s.rounded())
        return secs >= 60 ? "\(secs / 60)m\(String(secs % 60).leftPadded(to: 2, with: "0"))s" : "\(secs)s"
    }
}

extension String {
    func padded(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
