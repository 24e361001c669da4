import XCTest
@testable import Emulator
import FerryABI

/// `-strace`'s ioctl lines against strace(1). Every expected string was printed by strace 6.1
/// (`strace -f -qq -X abbrev`, Debian bookworm, x86-64) for the same call with the same values
/// (TestCases/strace/ioctls.c and one-off runs); the arguments live in host memory, which a
/// 64-bit guest shares address for address.
final class StraceIoctlTests: XCTestCase {
    let host = ABIConstants.forArchitecture(.x86_64)

    func printer(_ architecture: Architecture = .aarch64) -> IoctlArguments {
        IoctlArguments(decoder: ArgumentDecoder(architecture: architecture, guest: ABIConstants.forArchitecture(architecture), host: host))
    }

    func number(_ name: String, _ architecture: Architecture = .aarch64) -> UInt64 {
        guard let r = IoctlTable.forArchitecture(architecture).request(named: name) else {
            XCTFail("\(architecture) lacks \(name)")
            return 0
        }
        return UInt64(r.request)
    }

    /// A zeroed buffer standing in for guest memory, freed after the test.
    func buffer(_ size: Int) -> UnsafeMutableRawPointer {
        let p = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        addTeardownBlock { p.deallocate() }
        return p
    }

    func address(_ p: UnsafeMutableRawPointer) -> UInt64 { UInt64(UInt(bitPattern: p)) }

    func offset(_ structName: String, _ field: String) -> Int {
        guard let f = ABILayouts.layout(structName, for: .aarch64)?.field(field) else {
            XCTFail("no \(structName).\(field)")
            return 0
        }
        return f.offset
    }

    func put(_ p: UnsafeMutableRawPointer, _ at: Int, _ bytes: [UInt8]) {
        for (i, b) in bytes.enumerated() { p.storeBytes(of: b, toByteOffset: at + i, as: UInt8.self) }
    }

    func request(_ fd: UInt64, _ name: String, _ arg: UInt64, result: Int64 = 0) -> SyscallRequest {
        var r = SyscallRequest(number: 0, arguments: (fd, number(name), arg, 0, 0, 0))
        r.result = result
        return r
    }

    /// The line's arguments as the tracer builds them: the entering text kept, then the exit.
    func line(_ r: SyscallRequest, _ p: IoctlArguments, change: () -> Void = {}) -> String {
        let kept = p.textBefore(r)
        change()
        return p.arguments(r, after: true, kept: kept).joined(separator: ", ")
    }

    // MARK: names

    func testRequestNames() {
        for architecture in [Architecture.aarch64, .mips] {
            let p = printer(architecture)
            // ioctl(4, SNDCTL_TMR_START or TCSETS, {...}): the OSS sequencer's _IO('T', 2) is the
            // same number where TCSETS is 0x5402, not on MIPS (0x540e).
            XCTAssertEqual(p.name(UInt32(number("TCSETS", architecture))),
                           architecture == .mips ? "TCSETS" : "SNDCTL_TMR_START or TCSETS", "\(architecture)")
            XCTAssertEqual(p.name(UInt32(number("FICLONE", architecture))), "BTRFS_IOC_CLONE or FICLONE", "\(architecture)")
            // ioctl(4, FIONREAD, [0]) for TIOCINQ, TIOCOUTQ for SIOCOUTQ.
            XCTAssertEqual(p.name(UInt32(number("TIOCINQ", architecture))), "FIONREAD", "\(architecture)")
            XCTAssertEqual(p.name(UInt32(number("SIOCOUTQ", architecture))), "TIOCOUTQ", "\(architecture)")
        }
        let p = printer()
        let table = IoctlTable.forArchitecture(.aarch64)
        // ioctl(-1, EVIOCGNAME(0), NULL) and a 64-byte buffer.
        XCTAssertEqual(p.name(UInt32(number("EVIOCGNAME"))), "EVIOCGNAME(0)")
        let name64 = table.encoding.encode(.read, type: 0x45, number: 0x06, size: 64)!
        XCTAssertEqual(p.name(name64), "EVIOCGNAME(64)")
        XCTAssertEqual(p.name(UInt32(number("EVIOCGBIT"))), "EVIOCGBIT(0, 0)")
        // ioctl(4, _IOC(_IOC_READ, 0xee, 0x1, 0x4), 0x7ffe...) = -1 ENOTTY
        XCTAssertEqual(p.name(table.encoding.encode(.read, type: 0xee, number: 1, size: 4)!), "_IOC(_IOC_READ, 0xee, 0x1, 0x4)")
        XCTAssertEqual(p.name(0x54ff), "_IOC(_IOC_NONE, 0x54, 0xff, 0)")
    }

