// Suspendable execution: a host function may suspend; the embedder resumes later with its results.
#include <gtest/gtest.h>

#include "support/wat.h"

namespace syncwasm {
namespace {

// A module that calls the host `env.next(i32) -> i32` n times, summing what it returns.
const char* kLoop = R"((module
  (import "env" "next" (func $next (param i32) (result i32)))
  (func (export "run") (param $n i32) (result i32) (local $acc i32) (local $i i32)
    (block (loop
      (br_if 1 (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $acc (i32.add (local.get $acc) (call $next (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br 0)))
    (local.get $acc)))
)";

struct Fixture {
  Store store;
  std::vector<int32_t> seen;  // arguments the host saw
  Instance instance{nullptr};

  Fixture() {
    Extern next = store.host_function({{ValType::i32}, {ValType::i32}}, [this](HostCall& c) {
      seen.push_back(int32_t(c.args[0]));
      return HostResult::suspend();
    });
    Imports imports;
    imports.define("env", "next", next);
    auto m = Module::compile(test::wat(kLoop));
    EXPECT_TRUE(m.has_value());
    module = *m;
    auto inst = store.instantiate(*module, imports);
    EXPECT_TRUE(inst.has_value());
    instance = *inst;
  }
  std::unique_ptr<Execution> start(int32_t n) {
    auto ex = store.start(*instance.get_export("run"), std::vector<Value>{Value::i32(n)});
    EXPECT_TRUE(ex.has_value());
    return std::move(*ex);
  }
  std::shared_ptr<const Module> module;
};

TEST(Suspend, TenThousandRoundTrips) {
  Fixture fx;
  constexpr int kN = 10000;
  auto ex = fx.start(kN);
  ExecState st = ex->run();
  int64_t expected = 0;
  for (int i = 0; i < kN; ++i) {
    ASSERT_EQ(st, ExecState::suspended) << i;
    ASSERT_EQ(ex->pending_result_types(), std::vector<ValType>{ValType::i32});
    auto r = ex->resume(std::vector<Value>{Value::i32(i * 3)});
    ASSERT_TRUE(r.has_value());
    st = *r;
    expected += i * 3;
  }
  ASSERT_EQ(st, ExecState::finished);
  EXPECT_EQ(ex->results().at(0).as_i32(), int32_t(expected));
  ASSERT_EQ(fx.seen.size(), size_t(kN));
  for (int i = 0; i < kN; ++i) ASSERT_EQ(fx.seen[i], i);
}

TEST(Suspend, TwoExecutionsInterleaved) {
  Fixture fx;
  auto a = fx.start(3);
  auto b = fx.start(3);
  ASSERT_EQ(a->run(), ExecState::suspended);
  ASSERT_EQ(b->run(), ExecState::suspended);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(a->resume(std::vector<Value>{Value::i32(1)}).has_value());
    ASSERT_TRUE(b->resume(std::vector<Value>{Value::i32(100)}).has_value());
  }
  ASSERT_EQ(a->state(), ExecState::finished);
  ASSERT_EQ(b->state(), ExecState::finished);
  EXPECT_EQ(a->results().at(0).as_i32(), 3);
  EXPECT_EQ(b->results().at(0).as_i32(), 300);
  EXPECT_EQ(fx.seen, (std::vector<int32_t>{0, 0, 1, 1, 2, 2}));
}

// Dropping a suspended execution frees everything (LeakSanitizer checks this in the dev build).
TEST(Suspend, DroppedWhileSuspended) {
  Fixture fx;
  for (int i = 0; i < 100; ++i) {
    auto ex = fx.start(5);
    ASSERT_EQ(ex->run(), ExecState::suspended);
    EXPECT_GT(ex->memory_footprint(), 0u);
  }
  auto after = fx.start(1);  // the store still works
  ASSERT_EQ(after->run(), ExecState::suspended);
  ASSERT_EQ(*after->resume(std::vector<Value>{Value::i32(9)}), ExecState::finished);
  EXPECT_EQ(after->results().at(0).as_i32(), 9);
}

TEST(Suspend, SuspendInsideDeepRecursionKeepsFrames) {
  Store store;
  int calls = 0;
  Extern h = store.host_function({{}, {ValType::i32}}, [&](HostCall&) {
    ++calls;
    return HostResult::suspend();
  });
  Imports imports;
  imports.define("env", "h", h);
  auto m = Module::compile(test::wat(R"((module (import "env" "h" (func $h (result i32)))
    (func $down (export "down") (param i32) (result i32)
      (if (result i32) (i32.eqz (local.get 0)) (then (call $h))
        (else (i32.add (local.get 0) (call $down (i32.sub (local.get 0) (i32.const 1)))))))))"));
  ASSERT_TRUE(m.has_value());
  auto inst = store.instantiate(**m, imports);
  ASSERT_TRUE(inst.has_value());
  auto ex = *store.start(*inst->get_export("down"), std::vector<Value>{Value::i32(500)});
  ASSERT_EQ(ex->run(), ExecState::suspended);
  ASSERT_EQ(*ex->resume(std::vector<Value>{Value::i32(1000)}), ExecState::finished);
  EXPECT_EQ(ex->results().at(0).as_i32(), 1000 + 500 * 501 / 2);
  EXPECT_EQ(calls, 1);
}

TEST(Suspend, ResumeIsChecked) {
  Fixture fx;
  auto ex = fx.start(1);
  auto r = ex->resume(std::vector<Value>{Value::i32(1)});
  EXPECT_FALSE(r.has_value());  // not suspended yet
  ASSERT_EQ(ex->run(), ExecState::suspended);
  EXPECT_FALSE(ex->resume(std::vector<Value>{Value::i64(1)}).has_value());  // wrong type
  EXPECT_FALSE(ex->resume({}).has_value());                                  // wrong count
  EXPECT_EQ(ex->state(), ExecState::suspended);
  ASSERT_EQ(*ex->resume(std::vector<Value>{Value::i32(4)}), ExecState::finished);
}

TEST(Suspend, HostTrapEndsTheExecution) {
  Store store;
  Extern h = store.host_function({{}, {}}, [](HostCall&) { return HostResult::trap("denied"); });
  Imports imports;
  imports.define("env", "h", h);
  auto m = Module::compile(test::wat(R"((module (import "env" "h" (func $h)) (func (export "f") (call $h))))"));
  auto inst = store.instantiate(**m, imports);
  auto r = store.invoke(*inst->get_export("f"), {});
  ASSERT_TRUE(r.has_value());
  ASSERT_FALSE(r->has_value());
  EXPECT_EQ(r->error().kind, TrapKind::host);
  EXPECT_EQ(r->error().message, "denied");
}

}  // namespace
}  // namespace syncwasm
