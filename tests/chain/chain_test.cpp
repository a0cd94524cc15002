// The local chain: transactions, accounts and keys, contract calls with refunds, cross-contract
// promises with callbacks, failures and their refunds, permissions, storage staking, namespaces and
// submodules, persistence across reopening.
#include <gtest/gtest.h>

#include <filesystem>

#include "chain/chain.h"
#include "near_test_support.h"

namespace syncwasm::chain {
namespace {

struct Home {
  std::filesystem::path dir;
  Home() {
    char tmpl[] = "/tmp/syncwasm-chain-XXXXXX";
    dir = mkdtemp(tmpl);
  }
  ~Home() { std::filesystem::remove_all(dir); }
};

SecretKey key_for(uint8_t n) {
  std::array<uint8_t, 32> seed{};
  seed.fill(n);
  return SecretKey::from_seed(seed);
}

struct Fixture {
  Home home;
  std::unique_ptr<Chain> chain;
  SecretKey root = key_for(1);
  Fixture() {
    chain = std::move(*Chain::open(home.dir / "data"));
    EXPECT_TRUE(chain->genesis("test.near", root.public_key(), kOneNear * 1000).has_value());
  }
  Result<SubmitResult> send(const std::string& signer, const SecretKey& key, const std::string& receiver,
                            std::vector<Action> actions) {
    Transaction tx;
    tx.signer_id = signer;
    tx.public_key = key.public_key();
    auto ak = chain->access_key(signer, key.public_key());
    tx.nonce = ak ? ak->nonce + 1 : 1;
    tx.receiver_id = receiver;
    tx.block_hash = chain->head_hash();
    tx.actions = std::move(actions);
    return chain->submit(tx.sign(key));
  }
};

std::vector<uint8_t> wat(const std::string& body) { return syncwasm::test::wat(near::test::contract(body)); }

const char* kCounter = R"((data (i32.const 0) "n")
  (func (export "inc")
    (i64.store (i32.const 8) (i64.const 0))
    (if (i64.ne (call $storage_read (i64.const 1) (i64.const 0) (i64.const 1)) (i64.const 0))
      (then (call $read_register (i64.const 1) (i64.const 8))))
    (i64.store (i32.const 8) (i64.add (i64.load (i32.const 8)) (i64.const 1)))
    (drop (call $storage_write (i64.const 1) (i64.const 0) (i64.const 8) (i64.const 8) (i64.const 2)))
    (call $log_utf8 (i64.const 1) (i64.const 0))
    (call $value_return (i64.const 8) (i64.const 8)))
  (func (export "get")
    (if (i64.eqz (call $storage_read (i64.const 1) (i64.const 0) (i64.const 1))) (then (call $panic)))
    (call $value_return (i64.const -1) (i64.const 1)))
  (func (export "fail") (drop (call $storage_write (i64.const 1) (i64.const 0) (i64.const 1) (i64.const 0) (i64.const 2))) (call $panic)))";

TEST(Chain, CreateAccountTransferAndKeys) {
  Fixture f;
  SecretKey alice = key_for(2);
  auto r = f.send("test.near", f.root, "alice.test.near",
                  {CreateAccountAction{}, TransferAction{kOneNear * 5}, AddKeyAction{alice.public_key(), AccessKey{}}});
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_TRUE(r->success) << r->outcome.dump();
  auto a = f.chain->account("alice.test.near");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->amount, kOneNear * 5);
  EXPECT_TRUE(f.chain->access_key("alice.test.near", alice.public_key()).has_value());
  auto root = f.chain->account("test.near");
  EXPECT_LT(root->amount, kOneNear * 995);  // the deposit and the fees
  // Replaying the same nonce is rejected.
  Transaction tx;
  tx.signer_id = "alice.test.near";
  tx.public_key = alice.public_key();
  tx.nonce = 0;
  tx.receiver_id = "alice.test.near";
  tx.actions = {TransferAction{1}};
  auto replay = f.chain->submit(tx.sign(alice));
  ASSERT_FALSE(replay.has_value());
  EXPECT_NE(replay.error().message.find("InvalidNonce"), std::string::npos);
}

