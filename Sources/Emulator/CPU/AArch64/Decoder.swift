/// Decodes one A64 instruction word into a `DecodedOp`.
///
/// Only the integer, branch, system and integer load/store classes are decoded here; FP and
/// AdvSIMD words become `.fpsimd` and are executed from the raw word (see FPSIMD/).
enum AArch64Decoder {
    /// Register as a source where 31 means XZR.
    @inline(__always) static func zr(_ r: UInt32) -> UInt8 { r == 31 ? 32 : UInt8(r) }
    /// Register as a destination where 31 means XZR (writes discarded).
    @inline(__always) static func wzr(_ r: UInt32) -> UInt8 { r == 31 ? 33 : UInt8(r) }
    /// Register where 31 means SP.
    @inline(__always) static func sp(_ r: UInt32) -> UInt8 { UInt8(r) }

    @inline(__always) static func bits(_ v: UInt32, _ hi: Int, _ lo: Int) -> UInt32 {
        (v >> UInt32(lo)) & ((1 << UInt32(hi - lo + 1)) - 1)
    }

    @inline(__always) static func signExtend(_ v: UInt32, bits n: Int) -> UInt64 {
        UInt64(bitPattern: Int64(Int32(bitPattern: v << UInt32(32 - n)) >> Int32(32 - n)))
    }

    static func decode(_ insn: UInt32, pc: UInt64) -> DecodedOp {
        var op = DecodedOp()
        op.raw = insn
        switch (insn >> 25) & 0xF {
        case 0b1000, 0b1001: decodeDataProcessingImmediate(insn, pc: pc, &op)
        case 0b1010, 0b1011: decodeBranchSystem(insn, pc: pc, &op)
        case 0b0101, 0b1101: decodeDataProcessingRegister(insn, &op)
        case 0b0111, 0b1111: op.kind = .fpsimd
        case 0b0100, 0b0110, 0b1100, 0b1110:
            if insn & (1 << 26) != 0 { op.kind = .fpsimd } else { decodeLoadStore(insn, pc: pc, &op) }
        default: op.kind = .undefined
        }
        return op
    }

    // MARK: - Data processing, immediate

    static func decodeDataProcessingImmediate(_ insn: UInt32, pc: UInt64, _ op: inout DecodedOp) {
        let sf = insn >> 31
        let rd = bits(insn, 4, 0), rn = bits(insn, 9, 5)
        op.size = UInt8(sf)
        switch bits(insn, 25, 23) {
        case 0b000, 0b001:  // ADR, ADRP
            let immlo = UInt64(bits(insn, 30, 29)), immhi = signExtend(bits(insn, 23, 5), bits: 19)
            let imm = (immhi << 2) | immlo
            op.kind = .movImm
            op.rd = wzr(rd)
            op.size = 1
            if insn >> 31 == 0 { op.imm = pc &+ imm } else { op.imm = (pc & ~0xFFF) &+ (imm << 12) }
        case 0b010:  // add/sub immediate
            let s = bits(insn, 29, 29)
            var imm = UInt64(bits(insn, 21, 10))
            if bits(insn, 22, 22) == 1 { imm <<= 12 }
            op.kind = .addImm
            op.imm = imm
            op.rn = sp(rn)
            op.rd = s == 1 ? wzr(rd) : sp(rd)
            if s == 1 { op.flags |= OpFlag.setFlags }
            if bits(insn, 30, 30) == 1 { op.flags |= OpFlag.negate }
        case 0b100:  // logical immediate
            let n = bits(insn, 22, 22)
            if sf == 0 && n == 1 { return }
            guard let masks = decodeBitMasks(n: n, imms: bits(insn, 15, 10), immr: bits(insn, 21, 16),
                                             immediate: true, dataSize: sf == 1 ? 64 : 32) else { return }
            let opc = bits(insn, 30, 29)
            op.kind = .logicImm
            op.sub = UInt8(opc)
            op.imm = masks.wmask
            op.rn = zr(rn)
            op.rd = opc == 3 ? wzr(rd) : sp(rd)
        case 0b101:  // move wide
            let opc = bits(insn, 30, 29), hw = bits(insn, 22, 21)
            if sf == 0 && hw > 1 { return }
            let shift = UInt64(hw * 16)
            let imm16 = UInt64(bits(insn, 20, 5))
            op.rd = wzr(rd)
            switch opc {
            case 0b00: op.kind = .movImm; op.imm = ~(imm16 << shift); if sf == 0 { op.imm &= 0xFFFF_FFFF }
            case 0b10: op.kind = .movImm; op.imm = imm16 << shift
            case 0b11: op.kind = .movk; op.imm = imm16 << shift; op.imm2 = 0xFFFF << shift
            default: return
            }
        case 0b110:  // bitfield
            let opc = bits(insn, 30, 29), n = bits(insn, 22, 22)
            if opc == 3 || n != sf { return }
            let immr = bits(insn, 21, 16), imms = bits(insn, 15, 10)
            if sf == 0 && (immr > 31 || imms > 31) { return }
            guard let masks = decodeBitMasks(n: n, imms: imms, immr: immr, immediate: false,
                                             dataSize: sf == 1 ? 64 : 32) else { return }
            op.kind = .bitfield
            op.sub = UInt8(opc)
            op.imm = masks.wmask
            op.imm2 = masks.tmask
            op.ra = UInt8(immr)
            op.rm = UInt8(imms)
            op.rn = zr(rn)
            op.rd = wzr(rd)  // BFM also reads rd: with XZR that reads the discard slot, harmlessly
        case 0b111:  // extract
            if bits(insn, 30, 29) != 0 || bits(insn, 22, 22) != sf || bits(insn, 21, 21) != 0 { return }
            let imms = bits(insn, 15, 10)
            if sf == 0 && imms > 31 { return }
            op.kind = .extr
            op.imm = UInt64(imms)
            op.rn = zr(rn)
            op.rm = zr(bits(insn, 20, 16))
            op.rd = wzr(rd)
        default:
            return
        }
    }

