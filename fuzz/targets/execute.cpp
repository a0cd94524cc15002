// execute: compile with unit-cost metering, instantiate without imports, run every exported function
// with zero arguments under a fuel bound and a small call-depth limit. It must always finish or trap,
// within the fuel: never crash, hang or throw.
// Differential check of the metering: the same module compiled without metering runs the same
// exports in its own store, and until the metered run stops for gas or stack, both must produce the
// same results or the same trap.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "compile/code.h"
#include "syncwasm/engine.h"

using namespace syncwasm;

namespace {

constexpr uint64_t kFuel = 100'000;
constexpr size_t kMaxExports = 16;

struct Outcome {
  ExecState state;
  std::vector<Value> results;
  Trap trap;
};

Outcome run(Store& store, Extern f, const FuncType& type, uint64_t fuel) {
  std::vector<Value> args;
  for (ValType t : type.params) args.push_back(Value{t, 0});
  auto ex = store.start(f, args);
  if (!ex) {
    std::fprintf(stderr, "start failed: %s\n", ex.error().to_string().c_str());
    std::abort();
  }
  (*ex)->set_fuel(fuel);
  Outcome o{(*ex)->run(), {}, {}};
  if (o.state == ExecState::finished) o.results = (*ex)->results();
  else if (o.state == ExecState::trapped) o.trap = (*ex)->trap();
  else {
    std::fprintf(stderr, "unexpected state %d\n", int(o.state));
    std::abort();
  }
  if ((*ex)->fuel() > fuel) std::abort();  // fuel never grows
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  EngineConfig cfg;
  cfg.gas = {.enabled = true, .regular_op = 1, .linear_base = 32, .linear_unit = 1, .grow_linear = true,
             .stack_budget = 256 * 1024};
  cfg.max_call_depth = 64;
  cfg.max_value_slots = 1u << 16;
  cfg.canonicalize_nans = size > 0 && (data[size - 1] & 1);  // both float paths
  EngineConfig plain = cfg;
  plain.gas = {};
  auto module = Module::compile({data, size}, cfg);
  if (!module) return 0;
  if (!(*module)->imports().empty()) return 0;
  auto plain_module = Module::compile({data, size}, plain);
  if (!plain_module) {
    std::fprintf(stderr, "compiles with metering but not without: %s\n", plain_module.error().to_string().c_str());
    std::abort();
  }

  Store store(cfg), plain_store(plain);
  // The start function runs under the fuel bound too (finding exec-1); an unmetered start function
  // is only run when the metered one finished, so a loop cannot hang the plain store.
  auto inst = store.instantiate(**module, Imports{}, kFuel);
  if (!inst) return 0;
  auto plain_inst = plain_store.instantiate(**plain_module, Imports{});
  if (!plain_inst) std::abort();
  bool compare = true;
  size_t n = 0;
  for (auto& [name, ext] : inst->exports()) {
    if (ext.kind != ExternKind::func) continue;
    if (++n > kMaxExports) break;
    std::optional<FuncType> type = store.func_type(ext);
    if (!type) std::abort();
    Outcome o = run(store, ext, *type, kFuel);
    if (o.state == ExecState::finished) {
      if (o.results.size() != type->results.size()) std::abort();
      for (size_t i = 0; i < o.results.size(); ++i)
        if (o.results[i].type != type->results[i]) std::abort();
    }
    // After a stop for gas or stack the two stores' states may differ: compare no further.
    if (o.state == ExecState::trapped &&
        (o.trap.kind == TrapKind::out_of_gas || o.trap.kind == TrapKind::call_stack_exhausted))
      compare = false;
    if (!compare) continue;
    Outcome p = run(plain_store, *plain_inst->get_export(name), *type, kFuel);
    bool same = p.state == o.state;
    if (same && o.state == ExecState::finished) {
      for (size_t i = 0; i < o.results.size(); ++i) same = same && o.results[i].bits == p.results[i].bits;
    } else if (same) {
      same = o.trap.kind == p.trap.kind;
    }
    if (!same) {
      std::fprintf(stderr, "%s: metered and unmetered runs differ (states %d/%d, traps %s/%s)\n", name.c_str(),
                   int(o.state), int(p.state), o.trap.message.c_str(), p.trap.message.c_str());
      std::abort();
    }
  }
  return 0;
}
