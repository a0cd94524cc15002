// The subcommands of the `syncwasm` tool, their options and the exit codes they share.
#pragma once

#include <string>
#include <vector>

namespace syncwasm::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;    // run: trap; validate: not valid; spectest: a test failed or a file broke;
                                          // exec: the contract call failed
inline constexpr int kExitUsage = 2;      // bad command line: unknown command or option, bad or missing argument
inline constexpr int kExitLoadError = 3;  // the module could not be read, decoded, validated, linked or instantiated;
                                          // exec: a file could not be read, parsed or written

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

struct ExecOptions {
  std::string file;    // the contract (.wasm)
  std::string method;
  bool has_args = false;         // --args given
  std::string args_json;         // --args: the input bytes, exactly this JSON text
  bool has_args_base64 = false;  // --args-base64 given
  std::string args_base64;
  std::string state_file;    // --state: storage in and out; empty = none
  std::string context_file;  // --context: VMContext overrides; empty = defaults
  std::string params_file;   // --params: parameter overrides; empty = defaults
  bool has_gas = false;      // --gas given
  std::string gas;           // --gas: prepaid gas (text, e.g. 300T)
  bool view = false;
  bool json = false;
  std::vector<std::string> namespaces;  // --namespace NS=FILE.wasm, as given
  std::vector<std::string> submodules;  // --submodule KEY=FILE.wasm, as given
};
int exec_command(const ExecOptions& opts);

}  // namespace syncwasm::cli
