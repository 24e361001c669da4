import Foundation
import XCTest
import FerryABI

/// The flag and value groups -strace and the ioctl printer decode (they were typed by hand in
/// Emulator/Linux/Strace until the generator probed them): present on every architecture, and
/// their x86_64 values equal to what a C program built here by the host's gcc prints from the
/// user-facing glibc headers (<net/if.h>, <net/if_arp.h>, <sys/file.h>, ...: mostly glibc's own
/// definitions, not the uapi headers the generator reads).
final class PrintingGroupTests: XCTestCase {
    /// group: (is a flag set, names that must be in it on every architecture)
    static let groups: [String: (flags: Bool, names: [String])] = [
        "access_mode": (true, ["R_OK", "W_OK", "X_OK", "F_OK"]),
        "flock_op": (false, ["LOCK_SH", "LOCK_EX", "LOCK_NB", "LOCK_UN"]),
        "memfd_flags": (true, ["MFD_CLOEXEC", "MFD_ALLOW_SEALING", "MFD_HUGETLB"]),
        "rwf_flags": (true, ["RWF_HIPRI", "RWF_DSYNC", "RWF_SYNC", "RWF_NOWAIT", "RWF_APPEND"]),
        "timerfd_settime_flags": (true, ["TFD_TIMER_ABSTIME", "TFD_TIMER_CANCEL_ON_SET"]),
        "xattr_flags": (true, ["XATTR_CREATE", "XATTR_REPLACE"]),
        "unlink_flags": (true, ["AT_REMOVEDIR"]),
        "shmat_flags": (true, ["SHM_RDONLY", "SHM_RND", "SHM_REMAP", "SHM_EXEC"]),
        "fadvise_advice": (false, ["POSIX_FADV_NORMAL", "POSIX_FADV_RANDOM", "POSIX_FADV_SEQUENTIAL",
                                   "POSIX_FADV_WILLNEED", "POSIX_FADV_DONTNEED", "POSIX_FADV_NOREUSE"]),
        "interface_flags": (true, ["IFF_UP", "IFF_BROADCAST", "IFF_LOOPBACK", "IFF_RUNNING", "IFF_PROMISC",
                                   "IFF_MULTICAST", "IFF_DYNAMIC"]),
        "arphrd": (false, ["ARPHRD_NETROM", "ARPHRD_ETHER", "ARPHRD_IEEE802", "ARPHRD_LOOPBACK", "ARPHRD_PPP",
                           "ARPHRD_IEEE80211", "ARPHRD_NONE", "ARPHRD_VOID"]),
        "fs_flags": (true, ["FS_SECRM_FL", "FS_IMMUTABLE_FL", "FS_APPEND_FL", "FS_NOATIME_FL", "FS_BTREE_FL",
                            "FS_EXTENT_FL", "FS_NOCOW_FL", "FS_CASEFOLD_FL", "FS_RESERVED_FL"]),
        "fs_xflags": (true, ["FS_XFLAG_REALTIME", "FS_XFLAG_IMMUTABLE", "FS_XFLAG_DAX", "FS_XFLAG_HASATTR"]),
        "fiemap_flags": (true, ["FIEMAP_FLAG_SYNC", "FIEMAP_FLAG_XATTR", "FIEMAP_FLAG_CACHE"]),
        "fiemap_extent_flags": (true, ["FIEMAP_EXTENT_LAST", "FIEMAP_EXTENT_UNKNOWN", "FIEMAP_EXTENT_SHARED"]),
        "loop_flags": (true, ["LO_FLAGS_READ_ONLY", "LO_FLAGS_AUTOCLEAR", "LO_FLAGS_PARTSCAN", "LO_FLAGS_DIRECT_IO"]),
        "loop_crypt": (false, ["LO_CRYPT_NONE", "LO_CRYPT_XOR", "LO_CRYPT_DES", "LO_CRYPT_CRYPTOAPI"]),
        "uffd_features": (true, ["UFFD_FEATURE_PAGEFAULT_FLAG_WP", "UFFD_FEATURE_EVENT_FORK", "UFFD_FEATURE_SIGBUS",
                                 "UFFD_FEATURE_EXACT_ADDRESS"]),
        "uffdio_ioctl_bits": (false, ["_UFFDIO_REGISTER", "_UFFDIO_UNREGISTER", "_UFFDIO_WAKE", "_UFFDIO_COPY",
                                      "_UFFDIO_ZEROPAGE", "_UFFDIO_WRITEPROTECT", "_UFFDIO_CONTINUE", "_UFFDIO_API"]),
        "uffdio_register_mode": (true, ["UFFDIO_REGISTER_MODE_MISSING", "UFFDIO_REGISTER_MODE_WP",
                                        "UFFDIO_REGISTER_MODE_MINOR"]),
        "personality": (false, ["PER_LINUX", "PER_LINUX_32BIT", "PER_SVR4", "PER_SCOSVR3", "PER_OSR5", "PER_BSD",
                                "PER_SUNOS", "PER_LINUX32", "PER_LINUX32_3GB", "PER_IRIX64", "PER_UW7", "PER_HPUX"]),
        "personality_flags": (true, ["UNAME26", "ADDR_NO_RANDOMIZE", "FDPIC_FUNCPTRS", "MMAP_PAGE_ZERO",
                                     "ADDR_COMPAT_LAYOUT", "READ_IMPLIES_EXEC", "ADDR_LIMIT_32BIT", "SHORT_INODE",
                                     "WHOLE_SECONDS", "STICKY_TIMEOUTS", "ADDR_LIMIT_3GB"]),
        "statfs_flags": (true, ["ST_RDONLY", "ST_NOSUID", "ST_NODEV", "ST_NOEXEC", "ST_SYNCHRONOUS", "ST_MANDLOCK",
                                "ST_NOATIME", "ST_NODIRATIME", "ST_RELATIME"]),
        "file_type": (false, ["S_IFMT", "S_IFSOCK", "S_IFLNK", "S_IFREG", "S_IFBLK", "S_IFDIR", "S_IFCHR", "S_IFIFO"]),
    ]

