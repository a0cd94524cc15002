// Read and write transactions over the shared LMDB environment, and LMDB error messages.
#include <algorithm>
#include <cerrno>
#include <string>
#include <utility>

#include "store/env.h"

namespace syncwasm::store::detail {

static Error store_error(ErrorKind k, std::string message) { return Error{k, std::move(message), std::nullopt}; }

// ErrorKind has no storage kind: damaged or foreign files are `malformed`, everything else `usage`.
Error lmdb_error(const Env& e, std::string_view what, int rc) {
  std::string where = e.dir.string();
  std::string lmdb = mdb_strerror(rc);
  std::string op(what);
  std::string map = std::to_string(e.map_size >> 20) + " MiB";
  switch (rc) {
    case MDB_MAP_FULL:
      return store_error(ErrorKind::usage,
                         "store is full: " + op + " needs more than its map of " + map + " (" + where + ")");
    case MDB_TXN_FULL:
      return store_error(ErrorKind::usage, "store: " + op + ": the transaction is too large (" + lmdb + "); split it");
    case MDB_INVALID:
      return store_error(ErrorKind::malformed,
                         "store: " + where + "/data.mdb is not an LMDB data file (corrupt or foreign): " + lmdb);
    case MDB_VERSION_MISMATCH:
      return store_error(ErrorKind::malformed, "store: " + where + " was written by an incompatible LMDB version: " + lmdb);
    case MDB_CORRUPTED:
    case MDB_PAGE_NOTFOUND:
      return store_error(ErrorKind::malformed, "store: " + where + " is corrupt (" + op + "): " + lmdb);
    case MDB_READERS_FULL:
      return store_error(ErrorKind::usage, "store: too many read transactions are open (" + lmdb + ")");
    case ENOMEM:
      return store_error(ErrorKind::usage,
                         "store: " + op + " in " + where + " failed: out of memory or address space (map of " + map + ")");
    default:
      return store_error(ErrorKind::usage, "store: " + op + " in " + where + " failed: " + lmdb);
  }
}

namespace {

MDB_val val(std::span<const uint8_t> s) { return {s.size(), const_cast<uint8_t*>(s.data())}; }
std::span<const uint8_t> span(const MDB_val& v) { return {static_cast<const uint8_t*>(v.mv_data), v.mv_size}; }
bool storable_key(std::span<const uint8_t> k) { return !k.empty() && k.size() <= max_key_size; }

struct Cursor {
  MDB_cursor* c = nullptr;
  ~Cursor() { if (c) mdb_cursor_close(c); }
};

// One class for both kinds; read() hands it out as a ReadTxn, so put/del are unreachable there.
class Txn final : public WriteTxn {
 public:
  Txn(std::shared_ptr<Env> env, MDB_txn* txn, bool write) : env_(std::move(env)), txn_(txn), holds_writer_(write) {}
  ~Txn() override {
    if (txn_) mdb_txn_abort(txn_);
    release_writer();
  }

  std::optional<Bytes> get(Table t, std::span<const uint8_t> key) override {
    if (!usable(t) || !storable_key(key)) return std::nullopt;
    MDB_val k = val(key), v;
    int rc = mdb_get(txn_, dbi(t), &k, &v);
    if (rc == 0) return Bytes(span(v).begin(), span(v).end());
    if (rc != MDB_NOTFOUND) fail(std::string("get from ") + to_string(t), rc);
    return std::nullopt;
  }

