import FerryABI
import Glibc

/// strace(1)'s spelling of strings, numbers, flags and errors. Pure functions of bytes and
/// constants, so unit tests can check them without a guest.
public enum StraceText {
    /// strace's default -s: strings longer than this are cut and followed by `...`.
    public static let stringLimit = 32

    /// `"text"` as strace quotes it: \n \t \r \v \f \" \\, other non-printables in octal (three
    /// digits when a digit follows); `...` after the quote when `truncated`. `forceHex` writes every
    /// byte as \xNN (strace does that for getrandom's random bytes).
    public static func quote(_ bytes: [UInt8], truncated: Bool = false, forceHex: Bool = false) -> String {
        var out = "\""
        for (i, b) in bytes.enumerated() {
            if forceHex {
                out += "\\x" + hex2(b)
                continue
            }
            switch b {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0x0B: out += "\\v"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                let octal = String(b, radix: 8)
                let padded = next >= 0x30 && next <= 0x37 ? String(repeating: "0", count: 3 - octal.count) + octal : octal
                out += "\\" + padded
            }
        }
        return out + "\"" + (truncated ? "..." : "")
    }

    static func hex2(_ b: UInt8) -> String { b < 16 ? "0" + String(b, radix: 16) : String(b, radix: 16) }

    /// A buffer of `count` bytes shown as strace shows it: at most `stringLimit`, `...` when cut.
    public static func buffer(_ bytes: [UInt8], count: Int, forceHex: Bool = false) -> String {
        let shown = Array(bytes.prefix(min(count, stringLimit)))
        return quote(shown, truncated: count > stringLimit, forceHex: forceHex)
    }

    /// A NUL-terminated string (bytes without the NUL); cut at `stringLimit` like strace.
    public static func cString(_ bytes: [UInt8]) -> String {
        quote(Array(bytes.prefix(stringLimit)), truncated: bytes.count > stringLimit)
    }

    /// `%#x` as strace prints numbers: `0x1f`, and `0` for zero.
    public static func hex(_ v: UInt64) -> String { v == 0 ? "0" : "0x" + String(v, radix: 16) }

    public static func pointer(_ v: UInt64) -> String { v == 0 ? "NULL" : hex(v) }

    /// `A|B|0x40` from a flag group; a zero word is `0` unless the caller names it (`zero`:
    /// PROT_NONE, O_RDONLY): strace names zero only where the zero value means something.
    public static func flags(_ value: UInt64, group: ConstantGroup?, skip: Set<String> = [], zero: String? = nil) -> String {
        guard let group else { return value == 0 ? (zero ?? "0") : hex(value) }
        if value == 0 { return zero ?? "0" }
        var rest = value
        var names: [String] = []
        for c in flagCandidates(group, skip: skip) where rest & UInt64(bitPattern: c.value) == UInt64(bitPattern: c.value) {
            names.append(c.name)
            rest &= ~UInt64(bitPattern: c.value)
        }
        if rest != 0 { names.append(hex(rest)) }
        return names.joined(separator: "|")
    }

    /// Groups whose strace table keeps the header's order (EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK)
    /// instead of ascending values; learnt from strace(1) runs.
    static let headerOrderGroups: Set<String> = ["eventfd_flags", "timerfd_flags", "signalfd_flags", "socket_flags"]

    /// Single-bit and multi-bit names in ascending value order, as most strace tables list them.
    static func flagCandidates(_ group: ConstantGroup, skip: Set<String>) -> [Constant] {
        let named = group.constants.filter { $0.aliasOf == nil && $0.value > 0 && !skip.contains($0.name) && !$0.name.hasSuffix("_MASK") }
        return headerOrderGroups.contains(group.name) ? named : named.sorted { $0.value < $1.value }
    }

    /// Where a group gives one value several names, the one strace prints (AF_UNIX, not AF_LOCAL).
    static let preferredNames: Set<String> = ["AF_UNIX", "AF_NETLINK", "PF_UNIX", "SCHED_OTHER"]
    /// Names strace uses that the headers spell differently (SCHED_NORMAL is strace's SCHED_OTHER).
    static let renamed: [String: String] = ["SCHED_NORMAL": "SCHED_OTHER"]

    /// strace's name for `value` in `group`: a preferred alias first, then the group's own choice.
    public static func name(_ value: Int64, in group: ConstantGroup?) -> String? {
        guard let group else { return nil }
        if let preferred = group.constants.first(where: { $0.value == value && preferredNames.contains($0.name) }) { return preferred.name }
        return group.name(of: value).map { renamed[$0] ?? $0 }
    }

    /// The name of `value` in an enumeration group, or the number itself.
    public static func enumeration(_ value: Int64, group: ConstantGroup?) -> String {
        name(value, in: group) ?? String(value)
    }

    /// `= -1 ENOENT (No such file or directory)`: the guest's errno name from its own table and
    /// the message strerror gives for the host's value of the same name.
    public static func error(_ guestErrno: Int64, guest: ConstantSet, host: ConstantSet) -> String {
        let name = guest.group("errno")?.name(of: guestErrno) ?? String(guestErrno)
        let hostValue = host.value(name) ?? guestErrno
        let message = String(cString: strerror(Int32(truncatingIfNeeded: hostValue)))
        return "-1 \(name) (\(message))"
    }

    /// strace's octal mode, printf's `%#03o`: `0644`, `022`, `000`.
    public static func mode(_ v: UInt64) -> String {
        let o = v == 0 ? "0" : "0" + String(v, radix: 8)
        return o.count < 3 ? String(repeating: "0", count: 3 - o.count) + o : o
    }

    /// `S_IFREG|0644`: the type from the generated `file_type` group (S_IFMT is its mask, not a type).
    public static func fileMode(_ v: UInt64, _ constants: ConstantSet) -> String {
        guard let types = constants.group("file_type"), let mask = constants.value("S_IFMT") else { return mode(v) }
        let type = Int64(bitPattern: v) & mask
        guard type != 0, type != mask, let name = types.name(of: type) else { return mode(v) }
        return name + "|" + mode(v & 0o7777)
    }

    /// A signal name without the SIG prefix, as sigset lists print them.
    static func shortSignal(_ name: String) -> String { name.hasPrefix("SIG") ? String(name.dropFirst(3)) : name }

    /// A JSON string literal.
    public static func json(_ s: String) -> String { SupportTable.jsonString(s) }
}
