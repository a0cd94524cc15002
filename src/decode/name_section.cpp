#include "decode/decoder.h"

namespace syncwasm::ir {

// Only function names (subsection 1) are used, for error messages and traces.
void decode_name_section(Module& m, const CustomSection& s) {
  std::map<uint32_t, std::string> names;
  try {
    Reader r(s.bytes.data(), s.bytes.size());
    while (!r.at_end()) {
      uint8_t id = r.u8();
      uint32_t size = r.u32();
      Reader sub = r.sub(size);
      if (id != 1) continue;
      uint32_t n = sub.u32();
      for (uint32_t i = 0; i < n; ++i) {
        uint32_t idx = sub.u32();
        names[idx] = sub.name();
      }
    }
  } catch (const ParseError&) {
    return;  // the name section is advisory; a broken one must not reject the module
  }
  m.func_names = std::move(names);
}

}  // namespace syncwasm::ir
