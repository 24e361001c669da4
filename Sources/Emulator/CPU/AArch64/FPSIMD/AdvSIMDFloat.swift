/// AdvSIMD floating-point forms (vector and scalar-SIMD).
extension AArch64CPU {
    func simdFloatThreeSame(_ insn: UInt32, scalar: Bool) -> Bool { false }
    func simdFloatTwoRegMisc(_ insn: UInt32, scalar: Bool) -> Bool { false }
    func simdFloatShiftImmediate(_ insn: UInt32, scalar: Bool) -> Bool { false }
    func simdFloatAcrossLanes(_ insn: UInt32) -> Bool { false }
    func simdFloatScalarPairwise(_ insn: UInt32) -> Bool { false }
    func simdFloatByElement(_ insn: UInt32, scalar: Bool) -> Bool { false }
}
