import XCTest
@testable import Emulator

/// Decoder facts that follow from the A64 encoding definitions.
final class DecoderTests: XCTestCase {
    func testLogicalImmediateMasks() {
        // N=1, immr=0, imms=7: eight ones in a 64-bit element.
        XCTAssertEqual(AArch64Decoder.decodeBitMasks(n: 1, imms: 7, immr: 0, immediate: true, dataSize: 64)?.wmask, 0xFF)
        // N=0, imms=0b111100 (2-bit elements, one one), immr=0: 0x5555...
        XCTAssertEqual(AArch64Decoder.decodeBitMasks(n: 0, imms: 0b111100, immr: 0, immediate: true, dataSize: 64)?.wmask, 0x5555_5555_5555_5555)
        // immr rotates right within the element: 0xFF rotated by 4 in 64 bits.
        XCTAssertEqual(AArch64Decoder.decodeBitMasks(n: 1, imms: 7, immr: 4, immediate: true, dataSize: 64)?.wmask, 0xF000_0000_0000_000F)
        // All ones is reserved for logical immediates.
        XCTAssertNil(AArch64Decoder.decodeBitMasks(n: 1, imms: 63, immr: 0, immediate: true, dataSize: 64))
    }

    func testRegister31MeansSPOrZeroByOperand() {
        // add sp, sp, #16 = 0x910043ff: both operands are SP.
        let add = AArch64Decoder.decode(0x9100_43FF, pc: 0)
        XCTAssertEqual(add.kind, .addImm)
        XCTAssertEqual(add.rd, 31); XCTAssertEqual(add.rn, 31); XCTAssertEqual(add.imm, 16)
        // orr x0, xzr, x1 (mov x0, x1) = 0xaa0103e0: Rn 31 reads zero.
        let mov = AArch64Decoder.decode(0xAA01_03E0, pc: 0)
        XCTAssertEqual(mov.kind, .logicShifted)
        XCTAssertEqual(mov.rn, UInt8(AArch64CPU.zeroReadSlot))
        // cmp x0, #1 (subs xzr, x0, #1) = 0xf100041f: the write goes to the discard slot.
        let cmp = AArch64Decoder.decode(0xF100_041F, pc: 0)
        XCTAssertEqual(cmp.rd, UInt8(AArch64CPU.discardWriteSlot))
    }

    func testBranchTargetsArePrecomputed() {
        // b .+8 = 0x14000002; bl .-4 = 0x97ffffff; b.ne .+12 = 0x54000061
        XCTAssertEqual(AArch64Decoder.decode(0x1400_0002, pc: 0x1000).imm, 0x1008)
        let bl = AArch64Decoder.decode(0x97FF_FFFF, pc: 0x1000)
        XCTAssertEqual(bl.kind, .branchLink); XCTAssertEqual(bl.imm, 0xFFC)
        let bne = AArch64Decoder.decode(0x5400_0061, pc: 0x1000)
        XCTAssertEqual(bne.kind, .branchCond); XCTAssertEqual(bne.sub, 1); XCTAssertEqual(bne.imm, 0x100C)
    }

    func testLSEAtomicsDecodeBeforeTheSignedLoadGuard() {
        // swpal x0, x0, [x1] = 0xf8e08020 (opc bits 23:22 = 11 would be an invalid LDRS form).
        let swp = AArch64Decoder.decode(0xF8E0_8020, pc: 0)
        XCTAssertEqual(swp.kind, .atomicMemory)
        XCTAssertEqual(swp.sub, 8)
        XCTAssertEqual(swp.size, 3)
    }

    func testUnallocatedIsUndefined() {
        XCTAssertEqual(AArch64Decoder.decode(0x0000_0000, pc: 0).kind, .undefined)  // UDF #0
    }

    func testInterpreterRunsASmallProgram() throws {
        // mov x0, #5; mov x1, #7; madd x2, x0, x1, xzr; svc #0
        let code: [UInt32] = [0xD280_00A0, 0xD280_00E1, 0x9B01_7C02, 0xD400_0001]
        let page = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 4096)
        defer { page.deallocate() }
        for (i, w) in code.enumerated() { page.storeBytes(of: w, toByteOffset: i * 4, as: UInt32.self) }
        let cpu = AArch64CPU()
        cpu.pc = UInt64(UInt(bitPattern: page))
        let interpreter = AArch64Interpreter(cpu: cpu)
        XCTAssertEqual(interpreter.run(), .syscall)
        XCTAssertEqual(cpu.x[2], 35)
        XCTAssertEqual(cpu.pc, UInt64(UInt(bitPattern: page)) + 16)
    }
}
