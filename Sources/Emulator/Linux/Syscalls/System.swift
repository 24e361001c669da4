import Glibc

extension LinuxPersonality {
    /// The host's uname with the machine field naming the guest architecture.
    func uname(_ r: SyscallRequest) -> Int64 {
        let result = HostSyscall.call(.uname, r[0])
        guard result == 0 else { return result }
        // struct utsname is six 65-byte fields on every Linux architecture; machine is the fifth.
        let machine = hostPointer(r[0] &+ 4 * 65)
        machine.initializeMemory(as: UInt8.self, repeating: 0, count: 65)
        let name = Array(architecture.rawValue.utf8)
        name.withUnsafeBytes { machine.copyMemory(from: $0.baseAddress!, byteCount: name.count) }
        return 0
    }
}
