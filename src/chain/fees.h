// What actions cost, for converting a transaction into its receipt (NEAR's tx_cost): send fees are
// burnt at conversion, execution fees and attached gas are prepaid, deposits move with the receipt.
#pragma once

#include "chain/tx/transaction.h"
#include "near/params.h"

namespace syncwasm::chain {

struct ActionsCost {
  near::Gas send = 0;      // burnt when the transaction is converted
  near::Gas exec = 0;      // prepaid, burnt when the receipt runs
  near::Gas attached = 0;  // gas attached to function calls
  u128 deposit = 0;
};

// Costs of `actions` in a receipt to `sir` (sender is receiver) plus the receipt's creation.
ActionsCost actions_cost(const near::Params& p, const std::vector<Action>& actions, bool sir);

}  // namespace syncwasm::chain
