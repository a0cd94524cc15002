#include "decode/decoder.h"

namespace syncwasm::ir {
namespace {

// Order of the known sections; the data count section (12) sits between element (9) and code (10).
int section_rank(uint8_t id) {
  static const int rank[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};
  return rank[id];
}

ValType read_valtype(Reader& r) {
  size_t off = r.offset();
  uint8_t b = r.u8();
  switch (b) {
    case 0x7F: case 0x7E: case 0x7D: case 0x7C: case 0x7B: case 0x70: case 0x6F: return ValType(b);
    default: r.fail_at(off, "malformed value type");
  }
}

ValType read_reftype(Reader& r) {
  size_t off = r.offset();
  uint8_t b = r.u8();
  if (b != 0x70 && b != 0x6F) r.fail_at(off, "malformed reference type");
  return ValType(b);
}

Limits read_limits(Reader& r) {
  size_t off = r.offset();
  uint8_t flag = r.u8();
  Limits l;
  if (flag > 1) r.fail_at(off, "integer too large (malformed limits flags)");
  l.min = r.u32();
  if (flag == 1) l.max = r.u32();
  return l;
}

GlobalType read_global_type(Reader& r) {
  GlobalType g;
  g.type = read_valtype(r);
  size_t off = r.offset();
  uint8_t m = r.u8();
  if (m > 1) r.fail_at(off, "malformed mutability");
  g.mut = m == 1;
  return g;
}

// A vector count; each element takes at least one byte, so a count beyond the bytes left is malformed.
uint32_t read_count(Reader& r) {
  uint32_t n = r.u32();
  if (n > r.remaining()) r.fail("unexpected end (count exceeds section)");
  return n;
}

class Decoder {
 public:
  explicit Decoder(Module& m) : m_(m) {}
  void run();

 private:
  void section(uint8_t id, Reader& r);
  void types(Reader& r);
  void imports(Reader& r);
  void functions(Reader& r);
  void tables(Reader& r);
  void memories(Reader& r);
  void globals(Reader& r);
  void exports(Reader& r);
  void elements(Reader& r);
  void code(Reader& r);
  void data(Reader& r);

