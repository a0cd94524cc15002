/* One contract deployed in two namespaces of an account (NEP-480), talking synchronously (NEP-481).
 *
 * In the default namespace ""            In the "ledger" namespace
 *   record  input = an entry's text        append  stores the input as the next entry in the
 *           calls ledger.append now and            ledger namespace's own storage and returns
 *           returns what it returned               "entry N: TEXT"; only the default namespace
 *           (a failed call panics)                 of the same account may call it
 *   total   asks ledger.count synchronously  count   the number of entries, as decimal text
 *
 * Storage is per namespace: the entries live in ("account", "ledger") and the default namespace's
 * storage stays empty. Deploy the same wasm as both the account's code and its "ledger" namespace. */
#define SYNCWASM_SDK_DEFINE_LIBC /* memcpy/memset for clang's struct copies, should it emit any */
#include <syncwasm/near_helpers.h>

#define LEDGER "ledger"
#define RESULT_REGISTER 1
#define LEDGER_GAS 50000000000000ull /* 50 Tgas: plenty for a few storage writes */

static uint8_t buf[1024];
static char msg[1200];

/* Panics unless this code runs in namespace `ns`. */
static void require_namespace(const char* ns) {
  char cur[64];
  uint64_t n = sw_current_namespace(cur, sizeof cur);
  if (!sw_bytes_eq_str(cur, n, ns)) sw_panic_str(ns[0] ? "only in the ledger namespace" : "only in the default namespace");
}

/* Builds "<prefix><number>" in out and returns its length. */
static size_t with_number(char* out, const char* prefix, uint64_t v) {
  size_t n = sw_strlen(prefix);
  sw_memcpy(out, prefix, n);
  return n + sw_u64_to_dec(v, out + n);
}

/* Returns the ledger's result, or panics with "ledger.METHOD failed: STATUS NAME: message". */
static void forward(const char* method, uint64_t status) {
  uint64_t n = sw_register_read(RESULT_REGISTER, buf, sizeof buf);
  if (n == SW_NONE) n = 0;
  if (status == SW_SYNC_SUCCESS) {
    sw_return_bytes(buf, n);
    return;
  }
  size_t m = 0;
  const char* parts[] = {"ledger.", method, " failed: "};
  for (int i = 0; i < 3; ++i) {
    size_t k = sw_strlen(parts[i]);
    sw_memcpy(msg + m, parts[i], k);
    m += k;
  }
  m += sw_u64_to_dec(status, msg + m);
  msg[m++] = ' ';
  const char* name = sw_sync_status_name(status);
  sw_memcpy(msg + m, name, sw_strlen(name));
  m += sw_strlen(name);
  msg[m++] = ':';
  msg[m++] = ' ';
  sw_memcpy(msg + m, buf, n);
  m += n;
  panic_utf8(m, SW_PTR(msg));
}

/* ---- default namespace ---- */

SW_EXPORT(record) void record(void) {
  require_namespace("");
  uint64_t n = sw_input(buf, sizeof buf);
  if (n == 0) sw_panic_str("empty entry");
  forward("append", sw_sync_call(LEDGER, "append", buf, n, LEDGER_GAS, RESULT_REGISTER));
}

SW_EXPORT(total) void total(void) {
  require_namespace("");
  forward("count", sw_sync_call(LEDGER, "count", "", 0, LEDGER_GAS, RESULT_REGISTER));
}

/* ---- ledger namespace ---- */

static const char kCount[] = "n";

SW_EXPORT(append) void append(void) {
  require_namespace(LEDGER);
  /* Only this account's default namespace may write the ledger. */
  char me[64], caller[64];
  uint64_t me_len = sw_current_account_id(me, sizeof me);
  uint64_t caller_len = sw_predecessor_account_id(caller, sizeof caller);
  uint64_t ns_len = sw_predecessor_namespace(msg, sizeof msg);
  if (me_len != caller_len || sw_memcmp(me, caller, me_len) != 0 || ns_len != 0)
    sw_panic_str("append: only the account's default namespace may record");

  uint64_t n = sw_input(buf, sizeof buf);
  uint64_t index = sw_storage_read_u64(kCount, 1, 0) + 1;
  char key[32];
  size_t key_len = with_number(key, "entry:", index);
  sw_storage_write(key, key_len, buf, n);
  sw_storage_write_u64(kCount, 1, index);

  size_t m = with_number(msg, "entry ", index);
  msg[m++] = ':';
  msg[m++] = ' ';
  sw_memcpy(msg + m, buf, n);
  m += n;
  sw_log_bytes(msg, m);
  sw_return_bytes(msg, m);
}

SW_EXPORT(count) void count(void) {
  require_namespace(LEDGER);
  sw_return_u64_dec(sw_storage_read_u64(kCount, 1, 0));
}
