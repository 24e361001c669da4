"""AdvSIMD floating point over 4h/8h/2s/4s/2d: arithmetic, fused multiply-add, min/max (NM and
pairwise), compares, estimates, rounding, conversions (incl. fixed point, fcvtl/fcvtn/fcvtxn),
across-lane reductions, by-element multiplies and FMOV immediates. Lanes hold FP edge values
of the lane width; FPCR varies rounding, FZ, FZ16, DN."""
from .scalar_fp import fmov_imm

NAME = "simdfp"
DESCRIPTION = "AdvSIMD FP: arithmetic, fma, min/max, compares, estimates, frint, conversions, reductions"
VARY_FPCR = True
VREG_KIND = "fp"

ARRS = {16: ("4h", "8h"), 32: ("2s", "4s"), 64: ("2d",)}
ESZ = {16: "h", 32: "s", 64: "d"}
BIN = ("fadd", "fsub", "fmul", "fdiv", "fmax", "fmin", "fmaxnm", "fminnm", "fabd", "fmulx",
       "frecps", "frsqrts", "fmla", "fmls", "faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp",
       "fcmeq", "fcmge", "fcmgt", "facge", "facgt")
UN = ("fabs", "fneg", "fsqrt", "frecpe", "frsqrte", "frintn", "frintp", "frintm", "frintz",
      "frinta", "frintx", "frinti")


def src(ctx, esize):
    n = ctx.v()
    ctx.set_vreg_fp(n, esize)
    return n


def step(ctx):
    esize = ctx.choice((16, 32, 32, 64, 64))
    a = ctx.choice(ARRS[esize])
    kind = ctx.choice(("bin", "bin", "bin", "un", "un", "cvt", "cvt", "cmpz", "widen",
                       "reduce", "elem", "fmov"))
    d = ctx.v()
    if kind == "bin":
        ctx.emit("%s v%d.%s, v%d.%s, v%d.%s" % (ctx.choice(BIN), d, a, src(ctx, esize), a, src(ctx, esize), a))
    elif kind == "un":
        ops = UN + (("frint32x", "frint32z", "frint64x", "frint64z") if esize != 16 else ())
        ctx.emit("%s v%d.%s, v%d.%s" % (ctx.choice(ops), d, a, src(ctx, esize), a))
    elif kind == "cvt":
        r = ctx.rng.random()
        if r < 0.4:
            op = "fcvt" + ctx.choice("npmza") + ctx.choice("su")
            ctx.emit("%s v%d.%s, v%d.%s" % (op, d, a, src(ctx, esize), a))
        elif r < 0.6:
            op = ctx.choice(("fcvtzs", "fcvtzu"))
            ctx.emit("%s v%d.%s, v%d.%s, #%d" % (op, d, a, src(ctx, esize), a, ctx.randint(1, esize)))
        else:
            op = ctx.choice(("scvtf", "ucvtf"))
            fixed = ", #%d" % ctx.randint(1, esize) if ctx.chance(0.4) else ""
            ctx.emit("%s v%d.%s, v%d.%s%s" % (op, d, a, ctx.v(), a, fixed))  # integer lanes
    elif kind == "cmpz":
        op = ctx.choice(("fcmeq", "fcmge", "fcmgt", "fcmle", "fcmlt"))
        ctx.emit("%s v%d.%s, v%d.%s, #0.0" % (op, d, a, src(ctx, esize), a))
    elif kind == "widen":
        upper = ctx.chance(0.4)
        sfx = "2" if upper else ""
        form = ctx.choice(("fcvtl", "fcvtn", "fcvtxn"))
        if form == "fcvtl":
            nb = ctx.choice((16, 32))
            s = ARRS[nb][1 if upper else 0]
            ctx.emit("fcvtl%s v%d.%s, v%d.%s" % (sfx, d, ARRS[nb * 2][-1], src(ctx, nb), s))
        elif form == "fcvtn":
            nb = ctx.choice((16, 32))
            ctx.emit("fcvtn%s v%d.%s, v%d.%s" % (sfx, d, ARRS[nb][1 if upper else 0], src(ctx, nb * 2),
                                                 ARRS[nb * 2][-1]))
        else:
            ctx.emit("fcvtxn%s v%d.%s, v%d.2d" % (sfx, d, "4s" if upper else "2s", src(ctx, 64)))
    elif kind == "reduce":
        op = ctx.choice(("fmaxv", "fminv", "fmaxnmv", "fminnmv"))
        if ctx.chance(0.6):
            nb, ar = ctx.choice(((32, "4s"), (16, "4h"), (16, "8h")))
            ctx.emit("%s %s%d, v%d.%s" % (op, ESZ[nb], d, src(ctx, nb), ar))
        else:  # scalar pairwise over two lanes
            op = ctx.choice(("faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp"))
            nb, ar = ctx.choice(((32, "2s"), (64, "2d"), (16, "2h")))
            ctx.emit("%s %s%d, v%d.%s" % (op, ESZ[nb], d, src(ctx, nb), ar))
    elif kind == "elem":
        op = ctx.choice(("fmul", "fmla", "fmls", "fmulx"))
        m = ctx.randint(0, 15) if esize == 16 else ctx.v()
        ctx.set_vreg_fp(m, esize)
        idx = ctx.randint(0, 128 // esize - 1)
        ctx.emit("%s v%d.%s, v%d.%s, v%d.%s[%d]" % (op, d, a, src(ctx, esize), a, m, ESZ[esize], idx))
    else:
        ctx.emit("fmov v%d.%s, #%s" % (d, a, fmov_imm(ctx)))