  Module& m_;
};

void Decoder::run() {
  Reader r(m_.bytes.data(), m_.bytes.size());
  if (r.remaining() < 4 || std::memcmp(r.pos(), "\0asm", 4) != 0) r.fail("magic header not detected");
  r.take(4);
  if (r.remaining() < 4) r.fail("unexpected end (unknown binary version)");
  if (std::memcmp(r.pos(), "\1\0\0\0", 4) != 0) r.fail("unknown binary version");
  r.take(4);
  int last_rank = 0;
  while (!r.at_end()) {
    size_t id_off = r.offset();
    uint8_t id = r.u8();
    if (id > 12) r.fail_at(id_off, "malformed section id " + std::to_string(id));
    uint32_t size = r.u32();
    Reader s = r.sub(size);
    if (id != 0) {
      int rank = section_rank(id);
      if (rank <= last_rank) r.fail_at(id_off, "unexpected content after last section (section out of order or repeated)");
      last_rank = rank;
    }
    section(id, s);
    if (!s.at_end()) s.fail("section size mismatch");
  }
  size_t ndefined = m_.funcs.size() - m_.num_imported_funcs;
  if (ndefined != m_.bodies.size())
    r.fail("function and code section have inconsistent lengths");
  if (m_.data_count && *m_.data_count != m_.datas.size())
    r.fail("data count and data section have inconsistent lengths");
  for (const CustomSection& c : m_.customs)
    if (c.name == "name") decode_name_section(m_, c);
}

void Decoder::section(uint8_t id, Reader& r) {
  switch (id) {
    case 0: {
      CustomSection c;
      c.offset = r.offset();
      c.name = r.name();
      size_t n = r.remaining();
      const uint8_t* p = r.take(n);
      c.bytes.assign(p, p + n);
      m_.customs.push_back(std::move(c));
      break;
    }
    case 1: types(r); break;
    case 2: imports(r); break;
    case 3: functions(r); break;
    case 4: tables(r); break;
    case 5: memories(r); break;
    case 6: globals(r); break;
    case 7: exports(r); break;
    case 8: m_.start = r.u32(); break;
    case 9: elements(r); break;
    case 10: code(r); break;
    case 11: data(r); break;
    case 12: m_.data_count = r.u32(); break;
  }
}

void Decoder::types(Reader& r) {
  uint32_t n = read_count(r);
  m_.types.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    size_t off = r.offset();
    if (r.u8() != 0x60) r.fail_at(off, "malformed function type (expected 0x60)");
    FuncType t;
    uint32_t np = read_count(r);
    for (uint32_t k = 0; k < np; ++k) t.params.push_back(read_valtype(r));
    uint32_t nr = read_count(r);
    for (uint32_t k = 0; k < nr; ++k) t.results.push_back(read_valtype(r));
    m_.types.push_back(std::move(t));
  }
}

void Decoder::imports(Reader& r) {
  uint32_t n = read_count(r);
  for (uint32_t i = 0; i < n; ++i) {
    Import im;
    im.module = r.name();
    im.name = r.name();
    size_t off = r.offset();
    uint8_t kind = r.u8();
    switch (kind) {
      case 0:
        im.kind = ExternKind::func;
        im.func_type = r.u32();
        m_.funcs.push_back(im.func_type);
        ++m_.num_imported_funcs;
        break;
      case 1:
        im.kind = ExternKind::table;
        im.table.elem = read_reftype(r);
        im.table.limits = read_limits(r);
        m_.tables.push_back(im.table);
        ++m_.num_imported_tables;
        break;
      case 2:
        im.kind = ExternKind::memory;
        im.memory.limits = read_limits(r);
        m_.memories.push_back(im.memory);
        ++m_.num_imported_memories;
        break;
      case 3:
        im.kind = ExternKind::global;
        im.global = read_global_type(r);
        m_.global_types.push_back(im.global);
        ++m_.num_imported_globals;
        break;
      default: r.fail_at(off, "malformed import kind");
    }
    m_.imports.push_back(std::move(im));
  }
}

void Decoder::functions(Reader& r) {
  uint32_t n = read_count(r);
  for (uint32_t i = 0; i < n; ++i) m_.funcs.push_back(r.u32());
}

void Decoder::tables(Reader& r) {
  uint32_t n = read_count(r);
  for (uint32_t i = 0; i < n; ++i) {
    TableType t;
    t.elem = read_reftype(r);
    t.limits = read_limits(r);
    m_.tables.push_back(t);
  }
}

void Decoder::memories(Reader& r) {
  uint32_t n = read_count(r);
  for (uint32_t i = 0; i < n; ++i) m_.memories.push_back(MemType{read_limits(r)});
}

void Decoder::globals(Reader& r) {
  uint32_t n = read_count(r);
  for (uint32_t i = 0; i < n; ++i) {
    Global g;
    g.type = read_global_type(r);
    g.init = read_const_expr(r);
    m_.global_types.push_back(g.type);
    m_.globals.push_back(std::move(g));
  }
}

void Decoder::exports(Reader& r) {
  uint32_t n = read_count(r);
  for (uint32_t i = 0; i < n; ++i) {
    Export e;
    e.name = r.name();
    size_t off = r.offset();
    uint8_t kind = r.u8();
    if (kind > 3) r.fail_at(off, "malformed export kind");
    e.kind = ExternKind(kind);
    e.index = r.u32();
    m_.exports.push_back(std::move(e));
  }
}

void Decoder::elements(Reader& r) {
  uint32_t n = read_count(r);
  for (uint32_t i = 0; i < n; ++i) {
    ElemSegment s;
    size_t off = r.offset();
    uint32_t flags = r.u32();
    if (flags > 7) r.fail_at(off, "malformed elements segment kind");
    bool passive_or_decl = flags & 1, explicit_table = flags & 2, exprs = flags & 4;
    if (!passive_or_decl) {
      s.mode = SegmentMode::active;
      if (explicit_table) s.table = r.u32();
      s.offset = read_const_expr(r);
    } else {
      s.mode = explicit_table ? SegmentMode::declarative : SegmentMode::passive;
    }
    // Flags 0 and 4 imply funcref; the others carry an element kind (0x00) or a reference type.
    if (flags != 0 && flags != 4) {
      if (exprs) s.type = read_reftype(r);
      else {
        size_t koff = r.offset();
        if (r.u8() != 0x00) r.fail_at(koff, "malformed element kind");
        s.type = ValType::funcref;
      }
    }
    uint32_t count = read_count(r);
    s.items.reserve(count);
    for (uint32_t k = 0; k < count; ++k) {
      if (exprs) {
        s.items.push_back(read_const_expr(r));
      } else {
        ConstExpr e;
        e.offset = r.offset();
        Instr in;
        in.op = Op::ref_func;
        in.offset = e.offset;
        in.a = r.u32();
        e.instrs.push_back(in);
        s.items.push_back(std::move(e));
      }
    }
    m_.elems.push_back(std::move(s));
  }
}

void Decoder::code(Reader& r) {
  uint32_t n = read_count(r);
  m_.bodies.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t size = r.u32();
    Reader b = r.sub(size);
    FuncBody body;
    body.body_size = size;
    uint32_t runs = read_count(b);
    uint64_t total = 0;
    for (uint32_t k = 0; k < runs; ++k) {
      uint32_t count = b.u32();
      total += count;
      if (total > kMaxLocalsPerFunction) b.fail("too many locals");
      body.locals.push_back({count, read_valtype(b)});
    }
    body.num_locals = uint32_t(total);
    body.code_begin = b.offset();
    body.code_end = b.offset() + b.remaining();
    b.take(b.remaining());
    m_.bodies.push_back(std::move(body));
  }
}

