// The SDK examples of examples/sdk on a local chain in a temporary directory:
//  - plugin_registry.c + plugin_hello.c: a contract that decides who may deploy submodules to its
//    account (admins named by the account itself), with deploy_submodule applied only when the
//    call succeeds;
//  - async_vs_sync.c + ledger.c: the same "bump a counter and get the new value" done with a
//    promise to another account and with a synchronous call to a namespace of the same account,
//    compared by results, blocks, receipts, gas and atomicity.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "chain/chain.h"
#include "common/base64.h"

namespace syncwasm::chain {
namespace {

constexpr uint64_t kTgas = 1'000'000'000'000ull;

struct Home {
  std::filesystem::path dir;
  Home() {
    char tmpl[] = "/tmp/syncwasm-examples-XXXXXX";
    dir = mkdtemp(tmpl);
  }
  ~Home() { std::filesystem::remove_all(dir); }
};

SecretKey key_for(uint8_t n) {
  std::array<uint8_t, 32> seed{};
  seed.fill(n);
  return SecretKey::from_seed(seed);
}

Bytes load(const char* path) {
  std::ifstream f(path, std::ios::binary);
  Bytes b((std::istreambuf_iterator<char>(f)), {});
  EXPECT_FALSE(b.empty()) << "missing " << path;
  return b;
}
Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }

// The transaction's return value as text ("" when there is none).
std::string returned(const SubmitResult& r) {
  const auto& v = r.outcome["return_base64"];
  if (!v.is_string()) return "";
  auto b = base64_decode(v.get<std::string>());
  return b ? std::string(b->begin(), b->end()) : "<not base64>";
}
std::string error_message(const SubmitResult& r) {
  const auto& e = r.outcome["error"];
  return e.is_object() ? e.value("message", "") : "";
}
// Every log of every receipt of the transaction.
std::vector<std::string> all_logs(const SubmitResult& r) {
  std::vector<std::string> out;
  for (const auto& rc : r.outcome["receipts"])
    for (const auto& l : rc["logs"]) out.push_back(l);
  return out;
}
bool has_log(const SubmitResult& r, const std::string& line) {
  auto logs = all_logs(r);
  return std::find(logs.begin(), logs.end(), line) != logs.end();
}
// The gas the contracts burnt in the VM, over every receipt of the transaction.
uint64_t vm_gas(const SubmitResult& r) {
  uint64_t g = 0;
  for (const auto& rc : r.outcome["receipts"])
    if (rc.contains("vm")) g += rc["vm"]["gas_burnt"].get<uint64_t>();
  return g;
}

struct Fixture {
  Home home;
  std::unique_ptr<Chain> chain;
  SecretKey root = key_for(1);
  Fixture() {
    chain = std::move(*Chain::open(home.dir / "data"));
    EXPECT_TRUE(chain->genesis("test.near", root.public_key(), kOneNear * 1000).has_value());
  }
  SubmitResult send(const std::string& signer, const SecretKey& key, const std::string& receiver,
                    std::vector<Action> actions) {
    Transaction tx;
    tx.signer_id = signer;
    tx.public_key = key.public_key();
    auto ak = chain->access_key(signer, key.public_key());
    tx.nonce = ak ? ak->nonce + 1 : 1;
    tx.receiver_id = receiver;
    tx.block_hash = chain->head_hash();
    tx.actions = std::move(actions);
    auto r = chain->submit(tx.sign(key));
    EXPECT_TRUE(r.has_value()) << receiver << ": " << r.error().message;
    return r ? std::move(*r) : SubmitResult{};
  }
  SubmitResult call(const std::string& signer, const SecretKey& key, const std::string& receiver,
                    const std::string& method, const Bytes& args = {}) {
    return send(signer, key, receiver, {FunctionCallAction{method, args, 300 * kTgas, 0}});
  }
  // Creates `id` (a sub-account of test.near) with 10 NEAR, `key` and `extra` actions (deploys).
  void create(const std::string& id, const SecretKey& key, std::vector<Action> extra = {}) {
    std::vector<Action> a = {CreateAccountAction{}, TransferAction{kOneNear * 10}, AddKeyAction{key.public_key(), AccessKey{}}};
    for (auto& x : extra) a.push_back(std::move(x));
    auto r = send("test.near", root, id, std::move(a));
    ASSERT_TRUE(r.success) << r.outcome.dump(2);
  }
  // A view call's return value as text, or "<failed: ...>".
  std::string view(const std::string& account, const std::string& ns, const std::string& method, const std::string& args = "") {
    auto o = chain->view(account, ns, method, text(args));
    if (o.aborted) return "<failed: " + o.aborted->to_string() + ">";
    return std::string(o.return_data.value.begin(), o.return_data.value.end());
  }
};

// ---- plugin_registry.c ----

// add_plugin's input: the key's length, the key, the wasm.
Bytes plugin_args(const std::string& key, const Bytes& code) {
  Bytes b(1 + key.size());
  b[0] = uint8_t(key.size());
  std::copy(key.begin(), key.end(), b.begin() + 1);
  b.insert(b.end(), code.begin(), code.end());
  return b;
}

TEST(PluginRegistryExample, OnlyAdminsNamedByTheAccountMayAddPlugins) {
  Fixture f;
  SecretKey reg_key = key_for(3), alice = key_for(4), bob = key_for(5);
  const std::string reg = "registry.test.near";
  f.create(reg, reg_key, {DeployContractAction{load(SDK_PLUGIN_REGISTRY_WASM)}});
  f.create("alice.test.near", alice);
  f.create("bob.test.near", bob);
  Bytes hello = load(SDK_PLUGIN_HELLO_WASM);
  uint64_t usage_before = f.chain->account(reg)->storage_usage;

  // A non-admin may not add a plugin: the call fails and no submodule exists.
  auto denied = f.call("bob.test.near", bob, reg, "add_plugin", plugin_args("hello", hello));
  EXPECT_FALSE(denied.success);
  EXPECT_NE(error_message(denied).find("add_plugin: bob.test.near is not an admin"), std::string::npos) << error_message(denied);
  EXPECT_EQ(f.chain->account(reg)->storage_usage, usage_before);
  auto missing = f.call("bob.test.near", bob, reg, "run", text("hello"));
  ASSERT_TRUE(missing.success) << missing.outcome.dump(2);
  EXPECT_EQ(returned(missing).rfind("error 200: ", 0), 0u) << returned(missing);  // NotFound

  // Only the account itself may name admins.
  auto self_only = f.call("alice.test.near", alice, reg, "add_admin", text("alice.test.near"));
  EXPECT_FALSE(self_only.success);
  EXPECT_NE(error_message(self_only).find("only the account itself may add admins"), std::string::npos);
  EXPECT_EQ(f.view(reg, "", "is_admin", "alice.test.near"), "false");

  // The account names alice (a JSON string works too, as `syncwasm call` passes it).
  auto added = f.call(reg, reg_key, reg, "add_admin", text("\"alice.test.near\""));
  ASSERT_TRUE(added.success) << added.outcome.dump(2);
  EXPECT_TRUE(has_log(added, "admin added: alice.test.near"));
  EXPECT_EQ(f.view(reg, "", "is_admin", "alice.test.near"), "true");
  EXPECT_EQ(f.view(reg, "", "is_admin", "bob.test.near"), "false");

  // The admin adds the plugin: deploy_submodule takes effect with the successful call.
  auto plugin = f.call("alice.test.near", alice, reg, "add_plugin", plugin_args("hello", hello));
  ASSERT_TRUE(plugin.success) << plugin.outcome.dump(2);
  EXPECT_TRUE(has_log(plugin, "plugin hello (" + std::to_string(hello.size()) + " bytes) added by alice.test.near"));
  ASSERT_EQ(plugin.outcome["submodule_actions"].size(), 1u) << plugin.outcome.dump(2);
  uint64_t usage_after = f.chain->account(reg)->storage_usage;
  EXPECT_GE(usage_after, usage_before + hello.size());  // the code (and the admin record) count as storage

  // Anyone may run it; it is a real submodule, started synchronously.
  auto run = f.call("bob.test.near", bob, reg, "run", text("\"hello\""));
  ASSERT_TRUE(run.success) << run.outcome.dump(2);
  EXPECT_EQ(returned(run), "hello");
  ASSERT_EQ(run.outcome["sync_trace"].size(), 1u) << run.outcome.dump(2);
  // Still denied to bob afterwards.
  EXPECT_FALSE(f.call("bob.test.near", bob, reg, "add_plugin", plugin_args("bye", hello)).success);
}

TEST(PluginRegistryExample, AQueuedDeployIsDroppedWhenTheCallFails) {
  Fixture f;
  SecretKey reg_key = key_for(3);
  const std::string reg = "registry.test.near";
  f.create(reg, reg_key, {DeployContractAction{load(SDK_PLUGIN_REGISTRY_WASM)}});
  Bytes hello = load(SDK_PLUGIN_HELLO_WASM);
  uint64_t usage_before = f.chain->account(reg)->storage_usage;
  // The account adds a plugin, then a later action of the same receipt fails (an empty admin id):
  // the receipt fails as a whole, and the queued DeploySubmodule with it.
  auto r = f.send(reg, reg_key, reg,
                  {FunctionCallAction{"add_plugin", plugin_args("hello", hello), 100 * kTgas, 0},
                   FunctionCallAction{"add_admin", {}, 100 * kTgas, 0}});
  EXPECT_FALSE(r.success);
  EXPECT_NE(error_message(r).find("add_admin: input must be an account id"), std::string::npos) << r.outcome.dump(2);
  EXPECT_EQ(f.chain->account(reg)->storage_usage, usage_before);
  EXPECT_EQ(returned(f.call(reg, reg_key, reg, "run", text("hello"))).rfind("error 200: ", 0), 0u);
  // Malformed input is refused before anything is queued.
  auto bad = f.call(reg, reg_key, reg, "add_plugin", Bytes{5, 'h', 'e'});
  EXPECT_FALSE(bad.success);
  EXPECT_NE(error_message(bad).find("key length byte"), std::string::npos) << error_message(bad);
  // The account itself needs no admin entry.
  auto ok = f.call(reg, reg_key, reg, "add_plugin", plugin_args("hello", hello));
  ASSERT_TRUE(ok.success) << ok.outcome.dump(2);
  EXPECT_EQ(returned(f.call(reg, reg_key, reg, "run", text("hello"))), "hello");
}

// ---- async_vs_sync.c + ledger.c ----

struct LedgerFixture : Fixture {
  const std::string app = "app.test.near";
  const std::string ledger = "ledger.test.near";
  SecretKey app_key = key_for(6), ledger_key = key_for(7);
  LedgerFixture() {
    Bytes ledger_wasm = load(SDK_LEDGER_WASM);
    // The ledger as another account (async) and as the "ledger" namespace of app (sync).
    create(ledger, ledger_key, {DeployContractAction{ledger_wasm}});
    create(app, app_key,
           {DeployContractAction{load(SDK_ASYNC_VS_SYNC_WASM)}, DeployContractToNamespaceAction{ledger_wasm, "ledger"}});
  }
  struct Run {
    SubmitResult r;
    uint64_t blocks;  // how far the head moved
    uint64_t paid;    // the gas the signer paid for, all refunds received (its balance change / gas price)
  };
  Run bump(const std::string& method) {
    uint64_t h0 = chain->head();
    u128 b0 = chain->account("test.near")->amount;
    SubmitResult r = call("test.near", root, app, method);
    return {std::move(r), chain->head() - h0, uint64_t((b0 - chain->account("test.near")->amount) / kGasPrice)};
  }
  std::string stored(const std::string& key) {
    for (const auto& [k, v] : chain->view_state(app, ""))
      if (std::string(k.begin(), k.end()) == key) return std::string(v.begin(), v.end());
    return "<none>";
  }
};

TEST(AsyncVsSyncExample, SameValuesMoreBlocksAndReceiptsAsynchronously) {
  LedgerFixture f;
  std::vector<LedgerFixture::Run> async_runs, sync_runs;
  for (int i = 0; i < 2; ++i) async_runs.push_back(f.bump("bump_async"));
  for (int i = 0; i < 2; ++i) sync_runs.push_back(f.bump("bump_sync"));
  for (int i = 0; i < 2; ++i) {
    const auto& a = async_runs[size_t(i)];
    const auto& s = sync_runs[size_t(i)];
    ASSERT_TRUE(a.r.success) << a.r.outcome.dump(2);
    ASSERT_TRUE(s.r.success) << s.r.outcome.dump(2);
    // The same counter values, one from each ledger.
    EXPECT_EQ(returned(a.r), std::to_string(i + 1));
    EXPECT_EQ(returned(s.r), std::to_string(i + 1));
    // The promise, its callback and their refunds run in later blocks, as receipts of their own.
    EXPECT_GT(a.blocks, s.blocks);
    EXPECT_GT(a.r.outcome["receipts"].size(), s.r.outcome["receipts"].size());
  }
  const auto& a = async_runs[0];
  const auto& s = sync_runs[0];
  // Async: receipts to ledger.test.near and back to app's callback. Sync: one receipt with the
  // callee in its trace.
  std::vector<std::string> async_calls;
  for (const auto& rc : a.r.outcome["receipts"])
    if (rc["actions"] == nlohmann::json::array({"FunctionCall"}))
      async_calls.push_back(rc["predecessor_id"].get<std::string>() + " -> " + rc["receiver_id"].get<std::string>());
  EXPECT_EQ(async_calls, (std::vector<std::string>{"test.near -> app.test.near", "app.test.near -> ledger.test.near",
                                                   "app.test.near -> app.test.near"}));
  EXPECT_EQ(a.r.outcome["sync_trace"].size(), 0u);
  ASSERT_EQ(s.r.outcome["sync_trace"].size(), 1u) << s.r.outcome.dump(2);
  EXPECT_EQ(s.r.outcome["sync_trace"][0].value("status_name", ""), "Success") << s.r.outcome["sync_trace"].dump();
  EXPECT_EQ(s.r.outcome["sync_trace"][0].value("target", ""), "ledger");
  EXPECT_TRUE(has_log(s.r, "bump 1"));  // the callee's log, in the caller's receipt
  EXPECT_TRUE(has_log(a.r, "bump 1"));  // ledger.test.near's receipt
  EXPECT_TRUE(has_log(a.r, "last_async = 1"));

  EXPECT_EQ(f.view(f.ledger, "", "get"), "2");
  EXPECT_EQ(f.view(f.app, "ledger", "get"), "2");
  EXPECT_EQ(f.stored("last_async"), "2");
  EXPECT_EQ(f.stored("last_sync"), "2");

  // The gas of both paths, printed only (see the report in the test's output).
  for (const auto* x : {&a, &s})
    std::printf("%s: %llu blocks, %zu receipts, gas paid by the signer %llu, of which burnt in the VM %llu\n",
                x == &a ? "async" : "sync ", (unsigned long long)x->blocks, x->r.outcome["receipts"].size(),
                (unsigned long long)x->paid, (unsigned long long)vm_gas(x->r));
  std::printf("sync callee (ledger namespace) burnt %llu of it\n",
              (unsigned long long)s.r.outcome["sync_trace"][0].value("gas_burnt", uint64_t(0)));
}

TEST(AsyncVsSyncExample, SyncFailureRevertsTheCalleeAsyncCallbackFailureDoesNot) {
  LedgerFixture f;
  ASSERT_EQ(returned(f.bump("bump_sync").r), "1");
  ASSERT_EQ(returned(f.bump("bump_async").r), "1");

  // Sync: the caller panics after the ledger namespace returned 2; the whole receipt fails, so
  // the callee's write is undone with it.
  auto sync_fail = f.bump("bump_sync_then_fail").r;
  EXPECT_FALSE(sync_fail.success);
  EXPECT_NE(error_message(sync_fail).find("failing after the ledger namespace bumped to 2"), std::string::npos)
      << sync_fail.outcome.dump(2);
  EXPECT_TRUE(has_log(sync_fail, "bump 2"));  // it did run...
  EXPECT_EQ(f.view(f.app, "ledger", "get"), "1");  // ...and left nothing behind
  EXPECT_EQ(f.stored("last_sync"), "1");
  EXPECT_EQ(returned(f.bump("bump_sync").r), "2");  // the next bump gets 2 again

  // Async: ledger.test.near's bump is its own receipt and is committed before the callback runs;
  // the callback's failure drops only the callback's changes.
  auto async_fail = f.bump("bump_async_then_fail_in_callback").r;
  EXPECT_FALSE(async_fail.success);
  EXPECT_EQ(async_fail.outcome["error"].value("kind", ""), "ReturnedPromiseFailed") << async_fail.outcome.dump(2);
  bool callback_failed = false;
  for (const auto& rc : async_fail.outcome["receipts"])
    if (rc["status"] == "failure" && rc["error"].dump().find("callback failed after the ledger account bumped to 2") != std::string::npos)
      callback_failed = true;
  EXPECT_TRUE(callback_failed) << async_fail.outcome.dump(2);
  EXPECT_EQ(f.view(f.ledger, "", "get"), "2");  // the bump stays
  EXPECT_EQ(f.stored("last_async"), "1");       // the callback's record does not
  EXPECT_EQ(returned(f.bump("bump_async").r), "3");
}

TEST(AsyncVsSyncExample, CallbacksAreOnlyForTheAccountItself) {
  LedgerFixture f;
  auto r = f.call("test.near", f.root, f.app, "on_bump");
  EXPECT_FALSE(r.success);
  EXPECT_NE(error_message(r).find("only this account may call it"), std::string::npos) << error_message(r);
}

}  // namespace
}  // namespace syncwasm::chain
