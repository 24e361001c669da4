import Foundation

// The coverage matrix: a row per syscall (and per declared ioctl), a column group per architecture:
// ferry's support level, the tests that declare it, the tests that called it under ferry's trace,
// whether the trace saw it succeed and with which errnos it failed, and the pass rate in each lane.
// Then the known exceptions (tests whose ferry outcome differs from native, with the baseline's
// reason), the implemented syscalls lacking a success or an error path, and the manifest gaps.

public struct PassRate: Codable, Equatable, Sendable {
    public var passed: Int
    public var total: Int
    public var text: String { total == 0 ? "-" : "\(passed)/\(total)" }
    public var percent: Double? { total == 0 ? nil : Double(passed) * 100 / Double(total) }
}

public struct MatrixCell: Codable, Equatable, Sendable {
    /// ferry's support level for the syscall on this architecture ("" if not in its table).
    public var support: String
    /// Tests declaring the syscall (SYSCALLS:/IOCTLS: lines).
    public var tests: [String]
    /// Lane name to pass rate over those tests.
    public var pass: [String: PassRate]
    /// Tests whose ferry trace shows the syscall called (declared or not); nil when no test of
    /// this architecture was traced.
    public var calling: [String]?
    /// Traced calls that succeeded, summed over the tests; nil when untraced (as `calling`).
    public var okCalls: Int?
    /// Tests in which at least one call succeeded.
    public var okTests: [String]?
    /// Errno name to failed calls, summed over the tests.
    public var errorCalls: [String: Int]?
    /// Errno name to the tests in which a call failed with it.
    public var errorTests: [String: [String]]?

    /// The errno names seen, sorted; empty when untraced or none.
    public var errnos: [String] { (errorCalls ?? [:]).keys.sorted() }
}

public struct MatrixRow: Codable, Equatable, Sendable {
    public var kind: String  // "syscall" or "ioctl"
    public var name: String
    public var arch: [String: MatrixCell]
}

/// One test and lane that `--rerun-failures` ran again, with every attempt's outcome.
public struct RerunLane: Codable, Equatable, Sendable {
    public var arch: String
    public var test: String
    public var lane: String
    public var attempts: [Outcome]
    /// A rerun ended otherwise than the first run (the recorded outcome is the rerun's).
    public var flaky: Bool

    /// `aarch64 harness_flaky [native]: fail then pass`.
    public var line: String { "\(arch) \(test) [\(lane)]: \(attempts.map(\.rawValue).joined(separator: " then "))" }

    /// Every re-run lane of the summary's records, flaky ones first.
    static func all(in summary: Summary) -> [RerunLane] {
        let found = summary.tests.flatMap { t in
            (t.attempts ?? [:]).map { lane, tried in
                RerunLane(arch: t.arch, test: t.name, lane: lane, attempts: tried, flaky: t.flaky?.contains(lane) ?? false)
            }
        }
        return found.sorted { ($0.flaky ? 0 : 1, $0.arch, $0.test, $0.lane) < ($1.flaky ? 0 : 1, $1.arch, $1.test, $1.lane) }
    }
}

public struct Matrix: Codable, Equatable, Sendable {
    public var format = "ferry-test-matrix"
    public var version = 1
    public var architectures: [String]
    public var lanes: [String]
    public var rows: [MatrixRow]
    /// Architecture to lane to outcome to number of tests, for the charts.
    public var outcomes: [String: [String: [String: Int]]]
    /// Architecture to the syscalls every traced test that passed under ferry called (loader, C
    /// library start-up, the LTP library): left out of `gaps`' undeclared lists. Nil if untraced.
    public var harness: [String: [String]]?
    /// Per traced test that passed under ferry, where its SYSCALLS: line and its trace disagree.
    public var gaps: [ManifestGap]?
    /// Per architecture with native and ferry lanes: tests with their native outcome under ferry,
    /// and the others with the baseline's reason (from the records). Nil in older matrices.
    public var conformance: [Conformance]?
    /// Implemented syscalls the traced corpus never saw succeed or never saw fail, per traced
    /// architecture. Nil when nothing was traced.
    public var pathGaps: [PathGap]?
    /// Per traced architecture: syscalls ferry implements, and how many of them the corpus saw both
    /// succeed and fail.
    public var pathCounts: [String: PathCounts]?
    /// Per traced architecture, the one-line summary of the path classification.
    public var pathHeadlines: [String]?
    /// The untestable-paths list the classification used (nil: none, every missing path is a gap).
    public var untestableFile: String?
    /// List entries the corpus contradicts (it shows that path), and entries for syscalls no traced
    /// architecture implements.
    public var staleEntries: [StaleEntry]?
    public var unmatchedEntries: [UntestablePath]?
    /// The test/lane pairs a rerun was given (`--rerun-failures`), flaky ones first. Nil when none.
    public var reruns: [RerunLane]?

