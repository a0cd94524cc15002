#!/usr/bin/env bash
# End-to-end tests of synchronous calls through `syncwasm exec`: --namespace / --submodule code, the sync
# trace in the text and --json outcomes, submodule actions, and namespace storage in the state file.
# Builds small WAT contracts with wat2wasm in a temporary directory.
# Usage: sync_exec_test.sh SYNCWASM WAT2WASM [PYTHON3]
set -u

SYNCWASM=${1:?usage: sync_exec_test.sh SYNCWASM WAT2WASM [PYTHON3]}
WAT2WASM=${2:?usage: sync_exec_test.sh SYNCWASM WAT2WASM [PYTHON3]}
PYTHON=${3:-python3}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cli_exec_sync.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

# check helpers: ret(o) is the returned bytes, status(o) their first 8 bytes as a u64 (LE), data(o) the rest.
CHECK_HELPERS='ret = lambda o: base64.b64decode(o["return_base64"])
status = lambda o: struct.unpack("<Q", ret(o)[:8])[0]
data = lambda o: ret(o)[8:]'
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The parent (the account's default namespace). Each call_* method makes one synchronous call and returns
# its status (u64, little-endian) followed by the bytes the call left in register 1.
cat >"$TMP/parent.wat" <<'WAT'
(module
  (import "env" "register_len" (func $register_len (param i64) (result i64)))
  (import "env" "read_register" (func $read_register (param i64 i64)))
  (import "env" "value_return" (func $value_return (param i64 i64)))
  (import "env" "storage_write" (func $storage_write (param i64 i64 i64 i64 i64) (result i64)))
  (import "env" "sync_function_call" (func $sync_call (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
  (import "env" "start_submodule" (func $start_submodule (param i64 i64 i64 i64) (result i64)))
  (import "env" "deploy_submodule" (func $deploy_submodule (param i64 i64 i64 i64)))
  (import "env" "remove_submodule" (func $remove_submodule (param i64 i64)))
  (memory 1)
  (data (i32.const 0) "plugin")
  (data (i32.const 16) "ret42")
  (data (i32.const 32) "write")
  (data (i32.const 48) "read")
  (data (i32.const 64) "sub")
  (data (i32.const 80) "write_then_trap")
  (data (i32.const 96) "\00asm\01\00\00\00")  ;; an empty module: the code of deploy_submodule
  (data (i32.const 112) "parent")
  (data (i32.const 128) "counter")
  (func $reply (param $status i64)
    (local $len i64)
    (i64.store (i32.const 1024) (local.get $status))
    (local.set $len (call $register_len (i64.const 1)))
    (if (i64.eq (local.get $len) (i64.const -1))
      (then (local.set $len (i64.const 0)))
      (else (call $read_register (i64.const 1) (i64.const 1032))))
    (call $value_return (i64.add (i64.const 8) (local.get $len)) (i64.const 1024)))
  ;; plugin.METHOD (name at PTR, LEN bytes), no arguments, 10 Tgas
  (func $call_plugin (param $len i64) (param $ptr i64)
    (call $reply (call $sync_call (i64.const 6) (i64.const 0) (local.get $len) (local.get $ptr)
                                  (i64.const 0) (i64.const 0) (i64.const 10000000000000) (i64.const 1))))
  (func (export "call_ret42") (call $call_plugin (i64.const 5) (i64.const 16)))
  (func (export "call_write") (call $call_plugin (i64.const 5) (i64.const 32)))
  (func (export "call_read") (call $call_plugin (i64.const 4) (i64.const 48)))
  ;; writes "counter" = "parent" in the default namespace, then calls plugin.write_then_trap
  (func (export "call_trap")
    (drop (call $storage_write (i64.const 7) (i64.const 128) (i64.const 6) (i64.const 112) (i64.const 0)))
    (call $call_plugin (i64.const 15) (i64.const 80)))
  (func (export "call_sub")
    (call $reply (call $start_submodule (i64.const 3) (i64.const 64) (i64.const 10000000000000) (i64.const 1))))
  (func (export "deploy_and_remove")
    (call $deploy_submodule (i64.const 3) (i64.const 64) (i64.const 8) (i64.const 96))
    (call $remove_submodule (i64.const 6) (i64.const 0)))
)
WAT

# The namespace `plugin`.
cat >"$TMP/plugin.wat" <<'WAT'
(module
  (import "env" "value_return" (func $value_return (param i64 i64)))
  (import "env" "storage_write" (func $storage_write (param i64 i64 i64 i64 i64) (result i64)))
  (import "env" "storage_read" (func $storage_read (param i64 i64 i64) (result i64)))
  (memory 1)
  (data (i32.const 0) "counter")
  (data (i32.const 16) "from plugin")
  ;; returns the u64 42 (8 bytes, little-endian)
  (func (export "ret42")
    (i64.store (i32.const 100) (i64.const 42))
    (call $value_return (i64.const 8) (i64.const 100)))
  ;; writes "counter" = "from plugin" in its own namespace
  (func (export "write")
    (drop (call $storage_write (i64.const 7) (i64.const 0) (i64.const 11) (i64.const 16) (i64.const 0))))
  (func (export "write_then_trap")
    (drop (call $storage_write (i64.const 7) (i64.const 0) (i64.const 11) (i64.const 16) (i64.const 0)))
    (unreachable))
  ;; returns its value of "counter", if any
  (func (export "read")
    (if (i64.eq (call $storage_read (i64.const 7) (i64.const 0) (i64.const 2)) (i64.const 1))
      (then (call $value_return (i64.const -1) (i64.const 2))))))
WAT

# A submodule (v1 ABI).
cat >"$TMP/sub.wat" <<'WAT'
(module
  (import "env" "return_value" (func $return_value (param i64 i64)))
  (memory 1)
  (data (i32.const 0) "from submodule")
  (func (export "main") (call $return_value (i64.const 14) (i64.const 0))))
WAT

for m in parent plugin sub; do
  if ! "$WAT2WASM" "$TMP/$m.wat" -o "$TMP/$m.wasm"; then
    echo "FAIL: wat2wasm could not build $m.wat"
    exit 1
  fi
done
P=$TMP/parent.wasm
NS="--namespace plugin=$TMP/plugin.wasm"

# (a) A synchronous call to namespace plugin: status 0 and the callee's 8 bytes, one trace event.
exec_ "$P" call_ret42 $NS --json
expect_rc "ret42" 0 "$rc"
check "ret42: outcome" 'o["status"] == "success" and status(o) == 0 and data(o) == (42).to_bytes(8, "little")' "$TMP/out"
check "ret42: trace" 'len(o["sync_trace"]) == 1 and o["sync_trace"][0]["event"] == "start"
  and o["sync_trace"][0]["kind"] == "namespace" and o["sync_trace"][0]["target"] == "plugin"
  and o["sync_trace"][0]["depth"] == 1 and o["sync_trace"][0]["status"] == 0
  and o["sync_trace"][0]["status_name"] == "Success" and o["sync_trace"][0]["gas_burnt"] > 0
  and o["sync_trace"][0]["count"] == 1
  and o["sync_trace"][0]["gas_burnt"] < o["gas_burnt"]' "$TMP/out"
check "ret42: no submodule actions" 'o["submodule_actions"] == []' "$TMP/out"
gas=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["sync_trace"][0]["gas_burnt"])' "$TMP/out")
# The text output, with the options before the positional arguments.
exec_ --namespace "plugin=$TMP/plugin.wasm" "$P" call_ret42
expect_rc "ret42 (text)" 0 "$rc"
if grep -qx 'sync trace:' "$TMP/out" &&
   grep -qx "  start namespace plugin depth 1 -> Success (0), gas $gas" "$TMP/out" &&
   grep -qx 'status: success' "$TMP/out"; then pass; else fail "ret42 (text output):"; cat "$TMP/out"; fi

# Without --namespace the call still runs, and gets NotFound (200); an empty trace prints no section.
exec_ "$P" call_ret42 --json
expect_rc "no namespace code" 0 "$rc"
check "no namespace code: NotFound" 'status(o) == 200 and o["sync_trace"][0]["status_name"] == "NotFound"
  and o["sync_trace"][0]["gas_burnt"] == 0' "$TMP/out"
exec_ "$P" deploy_and_remove
expect_rc "no sync calls (text)" 0 "$rc"
if grep -q 'sync trace' "$TMP/out"; then fail "a sync trace section without sync calls:"; cat "$TMP/out"; else pass; fi

# (b) A v1 submodule.
exec_ "$P" call_sub --submodule "sub=$TMP/sub.wasm" --json
expect_rc "submodule" 0 "$rc"
check "submodule: outcome" 'status(o) == 0 and data(o) == b"from submodule"' "$TMP/out"
check "submodule: trace" 'len(o["sync_trace"]) == 1 and o["sync_trace"][0]["kind"] == "submodule"
  and o["sync_trace"][0]["target"] == "sub" and o["sync_trace"][0]["status"] == 0
  and o["sync_trace"][0]["gas_burnt"] > 0' "$TMP/out"
# Submodule code is not namespace code.
exec_ "$P" call_sub --namespace "sub=$TMP/sub.wasm" --json
check "submodule given as a namespace: NotFound" 'status(o) == 200' "$TMP/out"

# Submodule actions in the JSON outcome and the text.
exec_ "$P" deploy_and_remove --json
expect_rc "submodule actions" 0 "$rc"
check "submodule actions" 'o["submodule_actions"] == [
  {"key": "sub", "action": "deploy", "code_base64": "AGFzbQEAAAA="},
  {"key": "plugin", "action": "remove", "code_base64": None}]' "$TMP/out"
exec_ "$P" deploy_and_remove
if grep -qx 'submodule action: deploy sub (8 bytes)' "$TMP/out" &&
   grep -qx 'submodule action: remove plugin' "$TMP/out"; then pass; else fail "submodule actions (text):"; cat "$TMP/out"; fi

# (c) Namespace storage in the state file: written under "namespaces", read back by the callee.
exec_ "$P" call_write $NS --state "$TMP/state.json" --json
expect_rc "namespace write" 0 "$rc"
check "namespace write: status" 'status(o) == 0' "$TMP/out"
check "namespace write: state file" 'o == {"namespaces": {"plugin": {b64("counter"): b64("from plugin")}}}' "$TMP/state.json"
exec_ "$P" call_read $NS --state "$TMP/state.json" --json
expect_rc "namespace read" 0 "$rc"
check "namespace read" 'status(o) == 0 and data(o) == b"from plugin"' "$TMP/out"
# The default namespace does not see it: a fresh state with only the default key gets no "namespaces".
printf '{"%s": "%s"}' "$(printf counter | base64)" "$(printf default | base64)" >"$TMP/flat.json"
exec_ "$P" call_read $NS --state "$TMP/flat.json" --json
expect_rc "old-format state" 0 "$rc"
check "old-format state: the namespace is empty" 'status(o) == 0 and data(o) == b""' "$TMP/out"
check "old-format state: unchanged, no namespaces entry" 'o == {b64("counter"): b64("default")}' "$TMP/flat.json"
# Both at once; a failed callee's writes are dropped while the caller's are kept.
exec_ "$P" call_trap $NS --state "$TMP/flat.json" --json
expect_rc "callee trap" 0 "$rc"
check "callee trap: WasmTrap" 'status(o) == 600 and o["sync_trace"][0]["status_name"] == "WasmTrap"' "$TMP/out"
check "callee trap: state" 'o == {b64("counter"): b64("parent")}' "$TMP/flat.json"
exec_ "$P" call_write $NS --state "$TMP/flat.json" --json
check "default and namespace" 'o == {b64("counter"): b64("parent"),
  "namespaces": {"plugin": {b64("counter"): b64("from plugin")}}}' "$TMP/flat.json"
# A view call: the callee's write fails (status 600), the file is untouched.
cp "$TMP/state.json" "$TMP/state.before"
exec_ "$P" call_write $NS --state "$TMP/state.json" --view --json
check "view: callee write refused" 'status(o) == 600' "$TMP/out"
same_file "view" "$TMP/state.json" "$TMP/state.before"

# Corrupt "namespaces" entries: exit 3, file untouched.
i=0
for corrupt in '{"namespaces": []}' '{"namespaces": {"Bad": {}}}' '{"namespaces": {"plugin": {"!!": "AA=="}}}' \
               '{"namespaces": {"plugin": {"AA==": 1}}}' '{"namespaces": {"plugin": []}}' '{"namespaces": {"": {}}}'; do
  i=$((i + 1))
  printf '%s' "$corrupt" >"$TMP/corrupt$i.json"
  cp "$TMP/corrupt$i.json" "$TMP/corrupt$i.before"
  exec_ "$P" call_ret42 $NS --state "$TMP/corrupt$i.json" --json
  expect_rc "corrupt state '$corrupt'" 3 "$rc"
  same_file "corrupt state '$corrupt'" "$TMP/corrupt$i.json" "$TMP/corrupt$i.before"
done
# Empty namespaces are accepted and not written back.
printf '{"namespaces": {"plugin": {}}}' >"$TMP/empty_ns.json"
exec_ "$P" call_ret42 $NS --state "$TMP/empty_ns.json" --json
expect_rc "empty namespace entry" 0 "$rc"
check "empty namespace entry: dropped" 'o == {}' "$TMP/empty_ns.json"

# (d) Usage errors (exit 2, nothing on stdout) and unreadable code files (exit 3).
for args in "--namespace bad-name=$TMP/plugin.wasm" "--submodule =$TMP/sub.wasm" "--namespace plugin" \
            "--namespace =$TMP/plugin.wasm" "--namespace Plugin=$TMP/plugin.wasm" "--submodule sub=" \
            "--namespace plugin=$TMP/plugin.wasm --namespace plugin=$TMP/sub.wasm"; do
  # shellcheck disable=SC2086
  exec_ "$P" call_ret42 $args --json
  expect_rc "usage error: $args" 2 "$rc"
  if [ -s "$TMP/out" ]; then fail "usage error: $args: output on stdout"; else pass; fi
done
exec_ "$P" call_ret42 --namespace "plugin=$TMP/missing.wasm" --json
expect_rc "missing namespace code" 3 "$rc"
exec_ "$P" call_sub --submodule "sub=$TMP/missing.wasm" --json
expect_rc "missing submodule code" 3 "$rc"
# A submodule key may hold anything but '=' (the parent asks for "sub": NotFound, still a success).
exec_ "$P" call_sub --submodule "a key/with:stuff=$TMP/sub.wasm" --json
expect_rc "unusual submodule key" 0 "$rc"

# Consecutive resumes that each yielded again are one trace event with their count (text: resume xN).
cat >"$TMP/loop_parent.wat" <<'WAT'
(module
  (import "env" "sync_function_call" (func $call (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
  (import "env" "resume_sync_call" (func $resume (param i64 i64 i64 i64 i64) (result i64)))
  (memory 1) (data (i32.const 0) "pp") (data (i32.const 8) "pingpong")
  (func (export "main")
    (drop (call $call (i64.const 2) (i64.const 0) (i64.const 8) (i64.const 8) (i64.const 0) (i64.const 0)
                      (i64.const 100000000000000) (i64.const 1)))
    (drop (call $resume (i64.const 2) (i64.const 0) (i64.const 0) (i64.const 0) (i64.const 1)))
    (drop (call $resume (i64.const 2) (i64.const 0) (i64.const 0) (i64.const 0) (i64.const 1)))
    (drop (call $resume (i64.const 2) (i64.const 0) (i64.const 0) (i64.const 0) (i64.const 1)))))
WAT
cat >"$TMP/pingpong.wat" <<'WAT'
(module
  (import "env" "callback" (func $cb (param i64 i64 i64))) (memory 1)
  (func (export "pingpong") (loop (call $cb (i64.const 8) (i64.const 0) (i64.const 3)) (br 0))))
WAT
"$WAT2WASM" "$TMP/loop_parent.wat" -o "$TMP/loop_parent.wasm" && "$WAT2WASM" "$TMP/pingpong.wat" -o "$TMP/pingpong.wasm" ||
  { echo "FAIL: wat2wasm could not build the round-trip contracts"; exit 1; }
exec_ "$TMP/loop_parent.wasm" main --namespace "pp=$TMP/pingpong.wasm" --json
expect_rc "round trips" 0 "$rc"
check "round trips: merged trace" '[(e["event"], e["status_name"], e["count"]) for e in o["sync_trace"]]
  == [("start", "Callback", 1), ("resume", "Callback", 3)]' "$TMP/out"
exec_ "$TMP/loop_parent.wasm" main --namespace "pp=$TMP/pingpong.wasm"
expect_rc "round trips (text)" 0 "$rc"
if grep -q '^  resume x3 namespace pp depth 1 -> Callback (1), gas ' "$TMP/out"; then pass
else fail "round trips (text output):"; cat "$TMP/out"; fi

summary
