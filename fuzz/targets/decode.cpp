// decode: the binary decoder (ir::decode_module) on arbitrary bytes, then the decode-only pass over
// every function body. Malformed input must come back as an Error, never as a crash or a throw.
#include <cstddef>
#include <cstdint>

#include "decode/decoder.h"
#include "decode/reader.h"

using namespace syncwasm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto m = ir::decode_module({data, size});
  if (!m) return 0;
  try {
    ir::decode_bodies(*m);  // documented to throw ParseError on a malformed body
  } catch (const ir::ParseError&) {
  }
  for (uint32_t i = 0; i < m->bodies.size() && i < 64; ++i) (void)m->func_name(m->num_imported_funcs + i);
  return 0;
}
