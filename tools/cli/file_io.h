// Reading whole files.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <string>
#include <vector>

namespace syncwasm::cli {

// The file's bytes, or a message such as "cannot read x.wasm: No such file or directory".
std::expected<std::vector<uint8_t>, std::string> read_file(const std::filesystem::path& path);

}  // namespace syncwasm::cli
