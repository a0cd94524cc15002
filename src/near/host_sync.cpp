// NEP-480 namespace and NEP-481 synchronous-call host functions. The caller side reads its
// arguments (paying like any host function), pays the sync-call fees and hands over to the
// synchronous-call layer; errors of the callee come back as status codes, not as failures.
#include "decode/reader.h"
#include "near/account_id.h"
#include "near/host_support.h"

namespace syncwasm::near {



const char* sync_status_name(SyncStatus s) {
  switch (s) {
    case SyncStatus::Success: return "Success";
    case SyncStatus::Callback: return "Callback";
    case SyncStatus::AlreadyStarted: return "AlreadyStarted";
    case SyncStatus::NotFound: return "NotFound";
    case SyncStatus::MethodNotFound: return "MethodNotFound";
    case SyncStatus::OutOfGas: return "OutOfGas";
    case SyncStatus::NotStarted: return "NotStarted";
    case SyncStatus::WasmTrap: return "WasmTrap";
    case SyncStatus::CapabilityDenied: return "CapabilityDenied";
    case SyncStatus::DepthExceeded: return "DepthExceeded";
    case SyncStatus::TooManyCallees: return "TooManyCallees";
  }
  return "?";
}

const char* sync_step_name(SyncStep s) { return s == SyncStep::start ? "start" : "resume"; }

// A namespace name or submodule key: UTF-8, charged like an account id. A view of the caller's
// memory or register, valid until either changes (the caller does not run during a sync call).
std::expected<std::string_view, HostError> Logic::read_name(uint64_t len, uint64_t ptr) {
  TRY_GET(buf, memory_or_register(ptr, len));
  TRY(gas_.pay(p_.utf8_decoding_base, p_.utf8_decoding_byte, buf->size()));
  if (!ir::valid_utf8(buf->data(), buf->size())) return std::unexpected(err(HostErrorKind::BadUTF8));
  return std::string_view(reinterpret_cast<const char*>(buf->data()), buf->size());
}

HostOutcome Logic::current_namespace(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(set_register(a[0], bytes_of(ctx_.current_namespace)));
  return 0;
}

HostOutcome Logic::predecessor_namespace(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("predecessor_namespace"));
  TRY(set_register(a[0], bytes_of(ctx_.predecessor_namespace)));
  return 0;
}

HostOutcome Logic::namespace_storage_usage(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY_GET(ns, read_name(a[0], a[1]));
  if (!valid_namespace(*ns)) return std::unexpected(err(HostErrorKind::SyncCallError, "invalid namespace name"));
  TRY(trie_nodes());
  return ext_.storage_usage_of({ctx_.current_account_id, std::string(*ns)}, p_.limit.storage_num_extra_bytes_record);
}

// The reply's data goes to the caller's register (charged as a register write, plus the per-byte
// sync-call fee); the status is the host function's result.
HostOutcome Logic::sync_reply(std::expected<SyncReply, HostError> r, uint64_t register_id) {
  if (!r) return std::unexpected(r.error());
  std::span<const uint8_t> data = r->bytes();
  TRY(gas_.pay_per(p_.wasm.sync_call_byte, data.size()));
  TRY(set_register(register_id, data));
  return uint64_t(r->status);
}

HostOutcome Logic::start_sync(uint64_t ns_len, uint64_t ns_ptr, uint64_t m_len, uint64_t m_ptr, uint64_t a_len,
                              uint64_t a_ptr, uint64_t gas_limit, uint32_t caps, uint64_t register_id) {
  TRY_GET(ns, read_name(ns_len, ns_ptr));
  if (!valid_namespace(*ns)) return std::unexpected(err(HostErrorKind::SyncCallError, "invalid namespace name"));
  TRY_GET(method, read_name(m_len, m_ptr));
  TRY_GET(args, memory_or_register(a_ptr, a_len));
  TRY(gas_.pay(p_.wasm.sync_call_start_base, p_.wasm.sync_call_byte, args->size()));
  if (!sync_) return std::unexpected(err(HostErrorKind::SyncCallError, "synchronous calls are not available here"));
  return sync_reply(sync_->start(*this, {false, *ns}, *method, Bytes(args->begin(), args->end()), gas_limit, caps), register_id);
}

HostOutcome Logic::sync_function_call(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  return start_sync(a[0], a[1], a[2], a[3], a[4], a[5], a[6], 0xFFu, a[7]);
}

HostOutcome Logic::sync_function_call_restricted(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  return start_sync(a[0], a[1], a[2], a[3], a[4], a[5], a[6], uint32_t(a[7] & 0xFFu), a[8]);
}

HostOutcome Logic::resume_sync_call(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY_GET(ns, read_name(a[0], a[1]));
  TRY_GET(data, memory_or_register(a[3], a[2]));
  TRY(gas_.pay(p_.wasm.sync_call_resume_base, p_.wasm.sync_call_byte, data->size()));
  if (!sync_) return std::unexpected(err(HostErrorKind::SyncCallError, "synchronous calls are not available here"));
  return sync_reply(sync_->resume(*this, {false, *ns}, *data), a[4]);
}

