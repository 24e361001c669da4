"""The register-state record shared by the guest program and the Python side.

One record is both the initial state a sequence starts from (read by the guest) and the
dump the guest writes to stdout after the sequence ran. All little-endian:

    0    u64  tag: the sequence index (dump) / unused (input)
    8    u64  X0..X30                (31 * 8)
    256  u64  NZCV (as MRS NZCV reads it: bits 31..28)
    264  u64  FPCR
    272  u64  FPSR
    280  u64  spare (the guest keeps its branch target here while loading)
    288  u128 V0..V31                (32 * 16)
    800  u8   scratch memory         (SCRATCH_SIZE bytes; X28 points at it during a sequence)
"""
import struct

OFF_TAG = 0
OFF_X = 8
OFF_NZCV = 256
OFF_FPCR = 264
OFF_FPSR = 272
OFF_SPARE = 280
OFF_V = 288
OFF_MEM = 800
SCRATCH_SIZE = 256
RECORD_SIZE = OFF_MEM + SCRATCH_SIZE

# X28 holds the scratch base during a sequence; generated code never writes it.
SCRATCH_REG = 28

MASK64 = (1 << 64) - 1
MASK128 = (1 << 128) - 1


class State:
    """Architectural state one sequence starts from or ends with."""

    __slots__ = ("x", "nzcv", "fpcr", "fpsr", "v", "mem", "tag")

    def __init__(self):
        self.x = [0] * 31
        self.nzcv = 0
        self.fpcr = 0
        self.fpsr = 0
        self.v = [0] * 32
        self.mem = bytes(SCRATCH_SIZE)
        self.tag = 0

    def pack(self):
        out = bytearray(RECORD_SIZE)
        struct.pack_into("<Q", out, OFF_TAG, self.tag & MASK64)
        struct.pack_into("<31Q", out, OFF_X, *[v & MASK64 for v in self.x])
        struct.pack_into("<QQQ", out, OFF_NZCV, self.nzcv, self.fpcr, self.fpsr)
        for i, v in enumerate(self.v):
            v &= MASK128
            struct.pack_into("<QQ", out, OFF_V + 16 * i, v & MASK64, v >> 64)
        out[OFF_MEM:OFF_MEM + SCRATCH_SIZE] = self.mem
        return bytes(out)

    @classmethod
    def unpack(cls, data):
        if len(data) != RECORD_SIZE:
            raise ValueError("record of %d bytes, expected %d" % (len(data), RECORD_SIZE))
        s = cls()
        s.tag = struct.unpack_from("<Q", data, OFF_TAG)[0]
        s.x = list(struct.unpack_from("<31Q", data, OFF_X))
        s.nzcv, s.fpcr, s.fpsr = struct.unpack_from("<QQQ", data, OFF_NZCV)
        s.v = []
        for i in range(32):
            lo, hi = struct.unpack_from("<QQ", data, OFF_V + 16 * i)
            s.v.append(lo | (hi << 64))
        s.mem = bytes(data[OFF_MEM:OFF_MEM + SCRATCH_SIZE])
        return s

    def fields(self):
        """(name, value, width-in-hex-digits) for every compared field, in dump order."""
        out = [("x%d" % i, v, 16) for i, v in enumerate(self.x)]
        out += [("nzcv", self.nzcv, 8), ("fpcr", self.fpcr, 8), ("fpsr", self.fpsr, 8)]
        out += [("v%d" % i, v, 32) for i, v in enumerate(self.v)]
        for off in range(0, SCRATCH_SIZE, 16):
            chunk = int.from_bytes(self.mem[off:off + 16], "little")
            out.append(("mem[0x%02x]" % off, chunk, 32))
        return out
