/* The shuffle workload as a NEAR contract: `run` takes n as decimal text, logs "shuffle N: HASH"
 * and returns HASH as decimal text. Also deployed as a namespace and called synchronously. */
#include "../../examples/contracts/near_env.h"
#include "shuffle_kernel.h"
#include "text.h"

static uint8_t in[16];
static uint8_t msg[64];

NEAR_EXPORT(run) void run(void) {
  input(0);
  uint64_t len = register_len(0);
  if (len > sizeof in) len = sizeof in;
  read_register(0, (uint64_t)(uintptr_t)in);
  uint32_t n = parse_u32(in, len);
  uint64_t h = shuffle(n);
  static const char prefix[] = "shuffle ";
  uint64_t k = 0;
  for (; prefix[k]; ++k) msg[k] = (uint8_t)prefix[k];
  k += format_u64(n, msg + k);
  msg[k++] = ':';
  msg[k++] = ' ';
  uint64_t at = k;
  k += format_u64(h, msg + k);
  log_utf8(k, (uint64_t)(uintptr_t)msg);
  value_return(k - at, (uint64_t)(uintptr_t)(msg + at));
}
