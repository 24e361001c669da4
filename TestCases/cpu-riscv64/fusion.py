#!/usr/bin/env python3
"""Differential test of the ops Ferry's RISC-V translator fuses or moves (RISCV64Specialiser):
rotates spelled srli/slli/or (W and 64-bit) with other ops and hazards in between, mv/sext.w
runs, slli+add, and addi before a closing branch in counted loops. difftest.py's 1-6 instruction
sequences rarely form these shapes; here each case is a long straight-line block built from them
over few registers (so hazards that must stop a fusion are common), then x1-x31 are written out.
The same binary runs under the emulator and qemu-riscv64 (the reference); the dumps must agree.

    fusion.py [--emulator CMD] [--reference CMD] [--cases N] [--seed S]
Exit status: 0 all agree, 1 a mismatch, 2 harness error."""
import argparse, os, random, shlex, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CC = "riscv64-linux-gnu-gcc"
QEMU = "qemu-riscv64 -cpu rv64,zba=false,zbb=false,zbc=false,zbs=false"
# x2 (sp) holds the dump buffer; every other register may be used.
POOL = [1] + list(range(3, 32))


def x(r):
    return "x%d" % r


def filler(rng, regs):
    """One register-only op on the case's registers (reads and writes that may hit a fusion's
    temporaries or its source)."""
    op = rng.choice(["add", "xor", "addw", "or", "and", "sub", "addi", "addiw", "slli", "srli",
                     "srliw", "slliw", "mv", "sext.w"])
    d, a, b = rng.choice(regs), rng.choice(regs), rng.choice(regs)
    if op in ("addi", "addiw"):
        return "%s %s, %s, %d" % (op, x(d), x(a), rng.randint(-2048, 2047))
    if op in ("slli", "srli"):
        return "%s %s, %s, %d" % (op, x(d), x(a), rng.randint(0, 63))
    if op in ("slliw", "srliw"):
        return "%s %s, %s, %d" % (op, x(d), x(a), rng.randint(0, 31))
    if op in ("mv", "sext.w"):
        return "%s %s, %s" % (op, x(d), x(a))
    return "%s %s, %s, %s" % (op, x(d), x(a), x(b))


def rotate(rng, regs):
    word = rng.random() < 0.6
    width = 32 if word else 64
    k = rng.randint(1, width - 1)
    v, a, b, d = (rng.choice(regs) for _ in range(4))
    suffix = "w" if word else ""
    right = "srli%s %s, %s, %d" % (suffix, x(a), x(v), k)
    left = "slli%s %s, %s, %d" % (suffix, x(b), x(v), width - k)
    parts = [right, left] if rng.random() < 0.5 else [left, right]
    out = []
    for p in parts:
        out.append(p)
        out += [filler(rng, regs) for _ in range(rng.choice([0, 0, 1, 2]))]
    out.append("or %s, %s, %s" % ((x(d), x(a), x(b)) if rng.random() < 0.5 else (x(d), x(b), x(a))))
    return out


def moves(rng, regs):
    return ["%s %s, %s" % (rng.choice(["mv", "sext.w"]), x(rng.choice(regs)), x(rng.choice(regs)))
            for _ in range(rng.randint(2, 5))]


def shift_add(rng, regs):
    t, a, b = (rng.choice(regs) for _ in range(3))
    return ["slli %s, %s, %d" % (x(t), x(a), rng.randint(0, 63)),
            "add %s, %s, %s" % ((x(t), x(t), x(b)) if rng.random() < 0.5 else (x(t), x(b), x(t)))]


