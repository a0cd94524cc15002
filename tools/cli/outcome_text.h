// Printing contract-call outcomes (near::VMOutcome) as text and JSON, shared by `exec` and `view`.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "near/runner.h"

namespace syncwasm::cli {

inline std::string_view as_text(std::span<const uint8_t> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF) without control characters
// other than tab, newline and carriage return.
bool printable_utf8(std::span<const uint8_t> s);
inline bool printable_utf8(std::string_view s) {
  return printable_utf8(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
}

// A namespace name or submodule key for the text output: as is when it is plain (printable, no spaces),
// else as a JSON string.
std::string display_name(const std::string& name);


// The text outcome of `exec` (docs/cli.md): status, return value, logs, promises, submodule actions,
// the sync trace, gas, and the error.
void print_vm_outcome(const near::VMOutcome& o);

// JSON dumped as `exec --json` does: two-space indent, invalid UTF-8 replaced.
std::string dump_json(const nlohmann::json& j);

}  // namespace syncwasm::cli
