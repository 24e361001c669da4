"""Multiply and divide: multiply-accumulate of both widths, long and high multiplies, and
divides whose operands often are 0 (divide by zero yields 0) or INT_MIN / -1."""

NAME = "muldiv"
DESCRIPTION = "mul/div: madd/msub/mneg, s/umaddl, s/umsubl, s/umulh, sdiv/udiv incl. /0"


def step(ctx):
    sf = ctx.chance(0.6)
    g = ctx.gpr
    kind = ctx.choice(("madd", "long", "high", "div", "div", "mul"))
    if kind == "madd":
        op = ctx.choice(("madd", "msub"))
        ctx.emit("%s %s, %s, %s, %s" % (op, g(sf), g(sf, True), g(sf, True), g(sf, True)))
    elif kind == "mul":
        op = ctx.choice(("mul", "mneg"))
        ctx.emit("%s %s, %s, %s" % (op, g(sf), g(sf, True), g(sf, True)))
    elif kind == "long":
        op = ctx.choice(("smaddl", "smsubl", "umaddl", "umsubl", "smull", "umull", "smnegl", "umnegl"))
        if op.endswith("l") and op[2:4] in ("ad", "su"):
            ctx.emit("%s %s, %s, %s, %s" % (op, ctx.x(), ctx.w(True), ctx.w(True), ctx.x(True)))
        else:
            ctx.emit("%s %s, %s, %s" % (op, ctx.x(), ctx.w(True), ctx.w(True)))
    elif kind == "high":
        ctx.emit("%s %s, %s, %s" % (ctx.choice(("smulh", "umulh")), ctx.x(), ctx.x(True), ctx.x(True)))
    else:
        op = ctx.choice(("sdiv", "udiv"))
        d, n, m = g(sf), g(sf, True), g(sf, True)
        if ctx.chance(0.2):  # make the divisor zero on purpose (ZR or a zeroed register)
            if ctx.chance(0.5):
                m = "xzr" if sf else "wzr"
            else:
                ctx.emit("mov %s, #0" % d)
                m = d
        elif ctx.chance(0.15):  # INT_MIN / -1 overflows (result INT_MIN, no trap)
            a = ctx.r()
            b = ctx.r(avoid=(a,))
            p = "x" if sf else "w"
            n, m = "%s%d" % (p, a), "%s%d" % (p, b)
            ctx.emit("mov %s, #1" % n)
            ctx.emit("ror %s, %s, #1" % (n, n))
            ctx.emit("mov %s, #-1" % m)
        ctx.emit("%s %s, %s, %s" % (op, d, n, m))
