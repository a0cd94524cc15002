// NEAR contract preparation (nearcore's prepare_v3): feature profile, contract limits, import rules,
// memory normalization, translation with metering, and a cache keyed by code hash.
#pragma once

#include <expected>
#include <map>
#include <memory>
#include <mutex>

#include "near/errors.h"
#include "near/params.h"
#include "syncwasm/engine.h"

namespace syncwasm::near {

// The engine settings for contracts: NEAR's features (no multi-value, no SIMD), canonical NaNs,
// and the metering of `p`.
EngineConfig engine_config(const Params& p);

struct PreparedContract {
  std::shared_ptr<const Module> module;
  std::optional<uint32_t> start;  // the start function, run (metered) after the loading fee
  std::array<uint8_t, 32> code_hash{};
  size_t code_size = 0;
};
using Prepared = std::expected<std::shared_ptr<const PreparedContract>, FunctionCallError>;

// Contracts and namespaces get NEAR's rules; a v1 submodule may instead import env.memory (it
// becomes its own memory with the declared limits, at most max_memory_pages) and keeps its memory
// size.
enum class CodeProfile : uint8_t { contract, submodule };

Prepared prepare_contract(std::span<const uint8_t> code, const Params& p, CodeProfile profile = CodeProfile::contract);

// Prepared contracts (and preparation errors) by code hash and the parameters that shape them.
class ContractCache {
 public:
  Prepared get(std::span<const uint8_t> code, const Params& p, CodeProfile profile = CodeProfile::contract);
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, Prepared> entries_;
};

}  // namespace syncwasm::near
