/// The architectures Ferry knows tables for. Guests: aarch64, riscv64, mips (o32, big-endian), arm
/// (EABI hard-float). i386 and x86_64 are here for the host side and for comparison tables.
public enum Architecture: String, CaseIterable, Sendable, Codable {
    case aarch64, riscv64, mips, arm, i386, x86_64

    public var pointerSize: Int {
        switch self {
        case .aarch64, .riscv64, .x86_64: return 8
        case .mips, .arm, .i386: return 4
        }
    }

    public var isBigEndian: Bool { self == .mips }
}
