/* A v1 submodule: asks its parent for text ("?"), returns it in upper case. */
#include <syncwasm/submodule.h>

static char text[256];

SW_EXPORT(main) void run(void) {
  uint64_t n = sw_submodule_ask("?", 1, text, sizeof text);
  if (n > sizeof text) {
    sw_submodule_return_str("too long");
    return;
  }
  for (uint64_t i = 0; i < n; ++i)
    if (text[i] >= 'a' && text[i] <= 'z') text[i] = (char)(text[i] - 'a' + 'A');
  sw_submodule_return_value(n, SW_PTR(text));
}
