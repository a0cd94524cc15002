#include <algorithm>
#include <cstring>

#include "exec/runtime.h"

namespace syncwasm::rt {

uint32_t StoreData::intern(const FuncType& t) {
  for (size_t i = 0; i < types.size(); ++i)
    if (types[i] == t) return uint32_t(i);
  types.push_back(t);
  return uint32_t(types.size() - 1);
}

bool memory_init(MemInst& mem, const std::vector<uint8_t>& data, uint64_t d, uint64_t s, uint64_t n) {
  if (s + n > data.size() || d + n > mem.size()) return false;
  if (n) std::memcpy(mem.data() + d, data.data() + s, n);
  return true;
}

bool table_init(TableInst& t, const std::vector<uint64_t>& seg, uint64_t d, uint64_t s, uint64_t n) {
  if (s + n > seg.size() || d + n > t.elems.size()) return false;
  std::copy_n(seg.begin() + s, n, t.elems.begin() + d);
  return true;
}

int32_t memory_grow(MemInst& mem, uint32_t delta) {
  uint32_t old = mem.pages();
  uint64_t limit = std::min<uint64_t>(mem.max().value_or(StoreData::kMaxPages), StoreData::kMaxPages);
  if (uint64_t(old) + delta > limit || !mem.grow(delta)) return -1;
  return int32_t(old);
}

int32_t table_grow(TableInst& t, uint32_t delta, uint64_t init) {
  uint64_t old = t.elems.size();
  // Tables are bounded by their maximum and, without one, by an engine limit of 10M entries.
  uint64_t limit = t.max ? *t.max : 10'000'000u;
  if (old + delta > limit) return -1;
  t.elems.resize(old + delta, init);
  return int32_t(old);
}

}  // namespace syncwasm::rt
