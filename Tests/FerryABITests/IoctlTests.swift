import XCTest
import FerryABI
import Glibc

final class IoctlTests: XCTestCase {
    /// What issue 8 item 4 names. Each must be generated on every architecture or be listed in
    /// its table's `missing` with a reason.
    static let required = """
        TCGETS TCSETS TCSETSW TCSETSF TCGETS2 TIOCGWINSZ TIOCSWINSZ TIOCGPGRP TIOCSPGRP TIOCSCTTY
        TIOCNOTTY TIOCOUTQ TIOCINQ TIOCGPTN TIOCSPTLCK TIOCGPTPEER TCFLSH TCXONC TCSBRK TIOCMGET
        FIONREAD FIONBIO FIOASYNC FIOCLEX FIONCLEX FIOQSIZE SIOCGIFCONF SIOCGIFFLAGS SIOCSIFFLAGS
        SIOCGIFINDEX SIOCGIFNAME SIOCGIFADDR SIOCGIFMTU SIOCGIFHWADDR SIOCATMARK SIOCOUTQ SIOCINQ
        BLKGETSIZE BLKGETSIZE64 BLKSSZGET BLKBSZGET BLKBSZSET BLKROGET BLKROSET BLKRAGET BLKRASET
        BLKFLSBUF BLKDISCARD BLKRRPART LOOP_SET_FD LOOP_CLR_FD LOOP_SET_STATUS64 LOOP_GET_STATUS64
        LOOP_CONFIGURE LOOP_CTL_GET_FREE LOOP_CTL_ADD LOOP_CTL_REMOVE LOOP_SET_CAPACITY
        LOOP_SET_DIRECT_IO LOOP_SET_BLOCK_SIZE FS_IOC_GETFLAGS FS_IOC_SETFLAGS FS_IOC_GETVERSION
        FS_IOC_FSGETXATTR FS_IOC_FSSETXATTR FS_IOC_FIEMAP FICLONE FICLONERANGE FIDEDUPERANGE FIBMAP
        FIGETBSZ FITRIM FIFREEZE FITHAW RNDGETENTCNT RNDADDTOENTCNT RNDADDENTROPY RNDZAPENTCNT
        RNDCLEARPOOL TUNSETIFF TUNGETIFF TUNGETFEATURES TUNSETPERSIST UFFDIO_API UFFDIO_REGISTER
        UFFDIO_UNREGISTER UFFDIO_COPY UFFDIO_ZEROPAGE UFFDIO_WAKE UFFDIO_WRITEPROTECT UFFDIO_CONTINUE
        NS_GET_USERNS NS_GET_PARENT NS_GET_NSTYPE NS_GET_OWNER_UID PIDFD_GET_INFO KVM_GET_API_VERSION
        KVM_CREATE_VM KVM_CHECK_EXTENSION KVM_GET_VCPU_MMAP_SIZE KVM_CREATE_VCPU
        KVM_SET_USER_MEMORY_REGION DM_VERSION DM_LIST_DEVICES DM_DEV_CREATE DM_DEV_REMOVE DM_DEV_STATUS
        EVIOCGVERSION EVIOCGID EVIOCGNAME EVIOCGBIT RTC_RD_TIME SECCOMP_IOCTL_NOTIF_RECV
        SECCOMP_IOCTL_NOTIF_SEND SECCOMP_IOCTL_NOTIF_ID_VALID SECCOMP_IOCTL_NOTIF_ADDFD
        PERF_EVENT_IOC_ENABLE PERF_EVENT_IOC_DISABLE
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    func testEveryRequiredRequestIsGeneratedOrExplained() {
        for arch in Architecture.allCases {
            let table = IoctlTable.forArchitecture(arch)
            XCTAssertGreaterThanOrEqual(table.requests.count, 200, "\(arch)")
            let missing = Dictionary(table.missing.map { ($0.name, $0.reason) }, uniquingKeysWith: { a, _ in a })
            for name in Self.required {
                let present = table.request(named: name) != nil
                XCTAssertNotEqual(present, missing[name] != nil, "\(arch) \(name): present xor listed missing")
                if let reason = missing[name] { XCTAssertFalse(reason.isEmpty, "\(arch) \(name)") }
            }
            // Known gaps, each with its reason: PIDFD_GET_INFO is newer than the 6.1 headers;
            // 32-bit ARM has no KVM since Linux 5.7, so its sysroot has no <linux/kvm.h>.
            XCTAssertTrue(missing["PIDFD_GET_INFO"]?.contains("not defined") ?? false, "\(arch)")
            XCTAssertEqual(missing["KVM_CREATE_VM"] != nil, arch == .arm, "\(arch)")
            if arch == .arm { XCTAssertTrue(missing["KVM_CREATE_VM"]!.contains("linux/kvm.h")) }
            XCTAssertLessThanOrEqual(table.missing.count, arch == .arm ? 7 : 1, "\(arch): \(table.missing)")
        }
    }

    /// The generator read each request's fields through the architecture's own _IOC_* macros;
    /// the Swift decoder works from the probed field widths alone. They must agree everywhere,
    /// and re-encoding an _IO*-built request must give its number back.
    func testDecoderAgreesWithArchitectureMacros() {
        var checked = 0
        for arch in Architecture.allCases {
            let table = IoctlTable.forArchitecture(arch)
            let enc = table.encoding
            for r in table.requests {
                XCTAssertEqual(enc.decode(r.request), r.fields, "\(arch) \(r.name)")
                if r.isEncoded {
                    XCTAssertEqual(enc.encode(r.fields.direction, type: r.fields.type, number: r.fields.number,
                                              size: r.fields.size), r.request, "\(arch) \(r.name)")
                }
                checked += 1
            }
            // _IO requests carry the architecture's "none" direction (1 on MIPS, 0 elsewhere).
            let nsType = table.request(named: "NS_GET_USERNS")!
            XCTAssertEqual(nsType.fields.rawDirection, enc.none, "\(arch)")
            XCTAssertEqual(nsType.fields.direction, [], "\(arch)")
            XCTAssertEqual(table.request(named: "TCGETS2")?.fields.direction, .read, "\(arch)")
            XCTAssertEqual(table.request(named: "TCSETS2")?.fields.direction, .write, "\(arch)")
            XCTAssertEqual(table.request(named: "SECCOMP_IOCTL_NOTIF_RECV")?.fields.direction, [.read, .write])
        }
        XCTAssertGreaterThan(checked, 2400)
        // MIPS packs a 3-bit direction above a 13-bit size; the others 2 bits above 14.
        XCTAssertEqual(IoctlTable.forArchitecture(.mips).encoding.sizeBits + 1,
                       IoctlTable.forArchitecture(.aarch64).encoding.sizeBits)
        XCTAssertNotEqual(IoctlTable.forArchitecture(.mips).request(named: "TCGETS2")?.request,
                          IoctlTable.forArchitecture(.aarch64).request(named: "TCGETS2")?.request)
    }

    /// Two independent probes: _IOC_SIZE of a request against sizeof of its argument struct
    /// from the DWARF layouts, wherever the request names a struct that has a layout.
    func testArgumentSizesMatchProbedLayouts() {
        var compared = Set<String>()
        for arch in Architecture.allCases {
            for r in IoctlTable.forArchitecture(arch).requests where r.isEncoded && r.parameters.isEmpty {
                guard let type = r.argumentType, type.hasPrefix("struct "),
                      let layout = ABILayouts.layout(String(type.dropFirst(7)), for: arch) else { continue }
                XCTAssertEqual(Int(r.fields.size), layout.size, "\(arch) \(r.name) (\(type))")
                compared.insert(r.name)
            }
        }
        for name in ["TCGETS2", "TIOCGWINSZ", "FS_IOC_FIEMAP", "FICLONERANGE", "RTC_RD_TIME", "DM_VERSION"] {
            XCTAssertTrue(compared.contains(name), "\(name) not compared: \(compared.sorted())")
        }
    }

    /// x86_64 numbers against Swift's importer of the host's glibc headers (plain-number macros;
    /// the importer cannot evaluate _IOR(...)).
    func testX86_64MatchesHostGlibc() {
        let t = IoctlTable.forArchitecture(.x86_64)
        let oracle: [(String, UInt)] = [
            ("TCGETS", UInt(TCGETS)), ("TCSETSW", UInt(TCSETSW)), ("TIOCGWINSZ", UInt(TIOCGWINSZ)),
            ("TIOCSCTTY", UInt(TIOCSCTTY)), ("FIONREAD", UInt(FIONREAD)), ("FIONBIO", UInt(FIONBIO)),
            ("FIOCLEX", UInt(FIOCLEX)), ("SIOCGIFINDEX", UInt(SIOCGIFINDEX)), ("SIOCGIFCONF", UInt(SIOCGIFCONF)),
            ("SIOCGIFFLAGS", UInt(SIOCGIFFLAGS)), ("SIOCGIFHWADDR", UInt(SIOCGIFHWADDR)), ("TCFLSH", UInt(TCFLSH)),
        ]
        for (name, value) in oracle {
            XCTAssertEqual(t.request(named: name).map { UInt($0.request) }, value, name)
        }
    }

    /// x86_64 numbers the generator encoded with _IOR/_IO, accepted by the running kernel: a
    /// wrong number would fail with ENOTTY or EINVAL.
    func testX86_64EncodedRequestsWorkOnTheHostKernel() throws {
        let t = IoctlTable.forArchitecture(.x86_64)
        func req(_ name: String) throws -> UInt { UInt(try XCTUnwrap(t.request(named: name), name).request) }

        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw XCTSkip("TCONF: opening /dev/ptmx failed (errno \(errno))") }
        defer { close(master) }
        var ptn: UInt32 = 0
        XCTAssertEqual(ioctl(master, try req("TIOCGPTN"), &ptn), 0, "TIOCGPTN errno \(errno)")
        // The peer opens once TIOCSPTLCK unlocked it (a locked peer refuses with EIO).
        var unlock: Int32 = 0
        XCTAssertEqual(ioctl(master, try req("TIOCSPTLCK"), &unlock), 0, "TIOCSPTLCK errno \(errno)")
        let peer = open("/dev/pts/\(ptn)", O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(peer, 0, "/dev/pts/\(ptn) errno \(errno)")
        if peer >= 0 { XCTAssertEqual(isatty(peer), 1); close(peer) }
        var termios2 = [UInt8](repeating: 0, count: 64)
        XCTAssertEqual(ioctl(master, try req("TCGETS2"), &termios2), 0, "TCGETS2 errno \(errno)")

        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        XCTAssertEqual(write(fds[1], "hello", 5), 5)
        var pending: Int32 = 0
        XCTAssertEqual(ioctl(fds[0], try req("FIONREAD"), &pending), 0)
        XCTAssertEqual(pending, 5)

        let random = open("/dev/urandom", O_RDONLY)
        if random >= 0 {
            defer { close(random) }
            var count: Int32 = -1
            XCTAssertEqual(ioctl(random, try req("RNDGETENTCNT"), &count), 0, "RNDGETENTCNT errno \(errno)")
            XCTAssertGreaterThanOrEqual(count, 0)
        }
        let ns = open("/proc/self/ns/net", O_RDONLY)
        if ns >= 0 {
            defer { close(ns) }
            let type = ioctl(ns, try req("NS_GET_NSTYPE"))
            XCTAssertEqual(Int64(type), ABIConstants.forArchitecture(.x86_64).value("CLONE_NEWNET"), "errno \(errno)")
        }
    }

    func testSharedNumbersAndParameterisedRequests() throws {
        for arch in Architecture.allCases {
            let t = IoctlTable.forArchitecture(arch)
            let fionread = try XCTUnwrap(t.request(named: "FIONREAD"))
            let sharing = t.requests(forNumber: fionread.request).map(\.name)
            XCTAssertEqual(sharing.first, "FIONREAD", "\(arch)")
            XCTAssertTrue(sharing.contains("TIOCINQ") && sharing.contains("SIOCINQ"), "\(arch) \(sharing)")
            XCTAssertEqual(t.request(named: "TIOCINQ")?.aliasOf, "FIONREAD")

            let name = try XCTUnwrap(t.request(named: "EVIOCGNAME"))
            XCTAssertEqual(name.parameters, ["len"])
            XCTAssertEqual(name.fields.size, 0)
            let with256 = try XCTUnwrap(t.encoding.encode(name.fields.direction, type: name.fields.type,
                                                          number: name.fields.number, size: 256))
            XCTAssertTrue(name.matches(with256, encoding: t.encoding), "\(arch)")
            let version = try XCTUnwrap(t.request(named: "EVIOCGVERSION"))
            XCTAssertFalse(version.matches(with256, encoding: t.encoding))
            XCTAssertEqual(t.request(named: "EVIOCGBIT")?.parameters, ["ev", "len"])

            let families = Set(t.families.map(\.name))
            let expected: Set = ["terminal", "fio", "socket", "block", "loop", "file", "random", "tun", "userfaultfd",
                                 "nsfs", "device_mapper", "evdev", "rtc", "seccomp", "perf"]
            XCTAssertTrue(expected.isSubset(of: families), "\(arch) \(families)")
            XCTAssertEqual(t.families.map(\.requests.count).reduce(0, +), t.requests.count)
            XCTAssertTrue(t.requests.allSatisfy { t.family($0.family) != nil })
        }
    }
}
