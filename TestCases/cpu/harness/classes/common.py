"""Operand helpers shared by the class generators."""

SHIFTS = ("lsl", "lsr", "asr")
EXTENDS = ("uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx")
CONDS = ("eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le",
         "al", "nv", "hs", "lo")


def bitmask_imm(ctx, bits):
    """A random valid logical immediate: a rotated run of ones, replicated across the width."""
    esize = ctx.choice([e for e in (2, 4, 8, 16, 32, 64) if e <= bits])
    ones = ctx.randint(1, esize - 1)
    rot = ctx.randint(0, esize - 1)
    elem = (1 << ones) - 1
    elem = ((elem >> rot) | (elem << (esize - rot))) & ((1 << esize) - 1)
    v = 0
    for i in range(0, bits, esize):
        v |= elem << i
    return v


def imm12(ctx):
    return ctx.choice((0, 1, 4095, 2048, ctx.randint(0, 4095), ctx.randint(0, 31)))


def mov_imm64(ctx, reg, value):
    """movz/movk lines that set X`reg` to value exactly (for address and index setup)."""
    value &= (1 << 64) - 1
    lines = ["movz x%d, #%d" % (reg, value & 0xFFFF)]
    for hw in (1, 2, 3):
        part = (value >> (16 * hw)) & 0xFFFF
        if part:
            lines.append("movk x%d, #%d, lsl #%d" % (reg, part, 16 * hw))
    return lines
