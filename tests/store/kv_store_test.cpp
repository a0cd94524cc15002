// Basic operations: put/get/del, prefix scans, transaction isolation, abort, limits, reopen.
#include "store_test_util.h"

namespace syncwasm::store::test {
namespace {

std::vector<std::string> scan_keys(ReadTxn& r, Table t, std::string_view prefix) {
  std::vector<std::string> keys;
  r.scan(t, b(prefix), [&](auto k, auto) { keys.push_back(str(k)); return true; });
  return keys;
}

TEST(KvStore, PutGetDel) {
  TempDir d;
  auto s = open_ok(d.path);
  ASSERT_TRUE(s);
  put_all(*s, Table::accounts, {{"alice", "1"}, {"bob", "2"}});
  put_all(*s, Table::code, {{"alice", "wasm"}});
  {
    auto r = s->read();
    ASSERT_TRUE(r);
    EXPECT_EQ(str((*r)->get(Table::accounts, b("alice"))), "1");
    EXPECT_EQ(str((*r)->get(Table::code, b("alice"))), "wasm");  // tables are separate key spaces
    EXPECT_EQ((*r)->get(Table::access_keys, b("alice")), std::nullopt);
    EXPECT_EQ((*r)->get(Table::accounts, b("carol")), std::nullopt);
    EXPECT_EQ((*r)->error(), std::nullopt);
  }
  auto w = s->write();
  ASSERT_TRUE(w);
  (*w)->put(Table::accounts, b("alice"), b("10"));  // overwrite
  (*w)->del(Table::accounts, b("bob"));
  (*w)->del(Table::accounts, b("nobody"));  // deleting an absent key is a no-op
  EXPECT_EQ(str((*w)->get(Table::accounts, b("alice"))), "10");  // a writer sees its own writes
  EXPECT_EQ((*w)->get(Table::accounts, b("bob")), std::nullopt);
  ASSERT_TRUE((*w)->commit());
  auto r = s->read();
  EXPECT_EQ(str((*r)->get(Table::accounts, b("alice"))), "10");
  EXPECT_EQ((*r)->get(Table::accounts, b("bob")), std::nullopt);
}

TEST(KvStore, EmptyAndBinaryValues) {
  TempDir d;
  auto s = open_ok(d.path);
  Bytes bin = {0, 1, 0xff, 0};
  auto w = s->write();
  (*w)->put(Table::contract_data, b("empty"), {});
  (*w)->put(Table::contract_data, bin, bin);
  ASSERT_TRUE((*w)->commit());
  auto r = s->read();
  EXPECT_EQ((*r)->get(Table::contract_data, b("empty")), Bytes{});
  EXPECT_EQ((*r)->get(Table::contract_data, bin), bin);
}

TEST(KvStore, ScanPrefixesInKeyOrder) {
  TempDir d;
  auto s = open_ok(d.path);
  put_all(*s, Table::contract_data,
          {{"b", ""}, {"abd", ""}, {"a", ""}, {"ac", ""}, {"abc", ""}, {"ab", ""}, {std::string_view("\xff", 1), ""},
           {std::string_view("\x00", 1), ""}, {std::string_view("ab\xff", 3), ""}});
  put_all(*s, Table::receipts, {{"ab-other-table", ""}});
  auto r = s->read();
  auto& rt = **r;
  EXPECT_EQ(scan_keys(rt, Table::contract_data, "ab"), (std::vector<std::string>{"ab", "abc", "abd", "ab\xff"}));
  EXPECT_EQ(scan_keys(rt, Table::contract_data, "").size(), 9u);
  EXPECT_EQ(scan_keys(rt, Table::contract_data, "").front(), std::string("\x00", 1));  // bytewise, unsigned
  EXPECT_EQ(scan_keys(rt, Table::contract_data, "").back(), "\xff");
  EXPECT_EQ(scan_keys(rt, Table::contract_data, "\xff"), std::vector<std::string>{"\xff"});
  EXPECT_TRUE(scan_keys(rt, Table::contract_data, "abe").empty());
  EXPECT_TRUE(scan_keys(rt, Table::contract_data, "zzz").empty());
  EXPECT_TRUE(scan_keys(rt, Table::accounts, "").empty());

  std::vector<std::string> seen;  // f returning false stops the scan
  rt.scan(Table::contract_data, b("a"), [&](auto k, auto) { seen.push_back(str(k)); return seen.size() < 2; });
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "ab"}));
}

TEST(KvStore, ScanPassesValuesAndMayDeleteWhatItVisits) {
  TempDir d;
  auto s = open_ok(d.path);
  auto w = s->write();
  for (int i = 0; i < 1000; ++i) (*w)->put(Table::receipts, be64(i), be64(i * 7));
  ASSERT_TRUE((*w)->commit());
  w = s->write();
  int visited = 0;
  (*w)->scan(Table::receipts, {}, [&](auto k, auto v) {
    EXPECT_EQ(from_be64(v), from_be64(k) * 7);
    if (from_be64(k) % 2 == 0) (*w)->del(Table::receipts, Bytes(k.begin(), k.end()));
    ++visited;
    return true;
  });
  EXPECT_EQ(visited, 1000);
  ASSERT_TRUE((*w)->commit());
  auto r = s->read();
  int left = 0;
  (*r)->scan(Table::receipts, {}, [&](auto k, auto) { EXPECT_EQ(from_be64(k) % 2, 1u); ++left; return true; });
  EXPECT_EQ(left, 500);
}

