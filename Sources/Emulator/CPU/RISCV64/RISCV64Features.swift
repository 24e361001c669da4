/// What the RISC-V 64 core implements, advertised through AT_HWCAP: one bit per ISA letter
/// ('a' is bit 0), as the kernel builds it from the device tree's riscv,isa string.
enum RISCV64Features {
    static func letter(_ c: Character) -> UInt64 { 1 << UInt64(c.asciiValue! - Character("a").asciiValue!) }

    /// RV64IMAFDC: the rv64gc base Debian's toolchain targets (Zicsr and Zifencei have no letter).
    static let hwcap: UInt64 = letter("i") | letter("m") | letter("a") | letter("f") | letter("d") | letter("c")
    static let hwcap2: UInt64 = 0
    /// The riscv kernel defines no ELF_PLATFORM; the loader still wants a string for AT_PLATFORM.
    static let platform = "riscv64"
    /// AT_MINSIGSTKSZ: the rt_sigframe (siginfo + ucontext with the D state), rounded to 16,
    /// for a core without the vector extension.
    static let minimumSignalStackSize: UInt64 = 1088
    /// The time CSR counts CLOCK_MONOTONIC nanoseconds.
    static let timebaseFrequency: UInt64 = 1_000_000_000
}
