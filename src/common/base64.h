// Standard base64 (RFC 4648, with padding).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace syncwasm {

std::string base64_encode(std::span<const uint8_t> data);
// nullopt for any character outside the alphabet, bad padding or a bad length.
std::optional<std::vector<uint8_t>> base64_decode(std::string_view text);

}  // namespace syncwasm
