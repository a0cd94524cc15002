// The subcommands of the `syncwasm` tool, their options and the exit codes they share.
#pragma once

#include <string>
#include <vector>

namespace syncwasm::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;    // run: trap; validate: not valid; spectest: a test failed or a file broke
inline constexpr int kExitUsage = 2;      // bad command line: unknown command or option, bad or missing argument
inline constexpr int kExitLoadError = 3;  // the module could not be read, decoded, validated, linked or instantiated

struct RunOptions {
  std::string file;
  std::string export_name;
  std::vector<std::string> args;
  bool canonicalize_nans = false;
};
int run_command(const RunOptions& opts);

struct ValidateOptions {
  std::string file;
};
int validate_command(const ValidateOptions& opts);

struct SpectestOptions {
  std::vector<std::string> files;
  bool verbose = false;
  bool canonicalize_nans = false;
  std::string wast2json = "wast2json";
};
int spectest_command(const SpectestOptions& opts);

}  // namespace syncwasm::cli
