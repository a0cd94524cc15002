/* The parent of the gas comparison: `run_submodule` starts submodule "shuffle", resumes it with n
 * (its input, decimal text) and logs and returns what it returned, as the contract does itself;
 * `run_namespace` calls method `run` of namespace "shuffle" synchronously with n as its input
 * (that namespace's contract logs). Any other status panics. */
#include "../../examples/contracts/near_env.h"
#include "text.h"

NEAR_IMPORT(start_submodule) uint64_t start_submodule(uint64_t key_len, uint64_t key_ptr, uint64_t gas, uint64_t reg);
NEAR_IMPORT(resume_submodule) uint64_t resume_submodule(uint64_t key_len, uint64_t key_ptr, uint64_t data_len,
                                                        uint64_t data_ptr, uint64_t reg);
NEAR_IMPORT(sync_function_call) uint64_t sync_function_call(uint64_t ns_len, uint64_t ns_ptr, uint64_t m_len,
                                                            uint64_t m_ptr, uint64_t a_len, uint64_t a_ptr,
                                                            uint64_t gas, uint64_t reg);
NEAR_IMPORT(prepaid_gas) uint64_t prepaid_gas(void);

#define PTR(x) ((uint64_t)(uintptr_t)(x))
static uint8_t in[16];
static uint8_t msg[64];
static const char key[] = "shuffle";

static uint64_t read_input(void) {
  input(0);
  uint64_t len = register_len(0);
  if (len > sizeof in) len = sizeof in;
  read_register(0, PTR(in));
  return len;
}
static void fail(const char* what) {
  uint64_t n = 0;
  while (what[n]) ++n;
  panic_utf8(n, PTR(what));
}

NEAR_EXPORT(run_submodule) void run_submodule(void) {
  uint64_t len = read_input();
  if (start_submodule(7, PTR(key), prepaid_gas(), 1) != 1) fail("start_submodule did not yield");
  if (resume_submodule(7, PTR(key), len, PTR(in), 1) != 0) fail("resume_submodule did not return");
  static const char prefix[] = "shuffle ";
  uint64_t k = 0;
  for (; prefix[k]; ++k) msg[k] = (uint8_t)prefix[k];
  k += format_u64(parse_u32(in, len), msg + k);
  msg[k++] = ':';
  msg[k++] = ' ';
  uint64_t at = k, hl = register_len(1);
  if (hl > 20) fail("bad result");
  read_register(1, PTR(msg + k));
  k += hl;
  log_utf8(k, PTR(msg));
  value_return(k - at, PTR(msg + at));
}

NEAR_EXPORT(run_namespace) void run_namespace(void) {
  uint64_t len = read_input();
  if (sync_function_call(7, PTR(key), 3, PTR("run"), len, PTR(in), prepaid_gas(), 1) != 0)
    fail("sync_function_call did not return");
  uint64_t hl = register_len(1);
  if (hl > sizeof msg) fail("bad result");
  read_register(1, PTR(msg));
  value_return(hl, PTR(msg));
}
