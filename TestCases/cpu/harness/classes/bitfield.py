"""Bitfield moves: raw ubfm/sbfm/bfm over the whole immr/imms space, their aliases with the
lsb/width limits the aliases allow, and extr/ror."""

NAME = "bitfield"
DESCRIPTION = "bitfield: ubfm/sbfm/bfm, ubfx/sbfx/bfxil/bfi/bfc/ubfiz/sbfiz, extr/ror"


def step(ctx):
    sf = ctx.chance(0.6)
    bits = 64 if sf else 32
    g = ctx.gpr
    kind = ctx.choice(("raw", "raw", "extract", "insert", "extr"))
    if kind == "raw":
        op = ctx.choice(("ubfm", "sbfm", "bfm"))
        ctx.emit("%s %s, %s, #%d, #%d" % (op, g(sf), g(sf, True), ctx.randint(0, bits - 1),
                                          ctx.randint(0, bits - 1)))
    elif kind == "extract":
        op = ctx.choice(("ubfx", "sbfx", "bfxil"))
        lsb = ctx.randint(0, bits - 1)
        width = ctx.randint(1, bits - lsb)
        ctx.emit("%s %s, %s, #%d, #%d" % (op, g(sf), g(sf, True), lsb, width))
    elif kind == "insert":
        op = ctx.choice(("bfi", "ubfiz", "sbfiz", "bfc"))
        lsb = ctx.randint(0, bits - 1)
        width = ctx.randint(1, bits - lsb)
        if op == "bfc":
            ctx.emit("bfc %s, #%d, #%d" % (g(sf), lsb, width))
        else:
            ctx.emit("%s %s, %s, #%d, #%d" % (op, g(sf), g(sf, True), lsb, width))
    else:
        if ctx.chance(0.5):
            ctx.emit("extr %s, %s, %s, #%d" % (g(sf), g(sf, True), g(sf, True), ctx.randint(0, bits - 1)))
        else:
            ctx.emit("ror %s, %s, #%d" % (g(sf), g(sf), ctx.randint(0, bits - 1)))
