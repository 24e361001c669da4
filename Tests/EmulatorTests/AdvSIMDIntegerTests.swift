import XCTest
@testable import Emulator

/// Integer AdvSIMD instructions checked against qemu-aarch64 (see AdvSIMDHarnessTests.swift).
final class AdvSIMDIntegerTests: XCTestCase {
    static let all = ["8b", "16b", "4h", "8h", "2s", "4s", "2d"]
    static let noD = ["8b", "16b", "4h", "8h", "2s", "4s"]
    static let hs = ["4h", "8h", "2s", "4s"]

    static func three(_ ops: [String], _ arrangements: [String]) -> [String] {
        ops.flatMap { op in arrangements.map { t in "\(op) v0.\(t), v1.\(t), v2.\(t)" } }
    }
    static func two(_ ops: [String], _ arrangements: [String]) -> [String] {
        ops.flatMap { op in arrangements.map { t in "\(op) v0.\(t), v1.\(t)" } }
    }

    func testThreeSame() throws {
        var cases = Self.three(["add", "sub", "cmeq", "cmge", "cmgt", "cmhi", "cmhs", "cmtst", "sqadd", "uqadd",
                                "sqsub", "uqsub", "sshl", "ushl", "sqshl", "uqshl", "srshl", "urshl", "sqrshl",
                                "uqrshl", "addp"], Self.all)
        cases += Self.three(["mul", "mla", "mls", "shadd", "uhadd", "srhadd", "urhadd", "shsub", "uhsub", "smax",
                             "smin", "umax", "umin", "smaxp", "sminp", "umaxp", "uminp", "sabd", "uabd", "saba",
                             "uaba"], Self.noD)
        cases += Self.three(["sqdmulh", "sqrdmulh"], Self.hs)
        cases += Self.three(["pmul"], ["8b", "16b"])
        cases += Self.three(["and", "bic", "orr", "orn", "eor", "bsl", "bit", "bif"], ["8b", "16b"])
        cases += ["add v3.16b, v3.16b, v3.16b", "cmeq v1.16b, v1.16b, v2.16b", "addp v2.16b, v1.16b, v2.16b",
                  "umaxp v1.4s, v1.4s, v1.4s"]
        // Scalar forms.
        for op in ["add", "sub", "cmeq", "cmge", "cmgt", "cmhi", "cmhs", "cmtst", "sshl", "ushl", "srshl", "urshl"] {
            cases.append("\(op) d0, d1, d2")
        }
        for op in ["sqadd", "uqadd", "sqsub", "uqsub", "sqshl", "uqshl", "sqrshl", "uqrshl"] {
            for r in ["b", "h", "s", "d"] { cases.append("\(op) \(r)0, \(r)1, \(r)2") }
        }
        for op in ["sqdmulh", "sqrdmulh"] { for r in ["h", "s"] { cases.append("\(op) \(r)0, \(r)1, \(r)2") } }
        try AdvSIMDOracle.check(cases, variants: AdvSIMDOracle.integerVariants)
    }

    func testThreeDifferent() throws {
        var cases: [String] = []
        let longs = [("8h", "8b", "16b"), ("4s", "4h", "8h"), ("2d", "2s", "4s")]
        for op in ["saddl", "uaddl", "ssubl", "usubl", "sabdl", "uabdl", "sabal", "uabal", "smlal", "umlal",
                   "smlsl", "umlsl", "smull", "umull"] {
            for (w, n, n2) in longs {
                cases.append("\(op) v0.\(w), v1.\(n), v2.\(n)")
                cases.append("\(op)2 v0.\(w), v1.\(n2), v2.\(n2)")
            }
        }
        for op in ["saddw", "uaddw", "ssubw", "usubw"] {
            for (w, n, n2) in longs {
                cases.append("\(op) v0.\(w), v1.\(w), v2.\(n)")
                cases.append("\(op)2 v0.\(w), v1.\(w), v2.\(n2)")
            }
        }
        for op in ["addhn", "subhn", "raddhn", "rsubhn"] {
            for (w, n, n2) in longs {
                cases.append("\(op) v0.\(n), v1.\(w), v2.\(w)")
                cases.append("\(op)2 v0.\(n2), v1.\(w), v2.\(w)")
            }
        }
        for op in ["sqdmull", "sqdmlal", "sqdmlsl"] {
            for (w, n, n2) in longs.dropFirst() {
                cases.append("\(op) v0.\(w), v1.\(n), v2.\(n)")
                cases.append("\(op)2 v0.\(w), v1.\(n2), v2.\(n2)")
            }
            cases.append("\(op) s0, h1, h2")
            cases.append("\(op) d0, s1, s2")
        }
        cases += ["pmull v0.8h, v1.8b, v2.8b", "pmull2 v0.8h, v1.16b, v2.16b",
                  "pmull v0.1q, v1.1d, v2.1d", "pmull2 v0.1q, v1.2d, v2.2d", "smull v1.2d, v1.2s, v1.2s"]
        try AdvSIMDOracle.check(cases, variants: AdvSIMDOracle.integerVariants)
    }

