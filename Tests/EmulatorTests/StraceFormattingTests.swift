import Foundation
import XCTest
@testable import Emulator
import FerryABI

/// `-strace`'s spelling against strace(1). Every expected string below was printed by strace 6.1
/// (`strace -f -qq -X abbrev`, Debian bookworm, x86-64) for the same values; the guest side uses
/// each architecture's own constants, so the same names must come out of different numbers.
final class StraceFormattingTests: XCTestCase {
    let aarch64 = ABIConstants.forArchitecture(.aarch64)
    let mips = ABIConstants.forArchitecture(.mips)
    let host = ABIConstants.forArchitecture(.x86_64)

    func decoder(_ architecture: Architecture = .aarch64) -> ArgumentDecoder {
        ArgumentDecoder(architecture: architecture, guest: ABIConstants.forArchitecture(architecture), host: host)
    }

    func value(_ name: String, _ set: ConstantSet) -> UInt64 {
        guard let v = set.value(name) else { XCTFail("no constant \(name)"); return 0 }
        return UInt64(bitPattern: v)
    }

    // MARK: flags

    func testFlagWords() {
        let c = aarch64
        // eventfd2(0, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK): strace keeps the header's order here.
        XCTAssertEqual(StraceText.flags(value("EFD_NONBLOCK", c) | value("EFD_CLOEXEC", c) | value("EFD_SEMAPHORE", c),
                                        group: c.group("eventfd_flags")), "EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK")
        // inotify_init1(IN_NONBLOCK|IN_CLOEXEC): ascending values.
        XCTAssertEqual(StraceText.flags(value("IN_CLOEXEC", c) | value("IN_NONBLOCK", c), group: c.group("inotify_init_flags")),
                       "IN_NONBLOCK|IN_CLOEXEC")
        // A zero word is 0 (unlinkat(..., 0)), not the group's zero-valued name.
        XCTAssertEqual(StraceText.flags(0, group: c.group("at_flags")), "0")
        // mmap(NULL, 4096, PROT_NONE, ...): the caller names zero where strace does.
        XCTAssertEqual(StraceText.flags(0, group: c.group("mmap_prot"), zero: "PROT_NONE"), "PROT_NONE")
        // Bits no name covers follow in hex.
        XCTAssertEqual(StraceText.flags(value("EFD_CLOEXEC", c) | 0x4000_0000, group: c.group("eventfd_flags")), "EFD_CLOEXEC|0x40000000")
        // socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP): type, flags, protocol by family.
        for (arch, set) in [(Architecture.aarch64, c), (.mips, mips)] {
            let d = decoder(arch)
            XCTAssertEqual(d.socketType(value("SOCK_DGRAM", set) | value("SOCK_NONBLOCK", set) | value("SOCK_CLOEXEC", set)),
                           "SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK", "\(arch)")
            XCTAssertEqual(d.socketProtocol(0, family: value("AF_INET", set)), "IPPROTO_IP")
            XCTAssertEqual(d.socketProtocol(6, family: value("AF_INET6", set)), "IPPROTO_TCP")
            XCTAssertEqual(d.socketProtocol(0, family: value("AF_NETLINK", set)), "NETLINK_ROUTE")
            // msgget(IPC_PRIVATE, IPC_CREAT|0600), msgctl(id, IPC_RMID, NULL)
            XCTAssertEqual(d.ipcKey(0), "IPC_PRIVATE")
            XCTAssertEqual(d.ipcFlags(value("IPC_CREAT", set) | 0o600), "IPC_CREAT|0600", "\(arch)")
            XCTAssertEqual(d.ipcCommand(value("IPC_RMID", set)), "IPC_RMID")
        }
        // AF_UNIX, not the AF_LOCAL alias the header lists first.
        XCTAssertEqual(StraceText.enumeration(1, group: c.group("address_family")), "AF_UNIX")
        XCTAssertEqual(StraceText.enumeration(0, group: c.group("sched_policy")), "SCHED_OTHER")
        // personality(PER_LINUX|ADDR_NO_RANDOMIZE), personality(0xffffffff)
        XCTAssertEqual(decoder().personality(0x40000), "PER_LINUX|ADDR_NO_RANDOMIZE")
        XCTAssertEqual(decoder().personality(0xffff_ffff), "0xffffffff")
        // strace 6.1 on personality(0x4100001), (0x40008), (0x6000003), (0x200011): a PER_* that
        // carries flag bits (PER_SVR4) does not name the persona byte; the flags print by name.
        for arch in [Architecture.aarch64, .mips, .riscv64, .arm] {
            XCTAssertEqual(decoder(arch).personality(0x410_0001), "0x1 /* PER_??? */|MMAP_PAGE_ZERO|STICKY_TIMEOUTS", "\(arch)")
            XCTAssertEqual(decoder(arch).personality(0x4_0008), "PER_LINUX32|ADDR_NO_RANDOMIZE", "\(arch)")
            XCTAssertEqual(decoder(arch).personality(0x600_0003), "0x3 /* PER_??? */|WHOLE_SECONDS|STICKY_TIMEOUTS", "\(arch)")
            XCTAssertEqual(decoder(arch).personality(0x20_0011), "0x11 /* PER_??? */|ADDR_COMPAT_LAYOUT", "\(arch)")
        }
        // st_mode as strace 6.1 printed it for a regular file, /, /dev/null and a FIFO; a type
        // no S_IF* names stays octal.
        for arch in [Architecture.aarch64, .mips] {
            let set = ABIConstants.forArchitecture(arch)
            XCTAssertEqual(StraceText.fileMode(0o100644, set), "S_IFREG|0644")
            XCTAssertEqual(StraceText.fileMode(0o40755, set), "S_IFDIR|0755")
            XCTAssertEqual(StraceText.fileMode(0o20666, set), "S_IFCHR|0666")
            XCTAssertEqual(StraceText.fileMode(0o10644, set), "S_IFIFO|0644")
            XCTAssertEqual(StraceText.fileMode(0o170644, set), "0170644")
        }
        // umask(000) = 022, mkdirat(..., 007), openat(..., 0600)
        XCTAssertEqual(StraceText.mode(0), "000")
        XCTAssertEqual(StraceText.mode(0o22), "022")
        XCTAssertEqual(StraceText.mode(0o7), "007")
        XCTAssertEqual(StraceText.mode(0o600), "0600")
        XCTAssertEqual(StraceText.hex(0), "0")
        XCTAssertEqual(StraceText.hex(0x1000), "0x1000")
    }

