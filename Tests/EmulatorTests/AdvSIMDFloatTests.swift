import XCTest
@testable import Emulator

/// Floating-point AdvSIMD instructions checked against qemu-aarch64 (see AdvSIMDHarnessTests.swift),
/// with special values (NaNs, infinities, denormals, limits) and random FPCR modes.
final class AdvSIMDFloatTests: XCTestCase {
    static let fp = ["2s", "4s", "2d"]

    func testThreeSame() throws {
        var cases: [String] = []
        for op in ["fadd", "fsub", "fmul", "fdiv", "fmla", "fmls", "fmax", "fmin", "fmaxnm", "fminnm", "fmaxp",
                   "fminp", "fmaxnmp", "fminnmp", "faddp", "fabd", "fmulx", "fcmeq", "fcmge", "fcmgt", "facge",
                   "facgt", "frecps", "frsqrts"] {
            cases += Self.fp.map { "\(op) v0.\($0), v1.\($0), v2.\($0)" }
        }
        for op in ["fabd", "fmulx", "fcmeq", "fcmge", "fcmgt", "facge", "facgt", "frecps", "frsqrts"] {
            cases += ["\(op) s0, s1, s2", "\(op) d0, d1, d2"]
        }
        cases += ["fmla v1.4s, v1.4s, v1.4s", "fadd v2.2d, v2.2d, v1.2d"]
        try AdvSIMDOracle.check(cases, variants: AdvSIMDOracle.floatVariants)
    }

    func testTwoRegMisc() throws {
        var cases: [String] = []
        for op in ["fabs", "fneg", "fsqrt", "frintn", "frintp", "frintm", "frintz", "frinta", "frintx", "frinti",
                   "fcvtns", "fcvtps", "fcvtms", "fcvtzs", "fcvtas", "fcvtnu", "fcvtpu", "fcvtmu", "fcvtzu", "fcvtau",
                   "scvtf", "ucvtf", "frecpe", "frsqrte"] {
            cases += Self.fp.map { "\(op) v0.\($0), v1.\($0)" }
        }
        for op in ["fcmeq", "fcmge", "fcmgt", "fcmle", "fcmlt"] {
            cases += Self.fp.map { "\(op) v0.\($0), v1.\($0), #0.0" }
            cases += ["\(op) s0, s1, #0.0", "\(op) d0, d1, #0.0"]
        }
        for op in ["fcvtns", "fcvtps", "fcvtms", "fcvtzs", "fcvtas", "fcvtnu", "fcvtpu", "fcvtmu", "fcvtzu", "fcvtau",
                   "scvtf", "ucvtf", "frecpe", "frsqrte", "frecpx"] {
            cases += ["\(op) s0, s1", "\(op) d0, d1"]
        }
        cases += ["fcvtn v0.2s, v1.2d", "fcvtn2 v0.4s, v1.2d", "fcvtn v0.4h, v1.4s", "fcvtn2 v0.8h, v1.4s",
                  "fcvtl v0.2d, v1.2s", "fcvtl2 v0.2d, v1.4s", "fcvtl v0.4s, v1.4h", "fcvtl2 v0.4s, v1.8h",
                  "fcvtxn v0.2s, v1.2d", "fcvtxn2 v0.4s, v1.2d", "fcvtxn s0, d1"]
        try AdvSIMDOracle.check(cases, variants: AdvSIMDOracle.floatVariants)
    }

