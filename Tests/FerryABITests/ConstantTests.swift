import XCTest
import FerryABI
import Glibc

final class ConstantTests: XCTestCase {
    /// Swift's importer reads the host's glibc headers on its own: an independent oracle for the
    /// x86_64 set (the host is x86_64). Only constants whose glibc and kernel values agree.
    func testX86_64MatchesHostGlibc() {
        let set = ABIConstants.forArchitecture(.x86_64)
        let oracle: [(String, Int64)] = [
            ("EPERM", Int64(EPERM)), ("ENOENT", Int64(ENOENT)), ("EAGAIN", Int64(EAGAIN)),
            ("EWOULDBLOCK", Int64(EWOULDBLOCK)), ("ENOSYS", Int64(ENOSYS)), ("ENOTTY", Int64(ENOTTY)),
            ("EHWPOISON", Int64(EHWPOISON)), ("SIGUSR1", Int64(SIGUSR1)), ("SIGCHLD", Int64(SIGCHLD)),
            ("SIGSYS", Int64(SIGSYS)), ("O_CLOEXEC", Int64(O_CLOEXEC)), ("O_DIRECTORY", Int64(O_DIRECTORY)),
            ("O_NONBLOCK", Int64(O_NONBLOCK)), ("O_CREAT", Int64(O_CREAT)), ("O_TRUNC", Int64(O_TRUNC)),
            ("F_DUPFD_CLOEXEC", Int64(F_DUPFD_CLOEXEC)), ("F_SETFL", Int64(F_SETFL)),
            ("AT_FDCWD", Int64(AT_FDCWD)), ("AT_REMOVEDIR", Int64(AT_REMOVEDIR)),
            ("MAP_ANONYMOUS", Int64(MAP_ANONYMOUS)), ("MAP_FIXED", Int64(MAP_FIXED)),
            ("PROT_EXEC", Int64(PROT_EXEC)), ("MADV_DONTNEED", Int64(MADV_DONTNEED)),
            ("POLLIN", Int64(POLLIN)), ("POLLWRNORM", Int64(POLLWRNORM)),
            ("TCGETS", Int64(TCGETS)), ("TCSETSW", Int64(TCSETSW)), ("TIOCGWINSZ", Int64(TIOCGWINSZ)),
            ("FIONREAD", Int64(FIONREAD)), ("FIONBIO", Int64(FIONBIO)), ("FIOCLEX", Int64(FIOCLEX)),
            ("TIOCGPGRP", Int64(TIOCGPGRP)), ("CLOCK_MONOTONIC", Int64(CLOCK_MONOTONIC)),
            ("CLOCK_BOOTTIME", Int64(CLOCK_BOOTTIME)), ("WNOHANG", Int64(WNOHANG)),
            ("SOCK_CLOEXEC", Int64(SOCK_CLOEXEC.rawValue)), ("SOCK_DGRAM", Int64(SOCK_DGRAM.rawValue)),
            ("AF_INET6", Int64(AF_INET6)), ("AF_NETLINK", Int64(AF_NETLINK)),
            ("MSG_NOSIGNAL", Int64(MSG_NOSIGNAL)), ("SO_REUSEADDR", Int64(SO_REUSEADDR)),
            ("RLIMIT_NOFILE", Int64(RLIMIT_NOFILE.rawValue)), ("ECHO", Int64(ECHO)), ("ICANON", Int64(ICANON)),
            ("VMIN", Int64(VMIN)), ("B38400", Int64(B38400)), ("SEEK_END", Int64(SEEK_END)),
        ]
        for (name, expected) in oracle {
            XCTAssertEqual(set.value(name), expected, name)
        }
    }

