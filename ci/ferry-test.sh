#!/usr/bin/env bash
# CI step for the conformance runner: builds ferry and ferry-test (release), runs the LTP-style
# corpus for aarch64 and riscv64 (FERRY_TEST_ARCHS) natively and under ferry, checks the JUnit file against the schema, and gates
# on the committed baseline (exit 1 listing every test that passed there and does not now, and
# every test whose ferry outcome differs from native without a one-line reason in the baseline).
# The gate also runs with --require-paths: every syscall ferry implements must be seen succeeding
# and failing in the traced corpus, or lack only paths that TestCases/syscalls/untestable-paths.txt
# explains, and no entry there may be stale (FERRY_TEST_REQUIRE_PATHS=0 leaves that check out).
#
#   ci/ferry-test.sh            # uses .build (override: FERRY_TEST_SCRATCH=/path)
# A failing test is re-run once (FERRY_TEST_RERUNS=N for more, 0 for none) and reported flaky when
# the rerun ends otherwise.
# Outputs: results/latest/{summary.json,junit-aarch64.xml,matrix.*} (gitignored).
# Regenerate the baseline after an intended change (reasons are kept; a test that newly differs
# from native gets a TODO reason that the gate rejects until someone writes why):
#   .build/release/ferry-test gate --baseline results/baseline-ARCH.json --results results/latest --update-baseline --arch ARCH
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
scratch=${FERRY_TEST_SCRATCH:-$root/.build}
# 30 s: the LTP library's own default; a hang under ferry costs no more than that.
timeout=${FERRY_TEST_TIMEOUT:-30}
require_paths=${FERRY_TEST_REQUIRE_PATHS:-1}

build() { nice swift build -c release --scratch-path "$scratch" --product "$1" 2>&1 | tail -1; return "${PIPESTATUS[0]}"; }
build ferry || { echo "ci/ferry-test.sh: release build of ferry failed" >&2; exit 1; }
build ferry-test || { echo "ci/ferry-test.sh: release build of ferry-test failed" >&2; exit 1; }
bin="$scratch/release"

# Plain progress lines in CI (no terminal); the runner kills a test's whole tree after $timeout s.
status=0
archs=${FERRY_TEST_ARCHS:-aarch64,riscv64}
# A failed, broken or timed-out run is tried once more, alone, after the parallel pass: a rerun that
# passes is kept and reported flaky (summary, JUnit, matrix, gate's FLAKY lines) instead of failing CI.
reruns=${FERRY_TEST_RERUNS:-1}
CI=${CI:-1} "$bin/ferry-test" run --arch "$archs" --lanes native,ferry --ferry "$bin/ferry" \
  --timeout "$timeout" --rerun-failures "$reruns" --out results/latest || status=$?
if [ "$status" -ne 0 ]; then
  echo "ci/ferry-test.sh: ferry-test run failed (exit $status)" >&2
  exit 1
fi

gate_status=0
for arch in ${archs//,/ }; do
  if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout --schema Tests/TestRunnerTests/Fixtures/JUnit.xsd "results/latest/junit-$arch.xml" || gate_status=1
  else
    echo "ci/ferry-test.sh: xmllint missing (libxml2-utils): JUnit schema check skipped" >&2
  fi
  paths_option=()
  if [ "$require_paths" = 1 ]; then paths_option=(--require-paths); fi
  "$bin/ferry-test" gate --baseline "results/baseline-$arch.json" --results results/latest "${paths_option[@]}" || gate_status=1
done
exit $gate_status
