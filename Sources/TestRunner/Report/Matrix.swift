import Foundation

// The coverage matrix: a row per syscall (and per declared ioctl), a column group per architecture:
// ferry's support level, the tests that declare it, the tests that called it under ferry's trace,
// and the pass rate in each lane. Then the manifest gaps the trace shows.

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
}

public struct MatrixRow: Codable, Equatable, Sendable {
    public var kind: String  // "syscall" or "ioctl"
    public var name: String
    public var arch: [String: MatrixCell]
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
                    row.arch[arch] = MatrixCell(support: kind == "syscall" ? summary.support[arch]?[name] ?? "" : "",
                                                tests: tests.map(\.name), pass: pass, calling: calling)
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
        if !tracedArchs.isEmpty {
            let found = ManifestGap.find(in: summary)
            harness = found.harness
            gaps = found.gaps
        }
    }

    func traced(_ arch: String) -> Bool { rows.contains { $0.arch[arch]?.calling != nil } }

    public func markdown() -> String {
        var s = "# ferry-test coverage matrix\n\n"
        for arch in architectures {
            s += "**\(arch)**: " + lanes.map { lane in
                let counts = outcomes[arch]?[lane] ?? [:]
                return "\(lane) " + Outcome.allCases.compactMap { o in counts[o.rawValue].map { "\($0) \(o.rawValue)" } }.joined(separator: ", ")
            }.joined(separator: "; ") + "\n\n"
        }
        var header = "| kind | name |"
        var rule = "|---|---|"
        for arch in architectures {
            header += " \(arch) support | \(arch) tests |"
            rule += "---|---|"
            if traced(arch) { header += " \(arch) called |"; rule += "---|" }
            for lane in lanes { header += " \(arch) \(lane) |"; rule += "---|" }
        }
        s += header + "\n" + rule + "\n"
        for row in rows {
            var line = "| \(row.kind) | \(row.name) |"
            for arch in architectures {
                let cell = row.arch[arch]
                line += " \(cell?.support ?? "") | \(cell?.tests.count ?? 0) |"
                if traced(arch) { line += " \(cell?.calling.map { String($0.count) } ?? "-") |" }
                for lane in lanes { line += " \(cell?.pass[lane]?.text ?? "-") |" }
            }
            s += line + "\n"
        }
        if let gaps { s += ManifestGap.markdown(gaps, harness: harness ?? [:]) }
        return s
    }

    static let colours: [Outcome: String] = [.pass: "#2e7d32", .fail: "#c62828", .broken: "#ef6c00", .conf: "#9e9e9e",
                                             .timeout: "#6a1b9a", .crash: "#ad1457", .emulatorError: "#283593"]

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
        if let gaps { s += ManifestGap.html(gaps, harness: harness ?? [:]) }
        s += "<h2>Per syscall and ioctl</h2>\n<p>Click a column header to sort.</p>\n<table id=\"m\"><thead><tr><th>kind</th><th>name</th>"
        for arch in architectures {
            s += "<th>\(e(arch)) support</th><th>\(e(arch)) tests</th>"
            if traced(arch) { s += "<th title=\"tests whose ferry trace shows the call\">\(e(arch)) called</th>" }
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
