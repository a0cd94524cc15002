#include "chain_cli.h"

namespace syncwasm::cli {
namespace {

void add_common(CLI::App* cmd, ChainCommon& c, bool json = true) {
  cmd->add_option("--home", c.home, "The home directory: the chain store and keys (default $HOME/.syncwasm)");
  if (json) cmd->add_flag("--json", c.json, "Print the result as one JSON object");
}

}  // namespace

ChainCli::ChainCli(CLI::App& app) {
  init_cmd_ = app.add_subcommand("init", "Create a home with a new local chain and the account test.near");
  add_common(init_cmd_, init_);

  CLI::App* account = app.add_subcommand("account", "Create or view accounts of the local chain");
  account->require_subcommand(1);
  account_create_cmd_ = account->add_subcommand("create", "Create a sub-account with a new full-access key");
  account_create_cmd_->add_option("NAME", account_create_.name, "The full account id, e.g. alice.test.near")->required();
  account_create_cmd_->add_option("--initial-balance", account_create_.initial_balance,
                                  "NEAR to transfer from the parent (decimal, e.g. 1.5)")
      ->capture_default_str();
  account_create_cmd_->add_option("--parent", account_create_.parent,
                                  "The creating account, which signs (default: the longest existing suffix of NAME)");
  add_common(account_create_cmd_, account_create_);
  account_view_cmd_ = account->add_subcommand("view", "Print an account: balance, storage, code hashes");
  account_view_cmd_->add_option("NAME", account_view_.name, "The account id")->required();
  add_common(account_view_cmd_, account_view_);

  CLI::App* key = app.add_subcommand("key", "Add, delete or list the access keys of an account");
  key->require_subcommand(1);
  key_add_cmd_ = key->add_subcommand("add", "Add an access key (signed by the account's saved key)");
  key_add_cmd_->add_option("ACCOUNT", key_add_.account, "The account")->required();
  key_add_cmd_->add_option("--public-key", key_add_.public_key,
                           "The key to add (ed25519:...); default: generate one and save it in HOME/keys/ACCOUNT/");
  key_add_cmd_->add_option("--function-call", key_add_.function_call,
                           "Make it a function-call key for calls to this receiver (default: full access)");
  key_methods_ = key_add_cmd_->add_option("--methods", key_add_.methods, "Allowed methods, comma-separated (default: any)")
                     ->delimiter(',');
  key_namespaces_ =
      key_add_cmd_->add_option("--namespaces", key_add_.namespaces, "Namespaces of the receiver it may call, comma-separated")
          ->delimiter(',');
  key_allowance_ = key_add_cmd_->add_option("--allowance", key_add_.allowance, "NEAR it may spend on gas (default: unlimited)");
  add_common(key_add_cmd_, key_add_);
  key_delete_cmd_ = key->add_subcommand("delete", "Delete an access key (signed by the account's saved key)");
  key_delete_cmd_->add_option("ACCOUNT", key_delete_.account, "The account")->required();
  key_delete_cmd_->add_option("PUBLIC_KEY", key_delete_.public_key, "The key to delete (ed25519:...)")->required();
  add_common(key_delete_cmd_, key_delete_);
  key_list_cmd_ = key->add_subcommand("list", "List the access keys of an account");
  key_list_cmd_->add_option("ACCOUNT", key_list_.account, "The account")->required();
  add_common(key_list_cmd_, key_list_);

  deploy_cmd_ = app.add_subcommand("deploy", "Deploy a contract to an account (signed by the account)");
  deploy_cmd_->add_option("ACCOUNT", deploy_.account, "The account")->required();
  deploy_cmd_->add_option("FILE", deploy_.file, "The contract (.wasm)")->required();
  deploy_cmd_->add_option("--namespace", deploy_.ns, "Deploy to this namespace of the account (default: the default one)");
  add_common(deploy_cmd_, deploy_);

  CLI::App* submodule = app.add_subcommand("submodule", "Deploy or remove submodules (signed by the account)");
  submodule->require_subcommand(1);
  submodule_deploy_cmd_ = submodule->add_subcommand("deploy", "Deploy a submodule under KEY");
  submodule_deploy_cmd_->add_option("ACCOUNT", submodule_deploy_.account, "The account")->required();
  submodule_deploy_cmd_->add_option("KEY", submodule_deploy_.key, "The submodule key")->required();
  submodule_deploy_cmd_->add_option("FILE", submodule_deploy_.file, "The submodule (.wasm)")->required();
  add_common(submodule_deploy_cmd_, submodule_deploy_);
  submodule_remove_cmd_ = submodule->add_subcommand("remove", "Remove the submodule under KEY");
  submodule_remove_cmd_->add_option("ACCOUNT", submodule_remove_.account, "The account")->required();
  submodule_remove_cmd_->add_option("KEY", submodule_remove_.key, "The submodule key")->required();
  add_common(submodule_remove_cmd_, submodule_remove_);

  call_cmd_ = app.add_subcommand("call", "Call a contract method in a transaction");
  call_cmd_->add_option("CONTRACT", call_.contract, "The contract account")->required();
  call_cmd_->add_option("METHOD", call_.method, "The method")->required();
  call_args_ = call_cmd_->add_option("ARGS_JSON", call_.args.args_json, "The input: this JSON text, byte for byte");
  call_args_b64_ = call_cmd_->add_option("--args-base64", call_.args.args_base64, "The input as base64 (any bytes)");
  call_args_->excludes(call_args_b64_);
  call_cmd_->add_option("--namespace", call_.ns, "Call the method of this namespace of the contract");
  call_cmd_->add_option("--signer", call_.signer, "The signing account")->capture_default_str();
  call_cmd_->add_option("--key-file", call_.key_file, "Sign with this key file (default HOME/keys/SIGNER.json)");
  call_cmd_->add_option("--gas", call_.gas, "Gas to attach, in Tgas")->capture_default_str();
  call_cmd_->add_option("--deposit", call_.deposit, "NEAR to attach (decimal, or N yocto as e.g. 1yocto)")
      ->capture_default_str();
  call_cmd_->add_flag("--trace", call_.trace, "Print the synchronous-call trace");
  call_cmd_->add_flag("--profile", call_.profile,
                      "Print the gas profile: wasm instructions, each host function, loading, sync-call callees");
  add_common(call_cmd_, call_);

  view_cmd_ = app.add_subcommand("view", "Call a contract method as a view (no state change, no transaction)");
  view_cmd_->add_option("CONTRACT", view_.contract, "The contract account")->required();
  view_cmd_->add_option("METHOD", view_.method, "The method")->required();
  view_args_ = view_cmd_->add_option("ARGS_JSON", view_.args.args_json, "The input: this JSON text, byte for byte");
  view_args_b64_ = view_cmd_->add_option("--args-base64", view_.args.args_base64, "The input as base64 (any bytes)");
  view_args_->excludes(view_args_b64_);
  view_cmd_->add_option("--namespace", view_.ns, "Call the method of this namespace of the contract");
  add_common(view_cmd_, view_);

  view_state_cmd_ = app.add_subcommand("view-state", "Print the contract storage of an account");
  view_state_cmd_->add_option("ACCOUNT", view_state_.account, "The account")->required();
  view_state_cmd_->add_option("--namespace", view_state_.ns, "The storage of this namespace (default: the default one)");
  view_state_cmd_->add_flag("--utf8", view_state_.utf8, "Print printable keys and values as text (JSON strings)");
  add_common(view_state_cmd_, view_state_);

  tx_cmd_ = app.add_subcommand("tx", "Print the stored outcome of a transaction");
  tx_cmd_->add_option("HASH", tx_.hash, "The transaction hash (base58)")->required();
  tx_cmd_->add_flag("--trace", tx_.trace, "Print the synchronous-call trace");
  tx_cmd_->add_flag("--profile", tx_.profile, "Print the gas profile of the first receipt's call");
  add_common(tx_cmd_, tx_);
}

std::optional<int> ChainCli::run() {
  if (*init_cmd_) return init_command(init_);
  if (*account_create_cmd_) return account_create_command(account_create_);
  if (*account_view_cmd_) return account_view_command(account_view_);
  if (*key_add_cmd_) {
    key_add_.has_restrictions = key_methods_->count() + key_namespaces_->count() + key_allowance_->count() > 0;
    return key_add_command(key_add_);
  }
  if (*key_delete_cmd_) return key_delete_command(key_delete_);
  if (*key_list_cmd_) return key_list_command(key_list_);
  if (*deploy_cmd_) return deploy_command(deploy_);
  if (*submodule_deploy_cmd_) return submodule_deploy_command(submodule_deploy_);
  if (*submodule_remove_cmd_) return submodule_remove_command(submodule_remove_);
  if (*call_cmd_) {
    call_.args.has_args_json = call_args_->count() > 0;
    call_.args.has_args_base64 = call_args_b64_->count() > 0;
    return call_command(call_);
  }
  if (*view_cmd_) {
    view_.args.has_args_json = view_args_->count() > 0;
    view_.args.has_args_base64 = view_args_b64_->count() > 0;
    return view_command(view_);
  }
  if (*view_state_cmd_) return view_state_command(view_state_);
  if (*tx_cmd_) return tx_command(tx_);
  return std::nullopt;
}

}  // namespace syncwasm::cli