def counted_loop(rng, regs, label):
    """A loop whose closing block is `...; addi; b<cond>` (the addi+branch fusion)."""
    counter = rng.choice(regs)
    body = [r for r in regs if r != counter]
    n = rng.randint(1, 9)
    branch = rng.choice(["bnez", "bgtz", "blt", "bgeu", "bne"])
    out = ["li %s, %d" % (x(counter), n), "%s:" % label]
    out += [filler(rng, body) for _ in range(rng.randint(0, 3))]
    out.append("addi %s, %s, -1" % (x(counter), x(counter)))
    if branch == "bnez":
        out.append("bnez %s, %s" % (x(counter), label))
    elif branch == "bgtz":
        out.append("bgtz %s, %s" % (x(counter), label))
    elif branch == "blt":
        out.append("blt zero, %s, %s" % (x(counter), label))
    elif branch == "bgeu":
        out += ["li %s, 1" % x(body[0]), "bgeu %s, %s, %s" % (x(counter), x(body[0]), label)]
    else:
        out.append("bne %s, zero, %s" % (x(counter), label))
    return out


def case(rng, index):
    regs = rng.sample(POOL, rng.randint(4, 9))
    lines = ["case%d:" % index]
    for r in POOL:
        lines.append("li %s, 0x%x" % (x(r), rng.getrandbits(64)))
    for j in range(rng.randint(4, 12)):
        kind = rng.choice(["rotate", "rotate", "rotate", "moves", "shift_add", "filler", "loop"])
        if kind == "rotate":
            lines += rotate(rng, regs)
        elif kind == "moves":
            lines += moves(rng, regs)
        elif kind == "shift_add":
            lines += shift_add(rng, regs)
        elif kind == "filler":
            lines.append(filler(rng, regs))
        else:
            lines += counted_loop(rng, regs, "loop%d_%d" % (index, j))
    for r in range(1, 32):
        if r != 2:
            lines.append("sd %s, %d(sp)" % (x(r), 8 * r))
    lines += ["li a0, 1", "mv a1, sp", "li a2, 256", "li a7, 64", "ecall"]
    return lines


def program(seed, cases):
    rng = random.Random(seed)
    body = [".text", ".globl _start", "_start:", "la sp, dump"]
    for i in range(cases):
        body += case(rng, i)
    body += ["li a0, 0", "li a7, 93", "ecall", ".bss", ".balign 16", "dump: .space 256"]
    return "\n".join("    " + l if not l.endswith(":") else l for l in body) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--emulator", default=os.path.join(REPO, ".build", "release", "ferry"))
    p.add_argument("--reference", default=QEMU)
    p.add_argument("--cases", type=int, default=400)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    emulator, reference = shlex.split(a.emulator), shlex.split(a.reference)
    for tool in (CC, emulator[0], reference[0]):
        if not (os.path.exists(tool) or subprocess.run(["sh", "-c", "command -v " + shlex.quote(tool)],
                                                       capture_output=True).returncode == 0):
            print("fusion.py: %s missing (TestCases/cpu-riscv64/setup.sh installs the tools)" % tool, file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory(prefix="ferry-rv-fusion.") as d:
        src, binary = os.path.join(d, "f.S"), os.path.join(d, "f")
        open(src, "w").write(program(a.seed, a.cases))
        r = subprocess.run([CC, "-nostdlib", "-static", "-march=rv64gc", "-o", binary, src],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print("fusion.py: assembling failed: " + (r.stderr.strip().splitlines() or ["?"])[0], file=sys.stderr)
            return 2
        want = subprocess.run(reference + [binary], capture_output=True, timeout=300)
        got = subprocess.run(emulator + [binary], capture_output=True, timeout=300)
    if want.returncode != 0 or len(want.stdout) != 256 * a.cases:
        print("fusion.py: the reference did not run the program (status %d)" % want.returncode, file=sys.stderr)
        return 2
    bad = 0
    for i in range(a.cases):
        w, g = want.stdout[256 * i:256 * (i + 1)], got.stdout[256 * i:256 * (i + 1)]
        if w != g:
            bad += 1
            if bad <= 5:
                regs = [r for r in range(1, 32) if w[8 * r:8 * r + 8] != g[8 * r:8 * r + 8]]
                print("MISMATCH case%d: x%s" % (i, ", x".join(map(str, regs)) if regs else "(output short)"))
    if got.returncode != 0:
        print("emulator exit status %d" % got.returncode)
        bad = max(bad, 1)
    print("seed %d: %d cases, %d mismatches" % (a.seed, a.cases, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
