#include "sync/sync_manager.h"

namespace syncwasm::sync {

using near::FunctionCallError;
using near::HostErrorKind;

SyncCallManager::~SyncCallManager() = default;  // suspended callees are dropped: nothing of theirs commits

void SyncCallManager::trace(near::SyncStep step, bool submodule, uint32_t name, SyncStatus s, near::Gas gas) {
  std::vector<near::SyncTraceEvent>& events = env_.trace.events;
  if (step == near::SyncStep::resume && s == SyncStatus::Callback && !events.empty()) {
    near::SyncTraceEvent& last = events.back();
    if (last.step == step && last.status == s && last.name == name) {  // (a name index is one callee)
      last.gas_burnt += gas;
      ++last.count;
      return;
    }
  }
  events.push_back({step, submodule, name, depth_ + 1, s, gas});
}

SyncReply SyncCallManager::fail(const SyncTarget& t, SyncStatus s, std::string msg, near::SyncStep event) {
  trace(event, t.submodule, env_.trace.add_name(t.name), s, 0);
  return {s, Bytes(msg.begin(), msg.end())};
}

// Names are short: compared inline rather than by a call to memcmp.
static bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

size_t SyncCallManager::find(const SyncTarget& t) const {
  size_t i = 0;
  while (i < live_.size() && (live_[i]->submodule != t.submodule || !same_name(live_[i]->name, t.name))) ++i;
  return i;
}

void SyncCallManager::end(size_t index) { live_.erase(live_.begin() + ptrdiff_t(index)); }

std::expected<SyncReply, near::HostError> SyncCallManager::start(near::Logic& caller, const SyncTarget& t,
                                                                 std::string_view method, Bytes args,
                                                                 near::Gas gas_limit, uint32_t caps) {
  const near::Params& p = env_.params;
  if (find(t) != live_.size())
    return fail(t, SyncStatus::AlreadyStarted, "already started: " + std::string(t.name), near::SyncStep::start);
  if (depth_ + 1 > p.limit.max_sync_call_depth)
    return fail(t, SyncStatus::DepthExceeded, "synchronous call depth limit " + std::to_string(p.limit.max_sync_call_depth),
                near::SyncStep::start);
  if (live_.size() >= p.limit.max_live_sync_callees)
    return fail(t, SyncStatus::TooManyCallees, "live callee limit " + std::to_string(p.limit.max_live_sync_callees), near::SyncStep::start);
  const near::VMContext& cc = caller.context();
  const std::string name(t.name);
  std::optional<Bytes> code = t.submodule ? env_.code.submodule_code(cc.current_account_id, name)
                                          : env_.code.namespace_code(cc.current_account_id, name);
  if (!code) return fail(t, SyncStatus::NotFound, (t.submodule ? "no submodule " : "no namespace ") + name, near::SyncStep::start);
  near::Prepared prepared = env_.cache.get(*code, p, t.submodule ? near::CodeProfile::submodule : near::CodeProfile::contract);
  if (!prepared) return fail(t, SyncStatus::WasmTrap, prepared.error().to_string(), near::SyncStep::start);
  if (auto e = near::resolve_method(**prepared, method)) return fail(t, SyncStatus::MethodNotFound, e->to_string(), near::SyncStep::start);

  auto c = std::make_unique<Callee>();
  c->submodule = t.submodule;
  c->name = name;
  c->trace_name = env_.trace.add_name(t.name);
  c->ctx = cc;
  c->ctx.current_namespace = t.submodule ? "" : name;
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
  live_.push_back(std::move(c));
  size_t index = live_.size() - 1;
  if (auto e = callee.call->setup()) return finish_step(caller, index, {near::StepKind::failed, *e}, near::SyncStep::start);
  return finish_step(caller, index, callee.call->begin(method), near::SyncStep::start);
}

std::expected<SyncReply, near::HostError> SyncCallManager::resume(near::Logic& caller, const SyncTarget& t,
                                                                  std::span<const uint8_t> data) {
  size_t index = find(t);
  if (index == live_.size()) return fail(t, SyncStatus::NotStarted, "not started: " + std::string(t.name), near::SyncStep::resume);
  Callee& c = *live_[index];
  if (auto e = c.call->logic().deliver_response(data))
    return finish_step(caller, index, {near::StepKind::failed, FunctionCallError::host_error(*e)}, near::SyncStep::resume);
  return finish_step(caller, index, c.call->resume(), near::SyncStep::resume);
}

// Charges the callee's gas to the caller, passes its logs on, and ends it unless it yielded.
// (Callees are only added or removed by the caller's own host calls, so `index` still holds.)
std::expected<SyncReply, near::HostError> SyncCallManager::finish_step(near::Logic& caller, size_t index,
                                                                       near::Step step, near::SyncStep event) {
  Callee& c = *live_[index];
  near::Logic& callee = c.call->logic();
  near::Gas delta = callee.gas().burnt() - c.reported_burnt;
  c.reported_burnt = callee.gas().burnt();
  caller.add_callee_gas(delta);
  if (callee.logs().size() > c.reported_logs) {
    caller.adopt_logs(callee.logs(), c.reported_logs);
    c.reported_logs = callee.logs().size();
  }
  if (auto e = caller.gas().burn_gas(delta)) {
    trace(event, c.submodule, c.trace_name, SyncStatus::OutOfGas, delta);
    end(index);
    return std::unexpected(*e);
  }
  if (step.kind == near::StepKind::yielded) {
    trace(event, c.submodule, c.trace_name, SyncStatus::Callback, delta);
    return SyncReply{SyncStatus::Callback, {}, callee.yielded()};
  }
  if (step.kind == near::StepKind::finished) {
    c.overlay->commit();
    if (auto e = caller.adopt_callee(callee)) {
      end(index);
      return std::unexpected(*e);
    }
    Bytes value = callee.return_data().value;
    trace(event, c.submodule, c.trace_name, SyncStatus::Success, delta);
    end(index);
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
  trace(event, c.submodule, c.trace_name, s, delta);
  end(index);  // its overlay, nested callees and promises go with it
  return SyncReply{s, Bytes(msg.begin(), msg.end())};
}

}  // namespace syncwasm::sync
