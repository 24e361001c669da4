"""`difftest.py --self-test`: checks the harness, not a CPU.

  1. qemu against qemu agrees on every sequence of every class;
  2. sequences do something (registers, flags, FPSR, memory change) under the reference;
  3. a reference that flips one bit of X3 in every 5th dump is caught, exactly there;
  4. an emulator that dies on every 7th sequence is caught exactly there, and the runner
     resumes after each crash;
  5. an emulator that cannot start the guest at all fails everything, fast;
  6. a real CPU difference is caught: qemu's Cortex-A53 model has no LSE or FP16, so those
     sequences die with SIGILL there (or keep FPCR.FZ16 clear) and must show up as mismatches;
  7. a missing emulator is a harness error (exit 2), not a pass.
"""
import copy
import io
import os
import sys
import time

from . import gen, runner
from .state import State, SCRATCH_REG

WRAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wrappers")
PY = sys.executable


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, detail=""):
        print("%s  %s%s" % ("PASS" if ok else "FAIL", what, ("  (" + detail + ")") if detail else ""))
        sys.stdout.flush()
        if ok:
            self.passed += 1
        else:
            self.failed += 1


def sub_run(run, base, **kw):
    a = copy.copy(base)
    a.max_print = 0
    a.quiet = True
    for k, v in kw.items():
        setattr(a, k, v)
    buf = io.StringIO()
    return run(a, out=buf), buf.getvalue()


def run(args, run_fn, HarnessError):
    c = Checks()
    qemu = "qemu-aarch64"
    ref = args.reference
    classes = list(gen.CLASS_MODULES)
    per = 60
    t0 = time.time()

    # 1. agreement
    res, text = sub_run(run_fn, args, emulator=qemu, reference=ref, classes="all",
                        count=per * len(classes))
    c.check(res.status == 0 and not res.failures, "qemu vs qemu agrees on %d sequences of %d classes"
            % (per * len(classes), len(classes)), text.strip().splitlines()[-1])

    # 2. sequences have effects
    from difftest import build_chunk, source_hash  # the CLI module, already imported
    srch = source_hash()
    for cls in classes:
        seqs, prog = build_chunk(cls, args.seed, 0, per, srch)
        outs = runner.run_binary(ref, prog, per, args.timeout)
        crashed = sum(1 for o in outs if not isinstance(o, State))
        changed = fpsr = mem = 0
        for s, o in zip(seqs, outs):
            if not isinstance(o, State):
                continue
            before = [f for f in s.state.fields() if f[0] != "x%d" % SCRATCH_REG]
            after = [f for f in o.fields() if f[0] != "x%d" % SCRATCH_REG]
            if before != after:
                changed += 1
            if o.fpsr & ~s.state.fpsr:
                fpsr += 1
            if o.mem != s.state.mem:
                mem += 1
        detail = "%d/%d change state, %d raise FPSR bits, %d write memory" % (changed, per, fpsr, mem)
        ok = crashed == 0 and changed >= per * 0.8
        if cls in ("fp", "fcvt", "simdfp", "simd"):
            ok = ok and fpsr >= per * 0.1
        if cls in ("mem", "atomic"):
            ok = ok and mem >= per * 0.3
        c.check(ok, "class %s sequences do something under the reference" % cls, detail)

    # 3. a flipped bit is found exactly where it was flipped
    flip = "%s %s/flip_bits.py --every 5 %s" % (PY, WRAP, ref)
    res, _ = sub_run(run_fn, args, emulator=qemu, reference=flip, classes="int", count=100)
    want = {"int#%d" % i for i in range(0, 100, 5)}
    got = {ident for ident, _ in res.failures}
    named_x3 = all(any(l.startswith("x3 ") for l in diff) for _, diff in res.failures)
    c.check(res.status == 1 and got == want and named_x3,
            "broken reference (bit 0 of X3 flipped every 5th sequence) caught exactly",
            "%d expected, %d found" % (len(want), len(got)))

    # 4. crashes are attributed to the right sequence and the run resumes after each
    crash = "%s %s/crash_some.py 7 3 %s" % (PY, WRAP, qemu)
    res, _ = sub_run(run_fn, args, emulator=crash, reference=ref, classes="int,fp", count=200)
    want = {"%s#%d" % (cl, i) for cl in ("int", "fp") for i in range(100) if i % 7 == 3}
    got = {ident for ident, _ in res.failures}
    says = all(any("SIGSEGV" in l and l.startswith("emulator:") for l in d) for _, d in res.failures)
    c.check(res.status == 1 and got == want and says,
            "emulator dying on every 7th sequence: each crash reported, the rest still compared",
            "%d expected, %d found" % (len(want), len(got)))

    # 5. an emulator that runs nothing fails everything and gives up quickly
    dead = "%s -c 'import sys; sys.exit(\"cannot load \" + sys.argv[1])'" % PY
    t = time.time()
    res, _ = sub_run(run_fn, args, emulator=dead, reference=ref, classes="int", count=300,
                     per_binary=300)
    c.check(res.status == 1 and len(res.failures) == 300 and time.time() - t < 60,
            "emulator that cannot start the guest: all 300 sequences fail, %.1f s" % (time.time() - t))

    # 6. a real CPU difference: Cortex-A53 lacks LSE and FP16
    res, _ = sub_run(run_fn, args, emulator="qemu-aarch64 -cpu cortex-a53", reference=ref,
                     classes="int,atomic,fp", count=300)
    fails = {cl: [d for i, d in res.failures if i.startswith(cl + "#")] for cl in ("int", "atomic", "fp")}
    # Each difference is a SIGILL, or FPCR.FZ16 (bit 19), which reads as 0 without FP16.
    sigill = all(any("SIGILL" in l for l in d) or all(l.startswith("fpcr ") for l in d)
                 for d in fails["atomic"] + fails["fp"])
    c.check(res.status == 1 and not fails["int"] and fails["atomic"] and fails["fp"] and sigill,
            "qemu -cpu cortex-a53 (no LSE, no FP16) differs from -cpu max where it should",
            "int %d, atomic %d, fp %d mismatches" % tuple(len(fails[k]) for k in ("int", "atomic", "fp")))

    # 7. a missing emulator is a harness error
    try:
        sub_run(run_fn, args, emulator="/nonexistent/ferry", reference=ref, classes="int", count=10)
        c.check(False, "missing emulator is a harness error", "it ran")
    except HarnessError as e:
        c.check(True, "missing emulator is a harness error", str(e))

    print("self-test: %d checks passed, %d failed (%.1f s)" % (c.passed, c.failed, time.time() - t0))
    return 0 if c.failed == 0 else 1
