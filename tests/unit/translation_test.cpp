// Translation: functions become direct-threaded internal code with operands resolved to frame slots.
#include <gtest/gtest.h>

#include <cstring>
#include <initializer_list>

#include "compile/code.h"
#include "exec/runtime.h"
#include "support/wat.h"

namespace syncwasm {
namespace {

const void* handler_at(const ir::CodeUnit* pc) {
  const void* h;
  std::memcpy(&h, pc, sizeof h);
  return h;
}
const void* H(ir::XOp x) { return rt::handler_table()[ir::handler_index(x)]; }
const void* H(ir::Op op) { return rt::handler_table()[ir::handler_index(op)]; }

// The instruction at pc is `handler` followed by these operand fields.
void expect_instr(const ir::CodeUnit* pc, const void* handler, std::initializer_list<uint32_t> fields) {
  EXPECT_EQ(handler_at(pc), handler);
  uint32_t at = 2;
  for (uint32_t f : fields) {
    EXPECT_EQ(pc[at], f) << "field " << at;
    ++at;
  }
}

std::shared_ptr<const Module> compile(const std::string& text) {
  auto m = Module::compile(test::wat(text));
  EXPECT_TRUE(m.has_value()) << (m ? "" : m.error().to_string());
  return m ? *m : nullptr;
}

TEST(Translation, StackOperandsBecomeSlots) {
  auto m = compile("(module (func (param i32) (result i32) (local i64) (i32.add (local.get 0) (i32.const 7))))");
  const ir::CompiledModule& cm = *m->compiled();
  ASSERT_EQ(cm.funcs.size(), 1u);
  const ir::CompiledFunc& f = cm.funcs[0];
  EXPECT_EQ(f.num_params, 1u);
  EXPECT_EQ(f.num_locals, 2u);
  EXPECT_EQ(f.frame_slots, 5u);  // 2 locals, one constant, operand height 2
  EXPECT_EQ(f.const_base, 2u);
  ASSERT_EQ(f.num_consts, 1u);
  EXPECT_EQ(cm.consts[f.const_offset], 7u);
  const ir::CodeUnit* pc = cm.code.data() + f.code_offset;
  // local.get 0 and i32.const 7 emit nothing: the add reads slot 0 and the constant's slot 2,
  // and writes operand 0, slot 3.
  expect_instr(pc, H(ir::Op::i32_add), {3, 0, 2});
  expect_instr(pc + 5, H(ir::XOp::return_), {1, 3});  // end -> return 1 value from slot 3
}

// A pending local.get is copied before its local changes, so the operand keeps the old value.
TEST(Translation, LocalWritesMaterializePendingReads) {
  auto m = compile(R"((module (func (export "f") (param i32) (result i32)
    (local.get 0) (local.set 0 (i32.const 5)) (local.get 0) (i32.sub))))");
  const ir::CompiledModule& cm = *m->compiled();
  const ir::CodeUnit* pc = cm.code.data() + cm.funcs[0].code_offset;
  // slot2 <- slot0: the first local.get, before local 0 changes (slot 1 holds the constant 5); then
  // local 0 <- the constant, in the same copy2.
  EXPECT_EQ(handler_at(pc), H(ir::XOp::copy2));
  EXPECT_EQ(pc[2], 2u);
  EXPECT_EQ(pc[3], 0u);
  EXPECT_EQ(pc[4], 0u);
  EXPECT_EQ(pc[5], 1u);
  auto l = test::load(R"((module (func (export "f") (param i32) (result i32)
    (local.get 0) (local.set 0 (i32.const 5)) (local.get 0) (i32.sub))))");
  auto r = l.call("f", {Value::i32(12)});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ((*r)[0].as_i32(), 7);
}

TEST(Translation, BranchTargetsAreResolved) {
  auto m = compile("(module (func (loop (br 0))))");
  const ir::CompiledModule& cm = *m->compiled();
  const ir::CodeUnit* pc = cm.code.data() + cm.funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::br));
  EXPECT_EQ(int32_t(pc[2]), 0);  // the loop header is the br itself
}

TEST(Translation, BranchCarryingValuesCopiesToTheLabelSlots) {
  // Slots: the parameter 0, the constants 1 and 2 in slots 1 and 2, operands from slot 3. The block
  // result sits at height 0 (slot 3); br carries the value from height 1 (slot 4).
  auto m = compile("(module (func (param i32) (result i32) (block (result i32) (i32.const 1) (i32.const 2) (br 0))))");
  const ir::CompiledModule& cm = *m->compiled();
  const ir::CodeUnit* pc = cm.code.data() + cm.funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::copy2));  // the two constants copied into the operand slots
  EXPECT_EQ(pc[2], 3u);
  EXPECT_EQ(pc[3], 1u);
  EXPECT_EQ(pc[4], 4u);
  EXPECT_EQ(pc[5], 2u);
  pc += 6;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::copy));
  EXPECT_EQ(pc[2], 3u);
  EXPECT_EQ(pc[3], 4u);
  pc += 4;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::br));
  EXPECT_EQ(int32_t(pc[2]), 3);  // to the block end, right after this 3-unit br
}

