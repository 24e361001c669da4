/// What a decoded RISC-V instruction does. Compressed instructions decode to the same kinds as
/// the 32-bit instructions they expand to.
enum RVOpKind: UInt8 {
    /// rd = imm (LUI, and AUIPC with the pc folded in at decode time).
    case movImm
    case jal, jalr
    /// sub: funct3 (0 beq, 1 bne, 4 blt, 5 bge, 6 bltu, 7 bgeu); imm: absolute target.
    case branch
    /// sub: an `RVAlu` code; the second operand is imm (aluImm) or rs2 (alu); W forms work on 32
    /// bits and sign-extend.
    case aluImm, aluImmW, alu, aluW
    /// sub: 0 lb, 1 lh, 2 lw, 3 ld, 4 lbu, 5 lhu, 6 lwu.
    case load
    /// sub: log2 of the width.
    case store
    case fence, fenceI, ecall, ebreak, illegal
    /// sub: funct3; imm: CSR number; rs1: source register or the 5-bit immediate.
    case csr
    /// size: 2 (word) or 3 (doubleword); sub: funct5 for AMOs.
    case lr, sc, amo
    /// size: 2 (flw/fsw) or 3 (fld/fsd).
    case fload, fstore
    /// sub: 0 fmadd, 1 fmsub, 2 fnmsub, 3 fnmadd; size: 0 single, 1 double; rm: rounding mode.
    case fma
    /// sub: an `RVFloatOp` code; size: 0 single, 1 double; rm: rounding mode or funct3.
    case fp

    // Specialised kinds (RISCV64Specialiser): one kind per hot form, so the interpreter's hot
    // cases carry no second dispatch on `sub`. The generic kinds above stay the reference.

    /// Closes every block (the block cache's sentinel): the interpreter continues at endPC.
    case blockEnd
    /// rd = rs1 + imm and the other immediate forms; shift amounts in imm.
    case addi, andi, ori, xori, slli, srli, srai, slti, sltiu
    case addiw, slliw, srliw, sraiw
    /// rd = rs1 op rs2.
    case add, sub, and, or, xor, sll, srl, sra, slt, sltu, mul
    case addw, subw, sllw, srlw, sraw, mulw
    /// rd = (rs1 << imm) + rs2: `slli t, a, k; add t, t, b` fused (address arithmetic without
    /// Zba), whose intermediate t the add overwrites.
    case shiftAdd
    /// Loads and stores at rs1 + imm, one kind per width.
    case lb, lh, lw, ld, lbu, lhu, lwu
    case sb, sh, sw, sd
    /// Conditional branches to the absolute target in imm; each ends its block.
    case beq, bne, blt, bge, bltu, bgeu
    /// A rotate right by imm, as RV64GC without Zbb spells it: `srli a, v, k`, `slli b, v, 64-k`,
    /// `or d, a, b`, brought together within a block (RISCV64Specialiser.fuseRotates). rs1: v;
    /// rs2: a; rs3: b; rd: d. All three registers are written, as the three instructions would.
    case rotateRight
    /// The same on the low 32 bits with srliw/slliw (32-k), each result sign-extended.
    case rotateRightWord
    /// `addi` whose block ends with the branch in the next op: the add, the branch's test and the
    /// block's end in one dispatch (loop counters). The branch op stays, for its fields.
    case addiBne, addiBeq, addiBranch
    /// Two register copies in a row (`mv`, or `sext.w` = addiw 0, as compilers emit at the end
    /// of unrolled loops): rd = rs1, then rs2 = rs3; sub bit 0 / bit 1 sign-extend the first /
    /// second from 32 bits.
    case movePair
}

/// Integer operation codes shared by the register and immediate forms.
enum RVAlu {
    static let add: UInt8 = 0, sub: UInt8 = 1, sll: UInt8 = 2, slt: UInt8 = 3, sltu: UInt8 = 4
    static let xor: UInt8 = 5, srl: UInt8 = 6, sra: UInt8 = 7, or: UInt8 = 8, and: UInt8 = 9
    static let mul: UInt8 = 10, mulh: UInt8 = 11, mulhsu: UInt8 = 12, mulhu: UInt8 = 13
    static let div: UInt8 = 14, divu: UInt8 = 15, rem: UInt8 = 16, remu: UInt8 = 17
}

/// Floating-point operation codes of the OP-FP major opcode.
enum RVFloatOp {
    static let add: UInt8 = 0, sub: UInt8 = 1, mul: UInt8 = 2, div: UInt8 = 3, sqrt: UInt8 = 4
    static let sgnj: UInt8 = 5, sgnjn: UInt8 = 6, sgnjx: UInt8 = 7, min: UInt8 = 8, max: UInt8 = 9
    /// Convert between precisions: to `size` from the other one.
    static let convertPrecision: UInt8 = 10
    static let eq: UInt8 = 12, lt: UInt8 = 13, le: UInt8 = 14, classify: UInt8 = 15
    /// fcvt.{w,wu,l,lu}.fmt: + 0...3.
    static let toInt: UInt8 = 16
    /// fcvt.fmt.{w,wu,l,lu}: + 0...3.
    static let fromInt: UInt8 = 20
    static let moveToInt: UInt8 = 24, moveFromInt: UInt8 = 25
}

/// One predecoded instruction: 16 bytes, so a block's ops sit densely in memory.
struct RVDecodedOp {
    var kind: RVOpKind = .illegal
    /// Destination: 32 (discard) when the encoding names x0 for an integer result.
    var rd: UInt8 = 0
    var rs1: UInt8 = 0
    var rs2: UInt8 = 0
    var rs3: UInt8 = 0
    var sub: UInt8 = 0
    var size: UInt8 = 0
    var rm: UInt8 = 0
    /// Byte offset of the instruction from its block's start (blocks stay within a page).
    var offset: UInt16 = 0
    /// Instruction length: 2 (compressed) or 4.
    var length: UInt8 = 4
    var imm: Int64 = 0
}
