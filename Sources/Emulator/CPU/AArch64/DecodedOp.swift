/// One predecoded A64 instruction. Blocks of these are cached by guest PC so each instruction is
/// decoded once; execution is a `switch` over `kind` with operands already extracted and register
/// 31 already resolved to SP, the zero slot or the discard slot.
struct DecodedOp {
    var kind: OpKind = .undefined
    var rd: UInt8 = 0
    var rn: UInt8 = 0
    var rm: UInt8 = 0
    var ra: UInt8 = 0
    /// 64-bit operation (sf), or log2 of the access size for loads and stores.
    var size: UInt8 = 0
    /// Per-kind modifiers (see `OpFlag`).
    var flags: UInt8 = 0
    /// Condition code, shift type, extend type or sub-operation, per kind.
    var sub: UInt8 = 0
    var imm: UInt64 = 0
    var imm2: UInt64 = 0
    /// The instruction word, for FP/SIMD hand-off and diagnostics.
    var raw: UInt32 = 0
    /// A second small operand of specialised kinds (condition masks, shift counts, sign-bit
    /// positions); it sits in what was padding, so the op stays 32 bytes.
    var aux: UInt32 = 0
}

enum OpFlag {
    static let setFlags: UInt8 = 1
    static let signExtend: UInt8 = 2      // loads: sign-extend the value
    static let to32: UInt8 = 4            // loads: sign-extend into a W register
    static let writeBack: UInt8 = 8       // pre/post-index
    static let postIndex: UInt8 = 16
    static let acquire: UInt8 = 32
    static let release: UInt8 = 64
    static let negate: UInt8 = 128        // sub instead of add, msub, etc.
}

enum OpKind: UInt8 {
    case undefined
    // Data processing, immediate.
    case movImm            // rd = imm (MOVZ, MOVN, ADR, ADRP precomputed)
    case movk              // rd = (rd & ~imm2) | imm
    case addImm            // rd = rn +/- imm, flags optional
    case logicImm          // sub: 0 and, 1 orr, 2 eor, 3 ands
    case bitfield          // sub: 0 sbfm, 1 bfm, 2 ubfm; imm = wmask, imm2 = tmask, ra = immr, rm = imms
    case extr              // imm = lsb
    // Data processing, register.
    case addShifted        // sub = shift type, imm = amount
    case addExtended       // sub = extend type, imm = left shift
    case logicShifted      // sub: bits 0-1 op (and orr eor ands), bit 2 invert rm; ra = shift type; imm = amount
    case addCarry          // adc/sbc (negate)
    case condCompare       // sub = cond; imm = nzcv to set if false; flags bit negate = ccmp; rm or imm2 immediate
    case condCompareImm
    case condSelect        // sub = cond; ra: 0 csel 1 csinc 2 csinv 3 csneg
    case dataProc1         // sub: 0 rbit 1 rev16 2 rev32 3 rev 4 clz 5 cls
    case dataProc2         // sub: 0 udiv 1 sdiv 2 lslv 3 lsrv 4 asrv 5 rorv
    case crc32             // sub: bit2 = castagnoli, size = log2 bytes
    case mulAdd            // madd/msub (negate)
    case mulAddLong        // smaddl/smsubl/umaddl/umsubl: signExtend flag, negate flag
    case mulHigh           // smulh (signExtend) / umulh
    // Branches.
    case branch            // imm = target
    case branchLink
    case branchCond        // sub = cond
    case compareBranch     // cbz/cbnz: negate flag = cbnz
    case testBranch        // tbz/tbnz: imm2 = bit
    case branchRegister    // br / ret
    case branchLinkRegister
    // System.
    case svc
    case trap              // brk/hlt/udf: sub = kind (0 brk, 1 hlt, 2 udf)
    case nop
    case mrs               // imm = system register id
    case msr
    case msrImmediate      // PSTATE fields: imm = field id, imm2 = value
    case dcZeroVA
    case instructionCacheInvalidate
    case clearExclusive
    case barrier
    // Loads and stores: size = log2 bytes; address = rn + imm (imm signed), or rn + extend(rm) << imm.
    case load
    case store
    case loadRegOffset     // sub = extend type, imm = shift
    case storeRegOffset
    case loadLiteral       // imm = absolute address
    case loadPair          // imm = signed offset, ra = rt2
    case storePair
    case loadExclusive     // flags acquire; rm = status reg for stores; ra = rt2 for pairs; sub = 1 pair
    case storeExclusive
    case loadAcquire       // ldar/ldapr
    case storeRelease      // stlr
    case compareAndSwap    // CAS: rm = Rs
    case compareAndSwapPair
    case atomicMemory      // LDADD etc.: sub = opc (0 add 1 clr 2 eor 3 set 4 smax 5 smin 6 umax 7 umin 8 swp); rm = Rs
    case prefetch
    // FP and AdvSIMD, executed from the raw word.
    case fpsimd

