// A writer process is SIGKILLed at random moments; every reopen must show exactly the committed
// blocks: for meta last=N, blocks 1..N complete and nothing of N+1.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

#include "store_test_util.h"

namespace syncwasm::store::test {
namespace {

constexpr int records_per_block = 50;

Bytes record_key(uint64_t block, uint32_t i) {
  Bytes k = be64(block);
  for (int s = 24; s >= 0; s -= 8) k.push_back(uint8_t(i >> s));
  return k;
}
Bytes record_value(uint64_t block) {
  Bytes v(120, uint8_t(block));  // big enough that a block spans several pages
  Bytes n = be64(block);
  std::copy(n.begin(), n.end(), v.begin());
  return v;
}

uint64_t last_block(ReadTxn& r) {
  auto v = r.get(Table::meta, b("last"));
  return v ? from_be64(*v) : 0;
}

// Writes one transaction per block until killed.
[[noreturn]] void writer_child(const fs::path& dir) {
  auto s = KvStore::open(dir);
  if (!s) _exit(2);
  uint64_t n = last_block(**(*s)->read()) + 1;
  for (;; ++n) {
    auto w = (*s)->write();
    if (!w) _exit(3);
    (*w)->put(Table::blocks, be64(n), record_value(n));
    for (uint32_t i = 0; i < records_per_block; ++i) (*w)->put(Table::transactions, record_key(n, i), record_value(n));
    (*w)->put(Table::meta, b("last"), be64(n));
    if (!(*w)->commit()) _exit(4);
  }
}

// Checks the invariant and returns last.
uint64_t verify(KvStore& s) {
  auto r = s.read();
  EXPECT_TRUE(r);
  if (!r) return 0;
  uint64_t last = last_block(**r);
  uint64_t expected = 1;
  (*r)->scan(Table::blocks, {}, [&](auto k, auto v) {
    EXPECT_EQ(from_be64(k), expected) << "blocks must be 1..last without gaps";
    EXPECT_EQ(Bytes(v.begin(), v.end()), record_value(expected));
    ++expected;
    return true;
  });
  EXPECT_EQ(expected - 1, last) << "block records vs meta last";
  std::map<uint64_t, int> per_block;
  (*r)->scan(Table::transactions, {}, [&](auto k, auto v) {
    uint64_t n = from_be64(k);
    EXPECT_EQ(Bytes(v.begin(), v.end()), record_value(n));
    ++per_block[n];
    return true;
  });
  EXPECT_EQ(per_block.size(), last);
  for (auto [n, count] : per_block) {
    EXPECT_LE(n, last) << "a record of an uncommitted block survived";
    EXPECT_EQ(count, records_per_block) << "block " << n << " is incomplete";
  }
  EXPECT_EQ((*r)->error(), std::nullopt);
  return last;
}

TEST(StoreCrashSafety, SigkillDuringWritesLosesOnlyUncommittedTransactions) {
  TempDir d;
  unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  uint64_t last = 0;
  int round = 0;
  for (; round < 10 || (last == 0 && round < 40); ++round) {  // a loaded machine may need extra rounds
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) writer_child(d.path);
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + rng() % 96));
    kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer failed on its own: exit " << WEXITSTATUS(status);

    auto s = KvStore::open(d.path);
    ASSERT_TRUE(s) << s.error().message;
    uint64_t now = verify(**s);
    ASSERT_GE(now, last) << "committed blocks were lost";
    last = now;
    if (::testing::Test::HasFailure()) return;
  }
  EXPECT_GT(last, 0u) << "the writer never committed; the test proved nothing";
  std::printf("crash test: %llu blocks committed across %d kills\n", (unsigned long long)last, round);

  // The store keeps working after the crashes.
  auto s = open_ok(d.path);
  ASSERT_TRUE(s);
  auto w = s->write();
  ++last;
  (*w)->put(Table::blocks, be64(last), record_value(last));
  for (uint32_t i = 0; i < records_per_block; ++i)
    (*w)->put(Table::transactions, record_key(last, i), record_value(last));
  (*w)->put(Table::meta, b("last"), be64(last));
  ASSERT_TRUE((*w)->commit());
  EXPECT_EQ(verify(*s), last);
}

}  // namespace
}  // namespace syncwasm::store::test
