#!/usr/bin/env bash
# Runs the spec test scripts with `syncwasm spectest`, or skips (exit 77) without the test suite.
# Usage: run_spec_suite.sh SYNCWASM TESTSUITE_DIR [SPECTEST_OPTION...] [FILE.wast...]
# Without files (the directory appeared after cmake ran), every non-SIMD script in TESTSUITE_DIR runs.
set -euo pipefail

syncwasm=$1
testsuite=$2
shift 2

if [[ ! -d $testsuite ]]; then
  echo "SKIP: ../shared/wasm-testsuite not found (looked for $testsuite)"
  exit 77
fi

args=("$@")
have_script=false
for a in "${args[@]}"; do
  if [[ $a == *.wast ]]; then have_script=true; fi
done
if ! $have_script; then
  shopt -s nullglob
  for f in "$testsuite"/*.wast; do
    [[ $(basename "$f") == simd_* ]] || args+=("$f")
  done
  if (( ${#args[@]} == $# )); then
    echo "error: no .wast scripts in $testsuite" >&2
    exit 1
  fi
fi

exec "$syncwasm" spectest "${args[@]}"
