// A local single-node chain on the persistent store: accounts with access keys, transactions in
// NEAR's layout, receipts processed block by block until none are left, one store transaction per
// block. Contract calls run through the NEAR VM with synchronous calls to namespaces and submodules.
#pragma once

#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "chain/state.h"
#include "near/runner.h"

namespace syncwasm::chain {

// NEAR's minimum gas price (yoctoNEAR per gas); the local chain keeps it constant.
constexpr u128 kGasPrice = 100'000'000;
constexpr u128 kOneNear = u128(1'000'000'000'000'000'000ull) * 1'000'000;

struct SubmitResult {
  CryptoHash tx_hash{};
  nlohmann::json outcome;  // the transaction's outcome with its receipts (see docs/chain.md)
  bool success = false;
};

class Chain {
 public:
  static Result<std::unique_ptr<Chain>> open(const std::filesystem::path& dir, near::Params params = {});

  // The first account, with a full-access key; fails if the chain already has a genesis.
  Result<void> genesis(const std::string& account, const PublicKey& key, u128 balance);
  // Validates and applies a signed transaction, then runs its receipts to completion.
  Result<SubmitResult> submit(const SignedTransaction& tx);

  bool has_genesis();
  std::optional<AccountRecord> account(const std::string& id);
  std::optional<AccessKey> access_key(const std::string& id, const PublicKey& pk);
  std::vector<std::pair<PublicKey, AccessKey>> access_keys(const std::string& id);
  // A view call (no state change) of `method` on the account's namespace.
  near::VMOutcome view(const std::string& account, const std::string& ns, const std::string& method, const Bytes& args);
  std::vector<std::pair<Bytes, Bytes>> view_state(const std::string& account, const std::string& ns);
  std::optional<nlohmann::json> transaction_outcome(const CryptoHash& hash);
  uint64_t head();
  CryptoHash head_hash();
  const near::Params& params() const { return params_; }

 private:
  Chain(std::unique_ptr<store::KvStore> kv, near::Params p) : kv_(std::move(kv)), params_(std::move(p)) {}

  std::unique_ptr<store::KvStore> kv_;
  near::Params params_;
  near::ContractCache cache_;
};

}  // namespace syncwasm::chain
