// Which fused instruction (SYNCWASM_FUSED_PAIRS in code.h) replaces a binary operation followed by
// one that consumes its result, for the translator (compiler.cpp).
#pragma once

#include <array>
#include <initializer_list>
#include <optional>

#include "compile/code.h"

namespace syncwasm::ir {

// Where a pairable operation's fused pairs are (SYNCWASM_FUSED_PAIRS, the last XOps): the pairs of its
// family start `family` XOps after the first pair; in the family it is the `index`th of `size`.
struct PairSlot {
  bool pairable = false;
  uint16_t family = 0;
  uint8_t index = 0, size = 0;
};
struct PairTable {
  std::array<PairSlot, kOpCount> slots{};
  unsigned first = 0;  // XOp of the first pair
};
constexpr PairTable kPairs = [] {
  PairTable t;
  unsigned base = 0;
  auto family = [&](std::initializer_list<Op> ops) {
    uint8_t i = 0, n = uint8_t(ops.size());
    for (Op o : ops) t.slots[unsigned(o)] = {true, uint16_t(base), i++, n};
    base += 2 * n * n;  // A__B and A__B_r for every B
  };
#define OP(op, ...) Op::op,
  family({SYNCWASM_PAIRABLE_I32(OP)});
  family({SYNCWASM_PAIRABLE_I64(OP)});
  family({SYNCWASM_PAIRABLE_F32(OP)});
  family({SYNCWASM_PAIRABLE_F64(OP)});
#undef OP
  t.first = unsigned(XOp::count_) - base;
  return t;
}();
// The fused instruction for `a` followed by `b` consuming a's result as its right (or left) operand.
constexpr std::optional<XOp> fused_pair(Op a, Op b, bool right) {
  const PairSlot &pa = kPairs.slots[unsigned(a)], &pb = kPairs.slots[unsigned(b)];
  if (!pa.pairable || !pb.pairable || pa.family != pb.family) return std::nullopt;
  return XOp(kPairs.first + pa.family + 2 * (pa.index * pa.size + pb.index) + right);
}
static_assert(*fused_pair(Op::i32_add, Op::i32_sub, false) == XOp::i32_add__i32_sub);
static_assert(*fused_pair(Op::i64_rotr, Op::i64_xor, true) == XOp::i64_rotr__i64_xor_r);
static_assert(*fused_pair(Op::f64_mul, Op::f64_add, true) == XOp::f64_mul__f64_add_r);

// The operations that appear in SYNCWASM_FUSED_LOAD_OPS, as either member: most pairs are rejected
// by one look-up instead of the whole chain of comparisons in fused_load_op.
constexpr std::array<bool, kOpCount> kInLoadOps = [] {
  std::array<bool, kOpCount> t{};
#define P(op, ld) t[unsigned(Op::op)] = t[unsigned(Op::ld)] = true;
  SYNCWASM_FUSED_LOAD_OPS(P)
#undef P
  return t;
}();
// The fused instruction for a full-width load (with its gas charge; `add`: its address from an i32.add)
// followed by `b` consuming the loaded value (SYNCWASM_FUSED_LOAD_OPS).
constexpr std::optional<XOp> fused_load_op(Op load, bool add, Op b, bool right) {
  if (!kInLoadOps[unsigned(load)] || !kInLoadOps[unsigned(b)]) return std::nullopt;
#define P(op, ld)                                                                          \
  if (load == Op::ld && b == Op::op)                                                       \
    return add ? (right ? XOp::ld##_add_gas__##op##_r : XOp::ld##_add_gas__##op)           \
               : (right ? XOp::ld##_gas__##op##_r : XOp::ld##_gas__##op);
  SYNCWASM_FUSED_LOAD_OPS(P)
#undef P
  return std::nullopt;
}
static_assert(*fused_load_op(Op::f64_load, true, Op::f64_mul, true) == XOp::f64_load_add_gas__f64_mul_r);
static_assert(!fused_load_op(Op::i32_load, false, Op::i64_add, false));

}  // namespace syncwasm::ir
