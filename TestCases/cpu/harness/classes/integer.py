"""Integer ALU: add/sub (immediate, shifted, extended; with and without flags), adc/sbc,
logical (immediate and shifted register), shifts, moves and extends, both widths."""
from .common import SHIFTS, EXTENDS, bitmask_imm, imm12

NAME = "int"
DESCRIPTION = "integer ALU: add/sub/adc/sbc, logical, shifts, extends, moves"


def step(ctx):
    sf = ctx.chance(0.6)
    bits = 64 if sf else 32
    g = ctx.gpr
    kind = ctx.choice(("addsub_shift", "addsub_imm", "addsub_ext", "adc", "logic_shift",
                       "logic_imm", "shift", "shiftv", "movw", "extend", "neg", "mvn"))
    if kind == "addsub_shift":
        op = ctx.choice(("add", "adds", "sub", "subs"))
        sh = ctx.choice(SHIFTS)
        amt = ctx.choice((0, 1, bits - 1, ctx.randint(0, bits - 1)))
        ctx.emit("%s %s, %s, %s, %s #%d" % (op, g(sf, True), g(sf, True), g(sf, True), sh, amt))
    elif kind == "addsub_imm":
        op = ctx.choice(("add", "adds", "sub", "subs"))
        sh = ", lsl #12" if ctx.chance(0.3) else ""
        ctx.emit("%s %s, %s, #%d%s" % (op, g(sf), g(sf), imm12(ctx), sh))
    elif kind == "addsub_ext":
        op = ctx.choice(("add", "adds", "sub", "subs"))
        ext = ctx.choice(EXTENDS)
        amt = ctx.randint(0, 4)
        # For X forms the source is a W register unless the extend is 64-bit.
        src = ctx.x() if (sf and ext in ("uxtx", "sxtx")) else ctx.w()
        ctx.emit("%s %s, %s, %s, %s #%d" % (op, g(sf), g(sf), src, ext, amt))
    elif kind == "adc":
        op = ctx.choice(("adc", "adcs", "sbc", "sbcs"))
        ctx.emit("%s %s, %s, %s" % (op, g(sf, True), g(sf, True), g(sf, True)))
    elif kind == "logic_shift":
        op = ctx.choice(("and", "ands", "orr", "orn", "eor", "eon", "bic", "bics"))
        sh = ctx.choice(SHIFTS + ("ror",))
        amt = ctx.choice((0, 1, bits - 1, ctx.randint(0, bits - 1)))
        ctx.emit("%s %s, %s, %s, %s #%d" % (op, g(sf, True), g(sf, True), g(sf, True), sh, amt))
    elif kind == "logic_imm":
        op = ctx.choice(("and", "ands", "orr", "eor", "tst"))
        imm = bitmask_imm(ctx, bits)
        if op == "tst":
            ctx.emit("tst %s, #0x%x" % (g(sf), imm))
        else:
            # ANDS may write ZR; the others would mean SP there, so never.
            ctx.emit("%s %s, %s, #0x%x" % (op, g(sf, op == "ands"), g(sf, True), imm))
    elif kind == "shift":
        op = ctx.choice(("lsl", "lsr", "asr", "ror"))
        ctx.emit("%s %s, %s, #%d" % (op, g(sf), g(sf), ctx.randint(0, bits - 1)))
    elif kind == "shiftv":
        op = ctx.choice(("lslv", "lsrv", "asrv", "rorv", "lsl", "lsr", "asr", "ror"))
        ctx.emit("%s %s, %s, %s" % (op, g(sf), g(sf, True), g(sf, True)))
    elif kind == "movw":
        op = ctx.choice(("movz", "movn", "movk"))
        hw = ctx.randint(0, (bits // 16) - 1)
        ctx.emit("%s %s, #%d, lsl #%d" % (op, g(sf), ctx.choice((0, 0xFFFF, ctx.randint(0, 0xFFFF))), 16 * hw))
    elif kind == "extend":
        op = ctx.choice(("sxtb", "sxth", "uxtb", "uxth") + (("sxtw",) if sf else ()))
        if op.startswith("u"):
            ctx.emit("%s %s, %s" % (op, ctx.w(), ctx.w()))
        else:
            ctx.emit("%s %s, %s" % (op, g(sf), ctx.w()))
    elif kind == "neg":
        op = ctx.choice(("neg", "negs", "ngc", "ngcs"))
        if op.startswith("ngc"):
            ctx.emit("%s %s, %s" % (op, g(sf), g(sf, True)))
        else:
            sh = ctx.choice(SHIFTS)
            ctx.emit("%s %s, %s, %s #%d" % (op, g(sf), g(sf, True), sh, ctx.randint(0, bits - 1)))
    else:
        ctx.emit("mvn %s, %s, %s #%d" % (g(sf), g(sf, True), ctx.choice(SHIFTS + ("ror",)),
                                        ctx.randint(0, bits - 1)))
