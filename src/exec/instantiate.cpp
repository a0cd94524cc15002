#include "exec/instantiate.h"

namespace syncwasm::rt {
namespace {

bool limits_match(const Limits& actual, const Limits& expected) {
  if (actual.min < expected.min) return false;
  if (expected.max && (!actual.max || *actual.max > *expected.max)) return false;
  return true;
}

uint64_t eval_const(const ir::ConstExpr& e, const Instance& inst) {
  const ir::Instr& in = e.instrs.at(0);
  switch (in.op) {
    case ir::Op::global_get: return inst.globals[in.a]->value;
    case ir::Op::ref_func: return reinterpret_cast<uint64_t>(inst.funcs[in.a]);
    case ir::Op::ref_null: return 0;
    default: return in.c;  // t.const: the bits
  }
}

std::string import_name(const ir::Import& im) { return "\"" + im.module + "\" \"" + im.name + "\""; }

}  // namespace

std::string describe(ExternKind kind, const void* object) {
  switch (kind) {
    case ExternKind::func: return "func " + static_cast<const FuncInst*>(object)->type.to_string();
    case ExternKind::table: {
      auto* t = static_cast<const TableInst*>(object);
      return std::string("table ") + to_string(t->elem) + " " + std::to_string(t->elems.size());
    }
    case ExternKind::memory: return "memory " + std::to_string(static_cast<const MemInst*>(object)->pages());
    case ExternKind::global: {
      auto* g = static_cast<const GlobalInst*>(object);
      return std::string("global ") + (g->mut ? "mut " : "") + to_string(g->type);
    }
  }
  return "?";
}

Result<Instance*> instantiate(StoreData& st, std::shared_ptr<const ir::CompiledModule> cm, const Imports& imports,
                              uint64_t start_fuel) {
  const ir::Module& m = cm->module;
  auto owned = std::make_unique<Instance>();
  Instance& inst = *owned;
  inst.module = cm;
  inst.store = &st;
  for (const FuncType& t : m.types) inst.type_ids.push_back(st.intern(t));

  for (const ir::Import& im : m.imports) {
    const Extern* e = imports.find(im.module, im.name);
    if (!e) return make_error(ErrorKind::unlinkable, "unknown import " + import_name(im));
    if (e->kind != im.kind)
      return make_error(ErrorKind::unlinkable, "incompatible import type for " + import_name(im) + ": expected " +
                                                   to_string(im.kind) + ", got " + describe(e->kind, e->object));
    bool ok = true;
    switch (im.kind) {
      case ExternKind::func: {
        auto* f = static_cast<FuncInst*>(e->object);
        ok = f->type == m.types[im.func_type];
        inst.funcs.push_back(f);
        break;
      }
      case ExternKind::table: {
        auto* t = static_cast<TableInst*>(e->object);
        ok = t->elem == im.table.elem && limits_match({uint32_t(t->elems.size()), t->max}, im.table.limits);
        inst.tables.push_back(t);
        break;
      }
      case ExternKind::memory: {
        auto* mem = static_cast<MemInst*>(e->object);
        ok = limits_match({mem->pages(), mem->max()}, im.memory.limits);
        inst.memory = mem;
        break;
      }
      case ExternKind::global: {
        auto* g = static_cast<GlobalInst*>(e->object);
        ok = g->type == im.global.type && g->mut == im.global.mut;
        inst.globals.push_back(g);
        break;
      }
    }
    if (!ok)
      return make_error(ErrorKind::unlinkable, "incompatible import type for " + import_name(im) + ": got " +
                                                   describe(e->kind, e->object));
  }

  Instance* ip = owned.get();
  st.instances.push_back(std::move(owned));

  for (size_t i = 0; i < cm->funcs.size(); ++i) {
    auto f = std::make_unique<FuncInst>();
    uint32_t fidx = m.num_imported_funcs + uint32_t(i);
    f->type = m.func_type(fidx);
    f->type_id = inst.type_ids[m.funcs[fidx]];
    f->instance = ip;
    f->compiled = &cm->funcs[i];
    f->code = cm->code.data() + cm->funcs[i].code_offset;
    f->consts = cm->consts.data() + cm->funcs[i].const_offset;
    inst.funcs.push_back(f.get());
    st.funcs.push_back(std::move(f));
  }
  for (size_t i = m.num_imported_tables; i < m.tables.size(); ++i) {
    auto t = std::make_unique<TableInst>();
    t->elem = m.tables[i].elem;
    t->max = m.tables[i].limits.max;
    t->elems.assign(m.tables[i].limits.min, 0);
    inst.tables.push_back(t.get());
    st.tables.push_back(std::move(t));
  }
  if (m.memories.size() > m.num_imported_memories) {
    auto mem = std::make_unique<MemInst>(m.memories[0].limits.min, m.memories[0].limits.max);
    inst.memory = mem.get();
    st.memories.push_back(std::move(mem));
  }
  for (const ir::Global& g : m.globals) {
    auto gi = std::make_unique<GlobalInst>();
    gi->type = g.type.type;
    gi->mut = g.type.mut;
    gi->value = eval_const(g.init, inst);
    inst.globals.push_back(gi.get());
    st.globals.push_back(std::move(gi));
  }
  for (const ir::Export& e : m.exports) {
    void* obj = nullptr;
    switch (e.kind) {
      case ExternKind::func: obj = inst.funcs[e.index]; break;
      case ExternKind::table: obj = inst.tables[e.index]; break;
      case ExternKind::memory: obj = inst.memory; break;
      case ExternKind::global: obj = inst.globals[e.index]; break;
    }
    inst.exports.push_back({e.name, Extern{e.kind, obj}});
  }
  for (const ir::ElemSegment& s : m.elems) {
    std::vector<uint64_t> refs;
    refs.reserve(s.items.size());
    for (const ir::ConstExpr& item : s.items) refs.push_back(eval_const(item, inst));
    inst.elem_segs.push_back(std::move(refs));
  }
  inst.data_dropped.assign(m.datas.size(), false);

  for (size_t i = 0; i < m.elems.size(); ++i) {
    const ir::ElemSegment& s = m.elems[i];
    if (s.mode == ir::SegmentMode::active) {
      uint32_t off = uint32_t(eval_const(s.offset, inst));
      if (!table_init(*inst.tables[s.table], inst.elem_segs[i], off, 0, inst.elem_segs[i].size()))
        return make_error(ErrorKind::uninstantiable, trap_message(TrapKind::out_of_bounds_table));
    }
    if (s.mode != ir::SegmentMode::passive) inst.elem_segs[i].clear();
  }
  for (size_t i = 0; i < m.datas.size(); ++i) {
    const ir::DataSegment& d = m.datas[i];
    if (d.mode != ir::SegmentMode::active) continue;
    uint32_t off = uint32_t(eval_const(d.offset, inst));
    if (!inst.memory || !memory_init(*inst.memory, d.bytes, off, 0, d.bytes.size()))
      return make_error(ErrorKind::uninstantiable, trap_message(TrapKind::out_of_bounds_memory));
    inst.data_dropped[i] = true;
  }
  if (m.start) {
    auto ex = prepare_execution(st, inst.funcs[*m.start], {});
    if (!ex) return std::unexpected(ex.error());
    (*ex)->fuel = start_fuel;
    switch (run_execution(**ex)) {
      case syncwasm::ExecState::finished: break;
      case syncwasm::ExecState::trapped:
        return make_error(ErrorKind::uninstantiable, (*ex)->trap.message);
      default:
        return make_error(ErrorKind::uninstantiable, "the start function suspended, which is not allowed");
    }
  }
  return ip;
}

Result<std::unique_ptr<ExecState>> prepare_execution(StoreData& st, FuncInst* f, std::span<const Value> args) {
  const FuncType& t = f->type;
  if (args.size() != t.params.size())
    return make_error(ErrorKind::usage, "expected " + std::to_string(t.params.size()) + " arguments, got " +
                                            std::to_string(args.size()));
  for (size_t i = 0; i < args.size(); ++i)
    if (args[i].type != t.params[i])
      return make_error(ErrorKind::usage, "argument " + std::to_string(i) + " has type " + to_string(args[i].type) +
                                              ", expected " + to_string(t.params[i]));
  auto s = std::make_unique<ExecState>();
  s->store = &st;
  s->entry = f;
  size_t slots = f->compiled ? f->compiled->frame_slots : std::max(t.params.size(), t.results.size());
  s->stack.assign(std::max<size_t>(slots, 64), 0);
  for (size_t i = 0; i < args.size(); ++i) s->stack[i] = args[i].bits;
  if (f->compiled) std::copy_n(f->consts, f->compiled->num_consts, s->stack.data() + f->compiled->const_base);
  s->pc = f->code;
  s->inst = f->instance;
  s->stack_left = st.cfg.gas.stack_budget;
  return s;
}

syncwasm::ExecState run_execution(ExecState& s) {
  if (s.entry->instance) {
    uint64_t cost = s.entry->compiled->stack_cost;
    if (s.store->cfg.gas.stack_budget) {
      if (cost > s.stack_left) {
        s.trap = {TrapKind::call_stack_exhausted, trap_message(TrapKind::call_stack_exhausted), 0};
        return s.state = syncwasm::ExecState::trapped;
      }
      s.stack_left -= cost;
    }
    return interpret(s);
  }
  // A host function invoked directly by the embedder.
  const FuncType& t = s.entry->type;
  std::vector<uint64_t> res(t.results.size(), 0);
  HostCall hc{{s.stack.data(), t.params.size()}, {res.data(), res.size()}, nullptr, s.owner, {}, &s.fuel};
  HostResult r = s.entry->host(hc);
  if (r.status == HostStatus::trap) {
    s.trap = {TrapKind::host, r.message};
    return s.state = syncwasm::ExecState::trapped;
  }
  if (r.status == HostStatus::suspend) {
    s.trap = {TrapKind::host, "a host function called directly by the embedder cannot suspend"};
    return s.state = syncwasm::ExecState::trapped;
  }
  s.results.clear();
  for (size_t i = 0; i < res.size(); ++i) s.results.push_back({t.results[i], res[i]});
  return s.state = syncwasm::ExecState::finished;
}

}  // namespace syncwasm::rt
