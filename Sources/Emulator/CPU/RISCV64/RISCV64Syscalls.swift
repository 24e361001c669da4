import Glibc

/// The riscv64-only syscalls, served by the CPU layer because they concern the core itself:
/// riscv_flush_icache (drop translated code) and riscv_hwprobe (describe the ISA). Every other
/// number goes to the arch-neutral personality.
enum RISCV64Syscalls {
    static let hwprobeNumber = 258
    static let flushICacheNumber = 259

    /// The result (value or -errno) when the call is one of these, else nil.
    static func handle(_ request: SyscallRequest, thread: RISCV64Thread) -> Int64? {
        switch request.number {
        case flushICacheNumber:
            // flags: 0 (all threads) or SYS_RISCV_FLUSH_ICACHE_LOCAL (1).
            guard request[2] & ~1 == 0 else { return -Int64(EINVAL) }
            let start = request[0], end = request[1]
            if request[2] == 1 {
                thread.invalidateCode(start: start, end: max(end, start &+ 1))
            } else {
                thread.personality.threads.invalidateCode(start: start, end: max(end, start &+ 1))
            }
            return 0
        case hwprobeNumber:
            return hwprobe(pairs: request[0], count: request[1], flags: request[4])
        default:
            return nil
        }
    }

    // riscv_hwprobe keys (asm/hwprobe.h).
    static let keyMVendorID: Int64 = 0, keyMArchID: Int64 = 1, keyMImpID: Int64 = 2
    static let keyBaseBehavior: Int64 = 3, keyIMAExt0: Int64 = 4, keyCPUPerf0: Int64 = 5
    static let baseBehaviorIMA: UInt64 = 1
    static let imaFD: UInt64 = 1 << 0, imaC: UInt64 = 1 << 1
    /// Misaligned accesses work (the host does them) and are fast.
    static let misalignedFast: UInt64 = 3

    /// Fills each {key, value} pair; an unknown key gets key -1 and value 0, as the kernel does.
    static func hwprobe(pairs: UInt64, count: UInt64, flags: UInt64) -> Int64 {
        guard flags == 0 else { return -Int64(EINVAL) }
        guard count <= 1 << 20 else { return -Int64(EFAULT) }
        for i in 0..<count {
            let address = pairs &+ i &* 16
            guard let key = GuestMemory.readValue(address, as: Int64.self) else { return -Int64(EFAULT) }
            var outKey = key
            let value: UInt64
            switch key {
            case keyMVendorID, keyMArchID, keyMImpID: value = 0
            case keyBaseBehavior: value = baseBehaviorIMA
            case keyIMAExt0: value = imaFD | imaC
            case keyCPUPerf0: value = misalignedFast
            default: outKey = -1; value = 0
            }
            var record = (outKey, value)
            let ok = withUnsafeBytes(of: &record) { GuestMemory.write(address, from: $0.baseAddress!, count: 16) }
            guard ok else { return -Int64(EFAULT) }
        }
        return 0
    }
}
