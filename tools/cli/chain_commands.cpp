// The local-chain commands: `syncwasm init`, `account create|view`, `key add|delete|list`, `deploy`,
// `submodule deploy|remove`, `call`, `view`, `view-state`, `tx`. Each opens the chain of a home
// directory (chain_home.h), builds and signs a NEAR transaction with a saved key where it changes
// state, submits it with chain::Chain::submit and prints the outcome (docs/cli.md).
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "chain/chain.h"
#include "chain_home.h"
#include "commands.h"
#include "common/base64.h"
#include "file_io.h"
#include "near/account_id.h"
#include "near/outcome_json.h"
#include "outcome_text.h"
#include "state_file.h"

namespace syncwasm::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using chain::Chain;
using chain::u128;

int report(const CliError& e) {
  std::cerr << "syncwasm: " << e.message << "\n";
  return e.code;
}

// ---- command-line values ----

CliResult<void> check_account_id(const std::string& id, const char* what) {
  if (near::valid_account_id(id)) return {};
  return cli_error(kExitUsage, std::string(what) + " '" + id +
                                   "' is not a valid account id (2 to 64 characters of a-z, 0-9, '-', '_', '.'; "
                                   "no separator at either end or twice in a row)");
}

CliResult<void> check_namespace(const std::string& ns) {
  if (ns.empty() || valid_namespace_name(ns)) return {};
  return cli_error(kExitUsage, "--namespace '" + ns + "' is not a namespace name (lowercase letters, digits and _)");
}

CliResult<u128> near_amount(const std::string& text, const char* option) {
  if (auto v = parse_near(text)) return *v;
  return cli_error(kExitUsage, std::string(option) + " '" + text +
                                   "': expected an amount of NEAR such as 10, 1.5 or 0.000001 (at most 24 decimals), "
                                   "or of yoctoNEAR such as 1yocto");
}

CliResult<chain::Bytes> call_input(const CallArgs& a) {
  if (a.has_args_json) {
    if (!json::accept(a.args_json))
      return cli_error(kExitUsage, "ARGS_JSON is not valid JSON: " + a.args_json + "\n(use --args-base64 for other bytes)");
    return chain::Bytes(a.args_json.begin(), a.args_json.end());
  }
  if (a.has_args_base64) {
    auto bytes = base64_decode(a.args_base64);
    if (!bytes) return cli_error(kExitUsage, "--args-base64 is not valid base64 (standard alphabet, with padding)");
    return std::move(*bytes);
  }
  return chain::Bytes{};
}

CliResult<chain::Bytes> read_wasm(const std::string& file) {
  auto bytes = read_file(file);
  if (!bytes) return cli_error(kExitLoadError, bytes.error());
  return std::move(*bytes);
}

CliResult<chain::CryptoHash> parse_hash(const std::string& text) {
  auto bad = cli_error(kExitUsage, "'" + text + "' is not a transaction hash (base58 of 32 bytes)");
  if (text.empty() || text.size() > 64) return bad;
  auto bytes = chain::base58_decode(text);
  if (!bytes || bytes->size() != 32) return bad;
  chain::CryptoHash h;
  std::copy(bytes->begin(), bytes->end(), h.begin());
  return h;
}

// ---- home, keys, transactions ----

CliResult<std::pair<Home, std::unique_ptr<Chain>>> open_home(const ChainCommon& opts) {
  auto home = resolve_home(opts.home);
  if (!home) return std::unexpected(home.error());
  auto c = open_chain(*home);
  if (!c) return std::unexpected(c.error());
  return std::pair{std::move(*home), std::move(*c)};
}

CliResult<void> need_account(Chain& c, const std::string& id) {
  if (c.account(id)) return {};
  return cli_error(kExitFailure, "account " + id + " does not exist");
}

