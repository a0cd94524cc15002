#!/usr/bin/env bash
# End-to-end tests of the local-chain commands of `syncwasm` (init, account, key, deploy, submodule,
# call, view, view-state, tx) on a temporary --home, with small WAT contracts built by wat2wasm.
# Usage: chain_cli_test.sh SYNCWASM WAT2WASM [PYTHON3]
set -u

SYNCWASM=${1:?usage: chain_cli_test.sh SYNCWASM WAT2WASM [PYTHON3]}
WAT2WASM=${2:?usage: chain_cli_test.sh SYNCWASM WAT2WASM [PYTHON3]}
PYTHON=${3:-python3}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cli_chain.XXXXXX") || exit 1
bg_pids=()
cleanup() {
  for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT

HOME_DIR=$TMP/home
H=(--home "$HOME_DIR")
ALICE=alice.test.near

# check helpers: unb64(s) decodes to text, ret(o) is the returned value as text, b58(bytes) is base58,
# sha(path) the sha256 of a file's bytes.
CHECK_HELPERS='unb64 = lambda s: base64.b64decode(s).decode()
ret = lambda o: base64.b64decode(o["return_base64"]).decode()
def b58(b):
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    n = int.from_bytes(b, "big"); s = ""
    while n: n, r = divmod(n, 58); s = alphabet[r] + s
    return "1" * (len(b) - len(b.lstrip(b"\0"))) + s
sha = lambda p: hashlib.sha256(open(p, "rb").read()).digest()'
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The contract: set (stores its input under "greeting", logs, returns it), get, spin (never ends),
# run_sub (starts submodule "sub" and returns what it returned).
cat >"$TMP/contract.wat" <<'WAT'
(module
  (import "env" "input" (func $input (param i64)))
  (import "env" "register_len" (func $register_len (param i64) (result i64)))
  (import "env" "read_register" (func $read_register (param i64 i64)))
  (import "env" "storage_write" (func $storage_write (param i64 i64 i64 i64 i64) (result i64)))
  (import "env" "storage_read" (func $storage_read (param i64 i64 i64) (result i64)))
  (import "env" "value_return" (func $value_return (param i64 i64)))
  (import "env" "log_utf8" (func $log_utf8 (param i64 i64)))
  (import "env" "start_submodule" (func $start_submodule (param i64 i64 i64 i64) (result i64)))
  (memory 1)
  (data (i32.const 0) "greeting")
  (data (i32.const 16) "stored the input")
  (data (i32.const 48) "sub")
  (func (export "set")
    (local $len i64)
    (call $input (i64.const 0))
    (local.set $len (call $register_len (i64.const 0)))
    (call $read_register (i64.const 0) (i64.const 1024))
    (drop (call $storage_write (i64.const 8) (i64.const 0) (local.get $len) (i64.const 1024) (i64.const 1)))
    (call $log_utf8 (i64.const 16) (i64.const 16))
    (call $value_return (local.get $len) (i64.const 1024)))
  (func (export "get")
    (if (i64.eq (call $storage_read (i64.const 8) (i64.const 0) (i64.const 2)) (i64.const 1))
      (then (call $value_return (i64.const -1) (i64.const 2)))))
  (func (export "spin") (loop $l (br $l)))
  (func (export "run_sub")
    (if (i64.eqz (call $start_submodule (i64.const 3) (i64.const 48) (i64.const 10000000000000) (i64.const 1)))
      (then (call $value_return (i64.const -1) (i64.const 1)))
      (else (unreachable)))))
WAT

# A submodule (v1 ABI).
cat >"$TMP/sub.wat" <<'WAT'
(module
  (import "env" "return_value" (func $return_value (param i64 i64)))
  (memory 1)
  (data (i32.const 0) "from submodule")
  (func (export "main") (call $return_value (i64.const 14) (i64.const 0))))
WAT

# The code of namespace `plugin`: write stores "counter" = "from plugin" in its namespace, read returns it.
cat >"$TMP/plugin.wat" <<'WAT'
(module
  (import "env" "value_return" (func $value_return (param i64 i64)))
  (import "env" "storage_write" (func $storage_write (param i64 i64 i64 i64 i64) (result i64)))
  (import "env" "storage_read" (func $storage_read (param i64 i64 i64) (result i64)))
  (memory 1)
  (data (i32.const 0) "counter")
  (data (i32.const 16) "from plugin")
  (func (export "write")
    (drop (call $storage_write (i64.const 7) (i64.const 0) (i64.const 11) (i64.const 16) (i64.const 0)))
    (call $value_return (i64.const 11) (i64.const 16)))
  (func (export "read")
    (if (i64.eq (call $storage_read (i64.const 7) (i64.const 0) (i64.const 2)) (i64.const 1))
      (then (call $value_return (i64.const -1) (i64.const 2))))))
WAT

for m in contract sub plugin; do
  if ! "$WAT2WASM" "$TMP/$m.wat" -o "$TMP/$m.wasm"; then
    echo "FAIL: wat2wasm could not build $m.wat"
    exit 1
  fi
done

# ---- init ----
sw account view test.near "${H[@]}"
expect_rc "not initialized" 3
expect_out "not initialized: message" "$TMP/err" "is not initialized"
if [ -e "$HOME_DIR" ]; then fail "a command other than init created the home"; else pass; fi

sw init "${H[@]}" --json
expect_rc "init" 0
check "init: output" 'o["account_id"] == "test.near" and o["public_key"].startswith("ed25519:")
  and o["amount"] == str(10**33)' "$TMP/out"
check "init: key file" 'set(o) == {"account_id", "public_key", "private_key"} and o["account_id"] == "test.near"
  and o["private_key"].startswith("ed25519:")' "$HOME_DIR/keys/test.near.json"
if [ "$(stat -c %a "$HOME_DIR/keys/test.near.json")" = 600 ]; then pass; else fail "init: key file mode $(stat -c %a "$HOME_DIR/keys/test.near.json")"; fi
[ -d "$HOME_DIR/data" ] && pass || fail "init: no data directory"
cp "$HOME_DIR/keys/test.near.json" "$TMP/genesis-key.json"

sw init "${H[@]}"
expect_rc "init again" 3
expect_out "init again: message" "$TMP/err" "already initialized"
if cmp -s "$HOME_DIR/keys/test.near.json" "$TMP/genesis-key.json"; then pass; else fail "init again changed the key file"; fi

# ---- accounts ----
sw account create "$ALICE" --initial-balance 5 "${H[@]}" --json
expect_rc "account create" 0
check "account create: outcome" 'o["status"] == "success" and o["signer_id"] == "test.near"
  and o["receiver_id"] == "alice.test.near" and o["receipts"][0]["actions"] == ["CreateAccount", "Transfer", "AddKey"]' "$TMP/out"
check "account create: key file" 'o["account_id"] == "alice.test.near"' "$HOME_DIR/keys/$ALICE.json"
if [ "$(stat -c %a "$HOME_DIR/keys/$ALICE.json")" = 600 ]; then pass; else fail "account create: key file mode"; fi

sw account view "$ALICE" "${H[@]}" --json
expect_rc "account view" 0
check "account view" 'o["account_id"] == "alice.test.near" and o["amount"] == str(5 * 10**24)
  and o["locked"] == "0" and o["storage_usage"] > 0 and o["code"] == {}' "$TMP/out"
sw account view "$ALICE" "${H[@]}"
expect_out "account view (text): amount" "$TMP/out" "^amount: 5 NEAR \(5000000000000000000000000 yoctoNEAR\)$"
expect_out "account view (text): code" "$TMP/out" "^code: \(none\)$"

sw account create "$ALICE" "${H[@]}"
expect_rc "account create: exists" 1
expect_out "account create: exists: message" "$TMP/err" "already exists"
sw account create bob.near "${H[@]}"
expect_rc "account create: no parent" 1
sw account create 'Bad!' "${H[@]}"
expect_rc "account create: bad id" 2
sw account create bob.test.near --initial-balance 1.2.3 "${H[@]}"
expect_rc "account create: bad amount" 2
sw account create bob.test.near --parent "$ALICE" "${H[@]}"
expect_rc "account create: not a sub-account of --parent" 2
sw account view ghost.test.near "${H[@]}"
expect_rc "account view: missing" 1

# A sub-account of alice: alice is the default parent (the longest existing suffix) and signs.
sw account create "bob.$ALICE" --initial-balance 1.5 "${H[@]}" --json
expect_rc "sub-account create" 0
check "sub-account create: signed by the parent" 'o["signer_id"] == "alice.test.near" and o["status"] == "success"' "$TMP/out"
sw account view "bob.$ALICE" "${H[@]}" --json
check "sub-account: 1.5 NEAR exactly" 'o["amount"] == str(15 * 10**23)' "$TMP/out"

# ---- deploy and call ----
sw deploy "$ALICE" "$TMP/missing.wasm" "${H[@]}"
expect_rc "deploy: missing file" 3
sw deploy "$ALICE" "$TMP/contract.wasm" "${H[@]}"
expect_rc "deploy" 0
expect_out "deploy (text)" "$TMP/out" "^status: success$"
sw account view "$ALICE" "${H[@]}" --json
check "deploy: code hash" 'o["code"] == {"": b58(sha("'"$TMP"'/contract.wasm"))}' "$TMP/out"

sw call "$ALICE" set '{"greeting": "hello"}' "${H[@]}" --json
expect_rc "call" 0
cp "$TMP/out" "$TMP/call.json"
check "call: outcome" 'o["status"] == "success" and ret(o) == "{\"greeting\": \"hello\"}"
  and o["logs"] == ["stored the input"] and o["gas_burnt"] > 0 and o["signer_id"] == "test.near"
  and len(o["tx_hash"]) > 30 and o["receipts"][0]["receiver_id"] == "alice.test.near"' "$TMP/out"
tx_hash=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["tx_hash"])' "$TMP/call.json")

