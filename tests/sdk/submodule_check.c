/* Compile-only check of <syncwasm/submodule.h> with SYNCWASM_SUBMODULE defined, as C and as C++. */
#define SYNCWASM_SDK_DEFINE_LIBC
#include <syncwasm/submodule.h>
#include <syncwasm/submodule.h> /* include guards */

SW_EXPORT(main) void run(void) {
  char buf[16];
  uint64_t n = sw_submodule_ask("?", 1, buf, sizeof buf);
  if (n > sizeof buf) n = 0;
  sw_put_u64_le(buf, sw_u64_le(buf) + n);
  sw_submodule_return_value(n, SW_PTR(buf));
}
