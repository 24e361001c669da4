import FerryABI

/// The guest's mmap, mremap and shmat flag values that the address-space bookkeeping needs, looked up
/// once from the generated constants (they differ between architectures, e.g. MAP_ANONYMOUS on MIPS).
struct MemoryFlags {
    let type: UInt64, shared: UInt64, sharedValidate: UInt64, fixed: UInt64, fixedNoReplace: UInt64, anonymous: UInt64
    let mayMove: UInt64, remapFixed: UInt64, dontUnmap: UInt64
    let shmReadOnly: UInt64, shmRound: UInt64, shmRemap: UInt64, shmExec: UInt64
    /// Every PROT_* bit the guest's headers define (READ/WRITE/EXEC/SEM, the arch's own such as
    /// aarch64's BTI and MTE, GROWSDOWN/GROWSUP): mprotect refuses any other bit.
    let protectionBits: UInt64
    /// PROT_GROWSDOWN|PROT_GROWSUP, which mprotect refuses together.
    let growsBoth: UInt64

    init(_ guest: ConstantSet) {
        // The generator probes every one of these for every architecture (asm/mman.h, linux/mman.h, sys/shm.h),
        // so a missing one is a generator bug, not a guest to cope with.
        func v(_ name: String) -> UInt64 { UInt64(bitPattern: guest.required(name)) }
        type = v("MAP_TYPE")
        shared = v("MAP_SHARED")
        sharedValidate = v("MAP_SHARED_VALIDATE")
        fixed = v("MAP_FIXED")
        fixedNoReplace = v("MAP_FIXED_NOREPLACE")
        anonymous = v("MAP_ANONYMOUS")
        mayMove = v("MREMAP_MAYMOVE")
        remapFixed = v("MREMAP_FIXED")
        dontUnmap = v("MREMAP_DONTUNMAP")
        shmReadOnly = v("SHM_RDONLY")
        shmRound = v("SHM_RND")
        shmRemap = v("SHM_REMAP")
        shmExec = v("SHM_EXEC")
        protectionBits = (guest.group("mmap_prot")?.constants ?? []).reduce(0) { $0 | UInt64(bitPattern: $1.value) }
        growsBoth = v("PROT_GROWSDOWN") | v("PROT_GROWSUP")
    }

    /// MAP_SHARED or MAP_SHARED_VALIDATE (the mapping-type field, not a bit test).
    func isShared(_ flags: UInt64) -> Bool {
        let mappingType = flags & type
        return mappingType == shared || mappingType == sharedValidate
    }
}
