/// Rewrites decoded ops into specialised kinds for the shapes compilers emit most (no shift or a
/// left shift, no flags, one access size, common AdvSIMD integer and load/store forms), so the
/// interpreter's hot cases carry no tests of size, flags or shift type. Anything else keeps its
/// generic kind, which stays the reference. Runs once per instruction, when a block is translated.
enum AArch64Specialiser {
    static let zeroSlot = UInt8(AArch64CPU.zeroReadSlot)

    /// Bit k is set when condition `cond` holds for NZCV = k (N in bit 3): the interpreter tests
    /// a condition with one shift instead of a switch.
    static let conditionMasks: [UInt32] = (0..<16).map { cond in
        var mask: UInt32 = 0
        for flags in 0..<16 where A64.conditionHolds(UInt8(cond), UInt64(flags) << 28) { mask |= 1 << UInt32(flags) }
        return mask
    }

    @inline(__always) static func sizeMask(_ op: DecodedOp) -> UInt64 { op.size == 1 ? ~0 : 0xFFFF_FFFF }

    static func specialise(_ op: inout DecodedOp) {
        switch op.kind {
        case .branchCond, .condCompare, .condCompareImm, .condSelect:
            op.aux = conditionMasks[Int(op.sub & 15)]
            if op.kind == .condSelect && op.ra <= 1 {
                op.kind = op.ra == 0 ? .csel : .csinc
                op.imm2 = sizeMask(op)
            }
        case .addImm:
            if op.flags & OpFlag.setFlags == 0 {
                if op.flags & OpFlag.negate != 0 { op.imm = 0 &- op.imm }
                op.kind = .addImmFast
                op.imm2 = sizeMask(op)
            } else if op.flags & OpFlag.negate != 0 {
                op.kind = op.size == 1 ? .subsImm64 : .subsImm32
            }
        case .addShifted:
            guard op.sub == 0 || op.imm == 0 else { return }
            let negate = op.flags & OpFlag.negate != 0
            if op.flags & OpFlag.setFlags == 0 {
                op.kind = negate ? .subRegLSL : .addRegLSL
                op.imm2 = sizeMask(op)
            } else if negate {
                op.kind = op.size == 1 ? .subsReg64 : .subsReg32
            }
        case .logicShifted:
            specialiseLogicShifted(&op)
        case .logicImm:
            switch op.sub {
            case 0: op.kind = .andImmFast
            case 1: op.kind = .orrImmFast
            case 2: op.kind = .eorImmFast
            default: op.kind = .andsImmFast; op.aux = op.size == 1 ? 63 : 31
            }
            op.imm2 = sizeMask(op)
        case .bitfield:
            guard op.sub != 1 else { return }  // BFM keeps the generic form
            let dataSize: UInt64 = op.size == 1 ? 64 : 32
            let immr = UInt64(op.ra), imms = UInt64(op.rm)
            // Move bit imms to bit 63, then shift right so bit immr lands on bit 0 (extract) or
            // bit 0 lands on bit dataSize - immr (insert in zeros).
            let left = 63 - imms
            let right = imms >= immr ? left + immr : left - (dataSize - immr)
            op.kind = op.sub == 2 ? .ubfmFast : (op.size == 1 ? .sbfm64 : .sbfm32)
            op.imm = left
            op.imm2 = right
        case .extr:
            guard op.rn == op.rm, op.imm != 0 else { return }
            op.kind = op.size == 1 ? .ror64 : .ror32
        case .load where op.flags & OpFlag.writeBack == 0 && op.flags & OpFlag.signExtend != 0 && op.size < 2:
            // LDRSB/LDRSH to X or W: imm2 = the result mask
            op.kind = op.size == 0 ? .loadSigned8 : .loadSigned16
            op.imm2 = op.flags & OpFlag.to32 != 0 ? 0xFFFF_FFFF : ~0
        case .load:
            if op.flags & OpFlag.writeBack != 0 {
                guard op.flags & OpFlag.signExtend == 0, op.size != 1 else { return }
                op.imm2 = op.imm
                if op.flags & OpFlag.postIndex != 0 { op.imm = 0 }
                op.kind = op.size == 0 ? .load8WB : (op.size == 2 ? .load32WB : .load64WB)
                return
            }
            if op.flags & OpFlag.signExtend == 0 {
                op.kind = op.size == 0 ? .load8 : op.size == 1 ? .load16 : op.size == 2 ? .load32 : .load64
            } else if op.size == 2 && op.flags & OpFlag.to32 == 0 {
                op.kind = .loadSigned32To64
            }
        case .store:
            if op.flags & OpFlag.writeBack != 0 {
                guard op.size != 1 else { return }
                op.imm2 = op.imm
                if op.flags & OpFlag.postIndex != 0 { op.imm = 0 }
                op.kind = op.size == 0 ? .store8WB : (op.size == 2 ? .store32WB : .store64WB)
                return
            }
            op.kind = op.size == 0 ? .store8 : op.size == 1 ? .store16 : op.size == 2 ? .store32 : .store64
        case .loadRegOffset, .storeRegOffset:
            guard op.sub & 3 == 3, op.flags & OpFlag.signExtend == 0 else { return }  // LSL, UXTX, SXTX
            let load = op.kind == .loadRegOffset
            switch op.size {
            case 3: op.kind = load ? .load64RegLSL : .store64RegLSL
            case 2: op.kind = load ? .load32RegLSL : .store32RegLSL
            case 1: op.kind = load ? .load16RegLSL : .store16RegLSL
            case 0: op.kind = load ? .load8RegLSL : .store8RegLSL
            default: return
            }
        case .loadPair, .storePair:
            guard op.size == 3, op.flags & OpFlag.signExtend == 0 else { return }
            let post = op.flags & OpFlag.postIndex != 0
            op.imm2 = op.imm
            if post { op.imm = 0 }
            op.kind = op.kind == .loadPair ? .loadPair64 : .storePair64
        case .fpsimd:
            specialiseFPSIMD(&op)
        default:
            return
        }
    }