sw call "$ALICE" set '"text"' --signer "$ALICE" --gas 50 "${H[@]}"
expect_rc "call (text)" 0
expect_out "call (text): status" "$TMP/out" "^status: success$"
expect_out "call (text): return" "$TMP/out" '^return: "text"$'
expect_out "call (text): log" "$TMP/out" "^log: stored the input$"
expect_out "call (text): gas" "$TMP/out" "^gas burnt: [1-9][0-9]*$"
expect_out "call (text): receipt" "$TMP/out" "^  [1-9A-Za-z]+ $ALICE -> $ALICE \[FunctionCall\]: success"
sw call "$ALICE" set '{"greeting": "hello"}' "${H[@]}"

sw view-state "$ALICE" "${H[@]}" --json
expect_rc "view-state" 0
check "view-state" 'o == {b64("greeting"): b64("{\"greeting\": \"hello\"}")}' "$TMP/out"
sw view-state "$ALICE" "${H[@]}" --utf8
expect_out "view-state --utf8" "$TMP/out" '^"greeting" "\{\\"greeting\\": \\"hello\\"\}"$'
sw view-state "$ALICE" "${H[@]}"
expect_out "view-state (base64)" "$TMP/out" "^Z3JlZXRpbmc= "

sw view "$ALICE" get "${H[@]}" --json
expect_rc "view" 0
check "view" 'o["status"] == "success" and ret(o) == "{\"greeting\": \"hello\"}"' "$TMP/out"
sw view "$ALICE" get "${H[@]}"
expect_out "view (text)" "$TMP/out" '^return: \{"greeting": "hello"\}$'
sw view "$ALICE" set '{}' "${H[@]}" --json
expect_rc "view of a writing method" 1
check "view of a writing method: ProhibitedInView" 'o["status"] == "failure"
  and o["error"]["kind"] == ["HostError", "ProhibitedInView"]' "$TMP/out"
