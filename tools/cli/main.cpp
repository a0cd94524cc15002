// Entry point of the `syncwasm` tool: parses the command line and dispatches to a subcommand.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <string_view>
#include <utility>

#include "chain_cli.h"
#include "commands.h"

#ifndef SYNCWASM_VERSION
#define SYNCWASM_VERSION "unknown"
#endif

namespace {

// The first argument that is not an option must name a command; CLI11 alone would call it an "extra" argument.
bool reject_unknown_command(int argc, char** argv, CLI::App& app) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with('-')) continue;  // the top level only has flags (--help, --version)
    auto named = [&](const CLI::App* sub) { return sub->get_name() == arg; };
    if (!std::as_const(app).get_subcommands(named).empty()) return false;
    std::cerr << "syncwasm: unknown command '" << arg << "'. Commands: run, validate, spectest, exec, init, "
              << "account, key, deploy, submodule, call, view, view-state, tx. "
              << "See 'syncwasm --help'.\n";
    return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace syncwasm::cli;

  CLI::App app{"syncwasm: a WebAssembly runtime for NEAR-style smart contracts", "syncwasm"};
  app.set_version_flag("--version", std::string("syncwasm ") + SYNCWASM_VERSION);
  app.require_subcommand(1);

  RunOptions run;
  CLI::App* run_cmd = app.add_subcommand("run", "Invoke an exported function of a module and print its results");
  run_cmd->add_flag("--canonicalize-nans", run.canonicalize_nans,
                    "Replace the NaN results of float arithmetic by the canonical NaN");
  run_cmd->add_option("FILE", run.file, "WebAssembly binary module (.wasm); it must have no imports")->required();
  run_cmd->add_option("EXPORT", run.export_name, "Name of the exported function to invoke")->required();
  run_cmd->add_option("ARG", run.args,
                      "One argument per parameter: i32/i64 as decimal or 0x hex (may be negative), "
                      "f32/f64 as decimal or 0x hex floats, inf, nan, nan:0xPAYLOAD");
  run_cmd->positionals_at_end();  // everything after FILE is positional, so "-inf" or "-1" are arguments

  ValidateOptions validate;
  CLI::App* validate_cmd = app.add_subcommand("validate", "Decode and validate a module; print \"valid\" or the error");
  validate_cmd->add_option("FILE", validate.file, "WebAssembly binary module (.wasm)")->required();

  SpectestOptions spectest;
  CLI::App* spectest_cmd = app.add_subcommand("spectest", "Run WebAssembly spec test scripts (.wast, via wabt's wast2json)");
  spectest_cmd->add_flag("-v,--verbose", spectest.verbose, "Print every failure and warning with its line");
  spectest_cmd->add_flag("--canonicalize-nans", spectest.canonicalize_nans,
                         "Run the engine with canonical NaN results for float arithmetic");
  spectest_cmd->add_option("--wast2json", spectest.wast2json, "The wast2json program to convert scripts with")
      ->capture_default_str();
  spectest_cmd->add_option("FILE", spectest.files,
                           "Spec test scripts: .wast, or .json already converted by wast2json")
      ->required();

  ExecOptions exec;
  CLI::App* exec_cmd = app.add_subcommand("exec", "Run a method of a NEAR contract and print the outcome");
  exec_cmd->add_option("CONTRACT", exec.file, "The contract: a WebAssembly binary module (.wasm)")->required();
  exec_cmd->add_option("METHOD", exec.method, "The exported method to call")->required();
  CLI::Option* args_opt =
      exec_cmd->add_option("--args", exec.args_json, "The call input: this JSON text, byte for byte");
  CLI::Option* args_b64_opt =
      exec_cmd->add_option("--args-base64", exec.args_base64, "The call input as base64 (any bytes)");
  args_opt->excludes(args_b64_opt);
  exec_cmd->add_option("--state", exec.state_file,
                       "Storage as a JSON object of base64 key -> base64 value (plus \"namespaces\": {NS: {...}}); "
                       "created if missing, updated after a successful non-view call");
  exec_cmd->add_option("--context", exec.context_file, "A JSON object of VMContext fields to override");
  CLI::Option* gas_opt = exec_cmd->add_option("--gas", exec.gas, "Prepaid gas, e.g. 300000000000000 or 300T (wins over --context)");
  exec_cmd->add_option("--params", exec.params_file, "A JSON file of runtime parameter overrides");
  exec_cmd->add_flag("--view", exec.view, "Call as a view: state-changing host functions fail");
  exec_cmd->add_flag("--json", exec.json, "Print the outcome as one JSON object");
  // One value per occurrence (not greedy: the positionals may follow), occurrences accumulate.
  exec_cmd->add_option("--namespace", exec.namespaces,
                       "NS=FILE.wasm: the code of namespace NS of the account, for synchronous calls (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  exec_cmd->add_option("--submodule", exec.submodules,
                       "KEY=FILE.wasm: the code of the submodule under KEY (v1 ABI), for start_submodule (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);

  // The local chain: init, account, key, deploy, submodule, call, view, view-state, tx.
  ChainCli chain_cli(app);

  // Set after the subcommands are added, which would inherit it.
  app.footer("Run 'syncwasm COMMAND --help' for the options of a command. Documentation: docs/cli.md.");

  if (reject_unknown_command(argc, argv, app)) return kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);  // prints help, the version or the error
    return rc == 0 ? kExitOk : kExitUsage;
  }

  if (*run_cmd) return run_command(run);
  if (*validate_cmd) return validate_command(validate);
  if (*spectest_cmd) return spectest_command(spectest);
  if (*exec_cmd) {
    exec.has_args = args_opt->count() > 0;
    exec.has_args_base64 = args_b64_opt->count() > 0;
    exec.has_gas = gas_opt->count() > 0;
    return exec_command(exec);
  }
  if (auto rc = chain_cli.run()) return *rc;
  return kExitUsage;  // unreachable: require_subcommand(1)
}
