#include "sync/run.h"

#include "sync/sync_manager.h"

namespace syncwasm::sync {

std::optional<near::Bytes> MapCodeSource::namespace_code(const std::string&, const std::string& ns) {
  auto it = namespaces.find(ns);
  if (it == namespaces.end()) return std::nullopt;
  return it->second;
}

std::optional<near::Bytes> MapCodeSource::submodule_code(const std::string&, const std::string& key) {
  auto it = submodules.find(key);
  if (it == submodules.end()) return std::nullopt;
  return it->second;
}

near::VMOutcome run_method(std::span<const uint8_t> code, std::string_view method, const near::VMContext& ctx,
                           const near::Params& p, near::External& ext, near::ContractCache& cache,
                           near::CodeSource& source) {
  near::SyncTrace trace;
  near::VMOutcome o;
  {
    SyncCallManager top({p, cache, source, trace}, 0);
    o = near::run_method(code, method, ctx, p, ext, cache, &top);
  }  // callees still suspended are dropped here, before the outcome is returned
  o.sync_trace = std::move(trace);
  return o;
}

}  // namespace syncwasm::sync