// Compiles and runs `text`'s export "f" with i32 arguments, returning its i32 result.
int32_t run_f(const std::string& text, std::vector<Value> args) {
  auto l = test::load(text);
  auto r = l.call("f", std::move(args));
  EXPECT_TRUE(r.has_value());
  return r && !r->empty() ? (*r)[0].as_i32() : 0;
}

// A binary operation consuming the previous one's result is one instruction; the intermediate
// value is the fused instruction's left (A__B) or right (A__B_r) operand.
TEST(Translation, DependentBinaryOperationsFuse) {
  const std::string left = R"((module (func (export "f") (param i32 i32) (result i32)
    (i32.xor (i32.rotl (local.get 0) (i32.const 7)) (local.get 1)))))";
  auto m = compile(left);
  const ir::CodeUnit* pc = m->compiled()->code.data() + m->compiled()->funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::i32_rotl__i32_xor));
  EXPECT_EQ(pc[2], 3u);  // operand 0 (slot 3; the constant is slot 2)
  EXPECT_EQ(pc[3], 0u);
  EXPECT_EQ(pc[4], 2u);
  EXPECT_EQ(pc[5], 1u);
  EXPECT_EQ(handler_at(pc + 6), H(ir::XOp::return_));
  EXPECT_EQ(run_f(left, {Value::i32(0x80000001), Value::i32(0xFF)}), int32_t(0x000000C0 ^ 0xFF));

  const std::string right = R"((module (func (export "f") (param i32 i32) (result i32)
    (i32.sub (local.get 1) (i32.mul (local.get 0) (local.get 0))))))";
  m = compile(right);
  pc = m->compiled()->code.data() + m->compiled()->funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::i32_mul__i32_sub_r));
  EXPECT_EQ(pc[5], 1u);
  EXPECT_EQ(run_f(right, {Value::i32(6), Value::i32(100)}), 64);
}

// No fusion when the first result went to a local, or when a label lies between the two.
TEST(Translation, PairsDoNotFuseAcrossLocalsOrLabels) {
  const std::string via_local = R"((module (func (export "f") (param i32 i32) (result i32) (local i32)
    (local.set 2 (i32.add (local.get 0) (local.get 1)))
    (i32.sub (local.get 2) (local.get 1)))))";
  auto m = compile(via_local);
  const ir::CodeUnit* pc = m->compiled()->code.data() + m->compiled()->funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::Op::i32_add));
  EXPECT_EQ(pc[2], 2u);  // written straight into local 2
  EXPECT_EQ(handler_at(pc + 5), H(ir::Op::i32_sub));
  EXPECT_EQ(run_f(via_local, {Value::i32(30), Value::i32(12)}), 30);

  // Without metering a loop header emits no code: the add's result enters the loop as its parameter,
  // and the loop's back edge must land on the xor, so the two stay apart.
  const std::string loop = R"((module (func (export "f") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))
    (loop (param i32) (result i32)
      (i32.xor (local.get 1))
      (local.set 1 (i32.sub (local.get 1) (i32.const 1)))
      (br_if 0 (local.get 1))))))";
  m = compile(loop);
  pc = m->compiled()->code.data() + m->compiled()->funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::Op::i32_add));
  EXPECT_EQ(handler_at(pc + 5), H(ir::Op::i32_xor));
  // (3 + 2) ^ 2 ^ 1 = 6
  EXPECT_EQ(run_f(loop, {Value::i32(3), Value::i32(2)}), 6);
}

// With metering, a full-width load carries the charge of the region after it, and a binary operation
// consuming the loaded value joins them: one instruction, the same result and the same gas.
TEST(Translation, LoadsFuseWithTheOperationUsingTheirValue) {
  const std::string text = R"((module (memory 1) (data (i32.const 16) "\05\00\00\00\00\00\00\00")
    (func (export "f") (param i32 i32) (result i32)
      (i32.sub (local.get 1) (i32.load offset=8 (i32.add (local.get 0) (i32.const 8)))))))";
  EngineConfig metered;
  metered.gas = GasSchedule{true, 1, 32, 1, true, 0};
  auto m = Module::compile(test::wat(text), metered);
  ASSERT_TRUE(m.has_value());
  const ir::CodeUnit* pc = (*m)->compiled()->code.data() + (*m)->compiled()->funcs[0].code_offset;
  ASSERT_EQ(handler_at(pc), H(ir::XOp::gas));  // the function's first region
  pc += 4;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::i32_load_add_gas__i32_sub_r));
  EXPECT_EQ(pc[3], 0u);  // address: local 0 + the constant 8 (slot 2)
  EXPECT_EQ(pc[4], 2u);
  EXPECT_EQ(pc[5], 8u);  // offset
  EXPECT_EQ(pc[6], 1u);  // the next region's cost: the sub (end is free)
  EXPECT_EQ(pc[8], 1u);  // z: local 1, the sub's left operand
  EXPECT_EQ(handler_at(pc + 9), H(ir::XOp::return_));

  auto l = test::load(text, metered);
  std::vector<Value> args{Value::i32(0), Value::i32(12)};
  auto ex = l.store->start(*l.instance->get_export("f"), args);
  ASSERT_TRUE(ex.has_value());
  (*ex)->set_fuel(1000);
  ASSERT_EQ((*ex)->run(), ExecState::finished);
  EXPECT_EQ((*ex)->results()[0].as_i32(), 7);  // 12 - 5
  // What the separate instructions cost: the frame ((64 + 2 * 4) / 8 = 9), the region up to the load
  // (two local.get, the constant, the add, the load: 5), the region after it (the sub: 1).
  EXPECT_EQ(1000 - (*ex)->fuel(), 9u + 5u + 1u);

  // Out of bounds: the load traps before the next region is charged, as the separate load would.
  std::vector<Value> oob{Value::i32(65536), Value::i32(12)};
  auto ex2 = l.store->start(*l.instance->get_export("f"), oob);
  ASSERT_TRUE(ex2.has_value());
  (*ex2)->set_fuel(1000);
  ASSERT_EQ((*ex2)->run(), ExecState::trapped);
  EXPECT_EQ((*ex2)->trap().kind, TrapKind::out_of_bounds_memory);
  EXPECT_EQ(1000 - (*ex2)->fuel(), 9u + 5u);
}