    func testTwoRegMisc() throws {
        var cases = Self.two(["rev64"], Self.noD) + Self.two(["rev32"], ["8b", "16b", "4h", "8h"])
            + Self.two(["rev16", "cnt", "not", "rbit"], ["8b", "16b"])
            + Self.two(["cls", "clz"], Self.noD)
            + Self.two(["abs", "neg", "sqabs", "sqneg", "suqadd", "usqadd"], Self.all)
        for op in ["cmgt", "cmeq", "cmlt", "cmge", "cmle"] {
            cases += Self.all.map { "\(op) v0.\($0), v1.\($0), #0" }
            cases.append("\(op) d0, d1, #0")
        }
        for op in ["saddlp", "uaddlp", "sadalp", "uadalp"] {
            for (w, n) in [("4h", "8b"), ("8h", "16b"), ("2s", "4h"), ("4s", "8h"), ("1d", "2s"), ("2d", "4s")] {
                cases.append("\(op) v0.\(w), v1.\(n)")
            }
        }
        for op in ["xtn", "sqxtn", "uqxtn", "sqxtun"] {
            for (n, n2, w) in [("8b", "16b", "8h"), ("4h", "8h", "4s"), ("2s", "4s", "2d")] {
                cases.append("\(op) v0.\(n), v1.\(w)")
                cases.append("\(op)2 v0.\(n2), v1.\(w)")
            }
        }
        for op in ["sqxtn", "uqxtn", "sqxtun"] { cases += ["\(op) b0, h1", "\(op) h0, s1", "\(op) s0, d1"] }
        cases += ["shll v0.8h, v1.8b, #8", "shll2 v0.8h, v1.16b, #8", "shll v0.4s, v1.4h, #16",
                  "shll2 v0.4s, v1.8h, #16", "shll v0.2d, v1.2s, #32", "shll2 v0.2d, v1.4s, #32"]
        cases += ["abs d0, d1", "neg d0, d1"]
        for op in ["sqabs", "sqneg", "suqadd", "usqadd"] { for r in ["b", "h", "s", "d"] { cases.append("\(op) \(r)0, \(r)1") } }
        try AdvSIMDOracle.check(cases, variants: AdvSIMDOracle.integerVariants)
    }

