import FerryABI
import Glibc

/// Guest memory as the ioctl handlers see it (a fake in unit tests).
protocol IoctlMemory {
    func read(_ address: UInt64, _ count: Int) -> [UInt8]?
    func write(_ address: UInt64, _ bytes: [UInt8]) -> Bool
}

struct LiveGuestMemory: IoctlMemory {
    func read(_ address: UInt64, _ count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        if count == 0 { return out }
        return out.withUnsafeMutableBytes { GuestMemory.read(address, count: count, into: $0.baseAddress!) } ? out : nil
    }

    func write(_ address: UInt64, _ bytes: [UInt8]) -> Bool {
        bytes.isEmpty || bytes.withUnsafeBytes { GuestMemory.write(address, from: $0.baseAddress!, count: bytes.count) }
    }
}

/// The handlers for arguments that are not one plain struct: a header struct converted field by
/// field, then what follows it (a payload, an array of structs) as its header says.
extension IoctlConversion {
    /// The kernel caps these trailing arrays far below this; larger is the guest's mistake.
    static let trailingLimit = 1 << 24

    /// Runs `call` with a host argument built from the guest's at `address`; copies back what the
    /// kernel filled. Returns the call's result or -errno.
    func perform(_ special: IoctlSpecial, at address: UInt64, memory: IoctlMemory, call: (UInt64) -> Int64) -> Int64 {
        switch special {
        case .dmIoctl: return headerAndPayload("dm_ioctl", sizeField: "data_size", at: address, memory: memory, writeBack: true, call: call)
        case .addEntropy: return headerAndPayload("rand_pool_info", sizeField: "buf_size", addHeader: true, at: address, memory: memory, writeBack: false, call: call)
        case .fiemap: return headerAndArray("fiemap", "fiemap_extent", countField: "fm_extent_count", filledField: "fm_mapped_extents",
                                            at: address, memory: memory, call: call)
        case .dedupeRange: return headerAndArray("file_dedupe_range", "file_dedupe_range_info", countField: "dest_count", filledField: nil,
                                                 at: address, memory: memory, call: call)
        case .ifconf: return ifconf(at: address, memory: memory, call: call)
        }
    }

    /// A header whose `sizeField` gives the byte length of header plus payload (dm_ioctl's
    /// data_size), or of the payload alone (`addHeader`: rand_pool_info's buf_size). The payload
    /// goes across as raw bytes.
    func headerAndPayload(_ name: String, sizeField: String, addHeader: Bool = false, at address: UInt64, memory: IoctlMemory,
                          writeBack: Bool, call: (UInt64) -> Int64) -> Int64 {
        guard let c = converter(name), let field = c.guest.field(sizeField) else { return -Int64(ENOTTY) }
        guard let head = memory.read(address, c.guest.size) else { return -Int64(EFAULT) }
        let declared = Int(Bytes.load(head, field.offset, field.size, signed: false, bigEndian: guest.isBigEndian))
        let total = addHeader ? c.guest.size + declared : max(declared, c.guest.size)
        guard total <= Self.trailingLimit else { return -Int64(EINVAL) }
        guard let all = memory.read(address, total) else { return -Int64(EFAULT) }
        let crossing = IoctlCrossing.structure(c, pointers: [])
        var host = toHost(crossing, Array(all[0..<c.guest.size])) + all[c.guest.size...]
        // The payload's offsets count from the header's start: a header of another size moves them.
        if !addHeader && c.guest.size != c.host.size { return -Int64(ENOTTY) }
        let result = host.withUnsafeMutableBytes { call(UInt64(UInt(bitPattern: $0.baseAddress!))) }
        if result >= 0 && writeBack {
            let back = toGuest(crossing, Array(host[0..<c.host.size])) + host[c.host.size...]
            if !memory.write(address, back) { return -Int64(EFAULT) }
        }
        return result
    }

