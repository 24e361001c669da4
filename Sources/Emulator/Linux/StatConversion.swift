import FerryABI
import Glibc

/// Writes a host `struct stat` into guest memory in the guest's layout (generated, converted by
/// field name). Decided once: for an identical layout the bytes are copied as they are.
struct StatConverter {
    let converter: StructConverter?

    init(architecture: Architecture) {
        // 32-bit guests call the stat64 family; 64-bit guests use struct stat.
        converter = ABILayouts.converter(architecture.pointerSize == 8 ? "stat" : "stat64", guest: architecture)
    }

    func storeGuestStat(_ st: Glibc.stat, at address: UInt64) -> Int64 {
        guard let converter else { return -Int64(ENOSYS) }
        var host = st
        var guest = [UInt8](repeating: 0, count: converter.guest.size)
        withUnsafeBytes(of: &host) { src in guest.withUnsafeMutableBytes { converter.hostToGuest(src.baseAddress!, $0.baseAddress!) } }
        let ok = guest.withUnsafeBytes { GuestMemory.write(address, from: $0.baseAddress!, count: $0.count) }
        return ok ? 0 : -Int64(EFAULT)
    }
}
