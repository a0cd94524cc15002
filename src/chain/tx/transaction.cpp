#include "chain/tx/transaction.h"

#include <nlohmann/json.hpp>

#include "common/base64.h"
#include "near/crypto/hashes.h"

namespace syncwasm::chain {
namespace {

using json = nlohmann::json;

// Overload set for std::visit.
template <class... F>
struct overloaded : F... {
  using F::operator()...;
};

// Each String in a Vec<String> takes at least its 4-byte length.
constexpr size_t kMinString = 4;

template <class T>
Result<T> with_context(Result<T> r, const std::string& context) {
  if (!r) r.error().message = context + ": " + r.error().message;
  return r;
}

void write_strings(BorshWriter& w, const std::vector<std::string>& v) {
  w.vec(v, [](BorshWriter& w, const std::string& s) { w.string(s); });
}

Result<std::vector<std::string>> read_strings(BorshReader& r, std::string_view what) {
  return r.vec<std::string>(what, kMinString, [&](BorshReader& r) { return r.string(std::string(what) + " element"); });
}

void write_allowance(BorshWriter& w, const std::optional<u128>& a) {
  w.option(a, [](BorshWriter& w, u128 v) { w.u128(v); });
}

Result<std::optional<u128>> read_allowance(BorshReader& r) {
  return r.option<u128>("allowance", [](BorshReader& r) { return r.u128("allowance"); });
}

// Shorthand: propagate an error out of a function returning Result<...>.
#define TX_TRY(var, expr)                                 \
  auto var = (expr);                                      \
  if (!var) return std::unexpected(std::move(var.error()))

}  // namespace

// ---- access keys ----

void encode(BorshWriter& w, const AccessKey& k) {
  w.u64(k.nonce);
  std::visit(overloaded{
                 [&](const FunctionCallPermission& p) {
                   w.u8(kPermissionFunctionCall);
                   write_allowance(w, p.allowance);
                   w.string(p.receiver_id);
                   write_strings(w, p.method_names);
                 },
                 [&](const FullAccessPermission&) { w.u8(kPermissionFullAccess); },
                 [&](const FunctionCallWithNamespacesPermission& p) {
                   w.u8(kPermissionFunctionCallWithNamespaces);
                   write_allowance(w, p.allowance);
                   w.string(p.receiver_id);
                   write_strings(w, p.method_names);
                   write_strings(w, p.namespaces);
                 },
             },
             k.permission);
}

Result<AccessKey> decode_access_key(BorshReader& r) {
  AccessKey k;
  TX_TRY(nonce, r.u64("access key nonce"));
  k.nonce = *nonce;
  size_t at = r.offset();
  TX_TRY(tag, r.u8("access key permission tag"));
  switch (*tag) {
    case kPermissionFunctionCall: {
      FunctionCallPermission p;
      TX_TRY(allowance, read_allowance(r));
      TX_TRY(receiver, r.string("permission receiver_id"));
      TX_TRY(methods, read_strings(r, "permission method_names"));
      p.allowance = *allowance;
      p.receiver_id = std::move(*receiver);
      p.method_names = std::move(*methods);
      k.permission = std::move(p);
      break;
    }
    case kPermissionFullAccess:
      k.permission = FullAccessPermission{};
      break;
    case kPermissionFunctionCallWithNamespaces: {
      FunctionCallWithNamespacesPermission p;
      TX_TRY(allowance, read_allowance(r));
      TX_TRY(receiver, r.string("permission receiver_id"));
      TX_TRY(methods, read_strings(r, "permission method_names"));
      TX_TRY(namespaces, read_strings(r, "permission namespaces"));
      p.allowance = *allowance;
      p.receiver_id = std::move(*receiver);
      p.method_names = std::move(*methods);
      p.namespaces = std::move(*namespaces);
      k.permission = std::move(p);
      break;
    }
    default:
      return BorshReader::fail<AccessKey>(at, "unknown access key permission tag " + std::to_string(*tag) +
                                                  (*tag == 2 || *tag == 3 ? " (a NEAR gas key, not supported)" : ""));
  }
  return k;
}

// ---- actions ----

uint8_t tag_of(const Action& a) {
  static constexpr uint8_t tags[] = {
      action_tag::create_account,   action_tag::deploy_contract, action_tag::function_call,
      action_tag::transfer,         action_tag::stake,           action_tag::add_key,
      action_tag::delete_key,       action_tag::delete_account,  action_tag::deploy_contract_to_namespace,
      action_tag::function_call_in_namespace, action_tag::deploy_submodule, action_tag::remove_submodule,
  };
  static_assert(std::size(tags) == std::variant_size_v<Action>);
  return tags[a.index()];
}

const char* action_name(const Action& a) {
  static constexpr const char* names[] = {
      "CreateAccount",  "DeployContract",           "FunctionCall",           "Transfer",
      "Stake",          "AddKey",                   "DeleteKey",              "DeleteAccount",
      "DeployContractToNamespace", "FunctionCallInNamespace", "DeploySubmodule", "RemoveSubmodule",
  };
  static_assert(std::size(names) == std::variant_size_v<Action>);
  return names[a.index()];
}

bool is_extension(const Action& a) { return tag_of(a) >= 100; }

void encode(BorshWriter& w, const Action& a) {
  w.u8(tag_of(a));
  std::visit(overloaded{
                 [&](const CreateAccountAction&) {},
                 [&](const DeployContractAction& x) { w.bytes(x.code); },
                 [&](const FunctionCallAction& x) {
                   w.string(x.method_name);
                   w.bytes(x.args);
                   w.u64(x.gas);
                   w.u128(x.deposit);
                 },
                 [&](const TransferAction& x) { w.u128(x.deposit); },
                 [&](const StakeAction& x) {
                   w.u128(x.stake);
                   x.public_key.encode(w);
                 },
                 [&](const AddKeyAction& x) {
                   x.public_key.encode(w);
                   encode(w, x.access_key);
                 },
                 [&](const DeleteKeyAction& x) { x.public_key.encode(w); },
                 [&](const DeleteAccountAction& x) { w.string(x.beneficiary_id); },
                 [&](const DeployContractToNamespaceAction& x) {
                   w.bytes(x.code);
                   w.string(x.namespace_name);
                 },
                 [&](const FunctionCallInNamespaceAction& x) {
                   w.string(x.namespace_name);
                   w.string(x.method_name);
                   w.bytes(x.args);
                   w.u64(x.gas);
                   w.u128(x.deposit);
                 },
                 [&](const DeploySubmoduleAction& x) {
                   w.string(x.key);
                   w.bytes(x.code);
                 },
                 [&](const RemoveSubmoduleAction& x) { w.string(x.key); },
             },
             a);
}

Result<Action> decode_action(BorshReader& r) {
  size_t at = r.offset();
  TX_TRY(tag, r.u8("action tag"));
  switch (*tag) {
    case action_tag::create_account:
      return CreateAccountAction{};
    case action_tag::deploy_contract: {
      TX_TRY(code, r.bytes("DeployContract code"));
      return DeployContractAction{std::move(*code)};
    }
    case action_tag::function_call: {
      TX_TRY(method, r.string("FunctionCall method_name"));
      TX_TRY(args, r.bytes("FunctionCall args"));
      TX_TRY(gas, r.u64("FunctionCall gas"));
      TX_TRY(deposit, r.u128("FunctionCall deposit"));
      return FunctionCallAction{std::move(*method), std::move(*args), *gas, *deposit};
    }
    case action_tag::transfer: {
      TX_TRY(deposit, r.u128("Transfer deposit"));
      return TransferAction{*deposit};
    }
    case action_tag::stake: {
      TX_TRY(stake, r.u128("Stake stake"));
      TX_TRY(pk, PublicKey::decode(r));
      return StakeAction{*stake, *pk};
    }
    case action_tag::add_key: {
      TX_TRY(pk, PublicKey::decode(r));
      TX_TRY(key, decode_access_key(r));
      return AddKeyAction{*pk, std::move(*key)};
    }
    case action_tag::delete_key: {
      TX_TRY(pk, PublicKey::decode(r));
      return DeleteKeyAction{*pk};
    }
    case action_tag::delete_account: {
      TX_TRY(beneficiary, r.string("DeleteAccount beneficiary_id"));
      return DeleteAccountAction{std::move(*beneficiary)};
    }
    case action_tag::deploy_contract_to_namespace: {
      TX_TRY(code, r.bytes("DeployContractToNamespace code"));
      TX_TRY(ns, r.string("DeployContractToNamespace namespace"));
      return DeployContractToNamespaceAction{std::move(*code), std::move(*ns)};
    }
    case action_tag::function_call_in_namespace: {
      TX_TRY(ns, r.string("FunctionCallInNamespace namespace"));
      TX_TRY(method, r.string("FunctionCallInNamespace method_name"));
      TX_TRY(args, r.bytes("FunctionCallInNamespace args"));
      TX_TRY(gas, r.u64("FunctionCallInNamespace gas"));
      TX_TRY(deposit, r.u128("FunctionCallInNamespace deposit"));
      return FunctionCallInNamespaceAction{std::move(*ns), std::move(*method), std::move(*args), *gas, *deposit};
    }
    case action_tag::deploy_submodule: {
      TX_TRY(key, r.string("DeploySubmodule key"));
      TX_TRY(code, r.bytes("DeploySubmodule code"));
      return DeploySubmoduleAction{std::move(*key), std::move(*code)};
    }
    case action_tag::remove_submodule: {
      TX_TRY(key, r.string("RemoveSubmodule key"));
      return RemoveSubmoduleAction{std::move(*key)};
    }
    default:
      return BorshReader::fail<Action>(
          at, "unknown action tag " + std::to_string(*tag) +
                  (*tag >= 8 && *tag < 100 ? " (a NEAR action this chain does not support)" : ""));
  }
}

Bytes encode_action(const Action& a) {
  BorshWriter w;
  encode(w, a);
  return w.take();
}

Result<Action> decode_action(std::span<const uint8_t> bytes) {
  BorshReader r(bytes);
  TX_TRY(a, decode_action(r));
  TX_TRY(end, r.finish("the action"));
  return a;
}

// ---- transactions ----

void Transaction::encode(BorshWriter& w) const {
  w.string(signer_id);
  public_key.encode(w);
  w.u64(nonce);
  w.string(receiver_id);
  w.fixed(block_hash);
  w.vec(actions, [](BorshWriter& w, const Action& a) { chain::encode(w, a); });
}

Bytes Transaction::encode() const {
  BorshWriter w;
  encode(w);
  return w.take();
}

Result<Transaction> Transaction::decode(BorshReader& r) {
  // NEAR's TransactionV1 is a 1 byte, then a struct starting with an account id; a V0 starts with
  // the account id's u32 length, whose second byte is 0 for any valid id (at most 64 bytes).
  // nearcore tells them apart the same way.
  if (auto head = r.peek(2); head.size() == 2 && head[0] == 1 && head[1] != 0)
    return BorshReader::fail<Transaction>(r.offset(), "NEAR TransactionV1 (version byte 1) is not supported, only V0");
  Transaction t;
  TX_TRY(signer, r.string("signer_id"));
  TX_TRY(pk, with_context(PublicKey::decode(r), "transaction public_key"));
  TX_TRY(nonce, r.u64("nonce"));
  TX_TRY(receiver, r.string("receiver_id"));
  TX_TRY(block_hash, r.fixed<32>("block_hash"));
  TX_TRY(n, r.length("actions", 1));
  t.signer_id = std::move(*signer);
  t.public_key = *pk;
  t.nonce = *nonce;
  t.receiver_id = std::move(*receiver);
  t.block_hash = *block_hash;
  t.actions.reserve(*n);
  for (uint32_t i = 0; i < *n; ++i) {
    TX_TRY(a, with_context(decode_action(r), "action " + std::to_string(i)));
    t.actions.push_back(std::move(*a));
  }
  return t;
}

Result<Transaction> Transaction::decode(std::span<const uint8_t> bytes) {
  BorshReader r(bytes);
  TX_TRY(t, decode(r));
  TX_TRY(end, r.finish("the transaction"));
  return t;
}

CryptoHash Transaction::hash() const { return near::crypto::sha256(encode()); }

SignedTransaction Transaction::sign(const SecretKey& key) const {
  CryptoHash h = hash();
  return SignedTransaction{*this, key.sign(h)};
}

void SignedTransaction::encode(BorshWriter& w) const {
  transaction.encode(w);
  signature.encode(w);
}

Bytes SignedTransaction::encode() const {
  BorshWriter w;
  encode(w);
  return w.take();
}

Result<SignedTransaction> SignedTransaction::decode(std::span<const uint8_t> bytes) {
  BorshReader r(bytes);
  TX_TRY(t, Transaction::decode(r));
  TX_TRY(sig, with_context(Signature::decode(r), "transaction signature"));
  TX_TRY(end, r.finish("the signed transaction"));
  return SignedTransaction{std::move(*t), *sig};
}

bool SignedTransaction::verify() const {
  CryptoHash h = hash();
  return transaction.public_key.verify(h, signature);
}

// ---- JSON ----

namespace {

json code_json(const Bytes& code) {
  return {{"code_size", code.size()}, {"code_sha256", base58_encode(near::crypto::sha256(code))}};
}

json allowance_json(const std::optional<u128>& a) { return a ? json(u128_to_string(*a)) : json(nullptr); }

json permission_json(const AccessKeyPermission& p) {
  return std::visit(overloaded{
                        [](const FunctionCallPermission& p) -> json {
                          return {{"FunctionCall",
                                   {{"allowance", allowance_json(p.allowance)},
                                    {"receiver_id", p.receiver_id},
                                    {"method_names", p.method_names}}}};
                        },
                        [](const FullAccessPermission&) -> json { return "FullAccess"; },
                        [](const FunctionCallWithNamespacesPermission& p) -> json {
                          return {{"FunctionCallWithNamespaces",
                                   {{"allowance", allowance_json(p.allowance)},
                                    {"receiver_id", p.receiver_id},
                                    {"method_names", p.method_names},
                                    {"namespaces", p.namespaces}}}};
                        },
                    },
                    p);
}

json action_json(const Action& a) {
  json body = std::visit(
      overloaded{
          [](const CreateAccountAction&) -> json { return nullptr; },
          [](const DeployContractAction& x) -> json { return code_json(x.code); },
          [](const FunctionCallAction& x) -> json {
            return {{"method_name", x.method_name},
                    {"args", base64_encode(x.args)},
                    {"gas", x.gas},
                    {"deposit", u128_to_string(x.deposit)}};
          },
          [](const TransferAction& x) -> json { return {{"deposit", u128_to_string(x.deposit)}}; },
          [](const StakeAction& x) -> json {
            return {{"stake", u128_to_string(x.stake)}, {"public_key", x.public_key.to_string()}};
          },
          [](const AddKeyAction& x) -> json {
            return {{"public_key", x.public_key.to_string()},
                    {"access_key",
                     {{"nonce", x.access_key.nonce}, {"permission", permission_json(x.access_key.permission)}}}};
          },
          [](const DeleteKeyAction& x) -> json { return {{"public_key", x.public_key.to_string()}}; },
          [](const DeleteAccountAction& x) -> json { return {{"beneficiary_id", x.beneficiary_id}}; },
          [](const DeployContractToNamespaceAction& x) -> json {
            json j = code_json(x.code);
            j["namespace"] = x.namespace_name;
            return j;
          },
          [](const FunctionCallInNamespaceAction& x) -> json {
            return {{"namespace", x.namespace_name},
                    {"method_name", x.method_name},
                    {"args", base64_encode(x.args)},
                    {"gas", x.gas},
                    {"deposit", u128_to_string(x.deposit)}};
          },
          [](const DeploySubmoduleAction& x) -> json {
            json j = code_json(x.code);
            j["key"] = x.key;
            return j;
          },
          [](const RemoveSubmoduleAction& x) -> json { return {{"key", x.key}}; },
      },
      a);
  if (body.is_null()) return action_name(a);  // "CreateAccount", as NEAR's views print it
  return {{action_name(a), std::move(body)}};
}

json transaction_json(const Transaction& t) {
  json actions = json::array();
  for (const Action& a : t.actions) actions.push_back(action_json(a));
  return {{"signer_id", t.signer_id},
          {"public_key", t.public_key.to_string()},
          {"nonce", t.nonce},
          {"receiver_id", t.receiver_id},
          {"block_hash", base58_encode(t.block_hash)},
          {"actions", std::move(actions)}};
}

// Strings built by callers may hold invalid UTF-8; print them with replacement characters.
std::string dump(const json& j, int indent) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string to_json(const Action& a, int indent) { return dump(action_json(a), indent); }

std::string to_json(const Transaction& t, int indent) { return dump(transaction_json(t), indent); }

std::string to_json(const SignedTransaction& t, int indent) {
  json j = transaction_json(t.transaction);
  j["signature"] = t.signature.to_string();
  j["hash"] = base58_encode(t.hash());
  return dump(j, indent);
}

}  // namespace syncwasm::chain

#undef TX_TRY
