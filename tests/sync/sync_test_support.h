// Synchronous-call scenarios: the C driver contract (contracts/driver.c) runs a script of sync-call
// operations; callees are WAT namespaces and submodules.
#pragma once

#include <fstream>
#include <iterator>

#include "near/call.h"
#include "near_test_support.h"
#include "sync/run.h"

namespace syncwasm::sync::test {

using near::Bytes;

inline Bytes driver_code() {
  std::ifstream f(DRIVER_WASM, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(f)), {});
}

enum Op : uint8_t { kStart = 1, kResume = 2, kStartSub = 3, kResumeSub = 4, kStartRestricted = 5, kWrite = 6, kRead = 7, kLog = 8 };

struct Script {
  Bytes bytes;
  Script& op(Op o, const std::string& name, const std::string& method = "", Bytes data = {}, uint64_t gas = 100'000'000'000'000ull,
             uint32_t caps = 0) {
    bytes.push_back(o);
    bytes.push_back(uint8_t(name.size()));
    bytes.insert(bytes.end(), name.begin(), name.end());
    bytes.push_back(uint8_t(method.size()));
    bytes.insert(bytes.end(), method.begin(), method.end());
    for (int i = 0; i < 4; ++i) bytes.push_back(uint8_t(data.size() >> (8 * i)));
    bytes.insert(bytes.end(), data.begin(), data.end());
    for (int i = 0; i < 8; ++i) bytes.push_back(uint8_t(gas >> (8 * i)));
    for (int i = 0; i < 4; ++i) bytes.push_back(uint8_t(caps >> (8 * i)));
    return *this;
  }
};

inline Bytes u64_bytes(uint64_t v) {
  Bytes b(8);
  for (int i = 0; i < 8; ++i) b[size_t(i)] = uint8_t(v >> (8 * i));
  return b;
}
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
