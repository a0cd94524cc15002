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
  std::vector<Logic::SubmoduleAction> submodule_actions;  // applied by the chain when the call succeeded
  SyncTrace sync_trace;                    // by the synchronous-call layer, an event per step
  std::map<std::string, Gas> profile;                      // burnt gas by where it went (see Logic::profile)
  std::optional<FunctionCallError> aborted;
};

// MethodEmptyName, MethodNotFound or MethodInvalidSignature, if `method` cannot be an entry point.
std::optional<FunctionCallError> resolve_method(const PreparedContract& pc, std::string_view method);

// `ext` receives the call's storage writes only if it succeeds (and is not a view). `sync` serves
// synchronous calls (see src/sync); without it they fail with SyncCallError.
VMOutcome run_method(std::span<const uint8_t> code, std::string_view method, const VMContext& ctx,
                     const Params& p, External& ext, ContractCache& cache, SyncCalls* sync = nullptr);

}  // namespace syncwasm::near
