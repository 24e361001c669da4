"""Exclusives, acquire/release and LSE atomics on aligned scratch locations. Compare values
are often loaded from the target first so CAS/CASP succeed as well as fail. Every exclusive
pair runs LDXR then STXR on the same address with distinct status/data/base registers."""
from ..state import SCRATCH_SIZE

NAME = "atomic"
DESCRIPTION = "exclusives, LDAR/STLR/LDAPR, LSE: CAS/CASP/SWP/LD<op> with ordering variants"

SIZES = [("b", "w", 1), ("h", "w", 2), ("", "w", 4), ("", "x", 8)]
LDOPS = ("add", "clr", "eor", "set", "smax", "smin", "umax", "umin")
ORDER = ("", "a", "l", "al")


def target(ctx, size, avoid=()):
    """A base register pointing at an aligned scratch slot of `size` bytes."""
    b = ctx.r(avoid=avoid)
    off = ctx.randint(0, SCRATCH_SIZE // size - 1) * size
    ctx.emit("add x%d, x28, #%d" % (b, off))
    return b


def step(ctx):
    kind = ctx.choice(("cas", "cas", "casp", "swp", "ldop", "ldop", "ldop", "stop", "excl",
                       "exclp", "acqrel"))
    sfx, rk, size = ctx.choice(SIZES)
    if kind == "cas":
        b = target(ctx, size)
        s = ctx.r(avoid=(b,))
        t = ctx.r(avoid=(b,))
        if ctx.chance(0.5):  # make the compare succeed
            ld = {"b": "ldrb", "h": "ldrh", "": "ldr"}[sfx]
            ctx.emit("%s %s%d, [x%d]" % (ld, rk, s, b))
        ctx.emit("cas%s%s %s%d, %s%d, [x%d]" % (ctx.choice(ORDER), sfx, rk, s, rk, t, b))
    elif kind == "casp":
        rk, size = ctx.choice((("w", 4), ("x", 8)))
        b = target(ctx, 2 * size)
        evens = [r for r in range(0, 28, 2) if r not in (b, b - 1)]
        s = ctx.choice(evens)
        t = ctx.choice(evens)
        if ctx.chance(0.5):
            ctx.emit("ldp %s%d, %s%d, [x%d]" % (rk, s, rk, s + 1, b))
        ctx.emit("casp%s %s%d, %s%d, %s%d, %s%d, [x%d]" % (ctx.choice(ORDER), rk, s, rk, s + 1,
                                                        rk, t, rk, t + 1, b))
    elif kind == "swp":
        b = target(ctx, size)
        s, t = ctx.r(avoid=(b,)), ctx.r(avoid=(b,))
        ctx.emit("swp%s%s %s%d, %s%d, [x%d]" % (ctx.choice(ORDER), sfx, rk, s, rk, t, b))
    elif kind == "ldop":
        b = target(ctx, size)
        s, t = ctx.r(avoid=(b,)), ctx.r(avoid=(b,))
        ctx.emit("ld%s%s%s %s%d, %s%d, [x%d]" % (ctx.choice(LDOPS), ctx.choice(ORDER), sfx,
                                                  rk, s, rk, t, b))
    elif kind == "stop":  # ST<op> aliases: LD<op> with the result discarded
        b = target(ctx, size)
        s = ctx.r(avoid=(b,))
        ctx.emit("st%s%s%s %s%d, [x%d]" % (ctx.choice(LDOPS), ctx.choice(("", "l")), sfx, rk, s, b))
    elif kind == "excl":
        b = target(ctx, size)
        t = ctx.r(avoid=(b,))
        st = ctx.r(avoid=(b, t))
        v = ctx.r(avoid=(b, st))
        acq = ctx.choice(("", "a"))
        rel = ctx.choice(("", "l"))
        ctx.emit("ld%sxr%s %s%d, [x%d]" % (acq, sfx, rk, t, b))
        if ctx.chance(0.8):
            ctx.emit("add %s%d, %s%d, #1" % (rk, v, rk, t) if ctx.chance(0.5) else "mov %s%d, %s%d" % (rk, v, rk, v))
            ctx.emit("st%sxr%s w%d, %s%d, [x%d]" % (rel, sfx, st, rk, v, b))
        else:
            ctx.emit("clrex")
            ctx.emit("st%sxr%s w%d, %s%d, [x%d]" % (rel, sfx, st, rk, v, b))  # fails: no monitor
    elif kind == "exclp":
        rk, size = ctx.choice((("w", 4), ("x", 8)))
        b = target(ctx, 2 * size)
        t1 = ctx.r(avoid=(b,))
        t2 = ctx.r(avoid=(b, t1))
        st = ctx.r(avoid=(b, t1, t2))
        ctx.emit("ld%sxp %s%d, %s%d, [x%d]" % (ctx.choice(("", "a")), rk, t1, rk, t2, b))
        ctx.emit("st%sxp w%d, %s%d, %s%d, [x%d]" % (ctx.choice(("", "l")), st, rk, t2, rk, t1, b))
    else:
        b = target(ctx, size)
        t = ctx.r(avoid=(b,))
        op = ctx.choice(("ldar", "stlr", "ldapr"))
        ctx.emit("%s%s %s%d, [x%d]" % (op, sfx, rk, t, b))
