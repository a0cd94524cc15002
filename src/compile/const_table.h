// A function's distinct constants, for the translator (compiler.cpp).
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <random>
#include <vector>

namespace syncwasm::ir {

// A function's distinct constants in order of first appearance, found through a hash table (open
// addressing; entries are index + 1, 0 is empty; at most half full). Sorting them and searching cost
// a tenth of translation time on constant-heavy code. The hash is keyed per process so that a
// contract cannot choose constants that collide (quadratic translation); the code produced does not
// depend on it.
class ConstTable {
 public:
  // Sized for a body of `bytes` (a constant takes at least 2), capped: past that it grows.
  void clear(size_t bytes) {
    values_.clear();
    table_.assign(std::bit_ceil(std::clamp<size_t>(bytes, 16, 4096)), 0);
    mask_ = uint32_t(table_.size() - 1);
  }
  // v's index; a constant not seen before gets the next one.
  uint32_t index(uint64_t v) {
    uint32_t& e = entry(v);
    if (e) return e - 1;
    values_.push_back(v);
    e = uint32_t(values_.size());
    if (values_.size() * 2 > table_.size()) grow();
    return uint32_t(values_.size() - 1);
  }
  uint32_t size() const { return uint32_t(values_.size()); }
  const std::vector<uint64_t>& values() const { return values_; }
  size_t capacity_bytes() const { return values_.capacity() * sizeof(uint64_t) + table_.capacity() * sizeof(uint32_t); }

 private:
  void grow() {
    table_.assign(table_.size() * 2, 0);
    mask_ = uint32_t(table_.size() - 1);
    for (uint32_t i = 0; i < values_.size(); ++i) entry(values_[i]) = i + 1;
  }
  static uint64_t hash(uint64_t v) {  // MurmurHash3's finalizer: every input bit affects every output bit
    static const uint64_t key = (uint64_t(std::random_device{}()) << 32) ^ std::random_device{}();
    v ^= key;
    v = (v ^ (v >> 33)) * 0xFF51AFD7ED558CCDull;
    v = (v ^ (v >> 33)) * 0xC4CEB9FE1A85EC53ull;
    return v ^ (v >> 33);
  }
  uint32_t& entry(uint64_t v) {
    uint32_t i = uint32_t(hash(v)) & mask_;
    while (table_[i] && values_[table_[i] - 1] != v) i = (i + 1) & mask_;
    return table_[i];
  }
  std::vector<uint64_t> values_;
  std::vector<uint32_t> table_;
  uint32_t mask_ = 0;
};

}  // namespace syncwasm::ir
