import XCTest
@testable import Emulator

/// The RISC-V decoder, compressed expansion first. Expected words were produced by the GNU
/// assembler (riscv64-linux-gnu-as 2.40): each compressed instruction assembled with
/// `.option rvc`, and the 32-bit instruction it stands for assembled with `.option norvc`.
final class RISCV64DecoderTests: XCTestCase {
    static let expansions: [(UInt16, UInt32, String)] = [
        (0x1FE0, 0x3FC10413, "c.addi4spn x8, sp, 1020"),
        (0x3D64, 0x0F853487, "c.fld f9, 248(x10)"),
        (0x5C7C, 0x07C42783, "c.lw x15, 124(x8)"),
        (0x7FE4, 0x0F87B483, "c.ld x9, 248(x15)"),
        (0xA480, 0x0084B427, "c.fsd f8, 8(x9)"),
        (0xC1A8, 0x04A5A023, "c.sw x10, 64(x11)"),
        (0xE658, 0x08E63423, "c.sd x14, 136(x12)"),
        (0x0001, 0x00000013, "c.nop"),
        (0x1281, 0xFE028293, "c.addi x5, -32"),
        (0x237D, 0x01F3031B, "c.addiw x6, 31"),
        (0x53FD, 0xFFF00393, "c.li x7, -1"),
        (0x7101, 0xE0010113, "c.addi16sp sp, -512"),
        (0x617D, 0x1F010113, "c.addi16sp sp, 496"),
        (0x7485, 0xFFFE14B7, "c.lui x9, 0xfffe1"),
        (0x6FFD, 0x0001FFB7, "c.lui x31, 31"),
        (0x907D, 0x03F45413, "c.srli x8, 63"),
        (0x8785, 0x4017D793, "c.srai x15, 1"),
        (0x9A01, 0xFE067613, "c.andi x12, -32"),
        (0x8C05, 0x40940433, "c.sub x8, x9"),
        (0x8D2D, 0x00B54533, "c.xor x10, x11"),
        (0x8E55, 0x00D66633, "c.or x12, x13"),
        (0x8F7D, 0x00F77733, "c.and x14, x15"),
        (0x9C1D, 0x40F4043B, "c.subw x8, x15"),
        (0x9CA9, 0x00A484BB, "c.addw x9, x10"),
        (0x1F06, 0x021F1F13, "c.slli x30, 33"),
        (0x31FE, 0x1F813187, "c.fldsp f3, 504(sp)"),
        (0x527E, 0x0FC12203, "c.lwsp x4, 252(sp)"),
        (0x70FE, 0x1F813083, "c.ldsp x1, 504(sp)"),
        (0x8082, 0x00008067, "c.jr x1"),
        (0x829A, 0x006002B3, "c.mv x5, x6"),
        (0x9002, 0x00100073, "c.ebreak"),
        (0x9382, 0x000380E7, "c.jalr x7"),
        (0x929A, 0x006282B3, "c.add x5, x6"),
        (0xBFFE, 0x1FF13C27, "c.fsdsp f31, 504(sp)"),
        (0xDFA6, 0x0E912E23, "c.swsp x9, 252(sp)"),
        (0xE44A, 0x01213423, "c.sdsp x18, 8(sp)"),
        (0xA081, 0x0400006F, "c.j +64"),
        (0xC021, 0x04040063, "c.beqz x8, +64"),
        (0xE3A1, 0x04079063, "c.bnez x15, +64"),
        (0xB7C1, 0xFC1FF06F, "c.j -64"),
        (0xD0E1, 0xFC0480E3, "c.beqz x9, -64"),
    ]

    func testCompressedExpansionMatchesTheAssembler() {
        for (half, word, text) in Self.expansions {
            XCTAssertEqual(RISCV64Compressed.expand(half), word, "\(text): 0x\(String(half, radix: 16))")
        }
    }