// Runs of copies become copy2 instructions, but never across a label.
TEST(Translation, CopiesPairUpExceptAcrossLabels) {
  const std::string text = R"((module (func (export "f") (param i32 i32 i32) (result i32)
    (local.set 2 (local.get 1)) (local.set 1 (local.get 0))
    (loop (local.set 0 (local.get 2)) (br_if 0 (i32.eqz (local.get 0))))
    (i32.add (local.get 0) (i32.mul (local.get 1) (i32.const 10))))))";
  auto m = compile(text);
  const ir::CodeUnit* pc = m->compiled()->code.data() + m->compiled()->funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::copy2));
  EXPECT_EQ(pc[2], 2u);
  EXPECT_EQ(pc[3], 1u);
  EXPECT_EQ(pc[4], 1u);
  EXPECT_EQ(pc[5], 0u);
  EXPECT_EQ(handler_at(pc + 6), H(ir::XOp::copy));  // the loop's first instruction
  EXPECT_EQ(run_f(text, {Value::i32(4), Value::i32(7), Value::i32(0)}), 7 + 40);
}

// A comparison and the if or br_if that branches on it are one instruction.
TEST(Translation, ComparisonsFuseWithTheirBranch) {
  auto m = compile(R"((module (func (param i32) (result i32)
    (block (br_if 0 (i32.eqz (local.get 0))))
    (if (result i32) (i32.lt_s (local.get 0) (i32.const 5)) (then (i32.const 1)) (else (i32.const 2))))))");
  const ir::CodeUnit* pc = m->compiled()->code.data() + m->compiled()->funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::br_if_i32_eqz));
  EXPECT_EQ(pc[2], 0u);
  EXPECT_EQ(handler_at(pc + 4), H(ir::XOp::br_unless_i32_lt_s));  // to the else branch
  EXPECT_EQ(pc[6], 0u);
}

// A branch reads its condition from the local itself, without copying it to an operand slot first.
TEST(Translation, BranchConditionsAreReadInPlace) {
  auto m = compile("(module (func (param i32) (block (br_if 0 (local.get 0)))))");
  const ir::CodeUnit* pc = m->compiled()->code.data() + m->compiled()->funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::br_if));
  EXPECT_EQ(pc[2], 0u);
}

TEST(Translation, DeadCodeIsNotEmitted) {
  auto live = compile("(module (func (result i32) (return (i32.const 1))))");
  auto dead = compile("(module (func (result i32) (return (i32.const 1)) (i32.const 2) (i32.const 3) (i32.add)))");
  EXPECT_EQ(live->compiled()->code.size(), dead->compiled()->code.size());
  // Constants in unreachable code take no constant slot either.
  EXPECT_EQ(dead->compiled()->funcs[0].num_consts, 1u);
}

TEST(Translation, OperandSlotsEmittedBeforeLaterConstantsAreAboveThem) {
  // eqz writes operand 0 before the two constants are seen; once the function is done, operand 0 is
  // slot 3 (1 local, 2 constants), in eqz's destination and in the return.
  auto m = compile("(module (func (param i32) (result i32) (local.get 0) (i32.eqz) (i32.const 100) (i32.const 200) "
                   "(drop) (drop)))");
  const ir::CompiledFunc& f = m->compiled()->funcs[0];
  ASSERT_EQ(f.num_consts, 2u);
  EXPECT_EQ(f.frame_slots, 6u);  // 1 local, 2 constants, operand height 3
  const ir::CodeUnit* pc = m->compiled()->code.data() + f.code_offset;
  expect_instr(pc, H(ir::Op::i32_eqz), {3, 0});
  expect_instr(pc + 4, H(ir::XOp::return_), {1, 3});
}

}  // namespace
}  // namespace syncwasm
