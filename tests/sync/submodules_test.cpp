// v1 submodules: stateless wasm under a key, the four-function ABI, the same lifecycle and statuses.
#include "sync_test_support.h"

namespace syncwasm::sync::test {
namespace {

const char* kAbi = R"(
  (import "env" "callback" (func $callback (param i64 i64)))
  (import "env" "get_input_size" (func $input_size (result i64)))
  (import "env" "get_input" (func $input (param i64)))
  (import "env" "return_value" (func $return (param i64 i64))))";

std::string submodule(const std::string& body, const std::string& memory = "(memory 1)") {
  return std::string("(module ") + kAbi + memory + body + ")";
}

TEST(Submodules, ReturnsAU64) {
  World w;
  w.add_submodule("answer", submodule(R"((func (export "main") (i64.store (i32.const 0) (i64.const 42))
    (call $return (i64.const 8) (i64.const 0))))"));
  auto r = results(w.run(Script().op(kStartSub, "answer")));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status, 0u);
  EXPECT_EQ(r[0].u64(), 42u);
}

// Yields a u64, is resumed with a u64, returns another: the first data reaches it with the resume.
TEST(Submodules, YieldResumeReturnWithImportedMemory) {
  World w;
  w.add_submodule("counter", submodule(R"((func (export "main")
      (if (i64.ne (call $input_size) (i64.const 0)) (then (unreachable)))
      (i64.store (i32.const 0) (i64.const 7))
      (call $callback (i64.const 8) (i64.const 0))
      (if (i64.ne (call $input_size) (i64.const 8)) (then (unreachable)))
      (call $input (i64.const 16))
      (i64.store (i32.const 24) (i64.mul (i64.load (i32.const 16)) (i64.const 2)))
      (call $return (i64.const 8) (i64.const 24))))", R"((import "env" "memory" (memory 1)))"));
  auto r = results(w.run(Script().op(kStartSub, "counter").op(kResumeSub, "counter", "", u64_bytes(21))));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].status, 1u);
  EXPECT_EQ(r[0].u64(), 7u);
  EXPECT_EQ(r[1].status, 0u);
  EXPECT_EQ(r[1].u64(), 42u);
}

TEST(Submodules, StatusesAndRestrictions) {
  World w;
  w.add_submodule("nomain", submodule(R"((func (export "other")))"));
  w.add_submodule("logs", R"((module (import "env" "log_utf8" (func (param i64 i64))) (func (export "main"))))");
  w.add_submodule("trap", submodule(R"((func (export "main") (unreachable)))"));
  w.add_submodule("gas", R"((module (import "env" "gas" (func (param i32))) (func (export "main"))))");
  auto r = results(w.run(Script()
                             .op(kStartSub, "missing")
                             .op(kStartSub, "nomain")
                             .op(kStartSub, "logs")
                             .op(kStartSub, "trap")
                             .op(kStartSub, "gas")
                             .op(kResumeSub, "trap")));
  std::vector<uint64_t> statuses;
  for (auto& x : r) statuses.push_back(x.status);
  // NotFound, MethodNotFound (no main), CapabilityDenied (log_utf8 and the internal `gas` import), WasmTrap, NotStarted
  EXPECT_EQ(statuses, (std::vector<uint64_t>{200, 300, 700, 600, 700, 500}));
}

TEST(Submodules, RestartableAfterFinishing) {
  World w;
  w.add_submodule("answer", submodule(R"((func (export "main") (i64.store (i32.const 0) (i64.const 42))
    (call $return (i64.const 8) (i64.const 0))))"));
  auto r = results(w.run(Script().op(kStartSub, "answer").op(kStartSub, "answer")));
  EXPECT_EQ(r[0].status, 0u);
  EXPECT_EQ(r[1].status, 0u);
}

}  // namespace
}  // namespace syncwasm::sync::test
