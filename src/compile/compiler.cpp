#include "compile/compiler.h"

#include "compile/const_table.h"
#include "compile/fused_pairs.h"
#include "prepare/metering.h"

#include "decode/decoder.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <type_traits>
#include <utility>

namespace syncwasm::ir {
namespace {

// A branch offset to patch once the target is known, and a block of the function being translated.
struct Fixup {
  uint32_t instr, field;
};
struct Ctrl {
  Op op;
  uint32_t base;  // operand height where the block's parameters (and later results) start
  uint32_t nparams, nresults;
  bool live_entry;
  uint32_t loop_pos = 0;
  std::optional<Fixup> else_fixup;
  std::vector<Fixup> fixups;  // forward branches to this block's end
  uint32_t arity() const { return op == Op::loop ? nparams : nresults; }
};

// Disengages an optional with a plain store (for the trivially copyable ones here): reset() tests
// whether it is engaged first, a branch that mispredicts on mixed code.
template <class T>
void disengage(std::optional<T>& o) {
  static_assert(std::is_trivially_copyable_v<std::optional<T>>);
  o = std::optional<T>();
}

// The translator's working state, reused from one function to the next and per thread from one
// translation to the next: reusing their capacity spares long or deeply nested functions the page
// faults of fresh memory (half the translation time of deep nesting). Past kKeepBytes they are
// released after use.
struct WorkingState {
  ConstTable consts;
  FuncValidator::Stacks stacks;
  std::vector<Ctrl> ctrls;             // FuncCompiler's block stack
  std::vector<uint32_t> src;           // FuncCompiler's operand sources
  std::vector<uint32_t> stack_fields;  // FuncCompiler's code positions that may hold operand-stack slots

  static constexpr size_t kKeepBytes = size_t(16) << 20;
  void release_if_large() {
    if (consts.capacity_bytes() + stacks.ctrls.capacity() * sizeof(decltype(stacks.ctrls)::value_type) +
            stacks.vals.capacity() + stacks.locals.capacity() + ctrls.capacity() * sizeof(Ctrl) +
            (src.capacity() + stack_fields.capacity()) * sizeof(uint32_t) >
        kKeepBytes)
      *this = WorkingState{};
  }
};

class FuncCompiler {
 public:
  FuncCompiler(const Module& m, const ModuleContext& ctx, const Features& fs, const GasSchedule& gas,
               uint32_t func_index, const void* const* handlers, std::vector<CodeUnit>& code,
               std::vector<uint64_t>& module_consts, WorkingState& work)
      : m_(m), v_(m, ctx, fs, func_index, work.stacks), gas_(gas), handlers_(handlers), code_(code),
        module_consts_(module_consts), consts_(work.consts), type_(m.func_type(func_index)), func_index_(func_index),
        src_(work.src), stack_fields_(work.stack_fields), ctrls_(work.ctrls) {
    src_.clear();
    ctrls_.clear();
    stack_fields_.clear();
    const FuncBody& body = m.bodies[func_index - m.num_imported_funcs];
    consts_.clear(body.code_end - body.code_begin);
  }

  CompiledFunc run();

