import Glibc
import XCTest
@testable import Emulator
import FerryABI

/// -strace's result sets and socket messages against strace(1). Every expected string was printed
/// by strace 6.1 (`strace -f -qq -X abbrev`, Debian bookworm, x86-64) for a C program that passed
/// the same bytes (TestCases/strace/events_and_messages.c and its variants). The structs live in
/// this process's memory, which an aarch64 tracer reads as guest memory: on a 64-bit little-endian
/// guest the addresses and layouts are the host's.
final class StraceMessageTests: XCTestCase {
    let decoder = ArgumentDecoder(architecture: .aarch64, guest: ABIConstants.forArchitecture(.aarch64),
                                  host: ABIConstants.forArchitecture(.x86_64))

    func address(_ p: UnsafeRawPointer) -> UInt64 { UInt64(UInt(bitPattern: p)) }

    func request(_ args: [UInt64], result: Int64) -> SyscallRequest {
        let a = args + Array(repeating: 0, count: 6 - args.count)
        var r = SyscallRequest(number: 0, arguments: (a[0], a[1], a[2], a[3], a[4], a[5]))
        r.result = result
        return r
    }

    func testSelectSetsAndResults() {
        // pselect6(5, [3 4], [4], NULL, {tv_sec=5, tv_nsec=0}, NULL) = 2 (in [3], out [4], left {...})
        let read = UnsafeMutablePointer<UInt64>.allocate(capacity: 1), write = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        let left = UnsafeMutablePointer<timespec>.allocate(capacity: 1)
        defer { read.deallocate(); write.deallocate(); left.deallocate() }
        read.pointee = 1 << 3 | 1 << 4
        write.pointee = 1 << 4
        left.pointee = timespec(tv_sec: 4, tv_nsec: 999995213)
        XCTAssertEqual(decoder.fdSet(address(read), count: 5), "[3 4]")
        // Bits beyond nfds are not the call's: pselect6(4, [3], ...).
        XCTAssertEqual(decoder.fdSet(address(read), count: 4), "[3]")
        read.pointee = 1 << 3   // what the kernel leaves: the ready descriptors
        let call = request([5, address(read), address(write), 0, address(left)], result: 2)
        XCTAssertEqual(decoder.selectResult(.pselect6, call), " (in [3], out [4], left {tv_sec=4, tv_nsec=999995213})")
        XCTAssertEqual(decoder.selectResult(.pselect6, request([5, address(read)], result: 0)), " (Timeout)")
        XCTAssertEqual(decoder.fdSet(0, count: 5), "NULL")
        // {sigmask=[USR1], sigsetsize=8}
        let usr1 = UnsafeMutablePointer<UInt64>.allocate(capacity: 3)
        defer { usr1.deallocate() }
        usr1[0] = 1 << 9
        usr1[1] = address(usr1)
        usr1[2] = 8
        XCTAssertEqual(decoder.selectSigmask(address(usr1 + 1)), "{sigmask=[USR1], sigsetsize=8}")
    }

    func testEpollEventsAfterTheCall() {
        // epoll_pwait(5, [{events=EPOLLIN, data={u32=4660, u64=4660}}], 4, 0, NULL, 8) = 1; = 0 shows []
        var events: (UInt32, UInt32, UInt64) = (1, 0, 0x1234)
        withUnsafeBytes(of: &events) { e in
            let p = address(e.baseAddress!)
            XCTAssertEqual(decoder.epollEvents(p, request([5, p, 4], result: 1), after: true), "[{events=EPOLLIN, data={u32=4660, u64=4660}}]")
            XCTAssertEqual(decoder.epollEvents(p, request([5, p, 4], result: 0), after: true), "[]")
            XCTAssertEqual(decoder.epollEvents(p, request([99, p, 4], result: -9), after: true), StraceText.hex(p))
        }
    }

