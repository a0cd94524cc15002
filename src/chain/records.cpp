#include "chain/records.h"

#include "near/crypto/hashes.h"

namespace syncwasm::chain {
namespace {

Bytes with_separator(const std::string& a, std::span<const uint8_t> b) {
  Bytes k(a.begin(), a.end());
  k.push_back(0);  // account ids never contain NUL
  k.insert(k.end(), b.begin(), b.end());
  return k;
}

template <class T>
Result<T> finish(BorshReader& r, T value, std::string_view what) {
  if (auto e = r.finish(what); !e) return std::unexpected(e.error());
  return value;
}

#define TRY_READ(var, expr)                        \
  auto var = (expr);                               \
  if (!var) return std::unexpected(var.error())

void encode_hash(BorshWriter& w, const CryptoHash& h) { w.fixed(h); }

}  // namespace

Bytes encode(const AccountRecord& a) {
  BorshWriter w;
  w.u128(a.amount);
  w.u128(a.locked);
  w.u64(a.storage_usage);
  w.length(a.code.size());
  for (const auto& [ns, hash] : a.code) {
    w.string(ns);
    w.fixed(hash);
  }
  return w.take();
}

Result<AccountRecord> decode_account(std::span<const uint8_t> bytes) {
  BorshReader r(bytes);
  AccountRecord a;
  TRY_READ(amount, r.u128("amount"));
  TRY_READ(locked, r.u128("locked"));
  TRY_READ(usage, r.u64("storage_usage"));
  TRY_READ(n, r.length("code", 36));
  a.amount = *amount;
  a.locked = *locked;
  a.storage_usage = *usage;
  for (uint32_t i = 0; i < *n; ++i) {
    TRY_READ(ns, r.string("namespace"));
    TRY_READ(hash, r.fixed<32>("code hash"));
    a.code[*ns] = *hash;
  }
  return finish(r, std::move(a), "account");
}

Bytes account_key(const std::string& account) { return Bytes(account.begin(), account.end()); }
Bytes access_key_key(const std::string& account, const PublicKey& pk) { return with_separator(account, pk.to_borsh()); }
Bytes access_key_prefix(const std::string& account) { return with_separator(account, {}); }
Bytes submodule_key(const std::string& account, const std::string& key) {
  return with_separator(account, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(key.data()), key.size()));
}

Bytes contract_data_prefix(const std::string& account, const std::string& ns) {
  std::string scope = account + '\0' + ns;
  auto h = near::crypto::sha256(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(scope.data()), scope.size()));
  return Bytes(h.begin(), h.end());
}

Bytes contract_data_key(const std::string& account, const std::string& ns, std::span<const uint8_t> key) {
  Bytes k = contract_data_prefix(account, ns);
  if (k.size() + 1 + key.size() <= store::max_key_size) {
    k.push_back(0);
    k.insert(k.end(), key.begin(), key.end());
  } else {
    auto h = near::crypto::sha256(key);
    k.push_back(1);
    k.insert(k.end(), h.begin(), h.end());
  }
  return k;
}

Bytes encode_data_record(std::span<const uint8_t> key, std::span<const uint8_t> value) {
  BorshWriter w;
  w.bytes(key);
  w.bytes(value);
  return w.take();
}

Result<std::pair<Bytes, Bytes>> decode_data_record(std::span<const uint8_t> record) {
  BorshReader r(record);
  TRY_READ(k, r.bytes("key"));
  TRY_READ(v, r.bytes("value"));
  return finish(r, std::pair<Bytes, Bytes>(std::move(*k), std::move(*v)), "contract data");
}

Bytes height_key(uint64_t height) {
  Bytes k(8);
  for (int i = 0; i < 8; ++i) k[size_t(i)] = uint8_t(height >> (56 - 8 * i));  // big-endian: ordered scans
  return k;
}

Bytes encode(const ReceiptRecord& r) {
  BorshWriter w;
  encode_hash(w, r.id);
  w.string(r.predecessor_id);
  w.string(r.receiver_id);
  w.string(r.signer_id);
  r.signer_public_key.encode(w);
  w.u64(r.gas_price);
  w.vec(r.input_receipts, [](BorshWriter& bw, const CryptoHash& h) { bw.fixed(h); });
  w.vec(r.actions, [](BorshWriter& bw, const Action& a) { encode(bw, a); });
  w.boolean(r.refund);
  return w.take();
}

Result<ReceiptRecord> decode_receipt(std::span<const uint8_t> bytes) {
  BorshReader r(bytes);
  ReceiptRecord rec;
  TRY_READ(id, r.fixed<32>("id"));
  TRY_READ(pred, r.string("predecessor_id"));
  TRY_READ(recv, r.string("receiver_id"));
  TRY_READ(signer, r.string("signer_id"));
  TRY_READ(pk, PublicKey::decode(r));
  TRY_READ(price, r.u64("gas_price"));
  TRY_READ(inputs, r.vec<CryptoHash>("input_receipts", 32, [](BorshReader& br) { return br.fixed<32>("input"); }));
  TRY_READ(actions, r.vec<Action>("actions", 1, [](BorshReader& br) { return decode_action(br); }));
  TRY_READ(refund, r.boolean("refund"));
  rec.id = *id;
  rec.predecessor_id = std::move(*pred);
  rec.receiver_id = std::move(*recv);
  rec.signer_id = std::move(*signer);
  rec.signer_public_key = *pk;
  rec.gas_price = *price;
  rec.input_receipts = std::move(*inputs);
  rec.actions = std::move(*actions);
  rec.refund = *refund;
  return finish(r, std::move(rec), "receipt");
}

Bytes encode(const BlockRecord& b) {
  BorshWriter w;
  w.u64(b.height);
  w.fixed(b.hash);
  w.fixed(b.prev_hash);
  w.u64(b.timestamp_ns);
  w.vec(b.transactions, [](BorshWriter& bw, const CryptoHash& h) { bw.fixed(h); });
  w.vec(b.receipts, [](BorshWriter& bw, const CryptoHash& h) { bw.fixed(h); });
  return w.take();
}

Result<BlockRecord> decode_block(std::span<const uint8_t> bytes) {
  BorshReader r(bytes);
  BlockRecord b;
  TRY_READ(h, r.u64("height"));
  TRY_READ(hash, r.fixed<32>("hash"));
  TRY_READ(prev, r.fixed<32>("prev_hash"));
  TRY_READ(ts, r.u64("timestamp"));
  TRY_READ(txs, r.vec<CryptoHash>("transactions", 32, [](BorshReader& br) { return br.fixed<32>("tx"); }));
  TRY_READ(rs, r.vec<CryptoHash>("receipts", 32, [](BorshReader& br) { return br.fixed<32>("receipt"); }));
  b.height = *h;
  b.hash = *hash;
  b.prev_hash = *prev;
  b.timestamp_ns = *ts;
  b.transactions = std::move(*txs);
  b.receipts = std::move(*rs);
  return finish(r, std::move(b), "block");
}

}  // namespace syncwasm::chain
