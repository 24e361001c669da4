#!/usr/bin/env python3
"""Differential AArch64 CPU test: generated instruction sequences run under an emulator
(default: ferry) and a reference (default: qemu-aarch64 -cpu max); register dumps compared.

Exit status: 0 all sequences agree, 1 some mismatch (or a crash under one side), 2 harness error.
See README.md in this folder."""
import argparse
import concurrent.futures
import hashlib
import os
import shlex
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from harness import gen, guest, runner, compare  # noqa: E402

DEFAULT_EMULATOR = os.path.join(REPO, ".build", "release", "ferry")
DEFAULT_REFERENCE = "qemu-aarch64 -cpu max"
BUILD_ROOT = os.path.join(REPO, "TestCases", "build", "cpu")


class HarnessError(Exception):
    pass


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=1000, help="total sequences (split across classes)")
    p.add_argument("--seed", default="1", help="generation seed (any string)")
    p.add_argument("--classes", default="all",
                   help="comma-separated classes, or 'all': " + ",".join(gen.CLASS_MODULES))
    p.add_argument("--emulator", default=None,
                   help="command under test (default: %s)" % os.path.relpath(DEFAULT_EMULATOR, REPO))
    p.add_argument("--reference", default=DEFAULT_REFERENCE, help="reference command")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--per-binary", type=int, default=1000, help="sequences per guest binary")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per emulator launch")
    p.add_argument("--max-print", type=int, default=0,
                   help="print at most this many mismatches in full (0: all)")
    p.add_argument("--only", default=None, metavar="CLASS#INDEX",
                   help="run just one sequence, as named in a MISMATCH line (with the same --seed)")
    p.add_argument("--quiet", action="store_true", help="only per-class totals and the summary")
    p.add_argument("--self-test", action="store_true",
                   help="check the harness itself: qemu vs qemu agrees, and broken references are caught")
    return p.parse_args(argv)


def source_hash():
    """Changes whenever any generator/guest source changes, to invalidate cached binaries."""
    h = hashlib.sha256()
    for root, _, files in sorted(os.walk(os.path.join(HERE, "harness"))):
        for name in sorted(files):
            if name.endswith(".py"):
                with open(os.path.join(root, name), "rb") as f:
                    h.update(name.encode() + f.read())
    return h.hexdigest()[:12]


def plan(classes, count, per_binary):
    """[(class, first index, n)] chunks: count split evenly across classes, then per binary."""
    chunks = []
    base, extra = divmod(count, len(classes))
    for k, cls in enumerate(classes):
        n = base + (1 if k < extra else 0)
        for first in range(0, n, per_binary):
            chunks.append((cls, first, min(per_binary, n - first)))
    return chunks


def build_chunk(cls, seed, first, n, srchash, need_seqs=True):
    """(sequences, guest path) for one chunk; with need_seqs=False a cached guest is reused
    without regenerating its sequences (None then: regenerate one on demand to report it)."""
    key = hashlib.sha256(("%s|%s|%s|%d|%d" % (srchash, cls, seed, first, n)).encode()).hexdigest()[:16]
    outdir = os.path.join(BUILD_ROOT, "%s-%d-%d-%s" % (cls, first, n, key))
    prog = os.path.join(outdir, "prog")
    if os.path.exists(prog) and not need_seqs:
        return None, prog
    seqs = [gen.generate(cls, seed, first + i) for i in range(n)]
    if not os.path.exists(prog):
        tmp = outdir + ".tmp%d" % os.getpid()
        shutil.rmtree(tmp, ignore_errors=True)
        try:
            guest.build(seqs, tmp)
        except guest.BuildError:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        shutil.rmtree(outdir, ignore_errors=True)
        os.rename(tmp, outdir)
    return seqs, prog


def check_tools(emulator, reference):
    for tool in (guest.AS, guest.LD):
        if not shutil.which(tool):
            raise HarnessError("%s not found: install binutils-aarch64-linux-gnu "
                               "(TestCases/cpu/setup.sh does)" % tool)
    for role, cmd in (("emulator", emulator), ("reference", reference)):
        try:
            exe = shlex.split(cmd)[0]
        except (ValueError, IndexError):
            raise HarnessError("%s command %r cannot be parsed" % (role, cmd))
        if not (shutil.which(exe) or os.access(exe, os.X_OK)):
            if cmd == DEFAULT_EMULATOR:
                raise HarnessError("%s not found: build ferry first (swift build -c release) "
                                   "or pass --emulator CMD" % os.path.relpath(exe, REPO))
            raise HarnessError("%s %r not found or not executable" % (role, exe))