sw view "$ALICE" set '{}' "${H[@]}"
expect_out "view of a writing method (text)" "$TMP/out" "^error: HostError::ProhibitedInView"

sw call "$ALICE" set 'not json' "${H[@]}"
expect_rc "call: args not JSON" 2
sw call "$ALICE" set --gas lots "${H[@]}"
expect_rc "call: bad --gas" 2
sw call "$ALICE" set --deposit -1 "${H[@]}"
expect_rc "call: bad --deposit" 2
sw call "$ALICE" no_such_method "${H[@]}"
expect_rc "call: no such method" 1
expect_out "call: no such method (text)" "$TMP/out" "^status: failure$"
sw call ghost.test.near set "${H[@]}" --json
expect_rc "call: no such contract account" 1

# ---- tx ----
sw tx "$tx_hash" "${H[@]}" --json
expect_rc "tx" 0
if "$PYTHON" -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' "$TMP/out" "$TMP/call.json"; then
  pass
else
  fail "tx: the stored outcome differs from the call's:"; diff "$TMP/call.json" "$TMP/out"
fi
sw tx "$tx_hash" "${H[@]}"
expect_out "tx (text)" "$TMP/out" "^transaction: $tx_hash$"
expect_out "tx (text): return" "$TMP/out" '^return: \{"greeting": "hello"\}$'
sw tx 11111111111111111111111111111111 "${H[@]}"
expect_rc "tx: unknown" 1
sw tx 0OIl "${H[@]}"
expect_rc "tx: not base58" 2

