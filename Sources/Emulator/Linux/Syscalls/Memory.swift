import Glibc

/// brk and the mmap family. A 64-bit guest's mappings are host mappings at the same addresses,
/// so the calls go to the host; what the emulator adds is dropping translations of changed code.
extension LinuxPersonality {
    func brk(_ requested: UInt64) -> Int64 {
        guard requested >= programBreakStart else { return Int64(bitPattern: programBreak) }
        let oldEnd = HostMemory.pageUp(programBreak), newEnd = HostMemory.pageUp(requested)
        if newEnd > oldEnd {
            guard HostMemory.mapAnonymous(at: oldEnd, length: newEnd - oldEnd, protection: PROT_READ | PROT_WRITE, fixed: true) != nil else {
                return Int64(bitPattern: programBreak)
            }
        } else if newEnd < oldEnd {
            HostMemory.unmap(newEnd, length: oldEnd - newEnd)
        }
        programBreak = requested
        return Int64(bitPattern: requested)
    }

    func mmap(_ r: SyscallRequest) -> Int64 {
        let result = HostSyscall.call(.mmap, r[0], r[1], r[2], r[3], r[4], r[5])
        if result >= 0 { threads.invalidateCode(start: UInt64(result), end: UInt64(result) &+ r[1]) }
        return result
    }

    func munmap(_ r: SyscallRequest) -> Int64 {
        let result = HostSyscall.call(.munmap, r[0], r[1])
        if result == 0 { threads.invalidateCode(start: r[0], end: r[0] &+ r[1]) }
        return result
    }

    func mprotect(_ r: SyscallRequest) -> Int64 {
        let result = HostSyscall.call(.mprotect, r[0], r[1], r[2])
        if result == 0 { threads.invalidateCode(start: r[0], end: r[0] &+ r[1]) }
        return result
    }

    func mremap(_ r: SyscallRequest) -> Int64 {
        let result = HostSyscall.call(.mremap, r[0], r[1], r[2], r[3], r[4])
        if result >= 0 {
            threads.invalidateCode(start: r[0], end: r[0] &+ r[1])
            threads.invalidateCode(start: UInt64(result), end: UInt64(result) &+ r[2])
        }
        return result
    }
}
