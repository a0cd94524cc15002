#include "near/outcome_json.h"

#include "common/base64.h"

namespace syncwasm::near {

std::string balance_string(Balance b) {
  if (b == 0) return "0";
  std::string s;
  for (; b; b /= 10) s.insert(s.begin(), char('0' + int(b % 10)));
  return s;
}

nlohmann::json error_json(const FunctionCallError& e) {
  return {{"kind", e.path()}, {"message", e.message}};
}

namespace {
nlohmann::json action_json(const Action& a) {
  nlohmann::json j = {{"type", action_name(a)}};
  std::visit(
      [&j](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, DeployContractAction>) {
          j["code_base64"] = base64_encode(x.code);
        } else if constexpr (std::is_same_v<T, FunctionCallAction>) {
          j["method_name"] = x.method;
          j["args_base64"] = base64_encode(x.args);
          j["deposit"] = balance_string(x.deposit);
          j["gas"] = x.gas;
          j["gas_weight"] = x.gas_weight;
        } else if constexpr (std::is_same_v<T, TransferAction>) {
          j["deposit"] = balance_string(x.deposit);
        } else if constexpr (std::is_same_v<T, StakeAction>) {
          j["stake"] = balance_string(x.stake);
          j["public_key_base64"] = base64_encode(x.public_key);
        } else if constexpr (std::is_same_v<T, AddKeyAction>) {
          j["public_key_base64"] = base64_encode(x.public_key);
          j["nonce"] = x.nonce;
          j["full_access"] = x.full_access;
          if (!x.full_access) {
            j["allowance"] = x.allowance ? nlohmann::json(balance_string(*x.allowance)) : nlohmann::json(nullptr);
            j["receiver_id"] = x.receiver_id;
            j["method_names"] = x.method_names;
          }
        } else if constexpr (std::is_same_v<T, DeleteKeyAction>) {
          j["public_key_base64"] = base64_encode(x.public_key);
        } else if constexpr (std::is_same_v<T, DeleteAccountAction>) {
          j["beneficiary_id"] = x.beneficiary_id;
        }
      },
      a);
  return j;
}
}  // namespace

nlohmann::json outcome_json(const VMOutcome& o) {
  nlohmann::json j;
  j["status"] = o.aborted ? "failure" : "success";
  j["return_base64"] =
      o.return_data.kind == ReturnKind::value ? nlohmann::json(base64_encode(o.return_data.value)) : nlohmann::json(nullptr);
  if (o.return_data.kind == ReturnKind::receipt_index) j["return_receipt_index"] = o.return_data.receipt_index;
  j["logs"] = o.logs;
  j["gas_burnt"] = o.burnt_gas;
  j["gas_used"] = o.used_gas;
  j["balance"] = balance_string(o.balance);
  j["storage_usage"] = o.storage_usage;
  nlohmann::json receipts = nlohmann::json::array();
  for (const Receipt& r : o.receipts) {
    nlohmann::json actions = nlohmann::json::array();
    for (const Action& a : r.actions) actions.push_back(action_json(a));
    receipts.push_back({{"receiver_id", r.receiver_id}, {"depends_on", r.depends_on}, {"actions", actions}});
  }
  j["promises"] = receipts;
  nlohmann::json trace = nlohmann::json::array();
  for (const SyncTraceEvent& e : o.sync_trace)
    trace.push_back({{"event", sync_step_name(e.step)},
                     {"kind", e.submodule ? "submodule" : "namespace"},
                     {"target", o.sync_trace.name(e)},
                     {"depth", e.depth},
                     {"status", uint64_t(e.status)},
                     {"status_name", sync_status_name(e.status)},
                     {"gas_burnt", e.gas_burnt},
                     {"count", e.count}});
  j["sync_trace"] = std::move(trace);
  nlohmann::json profile = nlohmann::json::object();
  for (const auto& [k, v] : o.profile)
    if (v) profile[k] = v;
  j["profile"] = profile;
  nlohmann::json actions = nlohmann::json::array();
  for (const Logic::SubmoduleAction& a : o.submodule_actions)
    actions.push_back({{"key", a.key},
                       {"action", a.code ? "deploy" : "remove"},
                       {"code_base64", a.code ? nlohmann::json(base64_encode(*a.code)) : nlohmann::json(nullptr)}});
  j["submodule_actions"] = std::move(actions);
  j["error"] = o.aborted ? error_json(*o.aborted) : nlohmann::json(nullptr);
  return j;
}

}  // namespace syncwasm::near
