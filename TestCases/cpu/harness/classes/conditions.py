"""Flags and conditions: compares that set NZCV and every conditional form that reads it,
including AL/NV, so each condition code is evaluated against random initial flags."""
from .common import CONDS, SHIFTS, imm12

NAME = "cond"
DESCRIPTION = "flags and conditions: cmp/cmn/tst, ccmp/ccmn, csel family, cset/csetm"

COND_NO_ALNV = tuple(c for c in CONDS if c not in ("al", "nv"))


def step(ctx):
    sf = ctx.chance(0.6)
    bits = 64 if sf else 32
    g = ctx.gpr
    kind = ctx.choice(("cmp", "cmp", "ccmp", "ccmp", "csel", "csel", "cset", "cinc", "tst"))
    if kind == "cmp":
        op = ctx.choice(("cmp", "cmn"))
        if ctx.chance(0.5):
            ctx.emit("%s %s, #%d" % (op, g(sf), imm12(ctx)))
        else:
            ctx.emit("%s %s, %s, %s #%d" % (op, g(sf, True), g(sf, True), ctx.choice(SHIFTS),
                                            ctx.choice((0, ctx.randint(0, bits - 1)))))
    elif kind == "ccmp":
        op = ctx.choice(("ccmp", "ccmn"))
        second = "#%d" % ctx.randint(0, 31) if ctx.chance(0.4) else g(sf, True)
        ctx.emit("%s %s, %s, #%d, %s" % (op, g(sf, True), second, ctx.randint(0, 15), ctx.choice(CONDS)))
    elif kind == "csel":
        op = ctx.choice(("csel", "csinc", "csinv", "csneg"))
        ctx.emit("%s %s, %s, %s, %s" % (op, g(sf), g(sf, True), g(sf, True), ctx.choice(CONDS)))
    elif kind == "cset":
        op = ctx.choice(("cset", "csetm"))
        ctx.emit("%s %s, %s" % (op, g(sf), ctx.choice(COND_NO_ALNV)))
    elif kind == "cinc":
        op = ctx.choice(("cinc", "cinv", "cneg"))
        ctx.emit("%s %s, %s, %s" % (op, g(sf), g(sf, True), ctx.choice(COND_NO_ALNV)))
    else:
        if ctx.chance(0.5):
            ctx.emit("tst %s, %s, %s #%d" % (g(sf, True), g(sf, True), ctx.choice(SHIFTS + ("ror",)),
                                             ctx.randint(0, bits - 1)))
        else:
            ctx.emit("adds %s, %s, %s" % (g(sf, True), g(sf, True), g(sf, True)))
