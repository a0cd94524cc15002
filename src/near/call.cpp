#include "near/call.h"

#include "exec/runtime.h"
#include "near/host_table.h"

namespace syncwasm::near {
namespace {

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

}  // namespace

ContractCall::ContractCall(const VMContext& ctx, const Params& p, External& ext,
                           std::shared_ptr<const PreparedContract> pc, CallOptions opt)
    : p_(p), pc_(std::move(pc)), opt_(opt), logic_(ctx, p, ext, &pc_->code_hash), store_(engine_config(p)) {
  logic_.set_sync(opt.sync);
  if (opt.callee) logic_.set_callee();
}

// `index`: the function's row in host_functions(), for the gas profile.
HostResult ContractCall::host_call(const HostFnInfo& info, size_t index, HostCall& c) {
  logic_.enter(c);
  Gas before = logic_.gas().burnt();
  Gas callees_before = logic_.profile().sync_callees;
  HostOutcome r = info.impl ? (logic_.*info.impl)(c.args.data())
                            : std::unexpected(HostError{HostErrorKind::Unsupported, info.name});
  // A synchronous call's host function also burns its callee's gas, which the profile shows apart.
  logic_.add_host_gas(index, logic_.gas().burnt() - before - (logic_.profile().sync_callees - callees_before));
  logic_.leave(c);
  if (!r) {
    host_error_ = r.error();
    return HostResult::trap(r.error().message.empty() ? name(r.error().kind) : r.error().message);
  }
  if (!c.results.empty()) c.results[0] = info.result[0] == 'i' ? uint32_t(*r) : *r;
  return logic_.take_suspend() ? HostResult::suspend() : HostResult::ok();
}

std::optional<FunctionCallError> ContractCall::setup() {
  GasCounter& gas = logic_.gas();
  // The loading fee (after preparation at PV86); any failure to pay it is GasExceeded.
  if (opt_.charge_loading) {
    Gas before = gas.burnt();
    bool failed = gas.pay_per(p_.wasm.contract_loading_bytes, pc_->code_size) || gas.pay_base(p_.wasm.contract_loading_base);
    logic_.add_loading_gas(gas.burnt() - before);
    if (failed) return FunctionCallError::host_error({HostErrorKind::GasExceeded, "Exceeded the prepaid gas."});
  }
  Imports imports;
  const ir::Module& m = pc_->module->compiled()->module;
  for (const ir::Import& im : m.imports) {
    if (im.kind != ExternKind::func) continue;  // a submodule's env.memory became its own memory
    const FuncType& t = m.types[im.func_type];
    const HostFnInfo* info = find_host_function(im.name, t);
    if (!info) {
      bool known_name = false;
      for (const HostFnInfo& f : host_functions()) known_name |= im.name == f.name;
      return FunctionCallError::link_error((known_name ? "incompatible import type for env::" : "unknown import: env::") +
                                           im.name + " " + t.to_string());
    }
    bool allowed = info->capability == Capability::core
                       ? !(opt_.capabilities & capability_bit(Capability::submodule_abi))
                       : (opt_.capabilities & capability_bit(info->capability)) != 0;
    if (!allowed)
      return FunctionCallError::host_error({HostErrorKind::CapabilityDenied, std::string("import env::") + info->name +
                                                                                 " (" + capability_name(info->capability) + ")"});
    size_t index = size_t(info - host_functions().data());
    imports.define("env", im.name,
                   store_.host_function(t, [this, info, index](HostCall& c) { return host_call(*info, index, c); }));
  }
  auto inst = store_.instantiate(*pc_->module, imports);
  if (!inst) return FunctionCallError::wasm_trap(WasmTrap::MemoryOutOfBounds, inst.error().message);
  instance_ = *inst;
  if (!pc_->start) return std::nullopt;
  Step s = begin_extern(Extern{ExternKind::func, instance_->raw()->funcs[*pc_->start]});
  if (s.kind == StepKind::yielded)
    return FunctionCallError::host_error({HostErrorKind::SyncCallError, "the start function may not yield"});
  return s.error;
}

Step ContractCall::begin(std::string_view method) { return begin_extern(*instance_->get_export(method)); }

Step ContractCall::begin_extern(Extern f) {
  auto ex = store_.start(f, {});
  if (!ex) return {StepKind::failed, FunctionCallError::wasm_trap(WasmTrap::GenericTrap, ex.error().to_string())};
  exec_ = std::move(*ex);
  exec_->set_fuel(logic_.gas().remaining());
  return step(exec_->run());
}

Step ContractCall::resume() {
  exec_->set_fuel(logic_.gas().remaining());
  auto st = exec_->resume({});
  if (!st) return {StepKind::failed, FunctionCallError::wasm_trap(WasmTrap::GenericTrap, st.error().to_string())};
  return step(*st);
}

Step ContractCall::step(ExecState st) {
  logic_.gas().absorb_fuel(exec_->fuel());
  if (st == ExecState::finished) return {StepKind::finished, std::nullopt};
  if (st == ExecState::suspended) return {StepKind::yielded, std::nullopt};
  const Trap& t = exec_->trap();
  if (host_error_) return {StepKind::failed, FunctionCallError::host_error(*host_error_)};
  switch (t.kind) {
    case TrapKind::out_of_gas: {
      if (t.gas_charge == UINT64_MAX) {  // a linear charge that overflowed: burn everything, as nearcore does
        logic_.gas().burn_gas(logic_.gas().remaining());
        return {StepKind::failed, FunctionCallError::host_error({HostErrorKind::IntegerOverflow, {}})};
      }
      GasResult e = logic_.gas().burn_gas(t.gas_charge);
      return {StepKind::failed, FunctionCallError::host_error(e ? *e : HostError{HostErrorKind::GasExceeded, {}})};
    }
    case TrapKind::call_stack_exhausted:
      return {StepKind::failed, FunctionCallError::host_error({HostErrorKind::MemoryAccessViolation, "stack height exceeded"})};
    default: return {StepKind::failed, FunctionCallError::wasm_trap(wasm_trap_of(t.kind), t.message)};
  }
}

}  // namespace syncwasm::near
