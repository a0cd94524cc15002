// How the local chain lays out its state in the key-value store (src/store): accounts, access
// keys, code, contract data per namespace, submodules, blocks, transactions, receipts, outcomes.
#pragma once

#include <map>

#include "chain/tx/transaction.h"
#include "near/receipts.h"
#include "store/kv_store.h"

namespace syncwasm::chain {

struct AccountRecord {
  u128 amount = 0;
  u128 locked = 0;
  uint64_t storage_usage = 0;
  std::map<std::string, CryptoHash> code;  // by namespace ("" is the default)
};
Bytes encode(const AccountRecord& a);
Result<AccountRecord> decode_account(std::span<const uint8_t> bytes);

// Store keys.
Bytes account_key(const std::string& account);
Bytes access_key_key(const std::string& account, const PublicKey& pk);
Bytes access_key_prefix(const std::string& account);
Bytes submodule_key(const std::string& account, const std::string& key);
// Contract data: a 32-byte hash of (account, namespace), then the data key (or its hash when it is
// too long for the store); the record holds the original key with the value.
Bytes contract_data_prefix(const std::string& account, const std::string& ns);
Bytes contract_data_key(const std::string& account, const std::string& ns, std::span<const uint8_t> key);
Bytes encode_data_record(std::span<const uint8_t> key, std::span<const uint8_t> value);
Result<std::pair<Bytes, Bytes>> decode_data_record(std::span<const uint8_t> record);
Bytes height_key(uint64_t height);

// A receipt waiting to run or already run.
struct ReceiptRecord {
  CryptoHash id{};
  std::string predecessor_id;
  std::string receiver_id;
  std::string signer_id;
  PublicKey signer_public_key;
  uint64_t gas_price = 0;
  std::vector<CryptoHash> input_receipts;   // receipts whose results it receives (promise_then)
  std::vector<Action> actions;
  bool refund = false;                      // a balance refund to the receiver, with no gas cost
};
Bytes encode(const ReceiptRecord& r);
Result<ReceiptRecord> decode_receipt(std::span<const uint8_t> bytes);

struct BlockRecord {
  uint64_t height = 0;
  CryptoHash hash{};
  CryptoHash prev_hash{};
  uint64_t timestamp_ns = 0;
  std::vector<CryptoHash> transactions;
  std::vector<CryptoHash> receipts;
};
Bytes encode(const BlockRecord& b);
Result<BlockRecord> decode_block(std::span<const uint8_t> bytes);

}  // namespace syncwasm::chain