    private static func specialiseLogicShifted(_ op: inout DecodedOp) {
        let opc = op.sub & 3, invert = op.sub & 4 != 0
        let shiftType = op.imm == 0 ? 0 : op.ra
        let mask = sizeMask(op)
        if shiftType == 0 {
            if opc == 1 && !invert && op.rn == zeroSlot && op.imm == 0 {
                op.kind = .movReg
            } else {
                op.kind = opc == 0 ? .andLSL : opc == 1 ? .orrLSL : opc == 2 ? .eorLSL : .andsLSL
                op.aux = invert ? 1 : 0
                if opc == 3 { op.aux = (invert ? 0x100 : 0) | (op.size == 1 ? 63 : 31) }
            }
            op.imm2 = mask
            return
        }
        guard opc == 2, !invert else { return }
        switch shiftType {
        case 1: op.kind = .eorLSR; op.imm2 = mask
        case 3: op.kind = op.size == 1 ? .eorROR64 : .eorROR32
        default: return
        }
    }

    /// Fuses a SUBS/CMP with the B.cond that ends the block, and pairs of register moves (loops
    /// that rotate values through registers, as hash rounds do, are full of them).
    static func fuse(_ ops: UnsafeMutablePointer<DecodedOp>, count: Int) {
        var i = 0
        while i + 1 < count {
            if ops[i].kind == .movReg && ops[i + 1].kind == .movReg {
                ops[i].kind = .movRegPair
                ops[i].ra = ops[i + 1].rd
                ops[i].rn = ops[i + 1].rm
                ops[i].imm = ops[i + 1].imm2
                i += 2
            } else {
                i += 1
            }
        }
        guard count >= 2, ops[count - 1].kind == .branchCond else { return }
        switch ops[count - 2].kind {
        case .subsImm64: ops[count - 2].kind = .subsImm64Branch
        case .subsImm32: ops[count - 2].kind = .subsImm32Branch
        case .subsReg64: ops[count - 2].kind = .subsReg64Branch
        case .subsReg32: ops[count - 2].kind = .subsReg32Branch
        default: return
        }
    }

