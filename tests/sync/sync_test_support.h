// Synchronous-call scenarios: the C driver contract (contracts/driver.c) runs a script of sync-call
// operations; callees are WAT namespaces and submodules.
#pragma once

#include <fstream>
#include <iterator>

#include "contracts/driver_script.h"
#include "near/call.h"
#include "near_test_support.h"
#include "sync/run.h"

namespace syncwasm::sync::test {

using near::Bytes;

inline Bytes driver_code() {
  std::ifstream f(DRIVER_WASM, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(f)), {});
}

using driver::Op;
using driver::Script;
using driver::u64_bytes;
using enum driver::Op;

inline Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }

struct Result {
  uint64_t status;
  Bytes data;
  uint64_t u64() const {
    uint64_t v = 0;
    for (size_t i = data.size(); i-- > 0;) v = (v << 8) | data[i];
    return v;
  }
  std::string str() const { return std::string(data.begin(), data.end()); }
};

// The driver's output: one result per script operation.
inline std::vector<Result> results(const near::VMOutcome& o) {
  std::vector<Result> r;
  const Bytes& b = o.return_data.value;
  for (size_t i = 0; i + 12 <= b.size();) {
    uint64_t s = 0, n = 0;
    for (int k = 7; k >= 0; --k) s = (s << 8) | b[i + size_t(k)];
    for (int k = 3; k >= 0; --k) n = (n << 8) | b[i + 8 + size_t(k)];
    i += 12;
    r.push_back({s, Bytes(b.begin() + long(i), b.begin() + long(i + n))});
    i += n;
  }
  return r;
}

struct World {
  near::Params params;
  near::ContractCache cache;
  near::MemoryExternal ext;
  MapCodeSource code;
  near::VMContext ctx;

  World() {
    ctx.current_account_id = "engine.near";
    ctx.prepaid_gas = 300'000'000'000'000ull;
  }
  void add_namespace(const std::string& ns, const std::string& wat) { code.namespaces[ns] = syncwasm::test::wat(wat); }
  void add_submodule(const std::string& key, const std::string& wat) { code.submodules[key] = syncwasm::test::wat(wat); }
  near::VMOutcome run(const Script& s) {
    ctx.input = s.bytes;
    return sync::run_method(driver_code(), "run", ctx, params, ext, cache, code);
  }
};

}  // namespace syncwasm::sync::test
