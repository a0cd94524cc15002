/* The same interaction done asynchronously (NEAR promises) and synchronously (NEP-481): bump the
 * counter of examples/sdk/ledger.c and get its new value back.
 *
 * Deploy this contract as an account's default namespace, and ledger.wasm twice:
 *   - as the account LEDGER_ACCOUNT ("ledger.test.near"): the asynchronous path;
 *   - as the namespace "ledger" of this same account: the synchronous path.
 *
 *   bump_async   promise_create(ledger.test.near, "bump") then promise_then(self, "on_bump"); the
 *                transaction's result is on_bump's: the new value. Takes several blocks.
 *   on_bump      the callback (only this account may call it): reads promise_result(0), records
 *                it under "last_async" and returns it
 *   bump_sync    sync_function_call("ledger", "bump"): the value comes back inside the same call;
 *                records it under "last_sync" and returns it
 *
 * Atomicity, the other difference:
 *   bump_sync_then_fail               calls ledger.bump synchronously, then panics: the whole
 *                                     receipt fails and the ledger namespace's bump is undone too
 *   bump_async_then_fail_in_callback  the ledger account's bump runs in its own receipt and
 *                                     stays; the callback (on_bump_fail) panics afterwards, and
 *                                     only its own changes are dropped
 *
 * Values are decimal text. A failed ledger call makes the caller panic with its status. */
#include <syncwasm/near_helpers.h>

#define LEDGER_ACCOUNT "ledger.test.near"
#define LEDGER_NAMESPACE "ledger"
#define RESULT_REGISTER 1
#define TGAS 1000000000000ull
#define LEDGER_GAS (20 * TGAS)   /* for ledger.bump, async or sync: a few storage operations */
#define CALLBACK_GAS (20 * TGAS) /* for on_bump */

static const uint8_t kZeroDeposit[16] = {0};
static char buf[256];

static size_t put(char* out, size_t at, const char* s) {
  size_t n = sw_strlen(s);
  sw_memcpy(out + at, s, n);
  return at + n;
}

/* Records the ledger's answer (decimal text) under `key`, logs "<key> = <value>" and returns it. */
static void record_and_return(const char* key, const char* value, uint64_t n) {
  sw_storage_write(key, sw_strlen(key), value, n);
  size_t m = put(buf, 0, key);
  m = put(buf, m, " = ");
  sw_memcpy(buf + m, value, n);
  sw_log_bytes(buf, m + n);
  sw_return_bytes(value, n);
}

/* Panics unless the predecessor is this account (the convention for callbacks). */
static void require_self(const char* what) {
  char me[64], caller[64];
  uint64_t a = sw_current_account_id(me, sizeof me);
  uint64_t b = sw_predecessor_account_id(caller, sizeof caller);
  if (a != b || sw_memcmp(me, caller, a) != 0) sw_panic_str(what);
}

/* ---- asynchronous: a promise to another account, and a callback ---- */

/* ledger.test.near's bump, then this account's `callback`; the call returns the callback's result. */
static void bump_then(const char* callback) {
  static const char ledger[] = LEDGER_ACCOUNT;
  uint64_t p = promise_create(sizeof ledger - 1, SW_PTR(ledger), 4, SW_PTR("bump"), 0, 0, SW_PTR(kZeroDeposit),
                              LEDGER_GAS);
  char me[64];
  uint64_t me_len = sw_current_account_id(me, sizeof me);
  uint64_t cb = promise_then(p, me_len, SW_PTR(me), sw_strlen(callback), SW_PTR(callback), 0, 0,
                             SW_PTR(kZeroDeposit), CALLBACK_GAS);
  promise_return(cb);
}

/* The new value of the ledger's bump, the callback's only promise result (panics if it failed). */
static uint64_t bumped_value(char* out, uint64_t cap) {
  if (promise_results_count() != 1) sw_panic_str("expected one promise result");
  if (promise_result(0, RESULT_REGISTER) != 1) sw_panic_str("ledger.bump failed");
  uint64_t n = sw_register_read(RESULT_REGISTER, out, cap);
  return n == SW_NONE ? 0 : n;
}

SW_EXPORT(bump_async) void bump_async(void) { bump_then("on_bump"); }

SW_EXPORT(on_bump) void on_bump(void) {
  require_self("on_bump is a callback: only this account may call it");
  char value[32];
  uint64_t n = bumped_value(value, sizeof value);
  record_and_return("last_async", value, n);
}

SW_EXPORT(bump_async_then_fail_in_callback) void bump_async_then_fail_in_callback(void) { bump_then("on_bump_fail"); }

SW_EXPORT(on_bump_fail) void on_bump_fail(void) {
  require_self("on_bump_fail is a callback: only this account may call it");
  char value[32];
  uint64_t n = bumped_value(value, sizeof value);
  record_and_return("last_async", value, n); /* dropped with the panic below */
  size_t m = put(buf, 0, "callback failed after the ledger account bumped to ");
  sw_memcpy(buf + m, value, n);
  panic_utf8(m + n, SW_PTR(buf));
}

/* ---- synchronous: the "ledger" namespace of this account, inside this call ---- */

/* Calls ledger.bump synchronously; copies the new value into out (cap bytes) and returns its
 * length, or panics with "ledger.bump failed: STATUS NAME: MESSAGE". */
static uint64_t bump_now(char* out, uint64_t cap) {
  static char reply[1024];
  uint64_t status = sw_sync_call(LEDGER_NAMESPACE, "bump", "", 0, LEDGER_GAS, RESULT_REGISTER);
  uint64_t n = sw_register_read(RESULT_REGISTER, reply, sizeof reply);
  if (n == SW_NONE) n = 0;
  if (status != SW_SYNC_SUCCESS) {
    size_t m = put(buf, 0, "ledger.bump failed: ");
    m += sw_u64_to_dec(status, buf + m);
    m = put(buf, m, " ");
    m = put(buf, m, sw_sync_status_name(status));
    m = put(buf, m, ": ");
    if (n > sizeof buf - m) n = sizeof buf - m;
    sw_memcpy(buf + m, reply, n);
    panic_utf8(m + n, SW_PTR(buf));
  }
  if (n > cap) sw_panic_str("ledger.bump returned too much");
  sw_memcpy(out, reply, n);
  return n;
}

SW_EXPORT(bump_sync) void bump_sync(void) {
  char value[32];
  uint64_t n = bump_now(value, sizeof value);
  record_and_return("last_sync", value, n);
}

SW_EXPORT(bump_sync_then_fail) void bump_sync_then_fail(void) {
  char value[32];
  uint64_t n = bump_now(value, sizeof value);
  size_t m = put(buf, 0, "failing after the ledger namespace bumped to ");
  sw_memcpy(buf + m, value, n);
  panic_utf8(m + n, SW_PTR(buf));
}
