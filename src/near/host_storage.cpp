// Storage host functions. Keys are scoped by account and namespace (NEP-480). nearcore also charges
// touching_trie_node per node on the key's trie path, which depends on the whole state's shape and
// the chunk's cache; a standalone runtime has no trie, so syncwasm charges a fixed number of nodes
// per key access (parameter trie_nodes_per_storage_access, docs/gas.md).
#include "near/host_support.h"

namespace syncwasm::near {


namespace {
constexpr uint64_t kInlineValueThreshold = 4000;  // larger values pay the large-read overhead
}

HostOutcome Logic::storage_write(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("storage_write"));
  TRY(gas_.pay_base(p_.storage_write_base));
  auto key = memory_or_register(a[1], a[0]);
  if (!key) return std::unexpected(key.error());
  if (key->size() > p_.limit.max_length_storage_key)
    return std::unexpected(HostError{HostErrorKind::KeyLengthExceeded, std::to_string(key->size())});
  auto value = memory_or_register(a[3], a[2]);
  if (!value) return std::unexpected(value.error());
  if (value->size() > p_.limit.max_length_storage_value)
    return std::unexpected(HostError{HostErrorKind::ValueLengthExceeded, std::to_string(value->size())});
  TRY(gas_.pay_per(p_.storage_write_key_byte, key->size()));
  const Bytes k(key->begin(), key->end());  // the External takes owned keys
  TRY(gas_.pay_per(p_.storage_write_value_byte, value->size()));
  std::optional<Bytes> evicted = ext_.storage_get(scope(), k);
  if (evicted) TRY(gas_.pay_per(p_.storage_write_evicted_byte, evicted->size()));
  TRY(trie_nodes());
  ext_.storage_set(scope(), k, Bytes(value->begin(), value->end()));
  if (evicted) {
    // Usage that would go below zero means the context's usage does not match the state.
    if (storage_usage_ < evicted->size()) return std::unexpected(HostError{HostErrorKind::IntegerOverflow, "storage usage underflow"});
    storage_usage_ = storage_usage_ - evicted->size() + value->size();
    TRY(set_register(a[4], std::move(*evicted)));
    return 1;
  }
  storage_usage_ += value->size() + key->size() + p_.limit.storage_num_extra_bytes_record;
  return 0;
}

HostOutcome Logic::storage_read(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(gas_.pay_base(p_.storage_read_base));
  auto key = memory_or_register(a[1], a[0]);
  if (!key) return std::unexpected(key.error());
  if (key->size() > p_.limit.max_length_storage_key)
    return std::unexpected(HostError{HostErrorKind::KeyLengthExceeded, std::to_string(key->size())});
  TRY(gas_.pay_per(p_.storage_read_key_byte, key->size()));
  const Bytes k(key->begin(), key->end());  // the External takes owned keys
  TRY(trie_nodes());
  std::optional<Bytes> value = ext_.storage_get(scope(), k);
  if (!value) return 0;
  TRY(gas_.pay_per(p_.storage_read_value_byte, value->size()));
  if (value->size() > kInlineValueThreshold) {
    TRY(gas_.pay(p_.storage_large_read_overhead_base, p_.storage_large_read_overhead_byte, value->size()));
  }
  TRY(set_register(a[2], std::move(*value)));
  return 1;
}

HostOutcome Logic::storage_remove(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("storage_remove"));
  TRY(gas_.pay_base(p_.storage_remove_base));
  auto key = memory_or_register(a[1], a[0]);
  if (!key) return std::unexpected(key.error());
  if (key->size() > p_.limit.max_length_storage_key)
    return std::unexpected(HostError{HostErrorKind::KeyLengthExceeded, std::to_string(key->size())});
  TRY(gas_.pay_per(p_.storage_remove_key_byte, key->size()));
  const Bytes k(key->begin(), key->end());  // the External takes owned keys
  std::optional<Bytes> removed = ext_.storage_get(scope(), k);
  if (removed) TRY(gas_.pay_per(p_.storage_remove_ret_value_byte, removed->size()));
  TRY(trie_nodes());
  if (!removed) return 0;
  ext_.storage_remove(scope(), k);
  uint64_t freed = removed->size() + key->size() + p_.limit.storage_num_extra_bytes_record;
  if (storage_usage_ < freed) return std::unexpected(HostError{HostErrorKind::IntegerOverflow, "storage usage underflow"});
  storage_usage_ -= freed;
  TRY(set_register(a[2], std::move(*removed)));
  return 1;
}

HostOutcome Logic::storage_has_key(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(gas_.pay_base(p_.storage_has_key_base));
  auto key = memory_or_register(a[1], a[0]);
  if (!key) return std::unexpected(key.error());
  if (key->size() > p_.limit.max_length_storage_key)
    return std::unexpected(HostError{HostErrorKind::KeyLengthExceeded, std::to_string(key->size())});
  TRY(gas_.pay_per(p_.storage_has_key_byte, key->size()));
  const Bytes k(key->begin(), key->end());  // the External takes owned keys
  TRY(trie_nodes());
  return ext_.storage_get(scope(), k) ? 1 : 0;
}

// The iterators were removed from the protocol; they still link and always fail.
HostOutcome Logic::storage_iter_prefix(const uint64_t*) {
  return std::unexpected(HostError{HostErrorKind::Deprecated, "storage_iter_prefix"});
}
HostOutcome Logic::storage_iter_range(const uint64_t*) {
  return std::unexpected(HostError{HostErrorKind::Deprecated, "storage_iter_range"});
}
HostOutcome Logic::storage_iter_next(const uint64_t*) {
  return std::unexpected(HostError{HostErrorKind::Deprecated, "storage_iter_next"});
}

}  // namespace syncwasm::near
