#!/usr/bin/env python3
"""Differential RISC-V 64 CPU test: generated instruction sequences run under an emulator
(default: ferry) and a reference (default: qemu-riscv64); register and memory dumps compared.

    difftest.py [--count N] [--seed S] [--classes a,b] [--emulator CMD] [--reference CMD]
Exit status: 0 all sequences agree, 1 some mismatch or crash, 2 harness error. See README.md."""
import argparse
import concurrent.futures
import hashlib
import os
import shlex
import shutil
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402

BUILD = os.path.join(REPO, "TestCases", "build", "cpu-riscv64")
NAMES = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1"] + ["a%d" % i for i in range(8)] + \
    ["s%d" % i for i in range(2, 12)] + ["t3", "t4", "t5", "t6"]


def build(cls, seed, first, n):
    with open(os.path.join(HERE, "gen.py"), "rb") as f:
        key = hashlib.sha256(f.read() + ("|%s|%s|%d|%d" % (cls, seed, first, n)).encode()).hexdigest()[:16]
    prog = os.path.join(BUILD, "%s-%d-%d-%s" % (cls, first, n, key))
    if not os.path.exists(prog):
        os.makedirs(BUILD, exist_ok=True)
        src = prog + ".S"
        with open(src, "w") as f:
            f.write(gen.program(cls, seed, first, n))
        r = subprocess.run(["riscv64-linux-gnu-gcc", "-nostdlib", "-static", "-o", prog + ".tmp", src],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("assembling %s failed: %s" % (src, r.stderr.strip()[:400]))
        os.rename(prog + ".tmp", prog)
        os.unlink(src)
    return prog


def run(cmd, prog, timeout):
    try:
        r = subprocess.run(shlex.split(cmd) + [prog], capture_output=True, timeout=timeout)
        return r.returncode, r.stdout, r.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return "timeout", b"", ""


def describe(cls, seed, index, want, got):
    """Lines naming each differing register or scratch byte range of one sequence."""
    _, _, _, _, body = gen.sequence(cls, seed, index)
    lines = ["MISMATCH %s#%d:" % (cls, index)] + ["    " + b for b in body]
    w = struct.unpack("<65Q", want[:520]); g = struct.unpack("<65Q", got[:520])
    for i in range(65):
        if w[i] != g[i]:
            name = NAMES[i] if i < 32 else ("f%d" % (i - 32) if i < 64 else "fcsr")
            lines.append("  %-5s reference 0x%016x  emulator 0x%016x" % (name, w[i], g[i]))
    if want[520:] != got[520:]:
        lines.append("  scratch memory differs at bytes %s" %
                     [k for k in range(256) if want[520 + k] != got[520 + k]][:16])
    return "\n".join(lines)


def check_chunk(args, cls, first, n):
    prog = build(cls, args.seed, first, n)
    st_r, out_r, err_r = run(args.reference, prog, args.timeout)
    st_e, out_e, err_e = run(args.emulator, prog, args.timeout)
    size = gen.DUMP_BYTES
    if st_r != 0 or len(out_r) != n * size:
        raise RuntimeError("reference failed on %s (status %s): %s" % (prog, st_r, err_r[:300]))
    reports = []
    for k in range(n):
        want, got = out_r[k * size:(k + 1) * size], out_e[k * size:(k + 1) * size]
        if want != got:
            if len(got) < size:
                reports.append("CRASH %s#%d: emulator stopped (status %s): %s" % (cls, first + k, st_e, err_e.strip()[:300]))
                break
            reports.append(describe(cls, args.seed, first + k, want, got))
    return cls, n, reports


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=2200, help="total sequences (split across classes)")
    p.add_argument("--seed", default="1")
    p.add_argument("--classes", default="all", help="comma-separated, or 'all': " + ",".join(gen.CLASSES))
    p.add_argument("--emulator", default=os.path.join(REPO, ".build", "release", "ferry"))
    p.add_argument("--reference", default="qemu-riscv64")
    p.add_argument("--per-binary", type=int, default=500)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--max-print", type=int, default=20)
    a = p.parse_args()
    classes = gen.CLASSES if a.classes == "all" else a.classes.split(",")
    for c in classes:
        if c not in gen.CLASSES:
            print("difftest.py: unknown class %s (have %s)" % (c, ",".join(gen.CLASSES)), file=sys.stderr)
            return 2
    for tool in (shlex.split(a.emulator)[0], shlex.split(a.reference)[0], "riscv64-linux-gnu-gcc"):
        if not shutil.which(tool):
            print("difftest.py: %s not found (TestCases/cpu-riscv64/setup.sh installs the toolchain and qemu; "
                  "build ferry with swift build -c release)" % tool, file=sys.stderr)
            return 2
    chunks = []
    base, extra = divmod(a.count, len(classes))
    for k, cls in enumerate(classes):
        total = base + (1 if k < extra else 0)
        for first in range(0, total, a.per_binary):
            chunks.append((cls, first, min(a.per_binary, total - first)))
    totals = {c: [0, 0] for c in classes}
    printed = 0
    try:
        with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
            for cls, n, reports in pool.map(lambda c: check_chunk(a, *c), chunks):
                totals[cls][0] += n
                totals[cls][1] += len(reports)
                for r in reports:
                    if a.max_print == 0 or printed < a.max_print:
                        print(r)
                    printed += 1
    except RuntimeError as e:
        print("difftest.py: %s" % e, file=sys.stderr)
        return 2
    bad = 0
    for c in classes:
        print("%-11s %6d sequences, %d mismatches" % (c, totals[c][0], totals[c][1]))
        bad += totals[c][1]
    print("total %d sequences, %d mismatches" % (sum(t[0] for t in totals.values()), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