    public init(summary: Summary) {
        architectures = summary.architectures
        lanes = summary.lanes
        var names: [String: Set<String>] = ["syscall": [], "ioctl": []]
        for (_, table) in summary.support { names["syscall"]!.formUnion(table.keys) }
        for t in summary.tests {
            names["syscall"]!.formUnion(t.syscalls); names["ioctl"]!.formUnion(t.ioctls)
            names["syscall"]!.formUnion(t.called ?? [])
        }
        let tracedArchs = Set(summary.tests.filter { $0.called != nil }.map(\.arch))
        // Per architecture, per syscall: calls and tests by how the calls ended.
        var paths: [String: [String: (ok: Int, okTests: [String], errors: [String: Int], errorTests: [String: [String]])]] = [:]
        for t in summary.tests {
            for (name, c) in t.calls ?? [:] {
                var p = paths[t.arch, default: [:]][name] ?? (0, [], [:], [:])
                p.ok += c.ok
                if c.ok > 0 { p.okTests.append(t.name) }
                for (errno, n) in c.errors ?? [:] { p.errors[errno, default: 0] += n; p.errorTests[errno, default: []].append(t.name) }
                paths[t.arch, default: [:]][name] = p
            }
        }
        // Summaries written before `calls` existed have `called` only: no path columns then.
        let pathArchs = Set(summary.tests.filter { $0.calls != nil }.map(\.arch))
        var rows: [MatrixRow] = []
        for kind in ["syscall", "ioctl"] {
            for name in names[kind]!.sorted() {
                var row = MatrixRow(kind: kind, name: name, arch: [:])
                for arch in summary.architectures {
                    let tests = summary.tests.filter { $0.arch == arch && (kind == "syscall" ? $0.syscalls : $0.ioctls).contains(name) }
                    var pass: [String: PassRate] = [:]
                    for lane in summary.lanes {
                        let ran = tests.compactMap { $0.lanes[lane] }
                        pass[lane] = PassRate(passed: ran.filter(\.passed).count, total: ran.count)
                    }
                    let calling = kind == "syscall" && tracedArchs.contains(arch)
                        ? summary.tests.filter { $0.arch == arch && ($0.called ?? []).contains(name) }.map(\.name) : nil
                    var cell = MatrixCell(support: kind == "syscall" ? summary.support[arch]?[name] ?? "" : "",
                                          tests: tests.map(\.name), pass: pass, calling: calling)
                    if kind == "syscall" && pathArchs.contains(arch) {
                        let p = paths[arch]?[name]
                        cell.okCalls = p?.ok ?? 0
                        cell.okTests = p?.okTests.sorted() ?? []
                        cell.errorCalls = p?.errors ?? [:]
                        cell.errorTests = p?.errorTests.mapValues { $0.sorted() } ?? [:]
                    }
                    row.arch[arch] = cell
                }
                rows.append(row)
            }
        }
        self.rows = rows
        var outcomes: [String: [String: [String: Int]]] = [:]
        for t in summary.tests {
            for (lane, o) in t.lanes { outcomes[t.arch, default: [:]][lane, default: [:]][o.rawValue, default: 0] += 1 }
        }
        self.outcomes = outcomes
        let reran = RerunLane.all(in: summary)
        reruns = reran.isEmpty ? nil : reran
        if !tracedArchs.isEmpty {
            let found = ManifestGap.find(in: summary)
            harness = found.harness
            gaps = found.gaps
        }
        if summary.lanes.contains("native") && summary.lanes.contains(Gate.checkedLane) {
            conformance = summary.architectures.map { arch in
                var reasons: [String: String] = [:]
                for t in summary.tests where t.arch == arch { if let r = t.knownReason { reasons[t.name] = r } }
                return Gate.conformance(reasons: reasons, summary: summary, arch: arch)
            }
        }
        if !pathArchs.isEmpty {
            let archs = summary.architectures.filter { pathArchs.contains($0) }
            let coverage = PathCoverage.classify(rows: rows, archs: archs, list: summary.untestablePaths)
            pathGaps = coverage.gaps
            pathCounts = coverage.counts
            pathHeadlines = archs.compactMap { coverage.headline($0) }
            untestableFile = summary.untestablePaths?.file
            staleEntries = coverage.stale
            unmatchedEntries = coverage.unmatched
        }
    }