    // MARK: strings

    func testStringEscapesAndTruncation() {
        // write(-1, "A\n\0001\177\377\"\\\t\r\v\f\0", 13): octal in three digits before a digit.
        let bytes: [UInt8] = [0x41, 0x0A, 0x00, 0x31, 0x7F, 0xFF, 0x22, 0x5C, 0x09, 0x0D, 0x0B, 0x0C, 0x00]
        XCTAssertEqual(StraceText.buffer(bytes, count: 13), #""A\n\0001\177\377\"\\\t\r\v\f\0""#)
        // write(-1, "\1a\2", 3): short octal when no digit follows.
        XCTAssertEqual(StraceText.buffer([1, 0x61, 2], count: 3), #""\1a\2""#)
        // write(-1, "0123456789abcdefghijklmnopqrstuv"..., 36): 32 bytes, then "...".
        let long = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        XCTAssertEqual(StraceText.buffer(long, count: long.count), #""0123456789abcdefghijklmnopqrstuv"..."#)
        XCTAssertEqual(StraceText.cString(long), #""0123456789abcdefghijklmnopqrstuv"..."#)
    }

    // MARK: errors

    func testErrorsUseTheGuestsNumbersAndTheHostsMessages() {
        // openat(AT_FDCWD, "/nonexistent", O_RDONLY) = -1 ENOENT (No such file or directory)
        XCTAssertEqual(StraceText.error(2, guest: aarch64, host: host), "-1 ENOENT (No such file or directory)")
        // MIPS numbers ENOSYS 89; the name and message are the same as x86-64's 38.
        XCTAssertEqual(StraceText.error(Int64(value("ENOSYS", mips)), guest: mips, host: host), "-1 ENOSYS (Function not implemented)")
        XCTAssertEqual(StraceText.error(Int64(value("EAGAIN", mips)), guest: mips, host: host), "-1 EAGAIN (Resource temporarily unavailable)")
    }

    // MARK: signals

    func testSignalSetsStatusesAndSiginfo() {
        let d = decoder()
        func bit(_ n: Int) -> UInt64 { 1 << UInt64(n - 1) }
        // rt_sigprocmask(SIG_BLOCK, [USR1 TERM RT_2 RT_8], NULL, 8) (glibc's SIGRTMIN is the kernel's + 2)
        XCTAssertEqual(d.structs.sigset(bit(10) | bit(15) | bit(34) | bit(40)), "[USR1 TERM RT_2 RT_8]")
        // rt_sigprocmask(SIG_BLOCK, ~[KILL RTMIN RT_1], NULL, 8): more than half set prints the complement.
        XCTAssertEqual(d.structs.sigset(~(bit(9) | bit(32) | bit(33))), "~[KILL RTMIN RT_1]")
        // wait4(...) statuses: exit 7, killed by SIGKILL, exit 0.
        XCTAssertEqual(d.waitStatus(7 << 8), "[{WIFEXITED(s) && WEXITSTATUS(s) == 7}]")
        XCTAssertEqual(d.waitStatus(9), "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}]")
        XCTAssertEqual(d.waitStatus(0), "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]")
        // --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=8548, si_uid=0, si_status=SIGKILL, si_utime=0, si_stime=0} ---
        var info = [UInt8](repeating: 0, count: 128)
        func put(_ v: UInt32, at o: Int) { for i in 0..<4 { info[o + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(i))) } }
        put(17, at: 0); put(2, at: 8); put(8548, at: 16); put(0, at: 20); put(9, at: 24)
        XCTAssertEqual(d.siginfo(guestSignal: Int32(value("SIGCHLD", aarch64)), hostInfo: info),
                       "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=8548, si_uid=0, si_status=SIGKILL, si_utime=0, si_stime=0}")
        // --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=8545, si_uid=0} ---
        info = [UInt8](repeating: 0, count: 128)
        put(10, at: 0); put(UInt32(bitPattern: -6), at: 8); put(8545, at: 16)
        XCTAssertEqual(d.siginfo(guestSignal: 10, hostInfo: info), "{si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=8545, si_uid=0}")
    }

    // MARK: structs

    func termiosView(_ architecture: Architecture, iflag: UInt64, oflag: UInt64, cflag: UInt64, lflag: UInt64) -> StructView? {
        guard let layout = ABILayouts.layout("termios", for: architecture) else { XCTFail("no termios layout"); return nil }
        var b = [UInt8](repeating: 0, count: layout.size)
        for (field, v) in [("c_iflag", iflag), ("c_oflag", oflag), ("c_cflag", cflag), ("c_lflag", lflag)] {
            guard let f = layout.field(field) else { XCTFail("no \(field)"); return nil }
            for i in 0..<f.size {
                let shift = UInt64(8 * (architecture.isBigEndian ? f.size - 1 - i : i))
                b[f.offset + i] = UInt8(truncatingIfNeeded: v >> shift)
            }
        }
        return StructView(bytes: b, layout: layout, bigEndian: architecture.isBigEndian)
    }

    /// Flag and value arguments decoded through the generated groups (once hand tables): the whole
    /// call as its signature decodes it, the flag argument compared with what strace 6.1 printed
    /// for a native program making the same calls (faccessat2, flock, fadvise64, unlinkat,
    /// memfd_create, preadv2, fsetxattr, timerfd_settime, shmat).
    func testGeneratedFlagArguments() throws {
        func argument(_ arch: Architecture, _ call: String, _ args: [UInt64], _ index: Int) throws -> String {
            let signature = try XCTUnwrap(SyscallID(name: call).flatMap { SyscallSignatures.byID[$0] }, call)
            let a = args + Array(repeating: 0, count: 6 - args.count)
            var r = SyscallRequest(number: 0, arguments: (a[0], a[1], a[2], a[3], a[4], a[5]))
            r.result = -1
            return decoder(arch).arguments(signature, r, entry: TraceEntry(), after: true)[index]
        }
        for arch in [Architecture.aarch64, .riscv64, .mips] {
            let c = ABIConstants.forArchitecture(arch)
            let v = { (names: [String]) in names.reduce(UInt64(0)) { $0 | self.value($1, c) } }
            let cwd = UInt64(bitPattern: try XCTUnwrap(c.value("AT_FDCWD")))
            XCTAssertEqual(try argument(arch, "faccessat2", [cwd, 0, v(["R_OK", "W_OK", "X_OK"]), 0], 2), "R_OK|W_OK|X_OK", "\(arch)")
            XCTAssertEqual(try argument(arch, "faccessat2", [cwd, 0, 0, 0], 2), "F_OK", "\(arch)")
            XCTAssertEqual(try argument(arch, "faccessat2", [cwd, 0, v(["X_OK"]) | 0x40, 0], 2), "X_OK|0x40", "\(arch)")
            XCTAssertEqual(try argument(arch, "flock", [3, v(["LOCK_EX", "LOCK_NB"])], 1), "LOCK_EX|LOCK_NB", "\(arch)")
            XCTAssertEqual(try argument(arch, "flock", [3, v(["LOCK_UN"])], 1), "LOCK_UN", "\(arch)")
            XCTAssertEqual(try argument(arch, "unlinkat", [cwd, 0, v(["AT_REMOVEDIR"])], 2), "AT_REMOVEDIR", "\(arch)")
            XCTAssertEqual(try argument(arch, "memfd_create", [0, v(["MFD_CLOEXEC", "MFD_ALLOW_SEALING"])], 1),
                           "MFD_CLOEXEC|MFD_ALLOW_SEALING", "\(arch)")
            XCTAssertEqual(try argument(arch, "fsetxattr", [3, 0, 0, 1, v(["XATTR_REPLACE"])], 4), "XATTR_REPLACE", "\(arch)")
            XCTAssertEqual(try argument(arch, "timerfd_settime", [4, v(["TFD_TIMER_ABSTIME", "TFD_TIMER_CANCEL_ON_SET"])], 1),
                           "TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET", "\(arch)")
            XCTAssertEqual(try argument(arch, "shmat", [1, 0, v(["SHM_RDONLY", "SHM_RND"])], 2), "SHM_RDONLY|SHM_RND", "\(arch)")
            guard arch.pointerSize == 8 else { continue }  // 32-bit guests split these calls' 64-bit offsets
            XCTAssertEqual(try argument(arch, "fadvise64", [3, 0, 0, v(["POSIX_FADV_DONTNEED"])], 3), "POSIX_FADV_DONTNEED", "\(arch)")
            XCTAssertEqual(try argument(arch, "fadvise64", [3, 0, 0, 9], 3), "0x9 /* POSIX_FADV_??? */", "\(arch)")
            XCTAssertEqual(try argument(arch, "preadv2", [3, 0, 1, 0, v(["RWF_HIPRI", "RWF_NOWAIT"]) | 0x100], 4),
                           "RWF_HIPRI|RWF_NOWAIT|0x100", "\(arch)")
        }
    }

    func testTermiosAndIoctlNames() {
        for architecture in [Architecture.aarch64, .mips] {
            let c = ABIConstants.forArchitecture(architecture)
            let ioctls = IoctlArguments(decoder: decoder(architecture))
            func v(_ names: String...) -> UInt64 { names.reduce(0) { $0 | value($1, c) } }
            // ioctl(0, TCGETS, {...}) on a pty in its default mode.
            guard let cooked = termiosView(architecture, iflag: v("ICRNL", "IXON"), oflag: v("OPOST", "ONLCR"),
                                           cflag: UInt64(c.group("termios_speed")?.constants.first { $0.name == "B38400" }?.value ?? 0) | v("CS8", "CREAD"),
                                           lflag: v("ISIG", "ICANON", "ECHO", "ECHOE", "ECHOK", "IEXTEN", "ECHOCTL", "ECHOKE")) else { return }
            XCTAssertEqual(ioctls.termios(cooked), "{c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}", "\(architecture)")
            // ioctl(99, TCSETSF, {...}) with every flag field zero: strace's trailing '|' included.
            guard let raw = termiosView(architecture, iflag: 0, oflag: 0,
                                        cflag: UInt64(c.group("termios_speed")?.constants.first { $0.name == "B115200" }?.value ?? 0) | v("CS8"),
                                        lflag: 0) else { return }
            XCTAssertEqual(ioctls.termios(raw), "{c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B115200|CS8|, c_lflag=, ...}", "\(architecture)")
            // Names by each architecture's own numbers; TIOCINQ prints as FIONREAD.
            for name in ["TCGETS", "TIOCGWINSZ", "FIONBIO", "FIOCLEX"] {
                guard let r = ioctls.table.request(named: name) else { XCTFail("\(architecture) lacks \(name)"); continue }
                XCTAssertEqual(ioctls.name(r.request), name, "\(architecture)")
            }
            if let inq = ioctls.table.request(named: "TIOCINQ") { XCTAssertEqual(ioctls.name(inq.request), "FIONREAD") }
        }
        // ioctl(11, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0x5) = -1 ENOTTY
        XCTAssertEqual(IoctlArguments(decoder: decoder()).name(0x1234), "_IOC(_IOC_NONE, 0x12, 0x34, 0)")
    }

    // MARK: a whole traced run

    func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var ferry: URL {
        let bundle = Bundle(for: Self.self).bundleURL
        let directory = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return directory.appendingPathComponent("ferry")
    }

    @discardableResult
    func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.currentDirectoryURL = directory
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// The lines between the markers, with what differs between any two runs normalised.
    func traced(_ log: URL) throws -> [String] {
        var inside = false
        var out: [String] = []
        for raw in try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init) {
            var line = raw.replacingOccurrences(of: #"^(\[pid +\d+\] |\d+ +)"#, with: "", options: .regularExpression)
            if line.contains("STRACE-TEST-BEGIN") { inside = true; continue }
            if line.contains("STRACE-TEST-END") { break }
            guard inside else { continue }
            line = line.replacingOccurrences(of: #"\s+= "#, with: " = ", options: .regularExpression)
            line = line.replacingOccurrences(of: #"0x[0-9a-f]{5,}"#, with: "0xADDR", options: .regularExpression)
            out.append(line)
        }
        return out
    }

    func testTracedRunMatchesStraceOfTheNativeBuild() throws {
        guard let strace = tool("strace"), let gcc = tool("gcc"), let cross = tool("aarch64-linux-gnu-gcc") else {
            throw XCTSkip("TCONF: strace, gcc and aarch64-linux-gnu-gcc are needed (apt-get install -y strace gcc gcc-aarch64-linux-gnu)")
        }
        guard FileManager.default.isExecutableFile(atPath: ferry.path) else { throw XCTSkip("TCONF: no ferry beside the tests at \(ferry.path)") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-strace-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Raw syscalls only, with results that are the same on both architectures.
        try """
        #define _GNU_SOURCE
        #include <fcntl.h>
        #include <sys/ioctl.h>
        #include <sys/stat.h>
        #include <sys/syscall.h>
        #include <unistd.h>
        int main(void) {
            syscall(SYS_write, -1, "STRACE-TEST-BEGIN", 17);
            int p[2];
            syscall(SYS_pipe2, p, O_CLOEXEC);
            syscall(SYS_write, p[1], "hello\\n\\tworld\\0", 14);
            int n = 0;
            syscall(SYS_ioctl, p[0], FIONREAD, &n);
            char buf[64];
            syscall(SYS_read, p[0], buf, sizeof buf);
            syscall(SYS_ioctl, p[0], TCGETS, buf);
            int fd = syscall(SYS_openat, AT_FDCWD, "f.txt", O_RDWR | O_CREAT | O_TRUNC, 0640);
            syscall(SYS_fchmod, fd, 0600);
            struct stat st;
            syscall(SYS_fstat, fd, &st);
            syscall(SYS_unlinkat, AT_FDCWD, "f.txt", 0);
            syscall(SYS_openat, AT_FDCWD, "missing", O_RDONLY);
            syscall(SYS_close, fd); syscall(SYS_close, p[0]); syscall(SYS_close, p[1]);
            syscall(SYS_write, -1, "STRACE-TEST-END", 15);
            return 0;
        }
        """.write(to: dir.appendingPathComponent("t.c"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(gcc, ["-static", "-O1", "-w", "-o", "t.x86_64", "t.c"], in: dir), 0)
        XCTAssertEqual(try run(cross, ["-static", "-O1", "-w", "-o", "t.aarch64", "t.c"], in: dir), 0)
        try run(strace, ["-f", "-qq", "-X", "abbrev", "-o", "native.txt", "./t.x86_64"], in: dir)
        try run(ferry.path, ["-strace", "-D", "emu.txt", "./t.aarch64"], in: dir)
        let native = try traced(dir.appendingPathComponent("native.txt"))
        let emulated = try traced(dir.appendingPathComponent("emu.txt"))
        XCTAssertEqual(native.count, 13, "strace saw the program's 13 calls: \(native)")
        XCTAssertEqual(emulated, native)
    }
}
