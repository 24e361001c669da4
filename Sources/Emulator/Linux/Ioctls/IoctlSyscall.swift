import FerryABI
import Glibc

extension LinuxPersonality {
    /// ioctl(2): the guest's request through its route (IoctlTranslation): the argument passes
    /// through where guest and host lay it out alike, else through a converted host buffer.
    /// Requests no table or family knows are ENOTTY, said once per number under `-d unimp`.
    func ioctl(_ r: inout SyscallRequest) -> Int64 {
        let request = UInt32(truncatingIfNeeded: r[1])
        let translation = ioctls
        guard let route = translation.route(request) else {
            if let host = translation.host(request) {
                return interruptibleCall(.ioctl, &r, (r[0], UInt64(host), r[2], 0, 0, 0)) ?? 0
            }
            return unsupportedIoctl(r, request, why: nil)
        }
        // Some requests block (TCSBRK, TCSETSW drain the tty): guest signals interrupt them.
        // A restarted call leaves the guest's memory untouched (Int64.min: nothing to copy back).
        func call(_ argument: UInt64) -> Int64 {
            interruptibleCall(.ioctl, &r, (r[0], UInt64(route.host), argument, 0, 0, 0)) ?? Int64.min
        }
        let conversion = translation.conversion
        let result: Int64
        switch route.crossing {
        case .passThrough:
            let argument = r[2]
            result = call(argument)
        case let .unsupported(why):
            return unsupportedIoctl(r, request, why: why)
        case let .special(special):
            let address = r[2]
            result = conversion.perform(special, at: address, memory: LiveGuestMemory(), call: call)
        case .integers, .structure:
            let address = r[2]
            let memory = LiveGuestMemory()
            let direction = route.description.direction
            let count = conversion.guestByteCount(route.crossing)
            var guestBytes = [UInt8](repeating: 0, count: count)
            if let read = memory.read(address, count) {
                guestBytes = read
            } else if direction.contains(.write) || !direction.contains(.read) {
                return -Int64(EFAULT)
            }
            var host = conversion.toHost(route.crossing, guestBytes)
            result = host.withUnsafeMutableBytes { call(UInt64(UInt(bitPattern: $0.baseAddress!))) }
            if result >= 0 && direction.contains(.read) && !memory.write(address, conversion.toGuest(route.crossing, host)) {
                return -Int64(EFAULT)
            }
        }
        return result == Int64.min ? 0 : result
    }

    private func unsupportedIoctl(_ r: SyscallRequest, _ request: UInt32, why: String?) -> Int64 {
        if options.logUnimplemented && !ioctlReported.contains(UInt64(request)) {
            ioctlReported.insert(UInt64(request))
            let target = HostFile.describeDescriptor(Int32(truncatingIfNeeded: r[0]))
            let reason = why.map { ": \($0)" } ?? ""
            log.write("unsupported ioctl 0x\(String(request, radix: 16)) (\(ioctls.describe(request))) on fd \(Int32(truncatingIfNeeded: r[0])) (\(target))\(reason)")
        }
        return -Int64(ENOTTY)
    }
}
