/* A stateless compute plugin: it announces itself ('?'), receives n as decimal text with the first
 * resume, and returns fib(n) as decimal text. */
#include "submodule_env.h"

static uint8_t in[32];

__attribute__((export_name("main"))) void main_(void) {
  callback(1, P("?"));
  uint64_t len = get_input_size();
  if (len > sizeof in) len = sizeof in;
  get_input(P(in));
  uint64_t n = 0;
  for (uint64_t i = 0; i < len && in[i] >= '0' && in[i] <= '9'; ++i) n = n * 10 + (in[i] - '0');
  uint64_t a = 0, b = 1;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t t = a + b;
    a = b;
    b = t;
  }
  uint8_t text[24];
  int k = 0;
  do {
    text[23 - k++] = (uint8_t)('0' + a % 10);
    a /= 10;
  } while (a);
  return_value((uint64_t)k, P(text + 24 - k));
}
