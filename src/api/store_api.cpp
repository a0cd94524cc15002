#include "exec/instantiate.h"
#include "syncwasm/engine.h"

namespace syncwasm {

void Imports::define_instance(const std::string& module, const Instance& inst) {
  for (auto& [name, e] : inst.exports()) define(module, name, e);
}

const Extern* Imports::find(const std::string& module, const std::string& name) const {
  auto it = map_.find({module, name});
  return it == map_.end() ? nullptr : &it->second;
}

std::optional<Extern> Instance::get_export(std::string_view name) const {
  for (auto& [n, e] : inst_->exports)
    if (n == name) return e;
  return std::nullopt;
}

std::vector<std::pair<std::string, Extern>> Instance::exports() const { return inst_->exports; }

std::span<uint8_t> Instance::memory() const {
  if (!inst_->memory) return {};
  return inst_->memory->bytes();
}

Execution::Execution(std::unique_ptr<rt::ExecState> s) : s_(std::move(s)), fuel_(&s_->fuel) { s_->owner = this; }
Execution::~Execution() = default;

ExecState Execution::state() const { return s_->state; }
const std::vector<Value>& Execution::results() const { return s_->results; }
const Trap& Execution::trap() const { return s_->trap; }

ExecState Execution::run() {
  if (s_->state != ExecState::ready) return s_->state;
  return rt::run_execution(*s_);
}

const std::vector<ValType>& Execution::pending_result_types() const {
  static const std::vector<ValType> kNone;
  return s_->pending ? s_->pending->type.results : kNone;
}

Result<ExecState> Execution::resume(std::span<const Value> results) {
  if (s_->state != ExecState::suspended) return make_error(ErrorKind::usage, "resume: the execution is not suspended");
  const std::vector<ValType>& want = s_->pending->type.results;
  if (results.size() != want.size())
    return make_error(ErrorKind::usage, "resume: expected " + std::to_string(want.size()) + " results, got " +
                                            std::to_string(results.size()));
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].type != want[i])
      return make_error(ErrorKind::usage, "resume: result " + std::to_string(i) + " has type " +
                                              to_string(results[i].type) + ", expected " + to_string(want[i]));
    s_->stack[s_->pending_results + i] = results[i].bits;
  }
  s_->pending = nullptr;
  return rt::interpret(*s_);
}

size_t Execution::memory_footprint() const {
  return sizeof(rt::ExecState) + s_->stack.capacity() * sizeof(uint64_t) + s_->frames.capacity() * sizeof(rt::Frame);
}

Store::Store(EngineConfig cfg) : d_(std::make_unique<rt::StoreData>()) { d_->cfg = cfg; }
Store::~Store() = default;

const EngineConfig& Store::config() const { return d_->cfg; }

Extern Store::host_function(FuncType type, HostFn fn) {
  auto f = std::make_unique<rt::FuncInst>();
  f->type_id = d_->intern(type);
  f->type = std::move(type);
  f->host = std::move(fn);
  Extern e{ExternKind::func, f.get()};
  d_->funcs.push_back(std::move(f));
  return e;
}

Extern Store::new_global(ValType type, bool mut, Value init) {
  auto g = std::make_unique<rt::GlobalInst>();
  g->type = type;
  g->mut = mut;
  g->value = init.bits;
  Extern e{ExternKind::global, g.get()};
  d_->globals.push_back(std::move(g));
  return e;
}

Extern Store::new_table(ValType elem, Limits limits, Value init) {
  auto t = std::make_unique<rt::TableInst>();
  t->elem = elem;
  t->max = limits.max;
  t->elems.assign(limits.min, init.bits);
  Extern e{ExternKind::table, t.get()};
  d_->tables.push_back(std::move(t));
  return e;
}

Extern Store::new_memory(Limits pages) {
  auto m = std::make_unique<rt::MemInst>(pages.min, pages.max);
  Extern e{ExternKind::memory, m.get()};
  d_->memories.push_back(std::move(m));
  return e;
}

Result<Instance> Store::instantiate(const Module& module, const Imports& imports, uint64_t start_fuel) {
  auto inst = rt::instantiate(*d_, module.compiled(), imports, start_fuel);
  if (!inst) return std::unexpected(inst.error());
  return Instance(*inst);
}

Result<std::unique_ptr<Execution>> Store::start(Extern func, std::span<const Value> args) {
  if (func.kind != ExternKind::func || !func.object) return make_error(ErrorKind::usage, "start: not a function");
  auto s = rt::prepare_execution(*d_, static_cast<rt::FuncInst*>(func.object), args);
  if (!s) return std::unexpected(s.error());
  return std::make_unique<Execution>(std::move(*s));
}

Result<InvokeResult> Store::invoke(Extern func, std::span<const Value> args) {
  auto ex = start(func, args);
  if (!ex) return std::unexpected(ex.error());
  switch ((*ex)->run()) {
    case ExecState::finished: return InvokeResult((*ex)->results());
    case ExecState::trapped: return InvokeResult(std::unexpected((*ex)->trap()));
    default: return InvokeResult(std::unexpected(Trap{TrapKind::host, "a host function suspended a non-resumable invocation"}));
  }
}

std::optional<FuncType> Store::func_type(Extern func) const {
  if (func.kind != ExternKind::func || !func.object) return std::nullopt;
  return static_cast<rt::FuncInst*>(func.object)->type;
}

Value Store::global_get(Extern global) const {
  auto* g = static_cast<rt::GlobalInst*>(global.object);
  return {g->type, g->value};
}

}  // namespace syncwasm