# ---- signers ----
sw call "$ALICE" get --signer ghost.test.near "${H[@]}"
expect_rc "signer does not exist" 1
expect_out "signer does not exist: message" "$TMP/err" "ghost.test.near does not exist"
# With a key file, the chain itself rejects the transaction.
"$PYTHON" -c 'import json,sys; k = json.load(open(sys.argv[1])); k["account_id"] = "ghost.test.near"; json.dump(k, open(sys.argv[2], "w"))' \
  "$HOME_DIR/keys/$ALICE.json" "$HOME_DIR/keys/ghost.test.near.json"
sw call "$ALICE" get --signer ghost.test.near "${H[@]}"
expect_rc "signer does not exist (key file)" 1
expect_out "signer does not exist (key file): message" "$TMP/err" "SignerDoesNotExist"
rm -f "$HOME_DIR/keys/ghost.test.near.json"
# A key file that is not the account's access key.
sw call "$ALICE" get --signer "$ALICE" --key-file "$TMP/genesis-key.json" "${H[@]}"
expect_rc "key file of another account" 3

# ---- keys ----
sw key list test.near "${H[@]}" --json
expect_rc "key list" 0
check "key list: genesis key, nonce advanced" 'len(o["keys"]) == 1
  and o["keys"][0]["public_key"] == json.load(open("'"$TMP"'/genesis-key.json"))["public_key"]
  and o["keys"][0]["access_key"]["permission"] == "FullAccess" and o["keys"][0]["access_key"]["nonce"] >= 3' "$TMP/out"

sw key add "$ALICE" "${H[@]}" --json
expect_rc "key add (generated)" 0
full_pk=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["public_key"])' "$TMP/out")
full_file="$HOME_DIR/keys/$ALICE/ed25519_${full_pk#ed25519:}.json"
check "key add: saved" 'o["public_key"] == "'"$full_pk"'" and o["account_id"] == "alice.test.near"' "$full_file"
if [ "$(stat -c %a "$full_file")" = 600 ]; then pass; else fail "key add: key file mode"; fi

sw key add "$ALICE" --function-call "$ALICE" --methods get,set --allowance 0.5 "${H[@]}"
expect_rc "key add (function call)" 0
expect_out "key add (function call): text" "$TMP/out" "^added key ed25519:.* function call to $ALICE, methods: get,set, allowance: 0.5 NEAR$"
fc_file=$(sed -n 's/^key saved to //p' "$TMP/out")
sw key add "$ALICE" --function-call "$ALICE" --methods get --namespaces plugin \
  --public-key ed25519:6E8sCci9badyRkXb3JoRpBj5p8C6Tw41ELDZoiihKEtp "${H[@]}"
