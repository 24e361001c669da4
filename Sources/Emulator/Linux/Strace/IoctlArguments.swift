import FerryABI
import Glibc

/// ioctl's request by name from the guest's generated table and its third argument as strace
/// shows it, from the same family descriptions that drive conversion (Linux/Ioctls): before
/// the call for what the call reads, after it (on success) for what it fills, `in => out` for
/// both.
struct IoctlArguments {
    let table: IoctlTable
    let decoder: ArgumentDecoder
    init(decoder: ArgumentDecoder) {
        self.decoder = decoder
        table = IoctlTable.forArchitecture(decoder.architecture)
    }

    /// The description of a guest request number, from its family (nil: not in the table).
    func description(_ request: UInt32) -> (IoctlDescription, size: Int)? {
        let r = table.requests(forNumber: request).first
            ?? table.requests.first { !$0.parameters.isEmpty && $0.matches(request, encoding: table.encoding) }
        guard let r, let d = IoctlFamilies.describe(r, architecture: decoder.architecture) else { return nil }
        return (d, Int(table.encoding.decode(request).size))
    }

    /// `TCGETS`, `EVIOCGNAME(64)`, or strace's `_IOC(_IOC_READ, 0x54, 0x1, 0x8)` for unknown ones.
    func name(_ request: UInt32) -> String {
        if let r = table.requests(forNumber: request).first { return r.aliasOf ?? r.name }
        if let r = table.requests.first(where: { !$0.parameters.isEmpty && $0.matches(request, encoding: table.encoding) }) {
            return "\(r.name)(\(table.encoding.decode(request).size))"
        }
        let f = table.encoding.decode(request)
        var direction: [String] = []
        if f.direction.contains(.read) { direction.append("_IOC_READ") }
        if f.direction.contains(.write) { direction.append("_IOC_WRITE") }
        let dir = direction.isEmpty ? "_IOC_NONE" : direction.joined(separator: "|")
        return "_IOC(\(dir), \(StraceText.hex(UInt64(f.type))), \(StraceText.hex(UInt64(f.number))), \(StraceText.hex(UInt64(f.size))))"
    }

    /// What a read-and-fill argument holds before the call (the tracer's enter keeps it for the
    /// `in => out` form); nil for other requests.
    func textBefore(_ r: SyscallRequest) -> String? {
        guard let (d, size) = description(UInt32(truncatingIfNeeded: r[1])), d.direction == [.read, .write], r[2] != 0 else { return nil }
        return value(d, size: size, at: r[2])
    }

    /// The arguments as shown; `kept` is `textBefore`'s text from the call's entry.
    func arguments(_ r: SyscallRequest, after: Bool, kept: String? = nil) -> [String] {
        let request = UInt32(truncatingIfNeeded: r[1])
        let head = [decoder.fd(r[0]), name(request)]
        let arg = r[2]
        guard let (d, size) = description(request) else { return head + [StraceText.hex(arg)] }
        let ok = after && r.result >= 0
        switch d.argument {
        case .none:
            return head
        case .value:
            return head + [String(Int32(truncatingIfNeeded: arg))]
        case let .named(group):
            return head + [StraceText.enumeration(Int64(Int32(truncatingIfNeeded: arg)), group: decoder.guest.group(group))]
        case .opaque:
            return head + [StraceText.hex(arg)]
        default:
            break
        }
        guard arg != 0 else { return head + ["NULL"] }
        if d.direction == [.read, .write] {
            let old = kept ?? value(d, size: size, at: arg)
            guard ok else { return head + [old] }
            let new = value(d, size: size, at: arg)
            if new == old { return head + [new] }
            // Integers as strace shows in/out values: [in => out]; structs {in} => {out}.
            if old.hasPrefix("["), new.hasPrefix("[") { return head + ["[" + old.dropFirst().dropLast() + " => " + new.dropFirst()] }
            return head + [old + " => " + new]
        }
        if d.direction.contains(.read) && !ok { return head + [StraceText.pointer(arg)] }
        return head + [value(d, size: size, at: arg)]
    }