class Outcome:
    def __init__(self, status, per_class, failures):
        self.status, self.per_class, self.failures = status, per_class, failures


def run(args, out=sys.stdout):
    """The whole differential run; returns an Outcome (status 0 or 1; errors raise)."""
    emulator = args.emulator or DEFAULT_EMULATOR
    classes = list(gen.CLASS_MODULES) if args.classes == "all" else \
        [c.strip() for c in args.classes.split(",") if c.strip()]
    bad = [c for c in classes if c not in gen.CLASS_MODULES]
    if args.only:
        bad = []
    if bad or not classes:
        raise HarnessError("unknown class %s; known: %s" % (",".join(bad) or "(none)",
                                                           ",".join(gen.CLASS_MODULES)))
    if args.count < 1 or args.per_binary < 1 or args.jobs < 1:
        raise HarnessError("--count, --per-binary and --jobs must be positive")
    check_tools(emulator, args.reference)
    os.makedirs(BUILD_ROOT, exist_ok=True)
    srchash = source_hash()
    chunks = plan(classes, args.count, args.per_binary)
    if args.only:
        cls, _, idx = args.only.partition("#")
        if cls not in gen.CLASS_MODULES or not idx.isdigit():
            raise HarnessError("--only wants CLASS#INDEX, e.g. fp#12; got %r" % args.only)
        classes, chunks = [cls], [(cls, int(idx), 1)]
    t0 = time.time()

    def work(chunk):
        cls, first, n = chunk
        seqs, prog = build_chunk(cls, args.seed, first, n, srchash, need_seqs=False)
        ref = runner.run_binary(args.reference, prog, n, args.timeout)
        emu = runner.run_binary(emulator, prog, n, args.timeout)
        return cls, first, seqs, ref, emu

    per_class = {c: [0, 0] for c in classes}
    failures = []  # (sequence ident, difference lines)
    not_run = {}  # reason -> sequences the emulator never got to run
    printed = 0
    failed_total = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for cls, first, seqs, ref, emu in pool.map(work, chunks):
            for k, (r, e) in enumerate(zip(ref, emu)):
                diff = compare.compare(r, e)
                if diff is None:
                    per_class[cls][0] += 1
                    continue
                per_class[cls][1] += 1
                failed_total += 1
                if isinstance(e, runner.Crash) and e.reason.startswith("not run:"):
                    not_run.setdefault(e.reason, 0)
                    not_run[e.reason] += 1  # one summary line instead of thousands
                    failures.append(("%s#%d" % (cls, first + k), ["emulator:  " + e.reason]))
                    continue
                seq = seqs[k] if seqs else gen.generate(cls, args.seed, first + k)
                failures.append((seq.ident, diff))
                if args.quiet or (args.max_print and printed >= args.max_print):
                    continue
                printed += 1
                print("MISMATCH %s (seed %s)" % (seq.ident, args.seed), file=out)
                for line in seq.lines:
                    print("    " + line, file=out)
                print("  initial state:", file=out)
                for line in compare.describe_initial(seq):
                    print("  " + line, file=out)
                for line in diff:
                    print("  " + line, file=out)
                print(file=out)
    if args.max_print and failed_total > printed and not args.quiet:
        print("(%d more mismatches not printed)" % (failed_total - printed), file=out)
    for reason, n in not_run.items():
        print("NOT RUN %d sequences, emulator: %s" % (n, reason[len("not run: "):]), file=out)
    elapsed = time.time() - t0
    print("per class (passed/failed):", file=out)
    for cls in classes:
        p, f = per_class[cls]
        print("  %-9s %6d passed %6d failed" % (cls, p, f), file=out)
    print("emulator: %s\nreference: %s\nseed %s, %.1f s" % (emulator, args.reference, args.seed,
                                                            elapsed), file=out)
    passed = sum(p for p, _ in per_class.values())
    print("%d passed, %d failed" % (passed, failed_total), file=out)
    return Outcome(1 if failed_total else 0, per_class, failures)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.self_test:
            from harness import selftest
            return selftest.run(args, run, HarnessError)
        return run(args).status
    except (HarnessError, guest.BuildError, RuntimeError) as e:
        print("difftest: error: %s" % e, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 2


if __name__ == "__main__":
    sys.exit(main())
