// Internal: the open LMDB environment shared by a KvStore and its live transactions.
#pragma once

#include <array>
#include <atomic>
#include <lmdb.h>
#include <string_view>

#include "store/dir_lock.h"
#include "store/kv_store.h"

namespace syncwasm::store::detail {

struct Env {
  Env(std::filesystem::path d, DirLock l, uint64_t map) : dir(std::move(d)), lock(std::move(l)), map_size(map) {}
  Env(const Env&) = delete;
  ~Env() { if (env) mdb_env_close(env); }  // before `lock` is released (members die after the body)

  std::filesystem::path dir;
  DirLock lock;
  uint64_t map_size;
  MDB_env* env = nullptr;
  std::array<MDB_dbi, table_count> dbis{};
  std::atomic<bool> writer_active{false};
};

// A clear Error for an LMDB return code; `what` names the operation ("commit", "put into code", ...).
Error lmdb_error(const Env& env, std::string_view what, int rc);

Result<std::unique_ptr<WriteTxn>> begin_txn(const std::shared_ptr<Env>& env, bool write);

}  // namespace syncwasm::store::detail
