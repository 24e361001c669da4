import FerryABI

public enum SupportTableFormat: String, CaseIterable {
    case table, json, csv
}

/// The published syscall support table (`ferry --list-syscalls`), generated from the registry
/// the dispatcher uses, so the documentation cannot drift from the code.
public enum SupportTable {
    public struct Row: Equatable {
        public let number: Int
        public let name: String
        public let support: SupportLevel
        public let note: String
        /// How the arguments reach the host: "direct" (a pass-through whose signature finds
        /// nothing that differs), "signature: ..." (what its signature converts), "handler" (code
        /// of its own), or "" when unimplemented.
        public let conversion: String
    }

    public static func rows(architecture: Architecture) -> [Row] {
        SyscallRegistry.table(for: architecture).map {
            let conversion: String
            switch $0.support.handler {
            case .unimplemented: conversion = ""
            case .passthrough:
                conversion = LinuxPersonality.signatureConversion($0.support.id, guest: architecture).map { "signature: " + $0.summary } ?? "direct"
            default: conversion = "handler"
            }
            return Row(number: $0.number, name: $0.support.id.name, support: $0.support.level, note: $0.support.note,
                       conversion: conversion)
        }
    }

    public static func render(architecture: Architecture, format: SupportTableFormat) -> String {
        let rows = rows(architecture: architecture)
        switch format {
        case .json:
            let items = rows.map { r in
                "  {\"number\": \(r.number), \"name\": \(jsonString(r.name)), \"support\": \"\(r.support.rawValue)\", \"note\": \(jsonString(r.note)), \"conversion\": \(jsonString(r.conversion))}"
            }
            return "[\n" + items.joined(separator: ",\n") + "\n]\n"
        case .csv:
            return "number,name,support,note\n" + rows.map { "\($0.number),\($0.name),\($0.support.rawValue),\(csvField($0.note))" }.joined(separator: "\n") + "\n"
        case .table:
            let nameWidth = max(4, rows.map(\.name.count).max() ?? 0)
            var lines = ["NUMBER  " + "NAME".padding(nameWidth) + "  SUPPORT        NOTE"]
            for r in rows {
                let number = String(r.number)
                lines.append(String(repeating: " ", count: max(0, 6 - number.count)) + number + "  " + r.name.padding(nameWidth) + "  " + r.support.rawValue.padding(13) + "  " + r.note)
            }
            let full = rows.filter { $0.support == .full }.count
            let partial = rows.filter { $0.support == .partial }.count
            let none = rows.count - full - partial
            lines.append("")
            lines.append("Of \(rows.count) syscalls, \(full) are full, \(partial) partial, \(none) unimplemented")
            let direct = rows.filter { $0.conversion == "direct" }.count
            let converted = rows.filter { $0.conversion.hasPrefix("signature") }
            lines.append("\(direct) go to the host unchanged (their signatures find nothing that differs), \(converted.count) are converted from their signatures\(converted.isEmpty ? "" : ": " + converted.map { "\($0.name) (\($0.conversion.dropFirst(11)))" }.joined(separator: "; ")), the rest have handlers")
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
