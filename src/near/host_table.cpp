#include "near/host_table.h"

namespace syncwasm::near {
namespace {

constexpr HostFnInfo kHostFunctions[] = {
#define HOST_FN(name, params, result, view, cap) {#name, params, result, view != 0, Capability::cap, &Logic::name},
#define HOST_FN_AS(name, method, params, result, view, cap) \
  {#name, params, result, view != 0, Capability::cap, &Logic::method},
#define HOST_UNSUPPORTED(name, params, result, view, cap) {#name, params, result, view != 0, Capability::cap, nullptr},
#include "near/host_functions.def"
};

std::vector<ValType> letters(const char* s) {
  std::vector<ValType> v;
  for (; *s; ++s) v.push_back(*s == 'I' ? ValType::i64 : ValType::i32);
  return v;
}

}  // namespace

const char* capability_name(Capability c) {
  switch (c) {
    case Capability::core: return "core";
    case Capability::logs: return "logs";
    case Capability::context: return "context";
    case Capability::storage_read: return "storage_read";
    case Capability::storage_write: return "storage_write";
    case Capability::crypto: return "crypto";
    case Capability::promises: return "promises";
    case Capability::sync_calls: return "sync_calls";
    case Capability::submodule_abi: return "submodule_abi";
  }
  return "?";
}

std::span<const HostFnInfo> host_functions() { return kHostFunctions; }

const HostFnInfo* find_host_function(std::string_view name, const FuncType& type) {
  for (const HostFnInfo& f : kHostFunctions)
    if (name == f.name && host_type(f) == type) return &f;
  return nullptr;
}

FuncType host_type(const HostFnInfo& f) { return {letters(f.params), letters(f.result)}; }

}  // namespace syncwasm::near
