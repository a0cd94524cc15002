/* A stateless "compiled EVM contract" plugin: it keeps a counter in the engine's storage by asking
 * the engine to read ('R' key) and write ('W' key value) through callbacks, and returns the new
 * value as decimal text. */
#include "submodule_env.h"

static uint8_t msg[64];
static uint8_t reply[16];

__attribute__((export_name("main"))) void main_(void) {
  const char key[] = "count";
  msg[0] = 'R';
  for (int i = 0; i < 5; ++i) msg[1 + i] = (uint8_t)key[i];
  callback(6, P(msg));
  uint64_t v = 0;
  if (get_input_size() == 8) {
    get_input(P(reply));
    for (int i = 7; i >= 0; --i) v = (v << 8) | reply[i];
  }
  v += 1;
  msg[0] = 'W';
  for (int i = 0; i < 8; ++i) msg[6 + i] = (uint8_t)(v >> (8 * i));
  callback(14, P(msg));
  /* decimal text */
  uint8_t text[24];
  int n = 0;
  do {
    text[23 - n++] = (uint8_t)('0' + v % 10);
    v /= 10;
  } while (v);
  return_value((uint64_t)n, P(text + 24 - n));
}
