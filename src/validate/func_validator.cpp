#include "validate/validator.h"

namespace syncwasm::ir {
namespace {

// Backing storage for single-value block types, so a BlockSig can point at one element.
constexpr ValType kValTypes[] = {ValType::i32, ValType::i64, ValType::f32, ValType::f64,
                                 ValType::v128, ValType::funcref, ValType::externref};

std::span<const ValType> one(ValType t) {
  for (const ValType& v : kValTypes)
    if (v == t) return {&v, 1};
  return {};
}

bool is_num(ValType t) { return t == ValType::i32 || t == ValType::i64 || t == ValType::f32 || t == ValType::f64; }

}  // namespace

FuncValidator::FuncValidator(const Module& m, const ModuleContext& ctx, const Features& fs, uint32_t func_index,
                             Stacks& stacks)
    : m_(m), ctx_(ctx), fs_(fs), features_(feature_mask(fs)), type_(m.func_type(func_index)),
      locals_(stacks.locals), vals_(stacks.vals), ctrls_(stacks.ctrls) {
  vals_.clear();
  ctrls_.clear();
  locals_.assign(type_.params.begin(), type_.params.end());
  const FuncBody& body = m.bodies[func_index - m.num_imported_funcs];
  offset_ = body.code_begin;
  for (const LocalRun& run : body.locals) {
    check_valtype(run.type);
    locals_.insert(locals_.end(), run.count, run.type);
  }
  ctrls_.push_back({Op::block, {type_.params, type_.results}, 0, false});
  ctrls_.back().sig.params = {};  // the function's label takes no parameters; locals hold them
}

void FuncValidator::check_valtype(ValType t) const {
  if (t == ValType::v128) fail("SIMD (v128) is not supported");
  if (is_ref(t) && !fs_.reference_types) fail("reference-types feature is disabled (reference-typed value)");
}

ValType FuncValidator::pop() {
  const Ctrl& c = ctrls_.back();
  if (vals_.size() == c.height) {
    if (c.unreachable) return kUnknown;
    fail("type mismatch: operand stack underflow");
  }
  ValType t = vals_.back();
  vals_.pop_back();
  bytes_ -= size_of(t);
  return t;
}

ValType FuncValidator::pop_checked(ValType expect) {
  ValType t = pop();
  if (t != expect && t != kUnknown && expect != kUnknown)
    fail(std::string("type mismatch: expected ") + to_string(expect) + ", got " + to_string(t));
  return t;  // Unknown stays Unknown (br_table re-pushes what it popped)
}

void FuncValidator::pop_all(std::span<const ValType> ts) {
  for (size_t i = ts.size(); i-- > 0;) pop(ts[i]);
}

void FuncValidator::push_ctrl(Op op, BlockSig sig) {
  ctrls_.push_back({op, sig, uint32_t(vals_.size()), false});
  push_all(sig.params);
}

FuncValidator::Ctrl FuncValidator::pop_ctrl() {
  if (ctrls_.empty()) fail("unexpected instruction after the end of the function");
  Ctrl c = ctrls_.back();
  pop_all(c.sig.results);
  if (vals_.size() != c.height) fail("type mismatch: values remain on the stack at the end of a block");
  ctrls_.pop_back();
  return c;
}

const FuncValidator::Ctrl& FuncValidator::label(uint32_t depth) const {
  if (depth >= ctrls_.size()) fail("unknown label " + std::to_string(depth));
  return ctrls_[ctrls_.size() - 1 - depth];
}

void FuncValidator::set_unreachable() {
  while (vals_.size() > ctrls_.back().height) {
    bytes_ -= size_of(vals_.back());
    vals_.pop_back();
  }
  ctrls_.back().unreachable = true;
}

void FuncValidator::check_memory(uint32_t index) const {
  if (index >= m_.memories.size()) fail("unknown memory " + std::to_string(index));
}

void FuncValidator::check_data(uint32_t index) const {
  if (index >= m_.datas.size()) fail("unknown data segment " + std::to_string(index));
  // A binary-format rule (malformed, not invalid), checkable only once the whole module is decoded.
  if (!m_.data_count) throw ParseError{offset_, "data count section required"};
}

void FuncValidator::check_table(uint32_t index) const {
  if (index >= m_.tables.size()) fail("unknown table " + std::to_string(index));
}

BlockSig FuncValidator::block_sig(const Instr& in) const {
  switch (in.block_kind) {
    case BlockKind::empty: return {};
    case BlockKind::value: return {{}, one(ValType(in.a))};
    case BlockKind::type_index: {
      if (in.a >= m_.types.size()) fail("unknown type " + std::to_string(in.a));
      const FuncType& t = m_.types[in.a];
      return {t.params, t.results};
    }
  }
  return {};
}

void FuncValidator::feature_disabled(const OpInfo& info) const {
  fail(std::string(info.text) + " requires the " + feature_name(info.feature) + " feature, which is disabled");
}

void FuncValidator::unknown_local(uint32_t index) const { fail("unknown local " + std::to_string(index)); }

void FuncValidator::bad_memory_access() const {
  check_memory();
  fail("alignment must not be larger than natural");
}

void FuncValidator::step(const Instr& in) {
  offset_ = in.offset;
  if (ctrls_.empty()) fail("unexpected instruction after the end of the function");
  const OpInfo& info = op_info(in.op);
  switch (info.cls) {
    case OpClass::simple: return step_simple(in);
    case OpClass::load: return step_load(in);
    case OpClass::store: return step_store(in);
    case OpClass::special: break;
  }
  if (!((features_ >> unsigned(info.feature)) & 1)) feature_disabled(info);
  switch (in.op) {
    case Op::unreachable: set_unreachable(); break;
    case Op::nop: break;
    case Op::block:
    case Op::loop:
    case Op::if_: {
      BlockSig sig = block_sig(in);
      if (in.block_kind == BlockKind::value) check_valtype(ValType(in.a));
      if (in.block_kind == BlockKind::type_index && (!sig.params.empty() || sig.results.size() > 1) && !fs_.multi_value)
        fail("block with parameters or several results requires the multi-value feature, which is disabled");
      if (in.op == Op::if_) pop(ValType::i32);
      pop_all(sig.params);
      push_ctrl(in.op, sig);
      break;
    }
    case Op::else_: {
      if (ctrls_.back().op != Op::if_) fail("else without matching if");
      Ctrl c = pop_ctrl();
      push_ctrl(Op::else_, c.sig);
      break;
    }
    case Op::end: {
      Ctrl c = pop_ctrl();
      // An if without else must map its parameters to its results unchanged.
      if (c.op == Op::if_ && !std::equal(c.sig.params.begin(), c.sig.params.end(), c.sig.results.begin(), c.sig.results.end()))
        fail("type mismatch: if without else must have matching parameter and result types");
      push_all(c.sig.results);
      break;
    }
    case Op::br: {
      pop_all(label_types(label(in.a)));
      set_unreachable();
      break;
    }
    case Op::br_if: {
      pop(ValType::i32);
      auto ts = label_types(label(in.a));
      pop_all(ts);
      push_all(ts);
      break;
    }
    case Op::br_table: {
      pop(ValType::i32);
      auto def = label_types(label(in.a));
      for (uint32_t t : *in.targets) {
        auto ts = label_types(label(t));
        if (ts.size() != def.size()) fail("type mismatch: br_table targets have different arities");
        // Check each target's types against the operands without consuming them.
        std::vector<ValType> popped;
        for (size_t i = ts.size(); i-- > 0;) popped.push_back(pop(ts[i]));
        for (size_t i = popped.size(); i-- > 0;) push(popped[i]);
      }
      pop_all(def);
      set_unreachable();
      break;
    }
    case Op::return_:
      pop_all(type_.results);
      set_unreachable();
      break;
    case Op::call: {
      if (in.a >= m_.funcs.size()) fail("unknown function " + std::to_string(in.a));
      const FuncType& t = m_.func_type(in.a);
      pop_all(t.params);
      push_all(t.results);
      break;
    }
    case Op::call_indirect: {
      check_table(in.b);
      if (m_.tables[in.b].elem != ValType::funcref) fail("type mismatch: call_indirect table must hold funcref");
      if (in.a >= m_.types.size()) fail("unknown type " + std::to_string(in.a));
      const FuncType& t = m_.types[in.a];
      pop(ValType::i32);
      pop_all(t.params);
      push_all(t.results);
      break;
    }
    case Op::drop: pop(); break;
    case Op::select: {
      pop(ValType::i32);
      ValType t1 = pop(), t2 = pop();
      if ((t1 != kUnknown && !is_num(t1)) || (t2 != kUnknown && !is_num(t2)))
        fail("type mismatch: select without a type needs numeric operands");
      if (t1 != t2 && t1 != kUnknown && t2 != kUnknown) fail("type mismatch: select operands differ");
      push(t1 == kUnknown ? t2 : t1);
      break;
    }
    case Op::select_t: {
      if (in.a != 1) fail("invalid result arity: select takes exactly one type");
      ValType t = ValType(in.b);
      check_valtype(t);
      pop(ValType::i32);
      pop(t);
      pop(t);
      push(t);
      break;
    }
    case Op::local_get: step_local_get(in); break;
    case Op::local_set:
    case Op::local_tee: step_local_set(in); break;
    case Op::global_get:
      if (in.a >= m_.global_types.size()) fail("unknown global " + std::to_string(in.a));
      push(m_.global_types[in.a].type);
      break;
    case Op::global_set:
      if (in.a >= m_.global_types.size()) fail("unknown global " + std::to_string(in.a));
      if (!m_.global_types[in.a].mut) fail("global is immutable");
      pop(m_.global_types[in.a].type);
      break;
    case Op::table_get:
      check_table(in.a);
      pop(ValType::i32);
      push(m_.tables[in.a].elem);
      break;
    case Op::table_set:
      check_table(in.a);
      pop(m_.tables[in.a].elem);
      pop(ValType::i32);
      break;
    case Op::memory_size: check_memory(); push(ValType::i32); break;
    case Op::memory_grow: check_memory(); pop(ValType::i32); push(ValType::i32); break;
    case Op::i32_const:
    case Op::i64_const:
    case Op::f32_const:
    case Op::f64_const: step_const(in); break;
    case Op::ref_null: push(ValType(in.a)); break;
    case Op::ref_is_null: {
      ValType t = pop();
      if (t != kUnknown && !is_ref(t)) fail("type mismatch: ref.is_null needs a reference");
      push(ValType::i32);
      break;
    }
    case Op::ref_func:
      if (in.a >= m_.funcs.size()) fail("unknown function " + std::to_string(in.a));
      if (!ctx_.declared_funcs[in.a]) fail("undeclared function reference");
      push(ValType::funcref);
      break;
    case Op::memory_init:
      check_memory();
      check_data(in.a);
      pop(ValType::i32); pop(ValType::i32); pop(ValType::i32);
      break;
    case Op::data_drop:
      check_data(in.a);
      break;
    case Op::memory_copy:
    case Op::memory_fill:
      check_memory();
      pop(ValType::i32); pop(ValType::i32); pop(ValType::i32);
      break;
    case Op::table_init: {
      check_table(in.b);
      if (in.a >= m_.elems.size()) fail("unknown elem segment " + std::to_string(in.a));
      if (m_.elems[in.a].type != m_.tables[in.b].elem) fail("type mismatch: table.init element type");
      pop(ValType::i32); pop(ValType::i32); pop(ValType::i32);
      break;
    }
    case Op::elem_drop:
      if (in.a >= m_.elems.size()) fail("unknown elem segment " + std::to_string(in.a));
      break;
    case Op::table_copy:
      check_table(in.a);
      check_table(in.b);
      if (m_.tables[in.a].elem != m_.tables[in.b].elem) fail("type mismatch: table.copy element types differ");
      pop(ValType::i32); pop(ValType::i32); pop(ValType::i32);
      break;
    case Op::table_grow:
      check_table(in.a);
      pop(ValType::i32);
      pop(m_.tables[in.a].elem);
      push(ValType::i32);
      break;
    case Op::table_size: check_table(in.a); push(ValType::i32); break;
    case Op::table_fill:
      check_table(in.a);
      pop(ValType::i32);
      pop(m_.tables[in.a].elem);
      pop(ValType::i32);
      break;
    default: fail(std::string("unhandled instruction ") + info.text);
  }
}

}  // namespace syncwasm::ir
