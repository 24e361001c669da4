import XCTest
@testable import Emulator

/// Hand-checkable cases the qemu oracle tests cannot reach (PC-relative literals, SP as the
/// base register) and a few IEEE facts. Words come from aarch64-linux-gnu-as.
final class ScalarFPUnitTests: XCTestCase {
    private var cpu: AArch64CPU!
    private var buffer: UnsafeMutableRawPointer!
    private var base: UInt64 { UInt64(UInt(bitPattern: buffer)) }

    override func setUp() {
        cpu = AArch64CPU()
        buffer = .allocate(byteCount: 128, alignment: 16)
        for i in 0..<128 { buffer.storeBytes(of: UInt8(i), toByteOffset: i, as: UInt8.self) }
    }

    override func tearDown() { buffer.deallocate() }

    private func v(_ r: Int) -> (UInt64, UInt64) {
        (cpu.vreg(r).load(as: UInt64.self), cpu.vreg(r).load(fromByteOffset: 8, as: UInt64.self))
    }

    private func setV(_ r: Int, _ lo: UInt64, _ hi: UInt64) {
        cpu.vreg(r).storeBytes(of: lo, as: UInt64.self)
        cpu.vreg(r).storeBytes(of: hi, toByteOffset: 8, as: UInt64.self)
    }

    func testLiteralLoadsArePCRelative() {
        setV(1, ~0, ~0)
        let pc = base + 32
        XCTAssertTrue(cpu.executeFPSIMD(0x1C00_0041, pc: pc))          // ldr s1, .+8
        XCTAssertEqual(v(1).0, 0x2B2A_2928)                            // bytes 40..43, rest cleared
        XCTAssertEqual(v(1).1, 0)
        XCTAssertTrue(cpu.executeFPSIMD(0x5CFF_FFE2, pc: pc))          // ldr d2, .-4
        XCTAssertEqual(v(2).0, 0x2322_2120_1F1E_1D1C)
        XCTAssertTrue(cpu.executeFPSIMD(0x9C00_0083, pc: pc))          // ldr q3, .+16
        XCTAssertEqual(v(3).0, 0x3736_3534_3332_3130)
        XCTAssertEqual(v(3).1, 0x3F3E_3D3C_3B3A_3938)
    }

    func testStackPointerBaseAndWriteBack() {
        cpu.x[AArch64CPU.stackPointerSlot] = base + 64
        setV(0, 0x1111_1111_1111_1111, 0x2222_2222_2222_2222)
        XCTAssertTrue(cpu.executeFPSIMD(0x3D80_07E0, pc: 0))           // str q0, [sp, #16]
        XCTAssertEqual(buffer.load(fromByteOffset: 80, as: UInt64.self), 0x1111_1111_1111_1111)
        XCTAssertEqual(buffer.load(fromByteOffset: 88, as: UInt64.self), 0x2222_2222_2222_2222)
        XCTAssertTrue(cpu.executeFPSIMD(0xADFF_07E0, pc: 0))           // ldp q0, q1, [sp, #-32]!
        XCTAssertEqual(cpu.x[AArch64CPU.stackPointerSlot], base + 32)
        XCTAssertEqual(v(0).0, 0x2726_2524_2322_2120)
        XCTAssertEqual(v(1).1, 0x3F3E_3D3C_3B3A_3938)
        XCTAssertTrue(cpu.executeFPSIMD(0x4CDF_73E0, pc: 0))           // ld1 {v0.16b}, [sp], #16
        XCTAssertEqual(cpu.x[AArch64CPU.stackPointerSlot], base + 48)
        XCTAssertEqual(v(0).0, 0x2726_2524_2322_2120)
    }

    func testIEEEFacts() {
        setV(1, 0x3FF0_0000_0000_0000, 0xAAAA)                        // 1.0
        setV(2, 0x4000_0000_0000_0000, 0)                             // 2.0
        XCTAssertTrue(cpu.executeFPSIMD(0x1E62_2820, pc: 0))           // fadd d0, d1, d2
        XCTAssertEqual(v(0).0, 0x4008_0000_0000_0000)                  // 3.0
        XCTAssertEqual(v(0).1, 0)
        XCTAssertEqual(cpu.fpsr, 0)
        XCTAssertTrue(cpu.executeFPSIMD(0x1E62_2020, pc: 0))           // fcmp d1, d2
        XCTAssertEqual(cpu.nzcv, 0x8000_0000)                          // less than
        XCTAssertTrue(cpu.executeFPSIMD(0x9EAE_0020, pc: 0))           // fmov x0, v1.d[1]
        XCTAssertEqual(cpu.x[0], 0xAAAA)
        setV(1, 0xBFF0_0000_0000_0000, 0)                             // -1.0
        XCTAssertTrue(cpu.executeFPSIMD(0x1E61_C020, pc: 0))           // fsqrt d0, d1
        XCTAssertEqual(v(0).0, 0x7FF8_0000_0000_0000)                  // default NaN
        XCTAssertEqual(cpu.fpsr, FPFlag.invalidOp)
    }

    func testUnallocatedEncodingsAreRejected() {
        XCTAssertFalse(cpu.executeFPSIMD(0x1EA0_2820, pc: 0))          // fadd with ftype 10
        XCTAssertFalse(cpu.executeFPSIMD(0x3DC0_0000 | 0x4000_0000, pc: 0)) // ldr q with size 01
    }
}
