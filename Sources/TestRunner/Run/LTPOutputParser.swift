// Reads what an LTP test printed: the new API's `file.c:NN: TPASS: msg` lines and Summary block,
// the old API's `tcid    N  TPASS  :  msg` lines, colour codes, and lines of forked children
// that interleave with the parent's (several results on one physical line).

public enum ResultType: String, Codable, Sendable, CaseIterable {
    case TPASS, TFAIL, TBROK, TCONF, TWARN, TINFO
}

public struct ResultLine: Equatable, Codable, Sendable {
    public var type: ResultType
    /// `file.c:NN` for the new API, `tcid N` for the old one.
    public var location: String
    public var message: String
}

public struct SummaryCounts: Equatable, Codable, Sendable {
    public var passed = 0, failed = 0, broken = 0, skipped = 0, warnings = 0
}

public struct LTPOutput: Equatable, Sendable {
    /// Output lines with colour codes removed.
    public var rawLines: [String] = []
    /// Result lines in order (TINFO included).
    public var results: [ResultLine] = []
    /// The Summary block, when the test printed one (new API).
    public var summary: SummaryCounts?
    /// The library reported that it killed the test on its own timeout.
    public var timeoutReported = false

    /// Counts of result lines by type (what the Summary would say, for old-API tests).
    public func count(_ type: ResultType) -> Int { results.filter { $0.type == type }.count }

    /// The lines that decide a verdict (everything but TINFO), for failure messages.
    public var verdictLines: [ResultLine] { results.filter { $0.type != .TINFO } }
}

public enum LTPOutputParser {
    public static func parse(_ text: String) -> LTPOutput {
        var out = LTPOutput()
        var inSummary = false
        var summary = SummaryCounts()
        var summaryFields = 0
        for physical in stripColour(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(physical).replacingCarriageReturns
            out.rawLines.append(line)
            if line.hasPrefix("Test timeouted") || line.contains("Test killed! (timeout?)") {
                out.timeoutReported = true
            }
            if line == "Summary:" { inSummary = true; continue }
            if inSummary {
                let words = line.split(separator: " ", omittingEmptySubsequences: true)
                if words.count == 2, let n = Int(words[1]) {
                    switch words[0] {
                    case "passed": summary.passed = n; summaryFields += 1
                    case "failed": summary.failed = n; summaryFields += 1
                    case "broken": summary.broken = n; summaryFields += 1
                    case "skipped": summary.skipped = n; summaryFields += 1
                    case "warnings": summary.warnings = n; summaryFields += 1
                    default: break
                    }
                    continue
                }
                if !line.isEmpty { inSummary = false }
            }
            out.results.append(contentsOf: resultLines(in: line))
        }
        if summaryFields > 0 { out.summary = summary }
        return out
    }

    /// Removes ANSI escape sequences (`ESC [ ... letter`), which LTP adds when colour is on.
    public static func stripColour(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            guard c == "\u{1B}" else { result.unicodeScalars.append(c); continue }
            guard let next = scalars.next() else { break }
            if next != "[" { continue } // a two-character escape: drop both
            while let p = scalars.next() {
                if (0x40...0x7E).contains(p.value) { break } // the final byte ends the sequence
            }
        }
        return result
    }

    /// Every result on one physical line. Interleaved children can put a second
    /// `file.c:NN: TPASS:` right after the first message without a newline, so search for each
    /// result marker instead of anchoring at the line start.
    static func resultLines(in line: String) -> [ResultLine] {
        let chars = Array(line.utf8)
        var found: [(start: Int, typeStart: Int, type: ResultType, msgStart: Int, oldAPI: Bool)] = []
        var i = 0
        while i + 5 <= chars.count {
            if chars[i] == UInt8(ascii: "T"), let type = typeAt(chars, i), isBoundaryBefore(chars, i) {
                var j = i + 5
                // New API: "TPASS: ". Old API: "TPASS  :  ".
                var spaces = 0
                while j < chars.count, chars[j] == UInt8(ascii: " ") { j += 1; spaces += 1 }
                if j < chars.count, chars[j] == UInt8(ascii: ":"), spaces == 0 || spaces >= 1 {
                    j += 1
                    while j < chars.count, chars[j] == UInt8(ascii: " ") { j += 1 }
                    if let start = locationStart(chars, before: i, oldAPI: spaces > 0) {
                        found.append((start, i, type, j, spaces > 0))
                        i = j
                        continue
                    }
                }
            }
            i += 1
        }
        var lines: [ResultLine] = []
        for (k, f) in found.enumerated() {
            let end = k + 1 < found.count ? found[k + 1].start : chars.count
            let loc = String(decoding: chars[f.start..<f.typeStart], as: UTF8.self)
                .trimmingSpaces.trimmingTrailingColon
            let msg = String(decoding: chars[f.msgStart..<max(f.msgStart, end)], as: UTF8.self).trimmingSpaces
            lines.append(ResultLine(type: f.type, location: loc, message: msg))
        }
        return lines
    }

    private static let names: [(ResultType, [UInt8])] = ResultType.allCases.map { ($0, Array($0.rawValue.utf8)) }

    private static func typeAt(_ c: [UInt8], _ i: Int) -> ResultType? {
        for (type, bytes) in names where c[i..<i + 5].elementsEqual(bytes) { return type }
        return nil
    }

    private static func isBoundaryBefore(_ c: [UInt8], _ i: Int) -> Bool {
        i == 0 || c[i - 1] == UInt8(ascii: " ") || c[i - 1] == UInt8(ascii: "\t")
    }

    /// Where the location before a result type begins: `file.c:NN: ` (new API) or
    /// `tcid   N  ` (old API). nil if the text before the marker is not a location, which keeps
    /// messages that merely mention "TPASS" from counting.
    private static func locationStart(_ c: [UInt8], before i: Int, oldAPI: Bool) -> Int? {
        var j = i - 1
        while j >= 0, c[j] == UInt8(ascii: " ") { j -= 1 }
        guard j >= 0 else { return nil }
        if !oldAPI {
            // "file.c:NN:" — a colon, digits, a colon, then a file name without spaces.
            guard c[j] == UInt8(ascii: ":") else { return nil }
            j -= 1
            let digitsEnd = j
            while j >= 0, c[j] >= 48, c[j] <= 57 { j -= 1 }
            guard j < digitsEnd, j >= 0, c[j] == UInt8(ascii: ":") else { return nil }
            j -= 1
            let nameEnd = j
            while j >= 0, c[j] != UInt8(ascii: " "), c[j] != UInt8(ascii: "\t") { j -= 1 }
            guard j < nameEnd else { return nil }
            return j + 1
        }
        // Old API: "tcid<spaces>N<spaces>" — digits, spaces, then a name.
        let digitsEnd = j
        while j >= 0, c[j] >= 48, c[j] <= 57 { j -= 1 }
        guard j < digitsEnd, j >= 0, c[j] == UInt8(ascii: " ") else { return nil }
        while j >= 0, c[j] == UInt8(ascii: " ") { j -= 1 }
        guard j >= 0 else { return nil }
        while j >= 0, c[j] != UInt8(ascii: " ") { j -= 1 }
        return j + 1
    }

}

private extension String {
    var replacingCarriageReturns: String {
        contains("\r") ? String(unicodeScalars.filter { $0 != "\r" }.map(Character.init)) : self
    }
    var trimmingTrailingColon: String {
        hasSuffix(":") ? String(dropLast()).trimmingSpaces : self
    }
}
