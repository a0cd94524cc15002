#!/usr/bin/env bash
# Runs a fixed set of contract scenarios with one syncwasm binary and prints one hash per scenario
# (sha256 of the --json outcome: return data, logs, gas, state and every sync-call status).
# The sync scenarios drive tests/sync/contracts/driver.c with the scripts of the sync_script fuzz
# target's corpus against its callees (fuzz/sync/); together they give every status code.
# Usage: run_scenarios.sh SYNCWASM CONTRACTS_DIR WAT2WASM
set -euo pipefail
bin=$1 contracts=$2 wat2wasm=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$here/../..
for c in status_message engine plugin_counter plugin_fib plugin_sumsq sync_driver; do
  [[ -f $contracts/$c.wasm ]] || { echo "run_scenarios: $contracts/$c.wasm is missing" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$wat2wasm" "$here/floats.wat" -o "$tmp/floats.wasm"
for m in callee_a callee_b sub_s; do "$wat2wasm" "$root/fuzz/sync/$m.wat" -o "$tmp/$m.wasm"; done
run() {
  local name=$1
  shift
  local out
  out=$("$bin" exec "$@" --json --state "$tmp/$name.state" || true)
  echo "$name $(printf '%s' "$out" | sha256sum | cut -c1-16) $(sha256sum < "$tmp/$name.state" | cut -c1-16)"
  printf '%s' "$out" >"$tmp/$name.json"
}
run floats "$tmp/floats.wasm" main
run status "$contracts/status_message.wasm" set_status --args '{"message":"determinism"}'
run hashes "$contracts/status_message.wasm" hashes --args '"abc"'
subs=(--submodule counter="$contracts/plugin_counter.wasm" --submodule fib="$contracts/plugin_fib.wasm"
      --submodule sumsq="$contracts/plugin_sumsq.wasm")
run counter "$contracts/engine.wasm" run --args '{"plugin":"counter"}' "${subs[@]}"
run sumsq "$contracts/engine.wasm" run --args '{"plugin":"sumsq","arg":"5000"}' "${subs[@]}"
run interpret "$contracts/engine.wasm" interpret --args '{"arg":"5000"}'
run missing "$contracts/engine.wasm" run --args '{"plugin":"nope"}' "${subs[@]}"
run panic "$contracts/status_message.wasm" set_status --args '{"msg":"x"}'

# Sync calls: nested calls need depth 2; one scenario allows a single live callee (status 900).
echo '{"limits": {"max_sync_call_depth": 2}}' >"$tmp/depth2.json"
echo '{"limits": {"max_sync_call_depth": 2, "max_live_sync_callees": 1}}' >"$tmp/live1.json"
callees=(--namespace a="$tmp/callee_a.wasm" --namespace b="$tmp/callee_b.wasm" --submodule s="$tmp/sub_s.wasm")
for script in "$root"/fuzz/corpus/sync_script/*; do
  run "sync_$(basename "$script")" "$contracts/sync_driver.wasm" run --args-base64 "$(base64 -w0 "$script")" \
    "${callees[@]}" --params "$tmp/depth2.json"
done
run sync_live1 "$contracts/sync_driver.wasm" run --args-base64 "$(base64 -w0 "$root/fuzz/corpus/sync_script/two_live")" \
  "${callees[@]}" --params "$tmp/live1.json"
# Every status code must have appeared (a scenario set that lost one would prove less).
seen=$(cat "$tmp"/sync_*.json | grep -o '"status": [0-9]*' | sort -u | tr '\n' ' ')
for code in 0 1 100 200 300 400 500 600 700 800 900; do
  [[ $seen == *"\"status\": $code "* ]] || { echo "run_scenarios: no scenario gave sync status $code (saw: $seen)" >&2; exit 1; }
done
