/* Compile-only check of the contract SDK headers (tests/sdk/CMakeLists.txt: as C and as C++). */
#define SYNCWASM_SDK_DEFINE_LIBC
#include <syncwasm/near.h>
#include <syncwasm/near_helpers.h>
#include <syncwasm/near.h> /* include guards */
#include <syncwasm/freestanding.h>

SW_EXPORT(check) void check(void) {
  char buf[32];
  uint64_t n = sw_input(buf, sizeof buf);
  if (sw_sync_call("ns", "m", buf, n, SW_GAS_ALL, 1) != SW_SYNC_SUCCESS) sw_panic_str("failed");
  sw_return_u64_dec(sw_storage_read_u64("k", 1, 0) + (SW_CAP_ALL & SW_CAP_LOGS));
}