    // MARK: values and bare arguments

    func testValuesAndBareArguments() {
        let p = printer()
        // ioctl(4, TCFLSH, 0x7 /* TC??? */) = -1 EINVAL
        XCTAssertEqual(line(request(4, "TCFLSH", 7, result: -22), p), "4, TCFLSH, 0x7 /* TC??? */")
        XCTAssertEqual(line(request(4, "TCFLSH", 0), p), "4, TCFLSH, TCIFLUSH")
        // ioctl(3, TIOCGPTPEER, 0x102) = 4
        XCTAssertEqual(line(request(3, "TIOCGPTPEER", 0x102, result: 4), p), "3, TIOCGPTPEER, 0x102")
        // ioctl(3, FIOQSIZE, 0x7fffe00ae1f0) = 0: strace does not decode it.
        let q = buffer(8)
        XCTAssertEqual(line(request(3, "FIOQSIZE", address(q)), p), "3, FIOQSIZE, 0x" + String(address(q), radix: 16))
        // ioctl(3, FS_IOC_GETFLAGS, [FS_EXTENT_FL]) = 0; the same call failing shows the pointer.
        let flags = buffer(4)
        flags.storeBytes(of: UInt32(0x80000), as: UInt32.self)
        XCTAssertEqual(line(request(3, "FS_IOC_GETFLAGS", address(flags)), p), "3, FS_IOC_GETFLAGS, [FS_EXTENT_FL]")
        XCTAssertEqual(line(request(3, "FS_IOC_GETFLAGS", address(flags), result: -25), p), "3, FS_IOC_GETFLAGS, 0x" + String(address(flags), radix: 16))
        // ioctl(3, FS_IOC_SETFLAGS, [FS_IMMUTABLE_FL|FS_EXTENT_FL]) = 0
        flags.storeBytes(of: UInt32(0x80010), as: UInt32.self)
        XCTAssertEqual(line(request(3, "FS_IOC_SETFLAGS", address(flags)), p), "3, FS_IOC_SETFLAGS, [FS_IMMUTABLE_FL|FS_EXTENT_FL]")
        // ioctl(-1, SIOCADDRT, NULL) but ioctl(-1, TUNSETIFF, 0): a pointer strace decodes vs a bare number.
        XCTAssertEqual(line(request(UInt64(bitPattern: -1), "SIOCADDRT", 0, result: -9), p), "-1, SIOCADDRT, NULL")
        XCTAssertEqual(line(request(UInt64(bitPattern: -1), "TUNSETIFF", 0, result: -9), p), "-1, TUNSETIFF, 0")
        // ioctl(3, NS_GET_NSTYPE) = 67108864 (CLONE_NEWUTS)
        let nstype = request(3, "NS_GET_NSTYPE", 0, result: 0x0400_0000)
        XCTAssertEqual(line(nstype, p), "3, NS_GET_NSTYPE")
        XCTAssertEqual(p.resultDetail(nstype), " (CLONE_NEWUTS)")
        XCTAssertEqual(p.resultDetail(request(3, "NS_GET_USERNS", 0, result: 4)), "")
    }

    // MARK: struct ifreq and ifconf

