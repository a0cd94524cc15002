#include "sync/sync_manager.h"

namespace syncwasm::sync {

using near::FunctionCallError;
using near::HostErrorKind;

SyncCallManager::~SyncCallManager() = default;  // suspended callees are dropped: nothing of theirs commits

void SyncCallManager::trace(const char* event, const SyncTarget& t, SyncStatus s, near::Gas gas) {
  env_.trace.emplace_back(event, t, depth_ + 1, s, gas);
}

SyncReply SyncCallManager::fail(const SyncTarget& t, SyncStatus s, std::string msg, const char* event) {
  trace(event, t, s, 0);
  return {s, Bytes(msg.begin(), msg.end())};
}

std::expected<SyncReply, near::HostError> SyncCallManager::start(near::Logic& caller, const SyncTarget& t,
                                                                 const std::string& method, Bytes args,
                                                                 near::Gas gas_limit, uint32_t caps) {
  const near::Params& p = env_.params;
  if (live_.count(t)) return fail(t, SyncStatus::AlreadyStarted, "already started: " + t.name, "start");
  if (depth_ + 1 > p.limit.max_sync_call_depth)
    return fail(t, SyncStatus::DepthExceeded, "synchronous call depth limit " + std::to_string(p.limit.max_sync_call_depth),
                "start");
  if (live_.size() >= p.limit.max_live_sync_callees)
    return fail(t, SyncStatus::TooManyCallees, "live callee limit " + std::to_string(p.limit.max_live_sync_callees), "start");
  const near::VMContext& cc = caller.context();
  std::optional<Bytes> code = t.submodule ? env_.code.submodule_code(cc.current_account_id, t.name)
                                          : env_.code.namespace_code(cc.current_account_id, t.name);
  if (!code) return fail(t, SyncStatus::NotFound, (t.submodule ? "no submodule " : "no namespace ") + t.name, "start");
  near::Prepared prepared = env_.cache.get(*code, p, t.submodule ? near::CodeProfile::submodule : near::CodeProfile::contract);
  if (!prepared) return fail(t, SyncStatus::WasmTrap, prepared.error().to_string(), "start");
  if (auto e = near::resolve_method(**prepared, method)) return fail(t, SyncStatus::MethodNotFound, e->to_string(), "start");

  auto c = std::make_unique<Callee>();
  c->ctx = cc;
  c->ctx.current_namespace = t.submodule ? "" : t.name;
  c->ctx.predecessor_account_id = cc.current_account_id;
  c->ctx.predecessor_namespace = cc.current_namespace;
  c->ctx.input = std::move(args);
  c->ctx.account_balance = caller.balance();
  c->ctx.attached_deposit = 0;
  c->ctx.storage_usage = caller.storage_usage();
  c->ctx.prepaid_gas = std::min(gas_limit, caller.gas().remaining());
  c->ctx.promise_results.clear();
  c->overlay = std::make_unique<near::OverlayExternal>(caller.external());
  c->nested = std::make_unique<SyncCallManager>(env_, depth_ + 1);
  uint32_t allowed = t.submodule ? near::capability_bit(near::Capability::submodule_abi) : (caps & near::kAllCapabilities);
  c->call = std::make_unique<near::ContractCall>(c->ctx, p, *c->overlay, *prepared,
                                                  near::CallOptions{false, allowed, c->nested.get(), true});
  Callee& callee = *c;
  live_.emplace(t, std::move(c));
  if (auto e = callee.call->setup()) return finish_step(caller, t, callee, {near::StepKind::failed, *e}, "start");
  return finish_step(caller, t, callee, callee.call->begin(method), "start");
}

std::expected<SyncReply, near::HostError> SyncCallManager::resume(near::Logic& caller, const SyncTarget& t,
                                                                  std::span<const uint8_t> data) {
  auto it = live_.find(t);
  if (it == live_.end()) return fail(t, SyncStatus::NotStarted, "not started: " + t.name, "resume");
  Callee& c = *it->second;
  if (auto e = c.call->logic().deliver_response(data))
    return finish_step(caller, t, c, {near::StepKind::failed, FunctionCallError::host_error(*e)}, "resume");
  return finish_step(caller, t, c, c.call->resume(), "resume");
}

// Charges the callee's gas to the caller, passes its logs on, and ends it unless it yielded.
std::expected<SyncReply, near::HostError> SyncCallManager::finish_step(near::Logic& caller, const SyncTarget& t,
                                                                       Callee& c, near::Step step, const char* event) {
  near::Logic& callee = c.call->logic();
  near::Gas delta = callee.gas().burnt() - c.reported_burnt;
  c.reported_burnt = callee.gas().burnt();
  caller.add_callee_gas(delta);
  caller.adopt_logs(callee.logs(), c.reported_logs);
  c.reported_logs = callee.logs().size();
  if (auto e = caller.gas().burn_gas(delta)) {
    trace(event, t, SyncStatus::OutOfGas, delta);
    live_.erase(t);
    return std::unexpected(*e);
  }
  if (step.kind == near::StepKind::yielded) {
    trace(event, t, SyncStatus::Callback, delta);
    return SyncReply{SyncStatus::Callback, {}, &callee.yielded()};
  }
  if (step.kind == near::StepKind::finished) {
    c.overlay->commit();
    if (auto e = caller.adopt_callee(callee)) {
      live_.erase(t);
      return std::unexpected(*e);
    }
    Bytes value = callee.return_data().value;
    live_.erase(t);
    trace(event, t, SyncStatus::Success, delta);
    return SyncReply{SyncStatus::Success, std::move(value)};
  }
  const FunctionCallError& e = *step.error;
  SyncStatus s = SyncStatus::WasmTrap;
  if (e.kind == FunctionCallError::Kind::HostError &&
      (e.host.kind == HostErrorKind::GasExceeded || e.host.kind == HostErrorKind::GasLimitExceeded))
    s = SyncStatus::OutOfGas;
  else if (e.kind == FunctionCallError::Kind::HostError && e.host.kind == HostErrorKind::CapabilityDenied)
    s = SyncStatus::CapabilityDenied;
  std::string msg = e.to_string();
  live_.erase(t);  // its overlay, nested callees and promises go with it
  trace(event, t, s, delta);
  return SyncReply{s, Bytes(msg.begin(), msg.end())};
}

}  // namespace syncwasm::sync
