extension AArch64CPU {
    /// AdvSIMD vector and scalar data processing, across-lanes, permutes, TBL/TBX, crypto.
    func executeAdvSIMD(_ insn: UInt32) -> Bool { false }
}
