#!/usr/bin/env bash
# Crash safety of the local chain through the CLI: a loop of `syncwasm call` transactions (each one
# increments a counter in contract storage) is killed with SIGKILL at random moments, many times.
# After each kill the store must open (no "store is in use", no corruption), the counter must equal
# the number of calls that reported success (or one more: a call killed after its commit), and the
# chain must go on: the next call succeeds and leaves no receipt of the killed one behind.
# Usage: crash_test.sh SYNCWASM WAT2WASM PYTHON3 [ROUNDS]
set -u

SYNCWASM=${1:?usage: crash_test.sh SYNCWASM WAT2WASM PYTHON3 [ROUNDS]}
WAT2WASM=${2:?}
PYTHON=${3:?}
ROUNDS=${4:-8}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cli_crash.XXXXXX") || exit 1
writer=
cleanup() {
  [ -n "$writer" ] && kill -9 -- "-$writer" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
H=(--home "$TMP/home")
failures=0
fail() { failures=$((failures + 1)); echo "FAIL: $*"; }

cat >"$TMP/counter.wat" <<'WAT'
(module
  (import "env" "storage_read" (func $storage_read (param i64 i64 i64) (result i64)))
  (import "env" "storage_write" (func $storage_write (param i64 i64 i64 i64 i64) (result i64)))
  (import "env" "read_register" (func $read_register (param i64 i64)))
  (import "env" "value_return" (func $value_return (param i64 i64)))
  (memory 1)
  (data (i32.const 0) "n")
  (func $load
    (if (i64.eq (call $storage_read (i64.const 1) (i64.const 0) (i64.const 0)) (i64.const 1))
      (then (call $read_register (i64.const 0) (i64.const 8)))))
  (func (export "inc")
    (call $load)
    (i64.store (i32.const 8) (i64.add (i64.load (i32.const 8)) (i64.const 1)))
    (drop (call $storage_write (i64.const 1) (i64.const 0) (i64.const 8) (i64.const 8) (i64.const 1)))
    (call $value_return (i64.const 8) (i64.const 8)))
  (func (export "get") (call $load) (call $value_return (i64.const 8) (i64.const 8))))
WAT
"$WAT2WASM" "$TMP/counter.wat" -o "$TMP/counter.wasm" || exit 1
"$SYNCWASM" init "${H[@]}" >/dev/null || { echo "FAIL: init"; exit 1; }
"$SYNCWASM" deploy test.near "$TMP/counter.wasm" "${H[@]}" >/dev/null || { echo "FAIL: deploy"; exit 1; }

# counter: the stored counter through a view (exits the test if the store cannot be read).
counter() {
  local out
  if ! out=$("$SYNCWASM" view test.near get "${H[@]}" --json 2>"$TMP/err"); then
    echo "FAIL: view after a kill: $(cat "$TMP/err")"
    exit 1
  fi
  "$PYTHON" -c 'import base64, json, sys; print(int.from_bytes(base64.b64decode(json.load(sys.stdin)["return_base64"]) or b"\0", "little"))' <<<"$out"
}

# One line in $TMP/done per call that exited successfully.
touch "$TMP/done"
for round in $(seq "$ROUNDS"); do
  setsid bash -c 'while :; do "$0" call test.near inc --home "$1" >/dev/null 2>&1 && echo ok >>"$2"; done' \
    "$SYNCWASM" "$TMP/home" "$TMP/done" &
  writer=$!
  # 0.3 s to 1.5 s: a call takes about 0.1 s to 0.3 s, so kills land in every phase of one.
  sleep "$("$PYTHON" -c 'import random; print(round(random.uniform(0.3, 1.5), 3))')"
  kill -9 -- "-$writer"
  wait "$writer" 2>/dev/null
  writer=
  done_calls=$(wc -l <"$TMP/done")
  n=$(counter)
  if [ "$n" -lt "$done_calls" ] || [ "$n" -gt $((done_calls + 1)) ]; then
    fail "round $round: counter $n after $done_calls successful calls"
  fi
  # The chain goes on: the next call commits (after any receipt the killed call left pending).
  if ! "$SYNCWASM" call test.near inc "${H[@]}" >/dev/null 2>"$TMP/err"; then
    fail "round $round: call after the kill: $(cat "$TMP/err")"
  else
    echo ok >>"$TMP/done"
  fi
  after=$(counter)
  done_calls=$(wc -l <"$TMP/done")
  # Now nothing is pending: every call that committed is counted, the killed one at most once.
  if [ "$after" -lt "$done_calls" ] || [ "$after" -gt $((done_calls + 1)) ] || [ "$after" -le "$n" ]; then
    fail "round $round: counter $after after $done_calls successful calls (was $n)"
  fi
  # A call killed after its commit but before reporting success counts once, from now on.
  while [ "$(wc -l <"$TMP/done")" -lt "$after" ]; do echo killed-after-commit >>"$TMP/done"; done
done
total=$(counter)
echo "crash_test: $ROUNDS kills, counter $total, $(grep -c '^ok' "$TMP/done") calls reported success"
if [ "$(grep -c '^ok' "$TMP/done")" -lt "$ROUNDS" ]; then fail "too few calls ran: the test proved little"; fi
[ "$failures" -eq 0 ] || { echo "crash_test: $failures failures"; exit 1; }
echo "crash_test: passed"
