/* The EVM-engine use case in miniature: a parent contract that runs plugin submodules (think EVM
 * contracts compiled to wasm) synchronously, by key, and serves their state requests from its own
 * storage.
 *
 *   run  {"plugin":"KEY","arg":"TEXT"}  starts submodule KEY and answers its callbacks:
 *        "?"              -> resumes with TEXT
 *        'R' key          -> resumes with the 8-byte value stored under key (empty if none)
 *        'W' key value8   -> stores value8 under key, resumes with nothing
 *        returns the plugin's return value, or "error STATUS: message". */
#include "near_env.h"

NEAR_IMPORT(start_submodule) uint64_t start_submodule(uint64_t key_len, uint64_t key_ptr, uint64_t gas, uint64_t reg);
NEAR_IMPORT(resume_submodule) uint64_t resume_submodule(uint64_t key_len, uint64_t key_ptr, uint64_t data_len,
                                                        uint64_t data_ptr, uint64_t reg);

#define P(x) ((uint64_t)(uintptr_t)(x))
static uint8_t in[1024];
static uint8_t yielded[1024];
static uint8_t out[1100];

static uint64_t len_of(const char* s) {
  uint64_t n = 0;
  while (s[n]) ++n;
  return n;
}
static void fail(const char* m) { panic_utf8(len_of(m), P(m)); }

static uint64_t field(const uint8_t* j, uint64_t n, const char* key, const uint8_t** v) {
  uint64_t k = len_of(key);
  for (uint64_t i = 0; i + k + 3 < n; ++i) {
    uint64_t m = 0;
    while (m < k && j[i + 1 + m] == (uint8_t)key[m]) ++m;
    if (j[i] != '"' || m != k || j[i + 1 + k] != '"') continue;
    uint64_t p = i + 2 + k;
    while (p < n && (j[p] == ':' || j[p] == ' ')) ++p;
    if (p >= n || j[p] != '"') break;
    uint64_t s = ++p;
    while (p < n && j[p] != '"') ++p;
    *v = j + s;
    return p - s;
  }
  *v = j;
  return 0;
}

static uint64_t take(uint64_t reg, uint8_t* dst, uint64_t cap) {
  uint64_t n = register_len(reg);
  if (n > cap) fail("data too large");
  read_register(reg, P(dst));
  return n;
}

__attribute__((export_name("run"))) void run(void) {
  input(0);
  uint64_t n = take(0, in, sizeof in);
  const uint8_t *key, *arg;
  uint64_t key_len = field(in, n, "plugin", &key), arg_len = field(in, n, "arg", &arg);
  if (!key_len) fail("missing plugin");
  uint64_t status = start_submodule(key_len, P(key), 100000000000000ull, 1);
  while (status == 1) {
    uint64_t y = take(1, yielded, sizeof yielded);
    uint8_t value[8];
    uint64_t resp_len = 0;
    const uint8_t* resp = value;
    if (y >= 1 && yielded[0] == '?') {
      resp = arg;
      resp_len = arg_len;
    } else if (y >= 2 && yielded[0] == 'R') {
      if (storage_read(y - 1, P(yielded + 1), 2)) resp_len = take(2, value, 8);
    } else if (y >= 10 && yielded[0] == 'W') {
      storage_write(y - 9, P(yielded + 1), 8, P(yielded + y - 8), 2);
    } else {
      fail("unknown plugin request");
    }
    status = resume_submodule(key_len, P(key), resp_len, P(resp), 1);
  }
  uint64_t r = take(1, out + 100, sizeof out - 100);
  if (status == 0) {
    value_return(r, P(out + 100));
    return;
  }
  /* "error STATUS: message" */
  char head[32] = "error ";
  uint64_t h = 6, s = status;
  char digits[8];
  int d = 0;
  do {
    digits[d++] = (char)('0' + s % 10);
    s /= 10;
  } while (s);
  while (d) head[h++] = digits[--d];
  head[h++] = ':';
  head[h++] = ' ';
  for (uint64_t i = 0; i < h; ++i) out[100 - h + i] = (uint8_t)head[i];
  value_return(h + r, P(out + 100 - h));
}
