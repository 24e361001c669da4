/// AdvSIMD "shift by immediate" (vector and scalar): SSHR/USHR/SRSHR/URSHR, accumulating SSRA/
/// USRA/SRSRA/URSRA, SHL, SLI/SRI, SQSHL/UQSHL/SQSHLU, narrowing SHRN/RSHRN/SQ[R]SHR[U]N/UQ[R]SHRN,
/// SSHLL/USHLL. Fixed-point conversions (SCVTF/UCVTF/FCVTZS/FCVTZU) go to AdvSIMDFloat.swift.
extension AArch64CPU {
    func simdShiftImmediate(_ insn: UInt32, scalar: Bool) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let opcode = insn >> 11 & 31
        let u = insn >> 29 & 1
        let q = insn & 0x4000_0000 != 0
        let immh = insn >> 19 & 15
        let immhb = Int(insn >> 16 & 127)
        let size = 31 &- immh.leadingZeroBitCount                   // highest set bit of immh: 0...3
        let op = u << 5 | opcode
        if opcode == 0x1C || opcode == 0x1F { return simdFloatShiftImmediate(insn, scalar: scalar) }

        let esize = 8 << size
        if opcode >= 0x10 && opcode <= 0x14 { return simdShiftNarrowOrLong(insn, scalar: scalar, size: size) }

        switch op {
        case 0x00, 0x20, 0x02, 0x22, 0x04, 0x24, 0x06, 0x26, 0x0A, 0x28, 0x2A:
            if scalar && size != 3 { return false }
        case 0x0E, 0x2E, 0x2C: break
        default: return false
        }
        if !scalar && size == 3 && !q { return false }
        let lanes = scalar ? 1 : (q ? 128 : 64) / esize
        let right = 2 &* esize &- immhb                      // 1...esize
        let left = immhb &- esize                            // 0...esize-1
        var r = V128()
        var qc = false
        let mask = simdLaneMask(size)

