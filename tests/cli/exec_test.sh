#!/usr/bin/env bash
# End-to-end tests of `syncwasm exec`: builds small WAT contracts with wat2wasm in a temporary directory,
# runs them and checks the --json outcome, the exit codes and the state files.
# Usage: exec_test.sh SYNCWASM WAT2WASM [PYTHON3]
set -u

SYNCWASM=${1:?usage: exec_test.sh SYNCWASM WAT2WASM [PYTHON3]}
WAT2WASM=${2:?usage: exec_test.sh SYNCWASM WAT2WASM [PYTHON3]}
PYTHON=${3:-python3}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cli_exec.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cat >"$TMP/contract.wat" <<'WAT'
(module
  (import "env" "input" (func $input (param i64)))
  (import "env" "register_len" (func $register_len (param i64) (result i64)))
  (import "env" "read_register" (func $read_register (param i64 i64)))
  (import "env" "storage_write" (func $storage_write (param i64 i64 i64 i64 i64) (result i64)))
  (import "env" "log_utf8" (func $log_utf8 (param i64 i64)))
  (import "env" "value_return" (func $value_return (param i64 i64)))
  (import "env" "panic_utf8" (func $panic_utf8 (param i64 i64)))
  (memory 1)
  (data (i32.const 0) "greeting")               ;; the storage key, 8 bytes
  (data (i32.const 16) "stored the input")      ;; the log line, 16 bytes
  (data (i32.const 64) "something went wrong")  ;; the panic message, 20 bytes
  ;; Reads the input to 1024, stores it under "greeting", logs, returns it.
  (func $store_input (result i64)
    (local $len i64)
    (call $input (i64.const 0))
    (local.set $len (call $register_len (i64.const 0)))
    (call $read_register (i64.const 0) (i64.const 1024))
    (drop (call $storage_write (i64.const 8) (i64.const 0) (local.get $len) (i64.const 1024) (i64.const 1)))
    (local.get $len))
  (func (export "set")
    (local $len i64)
    (local.set $len (call $store_input))
    (call $log_utf8 (i64.const 16) (i64.const 16))
    (call $value_return (local.get $len) (i64.const 1024)))
  ;; Writes storage, logs, then panics: the write must not persist.
  (func (export "fail")
    (drop (call $store_input))
    (call $log_utf8 (i64.const 16) (i64.const 16))
    (call $panic_utf8 (i64.const 20) (i64.const 64)))
  (func (export "noop")))
WAT
if ! "$WAT2WASM" "$TMP/contract.wat" -o "$TMP/contract.wasm"; then
  echo "FAIL: wat2wasm could not build the test contract"
  exit 1
fi
C=$TMP/contract.wasm
ARGS='{"greeting": "hello, world"}'

# (1) input, storage write, log and return; the state file is created and then holds the key.
exec_ "$C" set --args "$ARGS" --state "$TMP/state.json" --json
expect_rc "set" 0 "$rc"
cp "$TMP/out" "$TMP/set1.json"
check "set: status" 'o["status"] == "success" and o["error"] is None' "$TMP/set1.json"
check "set: return value" "base64.b64decode(o['return_base64']).decode() == '$ARGS'" "$TMP/set1.json"
check "set: logs" 'o["logs"] == ["stored the input"]' "$TMP/set1.json"
check "set: gas" 'o["gas_burnt"] > 0 and o["gas_used"] >= o["gas_burnt"]' "$TMP/set1.json"
check "set: state file" "o == {b64('greeting'): b64('$ARGS')}" "$TMP/state.json"

exec_ "$C" set --args "$ARGS" --state "$TMP/state2.json" --json
expect_rc "set again" 0 "$rc"
cp "$TMP/out" "$TMP/set2.json"
g1=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["gas_burnt"])' "$TMP/set1.json")
g2=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["gas_burnt"])' "$TMP/set2.json")
if [ -n "$g1" ] && [ "$g1" = "$g2" ]; then pass; else fail "gas_burnt differs between identical runs: $g1 vs $g2"; fi
same_file "set again: same state" "$TMP/state2.json" "$TMP/state.json"

# Without --state, nothing is written anywhere and the call still works; the text output.
exec_ "$C" set --args "$ARGS"
expect_rc "set (text)" 0 "$rc"
if grep -qx 'status: success' "$TMP/out" && grep -qxF "return: $ARGS" "$TMP/out" &&
   grep -qx 'log: stored the input' "$TMP/out" && grep -qx "gas burnt: $g1" "$TMP/out" &&
   grep -q '^gas used: [0-9]*$' "$TMP/out"; then pass; else fail "set (text output):"; cat "$TMP/out"; fi

# --args-base64, --gas with a T suffix and a context file.
cat >"$TMP/context.json" <<'JSON'
{"current_account_id": "contract.near", "attached_deposit": "1000000000000000000000000",
 "block_height": 42, "random_seed_base64": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
 "promise_results": [null, "AQID"]}
