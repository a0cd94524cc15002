// NEAR account id rules: 2..64 characters of lowercase letters, digits and the separators - _ .,
// with no separator at either end and no two separators in a row.
#pragma once

#include <string_view>

namespace syncwasm::near {

bool valid_account_id(std::string_view id);
// NEP-480 namespace names: lowercase letters, digits and `_` ("" is the default namespace).
bool valid_namespace(std::string_view ns);

}  // namespace syncwasm::near
