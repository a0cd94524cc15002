#include "near/external.h"

namespace syncwasm::near {

std::optional<Bytes> MemoryExternal::storage_get(const StorageScope& s, const Bytes& key) {
  auto it = data.find({s, key});
  if (it == data.end()) return std::nullopt;
  return it->second;
}
void MemoryExternal::storage_set(const StorageScope& s, const Bytes& key, const Bytes& value) { data[{s, key}] = value; }
void MemoryExternal::storage_remove(const StorageScope& s, const Bytes& key) { data.erase({s, key}); }
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
void OverlayExternal::commit() {
  for (auto& [k, v] : writes_) {
    if (v) base_.storage_set(k.first, k.second, *v);
    else base_.storage_remove(k.first, k.second);
  }
  writes_.clear();
}

}  // namespace syncwasm::near
