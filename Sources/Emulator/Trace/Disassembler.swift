import CCapstone

/// Capstone disassembly for diagnostics (`-d in_asm`, unimplemented-instruction reports).
final class Disassembler {
    static let aarch64 = Disassembler(architecture: CS_ARCH_ARM64, mode: CS_MODE_ARM)

    private var handle: csh = 0
    private let available: Bool

    init(architecture: cs_arch, mode: cs_mode) {
        available = cs_open(architecture, mode, &handle) == CS_ERR_OK
    }

    /// "mnemonic operands" for one instruction word, or a note if Capstone does not know it.
    func describe(word: UInt32, address: UInt64) -> String {
        guard available else { return "(no disassembler)" }
        var bytes = word.littleEndian
        var insn: UnsafeMutablePointer<cs_insn>?
        let count = withUnsafeBytes(of: &bytes) { cs_disasm(handle, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), 4, address, 1, &insn) }
        guard count == 1, let insn else { return "(unknown to Capstone)" }
        defer { cs_free(insn, count) }
        let mnemonic = withUnsafeBytes(of: insn.pointee.mnemonic) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        let operands = withUnsafeBytes(of: insn.pointee.op_str) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        return operands.isEmpty ? mnemonic : "\(mnemonic) \(operands)"
    }
}

/// `-d in_asm`: prints each newly translated block, one instruction a line, as qemu's in_asm does.
final class BlockDisassemblyLogger {
    let log: DiagnosticLog
    init(log: DiagnosticLog) { self.log = log }

    func blockTranslated(pc: UInt64, count: Int) {
        var lines = ["IN:"]
        for i in 0..<count {
            let address = pc &+ UInt64(i * 4)
            let word = hostPointer(address).load(as: UInt32.self)
            lines.append("0x\(String(address, radix: 16)):  \(hex8(word))      \(Disassembler.aarch64.describe(word: word, address: address))")
        }
        lines.append("")
        log.write(lines.joined(separator: "\n"))
    }

    private func hex8(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }
}
