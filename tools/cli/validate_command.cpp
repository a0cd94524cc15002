// `syncwasm validate FILE`: decode and validate a module.
#include <iostream>

#include "commands.h"
#include "file_io.h"
#include "syncwasm/engine.h"

namespace syncwasm::cli {

int validate_command(const ValidateOptions& opts) {
  auto bytes = read_file(opts.file);
  if (!bytes) {
    std::cerr << "syncwasm: " << bytes.error() << "\n";
    return kExitLoadError;
  }
  Result<void> result = Module::validate(*bytes);
  if (!result) {
    std::cerr << opts.file << ": " << result.error().to_string() << "\n";
    return kExitFailure;
  }
  std::cout << "valid\n";
  return kExitOk;
}

}  // namespace syncwasm::cli
