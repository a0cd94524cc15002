// The command line of the local-chain commands (init, account, key, deploy, submodule, call, view,
// view-state, tx): adds them to the app and runs the one that was parsed.
#pragma once

#include <optional>

#include <CLI/CLI.hpp>

#include "commands.h"

namespace syncwasm::cli {

class ChainCli {
 public:
  explicit ChainCli(CLI::App& app);  // the options bind to members: do not move the object
  ChainCli(const ChainCli&) = delete;
  ChainCli& operator=(const ChainCli&) = delete;

  // The exit code of the chain command that was parsed, or nullopt when another command was.
  std::optional<int> run();

 private:
  InitOptions init_;
  AccountCreateOptions account_create_;
  AccountViewOptions account_view_;
  KeyAddOptions key_add_;
  KeyDeleteOptions key_delete_;
  KeyListOptions key_list_;
  DeployOptions deploy_;
  SubmoduleOptions submodule_deploy_, submodule_remove_;
  CallOptions call_;
  ViewOptions view_;
  ViewStateOptions view_state_;
  TxOptions tx_;

  CLI::App *init_cmd_, *account_create_cmd_, *account_view_cmd_, *key_add_cmd_, *key_delete_cmd_, *key_list_cmd_,
      *deploy_cmd_, *submodule_deploy_cmd_, *submodule_remove_cmd_, *call_cmd_, *view_cmd_, *view_state_cmd_, *tx_cmd_;
  CLI::Option *call_args_, *call_args_b64_, *view_args_, *view_args_b64_, *key_methods_, *key_namespaces_,
      *key_allowance_;
};

}  // namespace syncwasm::cli
