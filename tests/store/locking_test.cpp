// Only one KvStore may have a directory open, whether the other opener is in this process or another.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store_test_util.h"

namespace syncwasm::store::test {
namespace {

void expect_in_use(const Result<std::unique_ptr<KvStore>>& r, const fs::path& dir) {
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::usage);
  EXPECT_EQ(r.error().message, "store is in use: " + dir.string());
}

TEST(StoreLocking, SecondOpenInProcessFails) {
  TempDir d;
  auto first = open_ok(d.path);
  ASSERT_TRUE(first);
  expect_in_use(KvStore::open(d.path), d.path);
  first.reset();
  EXPECT_TRUE(KvStore::open(d.path));  // released on close
}

TEST(StoreLocking, OpenFromAChildWhileTheParentHoldsItFails) {
  TempDir d;
  auto s = open_ok(d.path);
  put_all(*s, Table::meta, {{"k", "v"}});
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // No gtest assertions here: report through the exit code, and skip destructors with _exit.
    auto r = KvStore::open(d.path);
    _exit(!r && r.error().message == "store is in use: " + d.path.string() ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  EXPECT_EQ(str((*s->read())->get(Table::meta, b("k"))), "v");  // the parent's store is unaffected
}

TEST(StoreLocking, OpenWhileAChildHoldsItFailsUntilTheChildDies) {
  TempDir d;
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto s = KvStore::open(d.path);
    char c = s ? 'y' : 'n';
    (void)!write(ready[1], &c, 1);
    for (;;) pause();  // hold the store until killed
  }
  close(ready[1]);
  char c = 0;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  close(ready[0]);
  ASSERT_EQ(c, 'y');
  expect_in_use(KvStore::open(d.path), d.path);
  kill(pid, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(open_ok(d.path));  // the kernel dropped the dead holder's lock
}

}  // namespace
}  // namespace syncwasm::store::test
