import FerryABI
import Glibc

/// ioctl's request by name from the guest's generated table and its third argument as strace
/// shows it, from the same family descriptions that drive conversion (Linux/Ioctls) plus their
/// printing hints (IoctlPrinting): before the call for what the call reads, after it (on
/// success) for what it fills, `in => out` for both.
struct IoctlArguments {
    let table: IoctlTable
    let decoder: ArgumentDecoder
    init(decoder: ArgumentDecoder) {
        self.decoder = decoder
        table = IoctlTable.forArchitecture(decoder.architecture)
    }

    /// The guest's generated group `name` as the argument printers show it; uffdio_ioctl_bits
    /// holds bit numbers (strace: `1<<_UFFDIO_API`).
    func printingGroup(_ name: String) -> PrintingGroup {
        let group = decoder.guest.group(name)
        return name == "uffdio_ioctl_bits" ? PrintingGroup(bitNumbers: group) : PrintingGroup(group)
    }

    /// What the printer needs about one guest request number.
    struct Described {
        let description: IoctlDescription
        /// The size _IOC gives the number (a `len` request's buffer).
        let size: Int
        let hints: [IoctlPrinting]
    }

    /// Whether a rendering is of the argument as the call gets it or as it leaves it.
    enum Phase { case entering, exiting }

    /// The request behind a guest number: exact, or a `len` request of any size.
    func request(_ number: UInt32) -> IoctlRequest? {
        table.requests(forNumber: number).first
            ?? table.requests.first { !$0.parameters.isEmpty && $0.matches(number, encoding: table.encoding) }
    }

    /// The description of a guest request number, from its family (nil: not in the table).
    func description(_ number: UInt32) -> Described? {
        guard let r = request(number), let d = IoctlFamilies.describe(r, architecture: decoder.architecture) else { return nil }
        return Described(description: d, size: Int(table.encoding.decode(number).size),
                         hints: IoctlFamilies.printing(family: d.family.name, request: r.name))
    }

    /// `TCGETS`, `EVIOCGNAME(64)`, strace's `A or B` where several requests share the number
    /// (strace's table adds other subsystems' names: `SNDCTL_TMR_START or TCSETS`), or strace's
    /// `_IOC(_IOC_READ, 0x54, 0x1, 0x8)` for a number nobody claims.
    func name(_ number: UInt32) -> String {
        let requests = table.requests(forNumber: number)
        if !requests.isEmpty {
            var names: [String] = []
            for r in requests {
                let name = r.aliasOf ?? r.name
                if !names.contains(name) { names.append(parameterised(r, number: number, name: name)) }
                let family = IoctlFamilies.owners(of: name).first?.name ?? r.family
                for case let .alsoNamed(other, code) in IoctlFamilies.printing(family: family, request: name)
                where !names.contains(other) && table.encoding.encode(code.direction, type: code.type, number: code.number, size: code.size) == number {
                    names.append(other)
                }
            }
            return names.sorted().joined(separator: " or ")
        }
        if let r = table.requests.first(where: { !$0.parameters.isEmpty && $0.matches(number, encoding: table.encoding) }) {
            return parameterised(r, number: number, name: r.name)
        }
        let f = table.encoding.decode(number)
        var direction: [String] = []
        if f.direction.contains(.read) { direction.append("_IOC_READ") }
        if f.direction.contains(.write) { direction.append("_IOC_WRITE") }
        let dir = direction.isEmpty ? "_IOC_NONE" : direction.joined(separator: "|")
        return "_IOC(\(dir), \(StraceText.hex(UInt64(f.type))), \(StraceText.hex(UInt64(f.number))), \(StraceText.hex(UInt64(f.size))))"
    }

    /// A function-like request with its parameters as the number carries them: `EVIOCGNAME(64)`,
    /// `EVIOCGBIT(0, 0)` (an event type in the request's number, the length in its size).
    func parameterised(_ r: IoctlRequest, number: UInt32, name: String) -> String {
        guard !r.parameters.isEmpty else { return name }
        let f = table.encoding.decode(number)
        let values = r.parameters.map { p -> String? in
            switch p {
            case "len": return String(f.size)
            case "ev": return String(f.number &- r.fields.number)
            default: return nil
            }
        }
        guard values.allSatisfy({ $0 != nil }) else { return name }
        return name + "(" + values.map { $0! }.joined(separator: ", ") + ")"
    }

    /// What a read-and-fill argument holds before the call (the tracer's enter keeps it for the
    /// `in => out` form); nil for other requests.
    func textBefore(_ r: SyscallRequest) -> String? {
        guard let d = description(UInt32(truncatingIfNeeded: r[1])), d.description.direction == [.read, .write],
              !d.hints.contains(.address), r[2] != 0 else { return nil }
        return value(d, at: r[2], phase: .entering)
    }

