#include "chain/fees.h"

namespace syncwasm::chain {
namespace {

void add(ActionsCost& c, const near::ActionCost& cost, bool sir, uint64_t n = 1) {
  c.send += cost.send(sir) * n;
  c.exec += cost.execution * n;
}

void add_function_call(ActionsCost& c, const near::Params& p, bool sir, size_t bytes, near::Gas gas, u128 deposit) {
  add(c, p.action.function_call_base, sir);
  add(c, p.action.function_call_per_byte, sir, bytes);
  c.attached += gas;
  c.deposit += deposit;
}

}  // namespace

ActionsCost actions_cost(const near::Params& p, const std::vector<Action>& actions, bool sir) {
  ActionsCost c;
  add(c, p.action.action_receipt_creation, sir);
  for (const Action& a : actions) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, CreateAccountAction>) add(c, p.action.create_account, sir);
          else if constexpr (std::is_same_v<T, DeployContractAction> || std::is_same_v<T, DeployContractToNamespaceAction> ||
                             std::is_same_v<T, DeploySubmoduleAction>) {
            add(c, p.action.deploy_contract_base, sir);
            add(c, p.action.deploy_contract_per_byte, sir, x.code.size());
          } else if constexpr (std::is_same_v<T, FunctionCallAction>) {
            add_function_call(c, p, sir, x.method_name.size() + x.args.size(), x.gas, x.deposit);
          } else if constexpr (std::is_same_v<T, FunctionCallInNamespaceAction>) {
            add_function_call(c, p, sir, x.namespace_name.size() + x.method_name.size() + x.args.size(), x.gas, x.deposit);
          } else if constexpr (std::is_same_v<T, TransferAction>) {
            add(c, p.action.transfer, sir);
            c.deposit += x.deposit;
          } else if constexpr (std::is_same_v<T, StakeAction>) add(c, p.action.stake, sir);
          else if constexpr (std::is_same_v<T, AddKeyAction>) {
            if (std::holds_alternative<FullAccessPermission>(x.access_key.permission)) {
              add(c, p.action.add_full_access_key, sir);
            } else {
              size_t bytes = 0;
              std::visit(
                  [&](const auto& perm) {
                    if constexpr (!std::is_same_v<std::decay_t<decltype(perm)>, FullAccessPermission>)
                      for (const std::string& m : perm.method_names) bytes += m.size() + 1;
                  },
                  x.access_key.permission);
              add(c, p.action.add_function_call_key_base, sir);
              add(c, p.action.add_function_call_key_per_byte, sir, bytes);
            }
          } else if constexpr (std::is_same_v<T, DeleteKeyAction> || std::is_same_v<T, RemoveSubmoduleAction>) {
            add(c, p.action.delete_key, sir);
          } else if constexpr (std::is_same_v<T, DeleteAccountAction>) {
            add(c, p.action.delete_account, sir);
          }
        },
        a);
  }
  return c;
}

}  // namespace syncwasm::chain
