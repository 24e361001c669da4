"""AdvSIMD integer: arithmetic (plain, saturating, halving, rounding, absolute difference),
compares, shifts by immediate and register, narrowing and widening forms (incl. the "2" upper
halves), by-element multiplies, pairwise and across-lane reductions, scalar forms and
MOVI/MVNI/ORR/BIC immediates. FPSR.QC records saturation and is compared."""

NAME = "simd"
DESCRIPTION = "AdvSIMD integer: arithmetic, saturating, compares, shifts, narrow/widen, reductions, movi"
MAX_STEPS = 5

ARR = {8: ("8b", "16b"), 16: ("4h", "8h"), 32: ("2s", "4s"), 64: ("2d",)}
ESZ = {8: "b", 16: "h", 32: "s", 64: "d"}

SAME_ALL = ("add", "sub", "sqadd", "uqadd", "sqsub", "uqsub", "addp", "cmeq", "cmge", "cmgt",
            "cmhi", "cmhs", "cmtst", "sshl", "ushl", "srshl", "urshl", "sqshl", "uqshl",
            "sqrshl", "uqrshl")
SAME_NO_D = ("mul", "mla", "mls", "shadd", "uhadd", "srhadd", "urhadd", "shsub", "uhsub",
             "smax", "smin", "umax", "umin", "smaxp", "sminp", "umaxp", "uminp", "sabd", "uabd",
             "saba", "uaba")
SAME_HS = ("sqdmulh", "sqrdmulh")
BITWISE = ("and", "orr", "eor", "bic", "orn", "bsl", "bit", "bif")
UNARY_ALL = ("abs", "neg", "sqabs", "sqneg", "suqadd", "usqadd")
CMP_ZERO = ("cmeq", "cmge", "cmgt", "cmle", "cmlt")
SHR = ("sshr", "ushr", "ssra", "usra", "srshr", "urshr", "srsra", "ursra", "sri")
SHL = ("shl", "sli", "sqshl", "uqshl", "sqshlu")
NARROW_SHIFT = ("shrn", "rshrn", "sqshrn", "uqshrn", "sqrshrn", "uqrshrn", "sqshrun", "sqrshrun")
NARROW = ("xtn", "sqxtn", "uqxtn", "sqxtun")
HIGH_NARROW = ("addhn", "raddhn", "subhn", "rsubhn")
LONG3 = ("saddl", "uaddl", "ssubl", "usubl", "sabdl", "uabdl", "sabal", "uabal", "smull",
         "umull", "smlal", "umlal", "smlsl", "umlsl")
LONG3_HS = ("sqdmull", "sqdmlal", "sqdmlsl")
WIDE = ("saddw", "uaddw", "ssubw", "usubw")


def vr(ctx):
    return ctx.v()


def arr(ctx, esize):
    return ctx.choice(ARR[esize])


def step(ctx):
    kind = ctx.choice(("same", "same", "same", "bitwise", "unary", "unary", "shift", "shift",
                       "narrow", "widen", "widen", "elem", "reduce", "scalar", "movi", "pairwise"))
    globals()["do_" + kind](ctx)


def do_same(ctx):
    r = ctx.rng.random()
    if r < 0.45:
        op, esize = ctx.choice(SAME_ALL), ctx.choice((8, 16, 32, 64))
    elif r < 0.9:
        op, esize = ctx.choice(SAME_NO_D), ctx.choice((8, 16, 32))
    else:
        op, esize = ctx.choice(SAME_HS), ctx.choice((16, 32))
    a = arr(ctx, esize)
    ctx.emit("%s v%d.%s, v%d.%s, v%d.%s" % (op, vr(ctx), a, vr(ctx), a, vr(ctx), a))


def do_bitwise(ctx):
    a = ctx.choice(("8b", "16b"))
    if ctx.chance(0.15):
        ctx.emit("%s v%d.%s, v%d.%s" % (ctx.choice(("not", "mvn")), vr(ctx), a, vr(ctx), a))
    else:
        ctx.emit("%s v%d.%s, v%d.%s, v%d.%s" % (ctx.choice(BITWISE), vr(ctx), a, vr(ctx), a, vr(ctx), a))


