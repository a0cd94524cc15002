// Hostile contracts: each attacks the runtime and must end with the right error, in bounded time and
// memory, with nearcore's default limits (PV86 parameters).
#include <chrono>

#include "near_test_support.h"
#include "sync/run.h"

namespace syncwasm::near::test {
namespace {

struct Timed {
  VMOutcome o;
  double seconds;
};

Timed attack(const std::string& body, Gas prepaid = 300'000'000'000'000ull, const Params& p = {}) {
  static ContractCache cache;
  MemoryExternal ext;
  sync::MapCodeSource code;
  code.namespaces["self"] = syncwasm::test::wat(contract(body));
  VMContext ctx;
  ctx.prepaid_gas = prepaid;
  auto start = std::chrono::steady_clock::now();
  VMOutcome o = sync::run_method(code.namespaces["self"], "main", ctx, p, ext, cache, code);
  return {o, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
}

// Bounded: even the slowest attack with 300 Tgas ends within seconds (checked loosely: a hang would
// be caught by ctest's timeout, this documents the scale).
constexpr double kGenerous = 30.0;

TEST(Hostile, InfiniteLoopRunsOutOfGas) {
  auto t = attack(R"((func (export "main") (loop (br 0))))");
  EXPECT_EQ(error_path(t.o), "HostError::GasExceeded");
  EXPECT_EQ(t.o.burnt_gas, 300'000'000'000'000ull);
  EXPECT_LT(t.seconds, kGenerous);
}

TEST(Hostile, DeepRecursionHitsTheStackBudget) {
  auto t = attack(R"((func $f (export "main") (call $f)))");
  EXPECT_EQ(error_path(t.o), "HostError::MemoryAccessViolation");
  // Recursion with many locals per frame exhausts it sooner, still with the same error.
  t = attack(R"((func $g (export "main") (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64) (call $g)))");
  EXPECT_EQ(error_path(t.o), "HostError::MemoryAccessViolation");
}

TEST(Hostile, MemoryGrowStopsAtTheLimit) {
  auto t = attack(R"((func (export "main") (loop (br_if 0 (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (if (i32.ne (memory.size) (i32.const 2048)) (then (unreachable)))))");
  EXPECT_FALSE(t.o.aborted) << error_path(t.o);
}

TEST(Hostile, WholeMemoryFillAndCopyPayLinearGas) {
  auto t = attack(R"((func (export "main") (loop
      (memory.fill (i32.const 0) (i32.const 7) (i32.const 67108864))
      (memory.copy (i32.const 0) (i32.const 1) (i32.const 67108863)) (br 0))))");
  EXPECT_EQ(error_path(t.o), "HostError::GasExceeded");
  EXPECT_LT(t.seconds, kGenerous);
}

TEST(Hostile, RegisterAndLogFloods) {
  auto t = attack(R"((func (export "main") (local i64)
    (loop (call $write_register (local.get 0) (i64.const 1) (i64.const 0))
          (local.set 0 (i64.add (local.get 0) (i64.const 1))) (br 0))))");
  EXPECT_EQ(error_path(t.o), "HostError::MemoryAccessViolation");  // the register count limit
  t = attack(R"((func (export "main") (loop (call $log_utf8 (i64.const 10) (i64.const 0)) (br 0))))");
  EXPECT_EQ(error_path(t.o), "HostError::NumberOfLogsExceeded");
  EXPECT_EQ(t.o.logs.size(), 100u);
  t = attack(R"((func (export "main") (call $log_utf8 (i64.const 20000) (i64.const 0))))");
  EXPECT_EQ(error_path(t.o), "HostError::TotalLogLengthExceeded");
}

TEST(Hostile, GiantReturnValue) {
  auto t = attack(R"((func (export "main") (call $value_return (i64.const 5000000) (i64.const 0))))");
  EXPECT_EQ(error_path(t.o), "HostError::ReturnedValueLengthExceeded");
  t = attack(R"((func (export "main") (call $value_return (i64.const 0xFFFFFFFFFFFF) (i64.const 0))))");
  EXPECT_TRUE(error_path(t.o) == "HostError::GasLimitExceeded" || error_path(t.o) == "HostError::IntegerOverflow" ||
              error_path(t.o) == "HostError::GasExceeded")
      << error_path(t.o);  // the per-byte charge comes before the read
}

TEST(Hostile, HugeFunctionsAndBlocksAreRejectedAtPreparation) {
  std::string nested;
  for (int i = 0; i < 6000; ++i) nested += "(block ";
  for (int i = 0; i < 6000; ++i) nested += ")";
  auto t = attack("(func (export \"main\") " + nested + ")");
  EXPECT_EQ(error_path(t.o), "CompilationError::PrepareError::TooManyBlocksPerFunction");
  std::string targets;
  for (int i = 0; i < 20000; ++i) targets += "0 ";
  t = attack("(func (export \"main\") (block (br_table " + targets + "0 (i32.const 5))))");
  EXPECT_FALSE(t.o.aborted) << error_path(t.o);  // a huge br_table is fine if the body fits
}

