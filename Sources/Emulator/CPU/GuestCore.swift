import FerryABI

/// What the arch-neutral start-up needs from a CPU core: its auxv capabilities, what /proc/cpuinfo
/// shows, the sigreturn sequence, and how to start the first guest thread. One value per core;
/// `Emulation` picks it from the ELF machine.
struct GuestCore {
    let architecture: Architecture
    let elfMachine: UInt16
    let hwcap: UInt64
    let hwcap2: UInt64
    let platform: String
    let minimumSignalStackSize: UInt64
    let cpuDescription: GuestCPUDescription
    let sigreturnTrampoline: (_ rtSigreturn: Int) -> [UInt32]
    /// Runs the first thread: pc at `entry`, sp at `stackPointer`.
    let startFirstThread: (_ entry: UInt64, _ stackPointer: UInt64, _ personality: LinuxPersonality,
                           _ log: DiagnosticLog, _ logBlocks: Bool) -> Never

    static let aarch64 = GuestCore(
        architecture: .aarch64, elfMachine: ELFFile.machineAArch64,
        hwcap: AArch64Features.hwcap, hwcap2: AArch64Features.hwcap2, platform: AArch64Features.platform,
        minimumSignalStackSize: AArch64Features.minimumSignalStackSize,
        cpuDescription: GuestCPUDescription(hwcap: AArch64Features.hwcap, hwcap2: AArch64Features.hwcap2,
                                            mainID: AArch64Interpreter.mainIDValue,
                                            counterFrequency: AArch64Interpreter.counterFrequency),
        sigreturnTrampoline: AArch64Thread.sigreturnTrampoline(rtSigreturn:),
        startFirstThread: { entry, stackPointer, personality, log, logBlocks in
            let cpu = AArch64CPU()
            cpu.pc = entry
            cpu.x[AArch64CPU.stackPointerSlot] = stackPointer
            let thread = AArch64Thread(cpu: cpu, personality: personality, task: personality.initialSignalState(), log: log)
            personality.attach(thread: thread)
            if logBlocks { thread.interpreter.blockLogger = BlockDisassemblyLogger(log: log) }
            thread.run()
        })

    static let riscv64 = GuestCore(
        architecture: .riscv64, elfMachine: ELFFile.machineRISCV64,
        hwcap: RISCV64Features.hwcap, hwcap2: RISCV64Features.hwcap2, platform: RISCV64Features.platform,
        minimumSignalStackSize: RISCV64Features.minimumSignalStackSize,
        cpuDescription: GuestCPUDescription(hwcap: RISCV64Features.hwcap, hwcap2: RISCV64Features.hwcap2,
                                            mainID: 0, counterFrequency: RISCV64Features.timebaseFrequency),
        sigreturnTrampoline: RISCV64Thread.sigreturnTrampoline(rtSigreturn:),
        startFirstThread: { entry, stackPointer, personality, log, _ in
            // -d in_asm disassembles AArch64 only (Capstone's riscv mode is not wired up yet).
            let thread = RISCV64Thread.initial(entry: entry, stackPointer: stackPointer, personality: personality, log: log)
            personality.attach(thread: thread)
            thread.run()
        })

    static let all = [aarch64, riscv64]

    static func forMachine(_ machine: UInt16) -> GuestCore? { all.first { $0.elfMachine == machine } }
}
