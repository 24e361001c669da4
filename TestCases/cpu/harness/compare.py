"""Compares the two outcomes of one sequence and formats a mismatch for a person to act on."""
from .runner import Crash
from .state import SCRATCH_REG


def compare(ref, emu):
    """None when they agree, else a list of lines describing the difference."""
    if isinstance(ref, Crash) or isinstance(emu, Crash):
        if isinstance(ref, Crash) and isinstance(emu, Crash) and ref.reason == emu.reason:
            return ["both crashed (%s): the generator made a trapping sequence" % ref.reason]
        out = []
        if isinstance(emu, Crash):
            out.append("emulator:  no dump, %s" % emu.reason)
        if isinstance(ref, Crash):
            out.append("reference: no dump, %s" % ref.reason)
        return out
    diffs = []
    for (name, a, width), (_, b, _) in zip(ref.fields(), emu.fields()):
        if a != b:
            diffs.append("%-9s reference %0*x  emulator %0*x%s"
                         % (name, width, a, width, b, _hint(name, a, b)))
    return diffs or None


def _hint(name, a, b):
    if name == "nzcv":
        return "   (%s vs %s)" % (_flags(a), _flags(b))
    if name == "fpsr":
        return "   (%s vs %s)" % (_fpsr(a), _fpsr(b))
    return ""


def _flags(v):
    return "".join(c if v & (1 << (31 - i)) else "-" for i, c in enumerate("NZCV"))


def _fpsr(v):
    names = [(27, "QC"), (7, "IDC"), (4, "IXC"), (3, "UFC"), (2, "OFC"), (1, "DZC"), (0, "IOC")]
    return ",".join(n for bit, n in names if v & (1 << bit)) or "0"


def describe_initial(seq):
    """The initial state a sequence ran from, trimmed to the registers it names."""
    s = seq.state
    text = " ".join(seq.lines).lower()
    lines = []
    xs = ["x%d=%016x" % (i, v) for i, v in enumerate(s.x)
          if i != SCRATCH_REG and _named(text, i, "xw")]
    if xs:
        for k in range(0, len(xs), 4):
            lines.append("  " + "  ".join(xs[k:k + 4]))
    lines.append("  nzcv=%s fpcr=%08x fpsr=%08x" % (_flags(s.nzcv), s.fpcr, s.fpsr))
    vs = ["v%d=%032x" % (i, v) for i, v in enumerate(s.v) if _named(text, i, "vqdshb")]
    for k in range(0, len(vs), 2):
        lines.append("  " + "  ".join(vs[k:k + 2]))
    if "x28" in text or "[" in text:
        lines.append("  scratch (x28) = " + s.mem[:64].hex() + " ...")
    return lines


def _named(text, i, prefixes):
    import re
    return any(re.search(r"\b%s%d\b" % (p, i), text) for p in prefixes)