    /// The Arm ARM's DecodeBitMasks: the element mask (wmask) and the top mask (tmask).
    static func decodeBitMasks(n: UInt32, imms: UInt32, immr: UInt32, immediate: Bool,
                               dataSize: Int) -> (wmask: UInt64, tmask: UInt64)? {
        let combined = (n << 6) | (~imms & 0x3F)
        guard combined != 0 else { return nil }
        let len = 31 - combined.leadingZeroBitCount
        guard len >= 1 else { return nil }
        let levels = UInt32((1 << len) - 1)
        if immediate && (imms & levels) == levels { return nil }
        let s = imms & levels, r = immr & levels
        let diff = (s &- r) & levels
        let esize = 1 << len
        func ones(_ k: Int) -> UInt64 { k >= 64 ? ~0 : (UInt64(1) << UInt64(k)) - 1 }
        let emask = ones(esize)
        let welem = ones(Int(s) + 1)
        let telem = ones(Int(diff) + 1)
        // Rotate welem right by r within esize bits.
        let rot = Int(r)
        let rotated = rot == 0 ? welem : ((welem >> UInt64(rot)) | (welem << UInt64(esize - rot))) & emask
        func replicate(_ e: UInt64) -> UInt64 {
            var out: UInt64 = 0
            var i = 0
            while i < dataSize { out |= e << UInt64(i); i += esize }
            return dataSize == 64 ? out : out & 0xFFFF_FFFF
        }
        return (replicate(rotated), replicate(telem))
    }

    // MARK: - Branches, exceptions, system