    func pathsTraced(_ arch: String) -> Bool { pathCounts?[arch] != nil }

    func traced(_ arch: String) -> Bool { rows.contains { $0.arch[arch]?.calling != nil } }

    public func markdown() -> String {
        var s = "# ferry-test coverage matrix\n\n"
        for arch in architectures {
            s += "**\(arch)**: " + lanes.map { lane in
                let counts = outcomes[arch]?[lane] ?? [:]
                return "\(lane) " + Outcome.allCases.compactMap { o in counts[o.rawValue].map { "\($0) \(o.rawValue)" } }.joined(separator: ", ")
            }.joined(separator: "; ") + "\n\n"
        }
        if let conformance { s += Self.conformanceMarkdown(conformance) }
        if let reruns { s += Self.flakyMarkdown(reruns) }
        if pathGaps != nil { s += pathGapsMarkdown() }
        s += "## Per syscall and ioctl\n\n"
        if pathCounts != nil {
            s += "*ok*: whether a traced call succeeded (in how many tests); *errors*: the errnos traced calls failed with.\n\n"
        }
        var header = "| kind | name |"
        var rule = "|---|---|"
        for arch in architectures {
            header += " \(arch) support | \(arch) tests |"
            rule += "---|---|"
            if traced(arch) { header += " \(arch) called |"; rule += "---|" }
            if pathsTraced(arch) { header += " \(arch) ok | \(arch) errors |"; rule += "---|---|" }
            for lane in lanes { header += " \(arch) \(lane) |"; rule += "---|" }
        }
        s += header + "\n" + rule + "\n"
        for row in rows {
            var line = "| \(row.kind) | \(row.name) |"
            for arch in architectures {
                let cell = row.arch[arch]
                line += " \(cell?.support ?? "") | \(cell?.tests.count ?? 0) |"
                if traced(arch) { line += " \(cell?.calling.map { String($0.count) } ?? "-") |" }
                if pathsTraced(arch) {
                    if let cell, cell.okCalls != nil {
                        line += " \(Self.okText(cell)) | \(cell.errnos.joined(separator: " ")) |"
                    } else { line += " - | - |" }
                }
                for lane in lanes { line += " \(cell?.pass[lane]?.text ?? "-") |" }
            }
            s += line + "\n"
        }
        if let gaps { s += ManifestGap.markdown(gaps, harness: harness ?? [:]) }
        return s
    }

    static func okText(_ cell: MatrixCell) -> String {
        guard let ok = cell.okCalls else { return "-" }
        return ok > 0 ? "yes (\(cell.okTests?.count ?? 0))" : "no"
    }

    /// The tests a rerun changed (their outcome is the rerun's), then those that failed every time.
    static func flakyMarkdown(_ reruns: [RerunLane]) -> String {
        var s = "## Flaky tests\n\nFailed, broken or timed-out runs were run again one at a time (`--rerun-failures`). "
        s += "A flaky test's outcome above is its rerun's.\n\n"
        let flaky = reruns.filter(\.flaky)
        s += flaky.isEmpty ? "None flaky.\n" : flaky.map { "- flaky: \($0.line)\n" }.joined()
        for r in reruns where !r.flaky { s += "- failed every time: \(r.line)\n" }
        return s + "\n"
    }

