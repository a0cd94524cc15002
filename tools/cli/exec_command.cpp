// `syncwasm exec CONTRACT.wasm METHOD [...]`: run one method of a NEAR contract with sync::run_method
// (synchronous calls served from --namespace / --submodule code), with storage from (and back to) a JSON
// state file, and print the outcome.
#include <iostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "common/base64.h"
#include "exec_context_json.h"
#include "file_io.h"
#include "near/external.h"
#include "near/outcome_json.h"
#include "outcome_text.h"
#include "near/runner.h"
#include "near/sync_interface.h"
#include "state_file.h"
#include "sync/run.h"

namespace syncwasm::cli {
namespace {

// Reads a whole file as text; prints the error and returns nullopt on failure.
std::optional<std::string> read_text(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) {
    std::cerr << "syncwasm: " << bytes.error() << "\n";
    return std::nullopt;
  }
  return std::string(as_text(*bytes));
}

// Splits "NAME=FILE" at the first '='; nullopt when there is none or FILE is empty.
std::optional<std::pair<std::string, std::string>> split_spec(const std::string& spec) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos || eq + 1 == spec.size()) return std::nullopt;
  return std::pair{spec.substr(0, eq), spec.substr(eq + 1)};
}

struct CodeSpec {
  std::string name;
  std::string file;
};

// Checks the --namespace / --submodule values (usage errors); prints the problem and returns nullopt.
std::optional<std::vector<CodeSpec>> parse_code_specs(const std::vector<std::string>& specs, bool submodule) {
  const char* option = submodule ? "--submodule" : "--namespace";
  const char* what = submodule ? "KEY=FILE.wasm" : "NS=FILE.wasm";
  std::vector<CodeSpec> out;
  for (const std::string& spec : specs) {
    auto parts = split_spec(spec);
    if (!parts) {
      std::cerr << "syncwasm: " << option << " '" << spec << "': expected " << what << "\n";
      return std::nullopt;
    }
    auto& [name, file] = *parts;
    if (submodule ? name.empty() : !valid_namespace_name(name)) {
      if (submodule)
        std::cerr << "syncwasm: " << option << " '" << spec << "': the submodule key is empty\n";
      else
        std::cerr << "syncwasm: " << option << " '" << spec << "': '" << name
                  << "' is not a namespace name (non-empty; lowercase letters, digits and _)\n";
      return std::nullopt;
    }
    for (const CodeSpec& c : out) {
      if (c.name == name) {
        std::cerr << "syncwasm: " << option << " '" << spec << "': " << (submodule ? "key '" : "namespace '") << name
                  << "' given twice\n";
        return std::nullopt;
      }
    }
    out.push_back({std::move(name), std::move(file)});
  }
  return out;
}

}  // namespace

int exec_command(const ExecOptions& opts) {
  // Command-line values first: their errors are usage errors.
  near::VMContext ctx;
  if (opts.has_args) {
    if (!nlohmann::json::accept(opts.args_json)) {
      std::cerr << "syncwasm: --args is not valid JSON: " << opts.args_json
                << "\n(use --args-base64 for arbitrary bytes)\n";
      return kExitUsage;
    }
    ctx.input.assign(opts.args_json.begin(), opts.args_json.end());
  } else if (opts.has_args_base64) {
    auto bytes = base64_decode(opts.args_base64);
    if (!bytes) {
      std::cerr << "syncwasm: --args-base64 is not valid base64 (standard alphabet, with padding)\n";
      return kExitUsage;
    }
    ctx.input = std::move(*bytes);
  }
  std::optional<near::Gas> gas;
  if (opts.has_gas) {
    gas = parse_gas(opts.gas);
    if (!gas) {
      std::cerr << "syncwasm: --gas '" << opts.gas
                << "': expected an integer amount of gas, optionally with a T or Tgas suffix (e.g. 300T)\n";
      return kExitUsage;
    }
  }

  auto namespace_specs = parse_code_specs(opts.namespaces, false);
  if (!namespace_specs) return kExitUsage;
  auto submodule_specs = parse_code_specs(opts.submodules, true);
  if (!submodule_specs) return kExitUsage;

  auto code = read_file(opts.file);
  if (!code) {
    std::cerr << "syncwasm: " << code.error() << "\n";
    return kExitLoadError;
  }
  // The account's namespaces and submodules, for synchronous calls (none: every such call gets NotFound).
  sync::MapCodeSource code_source;
  for (auto [specs, target] : {std::pair{&*namespace_specs, &code_source.namespaces},
                               std::pair{&*submodule_specs, &code_source.submodules}}) {
    for (const CodeSpec& c : *specs) {
      auto bytes = read_file(c.file);
      if (!bytes) {
        std::cerr << "syncwasm: " << bytes.error() << "\n";
        return kExitLoadError;
      }
      target->emplace(c.name, std::move(*bytes));
    }
  }

  if (!opts.context_file.empty()) {
    auto text = read_text(opts.context_file);
    if (!text) return kExitLoadError;
    nlohmann::json j = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      std::cerr << "syncwasm: " << opts.context_file << ": not valid JSON\n";
      return kExitLoadError;
    }
    if (auto r = apply_context_json(j, ctx); !r) {
      std::cerr << "syncwasm: " << opts.context_file << ": " << r.error() << "\n";
      return kExitLoadError;
    }
  }
  if (gas) ctx.prepaid_gas = *gas;
  ctx.is_view = opts.view;

  near::Params params;
  if (!opts.params_file.empty()) {
    auto text = read_text(opts.params_file);
    if (!text) return kExitLoadError;
    auto p = near::load_params(*text);
    if (!p) {
      std::cerr << "syncwasm: " << opts.params_file << ": " << p.error().message << "\n";
      return kExitLoadError;
    }
    params = std::move(*p);
  }

  // The contract's storage: the current account's, the default namespace ("") and the others.
  const std::string& account = ctx.current_account_id;
  near::MemoryExternal ext;
  if (!opts.state_file.empty()) {
    bool missing = false;
    auto state = load_state_file(opts.state_file, &missing);
    if (!state) {
      std::cerr << "syncwasm: " << state.error() << "\n";
      return kExitLoadError;
    }
    if (missing) {
      if (auto w = write_state_file(opts.state_file, {}); !w) {
        std::cerr << "syncwasm: " << w.error() << "\n";
        return kExitLoadError;
      }
    }
    for (auto& [key, value] : state->storage) ext.data[{near::StorageScope{account, ""}, key}] = value;
    for (auto& [ns, entries] : state->namespaces)
      for (auto& [key, value] : entries) ext.data[{near::StorageScope{account, ns}, key}] = value;
  }

  near::ContractCache cache;
  near::VMOutcome outcome = sync::run_method(*code, opts.method, ctx, params, ext, cache, code_source);

  if (opts.json) {
    std::cout << dump_json(near::outcome_json(outcome)) << "\n";
  } else {
    print_vm_outcome(outcome);
  }
  std::cout.flush();

  if (!opts.state_file.empty() && !outcome.aborted && !ctx.is_view) {
    State state;
    for (const auto& [k, value] : ext.data) {
      if (k.first.account != account) continue;  // calls only ever touch their own account's storage
      if (k.first.ns.empty()) state.storage.emplace(k.second, value);
      else state.namespaces[k.first.ns].emplace(k.second, value);
    }
    if (auto w = write_state_file(opts.state_file, state); !w) {
      std::cerr << "syncwasm: " << w.error() << "\n";
      return kExitLoadError;
    }
  }
  return outcome.aborted ? kExitFailure : kExitOk;
}

}  // namespace syncwasm::cli
