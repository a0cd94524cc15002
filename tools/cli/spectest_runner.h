// Runs the commands of one spec test script, as converted to JSON by wabt's wast2json.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <ostream>
#include <string>

#include "syncwasm/engine.h"

namespace syncwasm::cli {

struct SpecRunOptions {
  bool verbose = false;  // print each failure (line, command, expected vs actual)
  EngineConfig config;
};

// Counts of one script. Modules, actions and assertions count; register commands do not.
struct SpecTally {
  uint64_t passed = 0;
  uint64_t failed = 0;
  uint64_t skipped = 0;   // assert_invalid / assert_malformed of text modules (they test a text parser)
  uint64_t warnings = 0;  // passed, but with a reworded trap message or a different error kind
  SpecTally& operator+=(const SpecTally& o) {
    passed += o.passed, failed += o.failed, skipped += o.skipped, warnings += o.warnings;
    return *this;
  }
};

// Runs `json_file` (module files are found beside it) in a fresh Store with the spectest module.
// `name` prefixes the messages (failures with --verbose, warnings always) written to `out`.
// Fails only if the script cannot be read or parsed; a malformed command is a failed command.
std::expected<SpecTally, std::string> run_spec_script(const std::filesystem::path& json_file, const std::string& name,
                                                     const SpecRunOptions& opts, std::ostream& out);

}  // namespace syncwasm::cli
