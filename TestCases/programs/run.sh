#!/usr/bin/env bash
# Builds every guest program in src/ for x86-64 (native oracle) and AArch64, runs the native
# build directly and the AArch64 build under an emulator with the same arguments, stdin and
# environment, and compares stdout and exit status.
#
#   run.sh [--emulator CMD] [--only NAME[,NAME...]] [--timeout SECONDS] [--list]
#
# CMD may hold arguments ("qemu-aarch64 -cpu cortex-a72"). Default: <repo>/.build/release/ferry.
# Per-program settings are comment lines at the top of each source file:
#   // opt: -O3            optimisation level (default -O2)
#   // libs: -lm           extra link flags
#   // args: a b c         command-line arguments
#   // stdin: data/x.txt   file fed on stdin (relative to this folder)
#   // env: K=V K2=V2      environment on top of a fixed minimal one
#   // status: 3           the exit status the native run must have (default 0)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/TestCases/build/programs"
emulator=""
only=""
timeout_s=60
list_only=0

die() { echo "run.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --emulator) [ $# -ge 2 ] || die "--emulator needs a command"; emulator=$2; shift 2 ;;
        --only) [ $# -ge 2 ] || die "--only needs a program name"; only=$2; shift 2 ;;
        --timeout) [ $# -ge 2 ] || die "--timeout needs seconds"; timeout_s=$2; shift 2 ;;
        --list) list_only=1; shift ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done

names=()
for f in "$here"/src/*.c; do
    n=$(basename "$f" .c)
    if [ -n "$only" ] && [[ ",$only," != *",$n,"* ]]; then continue; fi
    names+=("$n")
done
[ ${#names[@]} -gt 0 ] || die "no program matches '--only $only' (see $here/src)"
if [ $list_only = 1 ]; then printf '%s\n' "${names[@]}"; exit 0; fi

if [ -z "$emulator" ]; then
    [ -x "$root/.build/release/ferry" ] ||
        die "no emulator: build ferry first (swift build -c release) or pass --emulator CMD"
    emulator="$root/.build/release/ferry"
fi
read -r -a emu_cmd <<< "$emulator"
command -v "${emu_cmd[0]}" >/dev/null || die "emulator '${emu_cmd[0]}' not found"
command -v aarch64-linux-gnu-gcc >/dev/null ||
    die "aarch64-linux-gnu-gcc missing: apt-get install -y gcc-aarch64-linux-gnu"

# -ffp-contract=off: GCC fuses a*b+c into fmadd on AArch64 but not on baseline x86-64,
# which would change rounding; both builds must compute the same expression.
common_flags="-static -ffp-contract=off -fno-strict-aliasing -Wall -Wno-unused-function -I$here/common"

directive() { sed -n "s|^// $2: *||p" "$1" | head -n1; }

# build ARCH CC NAME -> 0 when the binary is up to date (rebuilt only if source, shared header
# or flags changed).
build_one() {
    local arch=$1 cc=$2 name=$3 src="$here/src/$3.c"
    local out="$build/$arch/$name" opt libs flags
    opt=$(directive "$src" opt); libs=$(directive "$src" libs)
    flags="${opt:--O2} $common_flags $libs"
    mkdir -p "$build/$arch"
    if [ -x "$out" ] && [ "$out" -nt "$src" ] && [ "$out" -nt "$here/common/check.h" ] &&
       [ "$(cat "$out.flags" 2>/dev/null)" = "$flags" ]; then
        return 0
    fi
    # shellcheck disable=SC2086
    if ! "$cc" $flags -o "$out" "$src" $libs -lm 2> "$out.log"; then
        rm -f "$out"; return 1
    fi
    echo "$flags" > "$out.flags"
}

# run_one OUTFILE COMMAND... -> exit status of the program; runs in a fresh directory with a
# fixed environment so nothing host-specific reaches the output.
run_one() {
    local outfile=$1; shift
    local dir; dir=$(mktemp -d "${TMPDIR:-/tmp}/ferry-prog.XXXXXX")
    local status
    # The braces catch bash's own "Aborted"-style job report for programs killed by a signal.
    { (
        cd "$dir" || exit 125
        ulimit -c 0
        # shellcheck disable=SC2086
        exec env -i PATH=/usr/bin:/bin LC_ALL=C HOME=/nonexistent $env_extra \
            timeout -k 5 "$timeout_s" "$@" < "$stdin_file" > "$outfile" 2> "$outfile.err"
    ); status=$?; } 2>/dev/null
    rm -rf "$dir"
    return $status
}

build_error() { { grep -m1 -E 'error|undefined' "$1" || head -n1 "$1"; } | cut -c1-200; }

first_difference() {
    local a=$1 b=$2 line
    line=$(cmp "$a" "$b" 2>&1 | sed -n 's/.* line \([0-9]*\).*/\1/p')
    if [ -z "$line" ]; then
        # one output is a prefix of the other
        local na nb; na=$(wc -l < "$a"); nb=$(wc -l < "$b")
        if [ "$na" -lt "$nb" ]; then
            echo "emulated output has extra line $((na + 1)): $(sed -n "$((na + 1))p" "$b" | cut -c1-160)"
        else
            echo "emulated output ends early, missing line $((nb + 1)): $(sed -n "$((nb + 1))p" "$a" | cut -c1-160)"
        fi
        return
    fi
    echo "line $line: native '$(sed -n "${line}p" "$a" | cut -c1-120)' vs emulated '$(sed -n "${line}p" "$b" | cut -c1-120)'"
}

passed=0; failed=0
work=$(mktemp -d "${TMPDIR:-/tmp}/ferry-progs.XXXXXX")
trap 'rm -rf "$work"' EXIT
for name in "${names[@]}"; do
    src="$here/src/$name.c"
    fail() { echo "FAIL $name: $*"; failed=$((failed + 1)); }
    if ! build_one x86_64 gcc "$name"; then
        fail "x86_64 build failed: $(build_error "$build/x86_64/$name.log")"; continue
    fi
    if ! build_one aarch64 aarch64-linux-gnu-gcc "$name"; then
        fail "aarch64 build failed: $(build_error "$build/aarch64/$name.log")"; continue
    fi
    # Arguments are shell words (quotes allowed); the sources are ours, so eval is safe here.
    eval "args=($(directive "$src" args))"
    stdin_rel=$(directive "$src" stdin)
    stdin_file=/dev/null
    [ -n "$stdin_rel" ] && stdin_file="$here/$stdin_rel"
    env_extra=$(directive "$src" env)
    want=$(directive "$src" status); want=${want:-0}

    run_one "$work/native" "$build/x86_64/$name" "${args[@]}"; st_native=$?
    run_one "$work/emu" "${emu_cmd[@]}" "$build/aarch64/$name" "${args[@]}"; st_emu=$?

    if [ "$st_native" != "$want" ]; then
        fail "native run exited $st_native, expected $want ($(head -n1 "$work/native" | cut -c1-120))"
    elif [ "$st_emu" = 124 ] || [ "$st_emu" = 137 ]; then
        fail "timed out after ${timeout_s}s under emulation"
    elif ! cmp -s "$work/native" "$work/emu"; then
        fail "$(first_difference "$work/native" "$work/emu")"
    elif [ "$st_native" != "$st_emu" ]; then
        fail "exit status native=$st_native emulated=$st_emu ($(head -n1 "$work/emu.err" | cut -c1-120))"
    else
        echo "PASS $name"; passed=$((passed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
