// Promises a contract creates: receipts with their actions, recorded in the outcome for the chain.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "near/context.h"

namespace syncwasm::near {

struct CreateAccountAction {};
struct DeployContractAction {
  Bytes code;
};
struct FunctionCallAction {
  std::string method;
  Bytes args;
  Balance deposit = 0;
  Gas gas = 0;
  uint64_t gas_weight = 0;
};
struct TransferAction {
  Balance deposit = 0;
};
struct StakeAction {
  Balance stake = 0;
  Bytes public_key;
};
struct AddKeyAction {
  Bytes public_key;
  uint64_t nonce = 0;
  bool full_access = true;
  std::optional<Balance> allowance;  // function-call keys
  std::string receiver_id;
  std::vector<std::string> method_names;
};
struct DeleteKeyAction {
  Bytes public_key;
};
struct DeleteAccountAction {
  std::string beneficiary_id;
};
using Action = std::variant<CreateAccountAction, DeployContractAction, FunctionCallAction, TransferAction,
                            StakeAction, AddKeyAction, DeleteKeyAction, DeleteAccountAction>;
const char* action_name(const Action& a);

struct Receipt {
  std::string receiver_id;
  std::vector<uint64_t> depends_on;  // indices of receipts whose results it receives
  std::vector<Action> actions;
};

}  // namespace syncwasm::near
