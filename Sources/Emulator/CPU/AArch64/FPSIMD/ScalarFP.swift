/// Scalar floating point (Arm ARM "Data processing - scalar FP and Advanced SIMD", op0 = x0x1):
/// FP data processing with 1, 2 and 3 sources, compare, conditional compare and select,
/// FMOV immediate, and conversions between FP and integer or fixed point, for half, single and
/// double. Arithmetic is in FPArithmetic*.swift; this file decodes and moves registers.
///
/// A scalar result is written zero-extended to 128 bits (an S write clears bits 127:32), except
/// FMOV Vd.D[1], Xn which writes only the top half.
extension AArch64CPU {
    func executeScalarFP(_ insn: UInt32) -> Bool {
        // op0 = x0x1 already; bit 30 must be 0 for everything here.
        if insn & 0x4000_0000 != 0 { return false }
        if insn & 0x0100_0000 != 0 {                         // bits 28:24 = 11111
            return insn & 0xA000_0000 == 0 && scalarFPMulAdd(insn)
        }
        if insn & 0x0E00_0000 != 0x0E00_0000 { return false }
        if insn & 0x0020_0000 == 0 { return scalarFPFixedConvert(insn) }
        switch (insn >> 10) & 3 {
        case 1: return insn & 0xA000_0000 == 0 && scalarFPCondCompare(insn)
        case 2: return insn & 0xA000_0000 == 0 && scalarFPTwoSource(insn)
        case 3: return insn & 0xA000_0000 == 0 && scalarFPCondSelect(insn)
        default: break
        }
        if insn & 0x1000 != 0 { return insn & 0xA000_0000 == 0 && scalarFPImmediate(insn) }
        if insn & 0x3000 == 0x2000 { return insn & 0xA000_0000 == 0 && scalarFPCompare(insn) }
        if insn & 0x7000 == 0x4000 { return insn & 0xA000_0000 == 0 && scalarFPOneSource(insn) }
        if insn & 0xFC00 == 0 { return scalarFPIntConvert(insn) }
        return false
    }

    // MARK: - Register access

    @inline(__always) func readFP(_ r: Int, _ f: FPFormat) -> UInt64 {
        let p = UnsafeRawPointer(vreg(r))
        switch f.fracBits {
        case 10: return UInt64(p.load(as: UInt16.self))
        case 23: return UInt64(p.load(as: UInt32.self))
        default: return p.load(as: UInt64.self)
        }
    }

    /// Writes a scalar (already confined to its format's width) and clears the rest of V[r].
    @inline(__always) func writeFP(_ r: Int, _ value: UInt64) {
        let p = vreg(r)
        p.storeBytes(of: value, as: UInt64.self)
        p.storeBytes(of: 0, toByteOffset: 8, as: UInt64.self)
    }

    /// General register read where 31 means XZR.
    @inline(__always) private func readGPR(_ r: Int) -> UInt64 { r == 31 ? 0 : x[r] }
    /// General register write where 31 means XZR (discarded).
    @inline(__always) private func writeGPR(_ r: Int, _ value: UInt64) { if r != 31 { x[r] = value } }

    /// The same condition test as the integer side (FCCMP, FCSEL).
    @inline(__always) private func fpConditionHolds(_ cond: UInt32) -> Bool {
        A64.conditionHolds(UInt8(truncatingIfNeeded: cond), nzcv)
    }

    // MARK: - 1 source

    private func scalarFPOneSource(_ insn: UInt32) -> Bool {
        guard let f = FPFormat.fromFType((insn >> 22) & 3) else { return false }
        let rd = Int(insn & 31), rn = Int(insn >> 5) & 31
        let opcode = (insn >> 15) & 0x3F
        let a = readFP(rn, f)
        var fpsr = self.fpsr
        let result: UInt64
        switch opcode {
        case 0: result = a                                                       // FMOV
        case 1: result = fpAbs(a, f)
        case 2: result = fpNeg(a, f)
        case 3: result = fpSqrt(a, f, fpcr, &fpsr)
        case 6:                                                                  // BFCVT
            guard f.isDouble else { return false }
            result = fpConvert(readFP(rn, .single), from: .single, to: .bfloat16, fpcr, &fpsr)
        case 4, 5, 7:                                                            // FCVT
            guard let to = FPFormat.fromFType(opcode & 3), to.fracBits != f.fracBits else {
                return false
            }
            result = fpConvert(a, from: f, to: to, fpcr, &fpsr)
        case 8: result = fpRoundInt(a, f, .tieEven, exact: false, fpcr, &fpsr)   // FRINTN
        case 9: result = fpRoundInt(a, f, .posInf, exact: false, fpcr, &fpsr)    // FRINTP
        case 10: result = fpRoundInt(a, f, .negInf, exact: false, fpcr, &fpsr)   // FRINTM
        case 11: result = fpRoundInt(a, f, .zero, exact: false, fpcr, &fpsr)     // FRINTZ
        case 12: result = fpRoundInt(a, f, .tieAway, exact: false, fpcr, &fpsr)  // FRINTA
        case 14: result = fpRoundInt(a, f, FPRounding(fpcr: fpcr), exact: true, fpcr, &fpsr)
        case 15: result = fpRoundInt(a, f, FPRounding(fpcr: fpcr), exact: false, fpcr, &fpsr)
        case 16, 17, 18, 19:                                  // FRINT32Z/32X/64Z/64X
            if f.isHalf { return false }
            let rounding = opcode & 1 == 0 ? FPRounding.zero : FPRounding(fpcr: fpcr)
            result = fpRoundIntN(a, f, rounding, intBits: opcode & 2 == 0 ? 32 : 64, fpcr, &fpsr)
        default: return false
        }
        self.fpsr = fpsr
        writeFP(rd, result)
        return true
    }

