// Running a contract method with synchronous calls to the account's namespaces and submodules.
#pragma once

#include <map>

#include "near/runner.h"

namespace syncwasm::sync {

// Code held in memory: for `syncwasm exec --namespace/--submodule` and tests.
class MapCodeSource : public near::CodeSource {
 public:
  std::optional<near::Bytes> namespace_code(const std::string& account, const std::string& ns) override;
  std::optional<near::Bytes> submodule_code(const std::string& account, const std::string& key) override;
  std::map<std::string, near::Bytes> namespaces;  // by namespace name, for any account
  std::map<std::string, near::Bytes> submodules;  // by key
};

near::VMOutcome run_method(std::span<const uint8_t> code, std::string_view method, const near::VMContext& ctx,
                           const near::Params& p, near::External& ext, near::ContractCache& cache,
                           near::CodeSource& source);

}  // namespace syncwasm::sync