    static func decodeBranchSystem(_ insn: UInt32, pc: UInt64, _ op: inout DecodedOp) {
        if insn & 0x7C00_0000 == 0x1400_0000 {  // B, BL
            op.kind = insn >> 31 == 1 ? .branchLink : .branch
            op.imm = pc &+ (signExtend(bits(insn, 25, 0), bits: 26) << 2)
            return
        }
        if insn & 0x7E00_0000 == 0x3400_0000 {  // CBZ, CBNZ
            op.kind = .compareBranch
            op.size = UInt8(insn >> 31)
            op.rn = zr(bits(insn, 4, 0))
            if bits(insn, 24, 24) == 1 { op.flags = OpFlag.negate }
            op.imm = pc &+ (signExtend(bits(insn, 23, 5), bits: 19) << 2)
            return
        }
        if insn & 0x7E00_0000 == 0x3600_0000 {  // TBZ, TBNZ
            op.kind = .testBranch
            op.rn = zr(bits(insn, 4, 0))
            op.imm2 = UInt64((bits(insn, 31, 31) << 5) | bits(insn, 23, 19))
            if bits(insn, 24, 24) == 1 { op.flags = OpFlag.negate }
            op.imm = pc &+ (signExtend(bits(insn, 18, 5), bits: 14) << 2)
            return
        }
        if insn & 0xFF00_0010 == 0x5400_0000 {  // B.cond
            op.kind = .branchCond
            op.sub = UInt8(bits(insn, 3, 0))
            op.imm = pc &+ (signExtend(bits(insn, 23, 5), bits: 19) << 2)
            return
        }
        if insn & 0xFF00_0000 == 0xD400_0000 {  // exception generation
            let opc = bits(insn, 23, 21), ll = bits(insn, 1, 0), op2 = bits(insn, 4, 2)
            guard op2 == 0 else { return }
            op.imm = UInt64(bits(insn, 20, 5))
            switch (opc, ll) {
            case (0, 1): op.kind = .svc
            case (1, 0): op.kind = .trap; op.sub = 0
            case (2, 0): op.kind = .trap; op.sub = 1
            default: return
            }
            return
        }
        if insn & 0xFE00_0000 == 0xD600_0000 {  // branch to register (PAC forms behave as plain)
            let opc = bits(insn, 24, 21), op2 = bits(insn, 20, 16)
            guard op2 == 0x1F else { return }
            op.rn = zr(bits(insn, 9, 5))
            switch opc {
            case 0b0000, 0b0010, 0b1000, 0b1010: op.kind = .branchRegister
            case 0b0001, 0b1001: op.kind = .branchLinkRegister
            default: return
            }
            if opc == 0b0010 && bits(insn, 11, 10) != 0 { op.rn = 30 }  // RETAA/RETAB use X30
            return
        }
        if insn & 0xFFC0_0000 == 0xD500_0000 { decodeSystem(insn, &op) }
    }

    static func decodeSystem(_ insn: UInt32, _ op: inout DecodedOp) {
        let l = bits(insn, 21, 21), op0 = bits(insn, 20, 19), op1 = bits(insn, 18, 16)
        let crn = bits(insn, 15, 12), crm = bits(insn, 11, 8), op2 = bits(insn, 7, 5)
        let rt = bits(insn, 4, 0)
        if l == 0 && op0 == 0 && crn == 2 && rt == 31 {  // hints: NOP, YIELD, BTI, PAC*, ...
            op.kind = .nop
            return
        }
        if l == 0 && op0 == 0 && crn == 3 && rt == 31 && op1 == 3 {  // barriers
            switch op2 {
            case 2: op.kind = .clearExclusive
            case 4, 5, 6: op.kind = .barrier   // DSB, DMB, ISB
            case 7 where crm == 0: op.kind = .barrier  // SB
            default: return
            }
            return
        }
        if l == 0 && op0 == 0 && crn == 4 && rt == 31 {  // MSR (immediate) to PSTATE fields
            op.kind = .msrImmediate
            op.imm = UInt64((op1 << 3) | op2)
            op.imm2 = UInt64(crm)
            return
        }
        if op0 == 1 && l == 0 {  // SYS: DC, IC
            if op1 == 3 && crn == 7 && crm == 4 && op2 == 1 { op.kind = .dcZeroVA; op.rn = zr(rt); return }
            if op1 == 3 && crn == 7 && crm == 5 && op2 == 1 { op.kind = .instructionCacheInvalidate; return }
            // DC CVAU, CIVAC, CVAC, CVAP: cache maintenance has no visible effect here.
            if op1 == 3 && crn == 7 && (crm == 11 || crm == 14 || crm == 10 || crm == 12 || crm == 13) { op.kind = .nop; return }
            return
        }
        if op0 >= 2 {  // MRS, MSR (register)
            op.imm = UInt64(bits(insn, 20, 5))
            if l == 1 { op.kind = .mrs; op.rd = wzr(rt) } else { op.kind = .msr; op.rn = zr(rt) }
        }
    }

    // MARK: - Data processing, register

