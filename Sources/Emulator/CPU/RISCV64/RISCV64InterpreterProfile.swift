#if FERRY_OP_PROFILE
import Glibc

/// Build with `-Xswiftc -DFERRY_OP_PROFILE` to count executed RISC-V ops by kind; the counts go to
/// stderr when the guest calls exit or exit_group (a7 = 93 or 94), most frequent first. For
/// finding which forms deserve a specialised kind or a fusion.
enum RVOpProfile {
    static let counts: UnsafeMutablePointer<UInt64> = {
        let p = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)
        p.initialize(repeating: 0, count: 256)
        return p
    }()

    static func report() {
        var rows: [(UInt64, String)] = []
        for k in 0..<256 where counts[k] != 0 {
            rows.append((counts[k], RVOpKind(rawValue: UInt8(k)).map { "\($0)" } ?? "?"))
        }
        let total = rows.reduce(0) { $0 + $1.0 }
        for (n, name) in rows.sorted(by: { $0.0 > $1.0 }).prefix(40) {
            fputs("\(name) \(n) \(n * 1000 / max(total, 1))‰\n", stderr)
        }
    }
}
#endif
