/// Reads the generated tables' text: lines of words separated by single spaces. Works on the
/// UTF-8 bytes, because String's split and indexing over these tables (thousands of lines per
/// architecture, parsed at every start) were most of ferry's startup time.
enum GeneratedText {
    /// One line's words as byte ranges of the table text.
    struct Line {
        let bytes: UnsafeBufferPointer<UInt8>
        let words: [Range<Int>]

        var count: Int { words.count }
        func string(_ i: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[words[i]]), as: UTF8.self) }
        /// Word `i` without its first character (`@name`, `=ALIAS`).
        func stringDroppingFirst(_ i: Int) -> String {
            let r = words[i]
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(r.lowerBound + 1)..<r.upperBound]), as: UTF8.self)
        }
        func first(_ i: Int) -> UInt8 { bytes[words[i].lowerBound] }
        func equals(_ i: Int, _ text: StaticString) -> Bool {
            let r = words[i]
            guard r.count == text.utf8CodeUnitCount else { return false }
            let t = text.utf8Start
            for k in 0..<r.count where bytes[r.lowerBound + k] != t[k] { return false }
            return true
        }
        /// A decimal integer with an optional minus sign; nil for anything else or overflow.
        func int(_ i: Int) -> Int64? {
            let r = words[i]
            var k = r.lowerBound
            let negative = bytes[k] == UInt8(ascii: "-")
            if negative { k += 1 }
            guard k < r.upperBound else { return nil }
            var value: Int64 = 0
            while k < r.upperBound {
                let d = bytes[k] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
                guard !o1, !o2 else { return nil }
                value = s
                k += 1
            }
            return value
        }
        /// The whole line, for error messages.
        var text: String {
            guard let a = words.first?.lowerBound, let b = words.last?.upperBound else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        }
    }

    /// Calls `body` with each non-empty line in order.
    static func forEachLine(_ source: String, _ body: (Line) -> Void) {
        var text = source
        text.withUTF8 { bytes in
            var words: [Range<Int>] = []
            words.reserveCapacity(8)
            let n = bytes.count
            var i = 0
            while i < n {
                words.removeAll(keepingCapacity: true)
                while i < n && bytes[i] != 0x0A {
                    while i < n && bytes[i] == 0x20 { i += 1 }
                    let start = i
                    while i < n && bytes[i] != 0x20 && bytes[i] != 0x0A { i += 1 }
                    if i > start { words.append(start..<i) }
                }
                i += 1
                if !words.isEmpty { body(Line(bytes: bytes, words: words)) }
            }
        }
    }
}
