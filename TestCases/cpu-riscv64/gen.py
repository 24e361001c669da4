"""Generates riscv64 instruction sequences for the differential test, as one assembly program per
chunk: each sequence loads a random register state, runs its instructions and writes a dump
(x0-x31, f0-f31, fcsr, then the 256-byte scratch memory) to stdout with write(2)."""
import random
import struct

CLASSES = ["int", "muldiv", "mem", "branch", "atomic", "fp_s", "fp_d", "fcvt", "fma", "compressed", "csr"]
DUMP_BYTES = 32 * 8 + 32 * 8 + 8 + 256
# x2 (sp) holds the dump buffer and x3 (gp) the scratch memory: no sequence writes them.
FREE = [r for r in range(32) if r not in (2, 3)]
PRIME = list(range(8, 16))

EDGE64 = [0, 1, 2, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0xFFFFFFFFFFFFFFFF, 0x7FFFFFFF, 0x80000000,
          0xFFFFFFFF, 0xFFFFFFFF80000000, 0x100000000, 63, 64, 31, 32, 0xFFFFFFFFFFFFFFFE]


def rand64(rng):
    k = rng.random()
    if k < 0.3:
        return rng.choice(EDGE64)
    if k < 0.5:
        return rng.getrandbits(12) if rng.random() < 0.5 else (-rng.getrandbits(12)) & (2**64 - 1)
    if k < 0.6:
        v = rng.getrandbits(32)
        return v | 0xFFFFFFFF00000000 if v & 0x80000000 else v
    return rng.getrandbits(64)