// The callee yields `data` to its caller; the caller's response arrives in `register_id`.
HostOutcome Logic::callback(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  if (!callee_) return std::unexpected(err(HostErrorKind::SyncCallError, "callback outside a synchronous call"));
  TRY_GET(data, memory_or_register(a[1], a[0]));
  yielded_ = *data;
  response_register_ = a[2];
  suspend_ = true;
  return 0;
}

HostOutcome Logic::start_submodule(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY_GET(key, read_name(a[0], a[1]));
  TRY(gas_.pay_base(p_.wasm.sync_call_start_base));
  if (!sync_) return std::unexpected(err(HostErrorKind::SyncCallError, "synchronous calls are not available here"));
  return sync_reply(sync_->start(*this, {true, *key}, "main", {}, a[2], 0), a[3]);  // submodules: the v1 ABI only
}

HostOutcome Logic::resume_submodule(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY_GET(key, read_name(a[0], a[1]));
  TRY_GET(data, memory_or_register(a[3], a[2]));
  TRY(gas_.pay(p_.wasm.sync_call_resume_base, p_.wasm.sync_call_byte, data->size()));
  if (!sync_) return std::unexpected(err(HostErrorKind::SyncCallError, "synchronous calls are not available here"));
  return sync_reply(sync_->resume(*this, {true, *key}, *data), a[4]);
}

// Queued on the current account; the chain applies them when the call succeeds.
HostOutcome Logic::deploy_submodule(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("deploy_submodule"));
  TRY_GET(key, read_name(a[0], a[1]));
  if (key->empty() || key->size() > kMaxSubmoduleKey) return std::unexpected(err(HostErrorKind::SyncCallError, "invalid submodule key"));
  TRY_GET(code, memory_or_register(a[3], a[2]));
  if (code->size() > p_.limit.max_contract_size)
    return std::unexpected(err(HostErrorKind::ContractSizeExceeded, std::to_string(code->size())));
  const ActionCost& base = p_.action.deploy_contract_base;
  const ActionCost& per_byte = p_.action.deploy_contract_per_byte;
  TRY(gas_.deduct_gas(base.send_sir, base.send_sir + base.execution));
  Gas send, exec;
  if (__builtin_mul_overflow(per_byte.send_sir, code->size(), &send) ||
      __builtin_mul_overflow(per_byte.execution, code->size(), &exec))
    return std::unexpected(err(HostErrorKind::IntegerOverflow));
  TRY(gas_.deduct_gas(send, send + exec));
  submodule_actions_.push_back({std::string(*key), Bytes(code->begin(), code->end())});
  return 0;
}

HostOutcome Logic::remove_submodule(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("remove_submodule"));
  TRY_GET(key, read_name(a[0], a[1]));
  if (key->empty() || key->size() > kMaxSubmoduleKey) return std::unexpected(err(HostErrorKind::SyncCallError, "invalid submodule key"));
  const ActionCost& c = p_.action.delete_key;
  TRY(gas_.deduct_gas(c.send_sir, c.send_sir + c.execution));
  submodule_actions_.push_back({std::string(*key), std::nullopt});
  return 0;
}

// ---- the v1 submodule ABI ----

HostOutcome Logic::submodule_callback(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  if (!callee_) return std::unexpected(err(HostErrorKind::SyncCallError, "callback outside a synchronous call"));
  TRY_GET(data, read_memory(a[1], a[0]));
  yielded_ = *data;
  response_register_.reset();
  suspend_ = true;
  return 0;
}

HostOutcome Logic::get_input_size(const uint64_t*) {
  TRY(gas_.pay_base(p_.base));
  return v1_input_.size();
}

HostOutcome Logic::get_input(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(write_memory(a[0], v1_input_));
  return 0;
}

HostOutcome Logic::return_value(const uint64_t* a) {
  uint64_t args[2] = {a[0], a[1]};
  return value_return(args);
}

// ---- for the synchronous-call layer ----

std::optional<HostError> Logic::deliver_response(View data) {
  if (response_register_) return set_register(*response_register_, data);
  v1_input_.assign(data.begin(), data.end());
  return std::nullopt;
}

std::optional<HostError> Logic::adopt_callee(const Logic& callee) {
  // Storage usage is account-wide: the callee started from this execution's usage.
  storage_usage_ = callee.storage_usage_;
  size_t offset = receipts_.size();
  for (Receipt r : callee.receipts_) {
    for (uint64_t& d : r.depends_on) d += offset;
    receipts_.push_back(std::move(r));
  }
  if (auto e = gas_.prepay_gas(callee.gas_.used() - callee.gas_.burnt())) return e;
  for (const SubmoduleAction& s : callee.submodule_actions_) submodule_actions_.push_back(s);
  return std::nullopt;
}

void Logic::adopt_logs(const std::vector<std::string>& logs, size_t from) {
  for (size_t i = from; i < logs.size(); ++i) {
    if (logs_.size() >= p_.limit.max_number_logs || push_log(logs[i])) return;
  }
}

}  // namespace syncwasm::near