// The key that signs for `account`: `key_file`, or HOME/keys/ACCOUNT.json. When there is no such file
// and the account does not exist, the missing account is the error (exit 1).
CliResult<KeyFile> signer_key(const Home& home, Chain& c, const std::string& account, const std::string& key_file = {}) {
  fs::path path = key_file.empty() ? home.key_file(account) : fs::path(key_file);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (!c.account(account)) return cli_error(kExitFailure, "the signer account " + account + " does not exist");
    return cli_error(kExitLoadError, "no key to sign for " + account + ": " + path.string() + " does not exist");
  }
  return load_key_file(path, account);
}

// Signs (nonce: the access key's + 1; block hash: the head's) and submits. A rejected transaction
// (InvalidTxError) exits 1; store failures exit 3.
CliResult<chain::SubmitResult> submit(Chain& c, const KeyFile& key, const std::string& signer,
                                      const std::string& receiver, std::vector<chain::Action> actions) {
  chain::Transaction tx;
  tx.signer_id = signer;
  tx.public_key = key.secret.public_key();
  auto ak = c.access_key(signer, tx.public_key);
  tx.nonce = (ak ? ak->nonce : 0) + 1;
  tx.receiver_id = receiver;
  tx.block_hash = c.head_hash();
  tx.actions = std::move(actions);
  auto r = c.submit(tx.sign(key.secret));
  if (!r) {
    const std::string& m = r.error().message;
    if (m.starts_with("InvalidTxError")) return cli_error(kExitFailure, "transaction rejected: " + m);
    return cli_error(kExitLoadError, "the chain failed: " + r.error().to_string());
  }
  return std::move(*r);
}

// A transaction of `account` to itself, signed with its key in the home: the key and code commands.
struct SelfTx {
  Home home;
  KeyFile key;
  chain::SubmitResult result;
};
CliResult<SelfTx> submit_to_self(const ChainCommon& opts, const std::string& account, std::vector<chain::Action> actions) {
  auto h = open_home(opts);
  if (!h) return std::unexpected(h.error());
  auto& [home, c] = *h;
  auto key = signer_key(home, *c, account);
  if (!key) return std::unexpected(key.error());
  auto r = submit(*c, *key, account, account, std::move(actions));
  if (!r) return std::unexpected(r.error());
  return SelfTx{std::move(home), std::move(*key), std::move(*r)};
}

// ---- printing ----

std::string str(const json& j, const char* key, const std::string& dflt = {}) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : dflt;
}

std::string error_text(const json& e) {
  if (!e.is_object()) return e.dump();
  std::string kind;
  if (auto it = e.find("kind"); it != e.end()) {
    if (it->is_string()) kind = it->get<std::string>();
    else if (it->is_array())
      for (const json& part : *it) kind += (kind.empty() ? "" : "::") + (part.is_string() ? part.get<std::string>() : part.dump());
  }
  std::string message = str(e, "message");
  if (kind.empty()) return message;
  return message.empty() ? kind : kind + ": " + message;
}

void print_return(const char* label, const json& b64) {
  auto bytes = base64_decode(b64.get<std::string>());
  if (!bytes) std::cout << label << " (base64): " << b64.get<std::string>() << "\n";
  else if (printable_utf8(*bytes)) std::cout << label << ": " << as_text(*bytes) << "\n";
  else std::cout << label << " (base64): " << b64.get<std::string>() << "\n";
}

void print_trace(const json& o) {
  auto it = o.find("sync_trace");
  if (it == o.end() || !it->is_array()) {
    std::cout << "sync trace: not recorded in this outcome\n";
    return;
  }
  if (it->empty()) {
    std::cout << "sync trace: (no synchronous calls)\n";
    return;
  }
  std::cout << "sync trace:\n";
  for (const json& e : *it) {
    uint64_t count = e.value("count", uint64_t(1));  // merged resumes (outcomes stored before it: 1)
    std::cout << "  " << str(e, "event") << (count > 1 ? " x" + std::to_string(count) : "") << " " << str(e, "kind") << " " << display_name(str(e, "target")) << " depth "
              << e.value("depth", 0) << " -> " << str(e, "status_name") << " (" << e.value("status", uint64_t(0))
              << "), gas " << e.value("gas_burnt", uint64_t(0)) << "\n";
  }
}

