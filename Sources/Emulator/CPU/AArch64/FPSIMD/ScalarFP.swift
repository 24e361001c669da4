extension AArch64CPU {
    /// Scalar FP data processing, FP<->integer and fixed-point conversions, FMOV (general).
    func executeScalarFP(_ insn: UInt32) -> Bool { false }
}
