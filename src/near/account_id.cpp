#include "near/account_id.h"

namespace syncwasm::near {

bool valid_namespace(std::string_view ns) {
  for (char c : ns)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool valid_account_id(std::string_view id) {
  if (id.size() < 2 || id.size() > 64) return false;
  bool last_sep = true;  // a separator may not come first
  for (char c : id) {
    bool sep = c == '-' || c == '_' || c == '.';
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!sep && !alnum) return false;
    if (sep && last_sep) return false;
    last_sep = sep;
  }
  return !last_sep;
}

}  // namespace syncwasm::near