    static func conformanceMarkdown(_ list: [Conformance]) -> String {
        var s = "## Outcomes compared with native\n\n"
        for c in list { s += "- **\(c.arch)**: \(c.line)\n" }
        let all = list.flatMap(\.exceptions)
        s += "\n### Known exceptions (ferry outcome differs from native)\n\n"
        if all.isEmpty { return s + "None.\n\n" }
        s += "| arch | test | native | ferry | reason (from the baseline) |\n|---|---|---|---|---|\n"
        for e in all {
            let reason = e.explained ? e.reason! : "**no reason in the baseline**"
            s += "| \(e.arch) | \(e.test) | \(e.native.rawValue) | \(e.ferry.rawValue) | \(reason.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return s + "\n"
    }

    /// The class column's words, and the order the tables list the classes in.
    static func classText(_ c: PathClass?) -> String {
        switch c {
        case .gap?, nil: return "real gap"
        case .host?: return "host cannot"
        case .impossible?: return "cannot exist"
        case .both?: return "both seen"
        }
    }

    static func classOrder(_ c: PathClass?) -> Int {
        switch c { case .gap?, nil: return 0; case .host?: return 1; case .impossible?: return 2; case .both?: return 3 }
    }

    /// Per architecture real gaps first, then what the host cannot give, then what cannot exist.
    var sortedPathGaps: [PathGap] {
        let order = Dictionary(uniqueKeysWithValues: architectures.enumerated().map { ($1, $0) })
        return (pathGaps ?? []).sorted {
            (order[$0.arch] ?? 0, Self.classOrder($0.pathClass), $0.syscall) < (order[$1.arch] ?? 0, Self.classOrder($1.pathClass), $1.syscall)
        }
    }

    var pathListNote: String {
        untestableFile.map { "Paths that cannot exist, or that this host cannot give, come from `\($0)`; every other missing path is a real gap a test could close." }
            ?? "No untestable-paths list was read: every missing path counts as a real gap."
    }

    func detailLine(_ arch: String) -> String? {
        guard let c = pathCounts?[arch] else { return nil }
        return "\(arch): \(c.successOnly) seen only succeeding, \(c.errorOnly) only failing, \(c.neverCalled) never called"
    }

    func pathGapsMarkdown() -> String {
        var s = "## Syscalls lacking a success or an error path\n\n"
        s += "Syscalls ferry implements (support full or partial) that the traced ferry lane never saw succeed, or never saw fail, in any test of the corpus (glibc's start-up calls count too). \(pathListNote)\n\n"
        for line in pathHeadlines ?? [] { s += "- **\(line.prefix { $0 != ":" })**\(line.drop { $0 != ":" })\n" }
        for arch in architectures { if let d = detailLine(arch) { s += "- \(d)\n" } }
        s += "\n"
        if let file = untestableFile {
            for e in staleEntries ?? [] { s += "- **warning**: \(e.message(file: file))\n" }
            for e in unmatchedEntries ?? [] { s += "- **warning**: \(file):\(e.line): \(e.syscall) is implemented on no traced architecture\n" }
            if !(staleEntries ?? []).isEmpty || !(unmatchedEntries ?? []).isEmpty { s += "\n" }
        }
        let gaps = sortedPathGaps
        if gaps.isEmpty { return s + "None.\n\n" }
        s += "| arch | syscall | support | called by tests | success seen | errnos seen | lacking | class | why |\n|---|---|---|---|---|---|---|---|---|\n"
        for g in gaps {
            let why = (g.reasons ?? []).joined(separator: "; ").replacingOccurrences(of: "|", with: "\\|")
            s += "| \(g.arch) | \(g.syscall) | \(g.support) | \(g.calledBy) | \(g.success ? "yes" : "no") | \(g.errnos.joined(separator: " ")) | \(g.missing) | \(Self.classText(g.pathClass)) | \(why) |\n"
        }
        return s + "\n"
    }

    static let colours: [Outcome: String] = [.pass: "#2e7d32", .fail: "#c62828", .broken: "#ef6c00", .conf: "#9e9e9e",
                                             .timeout: "#6a1b9a", .crash: "#ad1457", .emulatorError: "#283593"]

    static func conformanceHTML(_ list: [Conformance]) -> String {
        let e = JUnitWriter.esc
        var s = "<h2>Outcomes compared with native</h2>\n<ul>\n"
        for c in list { s += "<li><b>\(e(c.arch))</b>: \(e(c.line))</li>\n" }
        s += "</ul>\n"
        let all = list.flatMap(\.exceptions)
        guard !all.isEmpty else { return s }
        s += "<table><thead><tr><th>arch</th><th>test</th><th>native</th><th>ferry</th><th>reason (from the baseline)</th></tr></thead><tbody>\n"
        for x in all {
            s += "<tr><td>\(e(x.arch))</td><td>\(e(x.test))</td><td>\(x.native.rawValue)</td><td>\(x.ferry.rawValue)</td><td>\(x.explained ? e(x.reason!) : "<b>no reason in the baseline</b>")</td></tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    func pathGapsHTML() -> String {
        let e = JUnitWriter.esc
        var s = "<h2>Syscalls lacking a success or an error path</h2>\n<p>\(e(pathListNote.replacingOccurrences(of: "`", with: "")))</p>\n<ul>\n"
        for line in pathHeadlines ?? [] { s += "<li>\(e(line))</li>\n" }
        for arch in architectures { if let d = detailLine(arch) { s += "<li>\(e(d))</li>\n" } }
        if let file = untestableFile {
            for x in staleEntries ?? [] { s += "<li><b>warning</b>: \(e(x.message(file: file)))</li>\n" }
            for x in unmatchedEntries ?? [] { s += "<li><b>warning</b>: \(e("\(file):\(x.line): \(x.syscall) is implemented on no traced architecture"))</li>\n" }
        }
        s += "</ul>\n"
        let gaps = sortedPathGaps
        guard !gaps.isEmpty else { return s }
        s += "<table><thead><tr><th>arch</th><th>syscall</th><th>support</th><th>called by tests</th><th>success seen</th><th>errnos seen</th><th>lacking</th><th>class</th><th>why</th></tr></thead><tbody>\n"
        for g in gaps {
            s += "<tr><td>\(e(g.arch))</td><td>\(e(g.syscall))</td><td>\(e(g.support))</td><td class=\"n\">\(g.calledBy)</td><td>\(g.success ? "yes" : "no")</td><td>\(e(g.errnos.joined(separator: " ")))</td><td>\(e(g.missing))</td><td>\(e(Self.classText(g.pathClass)))</td><td>\(e((g.reasons ?? []).joined(separator: "; ")))</td></tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    public func html() -> String {
        let e = JUnitWriter.esc
        var s = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>ferry-test coverage matrix</title>
        <style>
        body{font:14px sans-serif;margin:1.5em}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:2px 6px}
        th{background:#eee;cursor:pointer;position:sticky;top:0}td.n{text-align:right}.full{color:#2e7d32}.partial{color:#ef6c00}
        .unimplemented{color:#999}.legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:10px;height:10px;margin-right:3px}
        </style></head><body>
        <h1>ferry-test coverage matrix</h1>

        """
        s += "<div class=\"legend\">" + Outcome.allCases.map { "<span><i style=\"background:\(Self.colours[$0]!)\"></i>\($0.rawValue)</span>" }.joined() + "</div>\n"
        for arch in architectures {
            s += "<h2>\(e(arch))</h2>\n"
            let laneCounts = lanes.map { outcomes[arch]?[$0] ?? [:] }
            let maxTotal = max(1, laneCounts.map { $0.values.reduce(0, +) }.max() ?? 1)
            let width = 600.0, rowHeight = 22.0
            s += "<svg width=\"\(Int(width) + 260)\" height=\(Int(rowHeight) * lanes.count + 4) role=\"img\" aria-label=\"outcomes per lane for \(e(arch))\">\n"
            for (i, lane) in lanes.enumerated() {
                let y = Double(i) * rowHeight
                s += "<text x=\"0\" y=\"\(y + 15)\">\(e(lane))</text>\n"
                var x = 70.0
                for o in Outcome.allCases {
                    let n = laneCounts[i][o.rawValue] ?? 0
                    guard n > 0 else { continue }
                    let w = width * Double(n) / Double(maxTotal)
                    s += "<rect x=\"\(x)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(rowHeight - 4)\" fill=\"\(Self.colours[o]!)\"><title>\(e(lane)) \(o.rawValue): \(n)</title></rect>\n"
                    x += w
                }
                let total = laneCounts[i].values.reduce(0, +)
                s += "<text x=\"\(x + 6)\" y=\"\(y + 15)\">\(laneCounts[i]["pass"] ?? 0)/\(total) pass</text>\n"
            }
            s += "</svg>\n"
        }
        if let conformance { s += Self.conformanceHTML(conformance) }
        if let reruns {
            s += "<h2>Flaky tests</h2>\n<ul>\n"
            for r in reruns { s += "<li>\(r.flaky ? "<b>flaky</b>" : "failed every time"): \(e(r.line))</li>\n" }
            s += "</ul>\n"
        }
        if pathGaps != nil { s += pathGapsHTML() }
        if let gaps { s += ManifestGap.html(gaps, harness: harness ?? [:]) }
        s += "<h2>Per syscall and ioctl</h2>\n<p>Click a column header to sort.</p>\n<table id=\"m\"><thead><tr><th>kind</th><th>name</th>"
        for arch in architectures {
            s += "<th>\(e(arch)) support</th><th>\(e(arch)) tests</th>"
            if traced(arch) { s += "<th title=\"tests whose ferry trace shows the call\">\(e(arch)) called</th>" }
            if pathsTraced(arch) {
                s += "<th title=\"tests in which a traced call succeeded\">\(e(arch)) ok</th><th title=\"errnos traced calls failed with\">\(e(arch)) errors</th>"
            }
            for lane in lanes { s += "<th>\(e(arch)) \(e(lane)) pass</th>" }
        }
        s += "</tr></thead><tbody>\n"
        for row in rows {
            s += "<tr><td>\(row.kind)</td><td>\(e(row.name))</td>"
            for arch in architectures {
                let cell = row.arch[arch]
                let support = cell?.support ?? ""
                s += "<td class=\"\(e(support))\">\(e(support))</td><td class=\"n\" title=\"\(e(cell?.tests.joined(separator: " ") ?? ""))\">\(cell?.tests.count ?? 0)</td>"
                if traced(arch) {
                    let calling = cell?.calling
                    s += "<td class=\"n\" data-v=\"\(calling.map { String($0.count) } ?? "-1")\" title=\"\(e(calling?.joined(separator: " ") ?? ""))\">\(calling.map { String($0.count) } ?? "-")</td>"
                }
                if pathsTraced(arch) {
                    if let cell, cell.okCalls != nil {
                        let errorTitle = (cell.errorTests ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.joined(separator: " "))" }.joined(separator: "; ")
                        s += "<td data-v=\"\(cell.okTests?.count ?? 0)\" title=\"\(e(cell.okTests?.joined(separator: " ") ?? ""))\">\(e(Self.okText(cell)))</td>"
                        s += "<td title=\"\(e(errorTitle))\">\(e(cell.errnos.joined(separator: " ")))</td>"
                    } else { s += "<td data-v=\"-1\">-</td><td>-</td>" }
                }
                for lane in lanes {
                    let rate = cell?.pass[lane]
                    let key = rate?.percent.map { String(format: "%.1f", $0) } ?? "-1"
                    s += "<td class=\"n\" data-v=\"\(key)\">\(rate?.text ?? "-")</td>"
                }
            }
            s += "</tr>\n"
        }
        s += """
        </tbody></table>
        <script>
        // Sorting by column; numbers (data-v or cell text) sort numerically, the rest as text.
        document.querySelectorAll('#m th').forEach(function (th, col) {
          th.addEventListener('click', function () {
            var body = document.querySelector('#m tbody');
            var rows = Array.prototype.slice.call(body.rows);
            var dir = th.dataset.dir === 'asc' ? -1 : 1;
            th.dataset.dir = dir === 1 ? 'asc' : 'desc';
            function key(r) { var c = r.cells[col]; var v = c.dataset.v !== undefined ? c.dataset.v : c.textContent;
              var n = parseFloat(v); return isNaN(n) ? v.toLowerCase() : n; }
            rows.sort(function (a, b) { var x = key(a), y = key(b);
              if (typeof x === typeof y) return x < y ? -dir : x > y ? dir : 0;
              return typeof x === 'number' ? -dir : dir; });
            rows.forEach(function (r) { body.appendChild(r); });
          });
        });
        </script>
        </body></html>

        """
        return s
    }
}