    /// A header whose `countField` says how many elements follow it; after the call
    /// `filledField` (or the count) says how many to copy back.
    func headerAndArray(_ name: String, _ elementName: String, countField: String, filledField: String?, at address: UInt64,
                        memory: IoctlMemory, call: (UInt64) -> Int64) -> Int64 {
        guard let c = converter(name), let e = converter(elementName), let cf = c.guest.field(countField) else { return -Int64(ENOTTY) }
        guard let head = memory.read(address, c.guest.size) else { return -Int64(EFAULT) }
        let count = Int(Bytes.load(head, cf.offset, cf.size, signed: false, bigEndian: guest.isBigEndian))
        guard count * e.guest.size <= Self.trailingLimit else { return -Int64(EINVAL) }
        guard let elements = memory.read(address + UInt64(c.guest.size), count * e.guest.size) else { return -Int64(EFAULT) }
        let headCrossing = IoctlCrossing.structure(c, pointers: [])
        let elementCrossing = IoctlCrossing.structure(e, pointers: [])
        var host = toHost(headCrossing, head)
        for i in 0..<count {
            host += toHost(elementCrossing, Array(elements[(i * e.guest.size)..<((i + 1) * e.guest.size)]))
        }
        let result = host.withUnsafeMutableBytes { call(UInt64(UInt(bitPattern: $0.baseAddress!))) }
        guard result >= 0 else { return result }
        var filled = count
        if let filledField, let ff = c.host.field(filledField) {
            filled = min(count, Int(Bytes.load(host, ff.offset, ff.size, signed: false, bigEndian: self.host.isBigEndian)))
        }
        var back = toGuest(headCrossing, Array(host[0..<c.host.size]))
        for i in 0..<filled {
            let start = c.host.size + i * e.host.size
            back += toGuest(elementCrossing, Array(host[start..<(start + e.host.size)]))
        }
        return memory.write(address, back) ? result : -Int64(EFAULT)
    }

    /// SIOCGIFCONF: struct ifconf holds a length in bytes and a pointer to struct ifreq[]; the
    /// array is rebuilt at the host's element size and each returned entry converted back.
    func ifconf(at address: UInt64, memory: IoctlMemory, call: (UInt64) -> Int64) -> Int64 {
        guard let c = converter("ifconf"), let r = converter("ifreq", fields: ["ifr_ifrn.ifrn_name", "ifr_ifru.ifru_addr"]),
              let gl = c.guest.field("ifc_len"), let gp = c.guest.field("ifc_ifcu.ifcu_buf"),
              let hl = c.host.field("ifc_len"), let hp = c.host.field("ifc_ifcu.ifcu_buf") else { return -Int64(ENOTTY) }
        guard var guestHead = memory.read(address, c.guest.size) else { return -Int64(EFAULT) }
        let guestLength = Int(Int32(truncatingIfNeeded: Bytes.load(guestHead, gl.offset, gl.size, signed: true, bigEndian: guest.isBigEndian)))
        let guestBuffer = Bytes.load(guestHead, gp.offset, gp.size, signed: false, bigEndian: guest.isBigEndian)
        let count = max(0, guestLength) / r.guest.size
        var array = [UInt8](repeating: 0, count: max(1, count * r.host.size))
        var head = [UInt8](repeating: 0, count: c.host.size)
        Bytes.store(UInt64(count * r.host.size), &head, hl.offset, hl.size, bigEndian: host.isBigEndian)
        let result: Int64 = array.withUnsafeMutableBytes { a in
            Bytes.store(guestBuffer == 0 ? 0 : UInt64(UInt(bitPattern: a.baseAddress!)), &head, hp.offset, hp.size, bigEndian: host.isBigEndian)
            return head.withUnsafeMutableBytes { call(UInt64(UInt(bitPattern: $0.baseAddress!))) }
        }
        guard result >= 0 else { return result }
        let hostLength = Int(Bytes.load(head, hl.offset, hl.size, signed: true, bigEndian: host.isBigEndian))
        let filled = max(0, hostLength) / r.host.size
        if guestBuffer != 0 {
            var back: [UInt8] = []
            let crossing = IoctlCrossing.structure(r, pointers: [])
            for i in 0..<min(filled, count) { back += toGuest(crossing, Array(array[(i * r.host.size)..<((i + 1) * r.host.size)])) }
            if !memory.write(guestBuffer, back) { return -Int64(EFAULT) }
        }
        Bytes.store(UInt64(filled * r.guest.size), &guestHead, gl.offset, gl.size, bigEndian: guest.isBigEndian)
        return memory.write(address, guestHead) ? result : -Int64(EFAULT)
    }
}