void Decoder::data(Reader& r) {
  uint32_t n = read_count(r);
  for (uint32_t i = 0; i < n; ++i) {
    DataSegment s;
    size_t off = r.offset();
    uint32_t flags = r.u32();
    if (flags > 2) r.fail_at(off, "malformed data segment kind");
    if (flags == 1) {
      s.mode = SegmentMode::passive;
    } else {
      if (flags == 2) s.memory = r.u32();
      s.offset = read_const_expr(r);
    }
    uint32_t len = r.u32();
    const uint8_t* p = r.take(len);
    s.bytes.assign(p, p + len);
    m_.datas.push_back(std::move(s));
  }
}

}  // namespace

ConstExpr read_const_expr(Reader& r) {
  ConstExpr e;
  e.offset = r.offset();
  InstrReader ir(r);
  for (;;) {
    if (r.at_end()) r.fail("unexpected end of constant expression (missing end)");
    Instr in = ir.next();
    if (in.op == Op::end) return e;
    in.targets = nullptr;  // never used: a br_table here is rejected by validation
    e.instrs.push_back(in);
  }
}

std::string Module::func_name(uint32_t idx) const {
  auto it = func_names.find(idx);
  std::string s(1, it != func_names.end() ? '$' : '#');
  return s.append(it != func_names.end() ? it->second : std::to_string(idx));
}

// Decode-only pass over every function body, tracking block nesting: the binary format's rules
// take precedence over validation errors when classifying a bad module.
void decode_bodies(const Module& m) {
  for (const FuncBody& body : m.bodies) {
    Reader r(m.bytes.data() + body.code_begin, body.code_end - body.code_begin, body.code_begin);
    InstrReader ir(r);
    for (uint32_t depth = 1; depth > 0;) {
      if (ir.at_end()) r.fail("unexpected end");
      Op op = ir.next().op;
      if (op == Op::block || op == Op::loop || op == Op::if_) ++depth;
      else if (op == Op::end) --depth;
    }
    if (!ir.at_end()) r.fail("section size mismatch: bytes after the end of the function body");
  }
}

Result<Module> decode_module(std::span<const uint8_t> wasm) {
  Module m;
  m.bytes.assign(wasm.begin(), wasm.end());
  try {
    Decoder(m).run();
  } catch (const ParseError& e) {
    return make_error(ErrorKind::malformed, e.message, e.offset);
  }
  return m;
}

}  // namespace syncwasm::ir
