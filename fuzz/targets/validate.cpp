// validate: Module::validate on arbitrary bytes under the default features and under the MVP, and a
// cross-check: with the default configuration Module::compile (which validates in its own pass while
// translating) must accept exactly the modules validate accepts, with the same error kind.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "syncwasm/engine.h"

using namespace syncwasm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  Result<void> v = Module::validate(bytes);
  Result<void> mvp = Module::validate(bytes, Features::mvp());
  // Everything the MVP accepts, the default feature set (a superset) accepts too.
  if (mvp && !v) {
    std::fprintf(stderr, "valid under the MVP but not with the default features: %s\n", v.error().to_string().c_str());
    std::abort();
  }
  auto c = Module::compile(bytes);
  if (bool(v) != bool(c) || (!v && v.error().kind != c.error().kind)) {
    std::fprintf(stderr, "validate and compile disagree: validate %s, compile %s\n",
                 v ? "ok" : v.error().to_string().c_str(), c ? "ok" : c.error().to_string().c_str());
    std::abort();
  }
  if (c) {
    (void)(*c)->imports();
    (void)(*c)->exports();
  }
  return 0;
}
