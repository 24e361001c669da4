import Foundation
import XCTest
@testable import Emulator

/// Differential tests of scalar FP and FP/SIMD loads/stores against qemu-aarch64 (the oracle).
///
/// A small static aarch64 program (source below) reads cases from stdin: a mode letter, an
/// instruction word and the inputs (V0-V3 as 8 words, X0, X1, FPCR, NZCV). It writes the word
/// into an executable page, runs it with that state, and prints V0-V3, X0, X1, NZCV and FPSR
/// (plus, for memory cases, a 256-byte buffer that X0 points into), or ILL on SIGILL. The same
/// cases run through Ferry's `executeFPSIMD` and must match exactly. Cases come from a seeded
/// generator so a failure reproduces.
enum ScalarFPOracle {
    static let source = #"""
    #include <stdio.h>
    #include <stdint.h>
    #include <string.h>
    #include <signal.h>
    #include <setjmp.h>
    #include <sys/mman.h>
    struct state { uint64_t v[8]; uint64_t x0, x1, fpcr, nzcv, fpsr; };
    extern void run_insn(struct state *s, void *code);
    __asm__(
    ".globl run_insn\n"
    "run_insn:\n"
    "  stp x29, x30, [sp, -32]!\n"
    "  str x0, [sp, 16]\n"
    "  mov x16, x1\n"
    "  mov x17, x0\n"
    "  ldr x2, [x17, #80]\n  msr fpcr, x2\n"
    "  msr fpsr, xzr\n"
    "  ldr x2, [x17, #88]\n  msr nzcv, x2\n"
    "  ldr q0, [x17, #0]\n  ldr q1, [x17, #16]\n  ldr q2, [x17, #32]\n  ldr q3, [x17, #48]\n"
    "  ldr x0, [x17, #64]\n  ldr x1, [x17, #72]\n"
    "  blr x16\n"
    "  ldr x17, [sp, 16]\n"
    "  str q0, [x17, #0]\n  str q1, [x17, #16]\n  str q2, [x17, #32]\n  str q3, [x17, #48]\n"
    "  str x0, [x17, #64]\n  str x1, [x17, #72]\n"
    "  mrs x2, nzcv\n  str x2, [x17, #88]\n"
    "  mrs x2, fpsr\n  str x2, [x17, #96]\n"
    "  msr fpcr, xzr\n"
    "  ldp x29, x30, [sp], 32\n"
    "  ret\n");
    static sigjmp_buf env;
    static void on_ill(int sig) { (void)sig; siglongjmp(env, 1); }
    int main(void) {
        uint32_t *code = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        static uint8_t mem[256];
        struct sigaction sa; memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_ill; sa.sa_flags = SA_NODEFER;
        sigaction(SIGILL, &sa, 0);
        char mode; unsigned insn; struct state s;
        while (scanf(" %c %x", &mode, &insn) == 2) {
            for (int i = 0; i < 8; i++) scanf("%lx", &s.v[i]);
            scanf("%lx %lx %lx %lx", &s.x0, &s.x1, &s.fpcr, &s.nzcv);
            s.fpsr = 0;
            for (int i = 0; i < 256; i++) mem[i] = (uint8_t)(i * 7 + 3);
            if (mode == 'M') s.x0 += (uint64_t)(uintptr_t)(mem + 128);
            code[0] = insn; code[1] = 0xd65f03c0;
            __builtin___clear_cache((char *)code, (char *)(code + 2));
            if (sigsetjmp(env, 1)) { __asm__ volatile("msr fpcr, xzr"); printf("ILL\n"); continue; }
            run_insn(&s, code);
            if (mode == 'M') s.x0 -= (uint64_t)(uintptr_t)(mem + 128);
            for (int i = 0; i < 8; i++) printf("%lx ", s.v[i]);
            printf("%lx %lx %lx %lx", s.x0, s.x1, s.nzcv, s.fpsr);
            if (mode == 'M') { printf(" "); for (int i = 0; i < 256; i++) printf("%02x", mem[i]); }
            printf("\n");
        }
        return 0;
    }
    """#

    struct Case {
        var memory: Bool
        var word: UInt32
        var v: [UInt64]        // V0-V3 as lo, hi pairs
        var x0: UInt64
        var x1: UInt64
        var fpcr: UInt64
        var nzcv: UInt64

        var line: String {
            let fields = [memory ? "M" : "F", String(word, radix: 16)] +
                (v + [x0, x1, fpcr, nzcv]).map { String($0, radix: 16) }
            return fields.joined(separator: " ")
        }
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Compiles the oracle once per process.
    static let oracleBinary: Result<String, Error> = {
        guard let gcc = which("aarch64-linux-gnu-gcc") else {
            return .failure(XCTSkip("TCONF: aarch64-linux-gnu-gcc not installed (apt-get install gcc-aarch64-linux-gnu)"))
        }
        guard which("qemu-aarch64") != nil else {
            return .failure(XCTSkip("TCONF: qemu-aarch64 not installed (apt-get install qemu-user)"))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-scalarfp-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let src = dir.appendingPathComponent("oracle.c")
            try source.write(to: src, atomically: true, encoding: .utf8)
            let bin = dir.appendingPathComponent("oracle").path
            let p = Process()
            p.executableURL = URL(fileURLWithPath: gcc)
            p.arguments = ["-O1", "-static", "-o", bin, src.path]
            try p.run()
            p.waitUntilExit()
            if p.terminationStatus != 0 {
                return .failure(NSError(domain: "oracle", code: 1,
                                        userInfo: [NSLocalizedDescriptionKey: "oracle did not compile"]))
            }
            return .success(bin)
        } catch {
            return .failure(error)
        }
    }()

    /// Runs the cases under qemu-aarch64 -cpu max; one output line per case.
    static func run(_ cases: [Case]) throws -> [String] {
        let bin = try oracleBinary.get()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: which("qemu-aarch64")!)
        p.arguments = ["-cpu", "max", bin]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        let text = cases.map(\.line).joined(separator: "\n") + "\n"
        // Write from another thread so a full output pipe cannot deadlock us.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(text.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Runs one case through Ferry and formats the result like the oracle does.
    static func ferry(_ c: Case, cpu: AArch64CPU, memory: UnsafeMutableRawPointer,
                      execute: (AArch64CPU, UInt32) -> Bool) -> String {
        for i in 0..<4 {
            cpu.vreg(i).storeBytes(of: c.v[2 * i], as: UInt64.self)
            cpu.vreg(i).storeBytes(of: c.v[2 * i + 1], toByteOffset: 8, as: UInt64.self)
        }
        for i in 0..<256 { memory.storeBytes(of: UInt8(truncatingIfNeeded: i * 7 + 3), toByteOffset: i, as: UInt8.self) }
        let base = UInt64(UInt(bitPattern: memory)) &+ 128
        cpu.x[0] = c.memory ? base &+ c.x0 : c.x0
        cpu.x[1] = c.x1
        cpu.fpcr = c.fpcr
        cpu.fpsr = 0
        cpu.nzcv = c.nzcv
        if !execute(cpu, c.word) { return "ILL" }
        var fields: [String] = []
        for i in 0..<4 {
            fields.append(String(cpu.vreg(i).load(as: UInt64.self), radix: 16))
            fields.append(String(cpu.vreg(i).load(fromByteOffset: 8, as: UInt64.self), radix: 16))
        }
        let x0 = c.memory ? cpu.x[0] &- base : cpu.x[0]
        var line = fields.joined(separator: " ") + " " +
            [x0, cpu.x[1], cpu.nzcv, cpu.fpsr].map { String($0, radix: 16) }.joined(separator: " ")
        if c.memory {
            line += " " + (0..<256).map { i -> String in
                let b = memory.load(fromByteOffset: i, as: UInt8.self)
                return (b < 16 ? "0" : "") + String(b, radix: 16)
            }.joined()
        }
        return line
    }

    /// FJCVTZS of a positive denormal flushed by FPCR.FZ: the Arm ARM's FPToFixedJS clears Z
    /// (`sign == '0' && value == 0.0 && !IsZero(op<51:0>)`), qemu 7.2 sets it (qemu bug
    /// https://gitlab.com/qemu-project/qemu/-/issues/2375). Ferry follows Arm.
    static func knownOracleDivergence(_ c: Case) -> Bool {
        guard c.word & 0xFFFF_FC00 == 0x1E7E_0000, c.fpcr & FPCRBit.fz != 0 else { return false }
        let n = Int(c.word >> 5) & 31
        let value = n < 4 ? c.v[2 * n] : 0
        return value >> 52 == 0 && value & ((1 << 52) - 1) != 0
    }

    /// Compares Ferry with the oracle; returns the mismatch descriptions (at most `limit`).
    static func compare(_ cases: [Case], limit: Int = 15,
                        execute: (AArch64CPU, UInt32) -> Bool = { $0.executeFPSIMD($1, pc: 0) })
        throws -> (mismatches: Int, report: [String]) {
        let expected = try run(cases)
        guard expected.count == cases.count else {
            throw NSError(domain: "oracle", code: 2, userInfo: [NSLocalizedDescriptionKey:
                "oracle printed \(expected.count) lines for \(cases.count) cases"])
        }
        let cpu = AArch64CPU()
        let memory = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 16)
        defer { memory.deallocate() }
        var count = 0
        var report: [String] = []
        var seen = Set<UInt32>()        // report one case per opcode (register fields masked)
        for (c, want) in zip(cases, expected) {
            if knownOracleDivergence(c) { continue }
            let got = ferry(c, cpu: cpu, memory: memory, execute: execute)
            if got != want {
                count += 1
                if report.count < limit && seen.insert(c.word & 0xFFE0_FC00).inserted {
                    report.append("word \(String(c.word, radix: 16)) in: \(c.line)\n  qemu:  \(want)\n  ferry: \(got)")
                }
            }
        }
        return (count, report)
    }
}

/// Deterministic generator (SplitMix64) so a failing case can be reproduced.
struct ScalarFPRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

enum ScalarFPCases {
    /// Interesting bit patterns per format (sign added separately).
    static func special(_ r: inout ScalarFPRandom, _ f: FPFormat) -> UInt64 {
        let frac = f.fracMask
        let one = f.one
        let choices: [UInt64] = [
            0, one, one + 1, one - 1, one | (frac >> 1), one + (1 << UInt64(f.fracBits)),  // 1, 1.5, 2
            f.maxNormal, 1 << UInt64(f.fracBits), frac, 1, frac >> 1, f.infinity,
            f.defaultNaN, f.defaultNaN | 0x5, f.infinity | 1, f.infinity | (frac >> 2) | 3,
            (UInt64(f.bias + f.fracBits) << UInt64(f.fracBits)) | (r.next() & frac),   // near 2^p
            (UInt64(f.bias + 31) << UInt64(f.fracBits)) | (r.next() & frac),           // near 2^31
            (UInt64(f.bias + 63) << UInt64(f.fracBits)) | (r.next() & frac),           // near 2^63
            (UInt64(f.bias - 1) << UInt64(f.fracBits)) | (1 << UInt64(f.fracBits - 1)), // 0.75
            one | (1 << UInt64(f.fracBits - 1)) | 1,
            r.next() & f.valueMask, r.next() & f.valueMask, r.next() & f.valueMask,
            (UInt64(r.below(f.maxBiasedExp)) << UInt64(f.fracBits)) | (r.next() & frac),
            (UInt64(f.bias + r.below(8) - 4) << UInt64(f.fracBits)) | (r.next() & frac & ~0xFF),
            (UInt64(1 + r.below(3)) << UInt64(f.fracBits)) | (r.next() & frac),            // tiny
            (UInt64(f.maxBiasedExp - 1 - r.below(3)) << UInt64(f.fracBits)) | (r.next() & frac),
            (UInt64(f.bias / 2 + r.below(4)) << UInt64(f.fracBits)) | (r.next() & frac),   // ~sqrt(max)
            (UInt64(f.bias / 2 - r.below(4)) << UInt64(f.fracBits)) | (r.next() & frac),
            r.next() & frac,                                                                // denormal
        ]
        let v = r.pick(choices)
        return r.below(2) == 0 ? v : v | f.signBit
    }

    static func operand(_ r: inout ScalarFPRandom, _ f: FPFormat) -> UInt64 {
        let v = special(&r, f)
        // Garbage above the scalar must be ignored by reads.
        return f.isDouble ? v : v | (r.next() & ~f.valueMask)
    }

    static func fpcr(_ r: inout ScalarFPRandom) -> UInt64 {
        if r.below(2) == 0 { return 0 }
        var v = UInt64(r.below(4)) << 22
        if r.below(3) == 0 { v |= FPCRBit.fz }
        if r.below(3) == 0 { v |= FPCRBit.dn }
        if r.below(4) == 0 { v |= FPCRBit.ahp }
        if r.below(4) == 0 { v |= FPCRBit.fz16 }
        return v
    }

    static func format(_ ftype: UInt32) -> FPFormat {
        FPFormat.fromFType(ftype) ?? .double
    }

    static func scalar(count: Int, seed: UInt64) -> [ScalarFPOracle.Case] {
        var r = ScalarFPRandom(state: seed)
        var cases: [ScalarFPOracle.Case] = []
        for _ in 0..<count {
            let ftype = UInt32(r.pick([0, 1, 3, 0, 1, 3, 2]))
            let f = format(ftype)
            let rd = UInt32(r.below(4)), rn = UInt32(r.below(4)), rm = UInt32(r.below(4))
            let ra = UInt32(r.below(4))
            let cond = UInt32(r.below(16))
            var word: UInt32
            var gprFields = false
            var hasRd = true
            switch r.below(10) {
            case 0, 1:  // 2-source
                word = 0x1E20_0800 | UInt32(r.below(9)) << 12
            case 2:     // 1-source
                let op = UInt32(r.pick([0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 6, 13]))
                word = 0x1E20_4000 | op << 15
            case 3:     // 3-source
                word = 0x1F00_0000 | UInt32(r.below(2)) << 21 | UInt32(r.below(2)) << 15 | ra << 10
            case 4:     // compare
                word = 0x1E20_2000 | UInt32(r.pick([0, 8, 16, 24]))
                hasRd = false
            case 5:     // conditional compare / select
                word = r.below(2) == 0 ? 0x1E20_0400 | cond << 12 | UInt32(r.below(32)) :
                                         0x1E20_0C00 | cond << 12
                hasRd = word & 0x0C00 == 0x0C00
            case 6:     // FMOV immediate
                word = 0x1E20_1000 | UInt32(r.below(256)) << 13
                word |= ftype << 22 | rd
                cases.append(make(&r, word, f))
                continue
            case 7, 8:  // FP <-> integer
                let sf = UInt32(r.below(2)) << 31
                let rmode = UInt32(r.pick([0, 0, 1, 2, 3]))
                word = sf | 0x1E20_0000 | rmode << 19 | UInt32(r.below(8)) << 16
                gprFields = true
            default:    // FP <-> fixed point
                let sf = UInt32(r.below(2)) << 31
                let op = UInt32(r.pick([0b00010, 0b00011, 0b11000, 0b11001]))
                word = sf | 0x1E00_0000 | op << 16 | UInt32(r.below(64)) << 10
                gprFields = true
            }
            word |= ftype << 22
            if gprFields {
                // Only the general-register side may be 31 (XZR); V31 is not part of the state.
                let opcode = (word >> 16) & 7
                let gprIsSource = opcode == 2 || opcode == 3 || opcode == 7
                let g = UInt32(r.pick([0, 1, 1, 31])), v = UInt32(r.below(2))
                word |= gprIsSource ? g << 5 | v : v << 5 | g
            } else {
                word |= rm << 16 | rn << 5 | (hasRd ? rd : 0)
            }
            cases.append(make(&r, word, f))
        }
        return cases
    }

    static func make(_ r: inout ScalarFPRandom, _ word: UInt32, _ f: FPFormat) -> ScalarFPOracle.Case {
        var v: [UInt64] = []
        for _ in 0..<4 {
            v.append(operand(&r, f))
            v.append(r.next())
        }
        // Integer operands: small, extreme or random.
        let ints: [UInt64] = [0, 1, 0xFFFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 0x7FFF_FFFF_FFFF_FFFF,
                              0x8000_0000, 0x7FFF_FFFF, 0xFFFF_FFFF, UInt64(r.below(1000)),
                              r.next(), r.next() >> UInt64(r.below(64)), 0x0020_0000_0000_0001]
        return ScalarFPOracle.Case(memory: false, word: word, v: v, x0: r.pick(ints), x1: r.pick(ints),
                                   fpcr: fpcr(&r), nzcv: UInt64(r.below(16)) << 28)
    }

    /// Load/store cases: the base register is X0 (pointing at the middle of a 256-byte buffer),
    /// X1 an index; offsets keep every access inside the buffer.
    static func memory(count: Int, seed: UInt64) -> [ScalarFPOracle.Case] {
        var r = ScalarFPRandom(state: seed)
        var cases: [ScalarFPOracle.Case] = []
        for _ in 0..<count {
            var x1 = UInt64(r.below(9))
            var word: UInt32
            let rt = UInt32(r.below(4))
            switch r.below(7) {
            case 0:   // LDR/STR unsigned offset
                let (size, opc) = r.pick([(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (2, 0), (2, 1),
                                          (3, 0), (3, 1), (1, 2), (3, 3)])
                let scale = opc >= 2 ? 4 : size
                word = UInt32(size) << 30 | 0x3D00_0000 | UInt32(opc) << 22 |
                    UInt32(r.below((96 >> scale) + 1)) << 10 | rt
            case 1:   // imm9: unscaled, post, pre (and the unprivileged slot, unallocated)
                let (size, opc) = r.pick([(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (2, 0), (2, 1),
                                          (3, 0), (3, 1)])
                let imm9 = UInt32(bitPattern: Int32(r.below(160)) - 80) & 0x1FF
                word = UInt32(size) << 30 | 0x3C00_0000 | UInt32(opc) << 22 | imm9 << 12 |
                    UInt32(r.below(4)) << 10 | rt
            case 2:   // register offset
                let (size, opc) = r.pick([(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (2, 0), (2, 1),
                                          (3, 0), (3, 1)])
                let option = UInt32(r.pick([2, 3, 6, 7, 0, 2, 3, 6, 7]))
                if option == 6 { x1 = 0xDEAD_BEEF_0000_0000 | UInt64(UInt32(bitPattern: Int32(r.below(9)) - 4)) }
                if option == 7 || option == 3 { x1 = UInt64(bitPattern: Int64(r.below(9)) - 4) }
                word = UInt32(size) << 30 | 0x3C20_0800 | UInt32(opc) << 22 | 1 << 16 | option << 13 |
                    UInt32(r.below(2)) << 12 | rt
            case 3:   // pairs
                let opc = UInt32(r.pick([0, 1, 2, 3]))
                let imm7 = UInt32(bitPattern: Int32(r.below(8)) - 4) & 0x7F
                word = opc << 30 | 0x2C00_0000 | UInt32(r.below(4)) << 23 | UInt32(r.below(2)) << 22 |
                    imm7 << 15 | UInt32(r.below(4)) << 10 | rt
            case 4:   // multiple structures
                let opcode = UInt32(r.pick([0b0000, 0b0010, 0b0100, 0b0110, 0b0111, 0b1000, 0b1010, 0b0001]))
                let regs: UInt32 = [0: 4, 2: 4, 4: 3, 6: 3, 7: 1, 8: 2, 10: 2][opcode] ?? 1
                let post = r.below(2) == 0
                word = UInt32(r.below(2)) << 30 | 0x0C00_0000 | UInt32(r.below(2)) << 22 | opcode << 12 |
                    UInt32(r.below(4)) << 10 | UInt32(r.below(Int(5 - regs)))
                if post { word |= 1 << 23 | UInt32(r.pick([1, 31])) << 16 }
            case 5:   // single structure and replicate
                let opcode = UInt32(r.below(8))
                let rbit = UInt32(r.below(2))
                let selem = ((opcode & 1) << 1 | rbit) + 1
                let post = r.below(2) == 0
                word = UInt32(r.below(2)) << 30 | 0x0D00_0000 | UInt32(r.below(2)) << 22 | rbit << 21 |
                    opcode << 13 | UInt32(r.below(2)) << 12 | UInt32(r.below(4)) << 10 |
                    UInt32(r.below(Int(5 - selem)))
                if post { word |= 1 << 23 | UInt32(r.pick([1, 31])) << 16 }
            default:  // LDR/STR register offset with a negative SXTX index, and unallocated opc
                word = 0x3C60_0800 | 1 << 16 | 7 << 13 | UInt32(r.below(2)) << 12 | rt
                x1 = UInt64(bitPattern: -Int64(r.below(8)))
            }
            var v: [UInt64] = []
            for _ in 0..<8 { v.append(r.next()) }
            cases.append(ScalarFPOracle.Case(memory: true, word: word | 0 << 5, v: v, x0: 0, x1: x1,
                                             fpcr: 0, nzcv: 0))
        }
        return cases
    }
}

final class ScalarFPOracleTests: XCTestCase {
    private func check(_ cases: [ScalarFPOracle.Case], _ what: String) throws {
        let (mismatches, report) = try ScalarFPOracle.compare(cases)
        XCTAssertEqual(mismatches, 0, "\(what): \(mismatches) of \(cases.count) cases differ from qemu:\n" +
                       report.joined(separator: "\n"))
    }

    func testScalarFPMatchesQemu() throws {
        // FERRY_SCALARFP_CASES / FERRY_SCALARFP_SEED widen a local run.
        let env = ProcessInfo.processInfo.environment
        let count = env["FERRY_SCALARFP_CASES"].flatMap { Int($0) } ?? 20000
        let seed = env["FERRY_SCALARFP_SEED"].flatMap { UInt64($0) } ?? 0x5CA1_AB1E
        try check(ScalarFPCases.scalar(count: count, seed: seed), "scalar FP")
    }

    func testFPSIMDLoadStoreMatchesQemu() throws {
        try check(ScalarFPCases.memory(count: 6000, seed: 0x10AD_5703), "FP/SIMD load/store")
    }
}
