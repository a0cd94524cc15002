// The local chain's persistent key-value store: one LMDB environment in a directory, one
// sub-database per Table, ACID transactions. See docs/store.md for the durability guarantees.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "syncwasm/types.h"

namespace syncwasm::store {

using Bytes = std::vector<uint8_t>;

enum class Table : uint8_t {
  meta, accounts, access_keys, code, contract_data, submodules, prepared, blocks, transactions, receipts, outcomes
};
inline constexpr size_t table_count = size_t(Table::outcomes) + 1;
const char* to_string(Table t);  // the sub-database name, e.g. "contract_data"

// LMDB (as built by Debian) accepts keys of 1..511 bytes; callers with longer natural keys
// (e.g. NEAR storage keys of up to 2 KiB) must map them to shorter ones themselves.
inline constexpr size_t max_key_size = 511;
inline constexpr uint64_t default_map_size = uint64_t(64) << 30;  // virtual only: the file grows as used

using ScanFn = std::function<bool(std::span<const uint8_t> key, std::span<const uint8_t> value)>;

// A consistent snapshot. Use it from one thread at a time; end it before long pauses, since an open
// reader keeps the pages of its snapshot from being reused.
class ReadTxn {
 public:
  virtual ~ReadTxn();
  // nullopt when absent (also for keys that could never be stored: empty or longer than max_key_size).
  virtual std::optional<Bytes> get(Table t, std::span<const uint8_t> key) = 0;
  // Calls f(key, value) for every key starting with prefix, in key order (bytewise); stops when f
  // returns false. The spans are valid only during the call.
  virtual void scan(Table t, std::span<const uint8_t> prefix, const ScanFn& f) = 0;
  // The first failure seen by this transaction (a corrupt page, an oversized key, a full map, ...):
  // get and scan cannot return it, so it is kept here; a WriteTxn's commit() returns it.
  virtual std::optional<Error> error() const = 0;
};

class WriteTxn : public ReadTxn {
 public:
  // Failures are kept (see error()) and make commit() fail; deleting an absent key is a no-op.
  virtual void put(Table t, std::span<const uint8_t> key, std::span<const uint8_t> value) = 0;
  virtual void del(Table t, std::span<const uint8_t> key) = 0;
  virtual Result<void> commit() = 0;  // all or nothing; dropping a WriteTxn without commit aborts it
};

namespace detail { struct Env; }

class KvStore {
 public:
  // Opens (creating if missing) the store in `dir`. Only one KvStore may have it open at a time,
  // in any process: a second open fails with Error{usage, "store is in use: <dir>"}.
  static Result<std::unique_ptr<KvStore>> open(const std::filesystem::path& dir,
                                               uint64_t map_size = default_map_size);
  ~KvStore();

  Result<std::unique_ptr<ReadTxn>> read();
  // One writer at a time: while a WriteTxn is alive, write() fails at once instead of waiting
  // (waiting in the same thread would deadlock).
  Result<std::unique_ptr<WriteTxn>> write();

  const std::filesystem::path& dir() const;

 private:
  explicit KvStore(std::shared_ptr<detail::Env> env);
  std::shared_ptr<detail::Env> env_;  // shared with live transactions, so they may outlive the KvStore
};

}  // namespace syncwasm::store