    // MARK: - 2 sources

    private func scalarFPTwoSource(_ insn: UInt32) -> Bool {
        guard let f = FPFormat.fromFType((insn >> 22) & 3) else { return false }
        let rd = Int(insn & 31), rn = Int(insn >> 5) & 31, rm = Int(insn >> 16) & 31
        let a = readFP(rn, f), b = readFP(rm, f)
        var fpsr = self.fpsr
        let result: UInt64
        switch (insn >> 12) & 15 {
        case 0: result = fpMul(a, b, f, fpcr, &fpsr)
        case 1: result = fpDiv(a, b, f, fpcr, &fpsr)
        case 2: result = fpAdd(a, b, f, fpcr, &fpsr)
        case 3: result = fpSub(a, b, f, fpcr, &fpsr)
        case 4: result = fpMax(a, b, f, fpcr, &fpsr)
        case 5: result = fpMin(a, b, f, fpcr, &fpsr)
        case 6: result = fpMaxNum(a, b, f, fpcr, &fpsr)
        case 7: result = fpMinNum(a, b, f, fpcr, &fpsr)
        case 8: result = fpNeg(fpMul(a, b, f, fpcr, &fpsr), f)                  // FNMUL
        default: return false
        }
        self.fpsr = fpsr
        writeFP(rd, result)
        return true
    }

    // MARK: - 3 sources (FMADD, FMSUB, FNMADD, FNMSUB)

    private func scalarFPMulAdd(_ insn: UInt32) -> Bool {
        guard let f = FPFormat.fromFType((insn >> 22) & 3) else { return false }
        let rd = Int(insn & 31), rn = Int(insn >> 5) & 31
        let ra = Int(insn >> 10) & 31, rm = Int(insn >> 16) & 31
        let o1 = insn & 0x0020_0000 != 0, o0 = insn & 0x8000 != 0
        var addend = readFP(ra, f)
        var a = readFP(rn, f)
        let b = readFP(rm, f)
        // Arm negates the operands before NaN processing, so NaN signs flip too.
        if o1 { addend = fpNeg(addend, f) }
        if o0 != o1 { a = fpNeg(a, f) }
        var fpsr = self.fpsr
        let result = fpMulAdd(addend, a, b, f, fpcr, &fpsr)
        self.fpsr = fpsr
        writeFP(rd, result)
        return true
    }

    // MARK: - Compare, conditional compare, conditional select, immediate

    private func scalarFPCompare(_ insn: UInt32) -> Bool {
        guard let f = FPFormat.fromFType((insn >> 22) & 3) else { return false }
        if insn & 0xC000 != 0 || insn & 7 != 0 { return false }
        let rn = Int(insn >> 5) & 31, rm = Int(insn >> 16) & 31
        let withZero = insn & 8 != 0
        let a = readFP(rn, f)
        let b = withZero ? 0 : readFP(rm, f)
        var fpsr = self.fpsr
        let flags = fpCompare(a, b, f, signalAllNaNs: insn & 0x10 != 0, fpcr, &fpsr)
        self.fpsr = fpsr
        nzcv = flags << 28
        return true
    }

    private func scalarFPCondCompare(_ insn: UInt32) -> Bool {
        guard let f = FPFormat.fromFType((insn >> 22) & 3) else { return false }
        let rn = Int(insn >> 5) & 31, rm = Int(insn >> 16) & 31
        if fpConditionHolds((insn >> 12) & 15) {
            var fpsr = self.fpsr
            let flags = fpCompare(readFP(rn, f), readFP(rm, f), f,
                                  signalAllNaNs: insn & 0x10 != 0, fpcr, &fpsr)
            self.fpsr = fpsr
            nzcv = flags << 28
        } else {
            nzcv = UInt64(insn & 15) << 28
        }
        return true
    }

    private func scalarFPCondSelect(_ insn: UInt32) -> Bool {
        guard let f = FPFormat.fromFType((insn >> 22) & 3) else { return false }
        let rd = Int(insn & 31), rn = Int(insn >> 5) & 31, rm = Int(insn >> 16) & 31
        writeFP(rd, readFP(fpConditionHolds((insn >> 12) & 15) ? rn : rm, f))
        return true
    }

