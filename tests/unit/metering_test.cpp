// Instruction metering (finite-wasm model) with unit costs, checked against hand-counted programs:
// every instruction costs 1 but block/end/else (0); bulk operations cost 32 + n; a function entry
// costs ceil(frame_bytes / 8) with frame_bytes = 64 + the sizes of its parameters and locals.
#include <gtest/gtest.h>

#include "compile/code.h"
#include "support/wat.h"

namespace syncwasm {
namespace {

EngineConfig unit_costs(uint64_t stack_budget = 0) {
  EngineConfig cfg;
  cfg.gas = {true, 1, 32, 1, true, stack_budget};
  return cfg;
}

struct Metered {
  test::Loaded l;
  uint64_t used = 0;
  std::optional<Trap> trap;
  std::vector<Value> results;

  Metered(const std::string& text, EngineConfig cfg = unit_costs()) : l(test::load(text, cfg)) {}
  void run(const std::string& name, std::vector<Value> args = {}, uint64_t fuel = 1'000'000'000) {
    auto ex = l.store->start(*l.instance->get_export(name), args);
    ASSERT_TRUE(ex.has_value());
    (*ex)->set_fuel(fuel);
    ExecState st = (*ex)->run();
    used = fuel - (*ex)->fuel();
    trap.reset();
    if (st == ExecState::trapped) trap = (*ex)->trap();
    else results = (*ex)->results();
  }
};

TEST(Metering, EmptyFunctionPaysItsFrame) {
  Metered m("(module (func (export \"f\")))");
  m.run("f");
  EXPECT_EQ(m.used, 8u);  // 64 bytes / 8
}

TEST(Metering, StraightLine) {
  Metered m("(module (func (export \"f\") (result i32) (i32.add (i32.const 1) (i32.const 2))))");
  m.run("f");
  EXPECT_EQ(m.used, 8u + 3);
}

TEST(Metering, LoopPaysPerIteration) {
  // frame 64+4+4 = 72 -> 9; per taken iteration: loop 1 + (get, eqz, br_if) 3 + 4 + 4 + br 1 = 13;
  // last iteration: loop 1 + 3; after the block: local.get 1.
  Metered m(R"((module (func (export "sum") (param i32) (result i32) (local i32)
    (block (loop
      (br_if 1 (i32.eqz (local.get 0)))
      (local.set 1 (i32.add (local.get 1) (local.get 0)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br 0)))
    (local.get 1))))");
  for (int n : {0, 1, 10, 1000}) {
    m.run("sum", {Value::i32(n)});
    EXPECT_EQ(m.used, 14u + 13u * uint64_t(n)) << n;
    EXPECT_EQ(m.results.at(0).as_i32(), n * (n + 1) / 2);
  }
}

TEST(Metering, IfElseAndCalls) {
  // f: frame 9 (one i32 param), get + if = 2, then-arm: const 1, else-arm: const + call = 2;
  // g: frame 9, get 1.
  Metered m(R"((module
    (func $g (param i32) (result i32) (local.get 0))
    (func (export "f") (param i32) (result i32)
      (if (result i32) (local.get 0) (then (i32.const 7)) (else (call $g (i32.const 5)))))))");
  m.run("f", {Value::i32(1)});
  EXPECT_EQ(m.used, 9u + 2 + 1);
  m.run("f", {Value::i32(0)});
  EXPECT_EQ(m.used, 9u + 2 + 2 + 9 + 1);
}

TEST(Metering, BulkOperationsAreLinear) {
  Metered m(R"((module (memory 1)
    (func (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 0) (local.get 0)))
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))))");
  m.run("fill", {Value::i32(100)});
  EXPECT_EQ(m.used, 9u + 3 + 32 + 100);
  m.run("fill", {Value::i32(0)});
  EXPECT_EQ(m.used, 9u + 3 + 32);
  m.run("grow", {Value::i32(2)});
  EXPECT_EQ(m.used, 9u + 1 + 32 + 2);
}

TEST(Metering, TrapPaysItsRegion) {
  Metered m("(module (func (export \"f\") (result i32) (i32.div_s (i32.const 1) (i32.const 0))))");
  m.run("f");
  ASSERT_TRUE(m.trap.has_value());
  EXPECT_EQ(m.trap->kind, TrapKind::integer_divide_by_zero);
  EXPECT_EQ(m.used, 8u + 3);
}

