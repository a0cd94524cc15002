#include <set>

#include "decode/decoder.h"
#include "validate/validator.h"

namespace syncwasm::ir {
namespace {

constexpr uint32_t kMaxPages = 65536;

class HeaderValidator {
 public:
  HeaderValidator(const Module& m, const Features& fs) : m_(m), fs_(fs) {}
  ModuleContext run();

 private:
  [[noreturn]] void fail(size_t off, const std::string& msg) const { throw ValidationError{off, msg}; }
  void check_valtype(ValType t, size_t off) const;
  void check_limits(const Limits& l, uint64_t bound, const char* what) const;
  ValType const_expr(const ConstExpr& e, ValType expect);

  const Module& m_;
  const Features& fs_;
  ModuleContext ctx_;
};

void HeaderValidator::check_valtype(ValType t, size_t off) const {
  if (t == ValType::v128) fail(off, "SIMD (v128) is not supported");
  if (is_ref(t) && !fs_.reference_types) fail(off, "reference-types feature is disabled (reference-typed value)");
}

void HeaderValidator::check_limits(const Limits& l, uint64_t bound, const char* what) const {
  if (l.min > bound || (l.max && *l.max > bound))
    fail(0, std::string(what) + " size must be at most " + std::to_string(bound) +
                (bound == kMaxPages ? " pages (4GiB)" : ""));
  if (l.max && l.min > *l.max) fail(0, "size minimum must not be greater than maximum");
}

// Constant expressions: one constant instruction (2.0 has no extended constants) of the expected type.
ValType HeaderValidator::const_expr(const ConstExpr& e, ValType expect) {
  if (e.instrs.size() != 1) fail(e.offset, e.instrs.empty() ? "type mismatch: empty constant expression"
                                                           : "constant expression required (type mismatch)");
  const Instr& in = e.instrs[0];
  ValType t;
  switch (in.op) {
    case Op::i32_const: t = ValType::i32; break;
    case Op::i64_const: t = ValType::i64; break;
    case Op::f32_const: t = ValType::f32; break;
    case Op::f64_const: t = ValType::f64; break;
    case Op::ref_null:
      if (!fs_.reference_types && !fs_.bulk_memory) fail(in.offset, "ref.null requires the reference-types feature");
      t = ValType(in.a);
      break;
    case Op::ref_func:
      if (in.a >= m_.funcs.size()) fail(in.offset, "unknown function " + std::to_string(in.a));
      ctx_.declared_funcs[in.a] = true;
      t = ValType::funcref;
      break;
    case Op::global_get:
      if (in.a >= m_.num_imported_globals) fail(in.offset, "unknown global " + std::to_string(in.a));
      if (m_.global_types[in.a].mut) fail(in.offset, "constant expression required (global is mutable)");
      t = m_.global_types[in.a].type;
      break;
    default: fail(in.offset, "constant expression required");
  }
  if (t != expect) fail(in.offset, std::string("type mismatch: constant expression of type ") + to_string(t) +
                                       ", expected " + to_string(expect));
  return t;
}

ModuleContext HeaderValidator::run() {
  ctx_.declared_funcs.assign(m_.funcs.size(), false);
  for (const FuncType& t : m_.types) {
    for (ValType v : t.params) check_valtype(v, 0);
    for (ValType v : t.results) check_valtype(v, 0);
    if (t.results.size() > 1 && !fs_.multi_value)
      fail(0, "invalid result arity: several results require the multi-value feature, which is disabled");
  }
  for (uint32_t i = 0; i < m_.funcs.size(); ++i)
    if (m_.funcs[i] >= m_.types.size()) fail(0, "unknown type " + std::to_string(m_.funcs[i]));
  for (const Import& im : m_.imports)
    if (im.kind == ExternKind::global && im.global.mut && !fs_.mutable_globals)
      fail(0, "importing a mutable global requires the mutable-globals feature, which is disabled");
  for (const TableType& t : m_.tables) {
    check_limits(t.limits, UINT32_MAX, "table");
    if (t.elem == ValType::externref && !fs_.reference_types) fail(0, "externref tables require reference-types");
  }
  if (m_.tables.size() > 1 && !fs_.reference_types) fail(0, "multiple tables require the reference-types feature");
  for (const MemType& mt : m_.memories) check_limits(mt.limits, kMaxPages, "memory");
  if (m_.memories.size() > 1) fail(0, "multiple memories");
  for (const Global& g : m_.globals) check_valtype(g.type.type, g.init.offset);

  std::set<std::string_view> names;
  for (const Export& e : m_.exports) {
    if (!names.insert(e.name).second) fail(0, "duplicate export name \"" + e.name + "\"");
    switch (e.kind) {
      case ExternKind::func:
        if (e.index >= m_.funcs.size()) fail(0, "unknown function " + std::to_string(e.index));
        ctx_.declared_funcs[e.index] = true;
        break;
      case ExternKind::table:
        if (e.index >= m_.tables.size()) fail(0, "unknown table " + std::to_string(e.index));
        break;
      case ExternKind::memory:
        if (e.index >= m_.memories.size()) fail(0, "unknown memory " + std::to_string(e.index));
        break;
      case ExternKind::global:
        if (e.index >= m_.global_types.size()) fail(0, "unknown global " + std::to_string(e.index));
        if (m_.global_types[e.index].mut && !fs_.mutable_globals)
          fail(0, "exporting a mutable global requires the mutable-globals feature, which is disabled");
        break;
    }
  }
  for (const Global& g : m_.globals) const_expr(g.init, g.type.type);
  for (const ElemSegment& s : m_.elems) {
    if (s.mode != SegmentMode::active || s.table != 0 || s.type != ValType::funcref)
      if (!fs_.bulk_memory && !fs_.reference_types) fail(s.offset.offset, "element segment form requires bulk-memory");
    for (const ConstExpr& item : s.items) const_expr(item, s.type);
    if (s.mode == SegmentMode::active) {
      if (s.table >= m_.tables.size()) fail(s.offset.offset, "unknown table " + std::to_string(s.table));
      if (m_.tables[s.table].elem != s.type) fail(s.offset.offset, "type mismatch: element segment type differs from its table's");
      const_expr(s.offset, ValType::i32);
    }
  }
  for (const DataSegment& d : m_.datas) {
    if (d.mode == SegmentMode::active) {
      if (d.memory >= m_.memories.size()) fail(d.offset.offset, "unknown memory " + std::to_string(d.memory));
      const_expr(d.offset, ValType::i32);
    }
  }
  if (m_.start) {
    if (*m_.start >= m_.funcs.size()) fail(0, "unknown function " + std::to_string(*m_.start));
    const FuncType& t = m_.func_type(*m_.start);
    if (!t.params.empty() || !t.results.empty()) fail(0, "start function must have type [] -> []");
  }
  return std::move(ctx_);
}

}  // namespace

ModuleContext validate_module_header(const Module& m, const Features& fs) { return HeaderValidator(m, fs).run(); }

Result<void> validate_module(const Module& m, const Features& fs) {
  try {
    ModuleContext ctx = validate_module_header(m, fs);
    FuncValidator::Stacks stacks;
    for (uint32_t i = 0; i < m.bodies.size(); ++i) {
      uint32_t fidx = m.num_imported_funcs + i;
      const FuncBody& body = m.bodies[i];
      FuncValidator v(m, ctx, fs, fidx, stacks);
      Reader r(m.bytes.data() + body.code_begin, body.code_end - body.code_begin, body.code_begin);
      InstrReader ir(r);
      while (!v.done()) {
        if (ir.at_end()) r.fail("unexpected end of function body (missing end)");
        v.step(ir.next());
      }
      if (!ir.at_end()) r.fail("section size mismatch: bytes after the end of the function body");
    }
  } catch (const ParseError& e) {
    return make_error(ErrorKind::malformed, e.message, e.offset);
  } catch (const ValidationError& e) {
    try {
      decode_bodies(m);
    } catch (const ParseError& pe) {
      return make_error(ErrorKind::malformed, pe.message, pe.offset);
    }
    return make_error(ErrorKind::invalid, e.message, e.offset ? std::optional<size_t>(e.offset) : std::nullopt);
  }
  return {};
}

}  // namespace syncwasm::ir
