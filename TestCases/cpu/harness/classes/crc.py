"""CRC32 and CRC32C over byte, half, word and doubleword data (the X form takes an X source)."""

NAME = "crc"
DESCRIPTION = "crc32b/h/w/x and crc32cb/h/w/x"


def step(ctx):
    c = ctx.choice(("", "c"))
    size = ctx.choice("bhwx")
    src = ctx.x(True) if size == "x" else ctx.w(True)
    ctx.emit("crc32%s%s %s, %s, %s" % (c, size, ctx.w(), ctx.w(True), src))
