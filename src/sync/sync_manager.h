// Synchronous calls (NEP-481 on NEP-480 namespaces, and v1 submodules) for one executing contract:
// its live callees, each with its own instance, engine stacks, gas counter and storage overlay.
#pragma once

#include <memory>
#include <vector>

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
  near::SyncTrace& trace;
};

class SyncCallManager : public near::SyncCalls {
 public:
  // `depth`: how many synchronous calls deep the owning execution is (0 for a transaction's call).
  SyncCallManager(SyncEnv env, uint32_t depth) : env_(env), depth_(depth) {}
  ~SyncCallManager() override;

  std::expected<SyncReply, near::HostError> start(near::Logic& caller, const SyncTarget& t, std::string_view method,
                                                  Bytes args, near::Gas gas_limit, uint32_t caps) override;
  std::expected<SyncReply, near::HostError> resume(near::Logic& caller, const SyncTarget& t,
                                                   std::span<const uint8_t> data) override;

  size_t live() const { return live_.size(); }

 private:
  struct Callee {
    bool submodule = false;
    std::string name;
    uint32_t trace_name = 0;  // its index in the trace's names
    near::VMContext ctx;
    std::unique_ptr<near::OverlayExternal> overlay;  // its writes, committed to the caller's on success
    std::unique_ptr<SyncCallManager> nested;
    std::unique_ptr<near::ContractCall> call;        // destroyed first: it refers to the two above
    near::Gas reported_burnt = 0;                    // gas already charged to the caller
    size_t reported_logs = 0;
  };

  std::expected<SyncReply, near::HostError> finish_step(near::Logic& caller, size_t index, near::Step step,
                                                        near::SyncStep event);
  SyncReply fail(const SyncTarget& t, SyncStatus s, std::string msg, near::SyncStep event);
  void trace(near::SyncStep event, bool submodule, uint32_t name, SyncStatus s, near::Gas gas);
  // The index of the live callee `t` in live_, or live_.size().
  size_t find(const SyncTarget& t) const;
  void end(size_t index);

  SyncEnv env_;
  uint32_t depth_;
  std::vector<std::unique_ptr<Callee>> live_;  // at most max_live_sync_callees: a scan beats a tree
};

}  // namespace syncwasm::sync
