#!/usr/bin/env python3
"""Times each guest workload natively (x86-64 build), under qemu-user and under ferry
(builds for the guest arch: aarch64 or riscv64), best of N runs each, checks that every lane printed the same output, and
writes the table to stdout, results.md and results.json. Called by run.sh, which builds.
Besides wall time it records CPU time (user + sys of the child): on a shared, loaded machine
the CPU-time ratio is the steadier of the two."""
import argparse, hashlib, json, os, platform, resource, shutil, subprocess, sys, time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--arch", default="aarch64", help="guest architecture, for the report")
    p.add_argument("--bin-x86", required=True)
    p.add_argument("--bin-guest", required=True, help="dir of the guest-arch builds")
    p.add_argument("--work", required=True, help="scratch dir for the file trees")
    p.add_argument("--busybox-host", required=True)
    p.add_argument("--busybox-guest", default="", help="guest-arch busybox; empty means n/a")
    p.add_argument("--busybox-note", default="", help="why there is no guest busybox")
    p.add_argument("--qemu", default="qemu-aarch64")
    p.add_argument("--qemu-cpu", default="cortex-a72")
    p.add_argument("--ferry", default="", help="ferry command; empty means n/a")
    p.add_argument("--quick", action="store_true")
    p.add_argument("--runs", type=int, default=0, help="best of this many (default 3, quick 1)")
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--out-dir", required=True)
    p.add_argument("--out-name", default="results", help="writes <out-name>.md and .json")
    return p.parse_args()


def make_files(root, count, per_dir, marker):
    """Creates COUNT small files (sizes vary 0..4095) once; a marker file records completion."""
    if os.path.exists(os.path.join(root, marker)):
        return
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    for i in range(count):
        d = root if per_dir == 0 else os.path.join(root, "d%03d" % (i // per_dir))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "f%04d" % (i if per_dir == 0 else i % per_dir)), "wb") as f:
            f.write(bytes((i * 7 + k) & 0xFF for k in range((i * 997) % 4096)))
    open(os.path.join(root, marker), "w").close()


def built_time(cmd):
    """Modification time of the emulator binary, so a result says how fresh the build was."""
    path = shutil.which(cmd.split()[0]) if cmd else None
    return time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(os.path.getmtime(path))) if path else None


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_once(cmd, timeout):
    """Returns (wall seconds, CPU seconds, stdout bytes, error text or None)."""
    t0, c0 = time.perf_counter(), children_cpu()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, b"", "timeout after %gs" % timeout
    except OSError as e:
        return None, None, b"", str(e)
    dt, dc = time.perf_counter() - t0, children_cpu() - c0
    if p.returncode != 0:
        return None, None, p.stdout, "exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace").strip()[:120])
    return dt, dc, p.stdout, None


def measure(cmd, repeat, runs, timeout):
    """Best of RUNS samples (wall and CPU time each their own best); a sample runs CMD REPEAT
    times back to back."""
    best, best_cpu, out = None, None, b""
    for _ in range(runs):
        total, total_cpu = 0.0, 0.0
        for _ in range(repeat):
            dt, dc, o, err = run_once(cmd, timeout)
            if err:
                return None, None, o, err
            total += dt
            total_cpu += dc
            out = o
        best = total if best is None else min(best, total)
        best_cpu = total_cpu if best_cpu is None else min(best_cpu, total_cpu)
    return best, best_cpu, out, None


