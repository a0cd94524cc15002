// Running WAT contracts through the NEAR runner in tests. `free_wasm()` parameters make wasm
// execution and contract loading cost nothing, so burnt gas is exactly the host functions' charges.
#pragma once

#include <gtest/gtest.h>

#include "near/host_table.h"
#include "near/runner.h"
#include "support/wat.h"

namespace syncwasm::near::test {

inline Params free_wasm() {
  Params p;
  p.wasm.regular_op_cost = 0;
  p.wasm.linear_op_base_cost = 0;
  p.wasm.linear_op_unit_cost = 0;
  p.wasm.contract_loading_base = 0;
  p.wasm.contract_loading_bytes = 0;
  return p;
}

// Imports every host function a test may need, with nearcore's signatures, plus a memory.
inline std::string contract(const std::string& body) {
  return R"((module
  (import "env" "read_register" (func $read_register (param i64 i64)))
  (import "env" "register_len" (func $register_len (param i64) (result i64)))
  (import "env" "write_register" (func $write_register (param i64 i64 i64)))
  (import "env" "input" (func $input (param i64)))
  (import "env" "value_return" (func $value_return (param i64 i64)))
  (import "env" "panic" (func $panic))
  (import "env" "panic_utf8" (func $panic_utf8 (param i64 i64)))
  (import "env" "log_utf8" (func $log_utf8 (param i64 i64)))
  (import "env" "log_utf16" (func $log_utf16 (param i64 i64)))
  (import "env" "abort" (func $abort (param i32 i32 i32 i32)))
  (import "env" "block_index" (func $block_index (result i64)))
  (import "env" "current_account_id" (func $current_account_id (param i64)))
  (import "env" "signer_account_id" (func $signer_account_id (param i64)))
  (import "env" "predecessor_account_id" (func $predecessor_account_id (param i64)))
  (import "env" "attached_deposit" (func $attached_deposit (param i64)))
  (import "env" "account_balance" (func $account_balance (param i64)))
  (import "env" "prepaid_gas" (func $prepaid_gas (result i64)))
  (import "env" "used_gas" (func $used_gas (result i64)))
  (import "env" "storage_write" (func $storage_write (param i64 i64 i64 i64 i64) (result i64)))
  (import "env" "storage_read" (func $storage_read (param i64 i64 i64) (result i64)))
  (import "env" "storage_remove" (func $storage_remove (param i64 i64 i64) (result i64)))
  (import "env" "storage_has_key" (func $storage_has_key (param i64 i64) (result i64)))
  (import "env" "storage_usage" (func $storage_usage (result i64)))
  (import "env" "storage_iter_prefix" (func $storage_iter_prefix (param i64 i64) (result i64)))
  (import "env" "sha256" (func $sha256 (param i64 i64 i64)))
  (import "env" "keccak256" (func $keccak256 (param i64 i64 i64)))
  (import "env" "keccak512" (func $keccak512 (param i64 i64 i64)))
  (import "env" "ripemd160" (func $ripemd160 (param i64 i64 i64)))
  (import "env" "ecrecover" (func $ecrecover (param i64 i64 i64 i64 i64 i64 i64) (result i64)))
  (import "env" "ed25519_verify" (func $ed25519_verify (param i64 i64 i64 i64 i64 i64) (result i64)))
  (import "env" "alt_bn128_g1_sum" (func $alt_bn128_g1_sum (param i64 i64 i64)))
  (import "env" "promise_create" (func $promise_create (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
  (import "env" "promise_then" (func $promise_then (param i64 i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
  (import "env" "promise_and" (func $promise_and (param i64 i64) (result i64)))
  (import "env" "promise_batch_create" (func $promise_batch_create (param i64 i64) (result i64)))
  (import "env" "promise_batch_action_transfer" (func $promise_batch_action_transfer (param i64 i64)))
  (import "env" "promise_return" (func $promise_return (param i64)))
  (import "env" "promise_results_count" (func $promise_results_count (result i64)))
  (import "env" "promise_result" (func $promise_result (param i64 i64) (result i64)))
  (import "env" "gas" (func $gas (param i32)))
  (import "env" "start_submodule" (func $start_submodule (param i64 i64 i64 i64) (result i64)))
  (memory (export "memory") 1)
)" + body + ")";
}

struct Run {
  VMOutcome outcome;
  MemoryExternal ext;
};

inline VMOutcome run(const std::string& body, const std::string& method, VMContext ctx = {},
                     const Params& p = free_wasm(), External* ext = nullptr) {
  static ContractCache cache;
  MemoryExternal local;
  std::vector<uint8_t> code = syncwasm::test::wat(contract(body));
  return run_method(code, method, ctx, p, ext ? *ext : local, cache);
}

inline std::string error_path(const VMOutcome& o) {
  if (!o.aborted) return "none";
  std::string s;
  for (const std::string& p : o.aborted->path()) s += (s.empty() ? "" : "::") + p;
  return s;
}

inline std::string returned(const VMOutcome& o) {
  return std::string(o.return_data.value.begin(), o.return_data.value.end());
}

}  // namespace syncwasm::near::test
