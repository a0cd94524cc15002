// Execution through the embedding API: results, traps, limits and determinism options.
#include <gtest/gtest.h>

#include <cmath>

#include "support/wat.h"

namespace syncwasm {
namespace {

Value one(const InvokeResult& r) {
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  EXPECT_EQ(r ? r->size() : 0, 1u);
  return r && !r->empty() ? (*r)[0] : Value{};
}

TrapKind trap_of(const InvokeResult& r) {
  EXPECT_FALSE(r.has_value());
  return r ? TrapKind::host : r.error().kind;
}

TEST(Execution, RecursiveAndIterative) {
  auto l = test::load(R"((module
    (func $fib (export "fib") (param i64) (result i64)
      (if (result i64) (i64.lt_u (local.get 0) (i64.const 2)) (then (local.get 0))
        (else (i64.add (call $fib (i64.sub (local.get 0) (i64.const 1)))
                       (call $fib (i64.sub (local.get 0) (i64.const 2)))))))
    (func (export "sum") (param i32) (result i32) (local i32)
      (block (loop (br_if 1 (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (local.get 0)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1))) (br 0)))
      (local.get 1))))");
  EXPECT_EQ(one(l.call("fib", {Value::i64(20)})).as_i64(), 6765);
  EXPECT_EQ(one(l.call("sum", {Value::i32(1000)})).as_i32(), 500500);
}

TEST(Execution, BrTableAndMultiValue) {
  auto l = test::load(R"((module
    (func (export "pick") (param i32) (result i32)
      (block (block (block (br_table 0 1 2 (local.get 0))) (return (i32.const 10)))
        (return (i32.const 11))) (i32.const 12))
    (func (export "swap") (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
    (func (export "diff") (param i32 i32) (result i32) (call 1 (local.get 0) (local.get 1)) (i32.sub))))");
  EXPECT_EQ(one(l.call("pick", {Value::i32(0)})).as_i32(), 10);
  EXPECT_EQ(one(l.call("pick", {Value::i32(1)})).as_i32(), 11);
  EXPECT_EQ(one(l.call("pick", {Value::i32(99)})).as_i32(), 12);
  auto r = l.call("swap", {Value::i32(1), Value::i32(2)});
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].as_i32(), 2);
  EXPECT_EQ((*r)[1].as_i32(), 1);
  EXPECT_EQ(one(l.call("diff", {Value::i32(10), Value::i32(3)})).as_i32(), -7);
}

TEST(Execution, Traps) {
  auto l = test::load(R"((module (memory 1) (table 1 funcref)
    (type $t (func (result i32)))
    (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
    (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
    (func (export "unreachable") (unreachable))
    (func (export "conv") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
    (func (export "indirect") (param i32) (result i32) (call_indirect (type $t) (local.get 0)))))");
  EXPECT_EQ(trap_of(l.call("div", {Value::i32(1), Value::i32(0)})), TrapKind::integer_divide_by_zero);
  EXPECT_EQ(trap_of(l.call("div", {Value::i32(INT32_MIN), Value::i32(-1)})), TrapKind::integer_overflow);
  EXPECT_EQ(trap_of(l.call("load", {Value::i32(65533)})), TrapKind::out_of_bounds_memory);
  EXPECT_EQ(one(l.call("load", {Value::i32(65532)})).as_i32(), 0);
  EXPECT_EQ(trap_of(l.call("unreachable")), TrapKind::unreachable);
  EXPECT_EQ(trap_of(l.call("conv", {Value::f64(1e10)})), TrapKind::integer_overflow);
  EXPECT_EQ(trap_of(l.call("conv", {Value::f64(std::nan(""))})), TrapKind::invalid_conversion);
  EXPECT_EQ(trap_of(l.call("indirect", {Value::i32(0)})), TrapKind::uninitialized_element);
  EXPECT_EQ(trap_of(l.call("indirect", {Value::i32(1)})), TrapKind::undefined_element);
}

// The call-depth limit is counted in frames, so the same module traps at the same depth anywhere.
TEST(Execution, CallStackLimitIsDeterministic) {
  const char* text = R"((module (global $d (mut i32) (i32.const 0))
    (func $r (export "r") (global.set $d (i32.add (global.get $d) (i32.const 1))) (call $r))
    (func (export "depth") (result i32) (global.get $d))))";
  for (uint32_t limit : {100u, 1000u, 5000u}) {
    EngineConfig cfg;
    cfg.max_call_depth = limit;
    auto l = test::load(text, cfg);
    EXPECT_EQ(trap_of(l.call("r")), TrapKind::call_stack_exhausted);
    EXPECT_EQ(one(l.call("depth")).as_i32(), int32_t(limit + 1));
  }
}