 private:
  // Frame slots: the locals, then the function's constants, then the operand stack. The number of
  // constants is known only at the end of the function (one pass, no pre-pass over the body), so
  // operand-stack slots are written as kStackTag + height and every field that may hold one is
  // recorded (operand()); relocate() rewrites them once the constants are counted.
  static constexpr uint32_t kStackTag = 0x8000'0000;
  static_assert(kMaxLocalsPerFunction < kStackTag / 2);
  static_assert(kStackTag == 1u << 31);  // relocate() tests the top bit
  uint32_t slot(uint32_t h) const { return kStackTag + h; }
  void relocate() {
    uint32_t shift = num_locals_ + consts_.size() - kStackTag;  // (mod 2^32)
    for (uint32_t at : stack_fields_) {  // branch-free: tagged or not is data, unpredictable
      uint32_t v = code_[at];
      code_[at] = v + (shift & -(v >> 31));
    }
  }
  void truncate(uint32_t at) {  // drops the code from `at` on (a fusion replaces it)
    code_.resize(at);
    while (!stack_fields_.empty() && stack_fields_.back() >= at) stack_fields_.pop_back();
  }
  // Operand sources. A local.get is not copied onto the stack at once: its operand reads the local's
  // slot directly until that local is written or control flow needs every operand in its own slot
  // (labels, branches, calls and other non-foldable instructions materialize them first).
  uint32_t src(uint32_t h) const { return h < src_.size() ? src_[h] : slot(h); }
  void set_pending(uint32_t h, uint32_t local) {
    while (src_.size() <= h) src_.push_back(slot(uint32_t(src_.size())));
    if (src_[h] == slot(h)) ++pending_;
    src_[h] = local;
  }
  void settle(uint32_t h) {  // operand h is (again) in its own slot
    if (h < src_.size()) {  // (branch-free: whether it was pending is data, unpredictable)
      pending_ -= src_[h] != slot(h);
      src_[h] = slot(h);
    }
  }
  void pop_operands(uint32_t from, uint32_t to) {
    for (uint32_t k = from; k < to; ++k) settle(k);
  }
  void materialize(uint32_t h) {
    if (src(h) == slot(h)) return;
    copy(slot(h), src(h));
    settle(h);
  }
  // A copy right after another (no label between them) joins it as a copy2: wasm's local shuffles
  // (a = b; b = c; ...) come as runs of copies.
  void copy(uint32_t dst, uint32_t from) {
    if (last_copy_ && *last_copy_ + 4 == here() && label_ != here()) {
      set_handler(*last_copy_, handler_index(XOp::copy2));
      disengage(last_copy_);
      disengage(result_);
    } else {
      last_copy_ = op(handler_index(XOp::copy));
    }
    operand(dst);
    operand(from);
  }
  std::optional<uint32_t> last_copy_;  // start of the last copy emitted
  uint32_t label_ = UINT32_MAX;        // the last code position branches may target
  void materialize_all(uint32_t h) {
    for (uint32_t k = 0; pending_ && k < h; ++k) materialize(k);
  }
  void materialize_local(uint32_t local, uint32_t h) {
    for (uint32_t k = 0; pending_ && k < h; ++k)
      if (src(k) == local) materialize(k);
  }
  static bool foldable(Op op);
  // Per opcode, computed once: translation asks for every instruction (a table beats two switches).
  struct OpProps {
    bool foldable;
    GasClass gas[2];  // by GasSchedule::grow_linear
  };
  static const OpProps& props(Op op) {
    static const std::array<OpProps, kOpCount> table = [] {
      std::array<OpProps, kOpCount> t{};
      for (unsigned i = 0; i < kOpCount; ++i)
        t[i] = {foldable(Op(i)), {gas_class(Op(i), false), gas_class(Op(i), true)}};
      return t;
    }();
    return table[unsigned(op)];
  }
  // The paths of run()'s dispatch. A dense switch on these compiles to one indirect jump (a switch
  // on the opcode itself became a chain of range tests ahead of the jump, each mispredicting on
  // mixed code). f32.const and f64.const take the general path, as rarer.
  enum class Path : uint8_t { general, simple, load, store, local_get, local_set, i32_const, i64_const };
  static constexpr Path path_of(Op op, OpClass c) {
    switch (op) {
      case Op::local_get: return Path::local_get;
      case Op::local_set: case Op::local_tee: return Path::local_set;
      case Op::i32_const: return Path::i32_const;
      case Op::i64_const: return Path::i64_const;
      default:
        return c == OpClass::simple ? Path::simple : c == OpClass::load ? Path::load
             : c == OpClass::store ? Path::store : Path::general;
    }
  }
  // By an instruction's first byte: the path and, where it is not general, the instruction.
  struct ByteEntry {
    Path path = Path::general;
    Op op = Op::nop;
  };
  static const ByteEntry& by_byte(uint8_t b) {
    static constexpr std::array<ByteEntry, 256> kBytes = [] {
      std::array<ByteEntry, 256> t{};
      auto set = [&t](unsigned prefix, unsigned code, Op op, OpClass c) {
        if (prefix == 0) t[code] = {path_of(op, c), op};
      };
#define SPECIAL(name, text, prefix, code, imm, feature) set(prefix, code, Op::name, OpClass::special);
#define SIMPLE(name, text, prefix, code, pops, push, feature) set(prefix, code, Op::name, OpClass::simple);
#define LOAD(name, text, code, align_log2, push) set(0, code, Op::name, OpClass::load);
#define STORE(name, text, code, align_log2, pop) set(0, code, Op::name, OpClass::store);
#include "decode/opcodes.def"
      return t;
    }();
    return kBytes[b];
  }
  // Validation and translation of one instruction at operand height h, by path.
  void translate_simple(const Instr& in, uint32_t h) {
    v_.step_simple(in);
    track_heights();
    if (start_foldable()) emit_simple(in.op, h);
  }
  void translate_load(const Instr& in, uint32_t h) {
    v_.step_load(in);
    track_heights();
    if (start_foldable()) emit_load(in, h);
  }
  void translate_store(const Instr& in, uint32_t h) {
    v_.step_store(in);
    track_heights();
    if (start_foldable()) emit_store(in, h);
  }
  void translate_local_get(const Instr& in, uint32_t h) {
    v_.step_local_get(in);
    track_heights();
    if (start_foldable()) set_pending(h, in.a);
  }
  void translate_local_set(const Instr& in, uint32_t h) {
    v_.step_local_set(in);
    track_heights();
    if (start_foldable()) emit_local_set(in, h);
  }
  void translate_const(const Instr& in, uint32_t h) {  // i32/i64/f32/f64.const
    v_.step_const(in);
    track_heights();
    if (start_foldable()) set_pending(h, const_slot(const_bits(in)));
  }
  static bool reads_condition(Op op) { return op == Op::if_ || op == Op::br_if || op == Op::br_table; }
  // The last instruction's destination operand, while nothing else has been emitted: `x = a + b;
  // local.set` then writes straight into the local instead of the stack slot plus a copy.
  struct Result {
    uint32_t field;  // code position of the destination operand
    uint32_t height;
  };
  std::optional<Result> result_;
  void produced(uint32_t instr, uint32_t height) { result_ = Result{instr + 2, height}; }
  // The last instruction emitted that produces a value (a simple operation or a load), with its
  // result in the operand slot at `height`: the instruction consuming that result may fuse with it
  // (comparison + br_if/if, i32.add + load, load + operation, operation + operation).
  // Instructions that emit no code (local.get, constants) may come between; labels and control flow
  // may not. `wide`: a binary operation, or a load whose address comes from an i32.add.
  struct Last {
    uint32_t at, end, height;
    Op op;
    bool wide;
  };
  std::optional<Last> last_;
  // last_, when nothing was emitted after it and the operand at `height` is still its result (not
  // retargeted to a local, not dropped and replaced).
  std::optional<Last> producer_of(uint32_t height) const {
    if (!last_ || last_->end != here() || last_->height != height) return std::nullopt;
    if (code_[last_->at + 2] != slot(height) || src(height) != slot(height)) return std::nullopt;
    return last_;
  }
  static std::optional<XOp> fused_branch(Op op, bool when_true) {
    switch (op) {
#define F(cmp) \
  case Op::cmp: return when_true ? XOp::br_if_##cmp : XOp::br_unless_##cmp;
      SYNCWASM_FUSED_CMPS(F, F)
#undef F
      default: return std::nullopt;
    }
  }
  // The last instruction, when it is a load or store: the next region's gas charge joins it (charge()).
  struct LastLoad {
    uint32_t at, end;
    XOp with_gas;
  };
  std::optional<LastLoad> last_load_, fusable_load_;
  static XOp with_gas(Op op, bool add) {
    switch (op) {
#define L(load) \
  case Op::load: return add ? XOp::load##_add_gas : XOp::load##_gas;
      SYNCWASM_FUSED_LOADS(L)
#undef L
#define S(store) \
  case Op::store: return XOp::store##_gas;
      SYNCWASM_FUSED_STORES(S)
#undef S
      default: std::abort();  // every load and store is in SYNCWASM_FUSED_LOADS/STORES
    }
  }
  // A binary operation consuming last_'s result: SYNCWASM_FUSED_LOAD_OPS (a load that took the next
  // region's charge) or SYNCWASM_FUSED_PAIRS.
  bool fuse_binary(Op op, uint32_t h);
  static std::optional<XOp> fused_load(Op op) {
    switch (op) {
#define L(load) \
  case Op::load: return XOp::load##_add;
      SYNCWASM_FUSED_LOADS(L)
#undef L
      default: return std::nullopt;
    }
  }
  // Replaces the comparison whose result is the condition at height cond_h by a fused branch;
  // returns the new instruction's start and its branch-offset field.
  std::optional<Fixup> fuse_branch(uint32_t cond_h, bool when_true) {
    std::optional<Last> c = producer_of(cond_h);
    std::optional<XOp> fused = c ? fused_branch(c->op, when_true) : std::nullopt;
    if (!fused) return std::nullopt;
    disengage(last_);
    uint32_t a = code_[c->at + 3], b = c->wide ? code_[c->at + 4] : 0;
    truncate(c->at);
    uint32_t at = op(handler_index(*fused));
    operand(a);
    if (c->wide) operand(b);
    u(0);
    return Fixup{at, here() - 1};
  }
  bool reads_local(uint32_t local, uint32_t h) const {
    for (uint32_t k = 0; pending_ && k < h; ++k)
      if (src(k) == local) return true;
    return false;
  }
  uint32_t here() const { return uint32_t(code_.size()); }
  uint32_t op(unsigned handler) {
    disengage(result_);  // a new instruction: the previous one's result field may no longer be retargeted
    uint32_t start = here();
    u64(reinterpret_cast<uint64_t>(handlers_[handler]));  // appended (a resize zero-fills through memset)
    return start;
  }
  void set_handler(uint32_t at, unsigned handler) {
    uint64_t addr = reinterpret_cast<uint64_t>(handlers_[handler]);
    code_[at] = CodeUnit(addr);
    code_[at + 1] = CodeUnit(addr >> 32);
  }
  bool has_handler(uint32_t at, unsigned handler) const {
    uint64_t addr = reinterpret_cast<uint64_t>(handlers_[handler]);
    return code_[at] == CodeUnit(addr) && code_[at + 1] == CodeUnit(addr >> 32);
  }
  void u(uint32_t x) { code_.push_back(x); }
  void operand(uint32_t s) {  // a field holding a frame slot
    stack_fields_.push_back(here());
    u(s);
  }
  uint32_t const_slot(uint64_t bits) { return num_locals_ + consts_.index(bits); }
  static uint64_t const_bits(const Instr& in) {
    return in.op == Op::i32_const || in.op == Op::f32_const ? uint32_t(in.c) : in.op == Op::ref_null ? 0 : in.c;
  }
  // Translation of one instruction at operand height h (before it), after its validation. The
  // most frequent instructions have their own paths, called from run()'s dispatch; emit() takes the rest.
  void emit(const Instr& in, uint32_t h);
  void emit_body(const Instr& in, uint32_t h);
  void emit_simple(Op op, uint32_t h);
  void emit_load(const Instr& in, uint32_t h);
  void emit_store(const Instr& in, uint32_t h);
  void emit_local_set(const Instr& in, uint32_t h);  // local.set and local.tee
  // The start of every instruction that may fold into its neighbours: whether it is live (emits
  // code), its cost charged if so.
  bool start_foldable() {
    fusable_load_ = last_load_;
    disengage(last_load_);
    if (dead_) return false;
    charge(gas_.regular_op);
    return true;
  }
  void track_heights() {
    max_height_ = std::max(max_height_, v_.height());
    if (!dead_) max_bytes_ = std::max(max_bytes_, v_.operand_bytes());
  }
  void u64(uint64_t x) {
    u(uint32_t(x));
    u(uint32_t(x >> 32));
  }
  // Metering: a region's summed cost is charged by one gas instruction at its start, emitted when
  // the region's first cost arrives and patched as costs accumulate.
  void charge(uint64_t cost) {
    if (!gas_.enabled) return;
    if (region_) [[likely]] {  // the common case inline: add to the open region's charge
      region_cost_ += cost;
      code_[*region_] = uint32_t(region_cost_);
      code_[*region_ + 1] = uint32_t(region_cost_ >> 32);
      return;
    }
    open_region(cost);
  }
  // A region's first cost: its gas instruction, or the charge joins the load or store just before
  // (its _gas variant: one instruction fewer).
  void open_region(uint64_t cost) {
    bool joined = fusable_load_ && fusable_load_->end == here();
    if (joined) set_handler(fusable_load_->at, handler_index(fusable_load_->with_gas));
    else op(handler_index(XOp::gas));
    region_ = here();
    u64(cost);
    region_cost_ = cost;
    if (joined && last_ && last_->at == fusable_load_->at) last_->end = here();  // it still ends there
    disengage(fusable_load_);
  }
  // Ends the current region: at labels, and after instructions that may trap or branch.
  void end_region() { disengage(region_); }  // (region_cost_ is set anew when the next region opens)
  void copies(uint32_t dst_h, uint32_t src_h, uint32_t n) {
    if (dst_h == src_h) return;
    for (uint32_t i = 0; i < n; ++i) copy(slot(dst_h + i), slot(src_h + i));
  }
  // Jump to label `depth` with its values on top of a stack of height h.
  void branch_to(uint32_t depth, uint32_t h, unsigned handler_op = handler_index(XOp::br));
  void link(Ctrl& target, uint32_t instr, uint32_t field);
  void patch(const Fixup& f, uint32_t target) {
    code_[f.field] = target - f.instr;
    label_ = target;
  }

