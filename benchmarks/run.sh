#!/usr/bin/env bash
# Builds the guest workloads in src/ (static, -O2, for the guest arch and for x86-64) and times
# them in one run natively, under qemu-user and under ferry; prints a table and writes
# results.md/json (aarch64) or results-<arch>.md/json (other arches) here.
#
#   run.sh [--arch aarch64|riscv64] [--emulator CMD] [--quick] [--runs N]
#
# --arch          guest architecture (default aarch64).
# --emulator CMD  the ferry command (default <repo>/.build/release/ferry; its column is "n/a"
#                 when that does not exist). qemu runs as `qemu-<arch> -cpu $QEMU_CPU`; the
#                 default CPU per arch is chosen to implement what ferry implements (see the
#                 arch table below). --quick: smaller sizes, best of 1 (about a minute).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/TestCases/build/benchmarks"   # gitignored build area
ferry=""; quick=""; runs=""; arch=aarch64

die() { echo "run.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --arch) [ $# -ge 2 ] || die "--arch needs aarch64 or riscv64"; arch=$2; shift 2 ;;
        --emulator) [ $# -ge 2 ] || die "--emulator needs a command"; ferry=$2; shift 2 ;;
        --quick) quick=--quick; shift ;;
        --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="--runs $2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done

# The arch table: cross compiler, its Debian package, qemu-user binary, default qemu CPU,
# results file suffix.
# - aarch64: cortex-a72 has no SVE/MTE, so glibc picks the same generic routines as under ferry.
# - riscv64: ferry implements RV64GC (IMAFDC + Zicsr/Zifencei). qemu 7.2's generic `rv64` CPU
#   also enables the Zba/Zbb/Zbc/Zbs bit-manipulation extensions by default, so they are turned
#   off: qemu then accepts exactly the instruction set ferry does (the rv64gc builds use none of
#   them anyway, and bookworm's glibc has no riscv64 ifuncs that would probe for them).
case "$arch" in
    aarch64) cc=aarch64-linux-gnu-gcc; cc_pkg=gcc-aarch64-linux-gnu; qemu=qemu-aarch64
             cpu=cortex-a72; suffix="" ;;
    riscv64) cc=riscv64-linux-gnu-gcc; cc_pkg=gcc-riscv64-linux-gnu; qemu=qemu-riscv64
             cpu=rv64,zba=false,zbb=false,zbc=false,zbs=false; suffix="-riscv64" ;;
    *) die "unknown --arch '$arch' (aarch64 or riscv64)" ;;
esac

if [ -z "$ferry" ] && [ -x "$root/.build/release/ferry" ]; then ferry="$root/.build/release/ferry"; fi
[ -z "$ferry" ] && echo "note: no ferry build (.build/release/ferry); its column shows n/a" >&2

command -v "$cc" >/dev/null || die "$cc missing: apt-get install -y $cc_pkg"
command -v "$qemu" >/dev/null || die "$qemu missing: apt-get install -y qemu-user"
command -v python3 >/dev/null || die "python3 missing"

mkdir -p "$build/x86_64" "$build/$arch" "$build/work"
for src in "$here"/src/*.c; do
    n=$(basename "$src" .c)
    for pair in "x86_64 gcc" "$arch $cc"; do
        set -- $pair
        out="$build/$1/$n"
        if ! [ -x "$out" ] || [ "$src" -nt "$out" ]; then
            "$2" -O2 -static -o "$out" "$src" || die "build of $n for $1 failed"
        fi
    done
done

host_bb=$(command -v busybox) || die "host busybox missing: apt-get install -y busybox-static"
guest_bb=""; bb_note=""
case "$arch" in
    aarch64) guest_bb=$("$root/TestCases/busybox/fetch.sh") ||
                 { echo "note: no arm64 busybox; the find row is native only" >&2; guest_bb=""; } ;;
    # Debian bookworm (the archive this machine and CI use) has no riscv64 port; busybox-static
    # for riscv64 exists only from trixie on, so the find row is native only.
    riscv64) bb_note="no riscv64 busybox: Debian bookworm has no riscv64 port" ;;
esac

# shellcheck disable=SC2086
exec python3 "$here/bench.py" --arch "$arch" --bin-x86 "$build/x86_64" --bin-guest "$build/$arch" \
    --work "$build/work" --busybox-host "$host_bb" --busybox-guest "$guest_bb" --busybox-note "$bb_note" \
    --qemu "$(command -v "$qemu")" --qemu-cpu "${QEMU_CPU:-$cpu}" --ferry "$ferry" $quick $runs \
    --out-dir "$here" --out-name "results$suffix"
