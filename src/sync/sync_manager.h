// Synchronous calls (NEP-481 on NEP-480 namespaces, and v1 submodules) for one executing contract:
// its live callees, each with its own instance, engine stacks, gas counter and storage overlay.
#pragma once

#include <map>
#include <memory>

#include "near/call.h"
#include "near/runner.h"

namespace syncwasm::sync {

using near::Bytes;
using near::SyncReply;
using near::SyncStatus;
using near::SyncTarget;

// What every level of nested calls shares.
struct SyncEnv {
  const near::Params& params;
  near::ContractCache& cache;
  near::CodeSource& code;
  std::deque<near::SyncTraceEvent>& trace;
};

class SyncCallManager : public near::SyncCalls {
 public:
  // `depth`: how many synchronous calls deep the owning execution is (0 for a transaction's call).
  SyncCallManager(SyncEnv env, uint32_t depth) : env_(env), depth_(depth) {}
  ~SyncCallManager() override;

  std::expected<SyncReply, near::HostError> start(near::Logic& caller, const SyncTarget& t, const std::string& method,
                                                  Bytes args, near::Gas gas_limit, uint32_t caps) override;
  std::expected<SyncReply, near::HostError> resume(near::Logic& caller, const SyncTarget& t,
                                                   std::span<const uint8_t> data) override;

  size_t live() const { return live_.size(); }

 private:
  struct Callee {
    near::VMContext ctx;
    std::unique_ptr<near::OverlayExternal> overlay;  // its writes, committed to the caller's on success
    std::unique_ptr<SyncCallManager> nested;
    std::unique_ptr<near::ContractCall> call;        // destroyed first: it refers to the two above
    near::Gas reported_burnt = 0;                    // gas already charged to the caller
    size_t reported_logs = 0;
  };

  std::expected<SyncReply, near::HostError> finish_step(near::Logic& caller, const SyncTarget& t, Callee& c,
                                                        near::Step step, const char* event);
  SyncReply fail(const SyncTarget& t, SyncStatus s, std::string msg, const char* event);
  void trace(const char* event, const SyncTarget& t, SyncStatus s, near::Gas gas);

  SyncEnv env_;
  uint32_t depth_;
  std::map<SyncTarget, std::unique_ptr<Callee>> live_;
};

}  // namespace syncwasm::sync
