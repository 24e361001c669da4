import XCTest
import FerryABI
import Foundation

final class SyscallTableTests: XCTestCase {
    /// The host's kernel headers (linux-libc-dev, 6.1 on bookworm) are an oracle independent of
    /// the system-calls package: every number both define must match.
    func testX86_64AndI386MatchHostKernelHeaders() throws {
        for (arch, header) in [(Architecture.x86_64, "unistd_64.h"), (.i386, "unistd_32.h")] {
            let path = "/usr/include/x86_64-linux-gnu/asm/" + header
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw XCTSkip("TCONF: \(path) not found (apt-get install linux-libc-dev)")
            }
            let table = SyscallTable.forArchitecture(arch)
            var compared = 0
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                guard parts.count == 3, parts[0] == "#define", parts[1].hasPrefix("__NR_"),
                      let number = Int(parts[2]) else { continue }
                let name = String(parts[1].dropFirst(5))
                // The package leaves out removed calls (afs_syscall, _sysctl, ...): their
                // numbers must then stay unassigned rather than name something else.
                guard let id = SyscallID(name: name), table.number(of: id) != nil else {
                    XCTAssertNil(table.id(forNumber: number), "\(arch) \(number) (\(name))")
                    continue
                }
                XCTAssertEqual(table.number(of: id), number, "\(arch) \(name)")
                XCTAssertEqual(table.id(forNumber: number), id, "\(arch) \(number)")
                compared += 1
            }
            XCTAssertGreaterThan(compared, 300, "\(arch): too few header entries parsed")
        }
    }

    func testEveryEntryRoundTripsBothWays() {
        for arch in Architecture.allCases {
            let table = SyscallTable.forArchitecture(arch)
            XCTAssertEqual(table.architecture, arch)
            XCTAssertGreaterThan(table.entries.count, 250, "\(arch)")
            var previous = Int.min
            for (number, id) in table.entries {
                XCTAssertGreaterThan(number, previous, "\(arch) entries must be sorted and unique")
                previous = number
                XCTAssertEqual(table.id(forNumber: number), id, "\(arch) \(number)")
                XCTAssertEqual(table.number(of: id), number, "\(arch) \(id.name)")
            }
            XCTAssertNil(table.id(forNumber: -1))
            XCTAssertNil(table.id(forNumber: previous + 1))
        }
    }

    func testNamesAndStaticsAgree() {
        XCTAssertEqual(SyscallID.openat.name, "openat")
        XCTAssertEqual(SyscallID.open.name, "open")
        XCTAssertEqual(SyscallID(name: "read"), .read)
        XCTAssertNil(SyscallID(name: "no_such_syscall"))
        XCTAssertEqual(SyscallID.allNames, SyscallID.allNames.sorted())
        XCTAssertEqual(Set(SyscallID.allNames).count, SyscallID.allNames.count)
        for (i, name) in SyscallID.allNames.enumerated() {
            XCTAssertEqual(SyscallID(name: name)?.rawValue, UInt16(i))
            XCTAssertEqual(SyscallID(rawValue: UInt16(i))?.name, name)
        }
        XCTAssertNil(SyscallID(rawValue: UInt16(SyscallID.allNames.count)))
        XCTAssertLessThan(SyscallID.accept, SyscallID.write)
    }

    /// Shapes that differ between architectures: asm-generic has no open(2), o32 numbers start
    /// at 4000, ARM keeps private calls at 0x0f0000 and up.
    func testArchitectureSpecificShapes() {
        let aarch64 = SyscallTable.forArchitecture(.aarch64)
        XCTAssertNil(aarch64.number(of: .open))
        XCTAssertNil(SyscallTable.forArchitecture(.riscv64).number(of: .open))
        XCTAssertNotNil(aarch64.number(of: .openat))

        let mips = SyscallTable.forArchitecture(.mips)
        XCTAssertTrue(mips.entries.allSatisfy { $0.number >= 4000 })
        XCTAssertNil(mips.id(forNumber: 0))

        let arm = SyscallTable.forArchitecture(.arm)
        let setTLS = SyscallID(name: "set_tls")
        XCTAssertNotNil(setTLS)
        XCTAssertGreaterThanOrEqual(setTLS.flatMap { arm.number(of: $0) } ?? 0, 0x0f0000)
        XCTAssertNil(arm.id(forNumber: 0x0f0000 - 1))
    }
}
