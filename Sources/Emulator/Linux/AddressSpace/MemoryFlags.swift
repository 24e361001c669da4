import FerryABI

/// The guest's mmap and mremap flag values that the address-space bookkeeping needs, looked up
/// once from the generated constants (they differ between architectures, e.g. MAP_ANONYMOUS on MIPS).
struct MemoryFlags {
    let shared: UInt64, sharedValidate: UInt64, fixed: UInt64, fixedNoReplace: UInt64, anonymous: UInt64
    let mayMove: UInt64, remapFixed: UInt64, dontUnmap: UInt64

    init(_ guest: ConstantSet) {
        func v(_ name: String, _ fallback: UInt64) -> UInt64 { guest.value(name).map { UInt64(bitPattern: $0) } ?? fallback }
        shared = v("MAP_SHARED", 0x01)
        sharedValidate = v("MAP_SHARED_VALIDATE", 0x03)
        fixed = v("MAP_FIXED", 0x10)
        fixedNoReplace = v("MAP_FIXED_NOREPLACE", 0x10_0000)
        anonymous = v("MAP_ANONYMOUS", 0x20)
        mayMove = v("MREMAP_MAYMOVE", 1)
        remapFixed = v("MREMAP_FIXED", 2)
        dontUnmap = v("MREMAP_DONTUNMAP", 4)
    }

    /// MAP_SHARED or MAP_SHARED_VALIDATE (the mapping-type field, not a bit test).
    func isShared(_ flags: UInt64) -> Bool {
        let type = flags & 0x0f
        return type == shared || type == sharedValidate
    }
}