    private func scalarFPImmediate(_ insn: UInt32) -> Bool {
        guard let f = FPFormat.fromFType((insn >> 22) & 3) else { return false }
        if (insn >> 5) & 31 != 0 { return false }
        let imm8 = UInt64(insn >> 13) & 0xFF
        // VFPExpandImm: sign, exponent NOT(b6):b6...b6:b5:b4, fraction b3:b0 then zeros.
        let b6 = (imm8 >> 6) & 1
        let e = UInt64(f.expBits)
        var exponent = (b6 ^ 1) << (e - 1) | (imm8 >> 4) & 3
        if b6 != 0 { exponent |= ((1 << (e - 3)) - 1) << 2 }
        let value = (imm8 >> 7) << UInt64(f.expBits + f.fracBits) |
            exponent << UInt64(f.fracBits) | (imm8 & 15) << UInt64(f.fracBits - 4)
        writeFP(Int(insn & 31), value)
        return true
    }

    // MARK: - Conversions to and from general registers

    private func scalarFPIntConvert(_ insn: UInt32) -> Bool {
        if insn & 0x2000_0000 != 0 { return false }
        let sf = insn & 0x8000_0000 != 0
        let ftype = (insn >> 22) & 3
        let rmode = (insn >> 19) & 3
        let opcode = (insn >> 16) & 7
        let rd = Int(insn & 31), rn = Int(insn >> 5) & 31
        let intBits = sf ? 64 : 32
        // FMOV between general and FP registers, including the top half of a 128-bit register.
        if opcode >= 6 {
            let toFP = opcode == 7
            if rmode == 1 {
                guard sf && ftype == 2 else { return false }
                if toFP {
                    vreg(rd).storeBytes(of: readGPR(rn), toByteOffset: 8, as: UInt64.self)
                } else {
                    writeGPR(rd, UnsafeRawPointer(vreg(rn)).load(fromByteOffset: 8, as: UInt64.self))
                }
                return true
            }
            if rmode == 3 && !sf && ftype == 1 && !toFP {   // FJCVTZS
                var fpsr = self.fpsr
                let (result, exact) = fpToInt32JS(readFP(rn, .double), fpcr, &fpsr)
                self.fpsr = fpsr
                writeGPR(rd, result)
                nzcv = exact ? 0x4000_0000 : 0
                return true
            }
            guard rmode == 0 else { return false }
            let f: FPFormat
            switch ftype {
            case 0 where !sf: f = .single
            case 1 where sf: f = .double
            case 3: f = .half
            default: return false
            }
            if toFP {
                writeFP(rd, readGPR(rn) & f.valueMask)
            } else {
                writeGPR(rd, readFP(rn, f))
            }
            return true
        }
        guard let f = FPFormat.fromFType(ftype) else { return false }
        var fpsr = self.fpsr
        switch opcode {
        case 2, 3:                                             // SCVTF, UCVTF
            guard rmode == 0 else { return false }
            writeFP(rd, fpFromFixed(readGPR(rn), intBits: intBits, signed: opcode == 2, fbits: 0,
                                    f, FPRounding(fpcr: fpcr), fpcr, &fpsr))
        default:                                               // FCVT{N,P,M,Z,A}{S,U}
            let rounding: FPRounding
            if opcode >= 4 {
                guard rmode == 0 else { return false }
                rounding = .tieAway
            } else {
                rounding = FPRounding(rawValue: UInt8(rmode))!
            }
            writeGPR(rd, fpToFixed(readFP(rn, f), f, fbits: 0, unsigned: opcode & 1 != 0,
                                   rounding, intBits: intBits, fpcr, &fpsr))
        }
        self.fpsr = fpsr
        return true
    }

    /// SCVTF/UCVTF/FCVTZS/FCVTZU with a fixed-point scale.
    private func scalarFPFixedConvert(_ insn: UInt32) -> Bool {
        if insn & 0x2000_0000 != 0 { return false }
        guard let f = FPFormat.fromFType((insn >> 22) & 3) else { return false }
        let sf = insn & 0x8000_0000 != 0
        let scale = Int(insn >> 10) & 0x3F
        if !sf && scale < 32 { return false }
        let fbits = 64 - scale
        let rd = Int(insn & 31), rn = Int(insn >> 5) & 31
        let intBits = sf ? 64 : 32
        var fpsr = self.fpsr
        switch (insn >> 16) & 0x1F {                           // rmode:opcode
        case 0b00010, 0b00011:                                 // SCVTF, UCVTF
            writeFP(rd, fpFromFixed(readGPR(rn), intBits: intBits, signed: insn & 0x10000 == 0,
                                    fbits: fbits, f, FPRounding(fpcr: fpcr), fpcr, &fpsr))
        case 0b11000, 0b11001:                                 // FCVTZS, FCVTZU
            writeGPR(rd, fpToFixed(readFP(rn, f), f, fbits: fbits, unsigned: insn & 0x10000 != 0,
                                   .zero, intBits: intBits, fpcr, &fpsr))
        default: return false
        }
        self.fpsr = fpsr
        return true
    }
}
