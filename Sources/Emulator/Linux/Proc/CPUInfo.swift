import FerryABI
import Glibc

/// /proc/cpuinfo for the guest's architecture: one block per host CPU online, describing the CPU
/// the guest runs on (the features it advertises in AT_HWCAP, nothing more).
enum CPUInfo {
    /// AT_HWCAP bit names as Linux prints them for AArch64, bit 0 upwards.
    static let aarch64HWCap = [
        "fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32", "atomics", "fphp", "asimdhp", "cpuid",
        "asimdrdm", "jscvt", "fcma", "lrcpc", "dcpop", "sha3", "sm3", "sm4", "asimddp", "sha512", "sve",
        "asimdfhm", "dit", "uscat", "ilrcpc", "flagm", "ssbs", "sb", "paca", "pacg",
    ]
    /// AT_HWCAP2 bit names for AArch64, bit 0 upwards.
    static let aarch64HWCap2 = [
        "dcpodp", "sve2", "sveaes", "svepmull", "svebitperm", "svesha3", "svesm4", "flagm2", "frint", "svei8mm",
        "svef32mm", "svef64mm", "svebf16", "i8mm", "bf16", "dgh", "rng", "bti", "mte", "ecv", "afp", "rpres",
        "mte3", "sme", "smei16i64", "smef64f64", "smei8i32", "smef16f32", "smeb16f32", "smef32f32", "smefa64",
        "wfxt", "ebf16", "sveebf16", "cssc", "rprfm", "sve2p1", "sme2", "sme2p1", "smei16i32", "smebi32i32",
        "smeb16b16", "smef16f16", "mops", "hbc", "sveb16b16", "lrcpc3", "lse128", "fpmr", "lut", "faminmax",
        "f8cvt", "f8fma", "f8dp4", "f8dp2", "f8e4m3", "f8e5m2", "smelutv2", "smef8f16", "smef8f32", "smesf8fma",
        "smesf8dp4", "smesf8dp2",
    ]

    /// The feature words for the advertised bits, in the kernel's order (HWCAP, then HWCAP2).
    static func aarch64Features(hwcap: UInt64, hwcap2: UInt64) -> [String] {
        var names: [String] = []
        for (bit, name) in aarch64HWCap.enumerated() where hwcap & (1 << UInt64(bit)) != 0 { names.append(name) }
        for (bit, name) in aarch64HWCap2.enumerated() where bit < 64 && hwcap2 & (1 << UInt64(bit)) != 0 { names.append(name) }
        return names
    }

    static func text(architecture: Architecture, cpu: GuestCPUDescription, processors: Int) -> String? {
        switch architecture {
        case .aarch64: return aarch64Text(cpu: cpu, processors: processors)
        case .riscv64: return riscv64Text(cpu: cpu, processors: processors)
        default: return nil
        }
    }

    /// riscv64's form (arch/riscv/kernel/cpu.c): the ISA string from the AT_HWCAP letters (one bit
    /// per letter, 'a' = bit 0) in canonical order, plus the unlettered Zicsr and Zifencei the
    /// core implements; sv39 paging; zero vendor/arch/impl ids (an emulated hart).
    static func riscv64Text(cpu: GuestCPUDescription, processors: Int) -> String {
        let canonical = "imafdqlcbkjtpvnh"
        var isa = "rv64"
        for letter in canonical {
            let bit = UInt64(letter.asciiValue! - Character("a").asciiValue!)
            if cpu.hwcap & (1 << bit) != 0 { isa.append(letter) }
        }
        isa += "_zicsr_zifencei"
        var text = ""
        for n in 0..<max(processors, 1) {
            text += "processor\t: \(n)\nhart\t\t: \(n)\nisa\t\t: \(isa)\nmmu\t\t: sv39\n"
            text += "mvendorid\t: 0x0\nmarchid\t\t: 0x0\nmimpid\t\t: 0x0\n\n"
        }
        return text
    }

    static func aarch64Text(cpu: GuestCPUDescription, processors: Int) -> String {
        let id = cpu.mainID
        // Linux on arm64 derives BogoMIPS from the timer: 2 * frequency / 1e6, two decimals.
        let hundredths = cpu.counterFrequency / 5_000
        let bogo = "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
        let features = aarch64Features(hwcap: cpu.hwcap, hwcap2: cpu.hwcap2).joined(separator: " ")
        var text = ""
        for n in 0..<max(processors, 1) {
            text += "processor\t: \(n)\n"
            text += "BogoMIPS\t: \(bogo)\n"
            text += "Features\t: \(features)\n"
            text += "CPU implementer\t: 0x\(MapsText.hex((id >> 24) & 0xff, width: 2))\n"
            text += "CPU architecture: 8\n"
            text += "CPU variant\t: 0x\(String((id >> 20) & 0xf, radix: 16))\n"
            text += "CPU part\t: 0x\(MapsText.hex((id >> 4) & 0xfff, width: 3))\n"
            text += "CPU revision\t: \(id & 0xf)\n\n"
        }
        return text
    }
}
