#!/bin/sh
# Builds ltp-ports' test library and every LTP-style test under TestCases/
# as static binaries for one architecture.
#
#   ltp-ports/build.sh [--arch x86_64|aarch64|riscv64|mips|arm] [--out DIR]
#                      [--jobs N] [--clean]
#
# Layout of DIR (default TestCases/build/<arch>/):
#   lib/libltp.a     the test library
#   bin/<test>       syscall and ioctl tests (names as in runtest/ files)
#   harness/<test>   self-tests of the library (TestCases/harness)
# A test is every *.c directly inside TestCases/{syscalls,ioctls}/<family>/
# or TestCases/harness/; *.h files beside them are shared helpers.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

arch=$(uname -m)
out=
jobs=$(nproc 2>/dev/null || echo 2)
clean=0

usage() {
	sed -n '2,12s/^# \{0,1\}//p' "$0"
}

while [ $# -gt 0 ]; do
	case "$1" in
	--arch) [ $# -ge 2 ] || { echo "build.sh: --arch needs a value" >&2; exit 2; }; arch=$2; shift 2 ;;
	--arch=*) arch=${1#--arch=}; shift ;;
	--out) [ $# -ge 2 ] || { echo "build.sh: --out needs a value" >&2; exit 2; }; out=$2; shift 2 ;;
	--out=*) out=${1#--out=}; shift ;;
	--jobs|-j) [ $# -ge 2 ] || { echo "build.sh: --jobs needs a value" >&2; exit 2; }; jobs=$2; shift 2 ;;
	--clean) clean=1; shift ;;
	-h|--help) usage; exit 0 ;;
	*) echo "build.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
	esac
done

case "$arch" in
x86_64) cc=${CC:-gcc}; pkg=gcc ;;
aarch64|arm64) arch=aarch64; cc=aarch64-linux-gnu-gcc; pkg=gcc-aarch64-linux-gnu ;;
riscv64) cc=riscv64-linux-gnu-gcc; pkg=gcc-riscv64-linux-gnu ;;
mips) cc=mips-linux-gnu-gcc; pkg=gcc-mips-linux-gnu ;;
arm|armhf) arch=arm; cc=arm-linux-gnueabihf-gcc; pkg=gcc-arm-linux-gnueabihf ;;
*) echo "build.sh: unknown arch '$arch' (x86_64, aarch64, riscv64, mips, arm)" >&2; exit 2 ;;
esac
# The host compiler only builds for the host.
if [ "$arch" = x86_64 ] && [ "$(uname -m)" != x86_64 ]; then
	cc=x86_64-linux-gnu-gcc; pkg=gcc-x86-64-linux-gnu
fi
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "build.sh: compiler '$cc' for $arch not found; install the Debian package $pkg (apt-get install -y $pkg)" >&2
	exit 3
fi

[ -n "$out" ] || out="$root/TestCases/build/$arch"
mkdir -p "$out"
out=$(cd "$out" && pwd)
[ "$clean" = 1 ] && rm -rf "$out/lib" "$out/bin" "$out/harness" "$out/obj"
mkdir -p "$out/lib" "$out/bin" "$out/harness" "$out/obj" "$out/logs"

CFLAGS="-O2 -g -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare -D_GNU_SOURCE ${EXTRA_CFLAGS:-}"
inc="-I$here/lib/include"
export cc CFLAGS inc out here

# Library: compiled from inside lib/ so __FILE__ is "tst_test.c" as in LTP.
lib="$out/lib/libltp.a"
rebuild_lib=0
[ -f "$lib" ] || rebuild_lib=1
if [ "$rebuild_lib" = 0 ]; then
	for f in "$here"/lib/*.c "$here"/lib/*.h "$here"/lib/include/*.h "$here"/lib/include/lapi/*.h; do
		[ "$f" -nt "$lib" ] && { rebuild_lib=1; break; }
	done
fi
if [ "$rebuild_lib" = 1 ]; then
	rm -f "$out"/obj/*.o
	for src in "$here"/lib/*.c; do
		name=$(basename "$src" .c)
		(cd "$here/lib" && $cc $CFLAGS $inc -I. -c "$name.c" -o "$out/obj/$name.o") || {
			echo "build.sh: library file lib/$name.c failed to compile for $arch" >&2; exit 1; }
	done
	rm -f "$lib"
	ar rcs "$lib" "$out"/obj/*.o
fi

# Tests: one job per source; "dest|dir|file" records on stdin.
list_tests() {
	for dir in "$root"/TestCases/syscalls/*/ "$root"/TestCases/ioctls/*/; do
		[ -d "$dir" ] || continue
		for src in "$dir"*.c; do
			[ -f "$src" ] && echo "bin|$dir|$(basename "$src")"
		done
	done
	for src in "$root"/TestCases/harness/*.c; do
		[ -f "$src" ] && echo "harness|$root/TestCases/harness/|$(basename "$src")"
	done
	return 0
}

build_one() {
	dest=${1%%|*}; rest=${1#*|}; dir=${rest%%|*}; file=${rest#*|}
	name=${file%.c}
	bin="$out/$dest/$name"
	log="$out/logs/$name.build.log"
	if [ -f "$bin" ] && [ ! "$dir$file" -nt "$bin" ] && [ ! "$out/lib/libltp.a" -nt "$bin" ]; then
		newer=$(find "$dir" -maxdepth 1 -name '*.h' -newer "$bin" | head -n 1)
		[ -z "$newer" ] && return 0
	fi
	if (cd "$dir" && $cc $CFLAGS $inc -static -o "$bin" "$file" "$out/lib/libltp.a") >"$log" 2>&1; then
		rm -f "$log"
	else
		rm -f "$bin"
		echo "FAILED $name (see $log)"
		return 1
	fi
}

failed=0
tmp=$(mktemp)
list_tests > "$tmp"
total=$(wc -l < "$tmp")
# xargs runs a fresh shell per test; pass the function text along.
fn=$(sed -n '/^build_one() {/,/^}/p' "$0")
if ! xargs -d '\n' -P "$jobs" -I{} sh -c "$fn
build_one \"\$1\"" _ {} < "$tmp"; then
	failed=1
fi
rm -f "$tmp"

nbin=$(find "$out/bin" -maxdepth 1 -type f | wc -l)
nharness=$(find "$out/harness" -maxdepth 1 -type f | wc -l)
echo "build.sh: $arch: $nbin tests in $out/bin, $nharness harness tests in $out/harness ($total sources)"
[ "$failed" = 0 ] || { echo "build.sh: some tests failed to build for $arch" >&2; exit 1; }
