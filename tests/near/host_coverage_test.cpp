// Every remaining implemented host function: its result and the exact gas it charges (wasm is free
// here, see free_wasm()), so that each one is covered by at least one exact check.
#include "near_test_support.h"

namespace syncwasm::near::test {
namespace {

const Params P = free_wasm();
Gas RM(uint64_t n) { return P.read_memory_base + n * P.read_memory_byte; }
Gas WM(uint64_t n) { return P.write_memory_base + n * P.write_memory_byte; }
Gas WR(uint64_t n) { return P.write_register_base + n * P.write_register_byte; }
Gas UTF8(uint64_t n) { return P.utf8_decoding_base + n * P.utf8_decoding_byte; }

// Runs `call` (one host call) inside a contract that imports `import`, with `data` at address 0.
VMOutcome one(const std::string& import, const std::string& call, VMContext ctx = {}, External* ext = nullptr,
              const std::string& data = "") {
  static ContractCache cache;
  MemoryExternal local;
  std::string wat = "(module " + import + " (memory 1) (data (i32.const 0) \"" + data + "\") (func (export \"main\") " +
                    call + "))";
  return run_method(syncwasm::test::wat(wat), "main", ctx, P, ext ? *ext : local, cache);
}

TEST(HostCoverage, ContextValues) {
  VMContext ctx;
  ctx.epoch_height = 77;
  ctx.storage_usage = 512;
  ctx.chain_id = "testnet";
  ctx.account_locked_balance = 9;
  ctx.random_seed.fill(3);
  auto o = one(R"((import "env" "epoch_height" (func $f (result i64))))", "(drop (call $f))", ctx);
  EXPECT_EQ(o.burnt_gas, P.base);
  o = one(R"((import "env" "storage_usage" (func $f (result i64))))", "(drop (call $f))", ctx);
  EXPECT_EQ(o.burnt_gas, P.base);
  o = one(R"((import "env" "chain_id" (func $f (param i64))))", "(call $f (i64.const 0))", ctx);
  EXPECT_EQ(o.burnt_gas, P.base + WR(7));
  o = one(R"((import "env" "random_seed" (func $f (param i64))))", "(call $f (i64.const 0))", ctx);
  EXPECT_EQ(o.burnt_gas, P.base + WR(32));
  o = one(R"((import "env" "account_locked_balance" (func $f (param i64))))", "(call $f (i64.const 0))", ctx);
  EXPECT_EQ(o.burnt_gas, P.base + WM(16));
  o = one(R"((import "env" "block_timestamp" (func $f (result i64))))", "(drop (call $f))", ctx);
  EXPECT_EQ(o.burnt_gas, P.base);
  o = one(R"((import "env" "signer_account_pk" (func $f (param i64))))", "(call $f (i64.const 0))", ctx);
  EXPECT_EQ(o.burnt_gas, P.base + WR(33));
  o = one(R"((import "env" "current_contract_code" (func $f (param i64) (result i64))))", "(drop (call $f (i64.const 0)))", ctx);
  EXPECT_EQ(o.burnt_gas, P.base + WR(32));  // the contract's sha256 goes to the register
  o = one(R"((import "env" "current_namespace" (func $f (param i64))))", "(call $f (i64.const 0))", ctx);
  EXPECT_EQ(o.burnt_gas, P.base + WR(0));
}

TEST(HostCoverage, Validators) {
  MemoryExternal ext;
  ext.validators["v.near"] = 500;
  auto o = one(R"((import "env" "validator_stake" (func $f (param i64 i64 i64))))",
               "(call $f (i64.const 6) (i64.const 0) (i64.const 100))", {}, &ext, "v.near");
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(o.burnt_gas, P.base + RM(6) + UTF8(6) + P.validator_stake_base + WM(16));
  o = one(R"((import "env" "validator_total_stake" (func $f (param i64))))", "(call $f (i64.const 100))", {}, &ext);
  EXPECT_EQ(o.burnt_gas, P.base + P.validator_total_stake_base + WM(16));
  o = one(R"((import "env" "validator_stake" (func $f (param i64 i64 i64))))",
          "(call $f (i64.const 3) (i64.const 0) (i64.const 100))", {}, &ext, "V!x");
  EXPECT_EQ(error_path(o), "HostError::InvalidAccountId");
}

TEST(HostCoverage, Keccak512AndUtf16Charges) {
  auto o = one(R"((import "env" "keccak512" (func $f (param i64 i64 i64))))", "(call $f (i64.const 3) (i64.const 0) (i64.const 1))",
               {}, nullptr, "abc");
  EXPECT_EQ(o.burnt_gas, P.keccak512_base + RM(3) + 3 * P.keccak512_byte + WR(64));
  o = one(R"((import "env" "log_utf16" (func $f (param i64 i64))))", "(call $f (i64.const 4) (i64.const 0))", {}, nullptr,
          "h\\00i\\00");
  EXPECT_EQ(o.logs, std::vector<std::string>{"hi"});
  EXPECT_EQ(o.burnt_gas, P.base + P.utf16_decoding_base + RM(4) + 4 * P.utf16_decoding_byte + P.log_base + 2 * P.log_byte);
}

const ActionCost& FC = P.action.function_call_base;

// Promise actions: each burns its send fee (not the current account: send_not_sir) and reserves
// its execution fee.
struct ActionCase {
  const char* import;
  const char* call;
  std::string data;
  Gas burn, reserve;  // beyond creating the receipt
  Gas host;           // host-side charges (base, memory reads, decoding) beyond the receipt
};

TEST(HostCoverage, PromiseActions) {
  const auto& A = P.action;
  // The receipt: promise_batch_create("bob.near") at 0; the action's data from 16 on.
  const Gas create_host = P.base + RM(8) + UTF8(8);
  const Gas create_burn = A.action_receipt_creation.send_not_sir, create_reserve = A.action_receipt_creation.execution;
  std::string pk(66, '0');  // borsh ed25519 key: 0x00 + 32 bytes, written as \00 escapes
  std::string pk_bytes;
  for (int i = 0; i < 33; ++i) pk_bytes += "\\00";
  std::vector<ActionCase> cases = {
      {R"((import "env" "promise_batch_action_create_account" (func $a (param i64))))", "(call $a (local.get 0))", "",
       A.create_account.send_not_sir, A.create_account.execution, P.base},
      {R"((import "env" "promise_batch_action_deploy_contract" (func $a (param i64 i64 i64))))",
       "(call $a (local.get 0) (i64.const 4) (i64.const 16))", "\\00asm",
       A.deploy_contract_base.send_not_sir + 4 * A.deploy_contract_per_byte.send_not_sir,
       A.deploy_contract_base.execution + 4 * A.deploy_contract_per_byte.execution, P.base + RM(4)},
      {R"((import "env" "promise_batch_action_function_call_weight" (func $a (param i64 i64 i64 i64 i64 i64 i64 i64))))",
       "(call $a (local.get 0) (i64.const 2) (i64.const 16) (i64.const 0) (i64.const 16) (i64.const 32) (i64.const 1000) (i64.const 3))",
       "go", FC.send_not_sir + 2 * A.function_call_per_byte.send_not_sir,
       FC.execution + 2 * A.function_call_per_byte.execution + 1000, P.base + RM(16) + RM(2) + RM(0)},
      {R"((import "env" "promise_batch_action_stake" (func $a (param i64 i64 i64 i64))))",
       "(call $a (local.get 0) (i64.const 64) (i64.const 33) (i64.const 16))", pk_bytes, A.stake.send_not_sir,
       A.stake.execution, P.base + RM(16) + RM(33)},
      {R"((import "env" "promise_batch_action_add_key_with_full_access" (func $a (param i64 i64 i64 i64))))",
       "(call $a (local.get 0) (i64.const 33) (i64.const 16) (i64.const 1))", pk_bytes, A.add_full_access_key.send_not_sir,
       A.add_full_access_key.execution, P.base + RM(33)},
      {R"((import "env" "promise_batch_action_delete_key" (func $a (param i64 i64 i64))))",
       "(call $a (local.get 0) (i64.const 33) (i64.const 16))", pk_bytes, A.delete_key.send_not_sir, A.delete_key.execution,
       P.base + RM(33)},
      {R"((import "env" "promise_batch_action_delete_account" (func $a (param i64 i64 i64))))",
       "(call $a (local.get 0) (i64.const 8) (i64.const 0))", "", A.delete_account.send_not_sir, A.delete_account.execution,
       P.base + RM(8) + UTF8(8)},
  };
  for (const ActionCase& c : cases) {
    std::string wat = std::string(R"((module (import "env" "promise_batch_create" (func $c (param i64 i64) (result i64))) )") +
                      c.import + R"( (memory 1) (data (i32.const 0) "bob.near") (data (i32.const 16) ")" + c.data +
                      R"(") (func (export "main") (local i64) (local.set 0 (call $c (i64.const 8) (i64.const 0))) )" + c.call + "))";
    static ContractCache cache;
    MemoryExternal ext;
    auto o = run_method(syncwasm::test::wat(wat), "main", {}, P, ext, cache);
    ASSERT_FALSE(o.aborted) << c.import << ": " << error_path(o);
    EXPECT_EQ(o.burnt_gas, create_host + create_burn + c.host + c.burn) << c.import;
    EXPECT_EQ(o.used_gas - o.burnt_gas, create_reserve + c.reserve) << c.import;
    EXPECT_EQ(o.receipts.at(0).actions.size(), 1u);
  }
}

