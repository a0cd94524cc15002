// The chain state seen while a block is built: buffered writes over the block's store transaction,
// so that one receipt's changes commit together or not at all; and the contract VM's views of it
// (contract storage, namespace and submodule code).
#pragma once

#include <map>

#include "chain/records.h"
#include "near/external.h"
#include "near/sync_interface.h"

namespace syncwasm::chain {

class StateBuffer {
 public:
  explicit StateBuffer(store::ReadTxn& base) : base_(base) {}
  std::optional<Bytes> get(store::Table t, const Bytes& key);
  void put(store::Table t, const Bytes& key, Bytes value) { writes_[{t, key}] = std::move(value); }
  void del(store::Table t, const Bytes& key) { writes_[{t, key}] = std::nullopt; }
  // Key order; buffered writes included.
  void scan(store::Table t, const Bytes& prefix, const std::function<void(const Bytes&, const Bytes&)>& f);
  void commit_into(store::WriteTxn& txn);

  std::optional<AccountRecord> account(const std::string& id);
  void put_account(const std::string& id, const AccountRecord& a) { put(store::Table::accounts, account_key(id), encode(a)); }

 private:
  store::ReadTxn& base_;
  std::map<std::pair<store::Table, Bytes>, std::optional<Bytes>> writes_;
};

class StateExternal : public near::External {
 public:
  explicit StateExternal(StateBuffer& s) : s_(s) {}
  std::optional<near::Bytes> storage_get(const near::StorageScope& sc, const near::Bytes& key) override;
  void storage_set(const near::StorageScope& sc, const near::Bytes& key, const near::Bytes& value) override;
  void storage_remove(const near::StorageScope& sc, const near::Bytes& key) override;
  uint64_t storage_usage_of(const near::StorageScope& sc, uint64_t extra_per_record) override;

 private:
  StateBuffer& s_;
};

class StateCodeSource : public near::CodeSource {
 public:
  explicit StateCodeSource(StateBuffer& s) : s_(s) {}
  std::optional<near::Bytes> namespace_code(const std::string& account, const std::string& ns) override;
  std::optional<near::Bytes> submodule_code(const std::string& account, const std::string& key) override;

 private:
  StateBuffer& s_;
};

}  // namespace syncwasm::chain
