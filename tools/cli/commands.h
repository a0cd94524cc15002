// The subcommands of the `syncwasm` tool, their options and the exit codes they share.
#pragma once

#include <string>
#include <vector>

namespace syncwasm::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;    // run: trap; validate: not valid; spectest: a test failed or a file broke;
                                          // exec: the contract call failed; chain commands: the transaction
                                          // or call failed or was rejected
inline constexpr int kExitUsage = 2;      // bad command line: unknown command or option, bad or missing argument
inline constexpr int kExitLoadError = 3;  // the module could not be read, decoded, validated, linked or instantiated;
                                          // exec: a file could not be read, parsed or written;
                                          // chain commands: home, store or key-file problems

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

// ---- the local chain (tools/cli/chain_commands.cpp; docs/cli.md, "Local chain") ----
// Exit codes: 1 the transaction or call failed or was rejected (also: no such account, transaction),
// 2 usage, 3 home, store or file problems (not initialized, "store is in use", a key file missing).

struct ChainCommon {
  std::string home;  // --home; empty = $HOME/.syncwasm
  bool json = false;
};

struct InitOptions : ChainCommon {};
int init_command(const InitOptions& opts);

struct AccountCreateOptions : ChainCommon {
  std::string name;
  std::string initial_balance = "10";  // NEAR
  std::string parent;                  // empty = the longest existing suffix account
};
int account_create_command(const AccountCreateOptions& opts);

struct AccountViewOptions : ChainCommon {
  std::string name;
};
int account_view_command(const AccountViewOptions& opts);

struct KeyAddOptions : ChainCommon {
  std::string account;
  std::string public_key;           // empty = generate one and save it
  std::string function_call;        // --function-call RECEIVER; empty = full access
  std::vector<std::string> methods;     // --methods a,b
  std::vector<std::string> namespaces;  // --namespaces x,y
  std::string allowance;                // NEAR; empty = unlimited
  bool has_restrictions = false;        // --methods, --namespaces or --allowance given
};
int key_add_command(const KeyAddOptions& opts);

struct KeyDeleteOptions : ChainCommon {
  std::string account;
  std::string public_key;
};
int key_delete_command(const KeyDeleteOptions& opts);

struct KeyListOptions : ChainCommon {
  std::string account;
};
int key_list_command(const KeyListOptions& opts);

struct DeployOptions : ChainCommon {
  std::string account;
  std::string file;
  std::string ns;  // --namespace; empty = the default namespace
};
int deploy_command(const DeployOptions& opts);

struct SubmoduleOptions : ChainCommon {
  std::string account;
  std::string key;
  std::string file;  // deploy only
};
int submodule_deploy_command(const SubmoduleOptions& opts);
int submodule_remove_command(const SubmoduleOptions& opts);

struct CallArgs {
  bool has_args_json = false;
  std::string args_json;  // the positional ARGS_JSON
  bool has_args_base64 = false;
  std::string args_base64;
};

struct CallOptions : ChainCommon {
  std::string contract;
  std::string method;
  CallArgs args;
  std::string ns;
  std::string signer = "test.near";
  std::string key_file;  // --key-file; empty = HOME/keys/SIGNER.json
  std::string gas = "300";  // Tgas
  std::string deposit = "0";
  bool trace = false;
  bool profile = false;
};
int call_command(const CallOptions& opts);

struct ViewOptions : ChainCommon {
  std::string contract;
  std::string method;
  CallArgs args;
  std::string ns;
};
int view_command(const ViewOptions& opts);

struct ViewStateOptions : ChainCommon {
  std::string account;
  std::string ns;
  bool utf8 = false;
};
int view_state_command(const ViewStateOptions& opts);

struct TxOptions : ChainCommon {
  std::string hash;
  bool trace = false;
  bool profile = false;
};
int tx_command(const TxOptions& opts);

}  // namespace syncwasm::cli