    func testShiftImmediate() throws {
        var cases: [String] = []
        let shifts: [(String, [Int])] = [("8b", [1, 3, 8]), ("16b", [1, 7, 8]), ("4h", [1, 9, 16]), ("8h", [2, 15, 16]),
                                         ("2s", [1, 17, 32]), ("4s", [5, 31, 32]), ("2d", [1, 40, 64])]
        for op in ["sshr", "ushr", "srshr", "urshr", "ssra", "usra", "srsra", "ursra", "sri"] {
            for (t, amounts) in shifts { for a in amounts { cases.append("\(op) v0.\(t), v1.\(t), #\(a)") } }
        }
        for op in ["shl", "sli", "sqshl", "uqshl", "sqshlu"] {
            for (t, amounts) in shifts { for a in amounts { cases.append("\(op) v0.\(t), v1.\(t), #\(a - 1)") } }
        }
        for op in ["sshr", "ushr", "srshr", "urshr", "ssra", "usra", "srsra", "ursra", "sri"] {
            cases += ["\(op) d0, d1, #1", "\(op) d0, d1, #37", "\(op) d0, d1, #64"]
        }
        for op in ["shl", "sli"] { cases += ["\(op) d0, d1, #0", "\(op) d0, d1, #63", "\(op) d0, d1, #13"] }
        for op in ["sqshl", "uqshl", "sqshlu"] {
            cases += ["\(op) b0, b1, #3", "\(op) h0, h1, #15", "\(op) s0, s1, #1", "\(op) d0, d1, #62"]
        }
        for op in ["shrn", "rshrn", "sqshrn", "sqrshrn", "uqshrn", "uqrshrn", "sqshrun", "sqrshrun"] {
            for (n, n2, w, amounts) in [("8b", "16b", "8h", [1, 8]), ("4h", "8h", "4s", [3, 16]), ("2s", "4s", "2d", [1, 32])] {
                for a in amounts {
                    cases.append("\(op) v0.\(n), v1.\(w), #\(a)")
                    cases.append("\(op)2 v0.\(n2), v1.\(w), #\(a)")
                }
            }
        }
        for op in ["sqshrn", "sqrshrn", "uqshrn", "uqrshrn", "sqshrun", "sqrshrun"] {
            cases += ["\(op) b0, h1, #3", "\(op) h0, s1, #16", "\(op) s0, d1, #1"]
        }
        for op in ["sshll", "ushll"] {
            for (w, n, n2, a) in [("8h", "8b", "16b", 3), ("4s", "4h", "8h", 15), ("2d", "2s", "4s", 0)] {
                cases.append("\(op) v0.\(w), v1.\(n), #\(a)")
                cases.append("\(op)2 v0.\(w), v1.\(n2), #\(a)")
            }
        }
        cases += ["sxtl v0.8h, v1.8b", "uxtl2 v0.2d, v1.4s"]
        try AdvSIMDOracle.check(cases, variants: AdvSIMDOracle.integerVariants)
    }

    func testMovesAndPermutes() throws {
        var cases = [
            "movi v0.16b, #0xab", "movi v0.8b, #0x7f", "movi v0.4h, #0x12, lsl #8", "movi v0.8h, #0x34",
            "movi v0.2s, #0x34, lsl #24", "movi v0.4s, #0x56, lsl #16", "movi v0.4s, #0x56, msl #8",
            "movi v0.2s, #0x9a, msl #16", "movi d0, #0xff00ff00ff00ff00", "movi v0.2d, #0xff0000ffff0000ff",
            "mvni v0.4s, #0x12, lsl #8", "mvni v0.4h, #0x12", "mvni v0.8h, #0x80, lsl #8", "mvni v0.2s, #0x45, msl #16",
            "orr v0.4s, #0x12, lsl #8", "orr v0.8h, #0x12", "orr v0.2s, #0xff, lsl #24", "orr v0.4h, #0x3, lsl #8",
            "bic v0.4s, #0x12, lsl #8", "bic v0.4h, #0x12, lsl #8", "bic v0.8h, #0xff", "bic v0.2s, #0x1",
            "fmov v0.4s, #1.5", "fmov v0.2d, #-0.125", "fmov v0.2s, #31.0", "fmov v0.2d, #0.25",
            "dup v0.16b, v1.b[5]", "dup v0.8b, v1.b[15]", "dup v0.8h, v1.h[7]", "dup v0.4s, v1.s[3]", "dup v0.2s, v1.s[0]",
            "dup v0.2d, v1.d[1]", "dup v0.8b, w1", "dup v0.16b, w1", "dup v0.4h, w1", "dup v0.8h, w2", "dup v0.2s, w1",
            "dup v0.4s, w1", "dup v0.2d, x1", "dup v0.2d, xzr",
            "ins v0.b[3], w1", "ins v0.h[5], w2", "ins v0.s[1], w3", "ins v0.d[1], x4", "ins v0.d[0], xzr",
            "mov v0.b[15], v1.b[0]", "mov v0.h[2], v1.h[7]", "mov v0.s[0], v1.s[3]", "mov v0.d[1], v1.d[0]",
            "mov v1.s[1], v1.s[2]",
            "umov w0, v1.b[9]", "umov w0, v1.h[3]", "umov w0, v1.s[2]", "umov x0, v1.d[1]", "smov w0, v1.b[3]",
            "smov x0, v1.b[15]", "smov w0, v1.h[1]", "smov x0, v1.h[5]", "smov x0, v1.s[3]",
            "dup b0, v1.b[7]", "mov h0, v1.h[3]", "mov s0, v1.s[2]", "mov d0, v1.d[1]",
            "ext v0.16b, v1.16b, v2.16b, #3", "ext v0.16b, v1.16b, v2.16b, #8", "ext v0.16b, v1.16b, v2.16b, #0",
            "ext v0.16b, v1.16b, v2.16b, #15", "ext v0.8b, v1.8b, v2.8b, #5", "ext v0.8b, v1.8b, v2.8b, #0",
            "ext v1.16b, v1.16b, v1.16b, #12",
            "tbl v0.16b, {v1.16b}, v2.16b", "tbl v0.8b, {v1.16b, v2.16b}, v3.8b",
            "tbl v0.16b, {v1.16b, v2.16b, v3.16b}, v4.16b", "tbl v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v5.16b",
            "tbl v0.16b, {v31.16b, v0.16b}, v2.16b", "tbx v0.16b, {v1.16b}, v2.16b", "tbx v0.8b, {v1.16b, v2.16b}, v3.8b",
            "tbx v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v0.16b", "tbl v2.16b, {v1.16b, v2.16b}, v2.16b",
        ]
        cases += Self.three(["zip1", "zip2", "uzp1", "uzp2", "trn1", "trn2"], Self.all)
        cases += ["zip1 v1.16b, v1.16b, v2.16b", "uzp2 v2.8h, v1.8h, v2.8h"]
        try AdvSIMDOracle.check(cases, variants: [0, 1])
    }

