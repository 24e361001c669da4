import Glibc

/// /proc/<pid>/maps and smaps text in the kernel's format, for the guest's mappings.
enum MapsText {
    /// One maps line: "start-end perms offset major:minor inode", then the name from column 73.
    static func line(_ m: GuestMapping) -> String {
        var s = hex(m.start, width: 8) + "-" + hex(m.end, width: 8) + " "
        s += (m.protection & PROT_READ != 0 ? "r" : "-") + (m.protection & PROT_WRITE != 0 ? "w" : "-")
        s += (m.protection & PROT_EXEC != 0 ? "x" : "-") + (m.isShared ? "s" : "p")
        s += " " + hex(m.isFile ? m.offset : 0, width: 8) + " "
        s += hex(major(m.device), width: 2) + ":" + hex(minor(m.device), width: 2) + " " + String(m.inode) + " "
        if !m.name.isEmpty {
            if s.utf8.count < 72 { s += String(repeating: " ", count: 72 - s.utf8.count) }
            s += " " + m.name
        }
        return s
    }

    static func maps(_ mappings: [GuestMapping]) -> String {
        var text = ""
        text.reserveCapacity(mappings.count * 90)
        for m in mappings { text += line(m) + "\n" }
        return text
    }

    /// smaps: our header and Size for each guest mapping; the counters from the host's smaps
    /// areas that overlap it, each counted in proportion to the overlap (for the program image
    /// the host has anonymous copies where the kernel would have file pages).
    static func smaps(_ mappings: [GuestMapping], hostSmaps: String) -> String {
        let areas = parseSmaps(hostSmaps)
        var text = ""
        for m in mappings {
            text += line(m) + "\n"
            var overlapping: [(area: HostArea, share: Double)] = []
            var i = firstArea(in: areas, endingAfter: m.start)
            while i < areas.count, areas[i].start < m.end {
                let a = areas[i]
                let overlap = min(a.end, m.end) - max(a.start, m.start)
                overlapping.append((a, Double(overlap) / Double(a.end - a.start)))
                i += 1
            }
            guard let first = overlapping.first?.area else {
                text += kbLine("Size:", m.length / 1024, like: nil) + "\n"
                continue
            }
            for field in first.fields {
                switch field.key {
                case "Size:":
                    text += kbLine(field.key, m.length / 1024, like: field.line) + "\n"
                case "KernelPageSize:", "MMUPageSize:":
                    text += field.line + "\n"
                default:
                    if field.kilobytes != nil {
                        var sum = 0.0
                        for (area, share) in overlapping {
                            if let v = area.fields.first(where: { $0.key == field.key })?.kilobytes { sum += Double(v) * share }
                        }
                        // Whole pages: round to a multiple of the page size in kB.
                        let pages = (sum / 4).rounded()
                        text += kbLine(field.key, UInt64(max(0, pages)) * 4, like: field.line) + "\n"
                    } else {
                        text += field.line + "\n"
                    }
                }
            }
        }
        return text
    }

    struct HostArea {
        var start: UInt64, end: UInt64
        var fields: [(key: String, kilobytes: UInt64?, line: String)]
    }

    /// The areas of a host smaps text, sorted as the kernel lists them.
    static func parseSmaps(_ text: String) -> [HostArea] {
        var areas: [HostArea] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw)
            let firstToken = line.prefix(while: { $0 != " " })
            if firstToken.hasSuffix(":") {
                guard !areas.isEmpty else { continue }
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                let kb = parts.count == 3 && parts[2] == "kB" ? UInt64(parts[1]) : nil
                areas[areas.count - 1].fields.append((String(firstToken), kb, line))
            } else if let dash = firstToken.firstIndex(of: "-"),
                      let start = UInt64(firstToken[..<dash], radix: 16),
                      let end = UInt64(firstToken[firstToken.index(after: dash)...], radix: 16) {
                areas.append(HostArea(start: start, end: end, fields: []))
            }
        }
        return areas
    }

    private static func firstArea(in areas: [HostArea], endingAfter address: UInt64) -> Int {
        var low = 0, high = areas.count
        while low < high {
            let mid = (low + high) / 2
            if areas[mid].end <= address { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// "Key:   value kB", laid out as the host line it replaces (the kernel pads the name to 16
    /// columns and the value to 8).
    static func kbLine(_ key: String, _ value: UInt64, like host: String?) -> String {
        let digits = String(value)
        let width = host?.utf8.count ?? 27
        let pad = max(1, width - key.utf8.count - digits.utf8.count - 3)
        return key + String(repeating: " ", count: pad) + digits + " kB"
    }

    static func hex(_ v: UInt64, width: Int) -> String {
        let s = String(v, radix: 16)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Linux's dev_t split (12-bit major above 20-bit minor, both extended into the high bits).
    static func major(_ dev: UInt64) -> UInt64 { ((dev >> 8) & 0xfff) | ((dev >> 32) & 0xffff_f000) }
    static func minor(_ dev: UInt64) -> UInt64 { (dev & 0xff) | ((dev >> 12) & 0xffff_ff00) }
}
