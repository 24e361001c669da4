#if FERRY_OP_PROFILE
import Glibc

/// Build with `-Xswiftc -DFERRY_OP_PROFILE` to count executed ops by kind; each core's counts go
/// to stderr when the guest calls exit or exit_group, most frequent first. For finding which forms
/// deserve a specialised kind or a fusion.
final class OpCounts {
    let counts: UnsafeMutablePointer<UInt64>
    private let name: (UInt8) -> String

    init(name: @escaping (UInt8) -> String) {
        counts = .allocate(capacity: 256)
        counts.initialize(repeating: 0, count: 256)
        self.name = name
    }

    func report() {
        var rows: [(UInt64, String)] = []
        for k in 0..<256 where counts[k] != 0 { rows.append((counts[k], name(UInt8(k)))) }
        let total = rows.reduce(0) { $0 + $1.0 }
        for (n, name) in rows.sorted(by: { $0.0 > $1.0 }).prefix(40) {
            fputs("\(name) \(n) \(n * 1000 / max(total, 1))‰\n", stderr)
        }
    }
}

enum OpProfile {
    static let aarch64 = OpCounts { OpKind(rawValue: $0).map { "\($0)" } ?? "?" }
    static let riscv64 = OpCounts { RVOpKind(rawValue: $0).map { "\($0)" } ?? "?" }
}
#endif
