import Foundation
import XCTest
@testable import Emulator

/// The shared FP helpers that only AdvSIMD instructions reach (FMULX, FRECPS, FRSQRTS, FRECPE,
/// FRSQRTE, FRECPX, FCMEQ/GE/GT), checked against qemu through their AdvSIMD scalar forms:
/// qemu runs the instruction, Ferry calls the helper directly, so these tests do not depend on
/// the AdvSIMD decoder. Encodings are the assembler's (aarch64-linux-gnu-as, +fp16).
final class ScalarFPHelperTests: XCTestCase {
    enum Op { case mulX, recipStep, rsqrtStep, recipEstimate, rsqrtEstimate, recpX, eq, ge, gt }

    /// Base word (registers zero), operation and format.
    static let forms: [(UInt32, Op, FPFormat)] = [
        (0x5EA1_D800, .recipEstimate, .single), (0x5EE1_D800, .recipEstimate, .double),
        (0x5EF9_D800, .recipEstimate, .half),
        (0x7EA1_D800, .rsqrtEstimate, .single), (0x7EE1_D800, .rsqrtEstimate, .double),
        (0x7EF9_D800, .rsqrtEstimate, .half),
        (0x5EA1_F800, .recpX, .single), (0x5EE1_F800, .recpX, .double), (0x5EF9_F800, .recpX, .half),
        (0x5E20_DC00, .mulX, .single), (0x5E60_DC00, .mulX, .double), (0x5E40_1C00, .mulX, .half),
        (0x5E20_FC00, .recipStep, .single), (0x5E60_FC00, .recipStep, .double),
        (0x5E40_3C00, .recipStep, .half),
        (0x5EA0_FC00, .rsqrtStep, .single), (0x5EE0_FC00, .rsqrtStep, .double),
        (0x5EC0_3C00, .rsqrtStep, .half),
        (0x5E20_E400, .eq, .single), (0x7E20_E400, .ge, .single), (0x7EA0_E400, .gt, .single),
        (0x5E60_E400, .eq, .double), (0x7E60_E400, .ge, .double), (0x7EE0_E400, .gt, .double),
        (0x5E40_2400, .eq, .half), (0x7E40_2400, .ge, .half), (0x7EC0_2400, .gt, .half),
    ]

    func testSharedHelpersMatchQemu() throws {
        let env = ProcessInfo.processInfo.environment
        var r = ScalarFPRandom(state: env["FERRY_SCALARFP_SEED"].flatMap { UInt64($0) } ?? 0xF00D)
        var cases: [ScalarFPOracle.Case] = []
        var table: [UInt32: (Op, FPFormat)] = [:]
        for _ in 0..<(env["FERRY_SCALARFP_CASES"].flatMap { Int($0) } ?? 20000) {
            let (base, op, f) = r.pick(Self.forms)
            let oneSource = op == .recipEstimate || op == .rsqrtEstimate || op == .recpX
            let rm = oneSource ? 0 : UInt32(r.below(4)) << 16     // one-source: bits 20:16 are opcode
            let word = base | rm | UInt32(r.below(4)) << 5 | UInt32(r.below(4))
            table[word & 0xFFFF_FC00] = (op, f)
            var c = ScalarFPCases.make(&r, word, f)
            c.memory = false
            cases.append(c)
        }
        let (mismatches, report) = try ScalarFPOracle.compare(cases) { cpu, word in
            guard let (op, f) = table[word & 0xFFFF_FC00] else { return false }
            let a = cpu.readFP(Int(word >> 5) & 31, f), b = cpu.readFP(Int(word >> 16) & 31, f)
            var fpsr = cpu.fpsr
            let fpcr = cpu.fpcr
            let ones = f.valueMask
            let result: UInt64
            switch op {
            case .mulX: result = fpMulX(a, b, f, fpcr, &fpsr)
            case .recipStep: result = fpRecipStep(a, b, f, fpcr, &fpsr)
            case .rsqrtStep: result = fpRSqrtStep(a, b, f, fpcr, &fpsr)
            case .recipEstimate: result = fpRecipEstimate(a, f, fpcr, &fpsr)
            case .rsqrtEstimate: result = fpRSqrtEstimate(a, f, fpcr, &fpsr)
            case .recpX: result = fpRecpX(a, f, fpcr, &fpsr)
            case .eq: result = fpCompareEQ(a, b, f, fpcr, &fpsr) ? ones : 0
            case .ge: result = fpCompareGE(a, b, f, fpcr, &fpsr) ? ones : 0
            case .gt: result = fpCompareGT(a, b, f, fpcr, &fpsr) ? ones : 0
            }
            cpu.fpsr = fpsr
            cpu.writeFP(Int(word & 31), result)
            return true
        }
        XCTAssertEqual(mismatches, 0, "\(mismatches) of \(cases.count) helper cases differ from qemu:\n" +
                       report.joined(separator: "\n"))
    }
}
