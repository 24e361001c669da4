import FerryABI

public enum IoctlListFormat: String, CaseIterable {
    case table, json
}

/// `ferry --list-ioctls`: the generated ioctl table of one architecture, with whether the
/// personality translates each request to the host (IoctlTranslation decides).
public enum IoctlList {
    public struct Row: Equatable {
        public let name: String
        public let request: UInt32
        public let family: String
        public let direction: String
        public let size: UInt32
        public let argumentType: String?
        /// The family description's argument and real direction: `R struct termios`, `W s32`,
        /// `RW special(dmIoctl)`, `value`.
        public let argument: String
        /// "translated" or "unsupported" (ENOTTY).
        public let support: String
    }

    public static func rows(architecture: Architecture) -> [Row] {
        let translation = IoctlTranslation(guest: architecture, host: .x86_64)
        return IoctlTable.forArchitecture(architecture).requests.map { r in
            let argument = IoctlFamilies.describe(r, architecture: architecture).map { d in
                (d.direction.isEmpty ? "" : d.direction.description + " ") + d.argument.summary
            } ?? "?"
            return Row(name: r.name, request: r.request, family: r.family,
                       direction: r.isEncoded ? r.fields.direction.description : "none",
                       size: r.isEncoded ? r.fields.size : 0, argumentType: r.argumentType, argument: argument,
                       support: translation.host(r.request) != nil ? "translated" : "unsupported")
        }
    }

    public static func render(architecture: Architecture, format: IoctlListFormat) -> String {
        let rows = rows(architecture: architecture)
        func hex(_ v: UInt32) -> String { "0x" + String(v, radix: 16) }
        switch format {
        case .json:
            let items = rows.map { r in
                "  {\"name\": \(StraceText.json(r.name)), \"request\": \"\(hex(r.request))\", \"family\": \(StraceText.json(r.family)), "
                    + "\"direction\": \"\(r.direction)\", \"size\": \(r.size), \"type\": \(r.argumentType.map(StraceText.json) ?? "null"), "
                    + "\"argument\": \(StraceText.json(r.argument)), "
                    + "\"support\": \"\(r.support)\"}"
            }
            return "[\n" + items.joined(separator: ",\n") + "\n]\n"
        case .table:
            let nameWidth = max(4, rows.map(\.name.count).max() ?? 0)
            let familyWidth = max(6, rows.map(\.family.count).max() ?? 0)
            var lines = ["NAME".padding(nameWidth) + "  REQUEST     " + "FAMILY".padding(familyWidth) + "  DIR   SIZE  SUPPORT      ARGUMENT"]
            for r in rows {
                let size = String(r.size)
                lines.append(r.name.padding(nameWidth) + "  " + hex(r.request).padding(10) + "  " + r.family.padding(familyWidth) + "  "
                             + r.direction.padding(4) + "  " + String(repeating: " ", count: max(0, 4 - size.count)) + size + "  "
                             + r.support.padding(11) + "  " + r.argument)
            }
            let translated = rows.filter { $0.support == "translated" }.count
            lines.append("")
            lines.append("Of \(rows.count) requests on \(architecture.rawValue), \(translated) are translated, \(rows.count - translated) unsupported (ENOTTY)")
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
