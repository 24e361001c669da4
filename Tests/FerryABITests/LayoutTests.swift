import XCTest
@testable import FerryABI
import Glibc

/// `stat` alone names the function in a key path.
typealias HostStat = Glibc.stat

final class LayoutTests: XCTestCase {
    /// The host's own compiler view (Swift's importer of glibc) for x86_64 layouts whose glibc
    /// and kernel definitions agree.
    func testX86_64LayoutsMatchHostImporter() throws {
        func check<T>(_ name: String, _: T.Type, _ fields: [(String, PartialKeyPath<T>)]) throws {
            let layout = try XCTUnwrap(ABILayouts.layout(name, for: .x86_64), name)
            XCTAssertEqual(layout.size, MemoryLayout<T>.size, name)
            XCTAssertEqual(layout.alignment, MemoryLayout<T>.alignment, name)
            for (field, path) in fields {
                XCTAssertEqual(layout.field(field)?.offset, MemoryLayout<T>.offset(of: path), "\(name).\(field)")
            }
        }
        try check("stat", HostStat.self, [("st_dev", \HostStat.st_dev), ("st_nlink", \HostStat.st_nlink),
                                          ("st_mode", \HostStat.st_mode), ("st_size", \HostStat.st_size),
                                          ("st_blocks", \HostStat.st_blocks)])
        try check("msghdr", msghdr.self, [("msg_name", \msghdr.msg_name), ("msg_iov", \msghdr.msg_iov),
                                          ("msg_control", \msghdr.msg_control), ("msg_flags", \msghdr.msg_flags)])
        try check("cmsghdr", cmsghdr.self, [("cmsg_len", \cmsghdr.cmsg_len), ("cmsg_type", \cmsghdr.cmsg_type)])
        try check("pollfd", pollfd.self, [("fd", \pollfd.fd), ("revents", \pollfd.revents)])
        try check("timespec", timespec.self, [("tv_nsec", \timespec.tv_nsec)])
        try check("iovec", iovec.self, [("iov_len", \iovec.iov_len)])
        try check("winsize", winsize.self, [("ws_col", \winsize.ws_col)])
        try check("rlimit", rlimit.self, [("rlim_max", \rlimit.rlim_max)])
        try check("sockaddr_in6", sockaddr_in6.self, [("sin6_scope_id", \sockaddr_in6.sin6_scope_id)])
        XCTAssertEqual(ABILayouts.layout("stat", for: .x86_64)?.size, 144)
    }

    /// Every struct issue 3 names has a layout on every architecture (stat64 on 32-bit only).
    func testIssueStructListIsComplete() {
        let everywhere = """
            stat statx statfs statfs64 timespec timeval itimerspec itimerval rusage rlimit tms utsname
            sysinfo sigaction siginfo stack_t ucontext sigcontext rt_sigframe iovec msghdr mmsghdr cmsghdr
            sockaddr_in sockaddr_in6 sockaddr_un sockaddr_nl linger ucred pollfd epoll_event termios
            termios2 winsize flock flock64 f_owner_ex dirent64 sched_param sched_attr robust_list_head
            clone_args open_how rseq ipc_perm shmid_ds semid_ds msqid_ds sembuf mq_attr sigevent timex
            cap_user_header cap_user_data file_handle inotify_event signalfd_siginfo loop_info64 fiemap
            file_clone_range ifreq ifconf rtc_time input_event dm_ioctl
            """.split(whereSeparator: \.isWhitespace).map(String.init)
        for arch in Architecture.allCases {
            let names = Set(ABILayouts.names(for: arch))
            XCTAssertEqual(everywhere.filter { !names.contains($0) }, [], "\(arch)")
            XCTAssertEqual(names.contains("stat64"), arch.pointerSize == 4, "\(arch)")
        }
        // siginfo's per-kind members, as dotted paths.
        let siginfo = ABILayouts.layout("siginfo", for: .aarch64)!
        for path in ["_sifields._sigchld._status", "_sifields._sigfault._addr", "_sifields._rt._sigval.sival_ptr",
                     "_sifields._timer._overrun", "_sifields._sigsys._syscall", "_sifields._sigpoll._fd"] {
            XCTAssertNotNil(siginfo.field(path), path)
        }
    }

