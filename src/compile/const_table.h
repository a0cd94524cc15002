// A function's distinct constants, for the translator (compiler.cpp).
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <random>
#include <vector>

namespace syncwasm::ir {

// The body's distinct constants in order of first appearance, found through a hash table (open
// addressing; entries are index + 1, 0 is empty). Sorting them and searching cost a tenth of
// translation time on constant-heavy code. The hash is keyed per process so that a contract cannot
// choose constants that collide (quadratic translation); the code produced does not depend on it.
class ConstTable {
 public:
  void build(const std::vector<uint64_t>& occurrences) {
    values_.clear();
    table_.assign(std::bit_ceil(std::max<size_t>(8, 2 * occurrences.size())), 0);
    mask_ = uint32_t(table_.size() - 1);
    for (uint64_t v : occurrences) {
      uint32_t& e = entry(v);
      if (!e) {
        values_.push_back(v);
        e = uint32_t(values_.size());
      }
    }
  }
  uint32_t index(uint64_t v) { return entry(v) - 1; }  // v must be one of the occurrences
  const std::vector<uint64_t>& values() const { return values_; }
  size_t capacity_bytes() const { return values_.capacity() * sizeof(uint64_t) + table_.capacity() * sizeof(uint32_t); }

 private:
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