def do_unary(ctx):
    r = ctx.rng.random()
    if r < 0.35:
        op, esize = ctx.choice(UNARY_ALL), ctx.choice((8, 16, 32, 64))
    elif r < 0.6:
        op, esize = ctx.choice(CMP_ZERO), ctx.choice((8, 16, 32, 64))
        a = arr(ctx, esize)
        ctx.emit("%s v%d.%s, v%d.%s, #0" % (op, vr(ctx), a, vr(ctx), a))
        return
    elif r < 0.75:
        op, esize = ctx.choice((("cnt", 8), ("rbit", 8), ("rev16", 8), ("rev32", 8), ("rev32", 16),
                                ("rev64", 8), ("rev64", 16), ("rev64", 32), ("clz", 8), ("clz", 16),
                                ("clz", 32), ("cls", 8), ("cls", 16), ("cls", 32)))
    elif r < 0.9:
        op = ctx.choice(("saddlp", "uaddlp", "sadalp", "uadalp"))
        esize = ctx.choice((8, 16, 32))
        src = arr(ctx, esize)
        n = 2 if src in ("8b", "4h", "2s") else 4
        dst = {8: ("4h", "8h"), 16: ("2s", "4s"), 32: ("1d", "2d")}[esize][0 if n == 2 else 1]
        ctx.emit("%s v%d.%s, v%d.%s" % (op, vr(ctx), dst, vr(ctx), src))
        return
    else:
        op, esize = ctx.choice(("urecpe", "ursqrte")), 32
    a = arr(ctx, esize)
    ctx.emit("%s v%d.%s, v%d.%s" % (op, vr(ctx), a, vr(ctx), a))


def do_shift(ctx):
    esize = ctx.choice((8, 16, 32, 64))
    a = arr(ctx, esize)
    if ctx.chance(0.55):
        op = ctx.choice(SHR)
        sh = ctx.choice((1, esize, ctx.randint(1, esize)))
    else:
        op = ctx.choice(SHL)
        sh = ctx.choice((0, esize - 1, ctx.randint(0, esize - 1)))
    ctx.emit("%s v%d.%s, v%d.%s, #%d" % (op, vr(ctx), a, vr(ctx), a, sh))


def do_narrow(ctx):
    desize = ctx.choice((8, 16, 32))
    upper = ctx.chance(0.4)
    d = ARR[desize][1 if upper else 0]
    s = ARR[desize * 2][-1]
    sfx = "2" if upper else ""
    r = ctx.rng.random()
    if r < 0.45:
        ctx.emit("%s%s v%d.%s, v%d.%s, #%d" % (ctx.choice(NARROW_SHIFT), sfx, vr(ctx), d, vr(ctx), s,
                                              ctx.randint(1, desize)))
    elif r < 0.75:
        ctx.emit("%s%s v%d.%s, v%d.%s" % (ctx.choice(NARROW), sfx, vr(ctx), d, vr(ctx), s))
    else:
        ctx.emit("%s%s v%d.%s, v%d.%s, v%d.%s" % (ctx.choice(HIGH_NARROW), sfx, vr(ctx), d, vr(ctx), s,
                                                 vr(ctx), s))


def do_widen(ctx):
    sesize = ctx.choice((8, 16, 32))
    upper = ctx.chance(0.4)
    s = ARR[sesize][1 if upper else 0]
    d = ARR[sesize * 2][-1]
    sfx = "2" if upper else ""
    r = ctx.rng.random()
    if r < 0.25:
        op = ctx.choice(("sshll", "ushll", "sxtl", "uxtl"))
        if op.endswith("xtl"):
            ctx.emit("%s%s v%d.%s, v%d.%s" % (op, sfx, vr(ctx), d, vr(ctx), s))
        else:
            ctx.emit("%s%s v%d.%s, v%d.%s, #%d" % (op, sfx, vr(ctx), d, vr(ctx), s, ctx.randint(0, sesize - 1)))
    elif r < 0.7:
        ops = LONG3 + (LONG3_HS if sesize in (16, 32) else ())
        ctx.emit("%s%s v%d.%s, v%d.%s, v%d.%s" % (ctx.choice(ops), sfx, vr(ctx), d, vr(ctx), s, vr(ctx), s))
    elif r < 0.9:
        ctx.emit("%s%s v%d.%s, v%d.%s, v%d.%s" % (ctx.choice(WIDE), sfx, vr(ctx), d, vr(ctx), d, vr(ctx), s))
    else:
        s = "16b" if upper else "8b"
        ctx.emit("pmull%s v%d.8h, v%d.%s, v%d.%s" % (sfx, vr(ctx), vr(ctx), s, vr(ctx), s))


