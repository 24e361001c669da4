/// Entry point from the integer interpreter for every FP and AdvSIMD instruction.
///
/// The integer decoder hands over, undecoded, every instruction with bits 27:25 == 0b111
/// (data processing, scalar FP and AdvSIMD) and every load/store (bit 27 = 1, bit 25 = 0) with
/// the V bit (26) set. A `false` return means unallocated or not implemented: the guest gets SIGILL.
extension AArch64CPU {
    @inline(__always)
    func executeFPSIMD(_ insn: UInt32, pc: UInt64) -> Bool {
        if insn & 0x0E00_0000 == 0x0C00_0000 {          // bit27=1, bit26=1, bit25=0: load/store V
            return executeFPSIMDLoadStore(insn, pc: pc)
        }
        if insn & 0x5000_0000 == 0x1000_0000 {          // op0 = x0x1: scalar FP and conversions
            return executeScalarFP(insn)
        }
        return executeAdvSIMD(insn)                       // vector, AdvSIMD scalar, crypto
    }
}