def main():
    a = parse_args()
    load_before = os.getloadavg()[0]
    q = a.quick
    runs = a.runs or (1 if q else 3)
    files_dir = os.path.join(a.work, "files")
    tree_dir = os.path.join(a.work, "tree")
    nfiles, passes = (500, 2) if q else (2000, 10)
    make_files(files_dir, 2000, 0, ".complete")
    make_files(tree_dir, 20000, 100, ".complete")

    X = lambda n: os.path.join(a.bin_x86, n)
    A = lambda n: os.path.join(a.bin_guest, n)
    hello_n = 10 if q else 50
    workloads = [
        ("startup: static hello x%d" % hello_n, [X("hello")], [A("hello")], hello_n),
        ("sha256 %d MiB" % (8 if q else 64), [X("sha256"), str(8 if q else 64)], [A("sha256"), str(8 if q else 64)], 1),
        ("qsort %s ints" % ("250k" if q else "2M"), [X("sort"), str(250000 if q else 2000000)],
         [A("sort"), str(250000 if q else 2000000)], 1),
        ("coremark-like x%d" % (2000 if q else 20000), [X("coremark_like"), str(2000 if q else 20000)],
         [A("coremark_like"), str(2000 if q else 20000)], 1),
        ("open/fstat/read/close %dx%d" % (nfiles, passes), [X("fileloop"), files_dir, str(nfiles), str(passes)],
         [A("fileloop"), files_dir, str(nfiles), str(passes)], 1),
        ("busybox find, 20000 files", [a.busybox_host, "find", tree_dir, "-type", "f", "-name", "*7*"],
         [a.busybox_guest, "find", tree_dir, "-type", "f", "-name", "*7*"] if a.busybox_guest else None, 1),
    ]
    lanes = [("native", []), ("qemu", [a.qemu, "-cpu", a.qemu_cpu]), ("ferry", a.ferry.split() if a.ferry else None)]

    rows = []
    for name, xcmd, acmd, repeat in workloads:
        row = {"workload": name}
        outputs = {}
        for lane, prefix in lanes:
            cmd = xcmd if lane == "native" else (None if prefix is None or acmd is None else prefix + acmd)
            if cmd is None:
                row[lane] = None
                row[lane + "_note"] = "n/a"
                continue
            secs, cpu, out, err = measure(cmd, repeat, runs, a.timeout)
            row[lane] = secs
            row[lane + "_cpu"] = cpu
            row[lane + "_note"] = err or ""
            if err is None:
                outputs[lane] = hashlib.sha256(out).hexdigest()
        if len(set(outputs.values())) > 1:
            row["output_mismatch"] = sorted(outputs)
            print("warning: %s: outputs differ between lanes %s" % (name, outputs), file=sys.stderr)
        rows.append(row)
        print_row(row, header=len(rows) == 1)
        sys.stdout.flush()

    meta = {"arch": a.arch, "quick": q, "best_of": runs, "qemu": " ".join([a.qemu, "-cpu", a.qemu_cpu]),
            "ferry": a.ferry or None, "ferry_built": built_time(a.ferry), "busybox_note": a.busybox_note or None, "host": platform.machine(), "cpus": os.cpu_count(),
            "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "loadavg_before": load_before,
            "loadavg_after": os.getloadavg()[0]}
    with open(os.path.join(a.out_dir, a.out_name + ".json"), "w") as f:
        json.dump({"meta": meta, "rows": rows}, f, indent=2)
    with open(os.path.join(a.out_dir, a.out_name + ".md"), "w") as f:
        f.write("# Ferry benchmarks, %s guests\n\n" % a.arch)
        f.write("Best of %d; seconds of wall time, and ratios of CPU time (user + sys), which "
                "other load on the machine disturbs less. qemu: `%s`; ferry: %s%s. Measured %s on %s with %s CPUs, "
                "load average %.1f before and %.1f after%s.\n"
                "Regenerate with `benchmarks/run.sh%s`.\n\n"
                % (runs, meta["qemu"], "`%s`" % a.ferry if a.ferry else "not built",
                   " (built %s)" % meta["ferry_built"] if meta["ferry_built"] else "", meta["date"], meta["host"],
                   meta["cpus"], load_before, meta["loadavg_after"], " (--quick sizes)" if q else "",
                   "" if a.arch == "aarch64" else " --arch " + a.arch))
        f.write("| workload | native s | qemu s | ferry s | ferry/qemu | ferry/native | ferry/qemu CPU | ferry/native CPU |\n")
        f.write("|---|---:|---:|---:|---:|---:|---:|---:|\n")
        for r in rows:
            f.write("| " + " | ".join(cells(r)) + " |\n")
        if a.busybox_note:
            f.write("\nbusybox find: %s.\n" % a.busybox_note)
        for r in rows:
            if r.get("output_mismatch"):
                f.write("\nOutput mismatch in %s between %s.\n" % (r["workload"], ", ".join(r["output_mismatch"])))
        notes = [(r["workload"], l, r[l + "_note"]) for r in rows for l in ("native", "qemu", "ferry")
                 if r.get(l + "_note") and r[l + "_note"] != "n/a"]
        if notes:
            f.write("\nFailures:\n\n")
            for w, l, n in notes:
                f.write("- %s, %s: %s\n" % (w, l, n))
    return 0


def fmt(v):
    return "n/a" if v is None else "%.3f" % v


def ratio(x, y):
    return "n/a" if x is None or y is None or y == 0 else "%.2f" % (x / y)


def cells(r):
    def t(lane):
        if r.get(lane) is None:
            return "fail" if r.get(lane + "_note") not in ("", "n/a", None) else "n/a"
        return fmt(r[lane])
    return [r["workload"], t("native"), t("qemu"), t("ferry"), ratio(r.get("ferry"), r.get("qemu")),
            ratio(r.get("ferry"), r.get("native")), ratio(r.get("ferry_cpu"), r.get("qemu_cpu")),
            ratio(r.get("ferry_cpu"), r.get("native_cpu"))]


def print_row(r, header):
    w = [34, 10, 10, 10, 12, 14, 16, 16]
    if header:
        print("".join(h.ljust(n) for h, n in zip(["workload", "native s", "qemu s", "ferry s", "ferry/qemu",
                                                  "ferry/native", "ferry/qemu CPU", "ferry/native CPU"], w)))
    print("".join(c.ljust(n) for c, n in zip(cells(r), w)))
    for lane in ("native", "qemu", "ferry"):
        if r.get(lane + "_note") not in ("", "n/a", None):
            print("    %s failed: %s" % (lane, r[lane + "_note"]))


if __name__ == "__main__":
    sys.exit(main())
