import FerryABI
import Glibc

/// Writes a host `struct stat` into guest memory in the guest's layout.
struct StatConverter {
    let architecture: Architecture

    func storeGuestStat(_ st: Glibc.stat, at address: UInt64) -> Int64 {
        // Placeholder until the generated layouts land: report the call as unsupported.
        -Int64(ENOSYS)
    }
}