    func testGroupsExistOnEveryArchitecture() throws {
        for arch in Architecture.allCases {
            let set = ABIConstants.forArchitecture(arch)
            for (name, expected) in Self.groups {
                let group = try XCTUnwrap(set.group(name), "\(name) missing on \(arch)")
                XCTAssertEqual(group.isFlags, expected.flags, "\(name) on \(arch)")
                let members = Set(group.constants.map(\.name))
                for n in expected.names { XCTAssertTrue(members.contains(n), "\(n) not in \(name) on \(arch)") }
            }
        }
    }

    /// Order the printers rely on: a flag word decodes in header order, so the first of two
    /// names for one bit wins (FS_BTREE_FL before FS_INDEX_FL; strace's choice too).
    func testHeaderOrderKept() throws {
        for arch in Architecture.allCases {
            let names = try XCTUnwrap(ABIConstants.forArchitecture(arch).group("fs_flags")).constants.map(\.name)
            let btree = try XCTUnwrap(names.firstIndex(of: "FS_BTREE_FL"), "\(arch)")
            let index = try XCTUnwrap(names.firstIndex(of: "FS_INDEX_FL"), "\(arch)")
            XCTAssertLessThan(btree, index, "\(arch)")
            let bits = try XCTUnwrap(ABIConstants.forArchitecture(arch).group("uffdio_ioctl_bits")).constants.map(\.name)
            XCTAssertEqual(bits.first, "_UFFDIO_REGISTER", "\(arch)")
        }
    }

    /// A name in a "shared" group stays in the general one: unlinkat sees AT_REMOVEDIR, while
    /// at_flags still holds it (after AT_EACCESS, the same bit).
    func testSharedNameStaysInBothGroups() throws {
        for arch in Architecture.allCases {
            let set = ABIConstants.forArchitecture(arch)
            let at = try XCTUnwrap(set.group("at_flags")).constants.map(\.name)
            XCTAssertTrue(at.contains("AT_REMOVEDIR"), "\(arch)")
            XCTAssertEqual(try XCTUnwrap(set.group("unlink_flags")).constants.map(\.name), ["AT_REMOVEDIR"], "\(arch)")
            // VTDLY is a c_oflag mask, not a c_cc index.
            XCTAssertNotNil(set.group("termios")?.constants.first { $0.name == "VTDLY" }, "\(arch)")
            XCTAssertNil(set.group("termios_cc")?.constants.first { $0.name == "VTDLY" }, "\(arch)")
        }
    }

