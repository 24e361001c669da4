import XCTest
@testable import Emulator

/// Double-precision fused multiply-add under RMM: the tie test works on the exact a·b+c, which
/// needs more bits than any host float type. Each case's exact value is built by construction
/// (powers of two and integers), so whether it is a tie is arithmetic, not an oracle's word; the
/// differential harness (TestCases/cpu-riscv64, fma class) checks the instruction against qemu.
final class RISCV64FusedTiesAwayTests: XCTestCase {
    private func rmm(_ a: Double, _ b: Double, _ c: Double) -> Double {
        RVFusedTiesAway.result(a, b, c, nearestEven: c.addingProduct(a, b))
    }

    func testHalfUlpAddedToOneRoundsAway() {
        // 2^-26 · 2^-27 = 2^-53, half an ulp of 1.0: RNE keeps 1, RMM goes to 1 + 2^-52.
        let a = 0x1p-26, b = 0x1p-27
        XCTAssertEqual(1.0.addingProduct(a, b), 1.0)
        XCTAssertEqual(rmm(a, b, 1.0), 1.0 + 0x1p-52)
        XCTAssertEqual(rmm(-a, b, -1.0), -(1.0 + 0x1p-52))
    }

    func testJustAboveOrBelowATieIsLeftAlone() {
        let a = 0x1p-26, b = 0x1p-27 + 0x1p-79   // product 2^-53 + 2^-105: above the tie
        XCTAssertEqual(rmm(a, b, 1.0), 1.0.addingProduct(a, b))
        let below = 0x1p-27 - 0x1p-80            // product just below the tie: RNE and RMM give 1
        XCTAssertEqual(rmm(a, below, 1.0), 1.0)
    }

    func testTieNeedingTheFullProductWidth() {
        // x·y has 106 bits; c cancels all but 54 of them, leaving an odd 54-bit value: a tie that
        // an 80-bit intermediate would miss.
        let x: UInt64 = (1 << 52) | 0x5_5555_5555_5555, y: UInt64 = (1 << 52) | 0x3_3333_3333_3333
        let p = x.multipliedFullWidth(by: y)
        let wide = (UInt128(p.high) << 64) | UInt128(p.low)
        let k = (128 - wide.leadingZeroBitCount) - 54
        let high = (wide >> k) | 1
        let cInt = Int128(high << k) - Int128(wide)
        let a = Double(x) * 0x1p-52, b = Double(y) * 0x1p-52, c = Double(cInt) * 0x1p-104
        XCTAssertEqual(Int128(Double(cInt)), cInt, "c must be exact")
        let even = c.addingProduct(a, b), away = rmm(a, b, c)
        // The exact value is high·2^(k-104) with high odd: ties away gives (high+1)·2^(k-104).
        let scale = Double(sign: .plus, exponent: k - 104, significand: 1)
        XCTAssertEqual(away, Double(high + 1) * scale)
        XCTAssertEqual(even, Double(high - 1) * scale, "this pair's even neighbour is the smaller one")
    }

    func testSubnormalHalvingRoundsAwayFromZero() {
        // 2^-1074 · 2^-1 + 0 lies halfway between 0 and the least subnormal.
        XCTAssertEqual(rmm(0x1p-1074, 0.5, 0), 0x1p-1074)
        XCTAssertEqual(rmm(-0x1p-1074, 0.5, 0), -0x1p-1074)
        XCTAssertEqual(rmm(0x1p-1074, 0.25, 0), 0)        // a quarter: not a tie
    }

    func testSpecialOperandsKeepTheNearestEvenResult() {
        XCTAssertEqual(rmm(0, 5, 1.0), 1.0)
        XCTAssertTrue(rmm(.nan, 1, 1).isNaN)
        XCTAssertEqual(rmm(.greatestFiniteMagnitude, 2, 0), .infinity)
    }
}
