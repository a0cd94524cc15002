/* A tiny ledger: one u64 counter in storage. It is the callee of examples/sdk/async_vs_sync.c and
 * is deployed two ways with the same wasm:
 *
 *   - as its own account (ledger.test.near), called asynchronously with a promise;
 *   - as the namespace "ledger" of the caller's account, called synchronously with
 *     sync_function_call (its storage is then that namespace's own storage).
 *
 * Methods (values are decimal text):
 *   bump  adds 1 and returns the new value; logs "bump N"
 *   get   returns the value (0 before the first bump)
 *
 * The code does not care how it is reached: storage is scoped to the account and namespace it
 * runs in, so the two deployments keep separate counters. */
#include <syncwasm/near_helpers.h>

static const char kKey[] = "counter";
#define KEY kKey, sizeof kKey - 1

SW_EXPORT(bump) void bump(void) {
  uint64_t now = sw_storage_read_u64(KEY, 0) + 1;
  sw_storage_write_u64(KEY, now);
  char line[32];
  sw_memcpy(line, "bump ", 5);
  size_t n = 5 + sw_u64_to_dec(now, line + 5);
  sw_log_bytes(line, n);
  sw_return_u64_dec(now);
}

SW_EXPORT(get) void get(void) { sw_return_u64_dec(sw_storage_read_u64(KEY, 0)); }