    func testFieldShapes() throws {
        let a64 = try XCTUnwrap(ABILayouts.layout("stat", for: .aarch64))
        let x64 = try XCTUnwrap(ABILayouts.layout("stat", for: .x86_64))
        XCTAssertEqual(a64.field("st_nlink")?.size, 4)   // asm-generic
        XCTAssertEqual(x64.field("st_nlink")?.size, 8)
        XCTAssertNil(ABILayouts.layout("stat64", for: .aarch64))
        XCTAssertNotNil(ABILayouts.layout("stat64", for: .arm))
        let utsname = try XCTUnwrap(ABILayouts.layout("utsname", for: .mips))
        XCTAssertEqual(utsname.field("release").map { [$0.size, $0.count] }, [1, 65])
        let siginfo = try XCTUnwrap(ABILayouts.layout("siginfo", for: .riscv64))
        XCTAssertTrue(siginfo.fields.contains { $0.name.hasSuffix("_sigchld._status") })
        for arch in Architecture.allCases {
            for name in ABILayouts.names(for: arch) {
                let layout = try XCTUnwrap(ABILayouts.layout(name, for: arch))
                for f in layout.fields {
                    XCTAssertLessThanOrEqual(f.offset + f.byteCount, layout.size, "\(arch) \(name).\(f.name)")
                }
            }
        }
    }

    /// Every sample: the guest compiler's bytes converted to the host layout must equal the host
    /// compiler's bytes for the same initialiser, and back again.
    func testSamplesConvertToHostAndBack() throws {
        let samples = LayoutSamples.names
        XCTAssertGreaterThanOrEqual(samples.count, 30)
        var identities: [String] = []
        for arch in [Architecture.aarch64, .riscv64, .mips, .arm, .i386] {
            for name in samples {
                let guest = try XCTUnwrap(ABILayouts.layout(name, for: arch), "\(arch) \(name)")
                let host = try XCTUnwrap(ABILayouts.layout(name, for: .x86_64))
                let guestBytes = try XCTUnwrap(LayoutSamples.bytes(name, for: arch), "\(arch) \(name)")
                let hostBytes = try XCTUnwrap(LayoutSamples.bytes(name, for: .x86_64))
                XCTAssertEqual(guestBytes.count, guest.size)
                let converter = try XCTUnwrap(ABILayouts.converter(name, guest: arch))
                XCTAssertEqual(converter.guest.size, guest.size)
                if converter.isIdentity { identities.append("\(arch) \(name)") }

                var toHost = [UInt8](repeating: 0xAA, count: host.size)
                guestBytes.withUnsafeBytes { s in toHost.withUnsafeMutableBytes { converter.guestToHost(s.baseAddress!, $0.baseAddress!) } }
                XCTAssertEqual(toHost, hostBytes, "\(arch) \(name) guest->host")

                var toGuest = [UInt8](repeating: 0xAA, count: guest.size)
                hostBytes.withUnsafeBytes { s in toGuest.withUnsafeMutableBytes { converter.hostToGuest(s.baseAddress!, $0.baseAddress!) } }
                XCTAssertEqual(toGuest, guestBytes, "\(arch) \(name) host->guest")
            }
        }
        // A 64-bit little-endian guest shares most host layouts; stat is the known exception.
        XCTAssertTrue(identities.contains("aarch64 msghdr"), "\(identities)")
        XCTAssertFalse(identities.contains("aarch64 stat"))
        XCTAssertFalse(identities.contains { $0.hasPrefix("mips") })
    }

