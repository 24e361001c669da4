import XCTest
@testable import Emulator

/// Every word the integer decoder can hand to executeAdvSIMD must either execute or return false
/// (the guest then gets SIGILL); none may trap the emulator. Random words over the whole AdvSIMD
/// encoding space, with random register contents, run here in a debug build where Swift checks
/// overflow, shifts and bounds.
final class AdvSIMDRobustnessTests: XCTestCase {
    func testRandomWordsNeverTrap() {
        var rng = SystemRandomNumberGenerator()
        let cpu = AArch64CPU()
        var executed = 0, refused = 0
        for round in 0..<200_000 {
            if round % 64 == 0 {
                for j in 0..<64 { cpu.v.storeBytes(of: UInt64.random(in: 0...UInt64.max, using: &rng), toByteOffset: j * 8, as: UInt64.self) }
                for j in 0..<31 { cpu.x[j] = UInt64.random(in: 0...UInt64.max, using: &rng) }
                cpu.fpcr = UInt64.random(in: 0...15, using: &rng) << 22
            }
            // Bits 27:25 = 111 with op0 not x0x1 (those are scalar FP, routed elsewhere).
            var word = UInt32.random(in: 0...UInt32.max, using: &rng) | 0x0E00_0000
            if word & 0x5000_0000 == 0x1000_0000 { word ^= 0x4000_0000 }
            if cpu.executeAdvSIMD(word) { executed += 1 } else { refused += 1 }
        }
        print("AdvSIMD random words: \(executed) executed, \(refused) refused")
        XCTAssertGreaterThan(executed, 10_000, "most of the space is allocated; the decoder refuses too much")
        XCTAssertGreaterThan(refused, 10_000, "unallocated encodings must be refused")
    }

    /// Writes to a 64-bit vector clear bits 127:64 (definition of the D-form).
    func testDFormClearsUpperHalf() {
        let cpu = AArch64CPU()
        for j in 0..<64 { cpu.v.storeBytes(of: UInt64.max, toByteOffset: j * 8, as: UInt64.self) }
        XCTAssertTrue(cpu.executeAdvSIMD(0x0e22_8420))        // add v0.8b, v1.8b, v2.8b
        XCTAssertEqual(cpu.v.load(fromByteOffset: 0, as: UInt64.self), 0xfefe_fefe_fefe_fefe)
        XCTAssertEqual(cpu.v.load(fromByteOffset: 8, as: UInt64.self), 0)
    }

    /// Known unallocated forms are refused: size 11 with Q = 0 for ADD, and 3-same-extra (SDOT).
    func testReservedEncodingsRefused() {
        let cpu = AArch64CPU()
        XCTAssertFalse(cpu.executeAdvSIMD(0x0ee2_8420))       // add with size=11, Q=0 (".1d" form is reserved)
        XCTAssertFalse(cpu.executeAdvSIMD(0x4e82_9420))       // sdot v0.4s, v1.16b, v2.16b: FEAT_DotProd not offered
        XCTAssertFalse(cpu.executeAdvSIMD(0xce00_0000))       // eor3 (SHA3): not offered
    }
}
