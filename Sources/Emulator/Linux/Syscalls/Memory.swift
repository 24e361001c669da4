import Glibc

/// brk and the mmap family. A 64-bit guest's mappings are host mappings at the same addresses,
/// so the calls go to the host; what the emulator adds is its map of guest mappings (kept exact
/// through every change), keeping the guest off ferry's own memory, and dropping translations of
/// changed code.
///
/// Ferry's own memory is everything mapped that the guest map does not hold. The guest sees it
/// as a range it cannot have: MAP_FIXED or MREMAP_FIXED onto it fails with ENOMEM (what the
/// kernel says for an address range it cannot provide), MAP_FIXED_NOREPLACE with EEXIST (the
/// host says so), munmap of it succeeds doing nothing and mprotect of it is ENOMEM (both as for
/// unmapped memory), mremap from it is EFAULT (as for an address with no mapping). A hint
/// address is only a hint: the host moves it off anything mapped.
extension LinuxPersonality {
    private static let pageMask = HostMemory.pageSize - 1

    @inline(__always) private static func isError(_ result: Int64) -> Bool { result < 0 && result > -4096 }

    func brk(_ requested: UInt64) -> Int64 {
        addressSpace.withLock {
            guard requested >= programBreakStart else { return Int64(bitPattern: programBreak) }
            let heapStart = HostMemory.pageUp(programBreakStart)
            let oldEnd = HostMemory.pageUp(programBreak), newEnd = HostMemory.pageUp(requested)
            if newEnd > oldEnd {
                // Never over anything mapped, the guest's or ferry's: then brk fails as natively.
                guard HostMemory.mapAnonymous(at: oldEnd, length: newEnd - oldEnd, protection: PROT_READ | PROT_WRITE, fixed: true) != nil else {
                    return Int64(bitPattern: programBreak)
                }
                addressSpace.insert(GuestMapping(start: max(oldEnd, heapStart), end: newEnd, protection: PROT_READ | PROT_WRITE, name: "[heap]"))
            } else if newEnd < oldEnd {
                HostMemory.unmap(newEnd, length: oldEnd - newEnd)
                addressSpace.remove(newEnd, oldEnd)
                threads.invalidateCode(start: newEnd, end: oldEnd)
            }
            programBreak = requested
            return Int64(bitPattern: requested)
        }
    }

    func mmap(_ r: SyscallRequest) -> Int64 {
        let address = r[0], length = r[1], protection = r[2], flags = r[3]
        let noReplace = flags & memoryFlags.fixedNoReplace != 0
        let fixed = flags & memoryFlags.fixed != 0 && !noReplace
        return addressSpace.withLock {
            var reserved: [(start: UInt64, end: UInt64)] = []
            if fixed, length > 0, address & Self.pageMask == 0 {
                let end = address &+ HostMemory.pageUp(length)
                if end > address {
                    let (gaps, error) = reserveGaps(address, end)
                    if error != 0 { return error }
                    reserved = gaps
                }
            }
            let result = HostSyscall.call(.mmap, address, length, protection, flags, r[4], r[5])
            if Self.isError(result) {
                release(reserved)
                return result
            }
            let start = UInt64(result), end = start &+ HostMemory.pageUp(length)
            addressSpace.insert(describeNewMapping(start: start, end: end, protection: protection, flags: flags,
                                                   fd: Int32(truncatingIfNeeded: r[4]), offset: r[5]))
            // Only a fixed mapping can replace memory that held code; any other lands where
            // nothing was mapped (translations of unmapped memory were dropped at munmap).
            if fixed || noReplace { threads.invalidateCode(start: start, end: end) }
            return result
        }
    }

    func munmap(_ r: SyscallRequest) -> Int64 {
        let start = r[0], length = HostMemory.pageUp(r[1]), end = start &+ length
        guard start & Self.pageMask == 0, r[1] > 0, length > 0, end > start else { return -Int64(EINVAL) }
        let result: Int64 = addressSpace.withLock {
            // Only the guest's own pieces go; the rest of the range is ferry's or unmapped.
            for run in addressSpace.coveredRuns(start, end) {
                let result = HostSyscall.call(.munmap, run.start, run.end - run.start)
                if result < 0 { return result }
            }
            addressSpace.remove(start, end)
            return 0
        }
        if result == 0 { threads.invalidateCode(start: start, end: end) }
        return result
    }