    // Specialised forms of the kinds above, made by `AArch64Specialiser` for the shapes compilers
    // emit most; each does exactly what its generic kind does for that shape, with the size
    // and sub-operation turned into masks at translation time. `mask` below is imm2 unless noted:
    // all ones for 64-bit forms, 0xFFFF_FFFF for 32-bit ones.
    case addImmFast        // rd = (rn + imm) & mask; SUB has imm negated
    case subsImm64         // rd, flags = rn - imm
    case subsImm32
    case addRegLSL         // rd = (rn + (rm << imm)) & mask
    case subRegLSL         // rd = (rn - (rm << imm)) & mask
    case subsReg64         // rd, flags = rn - (rm << imm)
    case subsReg32
    case movReg            // rd = rm & mask (ORR rd, zr, rm)
    case movRegPair        // two movReg in a row: rd = rm & imm2, then ra = rn & imm; skips the next op
    case andLSL            // rd = (rn & ((rm << imm) ^ invert)) & mask; aux = 1 inverts (BIC, ORN, EON)
    case orrLSL
    case eorLSL
    case andsLSL           // like andLSL, sets N Z (aux bit 8 inverts; aux low bits = sign bit index)
    case eorLSR            // rd = rn ^ ((rm & mask) >> imm)
    case eorROR32          // rd = rn ^ ror32(rm, imm), 32-bit
    case eorROR64
    case andImmFast        // rd = rn & imm (imm already fits the size)
    case orrImmFast        // rd = (rn | imm) & mask
    case eorImmFast
    case andsImmFast       // rd, N Z = rn & imm; aux = sign bit index
    case ubfmFast          // rd = (rn << imm) >> imm2 (logical): UBFX, UBFIZ, LSL, LSR, UXTB, UXTH
    case sbfm64            // rd = (rn << imm) >> imm2 (arithmetic): SBFX, SBFIZ, ASR, SXTB, SXTH, SXTW
    case sbfm32            // the same, result masked to 32 bits
    case ror32             // EXTR with rn == rm
    case ror64
    case csel              // rd = cond ? rn : rm, masked; aux = condition mask (see conditionMask)
    case csinc             // rd = cond ? rn : rm + 1, masked
    case load64            // rd = [rn + imm] (no writeback)
    case load32
    case load16
    case load8
    case loadSigned32To64  // LDRSW
    case loadSigned8       // LDRSB, LDRSH: sign-extended, then & imm2 (W or X destination)
    case loadSigned16
    case store64           // [rn + imm] = rd (no writeback)
    case store32
    case store16
    case store8
    case load64RegLSL      // rd = [rn + (rm << imm)], LSL/UXTX/SXTX index
    case load32RegLSL
    case load16RegLSL
    case load8RegLSL
    case store16RegLSL
    case store8RegLSL
    case store64RegLSL
    case store32RegLSL
    case loadPair64        // rd, ra = [rn + imm], [rn + imm + 8]; writeBack flag: rn += imm2
    case storePair64
    // AdvSIMD and FP register forms; rd/rn/rm/ra are V register numbers, size = 1 for 128-bit.
    case vAnd
    case vOrr
    case vEor
    case vBic
    case vAdd              // lane-wise add; imm = the lanes' top bits
    case vSub
    case vShl              // rd = (rn << imm) & imm2 per 64-bit half
    case vUshr             // rd = (rn >> imm) & imm2 per 64-bit half
    // SIMD&FP loads/stores: size = log2 bytes (0-4); address rn + imm; writeBack flag: rn += imm2.
    case vLoad
    case vStore
    case vLoadReplicate    // LD1R: size = log2 element bytes, imm = a one per lane, aux = Q
    case vWidenShift       // USHLL/SSHLL/SHLL: lanes of aux bits from the half `size` picks, extended
                           // (sub = 1 signed) to twice the width and shifted left by imm
    case vMul32            // MUL, MLA, MLS on 32-bit lanes
    case vMla32
    case vMls32
    // Loads and stores with writeback: address rn + imm (0 when post-indexed), then rn += imm2.
    case load64WB
    case load32WB
    case load8WB
    case store64WB
    case store32WB
    case store8WB
    // SUBS/CMP fused with the B.cond that ends the block (the next op, read for its target and
    // condition mask): flags are still set, one dispatch fewer.
    case subsImm64Branch
    case subsImm32Branch
    case subsReg64Branch
    case subsReg32Branch
    /// After the last instruction of every block: continue at the block's end address.
    case blockEnd
    case vLoadPair         // ra = second register
    case vStorePair
}