    /// The argument at `address` as its description says.
    func value(_ d: IoctlDescription, size: Int, at address: UInt64) -> String {
        let memory = decoder.memory
        let a = decoder.architecture
        switch d.argument {
        case let .integer(s, signed, long):
            let width = long ? a.pointerSize : s ?? (size == 0 ? 4 : size)
            guard let v = memory.word(address, size: width, signed: signed) else { return StraceText.hex(address) }
            if width == 4 && !long { return "[\(Int32(truncatingIfNeeded: v))]" }
            return "[" + (signed ? String(Int64(bitPattern: v)) : String(v)) + "]"
        case let .array(element, signed, count):
            let n = count ?? size / max(element, 1)
            guard let b = memory.bytes(address, n * element) else { return StraceText.hex(address) }
            let items = (0..<n).map { i -> String in
                let v = StructView.load(b, i * element, element, signed: signed, bigEndian: a.isBigEndian)
                return signed ? String(Int64(bitPattern: v)) : String(v)
            }
            return "[" + items.joined(separator: ", ") + "]"
        case .buffer:
            guard let b = memory.bytes(address, size) else { return StraceText.hex(address) }
            return StraceText.cString(Array(b.prefix { $0 != 0 }))
        case .string:
            return memory.cString(address, limit: 4096).map(StraceText.cString) ?? StraceText.hex(address)
        case let .structure(name, fields, pointers):
            return structure(name, at: address, fields: fields, pointers: pointers)
        case let .special(special):
            switch special {
            case .dmIoctl: return structure("dm_ioctl", at: address, fields: nil, pointers: [])
            case .ifconf: return structure("ifconf", at: address, fields: nil, pointers: ["ifc_ifcu.ifcu_buf", "ifc_ifcu.ifcu_req"])
            case .fiemap: return structure("fiemap", at: address, fields: nil, pointers: [])
            case .dedupeRange: return structure("file_dedupe_range", at: address, fields: nil, pointers: [])
            case .addEntropy: return structure("rand_pool_info", at: address, fields: nil, pointers: [])
            }
        case .none, .value, .named, .opaque:
            return StraceText.hex(address)
        }
    }