    /// personality.h's enum members: the persona byte plus its flag bits (PER_MASK, a mask, is
    /// in neither group).
    func testPersonalityEnumMembers() throws {
        for arch in Architecture.allCases {
            let set = ABIConstants.forArchitecture(arch)
            let personas = try XCTUnwrap(set.group("personality"), "\(arch)")
            let flags = try XCTUnwrap(set.group("personality_flags"), "\(arch)")
            let svr4 = try XCTUnwrap(personas.constants.first { $0.name == "PER_SVR4" }?.value, "\(arch)")
            XCTAssertEqual(svr4 & 0xFF, 1, "\(arch)")
            XCTAssertEqual(flags.decodeFlags(svr4 & ~0xFF).names.sorted(), ["MMAP_PAGE_ZERO", "STICKY_TIMEOUTS"], "\(arch)")
            XCTAssertNil(personas.constants.first { $0.name == "PER_MASK" }, "\(arch)")
            XCTAssertNil(flags.constants.first { $0.name == "PER_MASK" || $0.name.hasPrefix("PER_") }, "\(arch)")
        }
    }

    /// Headers the oracle program includes: glibc's user-facing ones where glibc defines the
    /// names itself, the uapi ones where only the kernel does.
    static let oracleHeaders = [
        "unistd.h", "fcntl.h", "sys/file.h", "sys/mman.h", "sys/uio.h", "sys/timerfd.h", "sys/xattr.h", "sys/shm.h",
        "net/if.h", "net/if_arp.h", "sys/personality.h", "sys/statvfs.h", "sys/stat.h", "linux/fs.h", "linux/fiemap.h", "linux/loop.h", "linux/userfaultfd.h",
    ]

    func testX86_64MatchesHostHeaders() throws {
        guard let cc = ["/usr/bin/gcc", "/usr/bin/cc"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("TCONF: no host C compiler (gcc) to build the header oracle")
        }
        #if !arch(x86_64)
        throw XCTSkip("TCONF: the oracle's headers are the host's; this host is not x86_64")
        #endif
        let names = Self.groups.values.flatMap(\.names).filter { $0 != "AT_REMOVEDIR" } + ["AT_REMOVEDIR"]
        var source = "#define _GNU_SOURCE 1\n#include <stdio.h>\n"
        source += Self.oracleHeaders.map { "#include <\($0)>\n" }.joined()
        source += "int main(void) {\n"
        source += names.map { "    printf(\"%s %lld\\n\", \"\($0)\", (long long)(\($0)));\n" }.joined()
        source += "    return 0;\n}\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-groups-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = dir.appendingPathComponent("oracle.c"), exe = dir.appendingPathComponent("oracle")
        try source.write(to: c, atomically: true, encoding: .utf8)
        let build = try run(cc, ["-w", "-o", exe.path, c.path])
        XCTAssertEqual(build.status, 0, "the oracle does not compile:\n\(build.output)")
        guard build.status == 0 else { return }
        let out = try run(exe.path, [])
        XCTAssertEqual(out.status, 0)
        var host: [String: Int64] = [:]
        for line in out.output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Int64(parts[1]) { host[String(parts[0])] = v }
        }
        XCTAssertEqual(host.count, Set(names).count, "every name printed")
        let set = ABIConstants.forArchitecture(.x86_64)
        for (group, expected) in Self.groups {
            let g = try XCTUnwrap(set.group(group))
            for n in expected.names {
                XCTAssertEqual(g.constants.first { $0.name == n }?.value, host[n], "\(group) \(n)")
            }
        }
    }

    private func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