TEST(HostCoverage, PromiseThenAndAnd) {
  const auto& A = P.action;
  std::string wat = R"((module
    (import "env" "promise_batch_create" (func $c (param i64 i64) (result i64)))
    (import "env" "promise_batch_then" (func $t (param i64 i64 i64) (result i64)))
    (import "env" "promise_and" (func $and (param i64 i64) (result i64)))
    (memory 1) (data (i32.const 0) "bob.near")
    (func (export "main")
      (i64.store (i32.const 100) (call $c (i64.const 8) (i64.const 0)))
      (i64.store (i32.const 108) (call $c (i64.const 8) (i64.const 0)))
      (drop (call $t (call $and (i64.const 100) (i64.const 2)) (i64.const 8) (i64.const 0))))))";
  static ContractCache cache;
  MemoryExternal ext;
  auto o = run_method(syncwasm::test::wat(wat), "main", {}, P, ext, cache);
  ASSERT_FALSE(o.aborted) << error_path(o);
  ASSERT_EQ(o.receipts.size(), 3u);
  EXPECT_EQ(o.receipts[2].depends_on, (std::vector<uint64_t>{0, 1}));
  Gas create = P.base + RM(8) + UTF8(8) + A.action_receipt_creation.send_not_sir;
  Gas and_ = P.base + P.promise_and_base + 16 * P.promise_and_per_promise + RM(16);
  // then: two data dependencies whose receivers equal the new receipt's: sir data fees, all burnt.
  Gas deps = 2 * (A.data_receipt_creation_base.send_sir + A.data_receipt_creation_base.execution);
  EXPECT_EQ(o.burnt_gas, 3 * create + and_ + deps);
  EXPECT_EQ(o.used_gas - o.burnt_gas, 3 * A.action_receipt_creation.execution);
}