expect_rc "key add (namespaces, given key)" 0
sw key add "$ALICE" --methods get "${H[@]}"
expect_rc "key add: --methods without --function-call" 2
sw key add "$ALICE" --public-key nonsense "${H[@]}"
expect_rc "key add: bad --public-key" 2

sw key list "$ALICE" "${H[@]}" --json
check "key list: four keys" 'len(o["keys"]) == 4' "$TMP/out"
check "key list: full access key" 'any(k["public_key"] == "'"$full_pk"'" and k["access_key"]["permission"] == "FullAccess" for k in o["keys"])' "$TMP/out"
check "key list: function-call key" 'any(k["access_key"]["permission"] == {"FunctionCall": {"allowance": str(5 * 10**23),
  "receiver_id": "alice.test.near", "method_names": ["get", "set"]}} for k in o["keys"])' "$TMP/out"
check "key list: namespaces key" 'any(k["public_key"] == "ed25519:6E8sCci9badyRkXb3JoRpBj5p8C6Tw41ELDZoiihKEtp"
  and k["access_key"]["permission"] == {"FunctionCallWithNamespaces": {"allowance": None,
  "receiver_id": "alice.test.near", "method_names": ["get"], "namespaces": ["plugin"]}} for k in o["keys"])' "$TMP/out"
sw key list "$ALICE" "${H[@]}"
expect_out "key list (text)" "$TMP/out" "^$full_pk: full access, nonce 0$"

# The function-call key signs calls it allows, and only those.
sw call "$ALICE" get --signer "$ALICE" --key-file "$fc_file" "${H[@]}" --json
expect_rc "function-call key: allowed call" 0
sw call "$ALICE" spin --signer "$ALICE" --key-file "$fc_file" "${H[@]}"
expect_rc "function-call key: other method" 1
expect_out "function-call key: other method: message" "$TMP/err" "InvalidAccessKeyError"
# The full-access key signs as well.
sw call "$ALICE" get --signer "$ALICE" --key-file "$full_file" "${H[@]}"
expect_rc "added full-access key signs" 0

sw key delete "$ALICE" "$full_pk" "${H[@]}"
expect_rc "key delete" 0
if [ -e "$full_file" ]; then fail "key delete: the key file is left"; else pass; fi
sw key list "$ALICE" "${H[@]}" --json
check "key delete: gone" 'len(o["keys"]) == 3 and all(k["public_key"] != "'"$full_pk"'" for k in o["keys"])' "$TMP/out"
sw key delete "$ALICE" "$full_pk" "${H[@]}"
expect_rc "key delete: no such key" 1

# ---- submodules ----
sw submodule deploy "$ALICE" sub "$TMP/sub.wasm" "${H[@]}"
expect_rc "submodule deploy" 0
sw call "$ALICE" run_sub "${H[@]}" --json
expect_rc "call into a submodule" 0
check "call into a submodule: its value" 'ret(o) == "from submodule"' "$TMP/out"
cp "$TMP/out" "$TMP/sub.json"
sw call "$ALICE" run_sub "${H[@]}" --trace
expect_rc "call --trace" 0
expect_out "call --trace: return" "$TMP/out" "^return: from submodule$"
if "$PYTHON" -c 'import json,sys; sys.exit("sync_trace" not in json.load(open(sys.argv[1])))' "$TMP/sub.json"; then
  expect_out "call --trace: event" "$TMP/out" "^  start submodule sub depth 1 -> Success \(0\), gas [1-9][0-9]*$"
else
  expect_out "call --trace: not recorded" "$TMP/out" "^sync trace: not recorded"
