/// AdvSIMD "x indexed element" integer forms (vector and scalar): MUL/MLA/MLS, SMULL/UMULL,
/// SMLAL/UMLAL, SMLSL/UMLSL (and "2"), SQDMULL/SQDMLAL/SQDMLSL, SQDMULH/SQRDMULH by element.
/// FP forms (FMLA/FMLS/FMUL/FMULX by element) go to AdvSIMDFloat.swift.
extension AArch64CPU {
    func simdByElement(_ insn: UInt32, scalar: Bool) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let opcode = insn >> 12 & 15
        let u = insn >> 29 & 1
        let q = insn & 0x4000_0000 != 0
        let size = Int(insn >> 22 & 3)
        let op = u << 4 | opcode
        switch op {
        case 0x01, 0x05, 0x09, 0x19: return simdFloatByElement(insn, scalar: scalar)
        case 0x03, 0x07, 0x0B, 0x0C, 0x0D: break
        case 0x02, 0x06, 0x08, 0x0A, 0x10, 0x14, 0x12, 0x16, 0x1A: if scalar { return false }
        default: return false
        }
        let h = Int(insn >> 11 & 1), l = Int(insn >> 21 & 1), m = Int(insn >> 20 & 1)
        let rm: Int, index: Int
        switch size {
        case 1: rm = Int(insn >> 16 & 15); index = h << 2 | l << 1 | m
        case 2: rm = Int(insn >> 16 & 31); index = h << 1 | l
        default: return false
        }
        let elementRaw = vLane(rm, index, size)
        let signed = u == 0
        let element = signed ? simdSext(elementRaw, size) : Int64(elementRaw)
        var r = V128()
        var qc = false
        let esize = 8 << size

        switch op {
        case 0x08, 0x10, 0x14, 0x0C, 0x0D:                             // same-width forms
            let lanes = scalar ? 1 : (q ? 128 : 64) / esize
            for i in 0..<lanes {
                let a = vLane(rn, i, size)
                let value: UInt64
                switch op {
                case 0x08: value = a &* elementRaw
                case 0x10: value = vLane(rd, i, size) &+ a &* elementRaw
                case 0x14: value = vLane(rd, i, size) &- a &* elementRaw
                default: value = simdDoublingMulHigh(simdSext(a, size), element, size, round: op == 0x0D, &qc)
                }
                r.set(i, size, value)
            }
            if qc { setQC() }
            vWrite(rd, r, q: q && !scalar)
            return true
        default:                                                       // widening forms
            let wide = size &+ 1
            let lanes = scalar ? 1 : 64 / esize
            let part = (q && !scalar) ? lanes : 0
            for i in 0..<lanes {
                let an = vLane(rn, i &+ part, size)
                let a = signed ? simdSext(an, size) : Int64(an)
                let value: UInt64
                switch opcode {
                case 0x2: value = vLane(rd, i, wide) &+ UInt64(bitPattern: a &* element)
                case 0x6: value = vLane(rd, i, wide) &- UInt64(bitPattern: a &* element)
                case 0xA: value = UInt64(bitPattern: a &* element)
                default:                                               // SQDMLAL SQDMLSL SQDMULL
                    let p = simdDoublingProduct(a, element, size, &qc)
                    value = opcode == 0xB ? p : simdSatAccumulate(vLane(rd, i, wide), p, wide, subtract: opcode == 0x7, &qc)
                }
                r.set(i, wide, value)
            }
            if qc { setQC() }
            vWrite(rd, r, q: !scalar)
            return true
        }
    }
}