def d2b(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


def s2b(v):
    return struct.unpack("<I", struct.pack("<f", v))[0]


DOUBLE_BITS = [d2b(v) for v in (0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 3.0, 1e300, -1e300, 1e-300, 2.0**63,
                                -(2.0**63), 2.0**64, 2.0**31, -(2.0**31), 2.0**32, 4294967295.5, -0.5, 0.1,
                                float("inf"), float("-inf"))] + \
    [0x7FF8000000000000, 0x7FF0000000000001, 0xFFF8000000000001, 0x0000000000000001, 0x000FFFFFFFFFFFFF,
     0x7FEFFFFFFFFFFFFF, 0x0010000000000000]
SINGLE_BITS = [s2b(v) for v in (0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 3.0, 1e30, -1e30, 1e-30, 2.0**31,
                                -(2.0**31), 2.0**32, 2.0**63, 2.0**64, -0.5, 0.1, float("inf"), float("-inf"))] + \
    [0x7FC00000, 0x7F800001, 0xFFC00001, 0x00000001, 0x007FFFFF, 0x7F7FFFFF, 0x00800000]


def rand_double(rng):
    k = rng.random()
    if k < 0.45:
        return rng.choice(DOUBLE_BITS)
    if k < 0.75:
        return d2b(rng.uniform(-1000, 1000) * (10.0 ** rng.randint(-5, 5)))
    if k < 0.85:
        return d2b(float(rng.randint(-2**40, 2**40)) + rng.choice((0.0, 0.5, 0.25, 0.75)))
    return rng.getrandbits(64)


def rand_single_bits(rng):
    k = rng.random()
    if k < 0.45:
        return rng.choice(SINGLE_BITS)
    if k < 0.8:
        return s2b(rng.uniform(-1000, 1000) * (10.0 ** rng.randint(-3, 3)))
    if k < 0.9:
        return s2b(float(rng.randint(-2**20, 2**20)) + rng.choice((0.0, 0.5, 0.25, 0.75)))
    return rng.getrandbits(32)


def rand_freg_value(rng, cls):
    """A 64-bit f register: NaN-boxed singles for single-precision classes (sometimes improperly
    boxed, which must read as the canonical NaN), doubles otherwise."""
    if cls in ("fp_s",) or (cls in ("fcvt", "fma", "csr") and rng.random() < 0.5):
        if rng.random() < 0.05:
            return rng.getrandbits(64)
        return 0xFFFFFFFF00000000 | rand_single_bits(rng)
    return rand_double(rng)


def xr(rng, allow_zero=True):
    return "x%d" % rng.choice(FREE if allow_zero else FREE[1:])


def fr(rng):
    return "f%d" % rng.randrange(32)


def imm12(rng):
    return rng.choice([-2048, 2047, 0, 1, -1, rng.randint(-2048, 2047), rng.randint(-16, 16)])


RM_ARITH = ["rne", "rtz", "rdn", "rup", "rmm", "dyn"]
RM_TOINT = RM_ARITH


def tie_value(rng, fmt):
    """An (odd significand, exponent) pair whose value needs one bit more than the format keeps,
    so that rounding it is an exact tie; the pieces let callers build operands that produce it."""
    p = 24 if fmt == "s" else 53
    return rng.getrandbits(p - 1) | (1 << p) | 1, rng.randint(-30, 30)


def load_f(rng, fmt, reg, value):
    """Lines that put `value` (a Python float, exact in fmt) into f register `reg`."""
    tmp = xr(rng, allow_zero=False)
    bits = s2b(value) if fmt == "s" else d2b(value)
    return ["li %s, 0x%x" % (tmp, bits), "fmv.%s.x %s, %s" % ("w" if fmt == "s" else "d", reg, tmp)]


def tie_operands(rng, fmt, op):
    """Operand values for `op` whose exact result is halfway between two neighbours (or, for
    fdiv/fsqrt, which never give a normal tie, a subnormal halving that does)."""
    import math
    p = 24 if fmt == "s" else 53
    sign = rng.choice((1.0, -1.0))
    if op in ("fadd", "fsub"):
        m, e = tie_value(rng, fmt)
        a = sign * math.ldexp(m >> 1 << 1, e)        # the even p+1-bit part, representable
        b = sign * math.ldexp(1, e)                  # half an ulp of a
        return (a, -b if op == "fsub" else b)
    if op in ("fmul", "fma"):
        while True:  # two odd factors whose product has exactly p+1 bits
            x = rng.getrandbits(p // 2 + 1) | (1 << (p // 2)) | 1
            y = rng.getrandbits((p + 1) // 2) | (1 << ((p + 1) // 2 - 1)) | 1
            if (x * y).bit_length() == p + 1:
                return (sign * math.ldexp(x, rng.randint(-20, 0)), math.ldexp(y, rng.randint(-20, 0)))
    # fdiv/fsqrt: an odd multiple of the smallest subnormal divided by 2 (or 4).
    tiny = math.ldexp(1, -149 if fmt == "s" else -1074)
    return (sign * tiny * (2 * rng.randint(0, 1000) + 1), rng.choice((2.0, 4.0, -2.0)))


def fma_cancelling_tie(rng):
    """Doubles a, b, c with a*b needing ~106 bits and a*b + c exactly halfway between two doubles:
    c cancels the product's low bits, which Float80 (64 bits) cannot hold."""
    import math
    x = rng.getrandbits(52) | (1 << 52) | 1
    y = rng.getrandbits(52) | (1 << 52) | 1
    p = x * y
    k = p.bit_length() - 54                  # keep 54 bits: 53 plus the halfway bit
    high = (p >> k) | 1                      # odd 54-bit significand: an exact tie
    c = (high << k) - p                      # |c| < 2^(k+1) <= 2^53: exact in a double
    ex, ey = rng.randint(-40, 40), rng.randint(-40, 40)
    sign = rng.choice((1.0, -1.0))
    return (sign * math.ldexp(x, ex - 52), math.ldexp(y, ey - 52), sign * math.ldexp(c, ex + ey - 104))


def gen_int(rng):
    k = rng.random()
    if k < 0.4:
        op = rng.choice(["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
                         "addw", "subw", "sllw", "srlw", "sraw"])
        return ["%s %s, %s, %s" % (op, xr(rng), xr(rng), xr(rng))]
    if k < 0.75:
        op = rng.choice(["addi", "slti", "sltiu", "xori", "ori", "andi", "addiw"])
        return ["%s %s, %s, %d" % (op, xr(rng), xr(rng), imm12(rng))]
    if k < 0.9:
        op = rng.choice(["slli", "srli", "srai", "slliw", "srliw", "sraiw"])
        top = 31 if op.endswith("w") else 63
        return ["%s %s, %s, %d" % (op, xr(rng), xr(rng), rng.choice([0, 1, top, rng.randint(0, top)]))]
    op = rng.choice(["lui", "auipc"])
    return ["%s %s, 0x%x" % (op, xr(rng), rng.choice([0, 0xFFFFF, 0x80000, 0x7FFFF, rng.getrandbits(20)]))]


def gen_muldiv(rng):
    op = rng.choice(["mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
                     "mulw", "divw", "divuw", "remw", "remuw"])
    return ["%s %s, %s, %s" % (op, xr(rng), xr(rng), xr(rng))]


LOADS = [("lb", 1), ("lh", 2), ("lw", 4), ("ld", 8), ("lbu", 1), ("lhu", 2), ("lwu", 4)]
STORES = [("sb", 1), ("sh", 2), ("sw", 4), ("sd", 8)]


def gen_mem(rng):
    if rng.random() < 0.5:
        op, size = rng.choice(LOADS)
        return ["%s %s, %d(x3)" % (op, xr(rng), rng.randrange(0, 256 // size) * size)]
    if rng.random() < 0.8:
        op, size = rng.choice(STORES)
        return ["%s %s, %d(x3)" % (op, xr(rng), rng.randrange(0, 256 // size) * size)]
    op, size = rng.choice([("flw", 4), ("fld", 8), ("fsw", 4), ("fsd", 8)])
    return ["%s %s, %d(x3)" % (op, fr(rng), rng.randrange(0, 256 // size) * size)]


def gen_branch(rng):
    op = rng.choice(["beq", "bne", "blt", "bge", "bltu", "bgeu"])
    a, b = xr(rng), xr(rng)
    skipped = gen_int(rng)
    if rng.random() < 0.2:  # jal/jalr forms: link register written, target skips one instruction
        rd = xr(rng)
        if rng.random() < 0.5:
            return ["jal %s, 1f" % rd] + skipped + ["1:"]
        tmp = rng.choice([r for r in FREE if r != 0])
        return ["la x%d, 1f" % tmp, "jalr %s, 0(x%d)" % (rd, tmp)] + skipped + ["1:"]
    return ["%s %s, %s, 1f" % (op, a, b)] + skipped + ["1:"]


def gen_atomic(rng):
    width, size = rng.choice([("w", 4), ("d", 8)])
    addr = rng.choice([r for r in FREE if r != 0])
    off = rng.randrange(0, 256 // size) * size
    setup = "addi x%d, x3, %d" % (addr, off)
    order = rng.choice(["", ".aq", ".rl", ".aqrl"])
    if rng.random() < 0.3:
        rd1, rd2 = xr(rng), xr(rng)
        src = "x%d" % rng.choice([r for r in FREE if r != addr])
        seq = [setup, "lr.%s%s %s, (x%d)" % (width, order, rd1, addr)]
        if rng.random() < 0.3:  # a store to another address in between keeps the reservation
            seq.append("sb x0, %d(x3)" % ((off + 128) % 256))
        if rd1 == "x%d" % addr:
            seq.append("addi x%d, x3, %d" % (addr, off if rng.random() < 0.8 else (off + size) % 256))
        seq.append("sc.%s%s %s, %s, (x%d)" % (width, order, rd2, src, addr))
        return seq
    if rng.random() < 0.1:  # SC without a reservation fails
        return [setup, "sc.%s %s, %s, (x%d)" % (width, xr(rng), xr(rng), addr)]
    op = rng.choice(["amoswap", "amoadd", "amoxor", "amoand", "amoor", "amomin", "amomax", "amominu", "amomaxu"])
    return [setup, "%s.%s%s %s, %s, (x%d)" % (op, width, order, xr(rng), xr(rng), addr)]


def gen_fp(rng, fmt):
    k = rng.random()
    if k < 0.1:  # built to round an exact tie
        op = rng.choice(["fadd", "fsub", "fmul", "fdiv"])
        a, b = tie_operands(rng, fmt, op)
        ra, rb = fr(rng), fr(rng)
        return load_f(rng, fmt, ra, a) + load_f(rng, fmt, rb, b) + \
            ["%s.%s %s, %s, %s, %s" % (op, fmt, fr(rng), ra, rb, rng.choice(["rmm", "rne", "dyn"]))]
    if k < 0.35:
        op = rng.choice(["fadd", "fsub", "fmul", "fdiv"])
        return ["%s.%s %s, %s, %s, %s" % (op, fmt, fr(rng), fr(rng), fr(rng), rng.choice(RM_ARITH))]
    if k < 0.42:
        return ["fsqrt.%s %s, %s, %s" % (fmt, fr(rng), fr(rng), rng.choice(RM_ARITH))]
    if k < 0.6:
        op = rng.choice(["fsgnj", "fsgnjn", "fsgnjx", "fmin", "fmax"])
        return ["%s.%s %s, %s, %s" % (op, fmt, fr(rng), fr(rng), fr(rng))]
    if k < 0.8:
        op = rng.choice(["feq", "flt", "fle"])
        return ["%s.%s %s, %s, %s" % (op, fmt, xr(rng), fr(rng), fr(rng))]
    if k < 0.9:
        return ["fclass.%s %s, %s" % (fmt, xr(rng), fr(rng))]
    if fmt == "s":
        return [rng.choice(["fmv.x.w %s, %s" % (xr(rng), fr(rng)), "fmv.w.x %s, %s" % (fr(rng), xr(rng))])]
    return [rng.choice(["fmv.x.d %s, %s" % (xr(rng), fr(rng)), "fmv.d.x %s, %s" % (fr(rng), xr(rng))])]


def gen_fcvt(rng):
    fmt = rng.choice(["s", "d"])
    k = rng.random()
    if k < 0.5:
        it = rng.choice(["w", "wu", "l", "lu"])
        return ["fcvt.%s.%s %s, %s, %s" % (it, fmt, xr(rng), fr(rng), rng.choice(RM_TOINT))]
    if k < 0.6:  # an integer whose dropped low bits are exactly one half (0b1000...)
        it = rng.choice(["w", "wu", "l", "lu"] if fmt == "s" else ["l", "lu"])
        width = 32 if it in ("w", "wu") else 64
        p = 24 if fmt == "s" else 53
        length = rng.randint(p + 1, width)
        shift = length - p
        v = ((rng.getrandbits(p - 1) | (1 << (p - 1))) << shift) | (1 << (shift - 1))
        if not it.endswith("u") and (length == width or rng.random() < 0.5):
            v = (-(v >> 1) if length == width else -v) & (2**64 - 1)
        tmp = xr(rng, allow_zero=False)
        return ["li %s, 0x%x" % (tmp, v),
                "fcvt.%s.%s %s, %s, %s" % (fmt, it, fr(rng), tmp, rng.choice(["rmm", "rne", "dyn"]))]
    if k < 0.85:
        it = rng.choice(["w", "wu", "l", "lu"])
        if fmt == "d" and it in ("w", "wu"):  # exact: no rounding-mode operand
            return ["fcvt.d.%s %s, %s" % (it, fr(rng), xr(rng))]
        return ["fcvt.%s.%s %s, %s, %s" % (fmt, it, fr(rng), xr(rng), rng.choice(RM_ARITH))]
    if fmt == "s" and rng.random() < 0.3:  # a double with 25 significant bits: a tie in single
        import math
        m, e = tie_value(rng, "s")
        reg = fr(rng)
        return load_f(rng, "d", reg, rng.choice((1.0, -1.0)) * math.ldexp(m, e)) + \
            ["fcvt.s.d %s, %s, %s" % (fr(rng), reg, rng.choice(["rmm", "rne", "dyn"]))]
    if fmt == "s":
        return ["fcvt.s.d %s, %s, %s" % (fr(rng), fr(rng), rng.choice(RM_ARITH))]
    return ["fcvt.d.s %s, %s" % (fr(rng), fr(rng))]


def gen_fma(rng):
    op = rng.choice(["fmadd", "fmsub", "fnmsub", "fnmadd"])
    fmt = rng.choice(["s", "d"])
    modes = RM_ARITH
    if fmt == "d" and rng.random() < 0.15:  # a 106-bit product that an addend cancels to a tie
        a, b, c = fma_cancelling_tie(rng)
        ra, rb, rc = fr(rng), fr(rng), fr(rng)
        lines = load_f(rng, fmt, ra, a) + load_f(rng, fmt, rb, b) + load_f(rng, fmt, rc, c)
        if len({ra, rb, rc}) == 3:
            op = rng.choice(["fmadd", "fnmadd"])  # -(a*b+c) is a tie too
            return lines + ["%s.d %s, %s, %s, %s, %s" % (op, fr(rng), ra, rb, rc, rng.choice(["rmm", "rne", "dyn"]))]
    if rng.random() < 0.3:  # a halfway product plus zero, or x * 1 plus half an ulp
        import math
        if rng.random() < 0.5:
            a, b = tie_operands(rng, fmt, "fma")
            c = rng.choice((0.0, -0.0))
        else:
            a, c = tie_operands(rng, fmt, "fadd")
            b = 1.0
        ra, rb, rc = fr(rng), fr(rng), fr(rng)
        lines = load_f(rng, fmt, ra, a) + load_f(rng, fmt, rb, b) + load_f(rng, fmt, rc, c)
        if len({ra, rb, rc}) == 3:
            return lines + ["%s.%s %s, %s, %s, %s, %s" % (op, fmt, fr(rng), ra, rb, rc, rng.choice(["rmm", "rne"]))]
    return ["%s.%s %s, %s, %s, %s, %s" % (op, fmt, fr(rng), fr(rng), fr(rng), fr(rng), rng.choice(modes))]


def gen_compressed(rng):
    p = lambda: "x%d" % rng.choice(PRIME)
    nz = lambda: xr(rng, allow_zero=False)
    nzimm6 = lambda: rng.choice([i for i in range(-32, 32) if i != 0])
    forms = [
        lambda: "c.addi %s, %d" % (nz(), nzimm6()),
        lambda: "c.addiw %s, %d" % (nz(), rng.randint(-32, 31)),
        lambda: "c.li %s, %d" % (nz(), rng.randint(-32, 31)),
        lambda: "c.lui %s, %d" % (nz(), rng.choice([i for i in list(range(1, 32)) + list(range(0xFFFE0, 0x100000))])),
        lambda: "c.srli %s, %d" % (p(), rng.randint(1, 63)),
        lambda: "c.srai %s, %d" % (p(), rng.randint(1, 63)),
        lambda: "c.andi %s, %d" % (p(), rng.randint(-32, 31)),
        lambda: "c.slli %s, %d" % (nz(), rng.randint(1, 63)),
        lambda: "c.mv %s, %s" % (nz(), nz()),
        lambda: "c.add %s, %s" % (nz(), nz()),
        lambda: "c.%s %s, %s" % (rng.choice(["sub", "xor", "or", "and", "subw", "addw"]), p(), p()),
        lambda: "c.lw %s, %d(%s)" % (p(), rng.randrange(0, 32) * 4, "x3") if False else None,
    ]
    k = rng.random()
    if k < 0.75:
        while True:
            s = rng.choice(forms)()
            if s:
                return [s]
    # Memory forms need a primed base register: copy the scratch pointer into one.
    base = rng.choice(PRIME)
    op, size, reg = rng.choice([("c.lw", 4, "x"), ("c.ld", 8, "x"), ("c.sw", 4, "x"), ("c.sd", 8, "x"),
                                ("c.fld", 8, "f"), ("c.fsd", 8, "f")])
    off = rng.randrange(0, min(256, 32 * size) // size) * size
    data = "%s%d" % (reg, rng.choice(PRIME))
    seq = ["c.mv x%d, x3" % base, "%s %s, %d(x%d)" % (op, data, off, base)]
    if k > 0.95:  # a compressed branch/jump over one instruction
        seq = [rng.choice(["c.beqz %s, 1f" % p(), "c.bnez %s, 1f" % p(), "c.j 1f"]), "c.addi %s, 1" % nz(), "1:"]
    return seq


CSRS = ["fflags", "frm", "fcsr"]


def gen_csr(rng):
    csr = rng.choice(CSRS)
    k = rng.random()
    if k < 0.5:
        op = rng.choice(["csrrw", "csrrs", "csrrc"])
        return ["%s %s, %s, %s" % (op, xr(rng), csr, xr(rng))]
    if k < 0.8:
        op = rng.choice(["csrrwi", "csrrsi", "csrrci"])
        return ["%s %s, %s, %d" % (op, xr(rng), csr, rng.randint(0, 31))]
    # An FP op whose flags accumulate, then a read.
    # (a static rounding mode: a CSR write may have left frm invalid, and dyn would then trap)
    op = gen_fp(rng, rng.choice(["s", "d"]))[0].replace(", dyn", ", rne")
    return [op, "csrr %s, fflags" % xr(rng)]


GENERATORS = {
    "int": gen_int, "muldiv": gen_muldiv, "mem": gen_mem, "branch": gen_branch, "atomic": gen_atomic,
    "fp_s": lambda r: gen_fp(r, "s"), "fp_d": lambda r: gen_fp(r, "d"), "fcvt": gen_fcvt, "fma": gen_fma,
    "compressed": gen_compressed, "csr": gen_csr,
}


def sequence(cls, seed, index):
    """(initial x values, f values, fcsr, scratch bytes, instruction lines) for one sequence."""
    rng = random.Random("%s|%s|%d" % (seed, cls, index))
    xs = [0] + [rand64(rng) for _ in range(31)]
    fs = [rand_freg_value(rng, cls) for _ in range(32)]
    # dynamic rounding mode RNE/RTZ/RDN/RUP/RMM, no flags
    fcsr = rng.randrange(0, 5) << 5
    scratch = bytes(rng.getrandbits(8) for _ in range(256))
    body = []
    for _ in range(rng.randint(1, 6)):
        body += GENERATORS[cls](rng)
    return xs, fs, fcsr, scratch, body


def program(cls, seed, first, count):
    """The assembly source of one guest binary running sequences first..first+count-1."""
    out = [".option norvc" if cls != "compressed" else ".option rvc", ".text", ".globl _start", "_start:",
           "  la sp, dump"]
    data = [".data", ".balign 8"]
    for n in range(first, first + count):
        xs, fs, fcsr, scratch, body = sequence(cls, seed, n)
        data.append("init_%d:" % n)
        data += ["  .dword 0x%x" % v for v in xs + fs + [fcsr]]
        data.append("scratch_init_%d:" % n)
        data.append("  .byte " + ",".join(str(b) for b in scratch))
        out += ["seq_%d:" % n,
                # copy this sequence's scratch bytes into the scratch area
                "  la t0, scratch_init_%d" % n, "  la t1, scratch", "  li t2, 32",
                "2: ld t3, 0(t0)", "  sd t3, 0(t1)", "  addi t0, t0, 8", "  addi t1, t1, 8", "  addi t2, t2, -1",
                "  bnez t2, 2b",
                "  la x31, init_%d" % n]
        out += ["  fld f%d, %d(x31)" % (i, 256 + 8 * i) for i in range(32)]
        out += ["  ld t0, 512(x31)", "  fscsr t0"]
        out += ["  ld x%d, %d(x31)" % (i, 8 * i) for i in range(1, 31) if i not in (2, 3)]
        out += ["  la x3, scratch", "  ld x31, 248(x31)"]
        out += ["  " + line if not line.endswith(":") else line for line in body]
        out += ["  sd x%d, %d(sp)" % (i, 8 * i) for i in range(32) if i != 2]
        out += ["  fsd f%d, %d(sp)" % (i, 256 + 8 * i) for i in range(32)]
        out += ["  frcsr t0", "  sd t0, 512(sp)",
                "  li a7, 64", "  li a0, 1", "  mv a1, sp", "  li a2, 520", "  ecall",
                "  li a7, 64", "  li a0, 1", "  la a1, scratch", "  li a2, 256", "  ecall"]
    out += ["  li a7, 93", "  li a0, 0", "  ecall"]
    bss = [".bss", ".balign 16", "dump: .space 528", "scratch: .space 256"]
    return "\n".join(out + data + bss) + "\n"