JSON
exec_ "$C" set --args-base64 AAEC --gas 300T --context "$TMP/context.json" --state "$TMP/state3.json" --json
expect_rc "set with context" 0 "$rc"
check "set with context: return" 'o["return_base64"] == "AAEC"' "$TMP/out"
check "set with context: state" 'o == {b64("greeting"): "AAEC"}' "$TMP/state3.json"

# (2) A view call that writes storage fails with ProhibitedInView and leaves the state file alone.
cp "$TMP/state.json" "$TMP/state.before"
exec_ "$C" set --args '"changed"' --state "$TMP/state.json" --view --json
expect_rc "view" 1 "$rc"
check "view: error" 'o["status"] == "failure" and o["error"]["kind"] == ["HostError", "ProhibitedInView"]' "$TMP/out"
same_file "view" "$TMP/state.json" "$TMP/state.before"
# A view call that writes nothing succeeds and still leaves the file alone.
exec_ "$C" noop --state "$TMP/state.json" --view --json
expect_rc "view noop" 0 "$rc"
same_file "view noop" "$TMP/state.json" "$TMP/state.before"

# (3) A panic: failure, GuestPanic with the message, exit 1, the write before it is not kept.
exec_ "$C" fail --args '"changed"' --state "$TMP/state.json" --json
expect_rc "panic" 1 "$rc"
check "panic: error" 'o["status"] == "failure" and o["error"]["kind"] == ["HostError", "GuestPanic"]
  and o["error"]["message"] == "something went wrong" and o["return_base64"] is None' "$TMP/out"
check "panic: logs before the panic" 'o["logs"] == ["stored the input"] and o["gas_burnt"] > 0' "$TMP/out"
same_file "panic" "$TMP/state.json" "$TMP/state.before"
exec_ "$C" fail --state "$TMP/state.json"
if [ "$rc" -eq 1 ] && grep -qx 'status: failure' "$TMP/out" &&
   grep -qx 'error: HostError::GuestPanic: something went wrong' "$TMP/out"; then pass
else fail "panic (text output, rc $rc):"; cat "$TMP/out"; fi

# (4) An unknown method: MethodNotFound, nothing burnt.
exec_ "$C" no_such_method --state "$TMP/state.json" --json
expect_rc "method not found" 1 "$rc"
check "method not found: error" 'o["status"] == "failure"
  and o["error"]["kind"] == ["MethodResolveError", "MethodNotFound"] and o["gas_burnt"] == 0' "$TMP/out"
same_file "method not found" "$TMP/state.json" "$TMP/state.before"

# (5) Corrupt state files: exit 3, untouched, nothing on stdout.
i=0
for corrupt in 'not json' '[1, 2]' '{"!!!": "AA=="}' '{"Z3JlZXRpbmc=": 7}' '{"Z3JlZXRpbmc=": "AA="}'; do
  i=$((i + 1))
  printf '%s' "$corrupt" >"$TMP/corrupt$i.json"
  cp "$TMP/corrupt$i.json" "$TMP/corrupt$i.before"
  exec_ "$C" set --args '{}' --state "$TMP/corrupt$i.json" --json
  expect_rc "corrupt state '$corrupt'" 3 "$rc"
  same_file "corrupt state '$corrupt'" "$TMP/corrupt$i.json" "$TMP/corrupt$i.before"
  if [ -s "$TMP/out" ]; then fail "corrupt state '$corrupt': output on stdout"; else pass; fi
done

# (6) Usage errors: exit 2.
exec_ "$C" set --args '{"a": ' --json
expect_rc "bad --args JSON" 2 "$rc"
exec_ "$C" set --args-base64 'not base64!' --json
expect_rc "bad --args-base64" 2 "$rc"
exec_ "$C" set --args '{}' --args-base64 AA== --json
expect_rc "--args with --args-base64" 2 "$rc"
exec_ "$C" set --gas 12x
expect_rc "bad --gas" 2 "$rc"

# File errors: exit 3.
exec_ "$TMP/missing.wasm" set --json
expect_rc "missing contract" 3 "$rc"
echo '{"current_account_id": "contract.near", "colour": "blue"}' >"$TMP/bad_context.json"
exec_ "$C" set --context "$TMP/bad_context.json" --json
expect_rc "unknown context field" 3 "$rc"
if grep -q "colour" "$TMP/err"; then pass; else fail "unknown context field: not named in the error"; cat "$TMP/err"; fi
echo '{"attached_deposit": "340282366920938463463374607431768211456"}' >"$TMP/big_deposit.json"
exec_ "$C" set --context "$TMP/big_deposit.json" --json
expect_rc "deposit above u128" 3 "$rc"
echo '{"random_seed_base64": "AAAA"}' >"$TMP/short_seed.json"
exec_ "$C" set --context "$TMP/short_seed.json" --json
expect_rc "short random seed" 3 "$rc"

summary