    /// The arguments as shown; `kept` is `textBefore`'s text from the call's entry.
    func arguments(_ r: SyscallRequest, after: Bool, kept: String? = nil) -> [String] {
        let number = UInt32(truncatingIfNeeded: r[1])
        let head = [decoder.fd(r[0]), name(number)]
        let arg = r[2]
        guard let d = description(number) else { return head + [StraceText.hex(arg)] }
        if d.hints.contains(.address) || d.hints.contains(.hex) { return head + [StraceText.hex(arg)] }
        if d.hints.contains(.pointer) { return head + [StraceText.pointer(arg)] }
        let ok = after && r.result >= 0
        switch d.description.argument {
        case .none:
            return head
        case .value:
            return head + [String(Int32(truncatingIfNeeded: arg))]
        case let .named(group):
            return head + [Self.enumeration(Int64(Int32(truncatingIfNeeded: arg)), decoder.guest.group(group))]
        case .opaque:
            return head + [StraceText.hex(arg)]
        default:
            break
        }
        guard arg != 0 else { return head + ["NULL"] }
        let direction = d.description.direction
        if direction == [.read, .write] {
            let old = kept ?? value(d, at: arg, phase: .entering)
            guard ok else { return head + [old] }
            return head + [combined(d, old: old, at: arg)]
        }
        if direction.contains(.read) && !ok { return head + [StraceText.hex(arg)] }
        return head + [value(d, at: arg, phase: .exiting)]
    }

    /// The result with what strace adds after it: ` (CLONE_NEWUTS)` for NS_GET_NSTYPE.
    func resultDetail(_ r: SyscallRequest) -> String {
        guard r.result >= 0, let d = description(UInt32(truncatingIfNeeded: r[1])) else { return "" }
        for case let .resultName(group) in d.hints {
            if let name = StraceText.name(r.result, in: decoder.guest.group(group)) { return " (\(name))" }
        }
        return ""
    }

    /// A read-and-fill argument after a successful call: `[in => out]` for integers, the
    /// struct's own form where it has one, else `{in} => {out}` when the call changed it.
    func combined(_ d: Described, old: String, at address: UInt64) -> String {
        let new = value(d, at: address, phase: .exiting)
        if d.hints.contains(where: { if case .ifreq = $0 { return true }; return $0 == .ifreqByIndex }) { return new }
        if case let .special(s) = d.description.argument, s == .ifconf { return ifconfCombined(old: old, at: address) }
        if case let .structure(name, _, _) = d.description.argument {
            if name == "uffdio_api" { return String(old.dropLast()) + " => " + new }
            if name == "uffdio_register" { return new }
        }
        if new == old { return new }
        if old.hasPrefix("["), new.hasPrefix("[") { return "[" + old.dropFirst().dropLast() + " => " + new.dropFirst() }
        return old + " => " + new
    }

    /// The argument at `address` as its description says.
    func value(_ d: Described, at address: UInt64, phase: Phase) -> String {
        let memory = decoder.memory
        let a = decoder.architecture
        let size = d.size
        switch d.description.argument {
        case let .integer(s, signed, long):
            let width = long ? a.pointerSize : s ?? (size == 0 ? 4 : size)
            guard let v = memory.word(address, size: width, signed: signed) else { return StraceText.hex(address) }
            for case let .flags(group) in d.hints {
                return "[" + printingGroup(group).flags(v & 0xFFFF_FFFF) + "]"
            }
            if width == 4 && !long { return "[\(Int32(truncatingIfNeeded: v))]" }
            return "[" + (signed ? String(Int64(bitPattern: v)) : String(v)) + "]"
        case let .array(element, signed, count):
            let n = count ?? size / max(element, 1)
            guard let b = memory.bytes(address, n * element) else { return StraceText.hex(address) }
            let items = (0..<n).map { i -> String in
                let v = Bytes.load(b, i * element, element, signed: signed, bigEndian: a.isBigEndian)
                return signed ? String(Int64(bitPattern: v)) : String(v)
            }
            return "[" + items.joined(separator: ", ") + "]"
        case .buffer:
            guard let b = memory.bytes(address, size) else { return StraceText.hex(address) }
            return StraceText.cString(Array(b.prefix { $0 != 0 }))
        case .string:
            return memory.cString(address, limit: 4096).map(StraceText.cString) ?? StraceText.hex(address)
        case let .structure(name, fields, pointers):
            guard let v = decoder.structs.view(name, at: address) else { return StraceText.hex(address) }
            for hint in d.hints {
                switch hint {
                case let .ifreq(member, kind): return ifreq(v, at: address, member: member, value: kind, phase: phase)
                case .ifreqByIndex: return ifreqByIndex(v, phase: phase)
                default: continue
                }
            }
            return structure(name, v, fields: fields, pointers: pointers, phase: phase,
                             writeOnly: !d.description.direction.contains(.read))
        case let .special(special):
            switch special {
            case .ifconf: return ifconf(at: address, phase: phase)
            case .fiemap:
                guard let v = decoder.structs.view("fiemap", at: address) else { return StraceText.hex(address) }
                return fiemap(v, phase: phase)
            case .dmIoctl: return structure("dm_ioctl", at: address)
            case .dedupeRange: return structure("file_dedupe_range", at: address)
            case .addEntropy: return structure("rand_pool_info", at: address)
            }
        case .none, .value, .named, .opaque:
            return StraceText.hex(address)
        }
    }