TEST(Metering, OutOfGasFiresBeforeTheRegionRuns) {
  Store store(unit_costs());
  int host_calls = 0;
  Imports imports;
  imports.define("env", "h", store.host_function({{}, {}}, [&](HostCall&) {
    ++host_calls;
    return HostResult::ok();
  }));
  auto mod = Module::compile(test::wat(R"((module (import "env" "h" (func $h))
    (func (export "f") (call $h) (call $h))))"), unit_costs());
  ASSERT_TRUE(mod.has_value());
  auto inst = store.instantiate(**mod, imports);
  ASSERT_TRUE(inst.has_value());
  // Region 1 = frame 8 + call 1 = 9; region 2 = call 1.
  for (uint64_t fuel : {8u, 9u, 10u}) {
    host_calls = 0;
    auto ex = *store.start(*inst->get_export("f"), {});
    ex->set_fuel(fuel);
    ExecState st = ex->run();
    if (fuel == 8) {
      ASSERT_EQ(st, ExecState::trapped);
      EXPECT_EQ(ex->trap().kind, TrapKind::out_of_gas);
      EXPECT_EQ(ex->trap().gas_charge, 9u);
      EXPECT_EQ(host_calls, 0);
      EXPECT_EQ(ex->fuel(), 8u);  // a failed charge takes nothing; the embedder burns what it decides
    } else if (fuel == 9) {
      ASSERT_EQ(st, ExecState::trapped);
      EXPECT_EQ(ex->trap().gas_charge, 1u);
      EXPECT_EQ(host_calls, 1);
    } else {
      EXPECT_EQ(st, ExecState::finished);
      EXPECT_EQ(host_calls, 2);
      EXPECT_EQ(ex->fuel(), 0u);
    }
  }
}

TEST(Metering, HostSeesGasUpToItsCall) {
  Store store(unit_costs());
  std::vector<uint64_t> seen;
  Imports imports;
  imports.define("env", "h", store.host_function({{}, {}}, [&](HostCall& c) {
    seen.push_back(c.execution->fuel());
    c.execution->set_fuel(c.execution->fuel() - 100);  // the host burns its own cost
    return HostResult::ok();
  }));
  auto mod = Module::compile(test::wat(R"((module (import "env" "h" (func $h))
    (func (export "f") (call $h) (drop (i32.const 1)) (drop (i32.const 2)) (call $h))))"), unit_costs());
  auto inst = store.instantiate(**mod, imports);
  auto ex = *store.start(*inst->get_export("f"), {});
  ex->set_fuel(1000);
  ASSERT_EQ(ex->run(), ExecState::finished);
  // First call: frame 8 + call 1. Second: 100 burnt by the host, 4 pure ops + call.
  EXPECT_EQ(seen, (std::vector<uint64_t>{1000 - 9, 1000 - 9 - 100 - 5}));
  EXPECT_EQ(ex->fuel(), 1000u - 9 - 100 - 5 - 100);
}

// The stack budget: each active frame holds max_operand_bytes + frame_bytes; `(func $f (call $f))`
// holds 64 bytes, so 262,144 bytes admit 4,096 frames and the 4,097th fails (nearcore's figure).
TEST(Metering, StackBudgetAdmitsTheExpectedFrames) {
  Metered m("(module (func $f (export \"f\") (call $f)))", unit_costs(262144));
  m.run("f");
  ASSERT_TRUE(m.trap.has_value());
  EXPECT_EQ(m.trap->kind, TrapKind::call_stack_exhausted);
  EXPECT_EQ(m.used, 4096u * 9);  // each admitted frame paid 8 + its call
}

// The start function runs under the fuel the embedder gives it: an endless one cannot hang
// instantiation (a fuzzing finding, docs/reliability.md exec-1).
TEST(Metering, StartFunctionIsBoundedByStartFuel) {
  Store store(unit_costs());
  auto mod = Module::compile(test::wat("(module (func $s (loop (br 0))) (start $s) (func (export \"f\")))"), unit_costs());
  ASSERT_TRUE(mod.has_value());
  auto inst = store.instantiate(**mod, Imports{}, 100000);
  ASSERT_FALSE(inst.has_value());
  EXPECT_EQ(inst.error().kind, ErrorKind::uninstantiable);
  EXPECT_EQ(inst.error().message, "out of gas");
}

TEST(Metering, UnmeteredCodeHasNoCharges) {
  auto metered = Module::compile(test::wat("(module (func (export \"f\") (nop)))"), unit_costs());
  auto plain = Module::compile(test::wat("(module (func (export \"f\") (nop)))"));
  EXPECT_GT((*metered)->compiled()->code.size(), (*plain)->compiled()->code.size());
}

}  // namespace
}  // namespace syncwasm