    /// Lane masks for SWAR arithmetic on a 64-bit half holding lanes of `esize` bits.
    @inline(__always) static func replicate(_ lane: UInt64, esize: Int) -> UInt64 {
        if esize == 64 { return lane }
        var out: UInt64 = 0
        var shift = 0
        while shift < 64 { out |= lane << UInt64(shift); shift += esize }
        return out
    }

    /// A one at the bottom of each lane of twice `esize` bits (the widened lanes).
    @inline(__always) static func laneOnes(_ esize: UInt64) -> UInt64 {
        esize == 8 ? 0x0001_0001_0001_0001 : esize == 16 ? 0x0000_0001_0000_0001 : 1
    }

    @inline(__always) static func ones(_ n: Int) -> UInt64 { n >= 64 ? ~0 : (1 << UInt64(n)) - 1 }

    private static func specialiseFPSIMD(_ op: inout DecodedOp) {
        let insn = op.raw
        let rd = UInt8(insn & 31), rn = UInt8((insn >> 5) & 31), rm = UInt8((insn >> 16) & 31)
        let q = UInt8((insn >> 30) & 1)
        // Load/store of one SIMD&FP register, unsigned scaled offset.
        if insn & 0x3F00_0000 == 0x3D00_0000 {
            guard let (scale, load) = fpAccess(size: insn >> 30, opc: (insn >> 22) & 3) else { return }
            op.kind = load ? .vLoad : .vStore
            op.size = scale
            op.rd = rd
            op.rn = rn  // 31 is SP, as in the integer decoder
            op.imm = UInt64((insn >> 10) & 0xFFF) << UInt64(scale)
            return
        }
        // Unscaled (LDUR/STUR), post-index and pre-index.
        if insn & 0x3F20_0000 == 0x3C00_0000 {
            let mode = (insn >> 10) & 3
            guard mode != 2, let (scale, load) = fpAccess(size: insn >> 30, opc: (insn >> 22) & 3) else { return }
            let offset = AArch64Decoder.signExtend((insn >> 12) & 0x1FF, bits: 9)
            op.kind = load ? .vLoad : .vStore
            op.size = scale
            op.rd = rd
            op.rn = rn
            op.imm = mode == 1 ? 0 : offset
            op.imm2 = offset
            if mode != 0 { op.flags = OpFlag.writeBack }
            return
        }
        // Pairs: LDP/STP/LDNP/STNP of S, D or Q registers.
        if insn & 0x3E00_0000 == 0x2C00_0000 {
            let opc = insn >> 30, mode = (insn >> 23) & 3
            guard opc != 3 else { return }
            let scale = UInt8(2 + opc)
            let offset = AArch64Decoder.signExtend((insn >> 15) & 0x7F, bits: 7) << UInt64(scale)
            op.kind = (insn >> 22) & 1 == 1 ? .vLoadPair : .vStorePair
            op.size = scale
            op.rd = rd
            op.ra = UInt8((insn >> 10) & 31)
            op.rn = rn
            op.imm = mode == 1 ? 0 : offset
            op.imm2 = offset
            if mode == 1 || mode == 3 { op.flags = OpFlag.writeBack }
            return
        }
        // LD1R {Vt.T}, [Xn] and its immediate post-index form (Rm = 31).
        if insn & 0xBFFF_F000 == 0x0D40_C000 || insn & 0xBFFF_F000 == 0x0DDF_C000 {
            let size = UInt8((insn >> 10) & 3)
            op.kind = .vLoadReplicate
            op.size = size
            op.aux = UInt32(q)
            op.imm = replicate(1, esize: 8 << Int(size))
            op.imm2 = UInt64(1) << UInt64(size)
            op.flags = insn & (1 << 23) != 0 ? OpFlag.writeBack : 0
            op.rd = rd; op.rn = rn
            return
        }
        // Three registers of the same type, integer: logic, ADD, SUB.
        if insn & 0x9F20_0400 == 0x0E20_0400 {
            let u = (insn >> 29) & 1, size = Int((insn >> 22) & 3), opcode = (insn >> 11) & 31
            var kind: OpKind
            switch (opcode, u) {
            case (0b00011, 0): kind = size == 0 ? .vAnd : size == 1 ? .vBic : size == 2 ? .vOrr : .undefined
            case (0b00011, 1): kind = size == 0 ? .vEor : .undefined
            case (0b10010, _) where size == 2: kind = u == 0 ? .vMla32 : .vMls32
            case (0b10011, 0) where size == 2: kind = .vMul32
            case (0b10000, _):
                guard size != 3 || q == 1 else { return }
                kind = u == 0 ? .vAdd : .vSub
                op.imm = replicate(1 << UInt64((8 << size) - 1), esize: 8 << size)
            default: return
            }
            guard kind != .undefined else { return }  // ORN, BSL, BIT, BIF stay generic
            op.kind = kind
            op.size = q
            op.rd = rd; op.rn = rn; op.rm = rm
            return
        }
        // Widening shifts: USHLL/SSHLL (UXTL/SXTL are #0) and SHLL, "2" forms from the top half.
        if insn & 0x9F80_FC00 == 0x0F00_A400 {
            let immh = (insn >> 19) & 15, immhb = Int((insn >> 16) & 127)
            guard immh != 0, immh < 8 else { return }
            let esize = 8 << (31 - immh.leadingZeroBitCount)
            op.kind = .vWidenShift
            op.aux = UInt32(esize)
            op.imm = UInt64(immhb - esize)
            op.imm2 = replicate((ones(2 * esize) << op.imm) & ones(2 * esize), esize: 2 * esize)
            op.sub = (insn >> 29) & 1 == 0 ? 1 : 0  // signed unless U
            op.size = q
            op.rd = rd; op.rn = rn
            return
        }
        if insn & 0xBF3F_FC00 == 0x2E21_3800 {
            let size = Int((insn >> 22) & 3)
            guard size != 3 else { return }
            op.kind = .vWidenShift
            op.aux = UInt32(8 << size)
            op.imm = UInt64(8 << size)
            op.imm2 = replicate((ones(16 << size) << op.imm) & ones(16 << size), esize: 16 << size)
            op.sub = 0
            op.size = q
            op.rd = rd; op.rn = rn
            return
        }
        // Shift by immediate: SHL, USHR.
        if insn & 0x9F80_0400 == 0x0F00_0400 {
            let immh = (insn >> 19) & 15, immhb = Int((insn >> 16) & 127)
            let u = (insn >> 29) & 1, opcode = (insn >> 11) & 31
            guard immh != 0 else { return }
            let esize = 8 << (31 - immh.leadingZeroBitCount)
            guard esize != 64 || q == 1 else { return }
            let laneOnes = ones(esize)
            if opcode == 0b01010 && u == 0 {
                let shift = immhb - esize
                op.kind = .vShl
                op.imm = UInt64(shift)
                op.imm2 = replicate((laneOnes << UInt64(shift)) & laneOnes, esize: esize)
            } else if opcode == 0 && u == 1 {
                let shift = 2 * esize - immhb
                guard shift < 64 else { return }
                op.kind = .vUshr
                op.imm = UInt64(shift)
                op.imm2 = replicate(shift >= esize ? 0 : laneOnes >> UInt64(shift), esize: esize)
            } else {
                return
            }
            op.size = q
            op.rd = rd; op.rn = rn
        }
    }

    /// log2 of the access size and whether it loads, for the SIMD&FP load/store size:opc fields.
    private static func fpAccess(size: UInt32, opc: UInt32) -> (UInt8, Bool)? {
        if opc >= 2 { return size == 0 ? (4, opc == 3) : nil }
        return (UInt8(size), opc == 1)
    }
}