TEST(Chain, ContractCallsRefundsAndPersistence) {
  Fixture f;
  ASSERT_TRUE(f.send("test.near", f.root, "test.near", {DeployContractAction{wat(kCounter)}})->success);
  u128 before = f.chain->account("test.near")->amount;
  auto r = f.send("test.near", f.root, "test.near", {FunctionCallAction{"inc", {}, 300'000'000'000'000ull, 0}});
  ASSERT_TRUE(r.has_value());
  ASSERT_TRUE(r->success) << r->outcome.dump(2);
  EXPECT_EQ(r->outcome["logs"], nlohmann::json::array({"n"}));
  EXPECT_GT(r->outcome["gas_burnt"].get<uint64_t>(), 0u);
  // The unused part of the 300 Tgas came back: the call cost far less than 300 Tgas at the gas price.
  u128 spent = before - f.chain->account("test.near")->amount;
  EXPECT_LT(spent, u128(300'000'000'000'000ull) * kGasPrice / 10);
  ASSERT_EQ(r->outcome["receipts"].size(), 2u);  // the call and the gas refund
  f.send("test.near", f.root, "test.near", {FunctionCallAction{"inc", {}, 300'000'000'000'000ull, 0}});
  auto state = f.chain->view_state("test.near", "");
  ASSERT_EQ(state.size(), 1u);
  EXPECT_EQ(state[0].second[0], 2);
  // Reopen: everything is still there.
  auto dir = f.home.dir / "data";
  f.chain.reset();
  f.chain = std::move(*Chain::open(dir));
  auto v = f.chain->view("test.near", "", "get", {});
  ASSERT_FALSE(v.aborted) << v.aborted->to_string();
  EXPECT_EQ(v.return_data.value[0], 2);
  EXPECT_TRUE(f.chain->transaction_outcome(r->tx_hash).has_value());
}

TEST(Chain, FailedCallRevertsAndRefundsDeposit) {
  Fixture f;
  ASSERT_TRUE(f.send("test.near", f.root, "test.near",
                     {CreateAccountAction{}, TransferAction{}, DeployContractAction{wat(kCounter)}}).has_value());
  auto bob = f.send("test.near", f.root, "bob.test.near",
                    {CreateAccountAction{}, TransferAction{kOneNear * 5}, DeployContractAction{wat(kCounter)}});
  ASSERT_TRUE(bob->success) << bob->outcome.dump(2);
  u128 before = f.chain->account("test.near")->amount;
  auto r = f.send("test.near", f.root, "bob.test.near", {FunctionCallAction{"fail", {}, 100'000'000'000'000ull, kOneNear}});
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->success);
  EXPECT_TRUE(f.chain->view_state("bob.test.near", "").empty());
  // The deposit came back to the signer: only gas was spent.
  u128 spent = before - f.chain->account("test.near")->amount;
  EXPECT_LT(spent, kOneNear / 10);
  EXPECT_EQ(f.chain->account("bob.test.near")->amount, kOneNear * 5);
}

// A cross-contract call with a callback: caller.test.near calls counter.test.near's "inc" and, in
// a promise_then callback, stores the result it received.
TEST(Chain, PromisesWithCallbacksRunInLaterBlocks) {
  Fixture f;
  ASSERT_TRUE(f.send("test.near", f.root, "counter.test.near",
                     {CreateAccountAction{}, TransferAction{kOneNear * 5}, DeployContractAction{wat(kCounter)}})->success);
  const char* caller = R"((data (i32.const 0) "counter.test.near") (data (i32.const 32) "inc") (data (i32.const 40) "cb")
    (data (i32.const 48) "caller.test.near") (data (i32.const 80) "r")
    (func (export "go") (local i64)
      (local.set 0 (call $promise_create (i64.const 17) (i64.const 0) (i64.const 3) (i64.const 32) (i64.const 0) (i64.const 0)
                                         (i64.const 200) (i64.const 20000000000000)))
      (call $promise_return (call $promise_then (local.get 0) (i64.const 16) (i64.const 48) (i64.const 2) (i64.const 40)
                                        (i64.const 0) (i64.const 0) (i64.const 200) (i64.const 20000000000000))))
    (func (export "cb")
      (if (i64.ne (call $promise_result (i64.const 0) (i64.const 1)) (i64.const 1)) (then (call $panic)))
      (drop (call $storage_write (i64.const 1) (i64.const 80) (i64.const -1) (i64.const 1) (i64.const 2)))
      (call $value_return (i64.const -1) (i64.const 1))))";
  ASSERT_TRUE(f.send("test.near", f.root, "caller.test.near",
                     {CreateAccountAction{}, TransferAction{kOneNear * 5}, DeployContractAction{wat(caller)}})->success);
  uint64_t h0 = f.chain->head();
  auto r = f.send("test.near", f.root, "caller.test.near", {FunctionCallAction{"go", {}, 300'000'000'000'000ull, 0}});
  ASSERT_TRUE(r.has_value());
  ASSERT_TRUE(r->success) << r->outcome.dump(2);
  EXPECT_GE(f.chain->head(), h0 + 3);  // the call, then inc, then the callback
  auto state = f.chain->view_state("caller.test.near", "");
  ASSERT_EQ(state.size(), 1u);
  EXPECT_EQ(state[0].second[0], 1);  // the callback stored inc's return value
  std::vector<std::string> receivers;
  for (auto& rc : r->outcome["receipts"]) receivers.push_back(rc["receiver_id"]);
  EXPECT_NE(std::find(receivers.begin(), receivers.end(), "counter.test.near"), receivers.end());
}