    func testInterfaceRequests() {
        let p = printer()
        let r = buffer(40)
        let union = offset("ifreq", "ifr_ifru.ifru_ivalue")
        put(r, 0, Array("lo".utf8))
        // ioctl(3, SIOCGIFINDEX, {ifr_name="lo", ifr_ifindex=1}) = 0
        XCTAssertEqual(line(request(3, "SIOCGIFINDEX", address(r)), p) { r.storeBytes(of: Int32(1), toByteOffset: union, as: Int32.self) },
                       "3, SIOCGIFINDEX, {ifr_name=\"lo\", ifr_ifindex=1}")
        // ioctl(3, SIOCGIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING}) = 0
        XCTAssertEqual(line(request(3, "SIOCGIFFLAGS", address(r)), p) { r.storeBytes(of: Int16(0x49), toByteOffset: union, as: Int16.self) },
                       "3, SIOCGIFFLAGS, {ifr_name=\"lo\", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING}")
        // ioctl(3, SIOCGIFHWADDR, {ifr_name="lo", ifr_hwaddr={sa_family=ARPHRD_LOOPBACK, sa_data=00:00:00:00:00:00}}) = 0
        XCTAssertEqual(line(request(3, "SIOCGIFHWADDR", address(r)), p) {
            r.storeBytes(of: UInt32(0), toByteOffset: union, as: UInt32.self)
            r.storeBytes(of: UInt16(772), toByteOffset: union, as: UInt16.self)
        }, "3, SIOCGIFHWADDR, {ifr_name=\"lo\", ifr_hwaddr={sa_family=ARPHRD_LOOPBACK, sa_data=00:00:00:00:00:00}}")
        // ioctl(3, SIOCGIFNETMASK, {ifr_name="lo", ifr_netmask={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("255.0.0.0")}}) = 0
        XCTAssertEqual(line(request(3, "SIOCGIFNETMASK", address(r)), p) {
            r.storeBytes(of: UInt16(2), toByteOffset: union, as: UInt16.self)
            put(r, union + 2, [0, 0, 255, 0, 0, 0])
        }, "3, SIOCGIFNETMASK, {ifr_name=\"lo\", ifr_netmask={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"255.0.0.0\")}}")
        // ioctl(3, SIOCGIFINDEX, {ifr_name="nosuchif0"}) = -1 ENODEV
        let missing = buffer(40)
        put(missing, 0, Array("nosuchif0".utf8))
        XCTAssertEqual(line(request(3, "SIOCGIFINDEX", address(missing), result: -19), p), "3, SIOCGIFINDEX, {ifr_name=\"nosuchif0\"}")
        // ioctl(3, SIOCGIFNAME, {ifr_ifindex=1, ifr_name="lo"}) = 0, and {ifr_ifindex=100000} = -1 ENODEV
        let byIndex = buffer(40)
        byIndex.storeBytes(of: Int32(1), toByteOffset: union, as: Int32.self)
        XCTAssertEqual(line(request(3, "SIOCGIFNAME", address(byIndex)), p) { put(byIndex, 0, Array("lo".utf8)) },
                       "3, SIOCGIFNAME, {ifr_ifindex=1, ifr_name=\"lo\"}")
        let noIndex = buffer(40)
        noIndex.storeBytes(of: Int32(100000), toByteOffset: union, as: Int32.self)
        XCTAssertEqual(line(request(3, "SIOCGIFNAME", address(noIndex), result: -19), p), "3, SIOCGIFNAME, {ifr_ifindex=100000}")
        // ioctl(3, SIOCSIFMTU, {ifr_name="lo", ifr_mtu=1500}) = 0
        r.storeBytes(of: Int32(1500), toByteOffset: union, as: Int32.self)
        XCTAssertEqual(line(request(3, "SIOCSIFMTU", address(r)), p), "3, SIOCSIFMTU, {ifr_name=\"lo\", ifr_mtu=1500}")
    }