    func testFixedPointAcrossAndByElement() throws {
        var cases: [String] = []
        for op in ["scvtf", "ucvtf", "fcvtzs", "fcvtzu"] {
            cases += ["\(op) v0.2s, v1.2s, #1", "\(op) v0.4s, v1.4s, #16", "\(op) v0.4s, v1.4s, #32",
                      "\(op) v0.2d, v1.2d, #1", "\(op) v0.2d, v1.2d, #64", "\(op) s0, s1, #7", "\(op) d0, d1, #52"]
        }
        for op in ["fmaxv", "fminv", "fmaxnmv", "fminnmv"] { cases.append("\(op) s0, v1.4s") }
        for op in ["faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp"] { cases += ["\(op) s0, v1.2s", "\(op) d0, v1.2d"] }
        for op in ["fmla", "fmls", "fmul", "fmulx"] {
            cases += ["\(op) v0.2s, v1.2s, v2.s[1]", "\(op) v0.4s, v1.4s, v31.s[3]", "\(op) v0.2d, v1.2d, v2.d[1]",
                      "\(op) s0, s1, v2.s[2]", "\(op) d0, d1, v2.d[0]"]
        }
        try AdvSIMDOracle.check(cases, variants: AdvSIMDOracle.floatVariants)
    }

    /// FP16 lanes (FEAT_FP16 encodings) and FRINT32/64 (FEAT_FRINTTS).
    func testHalfPrecisionAndFrintN() throws {
        var cases: [String] = []
        for op in ["fadd", "fsub", "fmul", "fdiv", "fmla", "fmls", "fmax", "fmin", "fmaxnm", "fminnm", "fmaxp",
                   "fminp", "fmaxnmp", "fminnmp", "faddp", "fabd", "fmulx", "fcmeq", "fcmge", "fcmgt", "facge",
                   "facgt", "frecps", "frsqrts"] {
            cases += ["\(op) v0.4h, v1.4h, v2.4h", "\(op) v0.8h, v1.8h, v2.8h"]
        }
        for op in ["fabd", "fmulx", "fcmeq", "fcmge", "fcmgt", "facge", "facgt", "frecps", "frsqrts"] {
            cases.append("\(op) h0, h1, h2")
        }
        for op in ["fabs", "fneg", "fsqrt", "frintn", "frintp", "frintm", "frintz", "frinta", "frintx", "frinti",
                   "fcvtns", "fcvtzs", "fcvtau", "fcvtmu", "scvtf", "ucvtf", "frecpe", "frsqrte"] {
            cases += ["\(op) v0.4h, v1.4h", "\(op) v0.8h, v1.8h"]
        }
        for op in ["fcvtns", "fcvtzu", "scvtf", "ucvtf", "frecpe", "frsqrte", "frecpx"] { cases.append("\(op) h0, h1") }
        for op in ["fcmeq", "fcmge", "fcmgt", "fcmle", "fcmlt"] { cases += ["\(op) v0.8h, v1.8h, #0.0", "\(op) h0, h1, #0.0"] }
        for op in ["scvtf", "ucvtf", "fcvtzs", "fcvtzu"] { cases += ["\(op) v0.4h, v1.4h, #3", "\(op) v0.8h, v1.8h, #16"] }
        // Not "fcvtzs h0, h1, #n": qemu 7.2 writes a negative result sign-extended to 32 bits, while
        // the Arm ARM writes a 16-bit element and zeroes the rest (ferry follows the Arm ARM).
        cases += ["scvtf h0, h1, #9", "ucvtf h0, h1, #1", "fcvtzu h0, h1, #9"]
        for op in ["fmaxv", "fminv", "fmaxnmv", "fminnmv"] { cases += ["\(op) h0, v1.4h", "\(op) h0, v1.8h"] }
        for op in ["faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp"] { cases.append("\(op) h0, v1.2h") }
        for op in ["fmla", "fmls", "fmul", "fmulx"] {
            cases += ["\(op) v0.4h, v1.4h, v2.h[7]", "\(op) v0.8h, v1.8h, v15.h[2]", "\(op) h0, h1, v2.h[5]"]
        }
        cases += ["fmov v0.4h, #1.5", "fmov v0.8h, #-31.0"]
        for op in ["frint32z", "frint32x", "frint64z", "frint64x"] { cases += Self.fp.map { "\(op) v0.\($0), v1.\($0)" } }
        try AdvSIMDOracle.check(cases, variants: AdvSIMDOracle.floatVariants)
    }
}
