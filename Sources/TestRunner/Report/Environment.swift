import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Facts about the machine and tools for the JUnit properties and the matrix, found by running them.
public enum HostFacts {
    public static func kernel() -> String {
        var u = utsname()
        guard uname(&u) == 0 else { return "unknown" }
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return "\(field(u.sysname)) \(field(u.release)) \(field(u.machine))"
    }

    public static func hostname() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, buf.count) == 0 else { return "localhost" }
        let name = String(cString: buf)
        return name.isEmpty ? "localhost" : name
    }

    public static func ferryVersion(_ ferry: String?) -> String {
        guard let ferry, FileManager.default.isExecutableFile(atPath: ferry) else { return "not used" }
        let r = Shell.capture([ferry, "--version"], timeout: 20)
        return r.status == 0 ? r.output.trimmingSpaces : "unknown (\(ferry) --version failed)"
    }

    /// ferry's support table for one architecture: syscall name to `full`/`partial`/`unimplemented`.
    public static func supportTable(ferry: String, arch: String) throws -> [String: String] {
        let r = Shell.capture([ferry, "--list-syscalls", "--arch", arch, "--format", "json"], timeout: 30)
        guard r.status == 0 else {
            throw RunnerError.io("\(ferry) --list-syscalls --arch \(arch) --format json failed: \(r.output.split(separator: "\n").first ?? "")")
        }
        guard let rows = try? JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [[String: Any]] else {
            throw RunnerError.io("\(ferry) --list-syscalls --format json did not print a JSON list")
        }
        var table: [String: String] = [:]
        for row in rows {
            if let name = row["name"] as? String, let support = row["support"] as? String { table[name] = support }
        }
        return table
    }

    public static func nowISO8601() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f.string(from: Date())
    }
}
