import FerryABI
import Glibc

extension LinuxPersonality {
    /// A pass-through syscall whose signature says some arguments differ for this guest: structs
    /// go through host buffers, translated values replace the guest's, the rest pass unchanged.
    /// A NULL struct pointer stays NULL; an unreadable one goes to the host as it is, so the host
    /// answers EFAULT, or ignores it, exactly where the kernel would (the 64-bit guest's
    /// addresses are the host's). An out struct the guest cannot take gives EFAULT.
    func convertedCall(_ request: inout SyscallRequest, _ conversion: SignatureConversion, hostNumber: Int) {
        var args = [request[0], request[1], request[2], request[3], request[4], request[5]]
        var buffers: [(argument: Int, host: UnsafeMutableRawPointer, converter: StructConverter, copyOut: Bool)] = []
        defer { for b in buffers { b.host.deallocate() } }
        for step in conversion.steps {
            switch step {
            case let .value(i, translation):
                args[i] = translation.toHost(args[i])
            case let .signal(i, signals):
                // 0 (kill's existence check) and numbers the guest does not name pass unchanged.
                let host = signals.host(Int32(truncatingIfNeeded: args[i]))
                if host != 0 { args[i] = UInt64(UInt32(bitPattern: host)) }
            case let .structIn(i, converter), let .structInOut(i, converter):
                guard args[i] != 0 else { continue }
                let guestBytes = UnsafeMutableRawPointer.allocate(byteCount: converter.guest.size, alignment: 16)
                defer { guestBytes.deallocate() }
                guard GuestMemory.read(args[i], count: converter.guest.size, into: guestBytes) else { continue }
                let host = UnsafeMutableRawPointer.allocate(byteCount: converter.host.size, alignment: 16)
                converter.guestToHost(guestBytes, host)
                var copyOut = false
                if case .structInOut = step { copyOut = true }
                buffers.append((i, host, converter, copyOut))
                args[i] = UInt64(UInt(bitPattern: host))
            case let .structOut(i, converter):
                guard args[i] != 0 else { continue }
                let host = UnsafeMutableRawPointer.allocate(byteCount: converter.host.size, alignment: 16)
                host.initializeMemory(as: UInt8.self, repeating: 0, count: converter.host.size)
                buffers.append((i, host, converter, true))
                args[i] = UInt64(UInt(bitPattern: host))
            }
        }
        guard let result = interruptibleCall(hostNumber: hostNumber, &request, (args[0], args[1], args[2], args[3], args[4], args[5])) else {
            return
        }
        request.result = result
        guard result >= 0 else { return }
        for b in buffers where b.copyOut {
            let guestBytes = UnsafeMutableRawPointer.allocate(byteCount: b.converter.guest.size, alignment: 16)
            defer { guestBytes.deallocate() }
            b.converter.hostToGuest(b.host, guestBytes)
            if !GuestMemory.write(request[b.argument], from: guestBytes, count: b.converter.guest.size) {
                request.result = -Int64(EFAULT)
            }
        }
    }
}
