#include "near/runner.h"

#include "near/call.h"
#include "near/host_table.h"

namespace syncwasm::near {
namespace {

VMOutcome nop_outcome(FunctionCallError e) {
  VMOutcome o;
  o.aborted = std::move(e);
  return o;
}

// The outcome's profile: "host:NAME" per host function, "contract_loading", "sync_callee_gas".
std::map<std::string, Gas> profile_map(const Logic::GasProfile& p) {
  std::map<std::string, Gas> m;
  auto fns = host_functions();
  for (size_t i = 0; i < p.host.size(); ++i)
    if (p.host[i]) m[std::string("host:") + fns[i].name] += p.host[i];
  if (p.contract_loading) m["contract_loading"] = p.contract_loading;
  if (p.sync_callees) m["sync_callee_gas"] = p.sync_callees;
  return m;
}

}  // namespace

std::optional<FunctionCallError> resolve_method(const PreparedContract& pc, std::string_view method) {
  if (method.empty()) return FunctionCallError::method_error(MethodResolveError::MethodEmptyName);
  auto ftype = pc.module->export_func_type(method);
  if (!ftype) return FunctionCallError::method_error(MethodResolveError::MethodNotFound);
  if (!ftype->params.empty() || !ftype->results.empty())
    return FunctionCallError::method_error(MethodResolveError::MethodInvalidSignature);
  return std::nullopt;
}

VMOutcome run_method(std::span<const uint8_t> code, std::string_view method, const VMContext& ctx, const Params& p,
                     External& ext, ContractCache& cache, SyncCalls* sync) {
  if (method.empty()) return nop_outcome(FunctionCallError::method_error(MethodResolveError::MethodEmptyName));
  Prepared prepared = cache.get(code, p);
  if (!prepared) return nop_outcome(prepared.error());
  if (auto e = resolve_method(**prepared, method)) return nop_outcome(*e);

  OverlayExternal overlay(ext);
  ContractCall call(ctx, p, overlay, *prepared, {true, kAllCapabilities, sync, false});
  std::optional<FunctionCallError> err = call.setup();
  if (!err) err = call.begin(method).error;

  const Logic& logic = call.logic();
  VMOutcome o;
  o.burnt_gas = logic.gas().burnt();
  o.used_gas = logic.gas().used();
  o.logs = logic.logs();
  o.balance = logic.balance();
  o.storage_usage = logic.storage_usage();
  o.profile = profile_map(logic.profile());
  Gas accounted = 0;
  for (auto& [k, v] : o.profile) accounted += v;
  o.profile["wasm_instructions"] = o.burnt_gas - std::min(o.burnt_gas, accounted);
  if (err) {
    o.aborted = std::move(err);
    return o;
  }
  o.return_data = logic.return_data();
  o.receipts = logic.receipts();
  o.submodule_actions = logic.submodule_actions();
  if (!ctx.is_view) overlay.commit();
  return o;
}

}  // namespace syncwasm::near