fi
sw submodule remove "$ALICE" sub "${H[@]}"
expect_rc "submodule remove" 0
sw call "$ALICE" run_sub "${H[@]}"
expect_rc "call into a removed submodule" 1
sw submodule remove "$ALICE" sub "${H[@]}"
expect_rc "submodule remove: no such submodule" 1

# ---- namespaces ----
sw deploy "$ALICE" "$TMP/plugin.wasm" --namespace Bad "${H[@]}"
expect_rc "deploy: bad namespace" 2
sw deploy "$ALICE" "$TMP/plugin.wasm" --namespace plugin "${H[@]}"
expect_rc "deploy to a namespace" 0
sw account view "$ALICE" "${H[@]}" --json
check "deploy to a namespace: code" 'o["code"] == {"": b58(sha("'"$TMP"'/contract.wasm")), "plugin": b58(sha("'"$TMP"'/plugin.wasm"))}' "$TMP/out"
sw call "$ALICE" write --namespace plugin "${H[@]}" --json
expect_rc "call --namespace" 0
check "call --namespace: return" 'ret(o) == "from plugin" and o["receipts"][0]["actions"] == ["FunctionCallInNamespace"]' "$TMP/out"
sw view-state "$ALICE" --namespace plugin "${H[@]}" --json
check "view-state --namespace" 'o == {b64("counter"): b64("from plugin")}' "$TMP/out"
sw view-state "$ALICE" "${H[@]}" --json
check "view-state: the default namespace apart" 'list(o) == [b64("greeting")]' "$TMP/out"
sw view "$ALICE" read --namespace plugin "${H[@]}"
expect_rc "view --namespace" 0
expect_out "view --namespace: return" "$TMP/out" "^return: from plugin$"
sw call "$ALICE" write --namespace nothing_here "${H[@]}"
expect_rc "call: no code in the namespace" 1

# ---- one process at a time ----
# A lock holder: flock(2) on the store's lock file, as a second syncwasm process holds it.
"$PYTHON" -c '
import fcntl, sys, time
f = open(sys.argv[1], "a")
fcntl.flock(f, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(60)' "$HOME_DIR/data/store.lock" >"$TMP/lock.out" &
locker=$!
bg_pids+=($locker)
for _ in $(seq 200); do grep -q locked "$TMP/lock.out" && break; sleep 0.05; done
sw account view test.near "${H[@]}"
expect_rc "store in use (lock holder)" 3
expect_out "store in use (lock holder): message" "$TMP/err" "store is in use"
sw call "$ALICE" get "${H[@]}"
expect_rc "store in use (lock holder): call" 3
kill "$locker" 2>/dev/null; wait "$locker" 2>/dev/null
unset 'bg_pids[-1]'
sw account view test.near "${H[@]}"
expect_rc "store free again" 0

# A syncwasm process that runs for a while (a method that never ends, burning up to the VM's limit):
# a second command meanwhile gets "store is in use". The probe starts once the background call holds
# the store's lock (seen in /proc/locks, without taking it: a probe that opened the store first would
# make the background call fail instead). If the call ends before that, it is reported, not counted.
lock_inode=$(stat -c %i "$HOME_DIR/data/store.lock")
"$SYNCWASM" call "$ALICE" spin --gas 1000 "${H[@]}" >"$TMP/spin.out" 2>"$TMP/spin.err" &
spin=$!
bg_pids+=($spin)
seen=0
while kill -0 "$spin" 2>/dev/null; do
  grep -q ":$lock_inode " /proc/locks || continue
  sw account view test.near "${H[@]}"
  if [ "$rc" -eq 3 ] && grep -q "store is in use" "$TMP/err"; then seen=1; break; fi
done
wait "$spin"
spin_rc=$?
unset 'bg_pids[-1]'
if [ "$seen" = 1 ]; then pass; else echo "note: the background call ended before the store was seen in use (not counted)"; fi
if [ "$spin_rc" -eq 1 ]; then pass; else fail "spin: exit code $spin_rc, expected 1 (out of gas)"; cat "$TMP/spin.out" "$TMP/spin.err"; fi

summary