    func testReservedCompressedEncodingsAreIllegal() {
        // All zeros; c.addi4spn with a zero immediate; c.lwsp/c.ldsp to x0; c.jr x0; c.addiw x0;
        // c.lui with a zero immediate; c.addi16sp with a zero immediate; quadrant 0 funct3 4.
        for half: UInt16 in [0x0000, 0x0004, 0x4002, 0x6002, 0x8002, 0x2001, 0x6281, 0x6101, 0x8000] {
            XCTAssertNil(RISCV64Compressed.expand(half), "0x\(String(half, radix: 16)) must be reserved")
            XCTAssertEqual(RISCV64Decoder.decode(low: half, high: 0, pc: 0).kind, .illegal)
        }
    }

    func testCompressedOpsDecodeLikeTheirExpansion() {
        for (half, word, text) in Self.expansions {
            let short = RISCV64Decoder.decode(low: half, high: 0, pc: 0x10000)
            var long = RISCV64Decoder.decode32(word, pc: 0x10000)
            XCTAssertEqual(short.length, 2, text)
            long.length = 2
            XCTAssertEqual(short.kind, long.kind, text)
            XCTAssertEqual(short.imm, long.imm, text)
            XCTAssertEqual([short.rd, short.rs1, short.rs2, short.sub, short.size], [long.rd, long.rs1, long.rs2, long.sub, long.size], text)
        }
    }

    func testImmediatesAndRegisters() {
        // addi x0, x0, 0 writes the discard slot; lui/auipc/jal/branch fold the pc in.
        let nop = RISCV64Decoder.decode32(0x0000_0013, pc: 0)
        XCTAssertEqual(nop.kind, .aluImm)
        XCTAssertEqual(Int(nop.rd), RISCV64CPU.discardSlot)
        let auipc = RISCV64Decoder.decode32(0xFFFF_F517, pc: 0x1000)  // auipc a0, 0xfffff
        XCTAssertEqual(auipc.kind, .movImm)
        XCTAssertEqual(UInt64(bitPattern: auipc.imm), 0x1000 &- 0x1000)
        let jal = RISCV64Decoder.decode32(0xFC1F_F06F, pc: 0x2040)  // jal x0, -64
        XCTAssertEqual(jal.kind, .jal)
        XCTAssertEqual(jal.imm, 0x2000)
        let sd = RISCV64Decoder.decode32(0xFE11_3C23, pc: 0)  // sd ra, -8(sp)
        XCTAssertEqual(sd.kind, .store)
        XCTAssertEqual(sd.imm, -8)
        XCTAssertEqual(sd.rs2, 1)
        XCTAssertEqual(sd.rs1, 2)
    }

    func testEncodingsOutsideRV64GCAreIllegal() {
        // mret, wfi, a vector instruction (OP-V), and an AMO with a bad width.
        for word: UInt32 in [0x3020_0073, 0x1050_0073, 0x0200_0057, 0x0000_002F | (1 << 12)] {
            XCTAssertEqual(RISCV64Decoder.decode32(word, pc: 0).kind, .illegal, "0x\(String(word, radix: 16))")
        }
    }

    func testDivisionEdgeCasesFollowTheSpec() {
        typealias I = RISCV64Interpreter
        XCTAssertEqual(I.alu(RVAlu.div, 7, 0), UInt64.max)
        XCTAssertEqual(I.alu(RVAlu.rem, 7, 0), 7)
        XCTAssertEqual(I.alu(RVAlu.div, 1 << 63, UInt64.max), 1 << 63)
        XCTAssertEqual(I.alu(RVAlu.rem, 1 << 63, UInt64.max), 0)
        XCTAssertEqual(I.aluW(RVAlu.divu, 5, 0), UInt64.max)
        XCTAssertEqual(I.aluW(RVAlu.div, 0x8000_0000, 0xFFFF_FFFF), 0xFFFF_FFFF_8000_0000)
    }
}