    /// Width and sign rules on a real layout pair: a negative 32-bit mips st_size sign-extends,
    /// an unsigned field zero-extends, a host value too wide for the guest truncates.
    func testWideningAndTruncation() throws {
        let guest = try XCTUnwrap(ABILayouts.layout("stat", for: .mips))
        let host = try XCTUnwrap(ABILayouts.layout("stat", for: .x86_64))
        let c = StructConverter(guest: guest, guestBigEndian: true, host: host)
        let size = try XCTUnwrap(guest.field("st_size")), ino = try XCTUnwrap(guest.field("st_ino"))
        var g = [UInt8](repeating: 0, count: guest.size)
        g.replaceSubrange(size.offset..<size.offset + 4, with: [0xFF, 0xFF, 0xFF, 0xFE])  // -2 BE
        g.replaceSubrange(ino.offset..<ino.offset + 4, with: [0xFF, 0xFF, 0xFF, 0xFE])   // 0xFFFFFFFE
        var h = [UInt8](repeating: 0, count: host.size)
        g.withUnsafeBytes { s in h.withUnsafeMutableBytes { c.guestToHost(s.baseAddress!, $0.baseAddress!) } }
        let hs = try XCTUnwrap(host.field("st_size")), hi = try XCTUnwrap(host.field("st_ino"))
        XCTAssertEqual(h.withUnsafeBytes { $0.load(fromByteOffset: hs.offset, as: Int64.self) }, -2)
        XCTAssertEqual(h.withUnsafeBytes { $0.load(fromByteOffset: hi.offset, as: UInt64.self) }, 0xFFFF_FFFE)
        h.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(0x1_2345_6789), toByteOffset: hi.offset, as: UInt64.self) }
        h.withUnsafeBytes { s in g.withUnsafeMutableBytes { c.hostToGuest(s.baseAddress!, $0.baseAddress!) } }
        XCTAssertEqual(Array(g[ino.offset..<ino.offset + 4]), [0x23, 0x45, 0x67, 0x89])
    }
}

/// Where the host kernel put siginfo and ucontext in the last SA_SIGINFO handler call.
nonisolated(unsafe) private var lastFrame: (info: UInt, context: UInt) = (0, 0)

final class SignalFrameTests: XCTestCase {
    /// The host kernel as oracle: in a SA_SIGINFO handler, the distance between the siginfo and
    /// ucontext it passes is their distance in its rt_sigframe.
    func testX86_64FrameMatchesTheRunningKernel() throws {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { _, info, context in
            lastFrame = (UInt(bitPattern: info), UInt(bitPattern: context))
        }
        action.sa_flags = SA_SIGINFO
        var old = sigaction()
        XCTAssertEqual(sigaction(SIGUSR2, &action, &old), 0)
        defer { sigaction(SIGUSR2, &old, nil) }
        raise(SIGUSR2)
        XCTAssertNotEqual(lastFrame.info, 0, "handler did not run")
        let frame = try XCTUnwrap(ABILayouts.layout("rt_sigframe", for: .x86_64))
        let info = try XCTUnwrap(frame.field("info.si_signo")).offset
        let context = try XCTUnwrap(frame.field("uc.uc_flags")).offset
        XCTAssertEqual(Int(lastFrame.info) - Int(lastFrame.context), info - context)
    }

    /// Every architecture has its frame, whose pieces are the probed ucontext and siginfo.
    func testFramesAreBuiltFromTheProbedPieces() throws {
        for arch in Architecture.allCases {
            let frame = try XCTUnwrap(ABILayouts.layout("rt_sigframe", for: arch), "\(arch)")
            let uc = try XCTUnwrap(ABILayouts.layout("ucontext", for: arch), "\(arch)")
            let siginfo = try XCTUnwrap(ABILayouts.layout("siginfo", for: arch))
            XCTAssertEqual(siginfo.size, 128)
            let ucPath = arch == .arm ? "sig.uc." : arch == .mips ? "rs_uc." : "uc."
            let infoPath = arch == .mips ? "rs_info." : "info."
            let ucStart = try XCTUnwrap(frame.field(ucPath + "uc_flags"), "\(arch)").offset
            let infoStart = try XCTUnwrap(frame.field(infoPath + "si_signo"), "\(arch)").offset
            XCTAssertGreaterThanOrEqual(frame.size, ucStart + uc.size, "\(arch)")
            // Each ucontext field sits at the same place relative to the frame's ucontext.
            for f in uc.fields {
                XCTAssertEqual(frame.field(ucPath + f.name)?.offset, ucStart + f.offset, "\(arch) \(f.name)")
            }
            XCTAssertTrue(infoStart + 128 <= ucStart || ucStart + uc.size <= infoStart, "\(arch): overlap")
        }
        // The 32-bit ARM kernel pads its 64-bit mask to 128 bytes before the coprocessor space.
        let arm = try XCTUnwrap(ABILayouts.layout("ucontext", for: .arm))
        let mask = try XCTUnwrap(arm.field("uc_sigmask.sig"))
        XCTAssertEqual(mask.byteCount, 8)
        XCTAssertEqual(try XCTUnwrap(arm.field("uc_regspace")).offset, mask.offset + 128)
    }
}
