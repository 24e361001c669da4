#!/usr/bin/env bash
# strace(1) as the reference for ferry -strace: builds each program here for x86-64 and aarch64
# (static), runs the native build under `strace -f -qq -X abbrev` and the guest build under
# `ferry -strace`, normalises what legitimately differs (addresses, pids, times, start-up before
# the BEGIN marker) and compares the lines of every syscall both make.
#
#   compare.sh [--ferry PATH] [--build DIR] [--keep]
#
# Prints per-syscall agreement; exits 1 on a difference not listed in known-differences.txt
# ("name: reason" lines), including a syscall or signal only one side shows, 2 when it cannot run
# (missing tool), 0 otherwise. --build: where the programs and logs go (default
# TestCases/build/strace; give each concurrent run its own).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ferry="$root/.build/release/ferry"; keep=""; build="$root/TestCases/build/strace"
while [ $# -gt 0 ]; do
    case "$1" in
        --ferry) [ $# -ge 2 ] || { echo "compare.sh: --ferry needs a path" >&2; exit 2; }; ferry=$2; shift 2 ;;
        --build) [ $# -ge 2 ] || { echo "compare.sh: --build needs a directory" >&2; exit 2; }; build=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
for tool in gcc aarch64-linux-gnu-gcc strace python3; do
    command -v $tool >/dev/null || { echo "compare.sh: TCONF: $tool missing (apt-get install -y gcc gcc-aarch64-linux-gnu strace python3)" >&2; exit 2; }
done
[ -x "$ferry" ] || { echo "compare.sh: no ferry at $ferry (build it or pass --ferry)" >&2; exit 2; }
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac
rm -rf "$build"; mkdir -p "$build"
for src in "$here"/*.c; do
    n=$(basename "$src" .c)
    gcc -static -O1 -w -o "$build/$n.x86_64" "$src" || exit 2
    aarch64-linux-gnu-gcc -static -O1 -w -o "$build/$n.aarch64" "$src" || exit 2
    mkdir -p "$build/$n.native" "$build/$n.emu"
    (cd "$build/$n.native" && strace -f -qq -X abbrev -o ../$n.native.txt "$build/$n.x86_64" >/dev/null 2>&1)
    (cd "$build/$n.emu" && "$ferry" -strace -D ../$n.emu.txt "$build/$n.aarch64" >/dev/null 2>&1)
done
python3 "$here/normalize.py" "$build" "$here/known-differences.txt"
status=$?
[ -n "$keep" ] || true
exit $status