TEST(Chain, FunctionCallKeyPermissions) {
  Fixture f;
  ASSERT_TRUE(f.send("test.near", f.root, "test.near", {DeployContractAction{wat(kCounter)}})->success);
  SecretKey limited = key_for(9);
  AccessKey ak;
  ak.permission = FunctionCallPermission{kOneNear, "test.near", {"inc"}};
  ASSERT_TRUE(f.send("test.near", f.root, "test.near", {AddKeyAction{limited.public_key(), ak}})->success);
  EXPECT_TRUE(f.send("test.near", limited, "test.near", {FunctionCallAction{"inc", {}, 30'000'000'000'000ull, 0}}).has_value());
  auto denied = f.send("test.near", limited, "test.near", {FunctionCallAction{"fail", {}, 30'000'000'000'000ull, 0}});
  ASSERT_FALSE(denied.has_value());
  EXPECT_NE(denied.error().message.find("InvalidAccessKeyError"), std::string::npos);
  EXPECT_FALSE(f.send("test.near", limited, "test.near", {TransferAction{1}}).has_value());
}

TEST(Chain, StorageStaking) {
  Fixture f;
  // 0.001 NEAR covers 100 bytes; a 4 KiB contract does not fit.
  auto r = f.send("test.near", f.root, "poor.test.near",
                  {CreateAccountAction{}, TransferAction{kOneNear / 1000}, DeployContractAction{wat(kCounter)}});
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->success);
  EXPECT_EQ(r->outcome["receipts"][0]["error"]["kind"], "LackBalanceForState");
  EXPECT_FALSE(f.chain->account("poor.test.near").has_value());
}

TEST(Chain, NamespacesAndSubmodules) {
  Fixture f;
  const char* plugin = R"((module (import "env" "return_value" (func $r (param i64 i64))) (memory 1)
    (data (i32.const 0) "\2a") (func (export "main") (call $r (i64.const 1) (i64.const 0)))))";
  const char* engine = R"((data (i32.const 0) "p")
    (func (export "run") (drop (call $start_submodule (i64.const 1) (i64.const 0) (i64.const 10000000000000) (i64.const 1)))
      (call $value_return (i64.const -1) (i64.const 1))))";
  std::string full = near::test::contract(engine);
  // Submodules can be deployed only by the account itself.
  auto other = f.send("test.near", f.root, "eng.test.near",
                      {CreateAccountAction{}, TransferAction{kOneNear * 5}, DeploySubmoduleAction{"p", syncwasm::test::wat(plugin)}});
  EXPECT_FALSE(other->success);
  EXPECT_EQ(other->outcome["receipts"][0]["error"]["kind"], "ActorNoPermission");
  ASSERT_TRUE(f.send("test.near", f.root, "test.near",
                     {DeploySubmoduleAction{"p", syncwasm::test::wat(plugin)},
                      DeployContractToNamespaceAction{syncwasm::test::wat(full), "engine"}})->success);
  auto r = f.send("test.near", f.root, "test.near", {FunctionCallInNamespaceAction{"engine", "run", {}, 100'000'000'000'000ull, 0}});
  ASSERT_TRUE(r.has_value());
  ASSERT_TRUE(r->success) << r->outcome.dump(2);
  EXPECT_EQ(r->outcome["return_base64"], "Kg==");  // 42
  ASSERT_EQ(r->outcome["sync_trace"].size(), 1u);
  auto acc = f.chain->account("test.near");
  EXPECT_EQ(acc->code.count("engine"), 1u);
  ASSERT_TRUE(f.send("test.near", f.root, "test.near", {RemoveSubmoduleAction{"p"}})->success);
  r = f.send("test.near", f.root, "test.near", {FunctionCallInNamespaceAction{"engine", "run", {}, 100'000'000'000'000ull, 0}});
  EXPECT_EQ(r->outcome["return_base64"], "bm8gc3VibW9kdWxlIHA=");  // "no submodule p"
}

