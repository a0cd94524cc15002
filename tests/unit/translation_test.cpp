// Translation: functions become direct-threaded internal code with operands resolved to frame slots.
#include <gtest/gtest.h>

#include <cstring>

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
  EXPECT_EQ(handler_at(pc), H(ir::Op::i32_add));
  EXPECT_EQ(pc[2], 3u);
  EXPECT_EQ(pc[3], 0u);
  EXPECT_EQ(pc[4], 2u);
  pc += 5;
  // end -> return 1 value from slot 3
  EXPECT_EQ(handler_at(pc), H(ir::XOp::return_));
  EXPECT_EQ(pc[2], 1u);
  EXPECT_EQ(pc[3], 3u);
}

// A pending local.get is copied before its local changes, so the operand keeps the old value.
TEST(Translation, LocalWritesMaterializePendingReads) {
  auto m = compile(R"((module (func (export "f") (param i32) (result i32)
    (local.get 0) (local.set 0 (i32.const 5)) (local.get 0) (i32.sub))))");
  const ir::CompiledModule& cm = *m->compiled();
  const ir::CodeUnit* pc = cm.code.data() + cm.funcs[0].code_offset;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::copy));  // slot2 <- slot0: the first local.get, before local 0 changes
  EXPECT_EQ(pc[2], 2u);                          // (slot 1 holds the constant 5)
  EXPECT_EQ(pc[3], 0u);
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
  pc += 8;  // the two constants copied from their slots into the operand slots
  EXPECT_EQ(handler_at(pc), H(ir::XOp::copy));
  EXPECT_EQ(pc[2], 3u);
  EXPECT_EQ(pc[3], 4u);
  pc += 4;
  EXPECT_EQ(handler_at(pc), H(ir::XOp::br));
  EXPECT_EQ(int32_t(pc[2]), 3);  // to the block end, right after this 3-unit br
}

TEST(Translation, DeadCodeIsNotEmitted) {
  auto live = compile("(module (func (result i32) (return (i32.const 1))))");
  auto dead = compile("(module (func (result i32) (return (i32.const 1)) (i32.const 2) (i32.const 3) (i32.add)))");
  EXPECT_EQ(live->compiled()->code.size(), dead->compiled()->code.size());
}

}  // namespace
}  // namespace syncwasm
