#include "chain/state.h"

namespace syncwasm::chain {

std::optional<Bytes> StateBuffer::get(store::Table t, const Bytes& key) {
  auto it = writes_.find({t, key});
  if (it != writes_.end()) return it->second;
  return base_.get(t, key);
}

void StateBuffer::scan(store::Table t, const Bytes& prefix, const std::function<void(const Bytes&, const Bytes&)>& f) {
  std::map<Bytes, std::optional<Bytes>> merged;
  base_.scan(t, prefix, [&](std::span<const uint8_t> k, std::span<const uint8_t> v) {
    merged[Bytes(k.begin(), k.end())] = Bytes(v.begin(), v.end());
    return true;
  });
  for (auto it = writes_.lower_bound({t, prefix}); it != writes_.end() && it->first.first == t; ++it) {
    const Bytes& k = it->first.second;
    if (k.size() < prefix.size() || !std::equal(prefix.begin(), prefix.end(), k.begin())) break;
    merged[k] = it->second;
  }
  for (auto& [k, v] : merged)
    if (v) f(k, *v);
}

void StateBuffer::commit_into(store::WriteTxn& txn) {
  for (auto& [tk, v] : writes_) {
    if (v) txn.put(tk.first, tk.second, *v);
    else txn.del(tk.first, tk.second);
  }
  writes_.clear();
}

std::optional<AccountRecord> StateBuffer::account(const std::string& id) {
  auto b = get(store::Table::accounts, account_key(id));
  if (!b) return std::nullopt;
  auto a = decode_account(*b);
  if (!a) return std::nullopt;  // unreadable records are treated as absent; the store reports corruption
  return *a;
}

std::optional<near::Bytes> StateExternal::storage_get(const near::StorageScope& sc, const near::Bytes& key) {
  auto rec = s_.get(store::Table::contract_data, contract_data_key(sc.account, sc.ns, key));
  if (!rec) return std::nullopt;
  auto kv = decode_data_record(*rec);
  if (!kv) return std::nullopt;
  return kv->second;
}

void StateExternal::storage_set(const near::StorageScope& sc, const near::Bytes& key, const near::Bytes& value) {
  s_.put(store::Table::contract_data, contract_data_key(sc.account, sc.ns, key), encode_data_record(key, value));
}

void StateExternal::storage_remove(const near::StorageScope& sc, const near::Bytes& key) {
  s_.del(store::Table::contract_data, contract_data_key(sc.account, sc.ns, key));
}

uint64_t StateExternal::storage_usage_of(const near::StorageScope& sc, uint64_t extra) {
  uint64_t n = 0;
  s_.scan(store::Table::contract_data, contract_data_prefix(sc.account, sc.ns), [&](const Bytes&, const Bytes& rec) {
    if (auto kv = decode_data_record(rec)) n += kv->first.size() + kv->second.size() + extra;
  });
  return n;
}

std::optional<near::Bytes> StateCodeSource::namespace_code(const std::string& account, const std::string& ns) {
  auto a = s_.account(account);
  if (!a) return std::nullopt;
  auto it = a->code.find(ns);
  if (it == a->code.end()) return std::nullopt;
  return s_.get(store::Table::code, Bytes(it->second.begin(), it->second.end()));
}

std::optional<near::Bytes> StateCodeSource::submodule_code(const std::string& account, const std::string& key) {
  return s_.get(store::Table::submodules, submodule_key(account, key));
}

}  // namespace syncwasm::chain
