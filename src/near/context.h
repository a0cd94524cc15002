// What a contract call knows about its environment (nearcore's VMContext).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "near/params.h"

namespace syncwasm::near {

using Bytes = std::vector<uint8_t>;

// A promise result as seen by a callback: nullopt = failed.
using PromiseResult = std::optional<Bytes>;

struct VMContext {
  std::string current_account_id = "alice.near";
  std::string current_namespace;  // NEP-480: "" is the default namespace
  std::string signer_account_id = "bob.near";
  Bytes signer_account_pk = Bytes(33, 0);  // borsh PublicKey: 0 (ed25519) + 32 bytes
  std::string predecessor_account_id = "bob.near";
  std::string predecessor_namespace;
  Bytes input;
  uint64_t block_height = 1;
  uint64_t block_timestamp = 1'700'000'000'000'000'000ull;
  uint64_t epoch_height = 1;
  Balance account_balance = Balance(100) * Balance(1'000'000'000'000'000'000ull) * 1'000'000;  // 100 NEAR
  Balance account_locked_balance = 0;
  uint64_t storage_usage = 100;
  Balance attached_deposit = 0;
  Gas prepaid_gas = 300'000'000'000'000ull;
  std::array<uint8_t, 32> random_seed{};
  bool is_view = false;
  std::vector<PromiseResult> promise_results;
  std::string chain_id = "localnet";
};

}  // namespace syncwasm::near
