/* A plugin registry: the contract decides who may add submodules to its account (the permission
 * model of NEP-481's deploy_submodule). The account itself names admins; admins (and the account)
 * add plugins; anyone may run them.
 *
 *   add_admin   input: an account id. Only the account itself may call it (predecessor ==
 *               current account). Stores the id in the admin set ("admin:" + id in storage).
 *   is_admin    input: an account id; returns "true" or "false" (works as a view).
 *   add_plugin  input: one byte N, a key of N bytes (1..255), then the plugin's wasm (a v1
 *               submodule). Only admins or the account itself. Calls the deploy_submodule host
 *               function, which queues a DeploySubmodule action on this account: the submodule
 *               exists once this call has succeeded (and not at all if it fails).
 *   run         input: a key. Starts the submodule `key` (its `main`) and returns its return value,
 *               or "error <status>: <message>" for a non-zero status (200 when there is no such
 *               plugin; 1 when it yielded, which these plugins are not expected to do).
 *
 * Account ids and keys may also be passed as JSON strings ("\"alice.test.near\""): surrounding
 * quotes are removed, so that `syncwasm call ... '"alice.test.near"'` works.
 *
 * A plugin is e.g. examples/sdk/plugin_hello.c. */
#include <syncwasm/near_helpers.h>

#define RESULT_REGISTER 1
#define PLUGIN_GAS 50000000000000ull /* 50 Tgas at most per run */
#define MAX_PLUGIN (128 * 1024)

static uint8_t code_buf[1 + 255 + MAX_PLUGIN];
static char msg[512];

static size_t put(char* out, size_t at, const void* s, size_t n) {
  sw_memcpy(out + at, s, n);
  return at + n;
}
static size_t put_str(char* out, size_t at, const char* s) { return put(out, at, s, sw_strlen(s)); }

/* The input as text, without surrounding JSON quotes; panics if it is empty or too long. */
static uint64_t text_input(char* out, uint64_t cap, const char* what) {
  uint64_t n = sw_input(out, cap);
  if (n >= 2 && out[0] == '"' && out[n - 1] == '"') {
    sw_memmove(out, out + 1, n - 2);
    n -= 2;
  }
  if (n == 0) sw_panic_str(what);
  return n;
}

/* NEAR's account-id rule, roughly: 2..64 characters of a-z, 0-9, '.', '_' and '-'. */
static int valid_account_id(const char* id, uint64_t n) {
  if (n < 2 || n > 64) return 0;
  for (uint64_t i = 0; i < n; ++i) {
    char c = id[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return 0;
  }
  return 1;
}

/* The storage key of an admin: "admin:" + id. */
static uint64_t admin_key(char* out, const char* id, uint64_t n) {
  size_t m = put_str(out, 0, "admin:");
  return put(out, m, id, n);
}

static int is_admin_id(const char* id, uint64_t n) {
  char key[80];
  return sw_storage_has(key, admin_key(key, id, n));
}

/* 1 if the predecessor is this account; its id is copied to `caller` (64 bytes), length in *len. */
static int caller_is_self(char* caller, uint64_t* len) {
  char me[64];
  uint64_t me_len = sw_current_account_id(me, sizeof me);
  *len = sw_predecessor_account_id(caller, 64);
  return *len == me_len && sw_memcmp(me, caller, me_len) == 0;
}

SW_EXPORT(add_admin) void add_admin(void) {
  char caller[64];
  uint64_t caller_len;
  if (!caller_is_self(caller, &caller_len)) sw_panic_str("add_admin: only the account itself may add admins");
  char id[66];
  uint64_t n = text_input(id, sizeof id, "add_admin: input must be an account id");
  if (!valid_account_id(id, n)) sw_panic_str("add_admin: input must be an account id");
  char key[80];
  sw_storage_write(key, admin_key(key, id, n), "1", 1);
  size_t m = put_str(msg, 0, "admin added: ");
  m = put(msg, m, id, n);
  sw_log_bytes(msg, m);
}

SW_EXPORT(is_admin) void is_admin(void) {
  char id[66];
  uint64_t n = text_input(id, sizeof id, "is_admin: input must be an account id");
  sw_return_str(is_admin_id(id, n) ? "true" : "false");
}

SW_EXPORT(add_plugin) void add_plugin(void) {
  char caller[64];
  uint64_t caller_len;
  if (!caller_is_self(caller, &caller_len) && !is_admin_id(caller, caller_len)) {
    size_t m = put_str(msg, 0, "add_plugin: ");
    m = put(msg, m, caller, caller_len);
    m = put_str(msg, m, " is not an admin");
    panic_utf8(m, SW_PTR(msg));
  }
  input(SW_SCRATCH_REGISTER);
  uint64_t n = register_len(SW_SCRATCH_REGISTER);
  if (n == SW_NONE || n > sizeof code_buf) sw_panic_str("add_plugin: plugin too large");
  if (n) read_register(SW_SCRATCH_REGISTER, SW_PTR(code_buf));
  uint64_t key_len = n ? code_buf[0] : 0;
  if (key_len == 0 || 1 + key_len >= n) sw_panic_str("add_plugin: input must be a key length byte, the key, then the wasm code");
  const uint8_t* key = code_buf + 1;
  const uint8_t* code = key + key_len;
  uint64_t code_len = n - 1 - key_len;
  deploy_submodule(key_len, SW_PTR(key), code_len, SW_PTR(code));

  size_t m = put_str(msg, 0, "plugin ");
  m = put(msg, m, key, key_len);
  m = put_str(msg, m, " (");
  m += sw_u64_to_dec(code_len, msg + m);
  m = put_str(msg, m, " bytes) added by ");
  m = put(msg, m, caller, caller_len);
  sw_log_bytes(msg, m);
}

SW_EXPORT(run) void run(void) {
  char key[258];
  uint64_t key_len = text_input(key, sizeof key, "run: input must be a plugin key");
  uint64_t status = start_submodule(key_len, SW_PTR(key), PLUGIN_GAS, RESULT_REGISTER);
  if (status == SW_SYNC_SUCCESS) {
    value_return(SW_FROM_REGISTER, RESULT_REGISTER); /* the plugin's result, straight from the register */
    return;
  }
  size_t m = put_str(msg, 0, "error ");
  m += sw_u64_to_dec(status, msg + m);
  m = put_str(msg, m, ": ");
  uint64_t n = register_len(RESULT_REGISTER); /* the message, or what a plugin yielded */
  if (n != SW_NONE && n <= sizeof msg - m) {
    if (n) read_register(RESULT_REGISTER, SW_PTR(msg + m));
    m += n;
  }
  sw_return_bytes(msg, m);
}