// The first receipt's gas profile, largest first.
void print_profile(const json& o) {
  auto it = o.find("profile");
  if (it == o.end() || !it->is_object() || it->empty()) {
    std::cout << "gas profile: (no contract call)\n";
    return;
  }
  std::vector<std::pair<uint64_t, std::string>> rows;
  for (auto& [k, v] : it->items()) rows.push_back({v.get<uint64_t>(), k});
  std::sort(rows.rbegin(), rows.rend());
  std::cout << "gas profile:\n";
  for (auto& [g, k] : rows) std::cout << "  " << k << ": " << g << "\n";
}

const json* find_receipt(const json& receipts, const std::string& id) {
  for (const json& r : receipts)
    if (str(r, "id") == id) return &r;
  return nullptr;
}

// A transaction outcome (Chain::submit, Chain::transaction_outcome) as text.
void print_tx_outcome(const json& o, bool trace, bool profile = false) {
  std::cout << "transaction: " << str(o, "tx_hash") << "\n";
  std::cout << "signer: " << str(o, "signer_id") << ", receiver: " << str(o, "receiver_id") << "\n";
  std::string status = str(o, "status", "unknown");
  std::cout << "status: " << status << "\n";
  const json receipts = o.value("receipts", json::array());
  bool function_call = o.contains("return_base64");  // the first receipt ran a contract
  if (status == "success" && function_call) {
    const json& ret = o["return_base64"];
    if (ret.is_string()) {
      print_return("return", ret);
    } else if (!receipts.empty() && receipts[0].contains("return_receipt")) {
      // The call returned a promise: follow the receipts it forwards to, as NEAR's final value does.
      std::string id = str(receipts[0], "return_receipt");
      const json* r = find_receipt(receipts, id);
      for (int hops = 0; r && r->contains("return_receipt") && hops < 100; ++hops)
        r = find_receipt(receipts, id = str(*r, "return_receipt"));
      if (!r) std::cout << "return: the result of receipt " << id << " (not run)\n";
      else if (str(*r, "status") != "success") std::cout << "return: receipt " << id << " failed\n";
      else if (r->contains("vm") && (*r)["vm"].value("return_base64", json()).is_string())
        print_return(("return (receipt " + id + ")").c_str(), (*r)["vm"]["return_base64"]);
      else std::cout << "return: (none, receipt " << id << ")\n";
    } else {
      std::cout << "return: (none)\n";
    }
  }
  for (const json& l : o.value("logs", json::array())) std::cout << "log: " << (l.is_string() ? l.get<std::string>() : l.dump()) << "\n";
  if (o.contains("gas_burnt")) std::cout << "gas burnt: " << o["gas_burnt"] << "\n";
  if (trace) print_trace(o);
  if (profile) print_profile(o);
  uint64_t total = o.value("gas_burnt_at_conversion", uint64_t(0));
  if (!receipts.empty()) std::cout << "receipts:\n";
  for (size_t i = 0; i < receipts.size(); ++i) {
    const json& r = receipts[i];
    std::string actions;
    for (const json& a : r.value("actions", json::array()))
      actions += (actions.empty() ? "" : ", ") + (a.is_string() ? a.get<std::string>() : a.dump());
    bool refund = str(r, "predecessor_id") == "system";
    uint64_t gas = r.value("gas_burnt", uint64_t(0));
    total += gas;
    std::cout << "  " << str(r, "id") << " " << str(r, "predecessor_id") << " -> " << str(r, "receiver_id") << " ["
              << actions << "]" << (refund ? " (refund)" : "") << ": " << str(r, "status") << ", gas burnt " << gas
              << "\n";
    if (i > 0)
      for (const json& l : r.value("logs", json::array()))
        std::cout << "    log: " << (l.is_string() ? l.get<std::string>() : l.dump()) << "\n";
    if (str(r, "status") == "failure" && r.contains("error")) std::cout << "    error: " << error_text(r["error"]) << "\n";
  }
  std::cout << "total gas burnt: " << total << "\n";
  if (status != "success" && o.contains("error") && !o["error"].is_null())
    std::cout << "error: " << error_text(o["error"]) << "\n";
}