    func structure(_ name: String, at address: UInt64) -> String {
        guard let v = decoder.structs.view(name, at: address) else { return StraceText.hex(address) }
        return structure(name, v, fields: nil, pointers: [], phase: .exiting, writeOnly: false)
    }

    /// A struct by strace's own form where one is known, else field by field.
    func structure(_ name: String, _ v: StructView, fields: [String]?, pointers: [String], phase: Phase, writeOnly: Bool) -> String {
        switch name {
        case "termios", "termios2", "termio": return termios(v)
        case "winsize": return winsize(v)
        case "fsxattr": return fsxattr(v, withExtents: !writeOnly)
        case "loop_info64", "loop_info": return loopInfo(v)
        case "uffdio_api": return uffdioApi(v, phase: phase)
        case "uffdio_register": return uffdioRegister(v, phase: phase)
        case "uffdio_range": return "{start=\(StraceText.hex(v.u("start"))), len=\(StraceText.hex(v.u("len")))}"
        default:
            if fields == nil, let known = decoder.structs.render(name, v) { return known }
            return Self.fieldByField(v, fields: fields, pointers: Set(pointers))
        }
    }

    /// A value of an enumeration group, or strace's `0x7 /* TC??? */` for one it lacks.
    static func enumeration(_ value: Int64, _ group: ConstantGroup?) -> String {
        if let name = StraceText.name(value, in: group) { return name }
        guard let group, let prefix = commonPrefix(group.constants.map(\.name)), !prefix.isEmpty else { return String(value) }
        return StraceText.hex(UInt64(bitPattern: value)) + " /* \(prefix)??? */"
    }

    /// The longest prefix every name shares (TCIFLUSH, TCOFLUSH, TCIOFLUSH: `TC`).
    static func commonPrefix(_ names: [String]) -> String? {
        guard var prefix = names.first else { return nil }
        for n in names.dropFirst() {
            while !n.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// `{a=1, b={c=2, d="x"}, e=[1, 2]}`: every field of the layout in order (only `fields` and
    /// their members when given), nested members in braces, char arrays quoted, addresses in
    /// hex; padding and reserved fields left out, as strace does.
    static func fieldByField(_ v: StructView, fields: [String]?, pointers: Set<String>) -> String {
        var out = "{"
        var open: [Substring] = []
        var first = true
        var seenOffsets = Set<String>()
        for f in v.layout.fields where f.count > 0 {
            if let fields, !fields.contains(where: { f.name == $0 || f.name.hasPrefix($0 + ".") }) { continue }
            let path = f.name.split(separator: ".")
            let leaf = path.last!
            if path.contains(where: { $0.hasPrefix("pad") || $0.hasSuffix("_pad") || $0.contains("reserved") || $0.hasPrefix("__") }) { continue }
            // Members of one union at one offset: show the first only.
            if !seenOffsets.insert("\(path.dropLast().joined(separator: ".")):\(f.offset)").inserted && path.count > 1 { continue }
            let parents = Array(path.dropLast())
            var common = 0
            while common < open.count && common < parents.count && open[common] == parents[common] { common += 1 }
            while open.count > common { out += "}"; open.removeLast(); first = false }
            for p in parents[common...] {
                out += (first ? "" : ", ") + p + "={"
                open.append(p)
                first = true
            }
            out += (first ? "" : ", ") + leaf + "="
            first = false
            if f.count > 1 && f.size == 1 {
                let bytes = v.bytes[f.offset..<min(v.bytes.count, f.offset + f.count)]
                out += StraceText.cString(Array(bytes.prefix { $0 != 0 }))
            } else if f.count > 1 {
                let items = (0..<f.count).map { i in
                    number(Bytes.load(v.bytes, f.offset + i * f.size, f.size, signed: f.isSigned, bigEndian: v.bigEndian), signed: f.isSigned)
                }
                out += "[" + items.joined(separator: ", ") + "]"
            } else {
                let value = Bytes.load(v.bytes, f.offset, f.size, signed: f.isSigned, bigEndian: v.bigEndian)
                out += pointers.contains(f.name) ? StraceText.pointer(value) : number(value, signed: f.isSigned)
            }
        }
        out += String(repeating: "}", count: open.count)
        return out + "}"
    }

    static func number(_ v: UInt64, signed: Bool) -> String { signed ? String(Int64(bitPattern: v)) : String(v) }
}
