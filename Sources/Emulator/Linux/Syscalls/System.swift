import Glibc

extension LinuxPersonality {
    /// The host's uname with the machine field naming the guest architecture.
    func uname(_ r: SyscallRequest) -> Int64 {
        let result = HostSyscall.call(.uname, r[0])
        guard result == 0 else { return result }
        // struct utsname is six 65-byte fields on every Linux architecture; machine is the fifth.
        var machine = [UInt8](repeating: 0, count: 65)
        machine.replaceSubrange(0..<architecture.rawValue.utf8.count, with: architecture.rawValue.utf8)
        guard machine.withUnsafeBytes({ GuestMemory.write(r[0] &+ 4 * 65, from: $0.baseAddress!, count: 65) }) else {
            return -Int64(EFAULT)
        }
        return 0
    }
}
