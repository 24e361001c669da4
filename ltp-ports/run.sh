#!/bin/sh
# Runs the tests listed in runtest files against binaries from build.sh and
# prints one line per test plus totals. A test passes with exit 0; exit 32
# (TCONF only) counts as skipped; anything else fails.
#
#   ltp-ports/run.sh [--arch ARCH] [--out DIR] [--wrapper CMD] [RUNTEST...]
# --wrapper runs each binary under CMD, e.g. "qemu-aarch64" or "ferry".
# RUNTEST defaults to runtest/syscalls and runtest/ioctls. Logs go to
# DIR/logs/<tag>.log. Exit status: 0 if nothing failed, 1 otherwise.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
arch=$(uname -m)
out=
wrapper=

while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--wrapper) wrapper=$2; shift 2 ;;
	-h|--help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ -n "$out" ] || out="$root/TestCases/build/$arch"
[ $# -gt 0 ] || set -- "$here/runtest/syscalls" "$here/runtest/ioctls"
[ -d "$out/bin" ] || { echo "run.sh: no binaries in $out/bin; run ltp-ports/build.sh --arch $arch first" >&2; exit 2; }
mkdir -p "$out/logs"

pass=0 fail=0 skip=0
for rt in "$@"; do
	[ -f "$rt" ] || { echo "run.sh: runtest file '$rt' not found" >&2; exit 2; }
	while read -r tag cmd args; do
		case "$tag" in ''|\#*) continue ;; esac
		log="$out/logs/$tag.log"
		if [ ! -x "$out/bin/$cmd" ]; then
			echo "FAIL $tag (binary $cmd not built)"
			fail=$((fail + 1))
			continue
		fi
		set +e
		# shellcheck disable=SC2086
		(cd "$out/bin" && $wrapper "./$cmd" $args) </dev/null >"$log" 2>&1
		rc=$?
		set -e
		counts=$(awk '/^Summary:/ { s = 1; next } s && NF == 2 { printf "%s=%s ", $1, $2 }' "$log")
		case $rc in
		0) verdict=PASS; pass=$((pass + 1)) ;;
		32) verdict=CONF; skip=$((skip + 1)) ;;
		*) verdict=FAIL; fail=$((fail + 1)) ;;
		esac
		echo "$verdict $tag exit=$rc $counts"
	done < "$rt"
done
echo "run.sh: $arch${wrapper:+ under $wrapper}: $pass passed, $fail failed, $skip skipped (TCONF)"
[ "$fail" = 0 ]
