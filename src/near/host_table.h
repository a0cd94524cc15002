// Static facts about host functions (from host_functions.def): signature, view permission,
// capability class and implementation.
#pragma once

#include <span>
#include <string_view>

#include "near/logic.h"

namespace syncwasm::near {

enum class Capability : uint8_t {
  core, logs, context, storage_read, storage_write, crypto, promises, sync_calls, submodule_abi
};
const char* capability_name(Capability c);

struct HostFnInfo {
  const char* name;
  const char* params;  // I = i64, i = i32
  const char* result;  // "", "I" or "i"
  bool view_allowed;
  Capability capability;
  HostOutcome (Logic::*impl)(const uint64_t*);  // null: links, fails with Unsupported
};

std::span<const HostFnInfo> host_functions();
// The host function with this import name and signature (two may share a name).
const HostFnInfo* find_host_function(std::string_view name, const FuncType& type);
FuncType host_type(const HostFnInfo& f);

}  // namespace syncwasm::near
