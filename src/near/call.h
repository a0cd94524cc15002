// One contract execution under the NEAR VM: preparation through the cache, the loading fee,
// linking against the host API (optionally restricted to capability classes), instantiation, the
// start function, and running a method in steps — a step ends when the method finishes, fails, or
// (for a synchronous callee) yields through `callback`.
#pragma once

#include "near/host_table.h"
#include "near/prepare.h"

namespace syncwasm::near {

constexpr uint32_t capability_bit(Capability c) { return 1u << uint32_t(c); }
constexpr uint32_t kAllCapabilities = 0xFFu & ~capability_bit(Capability::submodule_abi);

struct CallOptions {
  bool charge_loading = true;                 // a synchronous callee pays a start fee instead
  uint32_t capabilities = kAllCapabilities;   // imports outside these classes are refused
  SyncCalls* sync = nullptr;                  // serves the caller-side sync-call host functions
  bool callee = false;                        // `callback` may suspend this execution
};

enum class StepKind : uint8_t { finished, yielded, failed };
struct Step {
  // Constructors rather than aggregate initialization, which zeroed the whole error's storage
  // (a `rep stos` of 96 bytes on every step of a synchronous call).
  Step(StepKind k) : kind(k) {}
  Step(StepKind k, std::optional<FunctionCallError> e) : kind(k), error(std::move(e)) {}
  StepKind kind;
  std::optional<FunctionCallError> error;
};

class ContractCall {
 public:
  ContractCall(const VMContext& ctx, const Params& p, External& ext, std::shared_ptr<const PreparedContract> pc,
               CallOptions opt);

  // Loading fee, linking, instantiation and the start function; an error ends the call.
  std::optional<FunctionCallError> setup();
  // Runs an export of type [] -> [] (checked by the caller) until it finishes, fails or yields.
  Step begin(std::string_view method);
  // Continues after a yield, once the response was delivered to the logic.
  Step resume();

  Logic& logic() { return logic_; }
  const Logic& logic() const { return logic_; }

 private:
  HostResult host_call(const HostFnInfo& info, size_t index, HostCall& c);
  Step begin_extern(Extern f);
  Step step(ExecState st);

  const Params& p_;
  std::shared_ptr<const PreparedContract> pc_;
  CallOptions opt_;
  Logic logic_;
  Store store_;
  std::optional<Instance> instance_;
  std::unique_ptr<Execution> exec_;
  std::optional<HostError> host_error_;
};

}  // namespace syncwasm::near