    func structure(_ name: String, at address: UInt64, fields: [String]? = nil, pointers: [String] = []) -> String {
        guard address != 0 else { return "NULL" }
        guard let v = decoder.structs.view(name, at: address) else { return StraceText.hex(address) }
        switch name {
        case "termios", "termios2": return termios(v)
        case "winsize":
            return "{ws_row=\(v.u("ws_row")), ws_col=\(v.u("ws_col")), ws_xpixel=\(v.u("ws_xpixel")), ws_ypixel=\(v.u("ws_ypixel"))}"
        default:
            if fields == nil, let known = decoder.structs.render(name, v) { return known }
            return Self.fieldByField(v, fields: fields, pointers: Set(pointers))
        }
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
                    number(StructView.load(v.bytes, f.offset + i * f.size, f.size, signed: f.isSigned, bigEndian: v.bigEndian), signed: f.isSigned)
                }
                out += "[" + items.joined(separator: ", ") + "]"
            } else {
                let value = StructView.load(v.bytes, f.offset, f.size, signed: f.isSigned, bigEndian: v.bigEndian)
                out += pointers.contains(f.name) ? StraceText.pointer(value) : number(value, signed: f.isSigned)
            }
        }
        out += String(repeating: "}", count: open.count)
        return out + "}"
    }

    static func number(_ v: UInt64, signed: Bool) -> String { signed ? String(Int64(bitPattern: v)) : String(v) }

    // MARK: termios, in strace's -X abbrev form and field order (learnt from strace(1) runs)

    static let inputFlags = ["IGNBRK", "BRKINT", "IGNPAR", "PARMRK", "INPCK", "ISTRIP", "INLCR", "IGNCR", "ICRNL",
                             "IUCLC", "IXON", "IXANY", "IXOFF", "IMAXBEL", "IUTF8"]
    static let outputFlags = ["OPOST", "OLCUC", "ONLCR", "OCRNL", "ONOCR", "ONLRET", "OFILL", "OFDEL"]
    /// The delay fields: mask name, then the names of its values (TAB3 is shown as XTABS).
    static let outputDelays: [(String, [String])] = [("NLDLY", ["NL0", "NL1"]), ("CRDLY", ["CR0", "CR1", "CR2", "CR3"]),
                                                     ("TABDLY", ["TAB0", "TAB1", "TAB2", "XTABS"]), ("BSDLY", ["BS0", "BS1"]),
                                                     ("VTDLY", ["VT0", "VT1"]), ("FFDLY", ["FF0", "FF1"])]
    static let controlFlags = ["CSTOPB", "CREAD", "PARENB", "PARODD", "HUPCL", "CLOCAL", "CMSPAR", "CRTSCTS"]
    static let localFlags = ["ISIG", "ICANON", "XCASE", "ECHO", "ECHOE", "ECHOK", "ECHONL", "NOFLSH", "IEXTEN",
                             "ECHOCTL", "ECHOPRT", "ECHOKE", "FLUSHO", "PENDIN", "TOSTOP", "EXTPROC"]
    /// VTDLY and its values are generic (asm-generic/termbits.h) but missing from the probed group.
    static let fallbackValues: [String: Int64] = ["VTDLY": 0o40000, "VT0": 0, "VT1": 0o40000]

    func termiosValue(_ name: String) -> UInt64? {
        (decoder.guest.group("termios")?.constants.first { $0.name == name }?.value ?? Self.fallbackValues[name])
            .map { UInt64(bitPattern: $0) }
    }

    /// Names of the bits of `value` in list order, then what no name covers in hex.
    func bits(_ value: UInt64, _ names: [String]) -> [String] {
        var rest = value
        var out: [String] = []
        for n in names {
            guard let bit = termiosValue(n), bit != 0, rest & bit == bit else { continue }
            out.append(n)
            rest &= ~bit
        }
        if rest != 0 { out.append(StraceText.hex(rest)) }
        return out
    }

    func termios(_ v: StructView) -> String {
        let iflag = v.u("c_iflag"), oflag = v.u("c_oflag"), cflag = v.u("c_cflag"), lflag = v.u("c_lflag")
        // Output delays: the value of each field by name, then the flag bits after a '|'.
        var delays: [String] = []
        var delayBits: UInt64 = 0
        for (mask, values) in Self.outputDelays {
            guard let m = termiosValue(mask), m != 0 else { continue }
            delayBits |= m
            let field = oflag & m
            let name = values.first { termiosValue($0) == field || ($0 == "XTABS" && field == m) }
            delays.append(name ?? StraceText.hex(field))
        }
        let o = delays.joined(separator: "|") + "|" + bits(oflag & ~delayBits, Self.outputFlags).joined(separator: "|")
        // Control: speed, input speed, character size, then flag bits after a '|'.
        let speeds = decoder.guest.group("termios_speed")
        let baudMask = termiosValue("CBAUD") ?? 0o10017
        let ibaudMask = termiosValue("CIBAUD") ?? (baudMask << 16)
        let sizeMask = termiosValue("CSIZE") ?? 0o60
        var control = [StraceText.name(Int64(cflag & baudMask), in: speeds) ?? StraceText.hex(cflag & baudMask)]
        let ibaud = (cflag & ibaudMask) >> 16
        if ibaud != 0 { control.append((StraceText.name(Int64(ibaud), in: speeds) ?? StraceText.hex(ibaud)) + "<<IBSHIFT") }
        let size = cflag & sizeMask
        control.append(["CS5", "CS6", "CS7", "CS8"].first { termiosValue($0) == size } ?? StraceText.hex(size))
        let c = control.joined(separator: "|") + "|" + bits(cflag & ~(baudMask | ibaudMask | sizeMask), Self.controlFlags).joined(separator: "|")
        let i = bits(iflag, Self.inputFlags).joined(separator: "|")
        let l = bits(lflag, Self.localFlags).joined(separator: "|")
        return "{c_iflag=\(i), c_oflag=\(o), c_cflag=\(c), c_lflag=\(l), ...}"
    }
}
