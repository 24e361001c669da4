import Foundation
import XCTest
@testable import Emulator

/// Throughput of the AdvSIMD instructions glibc's string routines run in their inner loops
/// (strlen/memchr/strchr: CMEQ, SHRN, UMAXP, ADDP, AND/ORR/BIT, DUP) and of a few vector FP ops.
/// Prints ns per instruction; meaningful in a release build:
///   swift test -c release -Xswiftc -enable-testing --filter AdvSIMDPerformance
final class AdvSIMDPerformanceTests: XCTestCase {
    // Words from aarch64-linux-gnu-as.
    static let hot: [(String, UInt32)] = [
        ("cmeq v0.16b, v1.16b, #0", 0x4e20_9820),
        ("cmeq v2.16b, v1.16b, v3.16b", 0x6e23_8c22),
        ("shrn v4.8b, v0.8h, #4", 0x0f0c_8404),
        ("umaxp v5.16b, v0.16b, v0.16b", 0x6e20_a405),
        ("addp v6.16b, v0.16b, v2.16b", 0x4e22_bc06),
        ("and v7.16b, v0.16b, v2.16b", 0x4e22_1c07),
        ("orr v8.16b, v0.16b, v2.16b", 0x4ea2_1c08),
        ("bit v9.16b, v0.16b, v2.16b", 0x6ea2_1c09),
        ("dup v10.16b, w1", 0x4e01_0c2a),
        ("fadd v11.4s, v12.4s, v13.4s", 0x4e2d_d58b),
        ("fmla v14.4s, v12.4s, v13.4s", 0x4e2d_cd8e),
        ("tbl v15.16b, {v1.16b}, v3.16b", 0x4e03_002f),
    ]

    func testHotLoopThroughput() {
        let cpu = AArch64CPU()
        // "hello\0world....": byte 5 is the only zero.
        let bytes: [UInt8] = [0x68, 0x65, 0x6c, 0x6c, 0x6f, 0, 0x77, 0x6f, 0x72, 0x6c, 0x64, 0x21, 0x21, 0x21, 0x21, 0x21]
        for (i, b) in bytes.enumerated() { cpu.v.storeBytes(of: b, toByteOffset: 16 + i, as: UInt8.self) }
        cpu.x[1] = 0x61
        let iterations = 200_000
        var failures = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            for (_, word) in Self.hot where !cpu.executeAdvSIMD(word) { failures += 1 }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
        let count = Double(iterations * Self.hot.count)
        print(String(format: "AdvSIMD hot loop: %.1f ns per instruction (%d instructions)", elapsed / count, Int(count)))
        XCTAssertEqual(failures, 0)
        // Each instruction alone (same registers, so later results are what the mix left behind).
        let probe = AArch64CPU()
        for j in 0..<64 { probe.v.storeBytes(of: cpu.v.load(fromByteOffset: j * 8, as: UInt64.self), toByteOffset: j * 8, as: UInt64.self) }
        probe.x[1] = 0x61
        for (name, word) in Self.hot {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<iterations where !probe.executeAdvSIMD(word) { failures += 1 }
            let ns = Double(DispatchTime.now().uptimeNanoseconds - t0) / Double(iterations)
            print(String(format: "  %-32@ %6.1f ns", name as NSString, ns))
        }
        XCTAssertEqual(failures, 0)
        // CMEQ #0 marks byte 5 only; SHRN #4 of that mask leaves nibble 5 set: 0xf << 20.
        XCTAssertEqual(cpu.v.load(fromByteOffset: 0, as: UInt64.self), 0x0000_ff00_0000_0000)
        XCTAssertEqual(cpu.v.load(fromByteOffset: 8, as: UInt64.self), 0)
        XCTAssertEqual(cpu.v.load(fromByteOffset: 4 * 16, as: UInt64.self), 0x0000_0000_00f0_0000)
        XCTAssertEqual(cpu.v.load(fromByteOffset: 4 * 16 + 8, as: UInt64.self), 0)
        // DUP of w1 = 0x61 fills all 16 bytes.
        XCTAssertEqual(cpu.v.load(fromByteOffset: 10 * 16, as: UInt64.self), 0x6161_6161_6161_6161)
        XCTAssertEqual(cpu.v.load(fromByteOffset: 10 * 16 + 8, as: UInt64.self), 0x6161_6161_6161_6161)
    }
}