    func testErrnoGroupDecodesToPreferredNames() throws {
        for arch in Architecture.allCases {
            let set = ABIConstants.forArchitecture(arch)
            let errno = try XCTUnwrap(set.group("errno"), "\(arch)")
            XCTAssertFalse(errno.isFlags)
            XCTAssertGreaterThan(errno.constants.count, 120, "\(arch)")
            // EWOULDBLOCK is defined as EAGAIN: same value, and the decoder names the original.
            let again = try XCTUnwrap(set.value("EAGAIN"))
            XCTAssertEqual(set.value("EWOULDBLOCK"), again)
            XCTAssertEqual(errno.name(of: again), "EAGAIN", "\(arch)")
            XCTAssertEqual(errno.constants.first { $0.name == "EWOULDBLOCK" }?.aliasOf, "EAGAIN")
            // Every non-alias errno decodes back to itself unless an earlier one shares its value.
            for c in errno.constants where c.aliasOf == nil {
                let decoded = try XCTUnwrap(errno.name(of: c.value))
                XCTAssertEqual(set.value(decoded), c.value, "\(arch) \(c.name)")
            }
        }
    }

    func testFlagDecodingRoundTrips() throws {
        for arch in Architecture.allCases {
            let set = ABIConstants.forArchitecture(arch)
            let open = try XCTUnwrap(set.group("open_flags"))
            XCTAssertTrue(open.isFlags)
            let cloexec = try XCTUnwrap(set.value("O_CLOEXEC")), creat = try XCTUnwrap(set.value("O_CREAT"))
            let word = cloexec | creat | (1 << 40)
            let decoded = open.decodeFlags(word)
            XCTAssertEqual(Set(decoded.names), ["O_CLOEXEC", "O_CREAT"], "\(arch)")
            XCTAssertEqual(decoded.rest, 1 << 40)
            // Recomposing the decoded names gives back the word minus the unknown bits.
            let prot = try XCTUnwrap(set.group("mmap_prot"))
            let rw = try XCTUnwrap(set.value("PROT_READ")) | XCTUnwrap(set.value("PROT_WRITE"))
            let names = prot.decodeFlags(rw).names
            XCTAssertEqual(names.compactMap { set.value($0) }.reduce(0, |), rw, "\(arch)")
        }
    }

    /// The ioctls and groups the brief asks for exist on every architecture, and 32-bit-only
    /// and arch-specific constants appear only where they belong.
    func testRequiredConstantsExistEverywhere() {
        let required = ["TCGETS", "TCSETS", "TCSETSW", "TCSETSF", "TIOCGWINSZ", "TIOCSWINSZ", "FIONREAD",
                        "FIONBIO", "FIOCLEX", "FIONCLEX", "TIOCGPGRP", "TIOCSPGRP", "CLONE_VM", "WNOHANG",
                        "EPOLLIN", "EPOLL_CTL_ADD", "PR_SET_NAME", "FUTEX_WAIT", "AT_EMPTY_PATH",
                        "STATX_BASIC_STATS", "MREMAP_MAYMOVE", "MADV_DONTNEED", "MSG_PEEK", "AF_UNIX",
                        "SOCK_STREAM", "POLLOUT", "SIGSEGV", "CLOCK_REALTIME", "F_GETFL", "O_CLOEXEC"]
        for arch in Architecture.allCases {
            let set = ABIConstants.forArchitecture(arch)
            for name in required { XCTAssertNotNil(set.value(name), "\(arch) lacks \(name)") }
            XCTAssertEqual(set.value("F_GETLK64") != nil, arch.pointerSize == 4, "\(arch) F_GETLK64")
        }
        XCTAssertNotNil(ABIConstants.forArchitecture(.aarch64).value("PROT_BTI"))
        XCTAssertNil(ABIConstants.forArchitecture(.riscv64).value("PROT_BTI"))
    }

    func testNamesWithPrefixAreSortedByValue() {
        let set = ABIConstants.forArchitecture(.aarch64)
        let prot = set.names(withPrefix: "PROT_")
        XCTAssertTrue(prot.contains { $0.name == "PROT_READ" })
        XCTAssertEqual(prot.map(\.value), prot.map(\.value).sorted())
        XCTAssertTrue(prot.allSatisfy { $0.name.hasPrefix("PROT_") })
    }
}
