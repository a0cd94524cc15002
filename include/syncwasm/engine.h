// The embedding API: compile a module, instantiate it in a store, invoke exports,
// suspend inside host functions and resume later. Errors are values, never exceptions.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syncwasm/types.h"

namespace syncwasm {

namespace rt {
struct FuncInst;
struct TableInst;
struct MemInst;
struct GlobalInst;
struct Instance;
struct StoreData;
struct ExecState;
}  // namespace rt
namespace ir {
struct CompiledModule;
}

struct EngineConfig {
  Features features;
  // Replace the NaN results of float arithmetic by the canonical NaN, so results do not depend on
  // the host CPU's NaN propagation (determinism for consensus).
  bool canonicalize_nans = false;
  // Deterministic stack limits in engine units: wasm call frames, and 8-byte value slots
  // (locals + operands of all active frames).
  uint32_t max_call_depth = 16384;
  uint32_t max_value_slots = 1u << 22;
  GasSchedule gas;
};

struct ImportDesc {
  std::string module, name;
  ExternKind kind;
  std::string type;  // human-readable type, e.g. "func (i32) -> ()"
};
struct ExportDesc {
  std::string name;
  ExternKind kind;
  std::string type;
};

// A decoded, validated and translated module. Immutable; share it between stores.
class Module {
 public:
  static Result<std::shared_ptr<const Module>> compile(std::span<const uint8_t> wasm, const EngineConfig& cfg = {});
  // Decode and validate only.
  static Result<void> validate(std::span<const uint8_t> wasm, const Features& features = {});

  std::vector<ImportDesc> imports() const;
  std::vector<ExportDesc> exports() const;
  // Parameter and result types of an exported function, if there is one by that name.
  std::optional<FuncType> export_func_type(std::string_view name) const;

  const std::shared_ptr<const ir::CompiledModule>& compiled() const { return compiled_; }
  explicit Module(std::shared_ptr<const ir::CompiledModule> c) : compiled_(std::move(c)) {}

 private:
  std::shared_ptr<const ir::CompiledModule> compiled_;
};

// A handle to a function, table, memory or global owned by a Store.
struct Extern {
  ExternKind kind = ExternKind::func;
  void* object = nullptr;  // rt::FuncInst*, rt::TableInst*, rt::MemInst* or rt::GlobalInst*
};

class Execution;
class Instance;

enum class HostStatus : uint8_t { ok, trap, suspend };
struct HostResult {
  HostStatus status = HostStatus::ok;
  std::string message;
  static HostResult ok() { return {}; }
  static HostResult trap(std::string msg) { return {HostStatus::trap, std::move(msg)}; }
  // The execution returns to the embedder in state `suspended`; Execution::resume supplies the results.
  static HostResult suspend() { return {HostStatus::suspend, {}}; }
};

// What a host function sees. Arguments and results are raw 64-bit slots: i32 in the low 32 bits
// (upper bits zero on output), f32/f64 as their bit patterns, references as handles.
struct HostCall {
  std::span<const uint64_t> args;
  std::span<uint64_t> results;
  rt::Instance* caller = nullptr;  // instance of the calling wasm function (null when the embedder calls)
  Execution* execution = nullptr;
  // The caller's linear memory (empty if it has none). Valid until the next memory.grow.
  std::span<uint8_t> memory;
  // The execution's remaining fuel (Execution::fuel), for a host function that charges gas.
  uint64_t* fuel = nullptr;
};
using HostFn = std::function<HostResult(HostCall&)>;

// Maps (module, name) to externs, for instantiation.
class Imports {
 public:
  void define(std::string module, std::string name, Extern e) { map_[{std::move(module), std::move(name)}] = e; }
  // Define every export of `inst` under module name `module`.
  void define_instance(const std::string& module, const Instance& inst);
  const Extern* find(const std::string& module, const std::string& name) const;

 private:
  std::map<std::pair<std::string, std::string>, Extern> map_;
};

class Instance {
 public:
  std::optional<Extern> get_export(std::string_view name) const;
  std::vector<std::pair<std::string, Extern>> exports() const;
  std::span<uint8_t> memory() const;  // memory 0, or empty
  rt::Instance* raw() const { return inst_; }
  explicit Instance(rt::Instance* i) : inst_(i) {}

 private:
  rt::Instance* inst_;
};

enum class ExecState : uint8_t { ready, suspended, finished, trapped };

// One invocation of a function with its own engine-owned call and value stacks.
// Many can be alive (and suspended) at once; dropping one at any point frees everything it holds.
class Execution {
 public:
  ~Execution();
  Execution(const Execution&) = delete;
  Execution& operator=(const Execution&) = delete;

  // Runs a ready execution until it finishes, traps or a host function suspends it.
  ExecState run();
  // Continues a suspended execution; `results` are the suspended host function's results.
  Result<ExecState> resume(std::span<const Value> results);
  ExecState state() const;
  const std::vector<Value>& results() const;  // when finished
  const Trap& trap() const;                   // when trapped
  // Types the suspended host function must return (for resume).
  const std::vector<ValType>& pending_result_types() const;
  // Bytes of engine memory this execution holds (stacks), for accounting.
  size_t memory_footprint() const;
  // Gas left for metered code (see GasSchedule). Host functions may read and lower it.
  // (Inline: an embedder reads and sets it around every host call and resume.)
  uint64_t fuel() const { return *fuel_; }
  void set_fuel(uint64_t fuel) { *fuel_ = fuel; }

  explicit Execution(std::unique_ptr<rt::ExecState> s);
  rt::ExecState& raw() { return *s_; }

 private:
  std::unique_ptr<rt::ExecState> s_;
  uint64_t* fuel_;  // in *s_
};

using InvokeResult = std::expected<std::vector<Value>, Trap>;

// Owns instances and every function, table, memory and global they create. Not thread-safe;
// one store per thread.
class Store {
 public:
  explicit Store(EngineConfig cfg = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const EngineConfig& config() const;

  Extern host_function(FuncType type, HostFn fn);
  Extern new_global(ValType type, bool mut, Value init);
  Extern new_table(ValType elem, Limits limits, Value init = Value::null(ValType::funcref));
  Extern new_memory(Limits pages);

  // Links imports, initializes segments and runs the start function (which must not suspend), with
  // `start_fuel` gas for metered code (running out makes the module uninstantiable).
  Result<Instance> instantiate(const Module& module, const Imports& imports, uint64_t start_fuel = UINT64_MAX);

  // Prepares an invocation; checks the argument count and types.
  Result<std::unique_ptr<Execution>> start(Extern func, std::span<const Value> args);
  // start + run to completion. A suspension inside counts as a host trap.
  Result<InvokeResult> invoke(Extern func, std::span<const Value> args);

  std::optional<FuncType> func_type(Extern func) const;
  Value global_get(Extern global) const;

  rt::StoreData& raw() { return *d_; }

 private:
  std::unique_ptr<rt::StoreData> d_;
};

}  // namespace syncwasm
