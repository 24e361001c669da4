"""Scalar floating point in half, single and double precision: arithmetic, fused
multiply-add, min/max (incl. NM), square root, estimates, compares (FPSR-setting fcmpe too),
fccmp/fcsel and every fmov form. Sources are reloaded with FP edge values (NaNs quiet and
signalling, infinities, zeros, denormals, extreme normals) of the chosen width, and FPCR
varies rounding mode, FZ, FZ16, DN and AHP."""
from .common import CONDS

NAME = "fp"
DESCRIPTION = "scalar FP h/s/d: arithmetic, fma, min/max, sqrt, estimates, compares, fccmp/fcsel, fmov"
VARY_FPCR = True
VREG_KIND = "fp"

PREC = (("h", 16), ("s", 32), ("d", 64))


def src(ctx, p, bits):
    n = ctx.v()
    ctx.set_vreg_fp(n, bits)
    return "%s%d" % (p, n)


def dst(ctx, p):
    return "%s%d" % (p, ctx.v())


def fmov_imm(ctx):
    """One of the 256 FMOV-encodable constants: ±n/16 * 2^e, n in 16..31, e in -3..4."""
    v = ctx.randint(16, 31) / 16.0 * 2.0 ** ctx.randint(-3, 4)
    return repr(-v if ctx.chance(0.5) else v)


def step(ctx):
    p, bits = ctx.choice(PREC)
    kind = ctx.choice(("bin", "bin", "bin", "un", "fma", "fma", "cmp", "ccmp", "csel",
                       "fmov", "simdcmp", "est"))
    if kind == "bin":
        op = ctx.choice(("fadd", "fsub", "fmul", "fdiv", "fmax", "fmin", "fmaxnm", "fminnm",
                         "fnmul", "fabd", "fmulx"))
        ctx.emit("%s %s, %s, %s" % (op, dst(ctx, p), src(ctx, p, bits), src(ctx, p, bits)))
    elif kind == "un":
        op = ctx.choice(("fabs", "fneg", "fsqrt", "fsqrt", "fmov"))
        ctx.emit("%s %s, %s" % (op, dst(ctx, p), src(ctx, p, bits)))
    elif kind == "est":
        op = ctx.choice(("frecpe", "frsqrte", "frecpx", "frecps", "frsqrts"))
        if op in ("frecps", "frsqrts"):
            ctx.emit("%s %s, %s, %s" % (op, dst(ctx, p), src(ctx, p, bits), src(ctx, p, bits)))
        else:
            ctx.emit("%s %s, %s" % (op, dst(ctx, p), src(ctx, p, bits)))
    elif kind == "fma":
        op = ctx.choice(("fmadd", "fmsub", "fnmadd", "fnmsub"))
        ctx.emit("%s %s, %s, %s, %s" % (op, dst(ctx, p), src(ctx, p, bits), src(ctx, p, bits),
                                        src(ctx, p, bits)))
    elif kind == "cmp":
        op = ctx.choice(("fcmp", "fcmpe"))
        other = "#0.0" if ctx.chance(0.25) else src(ctx, p, bits)
        ctx.emit("%s %s, %s" % (op, src(ctx, p, bits), other))
    elif kind == "ccmp":
        op = ctx.choice(("fccmp", "fccmpe"))
        ctx.emit("%s %s, %s, #%d, %s" % (op, src(ctx, p, bits), src(ctx, p, bits),
                                         ctx.randint(0, 15), ctx.choice(CONDS)))
    elif kind == "csel":
        ctx.emit("fcsel %s, %s, %s, %s" % (dst(ctx, p), src(ctx, p, bits), src(ctx, p, bits),
                                           ctx.choice(CONDS)))
    elif kind == "simdcmp":
        op = ctx.choice(("fcmeq", "fcmge", "fcmgt", "facge", "facgt", "fcmle", "fcmlt"))
        if op in ("fcmle", "fcmlt") or (op in ("fcmeq", "fcmge", "fcmgt") and ctx.chance(0.3)):
            ctx.emit("%s %s, %s, #0.0" % (op, dst(ctx, p), src(ctx, p, bits)))
        else:
            ctx.emit("%s %s, %s, %s" % (op, dst(ctx, p), src(ctx, p, bits), src(ctx, p, bits)))
    else:
        form = ctx.choice(("imm", "to_gpr", "from_gpr", "top"))
        if form == "imm":
            ctx.emit("fmov %s, #%s" % (dst(ctx, p), fmov_imm(ctx)))
        elif form == "to_gpr":
            g = ctx.x() if (p == "d" or (p == "h" and ctx.chance(0.5))) else ctx.w()
            ctx.emit("fmov %s, %s" % (g, src(ctx, p, bits)))
        elif form == "from_gpr":
            g = ctx.x(True) if (p == "d" or (p == "h" and ctx.chance(0.5))) else ctx.w(True)
            ctx.emit("fmov %s, %s" % (dst(ctx, p), g))
        else:  # the upper 64 bits of a vector
            if ctx.chance(0.5):
                ctx.emit("fmov %s, v%d.d[1]" % (ctx.x(), ctx.v()))
            else:
                ctx.emit("fmov v%d.d[1], %s" % (ctx.v(), ctx.x(True)))