    func mprotect(_ r: SyscallRequest) -> Int64 {
        let start = r[0], protection = Int32(truncatingIfNeeded: r[2])
        guard start & Self.pageMask == 0 else { return -Int64(EINVAL) }
        let bits = UInt64(UInt32(bitPattern: protection)), grows = memoryFlags.growsBoth
        guard bits & ~memoryFlags.protectionBits == 0, bits & grows != grows else { return -Int64(EINVAL) }
        if r[1] == 0 { return 0 }
        let length = HostMemory.pageUp(r[1]), end = start &+ length
        guard length > 0, end > start else { return -Int64(ENOMEM) }
        let result: Int64 = addressSpace.withLock {
            guard addressSpace.covers(start, end) else { return -Int64(ENOMEM) }
            let result = HostSyscall.call(.mprotect, start, length, r[2])
            if result == 0 { addressSpace.protect(start, end, protection: protection & 7) }
            return result
        }
        if result == 0 { threads.invalidateCode(start: start, end: end) }
        return result
    }

    func mremap(_ r: SyscallRequest) -> Int64 {
        let old = r[0], oldLength = HostMemory.pageUp(r[1]), newLength = HostMemory.pageUp(r[2]), flags = r[3], target = r[4]
        let f = memoryFlags
        guard flags & ~(f.mayMove | f.remapFixed | f.dontUnmap) == 0,
              flags & (f.remapFixed | f.dontUnmap) == 0 || flags & f.mayMove != 0,
              old & Self.pageMask == 0, r[2] > 0, newLength > 0 else { return -Int64(EINVAL) }
        return addressSpace.withLock {
            // The old range must be the guest's (oldLength 0 duplicates a shared mapping at `old`).
            guard addressSpace.covers(old, old &+ max(oldLength, HostMemory.pageSize)), old &+ oldLength >= old else {
                return -Int64(EFAULT)
            }
            var reserved: [(start: UInt64, end: UInt64)] = []
            if flags & f.remapFixed != 0, target & Self.pageMask == 0, target &+ newLength > target,
               target &+ newLength <= old || target >= old &+ oldLength {
                let (gaps, error) = reserveGaps(target, target &+ newLength)
                if error != 0 { return error }
                reserved = gaps
            }
            let result = HostSyscall.call(.mremap, old, r[1], r[2], flags, target)
            if Self.isError(result) {
                release(reserved)
                return result
            }
            addressSpace.move(from: old, oldLength: oldLength, to: UInt64(result), newLength: newLength,
                              keepOld: flags & f.dontUnmap != 0)
            threads.invalidateCode(start: old, end: old &+ oldLength)
            threads.invalidateCode(start: UInt64(result), end: UInt64(result) &+ newLength)
            return result
        }
    }

    /// shmat: the host attaches; the segment is recorded as the kernel shows it
    /// ("/SYSV<key> (deleted)", shared, inode = shmid). With SHM_REMAP over ferry's memory it is
    /// EINVAL, what the kernel says for an address it will not attach at.
    func shmat(_ r: SyscallRequest) -> Int64 {
        let readOnly = memoryFlags.shmReadOnly, round = memoryFlags.shmRound, remap = memoryFlags.shmRemap, exec = memoryFlags.shmExec
        let id = r[0], flags = r[2]
        var info = shmid_ds()
        let stat = withUnsafeMutableBytes(of: &info) { HostSyscall.call(.shmctl, id, UInt64(IPC_STAT), UInt64(UInt(bitPattern: $0.baseAddress))) }
        return addressSpace.withLock {
            var reserved: [(start: UInt64, end: UInt64)] = []
            let size = stat == 0 ? HostMemory.pageUp(UInt64(info.shm_segsz)) : 0
            let address = flags & round != 0 ? HostMemory.pageDown(r[1]) : r[1]
            if stat == 0, address != 0, flags & remap != 0, address & Self.pageMask == 0, address &+ size > address {
                let (gaps, error) = reserveGaps(address, address &+ size)
                if error != 0 { return -Int64(EINVAL) }
                reserved = gaps
            }
            let result = HostSyscall.call(.shmat, id, r[1], flags)
            if Self.isError(result) {
                release(reserved)
                return result
            }
            if stat == 0 {
                let key = UInt32(bitPattern: info.shm_perm.__key)
                var protection = PROT_READ | (flags & readOnly == 0 ? PROT_WRITE : 0)
                if flags & exec != 0 { protection |= PROT_EXEC }
                addressSpace.insert(GuestMapping(start: UInt64(result), end: UInt64(result) &+ size, protection: protection,
                                                 isShared: true, isFile: true, device: 1, inode: id,
                                                 name: "/SYSV" + MapsText.hex(UInt64(key), width: 8) + " (deleted)"))
            }
            threads.invalidateCode(start: UInt64(result), end: UInt64(result) &+ size)
            return result
        }
    }