bool succeeded(const chain::SubmitResult& r) { return r.success; }

// Prints a submitted transaction's outcome (with `extra` fields merged into the JSON) and returns
// the exit code.
int finish(const chain::SubmitResult& r, const ChainCommon& opts, bool trace = false, const json& extra = json::object(),
           bool profile = false) {
  if (opts.json) {
    json o = r.outcome;
    for (auto& [k, v] : extra.items()) o[k] = v;
    std::cout << dump_json(o) << "\n";
  } else {
    print_tx_outcome(r.outcome, trace, profile);
  }
  std::cout.flush();
  return succeeded(r) ? kExitOk : kExitFailure;
}

std::string permission_text(const chain::AccessKeyPermission& p) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, chain::FullAccessPermission>) {
          return "full access";
        } else {
          std::string s = "function call to " + x.receiver_id + ", methods: ";
          if (x.method_names.empty()) s += "(any)";
          for (size_t i = 0; i < x.method_names.size(); ++i) s += (i ? "," : "") + x.method_names[i];
          if constexpr (std::is_same_v<T, chain::FunctionCallWithNamespacesPermission>) {
            s += ", namespaces: ";
            for (size_t i = 0; i < x.namespaces.size(); ++i) s += (i ? "," : "") + x.namespaces[i];
          }
          s += ", allowance: " + (x.allowance ? format_near(*x.allowance) + " NEAR" : std::string("unlimited"));
          return s;
        }
      },
      p);
}

json permission_json(const chain::AccessKeyPermission& p) {
  return std::visit(
      [](const auto& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, chain::FullAccessPermission>) {
          return "FullAccess";
        } else {
          json f = {{"allowance", x.allowance ? json(chain::u128_to_string(*x.allowance)) : json(nullptr)},
                    {"receiver_id", x.receiver_id},
                    {"method_names", x.method_names}};
          if constexpr (std::is_same_v<T, chain::FunctionCallWithNamespacesPermission>) {
            f["namespaces"] = x.namespaces;
            return {{"FunctionCallWithNamespaces", f}};
          } else {
            return {{"FunctionCall", f}};
          }
        }
      },
      p);
}

}  // namespace

// ---- init ----

