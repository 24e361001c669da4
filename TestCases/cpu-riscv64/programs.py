#!/usr/bin/env python3
"""Runs TestCases/programs/src under an emulator as riscv64 static binaries and compares stdout
and exit status with the native x86-64 build (the oracle), as TestCases/programs/run.sh does for
aarch64 (same per-program directives: opt, libs, args, stdin, env, status).

    programs.py [--emulator CMD] [--only NAME,...] [--timeout S]
Exit status: 0 all pass, 1 some fail, 2 harness error."""
import argparse, os, re, shlex, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PROGRAMS = os.path.join(REPO, "TestCases", "programs")
BUILD = os.path.join(REPO, "TestCases", "build", "programs")
# -ffp-contract=off: riscv64 GCC fuses a*b+c into fmadd, baseline x86-64 does not.
COMMON = ["-static", "-ffp-contract=off", "-fno-strict-aliasing", "-w", "-I" + os.path.join(PROGRAMS, "common")]


def directive(src, name):
    with open(src) as f:
        for line in f:
            m = re.match(r"^// %s: *(.*)$" % re.escape(name), line)
            if m:
                return m.group(1).strip()
    return ""


def build(arch, cc, name):
    src = os.path.join(PROGRAMS, "src", name + ".c")
    out = os.path.join(BUILD, arch, name)
    libs = directive(src, "libs").split()
    flags = (directive(src, "opt") or "-O2").split() + COMMON + libs
    os.makedirs(os.path.dirname(out), exist_ok=True)
    stamp = out + ".flags"
    if (os.path.exists(out) and os.path.getmtime(out) > os.path.getmtime(src)
            and os.path.exists(stamp) and open(stamp).read() == " ".join(flags)):
        return out, None
    r = subprocess.run([cc] + flags + ["-o", out, src] + libs + ["-lm"], capture_output=True, text=True)
    if r.returncode != 0:
        return None, (r.stderr.strip().splitlines() or ["?"])[0][:200]
    open(stamp, "w").write(" ".join(flags))
    return out, None


def run(cmd, src, timeout):
    args = shlex.split(directive(src, "args"))
    stdin_rel = directive(src, "stdin")
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "HOME": "/nonexistent"}
    for kv in directive(src, "env").split():
        k, _, v = kv.partition("=")
        env[k] = v
    d = tempfile.mkdtemp(prefix="ferry-rv-prog.")
    try:
        stdin = open(os.path.join(PROGRAMS, stdin_rel)) if stdin_rel else subprocess.DEVNULL
        r = subprocess.run(cmd + args, cwd=d, env=env, stdin=stdin, capture_output=True, timeout=timeout)
        # A death by signal reads as the shell shows it (128 + signal), like run.sh.
        return (128 - r.returncode if r.returncode < 0 else r.returncode), r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--emulator", default=os.path.join(REPO, ".build", "release", "ferry"))
    p.add_argument("--only", default="")
    p.add_argument("--timeout", type=float, default=60)
    a = p.parse_args()
    emu = shlex.split(a.emulator)
    if not shutil.which(emu[0]):
        print("programs.py: emulator %s not found (build ferry or pass --emulator)" % emu[0], file=sys.stderr)
        return 2
    if not shutil.which("riscv64-linux-gnu-gcc"):
        print("programs.py: riscv64-linux-gnu-gcc missing: run TestCases/cpu-riscv64/setup.sh", file=sys.stderr)
        return 2
    names = sorted(f[:-2] for f in os.listdir(os.path.join(PROGRAMS, "src")) if f.endswith(".c"))
    if a.only:
        names = [n for n in names if n in a.only.split(",")]
    passed = failed = 0
    for name in names:
        src = os.path.join(PROGRAMS, "src", name + ".c")
        native, err = build("x86_64", "gcc", name)
        guest, err2 = build("riscv64", "riscv64-linux-gnu-gcc", name)
        want = int(directive(src, "status") or 0)
        problem = None
        if err or err2:
            problem = "build failed: %s" % (err or err2)
        else:
            st_n, out_n, _ = run([native], src, a.timeout)
            st_e, out_e, err_e = run(emu + [guest], src, a.timeout)
            if st_n != want:
                problem = "native run exited %s, expected %d" % (st_n, want)
            elif st_e == "timeout":
                problem = "timed out after %ss under emulation" % a.timeout
            elif out_n != out_e:
                ln, le = out_n.splitlines(), out_e.splitlines()
                i = next((k for k in range(min(len(ln), len(le))) if ln[k] != le[k]), min(len(ln), len(le)))
                problem = "line %d: native %r vs emulated %r" % (i + 1, ln[i][:100] if i < len(ln) else None,
                                                                  le[i][:100] if i < len(le) else None)
            elif st_n != st_e:
                problem = "exit status native=%s emulated=%s (%s)" % (st_n, st_e, err_e.decode(errors="replace")[:120].strip())
        if problem:
            print("FAIL %s: %s" % (name, problem)); failed += 1
        else:
            print("PASS %s" % name); passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
