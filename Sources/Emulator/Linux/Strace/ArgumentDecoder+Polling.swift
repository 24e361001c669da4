import FerryABI

/// poll, select and epoll: the sets a call reads before it runs and the ready sets and time left
/// strace shows after it (`= 1 ([{fd=3, revents=POLLIN}])`, `= 2 (in [3], out [4], left {...})`).
extension ArgumentDecoder {
    // MARK: select

    /// The descriptors in an fd_set of `count` bits: `[3 4]`. The set is an array of longs of the
    /// guest's width and byte order (bit n of word w is descriptor w * bits + n).
    func fdSet(_ address: UInt64, count: UInt64) -> String {
        guard address != 0 else { return "NULL" }
        let n = Int(min(max(Int64(Int32(truncatingIfNeeded: count)), 0), 1 << 16))
        guard let fds = setDescriptors(address, count: n) else { return StraceText.hex(address) }
        return "[" + fds.map(String.init).joined(separator: " ") + "]"
    }

    func setDescriptors(_ address: UInt64, count: Int) -> [Int]? {
        let wordBytes = architecture.pointerSize
        let bits = wordBytes * 8
        let words = (count + bits - 1) / bits
        guard let b = memory.bytes(address, words * wordBytes) else { return nil }
        var fds: [Int] = []
        for w in 0..<words {
            let word = Bytes.load(b, w * wordBytes, wordBytes, signed: false, bigEndian: architecture.isBigEndian)
            guard word != 0 else { continue }
            for bit in 0..<bits where word & (1 << UInt64(bit)) != 0 && w * bits + bit < count { fds.append(w * bits + bit) }
        }
        return fds
    }

    /// pselect6's sixth argument: `{sigmask=[USR1], sigsetsize=8}`.
    func selectSigmask(_ address: UInt64) -> String {
        guard address != 0 else { return "NULL" }
        let ps = architecture.pointerSize
        guard let set = memory.word(address, size: ps), let size = memory.word(address &+ UInt64(ps), size: ps) else {
            return StraceText.hex(address)
        }
        return "{sigmask=\(sigset(set, size: Int(min(size, 128)))), sigsetsize=\(size)}"
    }

    /// After select/pselect6: `Timeout`, or the ready sets by name and the time left.
    func selectResult(_ id: SyscallID, _ r: SyscallRequest) -> String {
        if r.result == 0 { return " (Timeout)" }
        let n = Int(min(max(Int64(Int32(truncatingIfNeeded: r[0])), 0), 1 << 16))
        var parts: [String] = []
        for (index, label) in [(1, "in"), (2, "out"), (3, "except")] where r[index] != 0 {
            if let fds = setDescriptors(r[index], count: n), !fds.isEmpty {
                parts.append(label + " [" + fds.map(String.init).joined(separator: " ") + "]")
            }
        }
        if r[4] != 0, let left = timeLeft(id == .select ? "timeval" : "timespec", at: r[4]) { parts.append("left " + left) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    func timeLeft(_ s: String, at address: UInt64) -> String? {
        structs.view(s, at: address).flatMap { structs.render(s, $0) }
    }

    // MARK: poll

    /// After poll/ppoll: `Timeout`, or the descriptors with events and (ppoll) the time left.
    func pollResult(_ id: SyscallID, _ r: SyscallRequest) -> String {
        if r.result == 0 { return " (Timeout)" }
        let ready = pollReady(r[0], count: r[1])
        if id == .ppoll, r[2] != 0, let left = timeLeft("timespec", at: r[2]) { return " (\(ready), left \(left))" }
        return " (\(ready))"
    }

    /// The pollfds with events after poll: `[{fd=3, revents=POLLIN}]`.
    func pollReady(_ address: UInt64, count: UInt64) -> String {
        guard let layout = ABILayouts.layout("pollfd", for: architecture) else { return "?" }
        var items: [String] = []
        for i in 0..<min(count, 256) {
            guard let v = structs.view("pollfd", at: address &+ i &* UInt64(layout.size)) else { return "?" }
            if v.u("revents") & 0xFFFF != 0 { items.append(structs.pollfd(v, revents: true)) }
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    // MARK: epoll

    /// The events epoll_wait stored: `[{events=EPOLLIN, data={u32=7, u64=7}}]`, `[]` for none.
    func epollEvents(_ address: UInt64, _ r: SyscallRequest, after: Bool) -> String {
        guard after && r.result >= 0 else { return StraceText.pointer(address) }
        return array("epoll_event", at: address, count: UInt64(r.result), revents: false)
    }
}