    static func decodeDataProcessingRegister(_ insn: UInt32, _ op: inout DecodedOp) {
        let sf = insn >> 31
        let rd = bits(insn, 4, 0), rn = bits(insn, 9, 5), rm = bits(insn, 20, 16)
        let op1 = bits(insn, 28, 28), op2 = bits(insn, 24, 21)
        op.size = UInt8(sf)
        if op1 == 0 {
            if op2 & 0b1000 == 0 {  // logical, shifted register
                let shift = bits(insn, 23, 22), imm6 = bits(insn, 15, 10)
                if sf == 0 && imm6 > 31 { return }
                op.kind = .logicShifted
                op.sub = UInt8(bits(insn, 30, 29) | (bits(insn, 21, 21) << 2))
                op.ra = UInt8(shift)
                op.imm = UInt64(imm6)
                op.rd = wzr(rd); op.rn = zr(rn); op.rm = zr(rm)
                return
            }
            if op2 & 1 == 0 {  // add/sub, shifted register
                let shift = bits(insn, 23, 22), imm6 = bits(insn, 15, 10)
                if shift == 3 || (sf == 0 && imm6 > 31) { return }
                op.kind = .addShifted
                op.sub = UInt8(shift)
                op.imm = UInt64(imm6)
                op.rd = wzr(rd); op.rn = zr(rn); op.rm = zr(rm)
            } else {  // add/sub, extended register
                let imm3 = bits(insn, 12, 10)
                if imm3 > 4 || bits(insn, 23, 22) != 0 { return }
                op.kind = .addExtended
                op.sub = UInt8(bits(insn, 15, 13))
                op.imm = UInt64(imm3)
                op.rn = sp(rn); op.rm = zr(rm)
                op.rd = bits(insn, 29, 29) == 1 ? wzr(rd) : sp(rd)
            }
            if bits(insn, 29, 29) == 1 { op.flags |= OpFlag.setFlags }
            if bits(insn, 30, 30) == 1 { op.flags |= OpFlag.negate }
            return
        }
        switch op2 {
        case 0b0000:  // ADC, SBC
            guard bits(insn, 15, 10) == 0 else { return }
            op.kind = .addCarry
            op.rd = wzr(rd); op.rn = zr(rn); op.rm = zr(rm)
            if bits(insn, 29, 29) == 1 { op.flags |= OpFlag.setFlags }
            if bits(insn, 30, 30) == 1 { op.flags |= OpFlag.negate }
        case 0b0010:  // CCMN, CCMP
            guard bits(insn, 29, 29) == 1, bits(insn, 10, 10) == 0, bits(insn, 4, 4) == 0 else { return }
            op.kind = bits(insn, 11, 11) == 1 ? .condCompareImm : .condCompare
            op.sub = UInt8(bits(insn, 15, 12))
            op.imm = UInt64(bits(insn, 3, 0)) << 28
            op.imm2 = UInt64(rm)
            op.rn = zr(rn); op.rm = zr(rm)
            if bits(insn, 30, 30) == 1 { op.flags |= OpFlag.negate }
        case 0b0100:  // conditional select
            guard bits(insn, 29, 29) == 0, bits(insn, 11, 11) == 0 else { return }
            op.kind = .condSelect
            op.sub = UInt8(bits(insn, 15, 12))
            op.ra = UInt8((bits(insn, 30, 30) << 1) | bits(insn, 10, 10))
            op.rd = wzr(rd); op.rn = zr(rn); op.rm = zr(rm)
        case 0b0110:
            guard bits(insn, 29, 29) == 0 else { return }
            let opcode = bits(insn, 15, 10)
            op.rd = wzr(rd); op.rn = zr(rn); op.rm = zr(rm)
            if bits(insn, 30, 30) == 1 {  // one source
                guard rm == 0 else { return }
                switch opcode {
                case 0: op.sub = 0
                case 1: op.sub = 1
                case 2: op.sub = sf == 1 ? 2 : 3  // REV32 on X; REV on W
                case 3: guard sf == 1 else { return }; op.sub = 3
                case 4: op.sub = 4
                case 5: op.sub = 5
                default: return
                }
                op.kind = .dataProc1
                return
            }
            switch opcode {
            case 2: op.kind = .dataProc2; op.sub = 0
            case 3: op.kind = .dataProc2; op.sub = 1
            case 8, 9, 10, 11: op.kind = .dataProc2; op.sub = UInt8(2 + (opcode - 8))
            case 16...23:
                let sz = opcode & 3
                guard (sz == 3) == (sf == 1) else { return }
                op.kind = .crc32
                op.size = UInt8(sz)
                op.sub = UInt8((opcode >> 2) & 1)
            default: return
            }
        default:
            guard op2 & 0b1000 != 0, bits(insn, 30, 29) == 0 else { return }
            let op31 = bits(insn, 23, 21), o0 = bits(insn, 15, 15)
            op.rd = wzr(rd); op.rn = zr(rn); op.rm = zr(rm); op.ra = zr(bits(insn, 14, 10))
            if o0 == 1 { op.flags |= OpFlag.negate }
            switch op31 {
            case 0b000: op.kind = .mulAdd
            case 0b001, 0b101:
                guard sf == 1 else { return }
                op.kind = .mulAddLong
                if op31 == 0b001 { op.flags |= OpFlag.signExtend }
            case 0b010, 0b110:
                guard sf == 1, o0 == 0 else { return }
                op.kind = .mulHigh
                if op31 == 0b010 { op.flags |= OpFlag.signExtend }
            default: return
            }
        }
    }