    func testInterfaceList() {
        let p = printer()
        let conf = buffer(16)
        let entries = buffer(40 * 16)
        let buf = offset("ifconf", "ifc_ifcu.ifcu_buf")
        // ioctl(3, SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=NULL}) = 0
        XCTAssertEqual(line(request(3, "SIOCGIFCONF", address(conf)), p) { conf.storeBytes(of: Int32(80), as: Int32.self) },
                       "3, SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=NULL}")
        conf.storeBytes(of: Int32(640), as: Int32.self)
        conf.storeBytes(of: address(entries), toByteOffset: buf, as: UInt64.self)
        let expected = "3, SIOCGIFCONF, {ifc_len=640 /* 16 * sizeof(struct ifreq) */ => 80 /* 2 * sizeof(struct ifreq) */, "
            + "ifc_buf=[{ifr_name=\"lo\", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}}, "
            + "{ifr_name=\"eth0\", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"192.0.2.2\")}}]}"
        XCTAssertEqual(line(request(3, "SIOCGIFCONF", address(conf)), p) {
            conf.storeBytes(of: Int32(80), as: Int32.self)
            for (i, (name, ip)) in [("lo", [127, 0, 0, 1]), ("eth0", [192, 0, 2, 2])].enumerated() {
                put(entries, i * 40, Array(name.utf8))
                entries.storeBytes(of: UInt16(2), toByteOffset: i * 40 + 16, as: UInt16.self)
                put(entries, i * 40 + 20, ip.map(UInt8.init))
            }
        }, expected)
        // ioctl(4, SIOCGIFCONF, {ifc_len=40 /* 1 * sizeof(struct ifreq) */, ifc_buf=0x8}) = -1 EFAULT
        conf.storeBytes(of: Int32(40), as: Int32.self)
        conf.storeBytes(of: UInt64(8), toByteOffset: buf, as: UInt64.self)
        XCTAssertEqual(line(request(4, "SIOCGIFCONF", address(conf), result: -14), p),
                       "4, SIOCGIFCONF, {ifc_len=40 /* 1 * sizeof(struct ifreq) */, ifc_buf=0x8}")
    }

    // MARK: files, loop devices, userfaultfd

