/* The shuffle workload as a v1 submodule: yields once to receive n (a submodule's input arrives
 * with the first resume), then returns HASH as decimal text. The parent logs it. */
#include "../../examples/contracts/submodule_env.h"
#include "shuffle_kernel.h"
#include "text.h"

static uint8_t in[16];
static uint8_t out[24];

__attribute__((export_name("main"))) void main_(void) {
  callback(0, P(in));
  uint64_t len = get_input_size();
  if (len > sizeof in) len = sizeof in;
  get_input(P(in));
  uint64_t h = shuffle(parse_u32(in, len));
  return_value(format_u64(h, out), P(out));
}
