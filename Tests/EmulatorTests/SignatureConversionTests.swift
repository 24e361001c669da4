import FerryABI
import XCTest
@testable import Emulator

/// The conversions a pass-through syscall gets from its signature alone (DESIGN principles 1 and
/// 4): decided once per syscall and guest from the generated layouts and constants.
final class SignatureConversionTests: XCTestCase {
    private func plan(_ id: SyscallID, _ guest: Architecture) -> (SignatureConversion?, [String]) {
        var unconverted: [String] = []
        let p = SignatureConversion.plan(SyscallSignatures.signature(id)!, guest: guest, host: .x86_64,
                                         guestConstants: ABIConstants.forArchitecture(guest),
                                         hostConstants: ABIConstants.forArchitecture(.x86_64), unconverted: &unconverted)
        return (p, unconverted)
    }

    func testStructsWhoseLayoutsDifferAreConverted() {
        // aarch64's struct stat (128 bytes) is not x86-64's (144); epoll_event is packed on x86-64.
        guard case let .structOut(argument, converter)? = plan(.fstat, .aarch64).0?.steps.first else {
            return XCTFail("fstat on aarch64 should convert struct stat out")
        }
        XCTAssertEqual(argument, 1)
        XCTAssertEqual(converter.guest.size, ABILayouts.layout("stat", for: .aarch64)!.size)
        XCTAssertEqual(converter.host.size, ABILayouts.layout("stat", for: .x86_64)!.size)
        guard case .structIn(3, _)? = plan(.epoll_ctl, .aarch64).0?.steps.first else {
            return XCTFail("epoll_ctl on aarch64 should convert struct epoll_event in")
        }
    }

    func testIdenticalLayoutsAndValuesGoStraightThrough() {
        // Same layout on both 64-bit little-endian sides.
        for id: SyscallID in [.read, .statfs, .getrlimit, .clock_gettime, .setitimer, .kill] {
            XCTAssertNil(plan(id, .aarch64).0, "\(id.name) should need no conversion on aarch64")
            XCTAssertNil(plan(id, .riscv64).0, "\(id.name) should need no conversion on riscv64")
        }
    }

    func testOpenFlagsAreTranslatedByName() throws {
        let g = ABIConstants.forArchitecture(.aarch64), h = ABIConstants.forArchitecture(.x86_64)
        let t = try XCTUnwrap(ValueTranslation(group: "open_flags", flags: true, guest: g, host: h))
        let guestValue = UInt64(g.value("O_DIRECTORY")! | g.value("O_CLOEXEC")! | g.value("O_NONBLOCK")!)
        let hostValue = UInt64(h.value("O_DIRECTORY")! | h.value("O_CLOEXEC")! | h.value("O_NONBLOCK")!)
        XCTAssertNotEqual(guestValue, hostValue, "aarch64's O_DIRECTORY is x86-64's O_DIRECT")
        XCTAssertEqual(t.toHost(guestValue), hostValue)
        // dup3's only flag keeps its number, so dup3 still converts only through this set.
        XCTAssertEqual(t.toHost(UInt64(g.value("O_CLOEXEC")!)), UInt64(h.value("O_CLOEXEC")!))
    }

    func testMIPSSignalsAndStructsAreConvertedAndTheRestIsNamed() throws {
        // o32 MIPS numbers SIGUSR1 16 where x86-64 says 10, and is big-endian with 32-bit words.
        let (kill, _) = plan(.kill, .mips)
        guard case let .signal(1, signals)? = kill?.steps.first else { return XCTFail("kill on mips should translate its signal") }
        let g = ABIConstants.forArchitecture(.mips), h = ABIConstants.forArchitecture(.x86_64)
        XCTAssertEqual(Int64(signals.host(Int32(g.value("SIGUSR1")!))), h.value("SIGUSR1")!)
        XCTAssertNotEqual(g.value("SIGUSR1"), h.value("SIGUSR1"))
        let (setitimer, _) = plan(.setitimer, .mips)
        XCTAssertEqual(setitimer?.steps.count, 2, "itimerval in and out on a 32-bit big-endian guest")
        // What a signature alone cannot convert for a 32-bit guest is named, not passed silently.
        XCTAssertFalse(plan(.writev, .mips).1.isEmpty, "iovec arrays hold 32-bit pointers on mips")
    }
}
