#include "outcome_text.h"

#include <iostream>

#include "common/base64.h"
#include "near/outcome_json.h"
#include "near/sync_interface.h"

namespace syncwasm::cli {

// Valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF) without control characters
// other than tab, newline and carriage return.
bool printable_utf8(std::span<const uint8_t> s) {
  for (size_t i = 0; i < s.size();) {
    uint8_t c = s[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
      ++i;
      continue;
    }
    size_t n;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) n = 1, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef) n = 2, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4) n = 3, cp = c & 0x07;
    else return false;
    if (i + n >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    if (cp >= 0x80 && cp < 0xa0) return false;  // C1 controls
    i += n + 1;
  }
  return true;
}

// A namespace name or submodule key for the text output: as is when it is plain (printable, no spaces),
// else as a JSON string.
std::string display_name(const std::string& name) {
  std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(name.data()), name.size());
  bool plain = !name.empty() && printable_utf8(bytes) && name.find_first_of(" \t\n\r\"") == std::string::npos;
  if (plain) return name;
  return nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_vm_outcome(const near::VMOutcome& o) {
  std::cout << "status: " << (o.aborted ? "failure" : "success") << "\n";
  if (!o.aborted) {
    const near::ReturnData& r = o.return_data;
    if (r.kind == near::ReturnKind::value) {
      if (printable_utf8(r.value)) std::cout << "return: " << as_text(r.value) << "\n";
      else std::cout << "return (base64): " << base64_encode(r.value) << "\n";
    } else if (r.kind == near::ReturnKind::receipt_index) {
      std::cout << "return: the promise of receipt " << r.receipt_index << "\n";
    } else {
      std::cout << "return: (none)\n";
    }
  }
  for (const std::string& line : o.logs) std::cout << "log: " << line << "\n";
  if (!o.receipts.empty()) std::cout << "promises: " << o.receipts.size() << " receipt(s) (see --json)\n";
  for (const near::Logic::SubmoduleAction& a : o.submodule_actions) {
    if (a.code) std::cout << "submodule action: deploy " << display_name(a.key) << " (" << a.code->size() << " bytes)\n";
    else std::cout << "submodule action: remove " << display_name(a.key) << "\n";
  }
  if (!o.sync_trace.empty()) {
    std::cout << "sync trace:\n";
    for (const near::SyncTraceEvent& e : o.sync_trace)
      std::cout << "  " << near::sync_step_name(e.step) << (e.count > 1 ? " x" + std::to_string(e.count) : "") << " "
                << (e.submodule ? "submodule " : "namespace ") << display_name(std::string(o.sync_trace.name(e)))
                << " depth " << e.depth << " -> " << near::sync_status_name(e.status) << " (" << uint64_t(e.status)
                << "), gas " << e.gas_burnt << "\n";
  }
  std::cout << "gas burnt: " << o.burnt_gas << "\n";
  std::cout << "gas used: " << o.used_gas << "\n";
  if (o.aborted) std::cout << "error: " << o.aborted->to_string() << "\n";
}

std::string dump_json(const nlohmann::json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace syncwasm::cli
