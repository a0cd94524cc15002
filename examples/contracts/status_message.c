/* A status-message contract in freestanding C (clang --target=wasm32): each account stores a message;
 * anyone reads it back as JSON; `hashes` returns the input's digests under every hash host function.
 *
 *   set_status  {"message":"..."}     stores the message under the caller's account id, logs it
 *   get_status  {"account_id":"..."}  returns {"account_id":"...","message":"..."} or null
 *   hashes      any bytes             returns {"sha256":"..","keccak256":"..","keccak512":"..","ripemd160":".."}
 */
#include "near_env.h"

static uint8_t buf_in[4096];
static uint8_t buf_out[8192];
static uint8_t buf_tmp[4096];

void* memcpy(void* d, const void* s, unsigned long n) {
  uint8_t* dp = d;
  const uint8_t* sp = s;
  while (n--) *dp++ = *sp++;
  return d;
}
void* memset(void* d, int c, unsigned long n) {
  uint8_t* dp = d;
  while (n--) *dp++ = (uint8_t)c;
  return d;
}

static uint64_t len_of(const char* s) {
  uint64_t n = 0;
  while (s[n]) ++n;
  return n;
}

static void fail(const char* msg) { panic_utf8(len_of(msg), (uint64_t)(uintptr_t)msg); }

/* Reads register `r` into `dst` (at most cap bytes); returns its length. */
static uint64_t take_register(uint64_t r, uint8_t* dst, uint64_t cap) {
  uint64_t n = register_len(r);
  if (n > cap) fail("input too large");
  read_register(r, (uint64_t)(uintptr_t)dst);
  return n;
}

/* Finds "key":"value" in a flat JSON object (no escapes inside value); returns the value's length. */
static uint64_t json_string_field(const uint8_t* json, uint64_t n, const char* key, const uint8_t** value) {
  uint64_t k = len_of(key);
  for (uint64_t i = 0; i + k + 3 < n; ++i) {
    if (json[i] != '"') continue;
    uint64_t j = 0;
    while (j < k && json[i + 1 + j] == (uint8_t)key[j]) ++j;
    if (j != k || json[i + 1 + k] != '"') continue;
    uint64_t p = i + 2 + k;
    while (p < n && (json[p] == ' ' || json[p] == ':')) ++p;
    if (p >= n || json[p] != '"') break;
    uint64_t start = ++p;
    while (p < n && json[p] != '"') {
      if (json[p] == '\\') fail("escapes are not supported");
      ++p;
    }
    if (p >= n) break;
    *value = json + start;
    return p - start;
  }
  fail("missing string field");
  return 0;
}

static uint64_t put(uint8_t* out, uint64_t at, const void* src, uint64_t n) {
  memcpy(out + at, src, n);
  return at + n;
}
static uint64_t put_str(uint8_t* out, uint64_t at, const char* s) { return put(out, at, s, len_of(s)); }

NEAR_EXPORT(set_status) void set_status(void) {
  input(0);
  uint64_t n = take_register(0, buf_in, sizeof buf_in);
  const uint8_t* msg;
  uint64_t msg_len = json_string_field(buf_in, n, "message", &msg);
  predecessor_account_id(1);
  uint64_t who_len = take_register(1, buf_tmp, 64);
  storage_write(who_len, (uint64_t)(uintptr_t)buf_tmp, msg_len, (uint64_t)(uintptr_t)msg, 2);
  uint64_t at = put_str(buf_out, 0, "set_status by ");
  at = put(buf_out, at, buf_tmp, who_len);
  at = put_str(buf_out, at, ": ");
  at = put(buf_out, at, msg, msg_len);
  log_utf8(at, (uint64_t)(uintptr_t)buf_out);
}

NEAR_EXPORT(get_status) void get_status(void) {
  input(0);
  uint64_t n = take_register(0, buf_in, sizeof buf_in);
  const uint8_t* who;
  uint64_t who_len = json_string_field(buf_in, n, "account_id", &who);
  if (!storage_read(who_len, (uint64_t)(uintptr_t)who, 1)) {
    value_return(4, (uint64_t)(uintptr_t)"null");
    return;
  }
  uint64_t msg_len = take_register(1, buf_tmp, sizeof buf_tmp);
  uint64_t at = put_str(buf_out, 0, "{\"account_id\":\"");
  at = put(buf_out, at, who, who_len);
  at = put_str(buf_out, at, "\",\"message\":\"");
  at = put(buf_out, at, buf_tmp, msg_len);
  at = put_str(buf_out, at, "\"}");
  value_return(at, (uint64_t)(uintptr_t)buf_out);
}

static uint64_t put_hex_field(uint64_t at, const char* name, uint64_t reg, int last) {
  static const char digits[] = "0123456789abcdef";
  uint8_t digest[64];
  uint64_t n = take_register(reg, digest, sizeof digest);
  at = put_str(buf_out, at, "\"");
  at = put_str(buf_out, at, name);
  at = put_str(buf_out, at, "\":\"");
  for (uint64_t i = 0; i < n; ++i) {
    buf_out[at++] = (uint8_t)digits[digest[i] >> 4];
    buf_out[at++] = (uint8_t)digits[digest[i] & 15];
  }
  return put_str(buf_out, at, last ? "\"}" : "\",");
}

NEAR_EXPORT(hashes) void hashes(void) {
  input(0);
  /* Hash the input straight from its register (len = u64::MAX selects register 0). */
  sha256(UINT64_MAX, 0, 1);
  keccak256(UINT64_MAX, 0, 2);
  keccak512(UINT64_MAX, 0, 3);
  ripemd160(UINT64_MAX, 0, 4);
  uint64_t at = put_str(buf_out, 0, "{");
  at = put_hex_field(at, "sha256", 1, 0);
  at = put_hex_field(at, "keccak256", 2, 0);
  at = put_hex_field(at, "keccak512", 3, 0);
  at = put_hex_field(at, "ripemd160", 4, 1);
  value_return(at, (uint64_t)(uintptr_t)buf_out);
}
