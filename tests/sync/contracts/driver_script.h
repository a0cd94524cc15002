// The input of the driver contract (driver.c): a script of sync-call operations, each
//   op:u8 name_len:u8 name method_len:u8 method data_len:u32 data gas:u64 caps:u32 (little-endian).
// Used by the sync tests, the sync benchmarks and the fuzzing seed generator.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace syncwasm::driver {

using Bytes = std::vector<uint8_t>;

enum Op : uint8_t { kStart = 1, kResume = 2, kStartSub = 3, kResumeSub = 4, kStartRestricted = 5, kWrite = 6, kRead = 7, kLog = 8 };

struct Script {
  explicit Script(uint64_t default_gas = 100'000'000'000'000ull) : default_gas(default_gas) {}
  Script& op(Op o, const std::string& name, const std::string& method = "", const Bytes& data = {}) {
    return op(o, name, method, data, default_gas, 0);
  }
  Script& op(Op o, const std::string& name, const std::string& method, const Bytes& data, uint64_t gas, uint32_t caps = 0) {
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
  uint64_t default_gas;
  Bytes bytes;
};

inline Bytes u64_bytes(uint64_t v) {
  Bytes b(8);
  for (int i = 0; i < 8; ++i) b[size_t(i)] = uint8_t(v >> (8 * i));
  return b;
}

}  // namespace syncwasm::driver
