#!/bin/sh
# Builds the harness self-tests and checks that each ends with the exit
# status and Summary counts LTP's test library gives for the same events
# (exit bits TFAIL 1, TBROK 2, TWARN 4, TCONF 32; TCONF only when nothing
# passed). Exits non-zero, naming each mismatch, if any differs.
#
#   TestCases/harness/check.sh [--arch ARCH] [--out DIR] [--wrapper CMD]
# --wrapper runs each binary under CMD (e.g. "qemu-aarch64" or "ferry").
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
arch=$(uname -m)
out=
wrapper=

while [ $# -gt 0 ]; do
	case "$1" in
	--arch) arch=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--wrapper) wrapper=$2; shift 2 ;;
	-h|--help) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "check.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
[ -n "$out" ] || out="$root/TestCases/build/$arch"

"$root/ltp-ports/build.sh" --arch "$arch" --out "$out" >/dev/null

bad=0
logdir="$out/logs"
mkdir -p "$logdir"

# expect NAME EXIT PASSED FAILED BROKEN SKIPPED WARNINGS [grep pattern]
expect() {
	name=$1 want_rc=$2 want="passed $3 failed $4 broken $5 skipped $6 warnings $7"
	pattern=${8:-}
	bin="$out/harness/$name"
	log="$logdir/$name.log"
	if [ ! -x "$bin" ]; then
		echo "check.sh: FAIL $name: binary $bin missing"
		bad=1
		return
	fi
	set +e
	LTP_TIMEOUT_MUL=${LTP_TIMEOUT_MUL_OVERRIDE:-$LTP_TIMEOUT_MUL_DEFAULT} $wrapper "$bin" >"$log" 2>&1
	rc=$?
	set -e
	got=$(awk '/^Summary:/ { s = 1; next }
		s && NF == 2 { printf "%s%s %s", sep, $1, $2; sep = " " }' "$log")
	if [ "$rc" != "$want_rc" ] || [ "$got" != "$want" ]; then
		echo "check.sh: FAIL $name: exit $rc, Summary '$got'; expected exit $want_rc, Summary '$want' (log: $log)"
		bad=1
	elif [ -n "$pattern" ] && ! grep -q -- "$pattern" "$log"; then
		echo "check.sh: FAIL $name: output lacks '$pattern' (log: $log)"
		bad=1
	else
		echo "check.sh: ok   $name: exit $rc, $got"
	fi
}

LTP_TIMEOUT_MUL_DEFAULT=1
expect harness_pass     0 4 0 0 0 0 'TPASS: child woke up at checkpoint 0'
expect harness_fail     1 1 1 0 0 0 'harness_fail.c:8: TFAIL: a failing check'
expect harness_brok     2 0 0 1 0 0 'TBROK: setup breaks on purpose'
expect harness_conf    32 0 0 0 1 0 'TCONF: skipped on purpose'
expect harness_crash    2 1 0 1 0 0 'killed by signal SIGSEGV'
expect harness_mixed    4 1 0 0 1 1 'TWARN: one warning'
expect harness_noresult 2 0 0 1 0 0 "TBROK: Test haven't reported results!"
# 30 s default scaled by 0.1 gives a 3 s timeout.
LTP_TIMEOUT_MUL_DEFAULT=0.1
expect harness_timeout  2 0 0 1 0 0 'TBROK: Test killed! (timeout?)'

# The banner lines come first and name the library's own file.
if ! head -n 1 "$logdir/harness_fail.log" | grep -q '^tst_test.c:[0-9]*: TINFO: '; then
	echo "check.sh: FAIL banner: first line is not 'tst_test.c:NNN: TINFO: ...'"
	bad=1
fi

if [ "$bad" != 0 ]; then
	echo "check.sh: harness self-tests FAILED" >&2
	exit 1
fi
echo "check.sh: all harness self-tests behave as LTP's library does"