        for i in 0..<lanes {
            let a = vLane(rn, i, size)
            let value: UInt64
            switch op {
            case 0x00, 0x02:                                                     // SSHR SSRA
                let s = UInt64(bitPattern: simdSext(a, size) >> Int64(right > 63 ? 63 : right))
                value = op == 0x02 ? vLane(rd, i, size) &+ s : s
            case 0x20, 0x22:                                                     // USHR USRA
                let s = right >= 64 ? 0 : a >> UInt64(right)
                value = op == 0x22 ? vLane(rd, i, size) &+ s : s
            case 0x04, 0x06:                                                     // SRSHR SRSRA
                let s = UInt64(bitPattern: simdRoundShiftS(simdSext(a, size), right))
                value = op == 0x06 ? vLane(rd, i, size) &+ s : s
            case 0x24, 0x26:                                                     // URSHR URSRA
                let s = simdRoundShiftU(a, right)
                value = op == 0x26 ? vLane(rd, i, size) &+ s : s
            case 0x0A: value = a &<< UInt64(left)                                // SHL
            case 0x28:                                                           // SRI
                let keep = right >= 64 ? mask : ~(mask >> UInt64(right)) & mask
                value = (vLane(rd, i, size) & keep) | (right >= 64 ? 0 : a >> UInt64(right))
            case 0x2A:                                                           // SLI
                let keep = ~(mask &<< UInt64(left)) & mask
                value = (vLane(rd, i, size) & keep) | (a &<< UInt64(left))
            case 0x0E: value = simdSatShiftLeft(a, left, size, signed: true, &qc)    // SQSHL
            case 0x2E: value = simdSatShiftLeft(a, left, size, signed: false, &qc)   // UQSHL
            default:                                                             // SQSHLU
                let sa = simdSext(a, size)
                if sa < 0 { qc = true; value = 0 }
                else { value = simdSatShiftLeft(a, left, size, signed: false, &qc) }
            }
            r.set(i, size, value)
        }
        if qc { setQC() }
        vWrite(rd, r, q: q && !scalar)
        return true
    }

    /// SHRN, RSHRN, SQSHRN, SQRSHRN, UQSHRN, UQRSHRN, SQSHRUN, SQRSHRUN (narrow to `size`), and
    /// SSHLL/USHLL (widen from `size`).
    func simdShiftNarrowOrLong(_ insn: UInt32, scalar: Bool, size: Int) -> Bool {
        let rd = Int(insn & 31), rn = Int(insn >> 5 & 31)
        let opcode = insn >> 11 & 31
        let u = insn >> 29 & 1
        let q = insn & 0x4000_0000 != 0
        let immhb = Int(insn >> 16 & 127)
        if size == 3 { return false }
        let esize = 8 << size
        let wide = size &+ 1
        let lanes = 8 >> size
        var r = V128()
        if opcode == 0x14 {                                                      // SSHLL USHLL
            if scalar { return false }
            let left = UInt64(immhb &- esize)
            let part = q ? lanes : 0
            for i in 0..<lanes {
                let a = vLane(rn, i &+ part, size)
                r.set(i, wide, (u == 0 ? UInt64(bitPattern: simdSext(a, size)) : a) &<< left)
            }
            vWrite(rd, r, q: true)
            return true
        }
        let op = u << 5 | opcode
        if scalar && (op == 0x10 || op == 0x11) { return false }                 // no scalar SHRN/RSHRN
        let right = 2 &* esize &- immhb
        let round = opcode & 1 != 0
        if op == 0x10 && size == 0 && !scalar {                                  // SHRN .8b: strlen's hot path
            let packed = simdShrnBytes(vLo(rn), right) | simdShrnBytes(vHi(rn), right) << 32
            if q { vWrite(rd, lo: vLo(rd), hi: packed) } else { vWrite(rd, lo: packed, hi: 0) }
            return true
        }
        var qc = false
        let count = scalar ? 1 : lanes
        for i in 0..<count {
            let a = vLane(rn, i, wide)
            let value: UInt64
            switch op {
            case 0x10, 0x11:                                                     // SHRN RSHRN
                value = round ? simdRoundShiftU(a, right) : a >> UInt64(right)
            case 0x12, 0x13:                                                     // SQSHRN SQRSHRN
                let sa = simdSext(a, wide)
                let s = round ? simdRoundShiftS(sa, right) : sa >> Int64(right)
                value = simdSatS(s, size, &qc)
            case 0x32, 0x33:                                                     // UQSHRN UQRSHRN
                let s = round ? simdRoundShiftU(a, right) : a >> UInt64(right)
                if s > simdLaneMask(size) { qc = true; value = simdLaneMask(size) } else { value = s }
            default:                                                             // SQSHRUN SQRSHRUN
                let sa = simdSext(a, wide)
                let s = round ? simdRoundShiftS(sa, right) : sa >> Int64(right)
                if s < 0 { qc = true; value = 0 }
                else if UInt64(s) > simdLaneMask(size) { qc = true; value = simdLaneMask(size) }
                else { value = UInt64(s) }
            }
            r.set(i, size, value)
        }
        if qc { setQC() }
        if scalar { vWrite(rd, r, q: false) }
        else if q { vWrite(rd, lo: vLo(rd), hi: r.lo) }
        else { vWrite(rd, lo: r.lo, hi: 0) }
        return true
    }
}

/// SHRN from four 16-bit lanes of `w` by 1...8: the four result bytes in the low 32 bits.
@inline(__always) func simdShrnBytes(_ w: UInt64, _ shift: Int) -> UInt64 {
    var x = (w >> UInt64(shift)) & 0x00FF_00FF_00FF_00FF   // bits shift...shift+7 of each lane stay inside it
    x = (x | x >> 8) & 0x0000_FFFF_0000_FFFF
    return (x | x >> 16) & 0xFFFF_FFFF
}
