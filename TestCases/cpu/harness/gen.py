"""Sequence generation: a context that picks registers and builds the initial state, and the
registry of instruction classes. Every sequence is derived from (seed, class, index) alone,
so any single sequence can be regenerated without the others."""
import random

from . import values
from .state import State, SCRATCH_REG, SCRATCH_SIZE

# General registers a sequence may read and write: all but X28 (scratch base). SP and X31 are
# never named (the guest runs with SP pointing at its dump record).
GPR_POOL = [r for r in range(31) if r != SCRATCH_REG]


class Ctx:
    """What one class generator sees while emitting one sequence."""

    def __init__(self, rng, vary_fpcr=False, vreg_kind="int"):
        self.rng = rng
        self.lines = []
        # A small register subset per sequence makes later instructions consume earlier results.
        self.gprs = rng.sample(GPR_POOL, rng.randrange(4, 9))
        self.vregs = rng.sample(range(32), rng.randrange(4, 9))
        s = State()
        s.x = [values.rand_u64(rng) for _ in range(31)]
        s.x[SCRATCH_REG] = 0  # replaced by the scratch address in the guest
        s.nzcv = values.rand_nzcv(rng)
        s.fpcr = values.rand_fpcr(rng, vary_fpcr)
        s.fpsr = values.rand_fpsr(rng)
        for i in range(32):
            if vreg_kind == "fp":
                s.v[i] = values.rand_vreg_fp(rng, rng.choice((16, 32, 64, 64, 32)))
            else:
                s.v[i] = values.rand_vreg_int(rng)
        s.mem = bytes(self._mem_bytes())
        self.state = s

    def _mem_bytes(self):
        out = bytearray()
        while len(out) < SCRATCH_SIZE:
            out += values.rand_u64(self.rng).to_bytes(8, "little")
        return out[:SCRATCH_SIZE]

    # --- register picking ---
    def r(self, avoid=()):
        """A general register number from this sequence's subset."""
        choices = [g for g in self.gprs if g not in avoid] or [g for g in GPR_POOL if g not in avoid]
        return self.rng.choice(choices)

    def x(self, zr=False, avoid=()):
        """Name of an X register; with zr=True XZR sometimes (only where 31 means ZR)."""
        if zr and self.rng.random() < 0.08:
            return "xzr"
        return "x%d" % self.r(avoid)

    def w(self, zr=False, avoid=()):
        if zr and self.rng.random() < 0.08:
            return "wzr"
        return "w%d" % self.r(avoid)

    def gpr(self, sf, zr=False):
        return self.x(zr) if sf else self.w(zr)

    def v(self, avoid=()):
        choices = [g for g in self.vregs if g not in avoid] or [g for g in range(32) if g not in avoid]
        return self.rng.choice(choices)

    def set_vreg_fp(self, n, bits):
        self.state.v[n] = values.rand_vreg_fp(self.rng, bits)

    def emit(self, line):
        self.lines.append(line)

    # conveniences
    def choice(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def randint(self, a, b):
        return self.rng.randint(a, b)


class Sequence:
    __slots__ = ("cls", "index", "lines", "state")

    def __init__(self, cls, index, lines, state):
        self.cls, self.index, self.lines, self.state = cls, index, lines, state

    @property
    def ident(self):
        return "%s#%d" % (self.cls, self.index)


# Class name -> module under classes/, in the order reports list them.
CLASS_MODULES = {
    "int": "integer", "cond": "conditions", "bitfield": "bitfield", "muldiv": "muldiv",
    "bitops": "bitops", "crc": "crc", "mem": "memory", "atomic": "atomics", "fp": "scalar_fp",
    "fcvt": "fp_convert", "simd": "simd_int", "perm": "simd_perm", "simdfp": "simd_fp",
}


def class_module(cls):
    import importlib
    return importlib.import_module(".classes." + CLASS_MODULES[cls], __package__)


def generate(cls, seed, index):
    """Sequence `index` of class `cls` for `seed`: deterministic, independent of its neighbours."""
    mod = class_module(cls)
    rng = random.Random("ferry-cpu/%s/%s/%d" % (seed, cls, index))
    ctx = Ctx(rng, vary_fpcr=getattr(mod, "VARY_FPCR", False),
              vreg_kind=getattr(mod, "VREG_KIND", "int"))
    for _ in range(rng.randint(1, getattr(mod, "MAX_STEPS", 5))):
        mod.step(ctx)
    return Sequence(cls, index, ctx.lines, ctx.state)
