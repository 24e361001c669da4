"""AdvSIMD permutes and moves: zip/uzp/trn, EXT, TBL/TBX over 1-4 table registers (index
vectors mix in-range and out-of-range bytes), DUP (element and general), INS (element and
general), UMOV/SMOV, scalar DUP, and REV within elements."""
from ..values import pack_lanes

NAME = "perm"
DESCRIPTION = "AdvSIMD permutes: zip/uzp/trn, ext, tbl/tbx, dup, ins, umov/smov"

ARRS = ("8b", "16b", "4h", "8h", "2s", "4s", "2d")
ESZ = {8: "b", 16: "h", 32: "s", 64: "d"}


def step(ctx):
    kind = ctx.choice(("zip", "zip", "ext", "tbl", "tbl", "dup", "ins", "mov", "scalar"))
    v = ctx.v
    if kind == "zip":
        a = ctx.choice(ARRS)
        op = ctx.choice(("zip1", "zip2", "uzp1", "uzp2", "trn1", "trn2"))
        ctx.emit("%s v%d.%s, v%d.%s, v%d.%s" % (op, v(), a, v(), a, v(), a))
    elif kind == "ext":
        a = ctx.choice(("8b", "16b"))
        ctx.emit("ext v%d.%s, v%d.%s, v%d.%s, #%d" % (v(), a, v(), a, v(), a,
                                                     ctx.randint(0, 7 if a == "8b" else 15)))
    elif kind == "tbl":
        n = ctx.randint(1, 4)
        a = ctx.choice(("8b", "16b"))
        first = v()
        idx = v()
        # Indices up to a little beyond the table, so both hits and misses occur.
        limit = 16 * n + 8
        ctx.state.v[idx] = pack_lanes([ctx.randint(0, limit) if ctx.chance(0.85) else ctx.randint(0, 255)
                                       for _ in range(16)], 8)
        tab = "{" + ", ".join("v%d.16b" % ((first + k) % 32) for k in range(n)) + "}"
        ctx.emit("%s v%d.%s, %s, v%d.%s" % (ctx.choice(("tbl", "tbx")), v(), a, tab, idx, a))
    elif kind == "dup":
        esize = ctx.choice((8, 16, 32, 64))
        a = ctx.choice({8: ("8b", "16b"), 16: ("4h", "8h"), 32: ("2s", "4s"), 64: ("2d",)}[esize])
        if ctx.chance(0.5):
            ctx.emit("dup v%d.%s, v%d.%s[%d]" % (v(), a, v(), ESZ[esize], ctx.randint(0, 128 // esize - 1)))
        else:
            g = ctx.x(True) if esize == 64 else ctx.w(True)
            ctx.emit("dup v%d.%s, %s" % (v(), a, g))
    elif kind == "ins":
        esize = ctx.choice((8, 16, 32, 64))
        n = 128 // esize
        if ctx.chance(0.5):
            ctx.emit("ins v%d.%s[%d], v%d.%s[%d]" % (v(), ESZ[esize], ctx.randint(0, n - 1), v(),
                                                     ESZ[esize], ctx.randint(0, n - 1)))
        else:
            g = ctx.x(True) if esize == 64 else ctx.w(True)
            ctx.emit("ins v%d.%s[%d], %s" % (v(), ESZ[esize], ctx.randint(0, n - 1), g))
    elif kind == "mov":
        esize = ctx.choice((8, 16, 32, 64))
        n = 128 // esize
        if ctx.chance(0.5):
            g = ctx.x() if esize == 64 else ctx.w()
            ctx.emit("umov %s, v%d.%s[%d]" % (g, v(), ESZ[esize], ctx.randint(0, n - 1)))
        else:
            esize = ctx.choice((8, 16, 32))
            n = 128 // esize
            g = ctx.x() if (esize == 32 or ctx.chance(0.5)) else ctx.w()
            ctx.emit("smov %s, v%d.%s[%d]" % (g, v(), ESZ[esize], ctx.randint(0, n - 1)))
    else:
        esize = ctx.choice((8, 16, 32, 64))
        p = ESZ[esize]
        if ctx.chance(0.6):
            ctx.emit("dup %s%d, v%d.%s[%d]" % (p, v(), v(), p, ctx.randint(0, 128 // esize - 1)))
        else:
            a = ctx.choice(("8b", "16b"))
            ctx.emit("mov v%d.%s, v%d.%s" % (v(), a, v(), a))
