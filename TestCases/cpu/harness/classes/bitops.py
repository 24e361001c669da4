"""Bit operations: counting, reversing bits and bytes, both widths."""

NAME = "bitops"
DESCRIPTION = "bit ops: clz/cls/rbit/rev/rev16/rev32"


def step(ctx):
    sf = ctx.chance(0.6)
    ops = ["clz", "cls", "rbit", "rev", "rev16"] + (["rev32", "rev64"] if sf else [])
    op = ctx.choice(ops)
    ctx.emit("%s %s, %s" % (op, ctx.gpr(sf), ctx.gpr(sf, True)))
