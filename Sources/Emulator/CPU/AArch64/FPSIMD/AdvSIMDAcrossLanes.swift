/// AdvSIMD across-lanes reductions (ADDV, SADDLV/UADDLV, SMAXV/SMINV/UMAXV/UMINV) and scalar
/// pairwise ADDP. FP reductions (FMAXV...) and FP scalar pairwise go to AdvSIMDFloat.swift.
extension AArch64CPU {
    func simdAcrossLanes(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let q = insn & 0x4000_0000 != 0
        let u = insn >> 29 & 1
        let size = Int(insn >> 22 & 3)
        let opcode = insn >> 12 & 31
        if opcode == 0x0C || opcode == 0x0F { return simdFloatAcrossLanes(insn) }
        if size == 3 || (size == 2 && !q) { return false }
        let lanes = (q ? 16 : 8) >> size
        var result: UInt64
        var resultSize = size
        switch u << 5 | opcode {
        case 0x1B:                                                     // ADDV
            result = 0
            for i in 0..<lanes { result = result &+ vLane(rn, i, size) }
        case 0x03:                                                     // SADDLV
            var s: Int64 = 0
            for i in 0..<lanes { s = s &+ simdSext(vLane(rn, i, size), size) }
            result = UInt64(bitPattern: s)
            resultSize = size &+ 1
        case 0x23:                                                     // UADDLV
            result = 0
            for i in 0..<lanes { result = result &+ vLane(rn, i, size) }
            resultSize = size &+ 1
        case 0x0A, 0x1A:                                               // SMAXV SMINV
            var best = simdSext(vLane(rn, 0, size), size)
            let wantMax = opcode == 0x0A
            for i in 1..<lanes {
                let s = simdSext(vLane(rn, i, size), size)
                if wantMax ? s > best : s < best { best = s }
            }
            result = UInt64(bitPattern: best)
        case 0x2A, 0x3A:                                               // UMAXV UMINV
            var best = vLane(rn, 0, size)
            let wantMax = opcode == 0x0A
            for i in 1..<lanes {
                let s = vLane(rn, i, size)
                if wantMax ? s > best : s < best { best = s }
            }
            result = best
        default:
            return false
        }
        vWrite(rd, lo: result & simdLaneMask(resultSize), hi: 0)
        return true
    }

    /// AdvSIMD scalar pairwise: ADDP Dd, Vn.2D; FP forms go to AdvSIMDFloat.swift.
    func simdScalarPairwise(_ insn: UInt32) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let u = insn >> 29 & 1
        let size = insn >> 22 & 3
        let opcode = insn >> 12 & 31
        if u == 1 || opcode != 0x1B { return simdFloatScalarPairwise(insn) }   // U = 0: FP16 forms
        if opcode != 0x1B || size != 3 { return false }
        vWrite(rd, lo: vLo(rn) &+ vHi(rn), hi: 0)
        return true
    }
}