    // MARK: - Loads and stores (integer registers)

    static func decodeLoadStore(_ insn: UInt32, pc: UInt64, _ op: inout DecodedOp) {
        let rt = bits(insn, 4, 0), rn = bits(insn, 9, 5)
        let size = bits(insn, 31, 30)
        if bits(insn, 29, 24) == 0b001000 { decodeExclusive(insn, &op); return }
        if bits(insn, 29, 27) == 0b011 && bits(insn, 25, 24) == 0 {  // literal
            let opc = bits(insn, 31, 30)
            op.imm = pc &+ (signExtend(bits(insn, 23, 5), bits: 19) << 2)
            op.rd = wzr(rt)
            switch opc {
            case 0: op.kind = .loadLiteral; op.size = 2
            case 1: op.kind = .loadLiteral; op.size = 3
            case 2: op.kind = .loadLiteral; op.size = 2; op.flags = OpFlag.signExtend
            default: op.kind = .prefetch
            }
            return
        }
        if bits(insn, 29, 27) == 0b101 {  // pairs
            let opc = bits(insn, 31, 30), l = bits(insn, 22, 22), mode = bits(insn, 24, 23)
            let scale: UInt32
            switch opc {
            case 0: scale = 2
            case 1: guard l == 1 else { return }; scale = 2; op.flags |= OpFlag.signExtend  // LDPSW
            case 2: scale = 3
            default: return
            }
            op.kind = l == 1 ? .loadPair : .storePair
            op.size = UInt8(scale)
            op.imm = signExtend(bits(insn, 21, 15), bits: 7) << UInt64(scale)
            op.rn = sp(rn)
            if l == 1 { op.rd = wzr(rt); op.ra = wzr(bits(insn, 14, 10)) } else { op.rd = zr(rt); op.ra = zr(bits(insn, 14, 10)) }
            switch mode {
            case 1: op.flags |= OpFlag.writeBack | OpFlag.postIndex
            case 3: op.flags |= OpFlag.writeBack
            default: break
            }
            return
        }
        guard bits(insn, 29, 27) == 0b111 else { return }
        if bits(insn, 24, 24) == 0 && bits(insn, 21, 21) == 1 && bits(insn, 11, 10) == 0 {
            decodeAtomic(insn, &op)
            return
        }
        let opc = bits(insn, 23, 22)
        // Which kind of access: store, load (zero-extend), load signed to 64, load signed to 32.
        var isLoad = true
        switch opc {
        case 0: isLoad = false
        case 1: break
        case 2:
            if size == 3 { op.kind = .prefetch; return }
            op.flags |= OpFlag.signExtend
        default:
            if size >= 2 { return }
            op.flags |= OpFlag.signExtend | OpFlag.to32
        }
        op.size = UInt8(size)
        op.rn = sp(rn)
        op.rd = isLoad ? wzr(rt) : zr(rt)
        if bits(insn, 24, 24) == 1 {  // unsigned offset
            op.kind = isLoad ? .load : .store
            op.imm = UInt64(bits(insn, 21, 10)) << UInt64(size)
            return
        }
        if bits(insn, 21, 21) == 0 {
            op.imm = signExtend(bits(insn, 20, 12), bits: 9)
            op.kind = isLoad ? .load : .store
            switch bits(insn, 11, 10) {
            case 1: op.flags |= OpFlag.writeBack | OpFlag.postIndex
            case 3: op.flags |= OpFlag.writeBack
            default: break  // unscaled and unprivileged
            }
            return
        }
        switch bits(insn, 11, 10) {
        case 2:  // register offset
            let option = bits(insn, 15, 13)
            guard option & 2 != 0 else { op.kind = .undefined; return }
            op.kind = isLoad ? .loadRegOffset : .storeRegOffset
            op.sub = UInt8(option)
            op.imm = bits(insn, 12, 12) == 1 ? UInt64(size) : 0
            op.rm = zr(bits(insn, 20, 16))
        default:
            op.kind = .undefined
        }
    }

