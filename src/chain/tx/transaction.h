// NEAR transactions (TransactionV0) and their actions in borsh, plus syncwasm's extension actions.
// Layout, hash and signature rules: docs/transactions.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "chain/tx/borsh.h"
#include "chain/tx/keys.h"
#include "syncwasm/types.h"

namespace syncwasm::chain {

using CryptoHash = std::array<uint8_t, 32>;  // sha256; printed as bare base58

// ---- access keys ----

struct FunctionCallPermission {  // tag 0
  std::optional<u128> allowance;  // None = unlimited
  std::string receiver_id;
  std::vector<std::string> method_names;  // empty = any method
  bool operator==(const FunctionCallPermission&) const = default;
};
struct FullAccessPermission {  // tag 1
  bool operator==(const FullAccessPermission&) const = default;
};
// syncwasm extension: a function-call key that may also call into the listed namespaces of the
// receiver (see docs/transactions.md for the tag).
struct FunctionCallWithNamespacesPermission {
  std::optional<u128> allowance;
  std::string receiver_id;
  std::vector<std::string> method_names;
  std::vector<std::string> namespaces;
  bool operator==(const FunctionCallWithNamespacesPermission&) const = default;
};
using AccessKeyPermission = std::variant<FunctionCallPermission, FullAccessPermission, FunctionCallWithNamespacesPermission>;

// Borsh tags of the permissions.
inline constexpr uint8_t kPermissionFunctionCall = 0;
inline constexpr uint8_t kPermissionFullAccess = 1;
// NEAR uses 2 (GasKeyFunctionCall) and 3 (GasKeyFullAccess) since gas keys (NEP-611); syncwasm's
// extension takes a tag NEAR does not use.
inline constexpr uint8_t kPermissionFunctionCallWithNamespaces = 100;

struct AccessKey {
  uint64_t nonce = 0;
  AccessKeyPermission permission = FullAccessPermission{};
  bool operator==(const AccessKey&) const = default;
};

// ---- actions (NEAR's tags 0..7) ----

struct CreateAccountAction {
  bool operator==(const CreateAccountAction&) const = default;
};
struct DeployContractAction {
  Bytes code;
  bool operator==(const DeployContractAction&) const = default;
};
struct FunctionCallAction {
  std::string method_name;
  Bytes args;
  uint64_t gas = 0;
  u128 deposit = 0;
  bool operator==(const FunctionCallAction&) const = default;
};
struct TransferAction {
  u128 deposit = 0;
  bool operator==(const TransferAction&) const = default;
};
struct StakeAction {
  u128 stake = 0;
  PublicKey public_key;
  bool operator==(const StakeAction&) const = default;
};
struct AddKeyAction {
  PublicKey public_key;
  AccessKey access_key;
  bool operator==(const AddKeyAction&) const = default;
};
struct DeleteKeyAction {
  PublicKey public_key;
  bool operator==(const DeleteKeyAction&) const = default;
};
struct DeleteAccountAction {
  std::string beneficiary_id;
  bool operator==(const DeleteAccountAction&) const = default;
};

// ---- syncwasm extension actions (tags 100..103) ----

struct DeployContractToNamespaceAction {  // 100
  Bytes code;
  std::string namespace_name;
  bool operator==(const DeployContractToNamespaceAction&) const = default;
};
struct FunctionCallInNamespaceAction {  // 101
  std::string namespace_name;
  std::string method_name;
  Bytes args;
  uint64_t gas = 0;
  u128 deposit = 0;
  bool operator==(const FunctionCallInNamespaceAction&) const = default;
};
struct DeploySubmoduleAction {  // 102
  std::string key;
  Bytes code;
  bool operator==(const DeploySubmoduleAction&) const = default;
};
struct RemoveSubmoduleAction {  // 103
  std::string key;
  bool operator==(const RemoveSubmoduleAction&) const = default;
};

using Action = std::variant<CreateAccountAction, DeployContractAction, FunctionCallAction, TransferAction, StakeAction,
                            AddKeyAction, DeleteKeyAction, DeleteAccountAction, DeployContractToNamespaceAction,
                            FunctionCallInNamespaceAction, DeploySubmoduleAction, RemoveSubmoduleAction>;

namespace action_tag {
inline constexpr uint8_t create_account = 0, deploy_contract = 1, function_call = 2, transfer = 3, stake = 4,
                         add_key = 5, delete_key = 6, delete_account = 7;
inline constexpr uint8_t deploy_contract_to_namespace = 100, function_call_in_namespace = 101, deploy_submodule = 102,
                         remove_submodule = 103;
}  // namespace action_tag

uint8_t tag_of(const Action& a);
const char* action_name(const Action& a);  // "CreateAccount", "FunctionCallInNamespace", ...
bool is_extension(const Action& a);        // one of syncwasm's tags (100+), not a NEAR action

void encode(BorshWriter& w, const AccessKey& k);
Result<AccessKey> decode_access_key(BorshReader& r);
void encode(BorshWriter& w, const Action& a);
Result<Action> decode_action(BorshReader& r);
Bytes encode_action(const Action& a);
Result<Action> decode_action(std::span<const uint8_t> bytes);  // the whole input, no trailing bytes

// ---- transactions ----

struct SignedTransaction;

// NEAR's TransactionV0 (the form without a version byte; see docs/transactions.md for V1).
struct Transaction {
  std::string signer_id;
  PublicKey public_key;
  uint64_t nonce = 0;
  std::string receiver_id;
  CryptoHash block_hash{};
  std::vector<Action> actions;

  void encode(BorshWriter& w) const;
  Bytes encode() const;
  static Result<Transaction> decode(BorshReader& r);
  static Result<Transaction> decode(std::span<const uint8_t> bytes);  // the whole input
  // sha256 of the borsh encoding: the transaction's id, and the message that is signed.
  CryptoHash hash() const;
  // Signs hash() with `key`. The key's public key should be `public_key` (verify() checks).
  SignedTransaction sign(const SecretKey& key) const;

  bool operator==(const Transaction&) const = default;
};

struct SignedTransaction {
  Transaction transaction;
  Signature signature;

  void encode(BorshWriter& w) const;
  Bytes encode() const;
  static Result<SignedTransaction> decode(std::span<const uint8_t> bytes);  // the whole input
  CryptoHash hash() const { return transaction.hash(); }  // NEAR's tx hash excludes the signature
  // True when `signature` is a valid ed25519 signature of hash() by transaction.public_key.
  bool verify() const;

  bool operator==(const SignedTransaction&) const = default;
};

// JSON text (nlohmann-json, `indent` < 0 for one line) in the style of NEAR's RPC views: u128 as
// decimal strings, keys and hashes as text, args as base64, code as its size and sha256.
std::string to_json(const Action& a, int indent = -1);
std::string to_json(const Transaction& t, int indent = 2);
std::string to_json(const SignedTransaction& t, int indent = 2);  // adds "hash" and "signature"

}  // namespace syncwasm::chain
