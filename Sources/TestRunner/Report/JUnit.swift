import Foundation

// junit-<arch>.xml: one <testsuite> per architecture and lane, one <testcase> per test program,
// classname <arch>.<lane>.<syscall folder>. Shaped to validate against the Apache Ant JUnit schema
// (properties, system-out and system-err in every suite; package and id inside <testsuites>;
// timestamps without a zone).
public enum JUnitWriter {
    public static func xml(for arch: String, summary: Summary) -> String {
        let records = summary.tests.filter { $0.arch == arch }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        let timestamp = String(summary.started.prefix(19)) // yyyy-MM-ddTHH:mm:ss
        let host = summary.environment.hostname.isEmpty ? "localhost" : summary.environment.hostname
        for (id, lane) in summary.lanes.enumerated() {
            let cases = records.filter { $0.lanes[lane] != nil }
            let outcomes = cases.map { $0.lanes[lane]! }
            let failures = outcomes.filter { $0 == .fail }.count
            let errors = outcomes.filter { [.broken, .timeout, .crash, .emulatorError].contains($0) }.count
            let skipped = outcomes.filter { $0 == .conf }.count
            let time = cases.reduce(0.0) { $0 + ($1.details[lane]?.seconds ?? 0) }
            out += "  <testsuite name=\"\(esc("\(arch).\(lane)"))\" package=\"\(esc("ferry-test.\(arch)"))\" id=\"\(id)\""
            out += " timestamp=\"\(esc(timestamp))\" hostname=\"\(esc(host))\" tests=\"\(cases.count)\""
            out += " failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(seconds(time))\">\n"
            out += "    <properties>\n"
            var props: [(String, String)] = [("arch", arch), ("lane", lane),
                                             ("ferry.version", summary.environment.ferryVersion),
                                             ("host.kernel", summary.environment.hostKernel)]
            for (a, cc) in summary.environment.compilers.sorted(by: { $0.key < $1.key }) { props.append(("compiler.\(a)", cc)) }
            if let shard = summary.shard { props.append(("shard", shard)) }
            // The baseline's reasons, in the emulated lanes' suites: a passing testcase has no
            // element that could carry one.
            if lane != "native" {
                for record in cases { if let reason = record.knownReason { props.append(("known-exception.\(record.name)", reason)) } }
            }
            // Reruns (--rerun-failures), here for the same reason: the schema gives a testcase no
            // properties or output of its own. `flaky.NAME` = `native: fail, pass` when a rerun
            // changed the outcome, `rerun.NAME` when every attempt ended the same way.
            for record in cases {
                guard let tried = record.attempts?[lane] else { continue }
                let kind = record.flaky?.contains(lane) == true ? "flaky" : "rerun"
                props.append(("\(kind).\(record.name)", "\(lane): " + tried.map(\.rawValue).joined(separator: ", ")))
            }
            for (name, value) in props {
                out += "      <property name=\"\(esc(name))\" value=\"\(esc(value))\"/>\n"
            }
            out += "    </properties>\n"
            for record in cases {
                let outcome = record.lanes[lane]!
                let detail = record.details[lane]
                let classname = "\(arch).\(lane).\(record.family.isEmpty ? record.name : record.family)"
                out += "    <testcase name=\"\(esc(record.name))\" classname=\"\(esc(classname))\" time=\"\(seconds(detail?.seconds ?? 0))\""
                let body = detail.map(text) ?? ""
                var message = detail.map { headline(outcome, $0) } ?? outcome.rawValue
                if lane != "native", let reason = record.knownReason { message = "known exception: \(reason); " + message }
                switch outcome {
                case .pass:
                    out += "/>\n"
                case .conf:
                    // <skipped> has no declared type in the schema (anyType): a message is allowed.
                    out += ">\n      <skipped message=\"\(esc(message))\"/>\n    </testcase>\n"
                case .fail:
                    out += ">\n      <failure message=\"\(esc(message))\" type=\"fail\">\(esc(body))</failure>\n    </testcase>\n"
                default:
                    out += ">\n      <error message=\"\(esc(message))\" type=\"\(outcome.rawValue)\">\(esc(body))</error>\n    </testcase>\n"
                }
            }
            out += "    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// First verdict line that explains the outcome, for the message attribute.
    static func headline(_ outcome: Outcome, _ d: LaneDetail) -> String {
        let wanted: [String]
        switch outcome {
        case .fail: wanted = ["TFAIL"]
        case .conf: wanted = ["TCONF"]
        default: wanted = ["TBROK", "TFAIL", "TWARN"]
        }
        let line = d.results.first { r in wanted.contains { r.contains(": \($0): ") } }
        var status = ""
        if let e = d.exit { status = "exit \(e)" }
        if let s = d.signal { status = "signal \(s)" }
        if d.timedOut == true { status = "killed on timeout" }
        return [outcome.rawValue, status, line ?? ""].filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// The failure text: every verdict line (several TPASS/TFAIL lines are kept), then the output.
    static func text(_ d: LaneDetail) -> String {
        var s = "Results: passed \(d.counts.passed), failed \(d.counts.failed), broken \(d.counts.broken), skipped \(d.counts.skipped), warnings \(d.counts.warnings)\n"
        if !d.results.isEmpty { s += d.results.joined(separator: "\n") + "\n" }
        s += "--- output ---\n" + d.output
        return s
    }

    static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }

    /// XML escaping; characters XML 1.0 cannot carry at all (most C0 controls) become U+FFFD.
    public static func esc(_ s: String) -> String {
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "\n", "\t": r.unicodeScalars.append(u)
            case "\r": r += "&#13;"
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { r += "\u{FFFD}" }
                else { r.unicodeScalars.append(u) }
            }
        }
        return r
    }
}