  const Module& m_;
  FuncValidator v_;
  const GasSchedule& gas_;
  const void* const* handlers_;
  std::vector<CodeUnit>& code_;
  std::vector<uint64_t>& module_consts_;
  // Constants live in frame slots right after the locals (below the operand stack, so that a
  // callee's frame never overlaps them), numbered in order of first appearance.
  ConstTable& consts_;
  const FuncType& type_;
  uint32_t func_index_;
  uint32_t num_locals_ = 0;
  uint32_t max_height_ = 0;
  uint64_t max_bytes_ = 0;
  std::vector<uint32_t>& src_;
  std::vector<uint32_t>& stack_fields_;
  uint32_t pending_ = 0;
  std::optional<uint32_t> region_;
  uint64_t region_cost_ = 0;
  bool dead_ = false;
  std::vector<Ctrl>& ctrls_;
};

void FuncCompiler::link(Ctrl& target, uint32_t instr, uint32_t field) {
  if (target.op == Op::loop) code_[field] = target.loop_pos - instr;
  else target.fixups.push_back({instr, field});
}

void FuncCompiler::branch_to(uint32_t depth, uint32_t h, unsigned handler_op) {
  Ctrl& t = ctrls_[ctrls_.size() - 1 - depth];
  uint32_t n = t.arity();
  copies(t.base, h - n, n);
  uint32_t at = op(handler_op);
  u(0);
  link(t, at, at + 2);
}

CompiledFunc FuncCompiler::run() {
  CompiledFunc f;
  f.code_offset = here();
  f.num_params = uint32_t(type_.params.size());
  num_locals_ = uint32_t(v_.locals().size());
  f.num_locals = num_locals_;
  f.num_results = uint32_t(type_.results.size());
  ctrls_.push_back({Op::block, 0, 0, f.num_results, true, 0, std::nullopt, {}});
  uint64_t frame = frame_bytes(v_.locals());
  charge((frame + 7) / 8 * gas_.regular_op);

  const FuncBody& body = m_.bodies[func_index_ - m_.num_imported_funcs];
  Reader r(m_.bytes.data() + body.code_begin, body.code_end - body.code_begin, body.code_begin);
  InstrReader ir(r);
  while (!v_.done()) {
    if (r.at_end()) r.fail("unexpected end of function body (missing end)");
    // One dispatch per instruction, on its first byte: the most frequent instructions are decoded,
    // validated and translated on their own paths (reading their immediates as InstrReader does);
    // the rest are decoded by InstrReader and go through the general steps.
    Instr in;
    in.offset = r.offset();
    const ByteEntry& e = by_byte(*r.pos());
    in.op = e.op;
    uint32_t h = v_.height();
    switch (e.path) {
      case Path::simple: r.u8(); translate_simple(in, h); break;
      case Path::load: r.u8(); in.a = r.u32(); in.c = r.u32(); translate_load(in, h); break;
      case Path::store: r.u8(); in.a = r.u32(); in.c = r.u32(); translate_store(in, h); break;
      case Path::local_get: r.u8(); in.a = r.u32(); translate_local_get(in, h); break;
      case Path::local_set: r.u8(); in.a = r.u32(); translate_local_set(in, h); break;
      case Path::i32_const: r.u8(); in.c = uint32_t(r.s32()); translate_const(in, h); break;
      case Path::i64_const: r.u8(); in.c = uint64_t(r.s64()); translate_const(in, h); break;
      case Path::general:
        ir.read(in);
        // Of the instructions with paths of their own, only numeric operations have a prefixed
        // (0xFC) form: the saturating truncations.
        if (op_info(in.op).cls == OpClass::simple) [[unlikely]] {
          translate_simple(in, h);
          break;
        }
        v_.step(in);
        track_heights();
        emit(in, h);
        break;
    }
  }
  if (!r.at_end()) {
    size_t at = r.offset();
    while (!ir.at_end()) ir.next();  // a malformed instruction there is reported first
    r.fail_at(at, "section size mismatch: bytes after the end of the function body");
  }
  relocate();
  f.const_base = num_locals_;
  f.num_consts = consts_.size();
  f.const_offset = uint32_t(module_consts_.size());
  module_consts_.insert(module_consts_.end(), consts_.values().begin(), consts_.values().end());
  f.frame_slots = std::max(num_locals_ + consts_.size() + max_height_, f.num_results);
  f.max_operand_bytes = max_bytes_;
  f.stack_cost = max_bytes_ + frame;
  return f;
}

bool FuncCompiler::foldable(Op op) {
  OpClass c = op_info(op).cls;
  if (c != OpClass::special) return true;
  switch (op) {
    case Op::nop: case Op::drop: case Op::select: case Op::select_t: case Op::local_get: case Op::local_set:
    case Op::local_tee: case Op::global_get: case Op::global_set: case Op::i32_const: case Op::i64_const:
    case Op::f32_const: case Op::f64_const: case Op::ref_null:
      return true;
    default:
      return false;
  }
}

void FuncCompiler::emit(const Instr& in, uint32_t h) {
  const OpProps& pr = props(in.op);
  if (pr.foldable) {  // (none of them has a linear cost)
    if (start_foldable()) {
      emit_body(in, h);
      if (pr.gas[gas_.grow_linear] != GasClass::pure) end_region();
    }
    return;
  }
  disengage(last_load_);
  disengage(fusable_load_);  // a label may point right after the load: the charge stays separate
  // A branch's condition or index is read where it is (a local, a constant); the rest must be in place.
  if (!dead_) materialize_all(reads_condition(in.op) ? h - 1 : h);
  disengage(result_);  // labels and control flow: a later local.set must not retarget code before them
  if (!reads_condition(in.op)) disengage(last_);  // (a comparison may still fuse with a branch on it)
  // Structured control keeps the compiler's block stack in step with the validator's, even in dead code.
  switch (in.op) {
    case Op::block: case Op::loop: case Op::if_: {
      BlockSig sig = v_.block_sig(in);
      uint32_t np = uint32_t(sig.params.size());
      uint32_t cond = in.op == Op::if_ ? 1 : 0;
      Ctrl c{in.op, h - cond - np, np, uint32_t(sig.results.size()), !dead_, 0, std::nullopt, {}};
      if (!dead_) {
        if (in.op == Op::loop) {
          end_region();
          c.loop_pos = label_ = here();
          charge(gas_.regular_op);  // a loop's cost is paid at the start of every iteration
        } else if (in.op == Op::if_) {
          charge(gas_.regular_op);
          if (auto f = fuse_branch(h - 1, false)) {
            c.else_fixup = f;
          } else {
            uint32_t at = op(handler_index(XOp::br_unless));
            operand(src(h - 1));
            u(0);
            c.else_fixup = Fixup{at, at + 3};
          }
          settle(h - 1);
          end_region();
        }
      }
      ctrls_.push_back(std::move(c));
      return;
    }
    case Op::else_: {
      Ctrl& c = ctrls_.back();
      if (c.live_entry) {
        if (!dead_) {
          uint32_t at = op(handler_index(XOp::br));
          u(0);
          c.fixups.push_back({at, at + 2});
        }
        end_region();
        patch(*c.else_fixup, here());
        c.else_fixup.reset();
      }
      dead_ = !c.live_entry;
      return;
    }
    case Op::end: {
      Ctrl c = std::move(ctrls_.back());
      ctrls_.pop_back();
      if (c.live_entry) {
        end_region();
        uint32_t target = here();
        if (c.else_fixup) patch(*c.else_fixup, target);
        for (const Fixup& f : c.fixups) patch(f, target);
      }
      dead_ = !c.live_entry;
      if (ctrls_.empty()) {  // the function's end: every path arrives with its results at height 0
        op(handler_index(XOp::return_));
        u(c.nresults);
        operand(slot(0));
      }
      return;
    }
    default: break;
  }
  if (dead_) return;
  GasClass gc = pr.gas[gas_.grow_linear];
  if (gc == GasClass::linear && gas_.enabled) {
    end_region();
    op(handler_index(XOp::gas_linear));
    u64(gas_.linear_base);
    u64(gas_.linear_unit);
    operand(slot(h - 1));
  } else {
    charge(gas_.regular_op);
  }
  emit_body(in, h);
  if (gc != GasClass::pure) end_region();
}

bool FuncCompiler::fuse_binary(Op b, uint32_t h) {
  bool right = true;  // last_'s result is b's right operand, or else its left one
  std::optional<Last> a = producer_of(h - 1);
  if (!a) {
    right = false;
    a = producer_of(h - 2);
  }
  if (!a) return false;
  uint32_t z = src(right ? h - 2 : h - 1);
  uint32_t at = a->at;
  if (std::optional<XOp> fused = fused_pair(a->op, b, right)) {
    uint32_t x = code_[at + 3], y = code_[at + 4];
    truncate(at);
    op(handler_index(*fused));
    operand(slot(h - 2));
    operand(x);
    operand(y);
    operand(z);
  } else if (std::optional<XOp> fused = fused_load_op(a->op, a->wide, b, right)) {
    if (!has_handler(at, handler_index(with_gas(a->op, a->wide)))) return false;  // no charge joined it
    // Same operands in the same places (region_ may point at the cost), b's destination, and z.
    set_handler(at, handler_index(*fused));
    code_[at + 2] = slot(h - 2);
    operand(z);
  } else {
    return false;
  }
  disengage(last_);
  pop_operands(h - 2, h);
  produced(at, h - 2);
  return true;
}

void FuncCompiler::emit_simple(Op o, uint32_t h) {
  const OpInfo& info = op_info(o);
  if (info.npops != 2 || !fuse_binary(o, h)) {
    uint32_t at = op(handler_index(o));
    operand(slot(h - info.npops));
    for (unsigned i = 0; i < info.npops; ++i) operand(src(h - info.npops + i));
    pop_operands(h - info.npops, h);
    produced(at, h - info.npops);
    last_ = Last{at, here(), h - info.npops, o, info.npops == 2};
  }
  if (props(o).gas[gas_.grow_linear] != GasClass::pure) end_region();  // it may trap
}

void FuncCompiler::emit_load(const Instr& in, uint32_t h) {
  std::optional<Last> add = producer_of(h - 1);
  bool fused = add && add->op == Op::i32_add;  // the address: a load of its own, *_add
  uint32_t at;
  if (fused) {
    uint32_t a = code_[add->at + 3], b = code_[add->at + 4];
    truncate(add->at);
    at = op(handler_index(*fused_load(in.op)));
    operand(slot(h - 1));
    operand(a);
    operand(b);
  } else {
    at = op(handler_index(in.op));
    operand(slot(h - 1));
    operand(src(h - 1));
  }
  u(uint32_t(in.c));
  settle(h - 1);
  produced(at, h - 1);
  last_load_ = LastLoad{at, here(), with_gas(in.op, fused)};
  last_ = Last{at, here(), h - 1, in.op, fused};
  end_region();  // it may trap
}

void FuncCompiler::emit_store(const Instr& in, uint32_t h) {
  uint32_t at = op(handler_index(in.op));
  operand(src(h - 2));
  operand(src(h - 1));
  u(uint32_t(in.c));
  pop_operands(h - 2, h);
  last_load_ = LastLoad{at, here(), with_gas(in.op, false)};
  end_region();  // it may trap
}

void FuncCompiler::emit_local_set(const Instr& in, uint32_t h) {
  if (result_ && result_->height == h - 1 && src(h - 1) == slot(h - 1) && !reads_local(in.a, h - 1)) {
    code_[result_->field] = in.a;  // the producer writes the local directly
    disengage(result_);
    if (in.op == Op::local_tee) set_pending(h - 1, in.a);
    return;
  }
  materialize_local(in.a, h - 1);  // operands still reading the old value get their own copy
  if (src(h - 1) != in.a) copy(in.a, src(h - 1));
  if (in.op == Op::local_set) settle(h - 1);
}

void FuncCompiler::emit_body(const Instr& in, uint32_t h) {
  switch (in.op) {
    case Op::unreachable:
      op(handler_index(XOp::unreachable));
      dead_ = true;
      break;
    case Op::nop:
      break;
    case Op::drop:
      settle(h - 1);
      break;
    case Op::br:
      branch_to(in.a, h);
      dead_ = true;
      break;
    case Op::br_if: {
      Ctrl& t = ctrls_[ctrls_.size() - 1 - in.a];
      uint32_t n = t.arity();
      if (t.base == h - 1 - n || n == 0) {
        if (auto f = fuse_branch(h - 1, true)) {
          link(t, f->instr, f->field);
        } else {
          uint32_t at = op(handler_index(XOp::br_if));
          operand(src(h - 1));
          u(0);
          link(t, at, at + 3);
        }
      } else {
        uint32_t skip = op(handler_index(XOp::br_unless));
        operand(src(h - 1));
        u(0);
        branch_to(in.a, h - 1);
        patch({skip, skip + 3}, here());
      }
      settle(h - 1);
      break;
    }
    case Op::br_table: {
      const std::vector<uint32_t>& targets = *in.targets;
      uint32_t n = uint32_t(targets.size());
      uint32_t at = op(handler_index(XOp::br_table));
      operand(src(h - 1));
      settle(h - 1);
      u(n);
      uint32_t first = here();
      for (uint32_t i = 0; i <= n; ++i) u(0);
      // Entries whose values must move get a stub (copies + br) after the table; one per depth.
      std::vector<std::pair<uint32_t, uint32_t>> stubs;  // depth -> stub position
      for (uint32_t i = 0; i <= n; ++i) {
        uint32_t depth = i < n ? targets[i] : in.a;
        Ctrl& t = ctrls_[ctrls_.size() - 1 - depth];
        uint32_t k = t.arity();
        if (t.base == h - 1 - k || k == 0) {
          link(t, at, first + i);
          continue;
        }
        uint32_t stub = 0;
        for (auto& [d, pos] : stubs)
          if (d == depth) stub = pos;
        if (!stub) {
          stub = label_ = here();
          stubs.push_back({depth, stub});
          branch_to(depth, h - 1);
        }
        code_[first + i] = stub - at;
      }
      dead_ = true;
      break;
    }
    case Op::return_:
      op(handler_index(XOp::return_));
      u(uint32_t(type_.results.size()));
      operand(slot(h - uint32_t(type_.results.size())));
      dead_ = true;
      break;
    case Op::call: {
      uint32_t np = uint32_t(m_.func_type(in.a).params.size());
      op(handler_index(XOp::call));
      u(in.a);
      operand(slot(h - np));
      break;
    }
    case Op::call_indirect: {
      uint32_t np = uint32_t(m_.types[in.a].params.size());
      op(handler_index(XOp::call_indirect));
      u(in.a);
      u(in.b);
      operand(slot(h - 1 - np));
      operand(slot(h - 1));
      break;
    }
    case Op::select:
    case Op::select_t: {
      uint32_t at = op(handler_index(XOp::select));
      operand(slot(h - 3));
      operand(src(h - 3));
      operand(src(h - 2));
      operand(src(h - 1));
      pop_operands(h - 3, h);
      produced(at, h - 3);
      break;
    }
    case Op::global_get:
      produced(op(handler_index(XOp::global_get)), h);
      operand(slot(h));
      u(in.a);
      break;
    case Op::global_set:
      op(handler_index(XOp::global_set));
      u(in.a);
      operand(src(h - 1));
      settle(h - 1);
      break;
    case Op::f32_const:
    case Op::f64_const:
    case Op::ref_null:
      set_pending(h, const_slot(const_bits(in)));
      break;
    case Op::memory_size:
      op(handler_index(XOp::memory_size));
      operand(slot(h));
      break;
    case Op::memory_grow:
      op(handler_index(XOp::memory_grow));
      operand(slot(h - 1));
      break;
    case Op::memory_init:
      op(handler_index(XOp::memory_init));
      u(in.a);
      operand(slot(h - 3));
      break;
    case Op::data_drop:
      op(handler_index(XOp::data_drop));
      u(in.a);
      break;
    case Op::memory_copy:
    case Op::memory_fill:
      op(handler_index(in.op == Op::memory_copy ? XOp::memory_copy : XOp::memory_fill));
      operand(slot(h - 3));
      break;
    case Op::table_get:
      op(handler_index(XOp::table_get));
      u(in.a);
      operand(slot(h - 1));
      break;
    case Op::table_set:
      op(handler_index(XOp::table_set));
      u(in.a);
      operand(slot(h - 2));
      break;
    case Op::table_init:
      op(handler_index(XOp::table_init));
      u(in.a);
      u(in.b);
      operand(slot(h - 3));
      break;
    case Op::elem_drop:
      op(handler_index(XOp::elem_drop));
      u(in.a);
      break;
    case Op::table_copy:
      op(handler_index(XOp::table_copy));
      u(in.a);
      u(in.b);
      operand(slot(h - 3));
      break;
    case Op::table_grow:
      op(handler_index(XOp::table_grow));
      u(in.a);
      operand(slot(h - 2));
      break;
    case Op::table_size:
      op(handler_index(XOp::table_size));
      u(in.a);
      operand(slot(h));
      break;
    case Op::table_fill:
      op(handler_index(XOp::table_fill));
      u(in.a);
      operand(slot(h - 3));
      break;
    case Op::ref_func:
      op(handler_index(XOp::ref_func));
      operand(slot(h));
      u(in.a);
      break;
    case Op::ref_is_null:
      op(handler_index(XOp::ref_is_null));
      operand(slot(h - 1));
      operand(slot(h - 1));
      break;
    default:
      break;  // block, loop, if, else, end: handled above
  }
}

}  // namespace

Result<std::shared_ptr<const CompiledModule>> compile_module(Module m, const Features& fs, const GasSchedule& gas,
                                                            const void* const* handlers) {
  auto cm = std::make_shared<CompiledModule>();
  thread_local WorkingState work;
  struct Release {
    WorkingState& w;
    ~Release() { w.release_if_large(); }
  } release{work};
  cm->module = std::move(m);
  const Module& mod = cm->module;
  try {
    ModuleContext ctx = validate_module_header(mod, fs);
    cm->funcs.reserve(mod.bodies.size());
    // About 1.4 code units per byte of wasm (bench/run's modules): reserving 2 avoids the copies of
    // growing, and the untouched rest of a large reservation costs no physical memory.
    cm->code.reserve(mod.bytes.size() * 2);
    for (uint32_t i = 0; i < mod.bodies.size(); ++i)
      cm->funcs.push_back(FuncCompiler(mod, ctx, fs, gas, mod.num_imported_funcs + i, handlers, cm->code, cm->consts, work).run());
  } catch (const ParseError& e) {
    return make_error(ErrorKind::malformed, e.message, e.offset);
  } catch (const ValidationError& e) {
    try {
      decode_bodies(mod);
    } catch (const ParseError& pe) {
      return make_error(ErrorKind::malformed, pe.message, pe.offset);
    }
    return make_error(ErrorKind::invalid, e.message, e.offset ? std::optional<size_t>(e.offset) : std::nullopt);
  }
  return std::shared_ptr<const CompiledModule>(std::move(cm));
}

}  // namespace syncwasm::ir
