#include "store/kv_store.h"

#include <sys/stat.h>

#include "store/env.h"

namespace syncwasm::store {

namespace {

using detail::Env;

// Written into LMDB's main database when the store is created, so that a foreign LMDB
// environment is refused instead of silently adopted. Bump the version on incompatible changes.
constexpr std::string_view format_key = "syncwasm-store-format";
constexpr std::string_view format_version = "1";

MDB_val val(std::string_view s) { return {s.size(), const_cast<char*>(s.data())}; }

Result<void> check_not_truncated(const Env& e) {
  MDB_envinfo info;
  MDB_stat st;
  mdb_env_info(e.env, &info);
  mdb_env_stat(e.env, &st);
  auto file = e.dir / "data.mdb";
  struct stat sb;
  if (::stat(file.c_str(), &sb) != 0) return make_error(ErrorKind::usage, "store: cannot stat " + file.string());
  uint64_t needed = (uint64_t(info.me_last_pgno) + 1) * st.ms_psize;
  // Pages past the end of the file would raise SIGBUS when read through the map.
  if (uint64_t(sb.st_size) < needed)
    return make_error(ErrorKind::malformed, "store: " + file.string() + " is truncated (" + std::to_string(sb.st_size) +
                                                " bytes, its header says " + std::to_string(needed) + "): corrupt");
  return {};
}

// Creates the tables and the format marker in a new store, or checks the marker of an existing one.
Result<void> open_tables(Env& e) {
  MDB_txn* txn = nullptr;
  if (int rc = mdb_txn_begin(e.env, nullptr, 0, &txn)) return std::unexpected(detail::lmdb_error(e, "begin", rc));
  auto fail = [&](std::string_view what, int rc) {
    mdb_txn_abort(txn);
    return std::unexpected(detail::lmdb_error(e, what, rc));
  };
  MDB_dbi main;
  if (int rc = mdb_dbi_open(txn, nullptr, 0, &main)) return fail("open main database", rc);
  MDB_stat st;
  if (int rc = mdb_stat(txn, main, &st)) return fail("read main database", rc);
  bool fresh = st.ms_entries == 0;  // also a store whose creating process died before its first commit
  if (fresh) {
    MDB_val k = val(format_key), v = val(format_version);
    if (int rc = mdb_put(txn, main, &k, &v, 0)) return fail("write format marker", rc);
  } else {
    MDB_val k = val(format_key), v;
    int rc = mdb_get(txn, main, &k, &v);
    if (rc == MDB_NOTFOUND) {
      mdb_txn_abort(txn);
      return make_error(ErrorKind::malformed,
                        "store: " + e.dir.string() + " holds an LMDB database that is not a syncwasm store");
    }
    if (rc) return fail("read format marker", rc);
    std::string_view got(static_cast<const char*>(v.mv_data), v.mv_size);
    if (got != format_version) {
      mdb_txn_abort(txn);
      return make_error(ErrorKind::malformed, "store: " + e.dir.string() + " has format version '" + std::string(got) +
                                                  "', this build reads version " + std::string(format_version));
    }
  }
  for (size_t i = 0; i < table_count; ++i) {
    const char* name = to_string(Table(i));
    if (int rc = mdb_dbi_open(txn, name, MDB_CREATE, &e.dbis[i])) return fail(std::string("open table ") + name, rc);
  }
  if (int rc = mdb_txn_commit(txn)) return std::unexpected(detail::lmdb_error(e, "commit table creation", rc));
  return {};
}

}  // namespace

const char* to_string(Table t) {
  static constexpr const char* names[table_count] = {"meta", "accounts", "access_keys", "code", "contract_data",
                                                     "submodules", "prepared", "blocks", "transactions", "receipts",
                                                     "outcomes"};
  return size_t(t) < table_count ? names[size_t(t)] : "?";
}

ReadTxn::~ReadTxn() = default;

KvStore::KvStore(std::shared_ptr<detail::Env> env) : env_(std::move(env)) {}
KvStore::~KvStore() = default;

const std::filesystem::path& KvStore::dir() const { return env_->dir; }

Result<std::unique_ptr<KvStore>> KvStore::open(const std::filesystem::path& dir, uint64_t map_size) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return make_error(ErrorKind::usage, "store: cannot create directory " + dir.string() + ": " + ec.message());
  if (!std::filesystem::is_directory(dir, ec))
    return make_error(ErrorKind::usage, "store: " + dir.string() + " is not a directory");

  // Lock first: LMDB must never see a second open of the same environment.
  auto lock = detail::DirLock::acquire(dir);
  if (!lock) return std::unexpected(lock.error());
  auto e = std::make_shared<Env>(dir, std::move(*lock), map_size);

  auto fail = [&](std::string_view what, int rc) { return std::unexpected(detail::lmdb_error(*e, what, rc)); };
  if (int rc = mdb_env_create(&e->env)) return fail("create environment", rc);
  if (int rc = mdb_env_set_maxdbs(e->env, table_count)) return fail("set maxdbs", rc);
  if (int rc = mdb_env_set_mapsize(e->env, map_size)) return fail("set map size", rc);
  // MDB_NOTLS: transactions are objects, not bound to threads. No MDB_NOSYNC/NOMETASYNC: every
  // commit is durable. On failure ~Env still calls mdb_env_close, as LMDB requires.
  if (int rc = mdb_env_open(e->env, dir.c_str(), MDB_NOTLS, 0644)) return fail("open", rc);
  if (size_t(mdb_env_get_maxkeysize(e->env)) < max_key_size)
    return make_error(ErrorKind::usage, "store: this LMDB build accepts keys of only " +
                                            std::to_string(mdb_env_get_maxkeysize(e->env)) + " bytes");
  if (auto r = check_not_truncated(*e); !r) return std::unexpected(r.error());
  int stale;
  mdb_reader_check(e->env, &stale);  // drops reader slots of dead processes, if any
  if (auto r = open_tables(*e); !r) return std::unexpected(r.error());
  return std::unique_ptr<KvStore>(new KvStore(std::move(e)));
}

Result<std::unique_ptr<ReadTxn>> KvStore::read() {
  auto t = detail::begin_txn(env_, false);
  if (!t) return std::unexpected(t.error());
  return std::unique_ptr<ReadTxn>(std::move(*t));
}

Result<std::unique_ptr<WriteTxn>> KvStore::write() { return detail::begin_txn(env_, true); }

}  // namespace syncwasm::store
