// Runs one contract method the way nearcore does: method resolution, loading fee, linking against
// the host API, metered execution, and the outcome with nearcore's error taxonomy.
#pragma once

#include "near/logic.h"
#include "near/prepare.h"

namespace syncwasm::near {

struct VMOutcome {
  Balance balance = 0;
  uint64_t storage_usage = 0;
  ReturnData return_data;
  Gas burnt_gas = 0;
  Gas used_gas = 0;
  std::vector<std::string> logs;
  std::vector<Receipt> receipts;
  std::optional<FunctionCallError> aborted;
};

// `ext` receives the call's storage writes only if it succeeds (and is not a view).
VMOutcome run_method(std::span<const uint8_t> code, std::string_view method, const VMContext& ctx,
                     const Params& p, External& ext, ContractCache& cache);

}  // namespace syncwasm::near
