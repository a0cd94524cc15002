#include "near/external.h"

namespace syncwasm::near {

std::optional<Bytes> MemoryExternal::storage_get(const StorageScope& s, const Bytes& key) {
  auto it = data.find({s, key});
  if (it == data.end()) return std::nullopt;
  return it->second;
}
void MemoryExternal::storage_set(const StorageScope& s, const Bytes& key, const Bytes& value) { data[{s, key}] = value; }
void MemoryExternal::storage_remove(const StorageScope& s, const Bytes& key) { data.erase({s, key}); }
uint64_t MemoryExternal::storage_usage_of(const StorageScope& s, uint64_t extra) {
  uint64_t n = 0;
  for (auto it = data.lower_bound({s, Bytes{}}); it != data.end() && it->first.first == s; ++it)
    n += it->first.second.size() + it->second.size() + extra;
  return n;
}

std::optional<Balance> MemoryExternal::validator_stake(const std::string& account) {
  auto it = validators.find(account);
  if (it == validators.end()) return std::nullopt;
  return it->second;
}
Balance MemoryExternal::validator_total_stake() {
  Balance t = 0;
  for (auto& [a, s] : validators) t += s;
  return t;
}

std::optional<Bytes> OverlayExternal::storage_get(const StorageScope& s, const Bytes& key) {
  auto it = writes_.find({s, key});
  if (it != writes_.end()) return it->second;
  return base_.storage_get(s, key);
}
void OverlayExternal::storage_set(const StorageScope& s, const Bytes& key, const Bytes& value) { writes_[{s, key}] = value; }
void OverlayExternal::storage_remove(const StorageScope& s, const Bytes& key) { writes_[{s, key}] = std::nullopt; }
uint64_t OverlayExternal::storage_usage_of(const StorageScope& s, uint64_t extra) {
  uint64_t n = base_.storage_usage_of(s, extra);
  for (auto it = writes_.lower_bound({s, Bytes{}}); it != writes_.end() && it->first.first == s; ++it) {
    if (auto old = base_.storage_get(s, it->first.second)) n -= it->first.second.size() + old->size() + extra;
    if (it->second) n += it->first.second.size() + it->second->size() + extra;
  }
  return n;
}

void OverlayExternal::commit() {
  for (auto& [k, v] : writes_) {
    if (v) base_.storage_set(k.first, k.second, *v);
    else base_.storage_remove(k.first, k.second);
  }
  writes_.clear();
}

}  // namespace syncwasm::near
