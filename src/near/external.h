// Contract storage and chain facts the VM reads through an interface (like nearcore's External),
// keyed by account and namespace. The chain layer provides a persistent implementation.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "near/context.h"

namespace syncwasm::near {

struct StorageScope {
  std::string account;
  std::string ns;  // NEP-480 namespace; "" is the default
  auto operator<=>(const StorageScope&) const = default;
};

class External {
 public:
  virtual ~External() = default;
  virtual std::optional<Bytes> storage_get(const StorageScope& s, const Bytes& key) = 0;
  virtual void storage_set(const StorageScope& s, const Bytes& key, const Bytes& value) = 0;
  virtual void storage_remove(const StorageScope& s, const Bytes& key) = 0;
  // Storage usage of one namespace: the sum of key + value + `extra_per_record` over its records.
  virtual uint64_t storage_usage_of(const StorageScope& s, uint64_t extra_per_record) = 0;
  virtual std::optional<Balance> validator_stake(const std::string& account) { return std::nullopt; }
  virtual Balance validator_total_stake() { return 0; }
};

// Plain in-memory storage: the default for `syncwasm exec` and tests.
class MemoryExternal : public External {
 public:
  using Map = std::map<std::pair<StorageScope, Bytes>, Bytes>;
  std::optional<Bytes> storage_get(const StorageScope& s, const Bytes& key) override;
  void storage_set(const StorageScope& s, const Bytes& key, const Bytes& value) override;
  void storage_remove(const StorageScope& s, const Bytes& key) override;
  uint64_t storage_usage_of(const StorageScope& s, uint64_t extra_per_record) override;
  std::optional<Balance> validator_stake(const std::string& account) override;
  Balance validator_total_stake() override;

  Map data;
  std::map<std::string, Balance> validators;
};

// Buffers writes over another External until commit(); dropping it discards them. Calls that fail
// (and failed synchronous callees) are reverted this way.
class OverlayExternal : public External {
 public:
  explicit OverlayExternal(External& base) : base_(base) {}
  std::optional<Bytes> storage_get(const StorageScope& s, const Bytes& key) override;
  void storage_set(const StorageScope& s, const Bytes& key, const Bytes& value) override;
  void storage_remove(const StorageScope& s, const Bytes& key) override;
  uint64_t storage_usage_of(const StorageScope& s, uint64_t extra_per_record) override;
  std::optional<Balance> validator_stake(const std::string& account) override { return base_.validator_stake(account); }
  Balance validator_total_stake() override { return base_.validator_total_stake(); }
  void commit();

 private:
  External& base_;
  std::map<std::pair<StorageScope, Bytes>, std::optional<Bytes>> writes_;  // nullopt = removed
};

}  // namespace syncwasm::near
