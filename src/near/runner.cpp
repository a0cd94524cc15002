#include "near/runner.h"

#include "exec/runtime.h"
#include "near/host_table.h"

namespace syncwasm::near {
namespace {

VMOutcome nop_outcome(FunctionCallError e) {
  VMOutcome o;
  o.aborted = std::move(e);
  return o;
}

WasmTrap wasm_trap_of(TrapKind k) {
  switch (k) {
    case TrapKind::unreachable: return WasmTrap::Unreachable;
    case TrapKind::integer_overflow:
    case TrapKind::integer_divide_by_zero:
    case TrapKind::invalid_conversion: return WasmTrap::IllegalArithmetic;
    case TrapKind::out_of_bounds_memory:
    case TrapKind::out_of_bounds_table: return WasmTrap::MemoryOutOfBounds;
    case TrapKind::undefined_element: return WasmTrap::CallIndirectOOB;
    case TrapKind::uninitialized_element: return WasmTrap::IndirectCallToNull;
    case TrapKind::indirect_call_type_mismatch: return WasmTrap::IncorrectCallIndirectSignature;
    default: return WasmTrap::GenericTrap;
  }
}

// One call's execution state: the logic, the engine store and the pending host error.
class Call {
 public:
  Call(const VMContext& ctx, const Params& p, External& ext, const PreparedContract& pc)
      : ctx_(ctx), p_(p), logic_(ctx, p, ext, &pc.code_hash), pc_(pc), store_(engine_config(p)) {}

  std::optional<FunctionCallError> link(Imports& imports);
  // Runs function `f` (an export or the start function) under the gas counter; an error aborts.
  std::optional<FunctionCallError> run(Extern f);
  Logic& logic() { return logic_; }
  Store& store() { return store_; }

 private:
  HostResult host_call(const HostFnInfo& info, HostCall& c);

  const VMContext& ctx_;
  const Params& p_;
  Logic logic_;
  const PreparedContract& pc_;
  Store store_;
  std::optional<HostError> host_error_;
};

HostResult Call::host_call(const HostFnInfo& info, HostCall& c) {
  logic_.enter(c);
  HostOutcome r = info.impl ? (logic_.*info.impl)(c.args.data())
                            : std::unexpected(HostError{HostErrorKind::Unsupported, info.name});
  logic_.leave(c);
  if (!r) {
    host_error_ = r.error();
    return HostResult::trap(r.error().message.empty() ? name(r.error().kind) : r.error().message);
  }
  if (!c.results.empty()) c.results[0] = info.result[0] == 'i' ? uint32_t(*r) : *r;
  return HostResult::ok();
}

std::optional<FunctionCallError> Call::link(Imports& imports) {
  for (const ImportDesc& im : pc_.module->imports()) {
    const HostFnInfo* info = find_host_function(im.name);
    if (!info) return FunctionCallError::link_error("unknown import: " + im.module + "::" + im.name);
    FuncType t = host_type(*info);
    if (im.type != "func " + t.to_string())
      return FunctionCallError::link_error("incompatible import type for " + im.module + "::" + im.name + ": expected " +
                                           t.to_string() + ", got " + im.type.substr(5));
    imports.define("env", im.name, store_.host_function(t, [this, info](HostCall& c) { return host_call(*info, c); }));
  }
  return std::nullopt;
}

std::optional<FunctionCallError> Call::run(Extern f) {
  auto ex = store_.start(f, {});
  if (!ex) return FunctionCallError::wasm_trap(WasmTrap::GenericTrap, ex.error().to_string());
  (*ex)->set_fuel(logic_.gas().remaining());
  ExecState st = (*ex)->run();
  logic_.gas().absorb_fuel((*ex)->fuel());
  if (st == ExecState::finished) return std::nullopt;
  if (st == ExecState::suspended) return FunctionCallError::wasm_trap(WasmTrap::GenericTrap, "suspended outside a synchronous call");
  const Trap& t = (*ex)->trap();
  if (host_error_) return FunctionCallError::host_error(*host_error_);
  switch (t.kind) {
    case TrapKind::out_of_gas: {
      GasResult e = logic_.gas().burn_gas(t.gas_charge);
      return FunctionCallError::host_error(e ? *e : HostError{HostErrorKind::GasExceeded, {}});
    }
    case TrapKind::call_stack_exhausted:
      return FunctionCallError::host_error({HostErrorKind::MemoryAccessViolation, "stack height exceeded"});
    default: return FunctionCallError::wasm_trap(wasm_trap_of(t.kind), t.message);
  }
}

}  // namespace

VMOutcome run_method(std::span<const uint8_t> code, std::string_view method, const VMContext& ctx, const Params& p,
                     External& ext, ContractCache& cache) {
  if (method.empty()) return nop_outcome(FunctionCallError::method_error(MethodResolveError::MethodEmptyName));
  Prepared prepared = cache.get(code, p);
  if (!prepared) return nop_outcome(prepared.error());
  const PreparedContract& pc = **prepared;
  auto ftype = pc.module->export_func_type(method);
  if (!ftype) return nop_outcome(FunctionCallError::method_error(MethodResolveError::MethodNotFound));
  if (!ftype->params.empty() || !ftype->results.empty())
    return nop_outcome(FunctionCallError::method_error(MethodResolveError::MethodInvalidSignature));

  OverlayExternal overlay(ext);
  Call call(ctx, p, overlay, pc);
  std::optional<FunctionCallError> err;
  GasCounter& gas = call.logic().gas();
  // The loading fee (charged after preparation at PV86); any failure to pay it is GasExceeded.
  if (gas.pay_per(p.wasm.contract_loading_bytes, pc.code_size) || gas.pay_base(p.wasm.contract_loading_base))
    err = FunctionCallError::host_error({HostErrorKind::GasExceeded, "Exceeded the prepaid gas."});
  Imports imports;
  if (!err) err = call.link(imports);
  std::optional<Instance> inst;
  if (!err) {
    auto i = call.store().instantiate(*pc.module, imports);
    if (!i) err = FunctionCallError::wasm_trap(WasmTrap::MemoryOutOfBounds, i.error().message);
    else inst = *i;
  }
  if (!err && pc.start) {
    const rt::Instance* ri = inst->raw();
    err = call.run(Extern{ExternKind::func, ri->funcs[*pc.start]});
  }
  if (!err) err = call.run(*inst->get_export(method));

  const Logic& logic = call.logic();
  VMOutcome o;
  o.burnt_gas = logic.gas().burnt();
  o.used_gas = logic.gas().used();
  o.logs = logic.logs();
  o.balance = logic.balance();
  o.storage_usage = logic.storage_usage();
  if (err) {
    o.aborted = std::move(err);
    return o;
  }
  o.return_data = logic.return_data();
  o.receipts = logic.receipts();
  if (!ctx.is_view) overlay.commit();
  return o;
}

}  // namespace syncwasm::near