def do_elem(ctx):
    esize = ctx.choice((16, 32))
    # H-element forms can only name V0-V15 as the indexed register.
    m = ctx.randint(0, 15) if esize == 16 else vr(ctx)
    idx = ctx.randint(0, 128 // esize - 1)
    if ctx.chance(0.6):
        a = arr(ctx, esize)
        op = ctx.choice(("mul", "mla", "mls", "sqdmulh", "sqrdmulh"))
        ctx.emit("%s v%d.%s, v%d.%s, v%d.%s[%d]" % (op, vr(ctx), a, vr(ctx), a, m, ESZ[esize], idx))
    else:
        upper = ctx.chance(0.4)
        s = ARR[esize][1 if upper else 0]
        d = ARR[esize * 2][-1]
        op = ctx.choice(("smull", "umull", "smlal", "umlal", "smlsl", "umlsl", "sqdmull", "sqdmlal"))
        ctx.emit("%s%s v%d.%s, v%d.%s, v%d.%s[%d]" % (op, "2" if upper else "", vr(ctx), d, vr(ctx), s,
                                                      m, ESZ[esize], idx))


def do_reduce(ctx):
    op = ctx.choice(("addv", "smaxv", "sminv", "umaxv", "uminv", "saddlv", "uaddlv"))
    a = ctx.choice(("8b", "16b", "4h", "8h", "4s"))
    esize = {"b": 8, "h": 16, "s": 32}[a[-1]]
    dbits = esize * 2 if op.endswith("lv") else esize
    ctx.emit("%s %s%d, v%d.%s" % (op, {8: "b", 16: "h", 32: "s", 64: "d"}[dbits], vr(ctx), vr(ctx), a))


def do_pairwise(ctx):
    ctx.emit("addp d%d, v%d.2d" % (vr(ctx), vr(ctx)))


def do_scalar(ctx):
    r = ctx.rng.random()
    if r < 0.3:
        op = ctx.choice(("add", "sub", "cmeq", "cmge", "cmgt", "cmhi", "cmhs", "cmtst", "sshl", "ushl"))
        ctx.emit("%s d%d, d%d, d%d" % (op, vr(ctx), vr(ctx), vr(ctx)))
    elif r < 0.6:
        p = ctx.choice("bhsd")
        op = ctx.choice(("sqadd", "uqadd", "sqsub", "uqsub", "sqshl", "uqshl", "sqrshl", "uqrshl"))
        ctx.emit("%s %s%d, %s%d, %s%d" % (op, p, vr(ctx), p, vr(ctx), p, vr(ctx)))
    elif r < 0.8:
        op = ctx.choice(("abs", "neg", "sqabs", "sqneg"))
        p = "d" if op in ("abs", "neg") else ctx.choice("bhsd")
        ctx.emit("%s %s%d, %s%d" % (op, p, vr(ctx), p, vr(ctx)))
    else:
        op = ctx.choice(("shl", "sshr", "ushr", "srshr", "ursra", "sri", "sli"))
        sh = ctx.randint(0, 63) if op in ("shl", "sli") else ctx.randint(1, 64)
        ctx.emit("%s d%d, d%d, #%d" % (op, vr(ctx), vr(ctx), sh))


def do_movi(ctx):
    form = ctx.choice(("b", "h", "s", "msl", "d", "2d", "logic"))
    v = vr(ctx)
    imm = ctx.choice((0, 0xFF, ctx.randint(0, 255)))
    if form == "b":
        ctx.emit("movi v%d.%s, #%d" % (v, ctx.choice(("8b", "16b")), imm))
    elif form == "h":
        ctx.emit("%s v%d.%s, #%d, lsl #%d" % (ctx.choice(("movi", "mvni")), v, ctx.choice(("4h", "8h")),
                                             imm, ctx.choice((0, 8))))
    elif form == "s":
        ctx.emit("%s v%d.%s, #%d, lsl #%d" % (ctx.choice(("movi", "mvni")), v, ctx.choice(("2s", "4s")),
                                             imm, ctx.choice((0, 8, 16, 24))))
    elif form == "msl":
        ctx.emit("%s v%d.%s, #%d, msl #%d" % (ctx.choice(("movi", "mvni")), v, ctx.choice(("2s", "4s")),
                                             imm, ctx.choice((8, 16))))
    elif form in ("d", "2d"):
        bytemask = 0
        for i in range(8):
            if ctx.chance(0.5):
                bytemask |= 0xFF << (8 * i)
        target = "d%d" % v if form == "d" else "v%d.2d" % v
        ctx.emit("movi %s, #0x%x" % (target, bytemask))
    else:
        a = ctx.choice(("4h", "8h", "2s", "4s"))
        shifts = (0, 8) if a[-1] == "h" else (0, 8, 16, 24)
        ctx.emit("%s v%d.%s, #%d, lsl #%d" % (ctx.choice(("orr", "bic")), v, a, imm, ctx.choice(shifts)))
