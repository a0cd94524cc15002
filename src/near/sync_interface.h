// What the host API needs from the synchronous-call layer (implemented in src/sync): the contract
// VM forwards sync_function_call / resume_sync_call / start_submodule / resume_submodule to it.
#pragma once

#include <expected>
#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include "near/context.h"
#include "near/errors.h"

namespace syncwasm::near {

class Logic;

// Status codes returned to the caller (docs/sync-calls.md).
enum class SyncStatus : uint64_t {
  Success = 0,
  Callback = 1,
  AlreadyStarted = 100,
  NotFound = 200,
  MethodNotFound = 300,
  OutOfGas = 400,
  NotStarted = 500,
  WasmTrap = 600,
  CapabilityDenied = 700,
  DepthExceeded = 800,
  TooManyCallees = 900,
};
const char* sync_status_name(SyncStatus s);

// Submodule keys: 1 to 256 bytes of UTF-8.
constexpr size_t kMaxSubmoduleKey = 256;

// A callee: a namespace of the current account (NEP-480) or a submodule under a key (v1 ABI).
// The name is a view: of the caller's memory or register while a host call asks for it.
struct SyncTarget {
  bool submodule = false;
  std::string_view name;
};

struct SyncReply {
  SyncStatus status;
  Bytes data;  // return value or error message
  // Or the callee's yielded bytes, read in place (its memory or register) before it runs again.
  std::optional<std::span<const uint8_t>> yielded = std::nullopt;
  std::span<const uint8_t> bytes() const { return yielded ? *yielded : data; }
};

enum class SyncStep : uint8_t { start, resume };
const char* sync_step_name(SyncStep s);  // "start", "resume"

// One event of the sync-call trace shown by `syncwasm exec`: a step of a callee. A run of resumes
// of one callee that each yielded again is one event with its count.
struct SyncTraceEvent {
  SyncStep step = SyncStep::start;  // the status says whether the callee yielded, returned or failed
  bool submodule = false;
  uint32_t name = 0;  // index into SyncTrace::names: one per started callee
  uint32_t depth = 0;
  SyncStatus status = SyncStatus::Success;
  Gas gas_burnt = 0;   // burnt by the callee in these steps
  uint64_t count = 1;  // steps merged into this event
};

// A transaction's sync-call trace. Recording must cost little beside a round trip (~100 ns):
// events are plain values and each started callee's name is stored once; repeated resumes merge
// (hundreds of identical lines read no better, and the outcome stays small).
struct SyncTrace {
  std::vector<std::string> names;
  std::vector<SyncTraceEvent> events;

  uint32_t add_name(std::string_view n) {
    names.emplace_back(n);
    return uint32_t(names.size() - 1);
  }
  std::string_view name(const SyncTraceEvent& e) const { return names[e.name]; }
  size_t size() const { return events.size(); }
  bool empty() const { return events.empty(); }
  const SyncTraceEvent& operator[](size_t i) const { return events[i]; }
  auto begin() const { return events.begin(); }
  auto end() const { return events.end(); }
};

class SyncCalls {
 public:
  virtual ~SyncCalls() = default;
  // Starts a callee; `caps` is the capability bit set its imports must fit in.
  virtual std::expected<SyncReply, HostError> start(Logic& caller, const SyncTarget& t, std::string_view method,
                                                    Bytes args, Gas gas_limit, uint32_t caps) = 0;
  virtual std::expected<SyncReply, HostError> resume(Logic& caller, const SyncTarget& t, std::span<const uint8_t> data) = 0;
};

// Code of an account's namespaces and submodules.
class CodeSource {
 public:
  virtual ~CodeSource() = default;
  virtual std::optional<Bytes> namespace_code(const std::string& account, const std::string& ns) = 0;
  virtual std::optional<Bytes> submodule_code(const std::string& account, const std::string& key) = 0;
};

}  // namespace syncwasm::near