TEST(HostCoverage, AddFunctionCallKeyCountsNameSeparators) {
  const auto& A = P.action;
  std::string pk;
  for (int i = 0; i < 33; ++i) pk += "\\00";
  std::string wat = R"((module
    (import "env" "promise_batch_create" (func $c (param i64 i64) (result i64)))
    (import "env" "promise_batch_action_add_key_with_function_call" (func $k (param i64 i64 i64 i64 i64 i64 i64 i64 i64)))
    (memory 1) (data (i32.const 0) "bob.near") (data (i32.const 16) "a,bc") (data (i32.const 32) ")" + pk + R"(")
    (func (export "main")
      (call $k (call $c (i64.const 8) (i64.const 0)) (i64.const 33) (i64.const 32) (i64.const 1) (i64.const 200)
               (i64.const 8) (i64.const 0) (i64.const 4) (i64.const 16)))))";
  static ContractCache cache;
  MemoryExternal ext;
  auto o = run_method(syncwasm::test::wat(wat), "main", {}, P, ext, cache);
  ASSERT_FALSE(o.aborted) << error_path(o);
  auto& key = std::get<AddKeyAction>(o.receipts.at(0).actions.at(0));
  EXPECT_EQ(key.method_names, (std::vector<std::string>{"a", "bc"}));
  // (1 + 1) + (2 + 1) = 5 bytes of method names, as nearcore counts them.
  EXPECT_EQ(o.used_gas - o.burnt_gas,
            A.action_receipt_creation.execution + A.add_function_call_key_base.execution + 5 * A.add_function_call_key_per_byte.execution);
}

TEST(HostCoverage, NamespacesAndSubmoduleActions) {
  VMContext ctx;
  ctx.current_namespace = "plugin";
  ctx.predecessor_namespace = "caller";
  auto o = one(R"((import "env" "predecessor_namespace" (func $f (param i64)))
                  (import "env" "value_return" (func $r (param i64 i64))))",
               "(call $f (i64.const 0)) (call $r (i64.const -1) (i64.const 0))", ctx);
  EXPECT_EQ(std::string(o.return_data.value.begin(), o.return_data.value.end()), "caller");
  MemoryExternal ext;
  ext.storage_set({"alice.near", "plugin"}, Bytes{'k'}, Bytes{'v', 'v'});
  o = one(R"((import "env" "namespace_storage_usage" (func $f (param i64 i64) (result i64)))
             (import "env" "value_return" (func $r (param i64 i64))))",
          "(i64.store (i32.const 100) (call $f (i64.const 6) (i64.const 0))) (call $r (i64.const 8) (i64.const 100))", {}, &ext,
          "plugin");
  EXPECT_EQ(o.return_data.value.at(0), 1 + 2 + 40);
  o = one(R"((import "env" "deploy_submodule" (func $d (param i64 i64 i64 i64)))
             (import "env" "remove_submodule" (func $x (param i64 i64))))",
          "(call $d (i64.const 3) (i64.const 0) (i64.const 8) (i64.const 8)) (call $x (i64.const 3) (i64.const 0))", {}, nullptr,
          "add\\00\\00\\00\\00\\00\\00asm\\01\\00\\00\\00");
  ASSERT_FALSE(o.aborted) << error_path(o);
  ASSERT_EQ(o.submodule_actions.size(), 2u);
  EXPECT_EQ(o.submodule_actions[0].key, "add");
  EXPECT_EQ(o.submodule_actions[0].code->size(), 8u);
  EXPECT_FALSE(o.submodule_actions[1].code.has_value());
  VMContext view;
  view.is_view = true;
  o = one(R"((import "env" "deploy_submodule" (func $d (param i64 i64 i64 i64))))",
          "(call $d (i64.const 3) (i64.const 0) (i64.const 0) (i64.const 0))", view);
  EXPECT_EQ(error_path(o), "HostError::ProhibitedInView");
}

}  // namespace
}  // namespace syncwasm::near::test
