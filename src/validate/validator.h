// Validation: module-level rules and the spec's per-function operand/control stack algorithm.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "decode/instr.h"
#include "decode/module.h"

namespace syncwasm::ir {

struct ValidationError {
  size_t offset;
  std::string message;
};

// Facts about a module gathered by module-level validation, used while validating functions.
struct ModuleContext {
  std::vector<bool> declared_funcs;  // functions that ref.func may name in code
};

// Checks everything but function bodies; throws ValidationError.
ModuleContext validate_module_header(const Module& m, const Features& fs);

struct BlockSig {
  std::span<const ValType> params;
  std::span<const ValType> results;
};

// Validates one function body one instruction at a time, so that a translator can walk the same
// instruction stream and read the operand height before each instruction.
class FuncValidator {
  struct Ctrl;

 public:
  // The validator's stacks, kept from one function (and translation) to the next: their capacity is
  // reused, so that deep nesting does not pay for fresh memory every time.
  struct Stacks {
    std::vector<ValType> locals, vals;
    std::vector<Ctrl> ctrls;
  };
  FuncValidator(const Module& m, const ModuleContext& ctx, const Features& fs, uint32_t func_index, Stacks& stacks);

  // Applies one instruction; throws ValidationError. After the final `end`, done() is true.
  void step(const Instr& in);
  // step() for the most frequent instructions, inline: a translator that dispatches on the opcode
  // once per instruction calls the one that applies (step() uses them too).
  void step_simple(const Instr& in) {
    offset_ = in.offset;
    const OpInfo& info = op_info(in.op);
    if (!((features_ >> unsigned(info.feature)) & 1)) [[unlikely]] feature_disabled(info);
    for (int i = info.npops; i-- > 0;) pop(info.pops[i]);
    push(info.push);
  }
  void step_load(const Instr& in) {
    offset_ = in.offset;
    check_memory_access(in);
    pop(ValType::i32);
    push(op_info(in.op).push);
  }
  void step_store(const Instr& in) {
    offset_ = in.offset;
    check_memory_access(in);
    pop(op_info(in.op).pops[1]);
    pop(ValType::i32);
  }
  void step_local_get(const Instr& in) {
    offset_ = in.offset;
    push(local(in.a));
  }
  void step_local_set(const Instr& in) {  // local.set and local.tee
    offset_ = in.offset;
    ValType t = local(in.a);
    pop(t);
    if (in.op == Op::local_tee) push(t);
  }
  void step_const(const Instr& in) {  // i32/i64/f32/f64.const
    static_assert(unsigned(Op::f64_const) - unsigned(Op::i32_const) == 3);
    static constexpr ValType kTypes[] = {ValType::i32, ValType::i64, ValType::f32, ValType::f64};
    offset_ = in.offset;
    push(kTypes[unsigned(in.op) - unsigned(Op::i32_const)]);
  }
  bool done() const { return ctrls_.empty(); }

  uint32_t height() const { return uint32_t(vals_.size()); }
  // Bytes of the operand stack (sizes of the values on it), as finite-wasm counts it.
  uint64_t operand_bytes() const { return bytes_; }
  bool unreachable() const { return !ctrls_.empty() && ctrls_.back().unreachable; }
  const std::vector<ValType>& locals() const { return locals_; }  // parameters first
  BlockSig block_sig(const Instr& in) const;

 private:
  static constexpr ValType kUnknown = ValType(0);
  struct Ctrl {
    Op op;
    BlockSig sig;
    uint32_t height;
    bool unreachable;
  };

  // byte_size(t), 0 for kUnknown, from a table: the branches of byte_size mispredicted on every
  // push and pop of a mixed instruction stream.
  static uint32_t size_of(ValType t) {
    static constexpr auto kSizes = [] {
      std::array<uint8_t, 256> a{};
      for (unsigned b = 1; b < 256; ++b) a[b] = uint8_t(byte_size(ValType(b)));
      return a;
    }();
    return kSizes[uint8_t(t)];
  }
  [[noreturn]] void fail(const std::string& msg) const { throw ValidationError{offset_, msg}; }
  [[noreturn]] void feature_disabled(const OpInfo& info) const;
  [[noreturn]] void unknown_local(uint32_t index) const;
  ValType local(uint32_t index) const {
    if (index >= locals_.size()) [[unlikely]] unknown_local(index);
    return locals_[index];
  }
  void check_memory_access(const Instr& in) const {  // a load's or store's memory and alignment
    if (m_.memories.empty() || in.a > op_info(in.op).align_log2) [[unlikely]] bad_memory_access();
  }
  [[noreturn]] void bad_memory_access() const;
  void push(ValType t) {
    vals_.push_back(t);
    bytes_ += size_of(t);
  }
  ValType pop();
  // The common case inline: the expected type on top, above the current block's base.
  ValType pop(ValType expect) {
    if (expect != kUnknown && vals_.size() > ctrls_.back().height && vals_.back() == expect) [[likely]] {
      vals_.pop_back();
      bytes_ -= size_of(expect);
      return expect;
    }
    return pop_checked(expect);
  }
  ValType pop_checked(ValType expect);
  void pop_all(std::span<const ValType> ts);
  void push_all(std::span<const ValType> ts) { for (ValType t : ts) push(t); }
  void push_ctrl(Op op, BlockSig sig);
  Ctrl pop_ctrl();
  std::span<const ValType> label_types(const Ctrl& c) const { return c.op == Op::loop ? c.sig.params : c.sig.results; }
  const Ctrl& label(uint32_t depth) const;
  void set_unreachable();
  void check_memory(uint32_t index = 0) const;
  void check_table(uint32_t index) const;
  void check_data(uint32_t index) const;
  void check_valtype(ValType t) const;

  const Module& m_;
  const ModuleContext& ctx_;
  const Features& fs_;
  uint32_t features_;  // feature_mask(fs_)
  const FuncType& type_;
  std::vector<ValType>& locals_;
  std::vector<ValType>& vals_;
  std::vector<Ctrl>& ctrls_;
  size_t offset_ = 0;
  uint64_t bytes_ = 0;
};

// Full validation, no translation.
Result<void> validate_module(const Module& m, const Features& fs);

}  // namespace syncwasm::ir
