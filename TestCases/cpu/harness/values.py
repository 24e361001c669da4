"""Operand values biased towards the edges where CPUs get things wrong."""
import struct

# --- integers -------------------------------------------------------------------------------

def int_edges(bits):
    """0, 1, -1, the signed and unsigned extremes of a width, and their neighbours."""
    m = (1 << bits) - 1
    top = 1 << (bits - 1)
    return [0, 1, 2, m, m - 1, top, top - 1, top + 1, m >> 1, 0x7F & m, 0x80 & m,
            (0x5555555555555555 & m), (0xAAAAAAAAAAAAAAAA & m)]


ALL_INT_EDGES = sorted(set(v for b in (8, 16, 32, 64) for v in int_edges(b)))


def rand_u64(rng):
    """A 64-bit register value: edges of every width, small numbers, powers of two, noise."""
    r = rng.random()
    if r < 0.30:
        v = rng.choice(ALL_INT_EDGES)
        if rng.random() < 0.3:  # sign-extended from a narrower width
            b = rng.choice((8, 16, 32))
            if v & (1 << (b - 1)):
                v |= ((1 << 64) - 1) ^ ((1 << b) - 1)
        return v & ((1 << 64) - 1)
    if r < 0.45:
        return rng.randrange(0, 64) if rng.random() < 0.7 else (-rng.randrange(1, 64)) & ((1 << 64) - 1)
    if r < 0.55:
        p = 1 << rng.randrange(64)
        return (p + rng.choice((-1, 0, 0, 1))) & ((1 << 64) - 1)
    if r < 0.65:  # a 32-bit value with noise above it, to catch missing truncation
        return (rng.getrandbits(32) << 32) | rng.choice(int_edges(32))
    return rng.getrandbits(64)


def rand_lane(rng, bits):
    """One integer SIMD lane of the given width."""
    if rng.random() < 0.45:
        return rng.choice(int_edges(bits))
    if rng.random() < 0.3:
        return rng.randrange(0, 16) if rng.random() < 0.5 else ((1 << bits) - rng.randrange(1, 16))
    return rng.getrandbits(bits)


def pack_lanes(lanes, bits):
    v = 0
    for i, lane in enumerate(lanes):
        v |= (lane & ((1 << bits) - 1)) << (i * bits)
    return v


def rand_vreg_int(rng, bits=None):
    """A 128-bit vector of integer lanes (mostly one lane width, edge-biased)."""
    bits = bits or rng.choice((8, 16, 32, 64))
    return pack_lanes([rand_lane(rng, bits) for _ in range(128 // bits)], bits)

# --- floating point --------------------------------------------------------------------------

# (exponent bits, fraction bits) per format
FP_FORMATS = {16: (5, 10), 32: (8, 23), 64: (11, 52)}


def fp_bits(bits, sign, exp, frac):
    e, f = FP_FORMATS[bits]
    return (sign << (bits - 1)) | (exp << f) | frac


def fp_from_float(bits, x):
    if bits == 64:
        return struct.unpack("<Q", struct.pack("<d", x))[0]
    if bits == 32:
        return struct.unpack("<I", struct.pack("<f", x))[0]
    return struct.unpack("<H", struct.pack("<e", x))[0]


def fp_edges(bits):
    e, f = FP_FORMATS[bits]
    emax = (1 << e) - 1
    fmax = (1 << f) - 1
    out = []
    for s in (0, 1):
        out += [
            fp_bits(bits, s, 0, 0),                    # zero
            fp_bits(bits, s, emax, 0),                 # infinity
            fp_bits(bits, s, emax, 1 << (f - 1)),      # default quiet NaN
            fp_bits(bits, s, emax, (1 << (f - 1)) | 5),  # quiet NaN with payload
            fp_bits(bits, s, emax, 1),                 # signalling NaN
            fp_bits(bits, s, emax, 3),                 # signalling NaN with payload
            fp_bits(bits, s, 0, 1),                    # smallest denormal
            fp_bits(bits, s, 0, fmax),                 # largest denormal
            fp_bits(bits, s, 1, 0),                    # smallest normal
            fp_bits(bits, s, emax - 1, fmax),          # largest normal
            fp_bits(bits, s, (emax >> 1), 0),          # 1.0
        ]
    return out


# Values that stress rounding and conversion boundaries (halves, integer-width limits).
INTERESTING_REALS = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999997, 3.0, 1e-3, 65504.0, 65520.0,
                     2.0 ** 31, 2.0 ** 31 - 1, 2.0 ** 31 - 0.5, 2.0 ** 31 + 1, 2.0 ** 32,
                     2.0 ** 32 - 1, 2.0 ** 63, 2.0 ** 64, 2.0 ** 52 + 0.5, 2.0 ** 53 + 1,
                     -2.0 ** 31, -2.0 ** 31 - 1, -2.0 ** 63, 0.1, 1.0 / 3, 255.5, 127.5, -128.5]


def rand_fp(rng, bits):
    """One FP value of a width, as raw bits: edges, conversion boundaries, or random finite."""
    e, f = FP_FORMATS[bits]
    r = rng.random()
    if r < 0.35:
        return rng.choice(fp_edges(bits))
    if r < 0.55:
        x = rng.choice(INTERESTING_REALS)
        try:
            return fp_from_float(bits, x * rng.choice((1, 1, -1)))
        except (OverflowError, struct.error):
            return fp_from_float(bits, float("inf"))
    if r < 0.65:  # denormal with random fraction
        return fp_bits(bits, rng.getrandbits(1), 0, rng.getrandbits(f))
    if r < 0.85:  # normal with a modest exponent: results stay in range and are interesting
        bias = (1 << (e - 1)) - 1
        exp = bias + rng.randrange(-8, 12)
        return fp_bits(bits, rng.getrandbits(1), exp, rng.getrandbits(f))
    return rng.getrandbits(bits)


def rand_vreg_fp(rng, bits):
    return pack_lanes([rand_fp(rng, bits) for _ in range(128 // bits)], bits)

# --- FPCR / FPSR / NZCV ----------------------------------------------------------------------

FPCR_RMODE_SHIFT = 22
FPCR_FZ16 = 1 << 19
FPCR_FZ = 1 << 24
FPCR_DN = 1 << 25
FPCR_AHP = 1 << 26


def rand_fpcr(rng, vary=True):
    """Rounding mode always varies when asked; FZ/DN/FZ16/AHP now and then."""
    if not vary:
        return 0
    v = rng.randrange(4) << FPCR_RMODE_SHIFT if rng.random() < 0.6 else 0
    for bit in (FPCR_FZ, FPCR_DN, FPCR_FZ16, FPCR_AHP):
        if rng.random() < 0.15:
            v |= bit
    return v


FPSR_BITS = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 7) | (1 << 27)


def rand_fpsr(rng):
    """Mostly clear, so flags a sequence raises are visible; sometimes sticky bits preset."""
    return rng.getrandbits(32) & FPSR_BITS if rng.random() < 0.15 else 0


def rand_nzcv(rng):
    return rng.randrange(16) << 28
