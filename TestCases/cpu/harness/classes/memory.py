"""Loads and stores against the scratch buffer (X28 = base, SCRATCH_SIZE bytes): every
addressing mode (scaled and unscaled offsets, pre/post-index, register offset with each
extend), pairs, unprivileged forms, FP/SIMD registers and LD1-LD4/ST1-ST4 structures.
Every access stays inside the buffer; registers that would make a form UNPREDICTABLE
(writeback base = transfer register, LDP with Rt = Rt2) are never chosen."""
from ..state import SCRATCH_SIZE

NAME = "mem"
DESCRIPTION = "loads/stores: all addressing modes, pairs, FP/SIMD, LD1-4/ST1-4"
MAX_STEPS = 6

GPR_LOADS = [("ldrb", "w", 1), ("ldrh", "w", 2), ("ldr", "w", 4), ("ldr", "x", 8),
             ("ldrsb", "w", 1), ("ldrsb", "x", 1), ("ldrsh", "w", 2), ("ldrsh", "x", 2),
             ("ldrsw", "x", 4)]
GPR_STORES = [("strb", "w", 1), ("strh", "w", 2), ("str", "w", 4), ("str", "x", 8)]
FP_SIZES = [("b", 1), ("h", 2), ("s", 4), ("d", 8), ("q", 16)]
LOG2 = {1: 0, 2: 1, 4: 2, 8: 3, 16: 4}


def unscaled(op):
    """ldr -> ldur, ldrsb -> ldursb, strb -> sturb ..."""
    return op[:2] + "u" + op[2:]


def unpriv(op):
    return op[:2] + "t" + op[2:]


def base_reg(ctx, off, avoid=()):
    """A fresh base register set to X28 + off."""
    b = ctx.r(avoid=avoid)
    ctx.emit("add x%d, x28, #%d" % (b, off))
    return b


