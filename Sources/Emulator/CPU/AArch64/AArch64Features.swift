/// What the AArch64 core implements, advertised to the guest through AT_HWCAP. glibc chooses
/// its string routines from these bits, so only what the core really executes is set.
enum AArch64Features {
    static let fp: UInt64 = 1 << 0
    static let asimd: UInt64 = 1 << 1
    static let crc32: UInt64 = 1 << 7
    static let atomics: UInt64 = 1 << 8
    static let lrcpc: UInt64 = 1 << 15   // LDAPR

    static let hwcap: UInt64 = fp | asimd | crc32 | atomics | lrcpc
    static let hwcap2: UInt64 = 0
    static let platform = "aarch64"
    /// AT_MINSIGSTKSZ: the rt_sigframe (siginfo + ucontext with fpsimd and esr records) and
    /// its frame record, rounded to 16, for a core without SVE or SME.
    static let minimumSignalStackSize: UInt64 = 4688
}