int init_command(const InitOptions& opts) {
  auto home = resolve_home(opts.home);
  if (!home) return report(home.error());
  std::error_code ec;
  for (const fs::path& d : {home->dir, home->data_dir(), home->keys_dir()}) {
    fs::create_directories(d, ec);
    if (ec) return report({kExitLoadError, "cannot create " + d.string() + ": " + ec.message()});
  }
  fs::permissions(home->keys_dir(), fs::perms::owner_all, fs::perm_options::replace, ec);
  auto c = open_chain(*home);
  if (!c) return report(c.error());
  const std::string account(kGenesisAccount);
  fs::path key_path = home->key_file(account);
  if ((*c)->account(account) || fs::exists(key_path, ec))
    return report({kExitLoadError, home->dir.string() + " is already initialized (" +
                                       ((*c)->account(account) ? "the chain has its genesis" : key_path.string() + " exists") +
                                       "); use another --home or remove it"});
  chain::SecretKey key = chain::SecretKey::generate();
  if (auto s = save_key_file(key_path, account, key); !s) return report(s.error());
  u128 balance = u128(1'000'000'000) * chain::kOneNear;
  if (auto g = (*c)->genesis(account, key.public_key(), balance); !g) {
    fs::remove(key_path, ec);
    return report({kExitLoadError, home->dir.string() + ": genesis failed: " + g.error().message});
  }
  if (opts.json) {
    std::cout << dump_json({{"home", home->dir.string()},
                            {"account_id", account},
                            {"public_key", key.public_key().to_string()},
                            {"key_file", key_path.string()},
                            {"amount", chain::u128_to_string(balance)}})
              << "\n";
  } else {
    std::cout << "initialized " << home->dir.string() << "\n"
              << "account " << account << " with " << format_near(balance) << " NEAR\n"
              << "key " << key.public_key().to_string() << " saved to " << key_path.string() << "\n";
  }
  return kExitOk;
}

// ---- accounts ----

int account_create_command(const AccountCreateOptions& opts) {
  if (auto e = check_account_id(opts.name, "NAME"); !e) return report(e.error());
  if (!opts.parent.empty()) {
    if (auto e = check_account_id(opts.parent, "--parent"); !e) return report(e.error());
    if (!opts.name.ends_with("." + opts.parent))
      return report({kExitUsage, opts.name + " is not a sub-account of " + opts.parent + " (it must end in ." +
                                     opts.parent + ")"});
  }
  auto amount = near_amount(opts.initial_balance, "--initial-balance");
  if (!amount) return report(amount.error());

  auto h = open_home(opts);
  if (!h) return report(h.error());
  auto& [home, c] = *h;
  if (c->account(opts.name)) return report({kExitFailure, "account " + opts.name + " already exists"});
  std::string parent = opts.parent;
  if (parent.empty()) {
    // The longest suffix after a '.' that is an existing account.
    for (size_t dot = opts.name.find('.'); dot != std::string::npos; dot = opts.name.find('.', dot + 1)) {
      std::string suffix = opts.name.substr(dot + 1);
      if (c->account(suffix)) {
        parent = suffix;
        break;
      }
    }
    if (parent.empty())
      return report({kExitFailure, "cannot create " + opts.name +
                                       ": it must be a sub-account of an existing account, e.g. NAME." +
                                       std::string(kGenesisAccount)});
  } else if (auto e = need_account(*c, parent); !e) {
    return report({kExitFailure, "the parent account " + parent + " does not exist"});
  }
  fs::path key_path = home.key_file(opts.name);
  std::error_code ec;
  if (fs::exists(key_path, ec))
    return report({kExitLoadError, "a key file for " + opts.name + " already exists: " + key_path.string() +
                                       " (remove it to create the account anew)"});
  auto parent_key = signer_key(home, *c, parent);
  if (!parent_key) return report(parent_key.error());

  chain::SecretKey key = chain::SecretKey::generate();
  std::vector<chain::Action> actions = {chain::CreateAccountAction{}, chain::TransferAction{*amount},
                                        chain::AddKeyAction{key.public_key(), chain::AccessKey{}}};
  auto r = submit(*c, *parent_key, parent, opts.name, std::move(actions));
  if (!r) return report(r.error());
  std::optional<CliError> save_error;
  if (r->success)
    if (auto s = save_key_file(key_path, opts.name, key); !s)
      save_error = CliError{kExitLoadError, s.error().message + "\nthe key of " + opts.name + " is " + key.to_string()};
  int rc = finish(*r, opts, false,
                  r->success ? json{{"account_id", opts.name},
                                    {"public_key", key.public_key().to_string()},
                                    {"key_file", key_path.string()}}
                             : json::object());
  if (save_error) return report(*save_error);
  if (rc == kExitOk && !opts.json)
    std::cout << "created account " << opts.name << " (by " << parent << ", " << format_near(*amount)
              << " NEAR)\nkey " << key.public_key().to_string() << " saved to " << key_path.string() << "\n";
  return rc;
}

int account_view_command(const AccountViewOptions& opts) {
  if (auto e = check_account_id(opts.name, "NAME"); !e) return report(e.error());
  auto h = open_home(opts);
  if (!h) return report(h.error());
  auto a = h->second->account(opts.name);
  if (!a) return report({kExitFailure, "account " + opts.name + " does not exist"});
  if (opts.json) {
    json code = json::object();
    for (const auto& [ns, hash] : a->code) code[ns] = chain::base58_encode(hash);
    std::cout << dump_json({{"account_id", opts.name},
                            {"amount", chain::u128_to_string(a->amount)},
                            {"locked", chain::u128_to_string(a->locked)},
                            {"storage_usage", a->storage_usage},
                            {"code", code}})
              << "\n";
    return kExitOk;
  }
  std::cout << "account: " << opts.name << "\n"
            << "amount: " << format_near(a->amount) << " NEAR (" << chain::u128_to_string(a->amount) << " yoctoNEAR)\n"
            << "locked: " << format_near(a->locked) << " NEAR (" << chain::u128_to_string(a->locked) << " yoctoNEAR)\n"
            << "storage usage: " << a->storage_usage << " bytes\n";
  if (a->code.empty()) std::cout << "code: (none)\n";
  else std::cout << "code:\n";
  for (const auto& [ns, hash] : a->code)
    std::cout << "  " << (ns.empty() ? "(default namespace)" : "namespace " + display_name(ns)) << ": "
              << chain::base58_encode(hash) << "\n";
  return kExitOk;
}

// ---- keys ----

int key_add_command(const KeyAddOptions& opts) {
  if (auto e = check_account_id(opts.account, "ACCOUNT"); !e) return report(e.error());
  if (opts.function_call.empty() && opts.has_restrictions)
    return report({kExitUsage, "--methods, --namespaces and --allowance need --function-call RECEIVER"});
  std::optional<chain::SecretKey> generated;
  chain::PublicKey pk;
  if (opts.public_key.empty()) {
    generated = chain::SecretKey::generate();
    pk = generated->public_key();
  } else {
    auto p = chain::PublicKey::parse(opts.public_key);
    if (!p) return report({kExitUsage, "--public-key '" + opts.public_key + "': " + p.error().message});
    pk = *p;
  }
  chain::AccessKey access;
  if (!opts.function_call.empty()) {
    if (auto e = check_account_id(opts.function_call, "--function-call"); !e) return report(e.error());
    std::optional<u128> allowance;
    if (!opts.allowance.empty()) {
      auto a = near_amount(opts.allowance, "--allowance");
      if (!a) return report(a.error());
      allowance = *a;
    }
    for (const std::string& ns : opts.namespaces)
      if (!valid_namespace_name(ns))
        return report({kExitUsage, "--namespaces: '" + ns + "' is not a namespace name (lowercase letters, digits and _)"});
    if (opts.namespaces.empty())
      access.permission = chain::FunctionCallPermission{allowance, opts.function_call, opts.methods};
    else
      access.permission =
          chain::FunctionCallWithNamespacesPermission{allowance, opts.function_call, opts.methods, opts.namespaces};
  }

  auto tx = submit_to_self(opts, opts.account, {chain::AddKeyAction{pk, access}});
  if (!tx) return report(tx.error());
  const Home& home = tx->home;
  const chain::SubmitResult& r = tx->result;
  fs::path saved;
  std::optional<CliError> save_error;
  if (r.success && generated) {
    saved = home.extra_key_file(opts.account, pk);
    if (auto s = save_key_file(saved, opts.account, *generated); !s)
      save_error = CliError{kExitLoadError, s.error().message + "\nthe new key is " + generated->to_string()};
  }
  json extra = json::object();
  if (r.success) {
    extra["public_key"] = pk.to_string();
    if (generated) extra["key_file"] = saved.string();
  }
  int rc = finish(r, opts, false, extra);
  if (save_error) return report(*save_error);
  if (rc == kExitOk && !opts.json) {
    std::cout << "added key " << pk.to_string() << " to " << opts.account << ": " << permission_text(access.permission)
              << "\n";
    if (generated) std::cout << "key saved to " << saved.string() << "\n";
  }
  return rc;
}

int key_delete_command(const KeyDeleteOptions& opts) {
  if (auto e = check_account_id(opts.account, "ACCOUNT"); !e) return report(e.error());
  auto pk = chain::PublicKey::parse(opts.public_key);
  if (!pk) return report({kExitUsage, "PUBLIC_KEY '" + opts.public_key + "': " + pk.error().message});
  auto tx = submit_to_self(opts, opts.account, {chain::DeleteKeyAction{*pk}});
  if (!tx) return report(tx.error());
  const Home& home = tx->home;
  const chain::SubmitResult& r = tx->result;
  std::error_code ec;
  bool removed = r.success && fs::remove(home.extra_key_file(opts.account, *pk), ec);
  int rc = finish(r, opts);
  if (rc == kExitOk && !opts.json) {
    std::cout << "deleted key " << pk->to_string() << " of " << opts.account << "\n";
    if (removed) std::cout << "removed " << home.extra_key_file(opts.account, *pk).string() << "\n";
  }
  if (rc == kExitOk && *pk == tx->key.secret.public_key())
    std::cerr << "syncwasm: warning: that was the key of " << home.key_file(opts.account).string() << ": "
              << opts.account << " can no longer sign with it\n";
  return rc;
}

int key_list_command(const KeyListOptions& opts) {
  if (auto e = check_account_id(opts.account, "ACCOUNT"); !e) return report(e.error());
  auto h = open_home(opts);
  if (!h) return report(h.error());
  auto& c = h->second;
  if (auto e = need_account(*c, opts.account); !e) return report(e.error());
  auto keys = c->access_keys(opts.account);
  if (opts.json) {
    json list = json::array();
    for (const auto& [pk, k] : keys)
      list.push_back({{"public_key", pk.to_string()},
                      {"access_key", {{"nonce", k.nonce}, {"permission", permission_json(k.permission)}}}});
    std::cout << dump_json({{"keys", list}}) << "\n";
    return kExitOk;
  }
  for (const auto& [pk, k] : keys)
    std::cout << pk.to_string() << ": " << permission_text(k.permission) << ", nonce " << k.nonce << "\n";
  if (keys.empty()) std::cout << "(no keys)\n";
  return kExitOk;
}

// ---- code ----

int deploy_command(const DeployOptions& opts) {
  if (auto e = check_account_id(opts.account, "ACCOUNT"); !e) return report(e.error());
  if (auto e = check_namespace(opts.ns); !e) return report(e.error());
  auto code = read_wasm(opts.file);
  if (!code) return report(code.error());
  chain::Action action = opts.ns.empty() ? chain::Action(chain::DeployContractAction{std::move(*code)})
                                         : chain::Action(chain::DeployContractToNamespaceAction{std::move(*code), opts.ns});
  auto tx = submit_to_self(opts, opts.account, {std::move(action)});
  if (!tx) return report(tx.error());
  int rc = finish(tx->result, opts);
  if (rc == kExitOk && !opts.json) {
    std::cout << "deployed " << opts.file << " to " << opts.account;
    if (!opts.ns.empty()) std::cout << " (namespace " << opts.ns << ")";
    std::cout << "\n";
  }
  return rc;
}

int submodule_deploy_command(const SubmoduleOptions& opts) {
  if (auto e = check_account_id(opts.account, "ACCOUNT"); !e) return report(e.error());
  if (opts.key.empty()) return report({kExitUsage, "KEY is empty"});
  auto code = read_wasm(opts.file);
  if (!code) return report(code.error());
  auto tx = submit_to_self(opts, opts.account, {chain::DeploySubmoduleAction{opts.key, std::move(*code)}});
  if (!tx) return report(tx.error());
  int rc = finish(tx->result, opts);
  if (rc == kExitOk && !opts.json)
    std::cout << "deployed submodule " << display_name(opts.key) << " of " << opts.account << " from " << opts.file << "\n";
  return rc;
}

int submodule_remove_command(const SubmoduleOptions& opts) {
  if (auto e = check_account_id(opts.account, "ACCOUNT"); !e) return report(e.error());
  if (opts.key.empty()) return report({kExitUsage, "KEY is empty"});
  auto tx = submit_to_self(opts, opts.account, {chain::RemoveSubmoduleAction{opts.key}});
  if (!tx) return report(tx.error());
  int rc = finish(tx->result, opts);
  if (rc == kExitOk && !opts.json) std::cout << "removed submodule " << display_name(opts.key) << " of " << opts.account << "\n";
  return rc;
}

// ---- calls and queries ----

int call_command(const CallOptions& opts) {
  auto input = call_input(opts.args);
  if (!input) return report(input.error());
  if (auto e = check_namespace(opts.ns); !e) return report(e.error());
  if (auto e = check_account_id(opts.signer, "--signer"); !e) return report(e.error());
  auto gas = parse_tgas(opts.gas);
  if (!gas)
    return report({kExitUsage, "--gas '" + opts.gas + "': expected Tgas (10^12 gas) as a number, e.g. 300 or 0.5"});
  auto deposit = near_amount(opts.deposit, "--deposit");
  if (!deposit) return report(deposit.error());

  auto h = open_home(opts);
  if (!h) return report(h.error());
  auto& [home, c] = *h;
  auto key = signer_key(home, *c, opts.signer, opts.key_file);
  if (!key) return report(key.error());
  chain::Action action =
      opts.ns.empty()
          ? chain::Action(chain::FunctionCallAction{opts.method, std::move(*input), *gas, *deposit})
          : chain::Action(chain::FunctionCallInNamespaceAction{opts.ns, opts.method, std::move(*input), *gas, *deposit});
  auto r = submit(*c, *key, opts.signer, opts.contract, {std::move(action)});
  if (!r) return report(r.error());
  return finish(*r, opts, opts.trace, json::object(), opts.profile);
}

int view_command(const ViewOptions& opts) {
  auto input = call_input(opts.args);
  if (!input) return report(input.error());
  if (auto e = check_namespace(opts.ns); !e) return report(e.error());
  if (auto e = check_account_id(opts.contract, "CONTRACT"); !e) return report(e.error());
  auto h = open_home(opts);
  if (!h) return report(h.error());
  auto& c = h->second;
  if (auto e = need_account(*c, opts.contract); !e) return report(e.error());
  near::VMOutcome o = c->view(opts.contract, opts.ns, opts.method, *input);
  if (opts.json) std::cout << dump_json(near::outcome_json(o)) << "\n";
  else print_vm_outcome(o);
  return o.aborted ? kExitFailure : kExitOk;
}

int view_state_command(const ViewStateOptions& opts) {
  if (auto e = check_account_id(opts.account, "ACCOUNT"); !e) return report(e.error());
  if (auto e = check_namespace(opts.ns); !e) return report(e.error());
  auto h = open_home(opts);
  if (!h) return report(h.error());
  auto& c = h->second;
  if (auto e = need_account(*c, opts.account); !e) return report(e.error());
  auto entries = c->view_state(opts.account, opts.ns);
  if (opts.json) {
    json j = json::object();
    for (const auto& [k, v] : entries) j[base64_encode(k)] = base64_encode(v);
    std::cout << dump_json(j) << "\n";
    return kExitOk;
  }
  // One line per entry: KEY VALUE, base64; with --utf8, text (as a JSON string) where it is printable.
  auto show = [&](const chain::Bytes& b) {
    if (opts.utf8 && printable_utf8(b)) return json(std::string(as_text(b))).dump();
    return base64_encode(b);
  };
  for (const auto& [k, v] : entries) std::cout << show(k) << " " << show(v) << "\n";
  if (entries.empty()) std::cout << "(no data)\n";
  return kExitOk;
}

int tx_command(const TxOptions& opts) {
  auto hash = parse_hash(opts.hash);
  if (!hash) return report(hash.error());
  auto h = open_home(opts);
  if (!h) return report(h.error());
  auto o = h->second->transaction_outcome(*hash);
  if (!o) return report({kExitFailure, "no transaction " + opts.hash});
  if (opts.json) std::cout << dump_json(*o) << "\n";
  else print_tx_outcome(*o, opts.trace, opts.profile);
  return str(*o, "status") == "success" ? kExitOk : kExitFailure;
}

}  // namespace syncwasm::cli