def aligned(ctx, size, lo=0, hi=SCRATCH_SIZE):
    """An offset in [lo, hi - size] that is a multiple of size."""
    return ctx.randint(lo // size, (hi - size) // size) * size


def step(ctx):
    kind = ctx.choice(("gpr", "gpr", "gpr", "pair", "pair", "fp", "fp", "fppair", "struct",
                       "lane"))
    {"gpr": gpr_access, "pair": gpr_pair, "fp": fp_access, "fppair": fp_pair,
     "struct": structure, "lane": lane}[kind](ctx)


def gpr_access(ctx):
    op, rk, size = ctx.choice(GPR_LOADS + GPR_STORES)
    t = ctx.r()
    treg = "%s%d" % (rk, t)
    if op.startswith("st") and ctx.chance(0.1):
        treg = rk + "zr"
    mode = ctx.choice(("uoff", "unscaled", "pre", "post", "reg", "unpriv"))
    address_mode(ctx, op, treg, t, size, mode)


def address_mode(ctx, op, treg, t, size, mode, fp=False):
    """Emit one access of `size` bytes in addressing mode `mode`; t is the GPR number of the
    transfer register (None for FP/SIMD registers) so writeback bases avoid it."""
    avoid = (t,) if t is not None else ()
    if mode == "uoff":
        ctx.emit("%s %s, [x28, #%d]" % (op, treg, aligned(ctx, size)))
    elif mode in ("unscaled", "unpriv"):
        if mode == "unpriv" and fp:
            mode = "unscaled"
        b = base_reg(ctx, 128, avoid)
        imm = ctx.randint(-128, 128 - size)
        name = unscaled(op) if mode == "unscaled" else unpriv(op)
        ctx.emit("%s %s, [x%d, #%d]" % (name, treg, b, imm))
    elif mode in ("pre", "post"):
        start = ctx.randint(0, SCRATCH_SIZE - size)
        # pre: access at start + imm; post: access at start, then base += imm.
        if mode == "pre":
            imm = ctx.randint(max(-256, -start), min(255, SCRATCH_SIZE - size - start))
        else:
            imm = ctx.randint(-256, 255)
        b = base_reg(ctx, start, avoid)
        if mode == "pre":
            ctx.emit("%s %s, [x%d, #%d]!" % (op, treg, b, imm))
        else:
            ctx.emit("%s %s, [x%d], #%d" % (op, treg, b, imm))
    else:  # register offset
        ext = ctx.choice(("lsl", "uxtw", "sxtw", "sxtx"))
        shift = ctx.choice((0, LOG2[size]))
        scale = 1 << shift
        i = ctx.r(avoid=avoid)
        if ext in ("sxtw", "sxtx") and ctx.chance(0.6):
            base = 128
            idx = ctx.randint(-128 // scale, (128 - size) // scale)
        else:
            base = 0
            idx = ctx.randint(0, (SCRATCH_SIZE - size) // scale)
        b = 28 if base == 0 else base_reg(ctx, base, avoid + (i,))
        ireg = ("w%d" if ext in ("uxtw", "sxtw") else "x%d") % i
        if idx >= 0:
            ctx.emit("mov x%d, #%d" % (i, idx))
        else:
            # garbage above bit 31 must be ignored by the W extends
            ctx.emit("mov x%d, #%d" % (i, idx) if ext == "sxtx" else "mov %s, #%d" % (ireg, idx))
            if ext == "sxtw" and ctx.chance(0.5):
                ctx.emit("movk x%d, #0x1234, lsl #48" % i)
        amount = (" #%d" % shift) if (shift or ext != "lsl") and (shift or ctx.chance(0.5)) else ""
        if ext == "lsl" and not shift:
            ctx.emit("%s %s, [x%d, x%d]" % (op, treg, b, i))
        else:
            ctx.emit("%s %s, [x%d, %s, %s%s]" % (op, treg, b, ireg, ext, amount))


def gpr_pair(ctx):
    op, rk, size = ctx.choice([("ldp", "w", 4), ("ldp", "x", 8), ("ldpsw", "x", 4),
                               ("stp", "w", 4), ("stp", "x", 8),
                               ("ldnp", "w", 4), ("ldnp", "x", 8), ("stnp", "w", 4), ("stnp", "x", 8)])
    t1 = ctx.r()
    t2 = ctx.r(avoid=(t1,))
    r1, r2 = "%s%d" % (rk, t1), "%s%d" % (rk, t2)
    modes = ("off",) if "n" in op else ("off", "pre", "post")
    pair_mode(ctx, op, r1, r2, (t1, t2), size, ctx.choice(modes))


def pair_mode(ctx, op, r1, r2, ts, size, mode):
    span = 2 * size
    if mode == "off":
        if ctx.chance(0.5):
            ctx.emit("%s %s, %s, [x28, #%d]" % (op, r1, r2, aligned(ctx, size, 0, SCRATCH_SIZE - size)))
            return
        b = base_reg(ctx, 128, ts)
        imm = ctx.randint(max(-64, -128 // size), (128 - span) // size) * size
        ctx.emit("%s %s, %s, [x%d, #%d]" % (op, r1, r2, b, imm))
        return
    start = aligned(ctx, size, 0, SCRATCH_SIZE - size)
    if mode == "pre":
        lo = max(-64, -(start // size))
        hi = min(63, (SCRATCH_SIZE - span - start) // size)
    else:
        lo, hi = -64, 63
        start = aligned(ctx, size, 0, SCRATCH_SIZE - size)
    imm = ctx.randint(lo, hi) * size
    b = base_reg(ctx, start, ts)
    if mode == "pre":
        ctx.emit("%s %s, %s, [x%d, #%d]!" % (op, r1, r2, b, imm))
    else:
        ctx.emit("%s %s, %s, [x%d], #%d" % (op, r1, r2, b, imm))


def fp_access(ctx):
    kind, size = ctx.choice(FP_SIZES)
    op = ctx.choice(("ldr", "str"))
    mode = ctx.choice(("uoff", "unscaled", "pre", "post", "reg"))
    address_mode(ctx, op, "%s%d" % (kind, ctx.v()), None, size, mode, fp=True)


def fp_pair(ctx):
    kind, size = ctx.choice(FP_SIZES[2:])
    op = ctx.choice(("ldp", "stp", "ldnp", "stnp"))
    a = ctx.v()
    b = ctx.v(avoid=(a,))
    modes = ("off",) if "n" in op else ("off", "pre", "post")
    pair_mode(ctx, op, "%s%d" % (kind, a), "%s%d" % (kind, b), (), size, ctx.choice(modes))


ARRS = [("8b", 8), ("16b", 16), ("4h", 8), ("8h", 16), ("2s", 8), ("4s", 16), ("1d", 8), ("2d", 16)]


def reglist(ctx, n, arr):
    first = ctx.v()
    return "{" + ", ".join("v%d.%s" % ((first + k) % 32, arr) for k in range(n)) + "}"


def structure(ctx):
    n = ctx.randint(1, 4)
    arrs = ARRS if n == 1 else [a for a in ARRS if a[0] != "1d"]
    if n > 1 and ctx.chance(0.0):
        pass
    arr, regbytes = ctx.choice(arrs)
    total = n * regbytes
    op = ("ld" if ctx.chance(0.5) else "st") + str(n if ctx.chance(0.5) else 1)
    if op[-1] == "1":
        n_regs = n  # LD1/ST1 take 1-4 registers
    else:
        n_regs = int(op[-1])
        total = n_regs * regbytes
    lst = reglist(ctx, n_regs, arr)
    start = ctx.randint(0, SCRATCH_SIZE - total)
    mode = ctx.choice(("plain", "plain", "postimm", "postreg"))
    b = base_reg(ctx, start)
    if mode == "plain":
        ctx.emit("%s %s, [x%d]" % (op, lst, b))
    elif mode == "postimm":
        ctx.emit("%s %s, [x%d], #%d" % (op, lst, b, total))
    else:
        i = ctx.r(avoid=(b,))
        ctx.emit("%s %s, [x%d], x%d" % (op, lst, b, i))


def lane(ctx):
    esz, size = ctx.choice((("b", 1), ("h", 2), ("s", 4), ("d", 8)))
    n = ctx.randint(1, 4)
    total = n * size
    if ctx.chance(0.3):  # load-and-replicate
        arr = ctx.choice([a for a, _ in ARRS if a[-1] == esz or (esz == "d" and a in ("1d", "2d"))])
        op = "ld%dr" % n
        lst = reglist(ctx, n, arr)
    else:
        op = ("ld" if ctx.chance(0.5) else "st") + str(n)
        idx = ctx.randint(0, 16 // size - 1)
        first = ctx.v()
        lst = "{" + ", ".join("v%d.%s" % ((first + k) % 32, esz) for k in range(n)) + "}[%d]" % idx
    start = ctx.randint(0, SCRATCH_SIZE - total)
    b = base_reg(ctx, start)
    if ctx.chance(0.3):
        ctx.emit("%s %s, [x%d], #%d" % (op, lst, b, total))
    else:
        ctx.emit("%s %s, [x%d]" % (op, lst, b))