  void scan(Table t, std::span<const uint8_t> prefix, const ScanFn& f) override {
    if (!usable(t) || prefix.size() > max_key_size) return;
    Cursor cur;
    if (int rc = mdb_cursor_open(txn_, dbi(t), &cur.c)) return fail(std::string("scan ") + to_string(t), rc);
    MDB_val k = val(prefix), v;
    int rc = mdb_cursor_get(cur.c, &k, &v, prefix.empty() ? MDB_FIRST : MDB_SET_RANGE);
    for (; rc == 0; rc = mdb_cursor_get(cur.c, &k, &v, MDB_NEXT)) {
      auto key = span(k);
      if (key.size() < prefix.size() || !std::equal(prefix.begin(), prefix.end(), key.begin())) return;
      bool more = f(key, span(v));
      if (!txn_) {  // f committed this transaction, which freed the cursor with it
        cur.c = nullptr;
        return;
      }
      if (!more) return;
    }
    if (rc != MDB_NOTFOUND) fail(std::string("scan ") + to_string(t), rc);
  }

  std::optional<Error> error() const override { return error_; }

  void put(Table t, std::span<const uint8_t> key, std::span<const uint8_t> value) override {
    if (!usable(t)) return;
    if (!storable_key(key)) return bad_key("put into", t, key);
    MDB_val k = val(key), v = val(value);
    if (int rc = mdb_put(txn_, dbi(t), &k, &v, 0)) fail(std::string("put into ") + to_string(t), rc);
  }

  void del(Table t, std::span<const uint8_t> key) override {
    if (!usable(t)) return;
    if (!storable_key(key)) return bad_key("delete from", t, key);
    MDB_val k = val(key);
    int rc = mdb_del(txn_, dbi(t), &k, nullptr);
    if (rc != 0 && rc != MDB_NOTFOUND) fail(std::string("delete from ") + to_string(t), rc);
  }

  Result<void> commit() override {
    if (!txn_) return make_error(ErrorKind::usage, "store: commit of a transaction that has already ended");
    MDB_txn* txn = std::exchange(txn_, nullptr);
    if (error_) {  // all or nothing: an earlier failed put/del voids the whole transaction
      mdb_txn_abort(txn);
      release_writer();
      return std::unexpected(*error_);
    }
    int rc = mdb_txn_commit(txn);  // frees the transaction even when it fails
    release_writer();
    if (rc) return std::unexpected(lmdb_error(*env_, "commit", rc));
    return {};
  }

 private:
  MDB_dbi dbi(Table t) const { return env_->dbis[size_t(t)]; }

  bool usable(Table t) {
    if (txn_ && size_t(t) < table_count) return true;
    if (!error_)
      error_ = store_error(ErrorKind::usage, txn_ ? "store: no table " + std::to_string(int(t))
                                                  : std::string("store: use of a transaction that has already ended"));
    return false;
  }

  void fail(std::string what, int rc) {
    if (!error_) error_ = lmdb_error(*env_, what, rc);  // the first failure is the cause; later ones follow from it
  }

  void bad_key(const char* op, Table t, std::span<const uint8_t> key) {
    if (!error_)
      error_ = store_error(ErrorKind::usage, std::string("store: ") + op + " " + to_string(t) + ": a key of " +
                                                 std::to_string(key.size()) + " bytes (keys must have 1.." +
                                                 std::to_string(max_key_size) + " bytes)");
  }

  void release_writer() {
    if (holds_writer_) env_->writer_active = false;
    holds_writer_ = false;
  }

  std::shared_ptr<Env> env_;
  MDB_txn* txn_;
  bool holds_writer_;
  std::optional<Error> error_;
};

}  // namespace

Result<std::unique_ptr<WriteTxn>> begin_txn(const std::shared_ptr<Env>& env, bool write) {
  if (write && env->writer_active.exchange(true))
    return make_error(ErrorKind::usage, "store: a write transaction is already open on " + env->dir.string());
  MDB_txn* txn = nullptr;
  if (int rc = mdb_txn_begin(env->env, nullptr, write ? 0 : MDB_RDONLY, &txn)) {
    if (write) env->writer_active = false;
    return std::unexpected(lmdb_error(*env, write ? "begin write" : "begin read", rc));
  }
  return std::make_unique<Txn>(env, txn, write);
}

}  // namespace syncwasm::store::detail
