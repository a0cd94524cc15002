/* A namespace callee that asks its caller a question: `ask` yields "name?" through callback(),
 * logs the answer and returns "hello, NAME". Imports core functions and log_utf8 (logs) only. */
#include <syncwasm/near_helpers.h>

SW_EXPORT(ask) void ask(void) {
  char answer[64], out[80];
  uint64_t n = sw_sync_yield("name?", 5, answer, sizeof answer);
  sw_log_bytes(answer, n);
  sw_memcpy(out, "hello, ", 7);
  sw_memcpy(out + 7, answer, n);
  sw_return_bytes(out, 7 + n);
}