    /// A msghdr (aarch64 layout: name, namelen, iov, iovlen, control, controllen, flags) over `iov`
    /// and `control`, handed to `body` by address.
    func withMessage(name: UnsafeRawPointer? = nil, namelen: UInt32 = 0, iov: [(UnsafeRawPointer, Int)],
                     control: [UInt8], flags: Int32 = 0, _ body: (UInt64) -> Void) {
        var vectors = iov.flatMap { [address($0.0), UInt64($0.1)] }
        var controlBytes = control
        vectors.withUnsafeMutableBytes { v in
            controlBytes.withUnsafeMutableBytes { c in
                var header = [UInt8](repeating: 0, count: 56)
                func put(_ value: UInt64, _ offset: Int, _ size: Int) {
                    for i in 0..<size { header[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
                }
                put(name.map(address) ?? 0, 0, 8); put(UInt64(namelen), 8, 4)
                put(address(v.baseAddress!), 16, 8); put(UInt64(iov.count), 24, 8)
                put(control.isEmpty ? 0 : address(c.baseAddress!), 32, 8); put(UInt64(control.count), 40, 8)
                put(UInt64(UInt32(bitPattern: flags)), 48, 4)
                header.withUnsafeBytes { body(address($0.baseAddress!)) }
            }
        }
    }

    /// A control message: cmsg_len (8 bytes), level, type, data, padded to 8.
    func cmsg(level: Int32, type: Int32, _ data: [UInt8]) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 { b[i] = UInt8(truncatingIfNeeded: (16 + data.count) >> (8 * i)) }
        for i in 0..<4 { b[8 + i] = UInt8(truncatingIfNeeded: level >> (8 * Int32(i))); b[12 + i] = UInt8(truncatingIfNeeded: type >> (8 * Int32(i))) }
        b += data
        while b.count % 8 != 0 { b.append(0) }
        return b
    }

    func ints(_ values: [UInt32]) -> [UInt8] { values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * UInt32($0))) } } }

    func testSendmsgWithRightsAndCredentials() {
        let hello = Array("hello".utf8), world = Array(" world".utf8)
        hello.withUnsafeBytes { h in
            world.withUnsafeBytes { w in
                let iov = [(h.baseAddress!, 5), (w.baseAddress!, 6)]
                withMessage(iov: iov, control: cmsg(level: 1, type: 1, ints([0, 2]))) { m in
                    XCTAssertEqual(decoder.message(m, request([3, m, 0], result: 11), after: true, namelenBefore: nil),
                                   "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}, {iov_base=\" world\", iov_len=6}], msg_iovlen=2, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 2]}], msg_controllen=24, msg_flags=0}")
                }
                withMessage(iov: [iov[0]], control: cmsg(level: 1, type: 2, ints([1650, 0, 0]))) { m in
                    XCTAssertEqual(decoder.message(m, request([3, m, 64], result: 5), after: true, namelenBefore: nil),
                                   "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=1650, uid=0, gid=0}}], msg_controllen=32, msg_flags=0}")
                }
                // An SOL_SOCKET type strace does not know: its number, no data.
                withMessage(iov: [iov[0]], control: cmsg(level: 1, type: 77, ints([0]))) { m in
                    XCTAssertEqual(decoder.controlMessages(decoder.structs.view("msghdr", at: m)?.u("msg_control") ?? 0, length: 24),
                                   "[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=0x4d /* SCM_??? */}]")
                }
            }
        }
    }

    func testRecvmsgAfterTheCall() {
        // recvmsg(4, {msg_name={sa_family=AF_UNIX, sun_path="ev.a"}, msg_namelen=110 => 7, msg_iov=[{iov_base="hell",
        // iov_len=4}, {iov_base="o world", iov_len=16}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 11
        var name = [UInt8](repeating: 0, count: 110)
        name[0] = 1; name[2...5] = [0x65, 0x76, 0x2e, 0x61]   // AF_UNIX, "ev.a"
        let small = Array("hell".utf8), rest = Array("o world".utf8) + [UInt8](repeating: 0, count: 9)
        name.withUnsafeBytes { n in
            small.withUnsafeBytes { s in
                rest.withUnsafeBytes { r in
                    withMessage(name: n.baseAddress!, namelen: 7, iov: [(s.baseAddress!, 4), (r.baseAddress!, 16)], control: []) { m in
                        XCTAssertEqual(decoder.message(m, request([4, m, 0], result: 11), after: true, namelenBefore: 110),
                                       "{msg_name={sa_family=AF_UNIX, sun_path=\"ev.a\"}, msg_namelen=110 => 7, msg_iov=[{iov_base=\"hell\", iov_len=4}, {iov_base=\"o world\", iov_len=16}], msg_iovlen=2, msg_controllen=0, msg_flags=0}")
                        // recvmsg(4, {msg_namelen=110}, MSG_DONTWAIT) = -1 EAGAIN
                        XCTAssertEqual(decoder.message(m, request([4, m, 64], result: -11), after: true, namelenBefore: 110), "{msg_namelen=110}")
                    }
                }
            }
        }
    }

    func testSocketAddressesByFamily() {
        // bind(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0
        var netlink: [UInt8] = [16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        netlink.withUnsafeBytes { XCTAssertEqual(decoder.sockaddr(address($0.baseAddress!), length: 12), "{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}") }
        netlink[4] = 0x72; netlink[5] = 0x06; netlink[8] = 0x10   // nl_pid 1650, nl_groups 0x10
        netlink.withUnsafeBytes { XCTAssertEqual(decoder.sockaddr(address($0.baseAddress!), length: 12), "{sa_family=AF_NETLINK, nl_pid=1650, nl_groups=00000010}") }
    }

    func testInterruptedCallsAndSignatures() {
        // The select family's sets are read before the call and shown as they were.
        XCTAssertEqual(SyscallSignatures.byID[.pselect6]?.arguments[1], .fdSet(count: 0))
        XCTAssertEqual(SyscallSignatures.byID[.recvmsg]?.arguments[1], .outMessage)
        XCTAssertEqual(SyscallSignatures.byID[.recvmmsg]?.arguments[1], .outMessages(count: 2))
        XCTAssertEqual(SyscallSignatures.byID[.epoll_pwait2]?.arguments[1], .outEpollEvents)
    }
}
