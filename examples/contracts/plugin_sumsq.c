/* The "compiled" form of the engine's bytecode program `sumsq` (see engine.c): the sum of i*i for
 * i = 1..n, stored under key "s" through the engine and returned as decimal text. */
#include "submodule_env.h"

static uint8_t in[32];
static uint8_t msg[16];

__attribute__((export_name("main"))) void main_(void) {
  callback(1, P("?"));
  uint64_t len = get_input_size();
  if (len > sizeof in) len = sizeof in;
  get_input(P(in));
  uint64_t n = 0;
  for (uint64_t i = 0; i < len && in[i] >= '0' && in[i] <= '9'; ++i) n = n * 10 + (in[i] - '0');
  /* A loop, as the bytecode runs it (a volatile step keeps clang from replacing it with the closed
   * form, which would need a 128-bit multiply helper that freestanding wasm does not have). */
  volatile uint64_t step = 1;
  uint64_t acc = 0;
  for (uint64_t i = n; i != 0; i -= step) acc += i * i;
  msg[0] = 'W';
  msg[1] = 's';
  for (int i = 0; i < 8; ++i) msg[2 + i] = (uint8_t)(acc >> (8 * i));
  callback(10, P(msg));
  uint8_t text[24];
  int k = 0;
  do {
    text[23 - k++] = (uint8_t)('0' + acc % 10);
    acc /= 10;
  } while (acc);
  return_value((uint64_t)k, P(text + 24 - k));
}
