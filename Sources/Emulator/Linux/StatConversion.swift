import FerryABI
import Glibc

/// Writes a host `struct stat` into guest memory in the guest's layout (generated, converted by
/// field name). Decided once: for an identical layout the bytes are copied as they are.
struct StatConverter {
    let converter: StructConverter?

    init(architecture: Architecture) {
        // 32-bit guests call the stat64 family; 64-bit guests use struct stat.
        converter = architecture.pointerSize == 8 ? ABILayouts.converter("stat", guest: architecture)
            : ABILayouts.converter(guest: "stat64", on: architecture, host: "stat")
    }

    func storeGuestStat(_ st: Glibc.stat, at address: UInt64) -> Int64 {
        guard let converter else { return -Int64(ENOSYS) }
        var host = st
        let ok = withUnsafeTemporaryAllocation(byteCount: converter.guest.size, alignment: 16) { guest in
            withUnsafeBytes(of: &host) { converter.hostToGuest($0.baseAddress!, guest.baseAddress!) }
            return GuestMemory.write(address, from: guest.baseAddress!, count: guest.count)
        }
        return ok ? 0 : -Int64(EFAULT)
    }
}
