extension AArch64CPU {
    /// Every load/store to a V register: LDR/STR (all addressing forms, literal), LDP/STP, LDUR/STUR,
    /// LD1-LD4/ST1-ST4 (multiple, single lane, replicate; post-index).
    func executeFPSIMDLoadStore(_ insn: UInt32, pc: UInt64) -> Bool { false }
}