TEST(Execution, ValueSlotLimitTrapsInsteadOfGrowingWithoutBound) {
  EngineConfig cfg;
  cfg.max_value_slots = 10000;
  auto l = test::load(R"((module (func $r (export "r") (param i64 i64 i64 i64 i64 i64 i64 i64)
      (call $r (local.get 0) (local.get 1) (local.get 2) (local.get 3)
               (local.get 4) (local.get 5) (local.get 6) (local.get 7)))))", cfg);
  std::vector<Value> args(8, Value::i64(0));
  EXPECT_EQ(trap_of(l.call("r", args)), TrapKind::call_stack_exhausted);
}

TEST(Execution, NanCanonicalizationOption) {
  const char* text = R"((module (func (export "f") (param f32) (result f32) (f32.add (local.get 0) (f32.const 1)))))";
  Value payload_nan = Value::f32_bits(0x7FA00001);  // a signalling NaN with a payload
  auto plain = test::load(text);
  uint32_t raw = uint32_t(one(plain.call("f", {payload_nan})).bits);
  EXPECT_EQ(raw & 0x7FC00000u, 0x7FC00000u);  // quieted: an arithmetic NaN
  EngineConfig cfg;
  cfg.canonicalize_nans = true;
  auto canon = test::load(text, cfg);
  EXPECT_EQ(uint32_t(one(canon.call("f", {payload_nan})).bits), 0x7FC00000u);
}

TEST(Execution, FloatEdgeSemantics) {
  auto l = test::load(R"((module
    (func (export "min") (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1)))
    (func (export "nearest") (param f32) (result f32) (f32.nearest (local.get 0)))
    (func (export "sat") (param f32) (result i32) (i32.trunc_sat_f32_s (local.get 0)))
    (func (export "neg") (param f32) (result f32) (f32.neg (local.get 0)))))");
  EXPECT_EQ(one(l.call("min", {Value::f64(0.0), Value::f64(-0.0)})).bits, 0x8000000000000000ull);
  EXPECT_EQ(one(l.call("nearest", {Value::f32(2.5f)})).as_f32(), 2.0f);
  EXPECT_EQ(one(l.call("nearest", {Value::f32(-3.5f)})).as_f32(), -4.0f);
  EXPECT_EQ(one(l.call("sat", {Value::f32(1e20f)})).as_i32(), INT32_MAX);
  EXPECT_EQ(one(l.call("sat", {Value::f32_bits(0x7FC00000)})).as_i32(), 0);
  EXPECT_EQ(uint32_t(one(l.call("neg", {Value::f32_bits(0x7FA00001)})).bits), 0xFFA00001u);
}

TEST(Execution, ArgumentsAreChecked) {
  auto l = test::load(R"((module (func (export "f") (param i32))))");
  auto f = l.instance->get_export("f");
  auto r = l.store->invoke(*f, std::vector<Value>{Value::i64(1)});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::usage);
  r = l.store->invoke(*f, {});
  ASSERT_FALSE(r.has_value());
}

}  // namespace
}  // namespace syncwasm
