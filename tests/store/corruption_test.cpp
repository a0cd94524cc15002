// Damaged or foreign files in the store directory must give a clear error, not a crash.
#include <lmdb.h>

#include <fstream>
#include <random>

#include "store_test_util.h"

namespace syncwasm::store::test {
namespace {

void make_store(const fs::path& dir, int records) {
  auto s = open_ok(dir);
  auto w = s->write();
  for (int i = 0; i < records; ++i) (*w)->put(Table::contract_data, be64(i), Bytes(1000, uint8_t(i)));
  ASSERT_TRUE((*w)->commit());
}

void overwrite(const fs::path& file, uint64_t offset, const Bytes& bytes) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(std::streamoff(offset));
  f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

Bytes random_bytes(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  Bytes out(n);
  for (auto& x : out) x = uint8_t(rng());
  return out;
}

void expect_malformed(const fs::path& dir, std::string_view what) {
  auto r = KvStore::open(dir);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::malformed);
  EXPECT_NE(r.error().message.find(what), std::string::npos) << r.error().message;
}

TEST(StoreCorruption, GarbageDataFile) {
  TempDir d;
  make_store(d.path, 10);
  auto file = d.path / "data.mdb";
  overwrite(file, 0, random_bytes(fs::file_size(file), 1));
  expect_malformed(d.path, "is not an LMDB data file");
}

TEST(StoreCorruption, ForeignTextFileAsDataFile) {
  TempDir d;
  std::ofstream(d.path / "data.mdb") << "these are not the pages you are looking for\n";
  expect_malformed(d.path, "is not an LMDB data file");
}

TEST(StoreCorruption, TruncatedDataFile) {
  TempDir d;
  make_store(d.path, 300);
  fs::resize_file(d.path / "data.mdb", 4 * 4096);  // keeps the headers, loses the pages they point to
  expect_malformed(d.path, "is truncated");
}

TEST(StoreCorruption, ForeignLmdbDatabase) {
  TempDir d;
  MDB_env* env;
  ASSERT_EQ(mdb_env_create(&env), 0);
  ASSERT_EQ(mdb_env_open(env, d.path.c_str(), 0, 0644), 0);
  MDB_txn* txn;
  MDB_dbi dbi;
  ASSERT_EQ(mdb_txn_begin(env, nullptr, 0, &txn), 0);
  ASSERT_EQ(mdb_dbi_open(txn, nullptr, 0, &dbi), 0);
  MDB_val k{3, (void*)"foo"}, v{3, (void*)"bar"};
  ASSERT_EQ(mdb_put(txn, dbi, &k, &v, 0), 0);
  ASSERT_EQ(mdb_txn_commit(txn), 0);
  mdb_env_close(env);
  expect_malformed(d.path, "not a syncwasm store");
}

TEST(StoreCorruption, GarbageLockFileIsRebuilt) {
  // lock.mdb holds only reader slots; whoever holds our directory lock may reset it.
  TempDir d;
  make_store(d.path, 10);
  overwrite(d.path / "lock.mdb", 0, random_bytes(8192, 2));
  auto s = open_ok(d.path);
  ASSERT_TRUE(s);
  EXPECT_TRUE((*s->read())->get(Table::contract_data, be64(3)));
}

TEST(StoreCorruption, DirectoryIsAFile) {
  TempDir d;
  std::ofstream(d.path / "file") << "x";
  auto r = KvStore::open(d.path / "file");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("store:"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace syncwasm::store::test