TEST(Chain, AccessKeysMayListNamespaces) {
  Fixture f;
  ASSERT_TRUE(f.send("test.near", f.root, "test.near", {DeployContractToNamespaceAction{wat(kCounter), "counter"},
                                                        DeployContractToNamespaceAction{wat(kCounter), "other"}})->success);
  SecretKey k = key_for(7);
  AccessKey ak;
  ak.permission = FunctionCallWithNamespacesPermission{std::nullopt, "test.near", {"inc"}, {"counter"}};
  ASSERT_TRUE(f.send("test.near", f.root, "test.near", {AddKeyAction{k.public_key(), ak}})->success);
  auto ok = f.send("test.near", k, "test.near", {FunctionCallInNamespaceAction{"counter", "inc", {}, 30'000'000'000'000ull, 0}});
  ASSERT_TRUE(ok.has_value()) << ok.error().message;
  EXPECT_TRUE(ok->success);
  auto denied = f.send("test.near", k, "test.near", {FunctionCallInNamespaceAction{"other", "inc", {}, 30'000'000'000'000ull, 0}});
  ASSERT_FALSE(denied.has_value());
  // A plain function-call key may not call into namespaces at all.
  SecretKey plain = key_for(8);
  AccessKey pk;
  pk.permission = FunctionCallPermission{std::nullopt, "test.near", {}};
  ASSERT_TRUE(f.send("test.near", f.root, "test.near", {AddKeyAction{plain.public_key(), pk}})->success);
  EXPECT_FALSE(f.send("test.near", plain, "test.near", {FunctionCallInNamespaceAction{"counter", "inc", {}, 30'000'000'000'000ull, 0}}).has_value());
}

// A contract's own method deploys a submodule (the contract decides who may); it takes effect when
// the call succeeds.
TEST(Chain, ContractDeploysASubmoduleFromAMethod) {
  Fixture f;
  std::vector<uint8_t> plugin = syncwasm::test::wat(R"((module (import "env" "return_value" (func $r (param i64 i64))) (memory 1)
    (data (i32.const 0) "\07") (func (export "main") (call $r (i64.const 1) (i64.const 0)))))");
  std::string manager = std::string(R"((import "env" "deploy_submodule" (func $deploy (param i64 i64 i64 i64))))");
  std::string body = R"((data (i32.const 0) "p")
    (func (export "add") (call $input (i64.const 5)) (call $deploy (i64.const 1) (i64.const 0) (i64.const -1) (i64.const 5)))
    (func (export "run") (drop (call $start_submodule (i64.const 1) (i64.const 0) (i64.const 10000000000000) (i64.const 1)))
      (call $value_return (i64.const -1) (i64.const 1))))";
  std::string full = near::test::contract(body);
  full.insert(full.find("(import"), manager);
  ASSERT_TRUE(f.send("test.near", f.root, "test.near", {DeployContractAction{syncwasm::test::wat(full)}})->success);
  auto added = f.send("test.near", f.root, "test.near", {FunctionCallAction{"add", plugin, 100'000'000'000'000ull, 0}});
  ASSERT_TRUE(added->success) << added->outcome.dump(2);
  auto r = f.send("test.near", f.root, "test.near", {FunctionCallAction{"run", {}, 100'000'000'000'000ull, 0}});
  EXPECT_EQ(r->outcome["return_base64"], "Bw==");
}

TEST(Chain, SecondProcessGetsAClearError) {
  Fixture f;
  auto again = Chain::open(f.home.dir / "data");
  ASSERT_FALSE(again.has_value());
  EXPECT_NE(again.error().message.find("in use"), std::string::npos);
}

}  // namespace
}  // namespace syncwasm::chain
