#!/usr/bin/env bash
# ci/expect.sh KNOWN-FAILURES-FILE COMMAND...: runs a suite that prints `PASS name` / `FAIL name: ...`
# lines, and fails unless the failures are exactly the known ones. Each known failure has a
# one-line reason in the file (`name  reason`); a known failure that now passes is reported
# (XPASS) and fails the run too, so the list only ever shrinks.
set -uo pipefail
known_file=$1; shift
out=$(mktemp)
"$@" 2>&1 | tee "$out"
declare -A known=()
while read -r name reason; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  known[$name]=$reason
done < "$known_file"
status=0
mapfile -t fails < <(sed -n 's/^FAIL \([^:]*\).*/\1/p' "$out")
mapfile -t passes < <(sed -n 's/^PASS \([^ ]*\).*/\1/p' "$out")
for f in "${fails[@]}"; do
  if [[ -n "${known[$f]+x}" ]]; then echo "XFAIL $f: ${known[$f]}"; else echo "unexpected failure: $f"; status=1; fi
done
for p in "${passes[@]}"; do
  if [[ -n "${known[$p]+x}" ]]; then echo "XPASS $p: remove it from $known_file"; status=1; fi
done
if [[ ${#passes[@]} -eq 0 ]]; then echo "no test passed: the suite did not run"; status=1; fi
rm -f "$out"
exit $status