TEST(KvStore, CommittingInsideAScanEndsTheScan) {
  TempDir d;
  auto s = open_ok(d.path);
  put_all(*s, Table::meta, {{"a", "1"}, {"b", "2"}});
  auto w = s->write();
  int visited = 0;
  (*w)->scan(Table::meta, {}, [&](auto, auto) {
    ++visited;
    (*w)->put(Table::meta, b("c"), b("3"));
    return (*w)->commit().has_value();
  });
  EXPECT_EQ(visited, 1);
  EXPECT_EQ(str((*s->read())->get(Table::meta, b("c"))), "3");
}

TEST(KvStore, ReadersSeeASnapshot) {
  TempDir d;
  auto s = open_ok(d.path);
  put_all(*s, Table::meta, {{"k", "old"}});
  auto before = s->read();
  put_all(*s, Table::meta, {{"k", "new"}});
  EXPECT_EQ(str((*before)->get(Table::meta, b("k"))), "old");
  EXPECT_EQ(str((*s->read())->get(Table::meta, b("k"))), "new");
}

TEST(KvStore, DroppingAWriteTxnAbortsIt) {
  TempDir d;
  auto s = open_ok(d.path);
  {
    auto w = s->write();
    ASSERT_TRUE(w);
    (*w)->put(Table::blocks, b("1"), b("x"));
  }
  EXPECT_EQ((*s->read())->get(Table::blocks, b("1")), std::nullopt);
  auto w = s->write();  // the writer slot was released
  ASSERT_TRUE(w) << w.error().message;
}

TEST(KvStore, OneWriterAtATime) {
  TempDir d;
  auto s = open_ok(d.path);
  auto w1 = s->write();
  ASSERT_TRUE(w1);
  auto w2 = s->write();
  ASSERT_FALSE(w2);
  EXPECT_EQ(w2.error().kind, ErrorKind::usage);
  EXPECT_NE(w2.error().message.find("write transaction is already open"), std::string::npos);
  EXPECT_TRUE(s->read());  // readers are not blocked by the writer
  ASSERT_TRUE((*w1)->commit());
  EXPECT_TRUE(s->write());
  auto again = (*w1)->commit();
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("already ended"), std::string::npos);
}

TEST(KvStore, BadKeysFailTheWholeCommit) {
  TempDir d;
  auto s = open_ok(d.path);
  auto w = s->write();
  (*w)->put(Table::accounts, b("fine"), b("1"));
  (*w)->put(Table::accounts, Bytes(max_key_size + 1, 'k'), b("2"));
  ASSERT_TRUE((*w)->error());
  auto c = (*w)->commit();
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().kind, ErrorKind::usage);
  EXPECT_NE(c.error().message.find("a key of 512 bytes"), std::string::npos) << c.error().message;
  auto r = s->read();
  EXPECT_EQ((*r)->get(Table::accounts, b("fine")), std::nullopt);  // all or nothing
  EXPECT_EQ((*r)->get(Table::accounts, {}), std::nullopt);  // keys that cannot exist are simply absent
  EXPECT_EQ((*r)->error(), std::nullopt);

  put_all(*s, Table::accounts, {{std::string(max_key_size, 'k'), "max"}});
  EXPECT_EQ(str((*s->read())->get(Table::accounts, Bytes(max_key_size, 'k'))), "max");
}

TEST(KvStore, FullMapIsAClearError) {
  TempDir d;
  auto s = KvStore::open(d.path, 1 << 20);  // 1 MiB instead of 64 GiB
  ASSERT_TRUE(s);
  auto w = (*s)->write();
  (*w)->put(Table::code, b("big"), Bytes(2 << 20, 0xab));
  auto c = (*w)->commit();
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("store is full"), std::string::npos) << c.error().message;
  put_all(**s, Table::code, {{"small", "ok"}});  // the store stays usable
  EXPECT_EQ(str((*(*s)->read())->get(Table::code, b("small"))), "ok");
}

TEST(KvStore, ReopenKeepsCommittedData) {
  TempDir d;
  {
    auto s = open_ok(d.path);
    put_all(*s, Table::outcomes, {{"o1", "done"}});
    auto w = s->write();
    (*w)->put(Table::outcomes, b("o2"), b("never committed"));
  }
  auto s = open_ok(d.path);
  ASSERT_TRUE(s);
  auto r = s->read();
  EXPECT_EQ(str((*r)->get(Table::outcomes, b("o1"))), "done");
  EXPECT_EQ((*r)->get(Table::outcomes, b("o2")), std::nullopt);
}

TEST(KvStore, TransactionsMayOutliveTheStoreObject) {
  TempDir d;
  auto s = open_ok(d.path);
  put_all(*s, Table::meta, {{"k", "v"}});
  auto r = s->read();
  s.reset();
  EXPECT_EQ(str((*r)->get(Table::meta, b("k"))), "v");
  EXPECT_FALSE(KvStore::open(d.path));  // still open through the transaction
  r->reset();
  EXPECT_TRUE(KvStore::open(d.path));
}

TEST(KvStore, TableNames) {
  EXPECT_STREQ(to_string(Table::meta), "meta");
  EXPECT_STREQ(to_string(Table::contract_data), "contract_data");
  EXPECT_STREQ(to_string(Table::outcomes), "outcomes");
}

}  // namespace
}  // namespace syncwasm::store::test
