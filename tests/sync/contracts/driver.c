/* A test contract that runs a script of synchronous-call operations given as its input and returns
 * what each returned. Input: a sequence of
 *   op:u8 name_len:u8 name method_len:u8 method data_len:u32 data gas:u64 caps:u32
 * ops: 1 sync_function_call, 2 resume_sync_call, 3 start_submodule, 4 resume_submodule,
 *      5 sync_function_call_restricted, 6 storage_write(name, data), 7 storage_read(name), 8 log(data)
 * Output, per op: status:u64 data_len:u32 data   (data = the register the call wrote, if any). */
#include <stdint.h>

#define ENV(name) __attribute__((import_module("env"), import_name(#name)))
ENV(input) void input(uint64_t reg);
ENV(register_len) uint64_t register_len(uint64_t reg);
ENV(read_register) void read_register(uint64_t reg, uint64_t ptr);
ENV(value_return) void value_return(uint64_t len, uint64_t ptr);
ENV(log_utf8) void log_utf8(uint64_t len, uint64_t ptr);
ENV(storage_write) uint64_t storage_write(uint64_t kl, uint64_t kp, uint64_t vl, uint64_t vp, uint64_t reg);
ENV(storage_read) uint64_t storage_read(uint64_t kl, uint64_t kp, uint64_t reg);
ENV(sync_function_call) uint64_t sync_function_call(uint64_t nl, uint64_t np, uint64_t ml, uint64_t mp, uint64_t al,
                                                   uint64_t ap, uint64_t gas, uint64_t reg);
ENV(sync_function_call_restricted) uint64_t sync_function_call_restricted(uint64_t nl, uint64_t np, uint64_t ml,
                                                                         uint64_t mp, uint64_t al, uint64_t ap,
                                                                         uint64_t gas, uint64_t caps, uint64_t reg);
ENV(resume_sync_call) uint64_t resume_sync_call(uint64_t nl, uint64_t np, uint64_t dl, uint64_t dp, uint64_t reg);
ENV(start_submodule) uint64_t start_submodule(uint64_t kl, uint64_t kp, uint64_t gas, uint64_t reg);
ENV(resume_submodule) uint64_t resume_submodule(uint64_t kl, uint64_t kp, uint64_t dl, uint64_t dp, uint64_t reg);

static uint8_t in[65536];
static uint8_t out[262144];
#define P(x) ((uint64_t)(uintptr_t)(x))
#define REG 7

static uint64_t rd(const uint8_t* p, int n) {
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
static uint64_t wr(uint64_t at, uint64_t v, int n) {
  for (int i = 0; i < n; ++i) out[at + i] = (uint8_t)(v >> (8 * i));
  return at + n;
}

__attribute__((export_name("run"))) void run(void) {
  input(0);
  uint64_t n = register_len(0);
  read_register(0, P(in));
  uint64_t at = 0;
  for (uint64_t i = 0; i < n;) {
    uint8_t op = in[i++];
    uint8_t nl = in[i++];
    const uint8_t* name = in + i;
    i += nl;
    uint8_t ml = in[i++];
    const uint8_t* method = in + i;
    i += ml;
    uint32_t dl = (uint32_t)rd(in + i, 4);
    i += 4;
    const uint8_t* data = in + i;
    i += dl;
    uint64_t gas = rd(in + i, 8);
    i += 8;
    uint32_t caps = (uint32_t)rd(in + i, 4);
    i += 4;
    uint64_t status = 0;
    int has_reg = 1;
    switch (op) {
      case 1: status = sync_function_call(nl, P(name), ml, P(method), dl, P(data), gas, REG); break;
      case 2: status = resume_sync_call(nl, P(name), dl, P(data), REG); break;
      case 3: status = start_submodule(nl, P(name), gas, REG); break;
      case 4: status = resume_submodule(nl, P(name), dl, P(data), REG); break;
      case 5: status = sync_function_call_restricted(nl, P(name), ml, P(method), dl, P(data), gas, caps, REG); break;
      case 6: status = storage_write(nl, P(name), dl, P(data), REG); has_reg = status == 1; break;
      case 7: status = storage_read(nl, P(name), REG); has_reg = status == 1; break;
      case 8: log_utf8(dl, P(data)); has_reg = 0; break;
    }
    at = wr(at, status, 8);
    uint64_t len = has_reg ? register_len(REG) : 0;
    at = wr(at, len, 4);
    if (len) read_register(REG, P(out + at));
    at += len;
  }
  value_return(at, P(out));
}
