/* The EVM-engine use case in miniature: a parent contract that runs plugin submodules (think EVM
 * contracts compiled to wasm) synchronously, by key, and serves their state requests from its own
 * storage — or interprets the same program as bytecode itself, the way an EVM engine runs contracts
 * that were not compiled.
 *
 *   run  {"plugin":"KEY","arg":"TEXT"}  starts submodule KEY and answers its callbacks:
 *        "?"              -> resumes with TEXT
 *        'R' key          -> resumes with the 8-byte value stored under key (empty if none)
 *        'W' key value8   -> stores value8 under key, resumes with nothing
 *        returns the plugin's return value, or "error STATUS: message".
 *   interpret {"arg":"TEXT"}  runs the bytecode program `sumsq` (the same as plugin_sumsq.c) in a
 *        small register machine and returns the same result. */
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

/* The bytecode machine: 4 registers; each instruction is an opcode byte and operands. */
enum { ARG = 1, SET = 2, MOV = 3, MUL = 4, ADD = 5, SUBI = 6, JNZ = 7, SSTORE = 8, RET = 9 };
static const uint8_t kSumSq[] = {
    ARG, 0,        /* r0 = n */
    SET, 1, 0,     /* r1 = 0 */
    MOV, 2, 0,     /* loop (pc 5): r2 = r0 */
    MUL, 2, 0,     /* r2 *= r0 */
    ADD, 1, 2,     /* r1 += r2 */
    SUBI, 0, 1,    /* r0 -= 1 */
    JNZ, 0, 5,     /* if r0 goto loop */
    SSTORE, 's', 1, /* storage["s"] = r1 */
    RET, 1,
};

static uint64_t put_decimal(uint8_t* end, uint64_t v) {
  uint64_t k = 0;
  do {
    *--end = (uint8_t)('0' + v % 10);
    v /= 10;
    ++k;
  } while (v);
  return k;
}

__attribute__((export_name("interpret"))) void interpret(void) {
  input(0);
  uint64_t n = take(0, in, sizeof in);
  const uint8_t* arg;
  uint64_t arg_len = field(in, n, "arg", &arg);
  uint64_t r[4] = {0, 0, 0, 0};
  for (uint64_t pc = 0; pc < sizeof kSumSq;) {
    const uint8_t* c = kSumSq + pc;
    switch (c[0]) {
      case ARG:
        r[c[1]] = 0;
        for (uint64_t i = 0; i < arg_len && arg[i] >= '0' && arg[i] <= '9'; ++i) r[c[1]] = r[c[1]] * 10 + (arg[i] - '0');
        pc += 2;
        break;
      case SET: r[c[1]] = c[2]; pc += 3; break;
      case MOV: r[c[1]] = r[c[2]]; pc += 3; break;
      case MUL: r[c[1]] *= r[c[2]]; pc += 3; break;
      case ADD: r[c[1]] += r[c[2]]; pc += 3; break;
      case SUBI: r[c[1]] -= c[2]; pc += 3; break;
      case JNZ: pc = r[c[1]] ? c[2] : pc + 3; break;
      case SSTORE: {
        uint8_t v[8];
        for (int i = 0; i < 8; ++i) v[i] = (uint8_t)(r[c[2]] >> (8 * i));
        storage_write(1, P(c + 1), 8, P(v), 2);
        pc += 3;
        break;
      }
      case RET: {
        uint64_t k = put_decimal(out + 64, r[c[1]]);
        value_return(k, P(out + 64 - k));
        return;
      }
      default: fail("bad bytecode");
    }
  }
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