    /// shmdt: detaches the segment attached at the address (all of its pieces), and forgets it.
    func shmdt(_ r: SyscallRequest) -> Int64 {
        addressSpace.withLock {
            let result = HostSyscall.call(.shmdt, r[0])
            guard result == 0, let first = addressSpace.mapping(containing: r[0]), first.name.hasPrefix("/SYSV") else { return result }
            var end = first.end
            while let next = addressSpace.mapping(containing: end), next.inode == first.inode, next.name == first.name { end = next.end }
            addressSpace.remove(first.start, end)
            threads.invalidateCode(start: first.start, end: end)
            return result
        }
    }

    // MARK: keeping the guest off ferry's memory

    /// Takes the unmapped parts of [start, end) that the guest map does not hold with inaccessible
    /// placeholder mappings, so a following MAP_FIXED cannot replace ferry's memory and nothing
    /// of ferry's can land there meanwhile. Fails (-ENOMEM) if any of it is ferry's.
    private func reserveGaps(_ start: UInt64, _ end: UInt64) -> (gaps: [(start: UInt64, end: UInt64)], error: Int64) {
        var reserved: [(start: UInt64, end: UInt64)] = []
        for gap in addressSpace.gaps(start, end) {
            let flags = UInt64(UInt32(bitPattern: MAP_PRIVATE | MAP_ANONYMOUS | HostMemory.mapNoReserve | HostMemory.mapFixedNoReplace))
            let result = HostSyscall.call(.mmap, gap.start, gap.end - gap.start, UInt64(PROT_NONE), flags, UInt64(bitPattern: -1), 0)
            if Self.isError(result) || UInt64(result) != gap.start {
                if !Self.isError(result) { _ = HostSyscall.call(.munmap, UInt64(result), gap.end - gap.start) }
                release(reserved)
                // EEXIST: something of ferry's is there.
                return ([], result == -Int64(EEXIST) || !Self.isError(result) ? -Int64(ENOMEM) : result)
            }
            reserved.append(gap)
        }
        return (reserved, 0)
    }

    private func release(_ reserved: [(start: UInt64, end: UInt64)]) {
        for gap in reserved { _ = HostSyscall.call(.munmap, gap.start, gap.end - gap.start) }
    }

    /// The record for a successful mmap: anonymous, shared anonymous, or a file's pages.
    private func describeNewMapping(start: UInt64, end: UInt64, protection: UInt64, flags: UInt64, fd: Int32,
                                    offset: UInt64) -> GuestMapping {
        let shared = memoryFlags.isShared(flags)
        var m = GuestMapping(start: start, end: end, protection: Int32(truncatingIfNeeded: protection) & 7, isShared: shared)
        if flags & memoryFlags.anonymous != 0 {
            // Shared anonymous memory is a deleted shmem file, as the kernel names it.
            if shared { m.isFile = true; m.device = 1; m.name = "/dev/zero (deleted)" }
            return m
        }
        var st = stat()
        m.isFile = true
        m.offset = offset
        if Glibc.fstat(fd, &st) == 0 {
            m.device = UInt64(st.st_dev)
            m.inode = UInt64(st.st_ino)
        }
        m.name = HostFile.readLink("/proc/self/fd/\(fd)") ?? ""
        return m
    }

    /// madvise: advice that can replace page contents (DONTNEED on a private file mapping reads
    /// the file again; REMOVE and FREE drop them) also drops translated code there.
    func madvise(_ r: SyscallRequest) -> Int64 {
        let result = HostSyscall.call(.madvise, r[0], r[1], r[2])
        let advice = Int64(Int32(truncatingIfNeeded: r[2]))
        if result == 0 && contentReplacingAdvice.contains(advice) { threads.invalidateCode(start: r[0], end: r[0] &+ r[1]) }
        return result
    }
}
