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
#include "near/runner.h"
#include "near/sync_interface.h"
#include "state_file.h"
#include "sync/run.h"

namespace syncwasm::cli {
namespace {

std::string_view as_text(const std::vector<uint8_t>& bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF) without control characters
// other than tab, newline and carriage return.
bool printable_utf8(std::span<const uint8_t> s) {
  for (size_t i = 0; i < s.size();) {
    uint8_t c = s[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
      ++i;
      continue;
    }
    size_t n;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) n = 1, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef) n = 2, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4) n = 3, cp = c & 0x07;
    else return false;
    if (i + n >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    if (cp >= 0x80 && cp < 0xa0) return false;  // C1 controls
    i += n + 1;
  }
  return true;
}

// A namespace name or submodule key for the text output: as is when it is plain (printable, no spaces),
// else as a JSON string.
std::string display_name(const std::string& name) {
  std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(name.data()), name.size());
  bool plain = !name.empty() && printable_utf8(bytes) && name.find_first_of(" \t\n\r\"") == std::string::npos;
  if (plain) return name;
  return nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The JSON outcome: near::outcome_json plus the synchronous-call trace and the submodule actions.
nlohmann::json exec_outcome_json(const near::VMOutcome& o) {
  nlohmann::json j = near::outcome_json(o);
  nlohmann::json trace = nlohmann::json::array();
  for (const near::SyncTraceEvent& e : o.sync_trace)
    trace.push_back({{"event", e.event},
                     {"kind", e.target.submodule ? "submodule" : "namespace"},
                     {"target", e.target.name},
                     {"depth", e.depth},
                     {"status", uint64_t(e.status)},
                     {"status_name", near::sync_status_name(e.status)},
                     {"gas_burnt", e.gas_burnt}});
  j["sync_trace"] = std::move(trace);
  nlohmann::json actions = nlohmann::json::array();
  for (const near::Logic::SubmoduleAction& a : o.submodule_actions)
    actions.push_back({{"key", a.key},
                       {"action", a.code ? "deploy" : "remove"},
                       {"code_base64", a.code ? nlohmann::json(base64_encode(*a.code)) : nlohmann::json(nullptr)}});
  j["submodule_actions"] = std::move(actions);
  return j;
}

void print_text_outcome(const near::VMOutcome& o) {
  std::cout << "status: " << (o.aborted ? "failure" : "success") << "\n";
  if (!o.aborted) {
    const near::ReturnData& r = o.return_data;
    if (r.kind == near::ReturnKind::value) {
      if (printable_utf8(r.value)) std::cout << "return: " << as_text(r.value) << "\n";
      else std::cout << "return (base64): " << base64_encode(r.value) << "\n";
    } else if (r.kind == near::ReturnKind::receipt_index) {
      std::cout << "return: the promise of receipt " << r.receipt_index << "\n";
    } else {
      std::cout << "return: (none)\n";
    }
  }
  for (const std::string& line : o.logs) std::cout << "log: " << line << "\n";
  if (!o.receipts.empty()) std::cout << "promises: " << o.receipts.size() << " receipt(s) (see --json)\n";
  for (const near::Logic::SubmoduleAction& a : o.submodule_actions) {
    if (a.code) std::cout << "submodule action: deploy " << display_name(a.key) << " (" << a.code->size() << " bytes)\n";
    else std::cout << "submodule action: remove " << display_name(a.key) << "\n";
  }
  if (!o.sync_trace.empty()) {
    std::cout << "sync trace:\n";
    for (const near::SyncTraceEvent& e : o.sync_trace)
      std::cout << "  " << e.event << " " << (e.target.submodule ? "submodule " : "namespace ")
                << display_name(e.target.name) << " depth " << e.depth << " -> " << near::sync_status_name(e.status)
                << " (" << uint64_t(e.status) << "), gas " << e.gas_burnt << "\n";
  }
  std::cout << "gas burnt: " << o.burnt_gas << "\n";
  std::cout << "gas used: " << o.used_gas << "\n";
  if (o.aborted) std::cout << "error: " << o.aborted->to_string() << "\n";
}

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
    std::cout << exec_outcome_json(outcome).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    print_text_outcome(outcome);
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