    /// LSE atomic memory operations: LDADD, LDCLR, LDEOR, LDSET, LD[SU]MAX, LD[SU]MIN, SWP, LDAPR.
    static func decodeAtomic(_ insn: UInt32, _ op: inout DecodedOp) {
        let o3 = bits(insn, 15, 15), aopc = bits(insn, 14, 12)
        let a = bits(insn, 23, 23), r = bits(insn, 22, 22)
        op.size = UInt8(bits(insn, 31, 30))
        op.rn = sp(bits(insn, 9, 5))
        op.rm = zr(bits(insn, 20, 16))
        op.rd = wzr(bits(insn, 4, 0))
        if a == 1 { op.flags |= OpFlag.acquire }
        if r == 1 { op.flags |= OpFlag.release }
        if o3 == 0 { op.kind = .atomicMemory; op.sub = UInt8(aopc) }
        else if aopc == 0 { op.kind = .atomicMemory; op.sub = 8 }
        else if aopc == 4 && a == 1 && r == 0 && bits(insn, 20, 16) == 31 { op.kind = .loadAcquire }
        else { op.kind = .undefined }
    }

    static func decodeExclusive(_ insn: UInt32, _ op: inout DecodedOp) {
        let size = bits(insn, 31, 30), o2 = bits(insn, 23, 23), l = bits(insn, 22, 22)
        let o1 = bits(insn, 21, 21), o0 = bits(insn, 15, 15)
        let rs = bits(insn, 20, 16), rt2 = bits(insn, 14, 10), rn = bits(insn, 9, 5), rt = bits(insn, 4, 0)
        op.size = UInt8(size)
        op.rn = sp(rn)
        if o2 == 1 && o1 == 1 {  // CAS
            op.kind = .compareAndSwap
            op.rm = wzr(rs)      // Rs is both compare value and destination
            op.ra = zr(rs)
            op.rd = zr(rt)
            if l == 1 { op.flags |= OpFlag.acquire }
            if o0 == 1 { op.flags |= OpFlag.release }
            return
        }
        if o2 == 0 && o1 == 1 && size < 2 {  // CASP (size field: 0 = 32-bit pairs, 1 = 64-bit)
            guard rs & 1 == 0, rt & 1 == 0 else { return }
            op.kind = .compareAndSwapPair
            op.size = UInt8(size + 2)
            op.rm = UInt8(rs)
            op.rd = UInt8(rt)
            if l == 1 { op.flags |= OpFlag.acquire }
            if o0 == 1 { op.flags |= OpFlag.release }
            return
        }
        if o2 == 1 {  // LDAR/STLR (and LDLAR/STLLR)
            op.kind = l == 1 ? .loadAcquire : .storeRelease
            op.rd = l == 1 ? wzr(rt) : zr(rt)
            return
        }
        // Exclusives, single and pair.
        let pair = o1 == 1
        if pair && size < 2 { return }
        op.sub = pair ? 1 : 0
        if o0 == 1 { op.flags |= l == 1 ? OpFlag.acquire : OpFlag.release }
        if l == 1 {
            op.kind = .loadExclusive
            op.rd = wzr(rt)
            op.ra = wzr(rt2)
        } else {
            op.kind = .storeExclusive
            op.rm = wzr(rs)
            op.rd = zr(rt)
            op.ra = zr(rt2)
        }
    }
}