    func testAcrossLanesAndByElement() throws {
        var cases: [String] = []
        for op in ["addv", "smaxv", "sminv", "umaxv", "uminv"] {
            cases += ["\(op) b0, v1.8b", "\(op) b0, v1.16b", "\(op) h0, v1.4h", "\(op) h0, v1.8h", "\(op) s0, v1.4s"]
        }
        for op in ["saddlv", "uaddlv"] {
            cases += ["\(op) h0, v1.8b", "\(op) h0, v1.16b", "\(op) s0, v1.4h", "\(op) s0, v1.8h", "\(op) d0, v1.4s"]
        }
        cases.append("addp d0, v1.2d")
        for op in ["mul", "mla", "mls", "sqdmulh", "sqrdmulh"] {
            cases += ["\(op) v0.4h, v1.4h, v2.h[3]", "\(op) v0.8h, v1.8h, v15.h[7]", "\(op) v0.2s, v1.2s, v2.s[1]",
                      "\(op) v0.4s, v1.4s, v31.s[3]", "\(op) v0.4s, v1.4s, v2.s[0]"]
        }
        for op in ["smull", "umull", "smlal", "umlal", "smlsl", "umlsl", "sqdmull", "sqdmlal", "sqdmlsl"] {
            cases += ["\(op) v0.4s, v1.4h, v2.h[2]", "\(op)2 v0.4s, v1.8h, v9.h[6]", "\(op) v0.2d, v1.2s, v2.s[3]",
                      "\(op)2 v0.2d, v1.4s, v20.s[1]"]
        }
        for op in ["sqdmulh", "sqrdmulh"] { cases += ["\(op) h0, h1, v2.h[3]", "\(op) s0, s1, v2.s[1]"] }
        for op in ["sqdmull", "sqdmlal", "sqdmlsl"] { cases += ["\(op) s0, h1, v2.h[7]", "\(op) d0, s1, v2.s[3]"] }
        try AdvSIMDOracle.check(cases, variants: AdvSIMDOracle.integerVariants)
    }

    func testCrypto() throws {
        try AdvSIMDOracle.check(["aese v0.16b, v1.16b", "aesd v0.16b, v1.16b", "aesmc v0.16b, v1.16b",
                                 "aesimc v0.16b, v1.16b", "aesmc v1.16b, v1.16b",
                                 "sha1c q0, s1, v2.4s", "sha1p q0, s1, v2.4s", "sha1m q0, s1, v2.4s",
                                 "sha1su0 v0.4s, v1.4s, v2.4s", "sha256h q0, q1, v2.4s", "sha256h2 q0, q1, v2.4s",
                                 "sha256su1 v0.4s, v1.4s, v2.4s", "sha1h s0, s1", "sha1su1 v0.4s, v1.4s",
                                 "sha256su0 v0.4s, v1.4s", "sha256h q2, q1, v2.4s", "sha1c q1, s1, v1.4s"], variants: [0, 1])
    }
}