// Many locals. 50,000 in one function (the decoder's per-function maximum, wasmparser's, which
// nearcore uses): the frame is larger than the stack budget (finite-wasm counts locals in the frame),
// so the call fails at entry before anything runs. One more local is malformed; past
// max_locals_per_contract, preparation refuses the contract.
std::string many_locals(int n) {
  std::string locals;
  for (int i = 0; i < n; ++i) locals += "i64 ";
  return "(func (export \"main\") (local " + locals + "))";
}

TEST(Hostile, ManyLocals) {
  auto t = attack(many_locals(50000));
  EXPECT_EQ(error_path(t.o), "HostError::MemoryAccessViolation");  // nearcore's stack-height error
  EXPECT_EQ(t.o.aborted->message, "stack height exceeded");
  EXPECT_LT(t.o.burnt_gas, 1'000'000'000'000ull);  // loading and the entry charge: under 1 Tgas
  EXPECT_LT(t.seconds, kGenerous);
  t = attack(many_locals(50001));
  EXPECT_EQ(error_path(t.o), "CompilationError::PrepareError::Deserialization");
  Params p;
  p.limit.max_locals_per_contract = 49999;
  t = attack(many_locals(50000), 300'000'000'000'000ull, p);
  EXPECT_EQ(error_path(t.o), "CompilationError::PrepareError::TooManyLocals");
}

// A caller that resumes its callee forever: every round trip pays the resume fee and the callee's
// gas, so the caller runs out of gas in bounded time instead of looping forever.
TEST(Hostile, EndlessRoundTripsAreBoundedByGas) {
  static ContractCache cache;
  MemoryExternal ext;
  sync::MapCodeSource code;
  code.namespaces["x"] = syncwasm::test::wat(R"((module (import "env" "callback" (func $cb (param i64 i64 i64))) (memory 1)
    (func (export "pp") (loop (call $cb (i64.const 8) (i64.const 0) (i64.const 3)) (br 0)))))");
  std::string parent = R"((module
    (import "env" "sync_function_call" (func $call (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
    (import "env" "resume_sync_call" (func $resume (param i64 i64 i64 i64 i64) (result i64)))
    (memory 1) (data (i32.const 0) "x") (data (i32.const 8) "pp")
    (func (export "main")
      (drop (call $call (i64.const 1) (i64.const 0) (i64.const 2) (i64.const 8) (i64.const 0) (i64.const 0)
                        (i64.const 100000000000000) (i64.const 1)))
      (loop (drop (call $resume (i64.const 1) (i64.const 0) (i64.const 8) (i64.const 16) (i64.const 1))) (br 0)))))";
  VMContext ctx;
  auto start = std::chrono::steady_clock::now();
  auto o = sync::run_method(syncwasm::test::wat(parent), "main", ctx, Params{}, ext, cache, code);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(error_path(o), "HostError::GasExceeded");
  uint64_t steps = 0;
  for (const SyncTraceEvent& e : o.sync_trace) steps += e.count;
  EXPECT_GT(steps, 1000u);               // it did run many round trips,
  EXPECT_LE(o.sync_trace.size(), 3u);    // recorded as a start and one merged run of resumes
  EXPECT_LT(seconds, kGenerous);
}

TEST(Hostile, CalleeCallingBackIntoItsCaller) {
  // With the default depth limit 1 a callee cannot call synchronously at all: 800.
  static ContractCache cache;
  MemoryExternal ext;
  sync::MapCodeSource code;
  std::string callee = R"((module
    (import "env" "sync_function_call" (func $call (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
    (import "env" "value_return" (func $ret (param i64 i64))) (memory 1) (data (i32.const 0) "main")
    (func (export "back") (i64.store (i32.const 16) (call $call (i64.const 0) (i64.const 0) (i64.const 4) (i64.const 0)
                                                               (i64.const 0) (i64.const 0) (i64.const 1000000000000) (i64.const 1)))
      (call $ret (i64.const 8) (i64.const 16)))))";
  code.namespaces["x"] = syncwasm::test::wat(callee);
  std::string parent = R"((module
    (import "env" "sync_function_call" (func $call (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
    (import "env" "read_register" (func $rr (param i64 i64)))
    (import "env" "value_return" (func $ret (param i64 i64))) (memory 1) (data (i32.const 0) "x") (data (i32.const 8) "back")
    (func (export "main") (i64.store (i32.const 100) (call $call (i64.const 1) (i64.const 0) (i64.const 4) (i64.const 8)
                                                                (i64.const 0) (i64.const 0) (i64.const 100000000000000) (i64.const 1)))
      (call $rr (i64.const 1) (i64.const 108))
      (call $ret (i64.const 16) (i64.const 100)))))";
  code.namespaces[""] = syncwasm::test::wat(parent);
  VMContext ctx;
  auto o = sync::run_method(code.namespaces[""], "main", ctx, Params{}, ext, cache, code);
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(o.return_data.value[0], 0);    // the callee itself succeeded...
  EXPECT_EQ(o.return_data.value[8], 0x20); // ...and saw status 800 (0x320) for its call back
  EXPECT_EQ(o.return_data.value[9], 0x03);
}

}  // namespace
}  // namespace syncwasm::near::test
