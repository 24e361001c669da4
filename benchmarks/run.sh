#!/usr/bin/env bash
# Builds the guest workloads in src/ (AArch64 static and x86-64 static, -O2) and times them in
# one run natively, under qemu-user and under ferry; prints a table and writes results.md and
# results.json here.
#
#   run.sh [--emulator CMD] [--quick] [--runs N]
#
# --emulator CMD  the ferry command (default <repo>/.build/release/ferry; its column is "n/a"
#                 when that does not exist). qemu runs as `qemu-aarch64 -cpu $QEMU_CPU`
#                 (default cortex-a72: no SVE/MTE, so glibc picks the same generic routines
#                 as under ferry). --quick: smaller sizes, best of 1 (about a minute).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/TestCases/build/benchmarks"   # gitignored build area
ferry=""; quick=""; runs=""

die() { echo "run.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --emulator) [ $# -ge 2 ] || die "--emulator needs a command"; ferry=$2; shift 2 ;;
        --quick) quick=--quick; shift ;;
        --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="--runs $2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
if [ -z "$ferry" ] && [ -x "$root/.build/release/ferry" ]; then ferry="$root/.build/release/ferry"; fi
[ -z "$ferry" ] && echo "note: no ferry build (.build/release/ferry); its column shows n/a" >&2

command -v aarch64-linux-gnu-gcc >/dev/null || die "aarch64-linux-gnu-gcc missing: apt-get install -y gcc-aarch64-linux-gnu"
command -v qemu-aarch64 >/dev/null || die "qemu-aarch64 missing: apt-get install -y qemu-user"
command -v python3 >/dev/null || die "python3 missing"

mkdir -p "$build/x86_64" "$build/aarch64" "$build/work"
for src in "$here"/src/*.c; do
    n=$(basename "$src" .c)
    for pair in "x86_64 gcc" "aarch64 aarch64-linux-gnu-gcc"; do
        set -- $pair
        out="$build/$1/$n"
        if ! [ -x "$out" ] || [ "$src" -nt "$out" ]; then
            "$2" -O2 -static -o "$out" "$src" || die "build of $n for $1 failed"
        fi
    done
done

host_bb=$(command -v busybox) || die "host busybox missing: apt-get install -y busybox-static"
arm_bb=$("$root/TestCases/busybox/fetch.sh") || { echo "note: no arm64 busybox; the find row is native only" >&2; arm_bb=""; }

# shellcheck disable=SC2086
exec python3 "$here/bench.py" --bin-x86 "$build/x86_64" --bin-arm "$build/aarch64" --work "$build/work" \
    --busybox-host "$host_bb" --busybox-arm "$arm_bb" --qemu "$(command -v qemu-aarch64)" \
    --qemu-cpu "${QEMU_CPU:-cortex-a72}" --ferry "$ferry" $quick $runs --out-dir "$here"
