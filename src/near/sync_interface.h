// What the host API needs from the synchronous-call layer (implemented in src/sync): the contract
// VM forwards sync_function_call / resume_sync_call / start_submodule / resume_submodule to it.
#pragma once

#include <expected>
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
struct SyncTarget {
  bool submodule = false;
  std::string name;
  auto operator<=>(const SyncTarget&) const = default;
};

struct SyncReply {
  SyncStatus status;
  Bytes data;                      // return value or error message
  const Bytes* yielded = nullptr;  // or the callee's yielded bytes, read in place before it runs again
  std::span<const uint8_t> bytes() const { return yielded ? *yielded : data; }
};

// One event of the sync-call trace shown by `syncwasm exec`.
struct SyncTraceEvent {
  std::string_view event;  // "start" or "resume"; the status says whether the callee yielded, returned or failed
  SyncTarget target;
  uint32_t depth = 0;
  SyncStatus status = SyncStatus::Success;
  Gas gas_burnt = 0;  // burnt by the callee in this step
};

class SyncCalls {
 public:
  virtual ~SyncCalls() = default;
  // Starts a callee; `caps` is the capability bit set its imports must fit in.
  virtual std::expected<SyncReply, HostError> start(Logic& caller, const SyncTarget& t, const std::string& method,
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