    func testFileLoopAndUserfaultfdStructs() {
        let p = printer()
        // ioctl(3, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=4}
        //   => {fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=1, ...}) = 0
        let fm = buffer(32 + 56 * 4)
        fm.storeBytes(of: UInt64.max, toByteOffset: offset("fiemap", "fm_length"), as: UInt64.self)
        fm.storeBytes(of: UInt32(1), toByteOffset: offset("fiemap", "fm_flags"), as: UInt32.self)
        fm.storeBytes(of: UInt32(4), toByteOffset: offset("fiemap", "fm_extent_count"), as: UInt32.self)
        XCTAssertEqual(line(request(3, "FS_IOC_FIEMAP", address(fm)), p) {
            fm.storeBytes(of: UInt32(1), toByteOffset: self.offset("fiemap", "fm_mapped_extents"), as: UInt32.self)
        }, "3, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=4} => {fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=1, ...}")
        // ... fm_flags=0x80 /* FIEMAP_FLAG_??? */ ...}) = -1 EBADR
        fm.storeBytes(of: UInt32(0x80), toByteOffset: offset("fiemap", "fm_flags"), as: UInt32.self)
        XCTAssertEqual(line(request(3, "FS_IOC_FIEMAP", address(fm), result: -53), p),
                       "3, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, fm_flags=0x80 /* FIEMAP_FLAG_??? */, fm_extent_count=4}")
        // ioctl(3, FS_IOC_FSSETXATTR, {fsx_xflags=FS_XFLAG_IMMUTABLE, fsx_extsize=0, fsx_projid=0, fsx_cowextsize=0}) = 0
        let fx = buffer(28)
        fx.storeBytes(of: UInt32(8), as: UInt32.self)
        XCTAssertEqual(line(request(3, "FS_IOC_FSSETXATTR", address(fx)), p),
                       "3, FS_IOC_FSSETXATTR, {fsx_xflags=FS_XFLAG_IMMUTABLE, fsx_extsize=0, fsx_projid=0, fsx_cowextsize=0}")
        // ioctl(7, LOOP_SET_STATUS64, {lo_offset=0x200, lo_number=2, lo_encrypt_type=LO_CRYPT_XOR,
        //   lo_encrypt_key_size=3, lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_PARTSCAN|0x100, lo_file_name="f",
        //   lo_crypt_name="c", lo_encrypt_key="\0\0\0", ...}) = -1 ENXIO
        let li = buffer(232)
        func at(_ f: String) -> Int { offset("loop_info64", f) }
        li.storeBytes(of: UInt64(512), toByteOffset: at("lo_offset"), as: UInt64.self)
        li.storeBytes(of: UInt64(77), toByteOffset: at("lo_sizelimit"), as: UInt64.self)
        li.storeBytes(of: UInt32(2), toByteOffset: at("lo_number"), as: UInt32.self)
        li.storeBytes(of: UInt32(1), toByteOffset: at("lo_encrypt_type"), as: UInt32.self)
        li.storeBytes(of: UInt32(3), toByteOffset: at("lo_encrypt_key_size"), as: UInt32.self)
        li.storeBytes(of: UInt32(0x109), toByteOffset: at("lo_flags"), as: UInt32.self)
        put(li, at("lo_file_name"), Array("f".utf8))
        put(li, at("lo_crypt_name"), Array("c".utf8))
        XCTAssertEqual(line(request(7, "LOOP_SET_STATUS64", address(li), result: -6), p),
                       "7, LOOP_SET_STATUS64, {lo_offset=0x200, lo_number=2, lo_encrypt_type=LO_CRYPT_XOR, lo_encrypt_key_size=3, lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_PARTSCAN|0x100, lo_file_name=\"f\", lo_crypt_name=\"c\", lo_encrypt_key=\"\\0\\0\\0\", ...}")
        // ioctl(3, LOOP_GET_STATUS64, 0x7fff...) = -1 ENXIO
        XCTAssertEqual(line(request(3, "LOOP_GET_STATUS64", address(li), result: -6), p), "3, LOOP_GET_STATUS64, 0x" + String(address(li), radix: 16))
        // ioctl(8, UFFDIO_API, {api=0xaa, features=UFFD_FEATURE_THREAD_ID => features=UFFD_FEATURE_...|0x1e000,
        //   ioctls=1<<_UFFDIO_REGISTER|1<<_UFFDIO_UNREGISTER|1<<_UFFDIO_API}) = 0
        let api = buffer(24)
        api.storeBytes(of: UInt64(0xaa), as: UInt64.self)
        api.storeBytes(of: UInt64(0x100), toByteOffset: 8, as: UInt64.self)
        XCTAssertEqual(line(request(8, "UFFDIO_API", address(api)), p) {
            api.storeBytes(of: UInt64(0x1_e101), toByteOffset: 8, as: UInt64.self)
            api.storeBytes(of: UInt64(1) << 63 | 3, toByteOffset: 16, as: UInt64.self)
        }, "8, UFFDIO_API, {api=0xaa, features=UFFD_FEATURE_THREAD_ID => features=UFFD_FEATURE_PAGEFAULT_FLAG_WP|UFFD_FEATURE_THREAD_ID|0x1e000, ioctls=1<<_UFFDIO_REGISTER|1<<_UFFDIO_UNREGISTER|1<<_UFFDIO_API}")
        // A failing UFFDIO_API shows what it was given: {api=0x5, features=...} = -1 EINVAL
        api.storeBytes(of: UInt64(5), as: UInt64.self)
        XCTAssertEqual(line(request(9, "UFFDIO_API", address(api), result: -22), p) {
            api.storeBytes(of: UInt64(0), as: UInt64.self)   // the kernel clears it on failure
        }, "9, UFFDIO_API, {api=0x5, features=UFFD_FEATURE_PAGEFAULT_FLAG_WP|UFFD_FEATURE_THREAD_ID|0x1e000}")
    }

    func testTerminalStructs() {
        let p = printer()
        // ioctl(4, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0
        let ws = buffer(8)
        ws.storeBytes(of: UInt16(24), as: UInt16.self)
        ws.storeBytes(of: UInt16(80), toByteOffset: 2, as: UInt16.self)
        XCTAssertEqual(line(request(4, "TIOCSWINSZ", address(ws)), p), "4, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}")
        // ioctl(4, TIOCGPGRP, 0x7fff...) = -1 ENOTTY; ioctl(4, TIOCGPTN, [0]) = 0
        let v = buffer(4)
        XCTAssertEqual(line(request(4, "TIOCGPGRP", address(v), result: -25), p), "4, TIOCGPGRP, 0x" + String(address(v), radix: 16))
        XCTAssertEqual(line(request(3, "TIOCGPTN", address(v)), p), "3, TIOCGPTN, [0]")
    }
}
