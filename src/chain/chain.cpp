#include "chain/chain.h"

#include "chain/fees.h"
#include "common/base64.h"
#include "near/account_id.h"
#include "near/crypto/hashes.h"
#include "near/outcome_json.h"
#include "sync/run.h"

namespace syncwasm::chain {
namespace {

using nlohmann::json;
using store::Table;

constexpr uint64_t kGenesisTimestamp = 1'700'000'000'000'000'000ull;
constexpr uint64_t kBlockInterval = 1'000'000'000ull;  // one second per block: deterministic timestamps
constexpr size_t kMaxBlocksPerSubmit = 10000;
const Bytes kHeadKey = {'h', 'e', 'a', 'd'};
const Bytes kPendingKey = {'p', 'e', 'n', 'd', 'i', 'n', 'g'};

CryptoHash sha(std::span<const uint8_t> b) { return near::crypto::sha256(b); }
std::string b58(const CryptoHash& h) { return base58_encode(h); }

// A receipt's result as its dependents see it: a value, a failure, or "same as that receipt".
enum class ResultKind : uint8_t { value = 0, failure = 1, forward = 2 };
Bytes result_key(const CryptoHash& id) {
  Bytes k(1 + id.size(), 'r');
  std::copy(id.begin(), id.end(), k.begin() + 1);
  return k;
}
Bytes receipt_key(const CryptoHash& id) { return Bytes(id.begin(), id.end()); }

std::optional<near::PromiseResult> resolve(store::ReadTxn& txn, CryptoHash id) {
  for (int hops = 0; hops < 1000; ++hops) {
    auto r = txn.get(Table::receipts, result_key(id));
    if (!r || r->empty()) return std::nullopt;  // not ready
    ResultKind kind = ResultKind((*r)[0]);
    Bytes data(r->begin() + 1, r->end());
    if (kind == ResultKind::value) return near::PromiseResult(std::move(data));
    if (kind == ResultKind::failure) return near::PromiseResult(std::nullopt);
    if (data.size() != 32) return near::PromiseResult(std::nullopt);
    std::copy(data.begin(), data.end(), id.begin());
  }
  return near::PromiseResult(std::nullopt);
}

Result<Action> to_chain_action(const near::Action& a) {
  return std::visit(
      [](const auto& x) -> Result<Action> {
        using T = std::decay_t<decltype(x)>;
        auto key = [](const near::Bytes& b) { BorshReader r(b); return PublicKey::decode(r); };
        if constexpr (std::is_same_v<T, near::CreateAccountAction>) return CreateAccountAction{};
        else if constexpr (std::is_same_v<T, near::DeployContractAction>) return DeployContractAction{x.code};
        else if constexpr (std::is_same_v<T, near::FunctionCallAction>)
          return FunctionCallAction{x.method, x.args, x.gas, x.deposit};
        else if constexpr (std::is_same_v<T, near::TransferAction>) return TransferAction{x.deposit};
        else if constexpr (std::is_same_v<T, near::StakeAction>) {
          auto pk = key(x.public_key);
          if (!pk) return std::unexpected(pk.error());
          return StakeAction{x.stake, *pk};
        } else if constexpr (std::is_same_v<T, near::AddKeyAction>) {
          auto pk = key(x.public_key);
          if (!pk) return std::unexpected(pk.error());
          AccessKey k;
          k.nonce = x.nonce;
          if (!x.full_access) k.permission = FunctionCallPermission{x.allowance, x.receiver_id, x.method_names};
          return AddKeyAction{*pk, k};
        } else if constexpr (std::is_same_v<T, near::DeleteKeyAction>) {
          auto pk = key(x.public_key);
          if (!pk) return std::unexpected(pk.error());
          return DeleteKeyAction{*pk};
        } else {
          return DeleteAccountAction{x.beneficiary_id};
        }
      },
      a);
}

// NEAR's storage accounting of an access key: the public key, the encoded key, and the record overhead.
uint64_t key_storage(const PublicKey& pk, std::span<const uint8_t> encoded_key) {
  return pk.to_borsh().size() + encoded_key.size() + 40;
}

// Builds one block: runs receipts against the block's store transaction.
class BlockBuilder {
 public:
  BlockBuilder(store::WriteTxn& txn, const near::Params& p, near::ContractCache& cache, uint64_t height)
      : txn_(txn), p_(p), cache_(cache), height_(height) {}

  // Runs a receipt; its changes commit to the block only if all its actions succeed.
  json run(const ReceiptRecord& r, std::vector<ReceiptRecord>& created);

 private:
  struct Failure {
    std::string kind, message;
  };
  struct VmGas {
    near::Gas burnt = 0;  // burnt by the calls themselves
    near::Gas used = 0;   // burnt + handed to the receipts they created
  };
  std::optional<Failure> apply(const ReceiptRecord& r, StateBuffer& buf, AccountRecord* acc, bool& deleted,
                               std::vector<ReceiptRecord>& created, json& out, VmGas& vm, Bytes& value,
                               std::optional<CryptoHash>& forward);
  ReceiptRecord refund(const ReceiptRecord& from, const std::string& to, u128 amount, int salt);

  store::WriteTxn& txn_;
  const near::Params& p_;
  near::ContractCache& cache_;
  uint64_t height_;
};

ReceiptRecord BlockBuilder::refund(const ReceiptRecord& from, const std::string& to, u128 amount, int salt) {
  ReceiptRecord r;
  Bytes seed(from.id.begin(), from.id.end());
  seed.push_back('R');
  seed.push_back(uint8_t(salt));
  r.id = sha(seed);
  r.predecessor_id = "system";
  r.receiver_id = to;
  r.signer_id = from.signer_id;
  r.signer_public_key = from.signer_public_key;
  r.actions.push_back(TransferAction{amount});
  r.refund = true;
  return r;
}

json BlockBuilder::run(const ReceiptRecord& r, std::vector<ReceiptRecord>& created) {
  json out = {{"id", b58(r.id)}, {"predecessor_id", r.predecessor_id}, {"receiver_id", r.receiver_id}};
  json actions = json::array();
  for (const Action& a : r.actions) actions.push_back(action_name(a));
  out["actions"] = actions;
  out["logs"] = json::array();

  StateBuffer buf(txn_);
  std::optional<AccountRecord> acc = buf.account(r.receiver_id);
  bool deleted = false;
  VmGas vm;
  Bytes value;
  std::optional<CryptoHash> forward;
  std::vector<ReceiptRecord> new_receipts;
  std::optional<Failure> fail;
  if (r.refund) {
    // Refunds never fail: to a deleted account they are lost, as in NEAR.
    if (acc) {
      acc->amount += std::get<TransferAction>(r.actions[0]).deposit;
      buf.put_account(r.receiver_id, *acc);
    }
  } else {
    fail = apply(r, buf, acc ? &*acc : nullptr, deleted, new_receipts, out, vm, value, forward);
  }
  ActionsCost cost = actions_cost(p_, r.actions, r.predecessor_id == r.receiver_id);
  u128 refund_gas = 0;
  if (!r.refund) refund_gas = u128(cost.attached - std::min(cost.attached, vm.used)) * r.gas_price;
  if (fail) {
    out["status"] = "failure";
    out["error"] = {{"kind", fail->kind}, {"message", fail->message}};
    if (cost.deposit && r.predecessor_id != "system") created.push_back(refund(r, r.predecessor_id, cost.deposit, 0));
    txn_.put(Table::receipts, result_key(r.id), Bytes{uint8_t(ResultKind::failure)});
  } else {
    buf.commit_into(txn_);
    for (ReceiptRecord& n : new_receipts) created.push_back(std::move(n));
    out["status"] = "success";
    out["error"] = nullptr;
    Bytes res;
    if (forward) {
      res.push_back(uint8_t(ResultKind::forward));
      res.insert(res.end(), forward->begin(), forward->end());
      out["return_receipt"] = b58(*forward);
    } else {
      res.push_back(uint8_t(ResultKind::value));
      res.insert(res.end(), value.begin(), value.end());
    }
    txn_.put(Table::receipts, result_key(r.id), res);
  }
  if (refund_gas) created.push_back(refund(r, r.signer_id, refund_gas, 1));
  out["gas_burnt"] = r.refund ? 0 : cost.exec + vm.burnt;  // gas handed to child receipts is theirs
  out["tokens_refunded"] = near::balance_string(refund_gas);
  std::string text = out.dump();
  txn_.put(Table::outcomes, receipt_key(r.id), Bytes(text.begin(), text.end()));
  return out;
}

std::optional<BlockBuilder::Failure> BlockBuilder::apply(const ReceiptRecord& r, StateBuffer& buf, AccountRecord* acc,
                                                         bool& deleted, std::vector<ReceiptRecord>& created, json& out,
                                                         VmGas& vm_gas, Bytes& value,
                                                         std::optional<CryptoHash>& forward) {
  AccountRecord fresh;
  std::string id = r.receiver_id;
  auto need_account = [&]() -> std::optional<Failure> {
    if (!acc || deleted) return Failure{"AccountDoesNotExist", id};
    return std::nullopt;
  };
  auto self_only = [&](const char* what) -> std::optional<Failure> {
    if (r.predecessor_id != r.receiver_id) return Failure{"ActorNoPermission", std::string(what) + " is allowed only to the account itself"};
    return std::nullopt;
  };
  // Submodules count toward storage like contract code.
  auto add_code_usage = [&](uint64_t old_size, uint64_t new_size) {
    acc->storage_usage = acc->storage_usage - std::min(acc->storage_usage, old_size) + new_size;
  };
  for (const Action& a : r.actions) {
    std::optional<Failure> f = std::visit(
        [&](const auto& x) -> std::optional<Failure> {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, CreateAccountAction>) {
            if (acc && !deleted) return Failure{"AccountAlreadyExists", id};
            if (!near::valid_account_id(id)) return Failure{"InvalidAccountId", id};
            fresh = AccountRecord{};
            fresh.storage_usage = 100;  // NEAR's per-account storage overhead
            acc = &fresh;
            deleted = false;
            return std::nullopt;
          } else if constexpr (std::is_same_v<T, TransferAction>) {
            if (auto e = need_account()) return e;
            acc->amount += x.deposit;
            return std::nullopt;
          } else if constexpr (std::is_same_v<T, DeployContractAction> || std::is_same_v<T, DeployContractToNamespaceAction>) {
            if (auto e = need_account()) return e;
            std::string ns;
            if constexpr (std::is_same_v<T, DeployContractToNamespaceAction>) ns = x.namespace_name;
            if (!near::valid_namespace(ns)) return Failure{"InvalidNamespace", ns};
            if (x.code.size() > p_.limit.max_contract_size) return Failure{"ContractSizeExceeded", std::to_string(x.code.size())};
            CryptoHash h = sha(x.code);
            uint64_t old = 0;
            if (auto it = acc->code.find(ns); it != acc->code.end())
              if (auto c = buf.get(Table::code, Bytes(it->second.begin(), it->second.end()))) old = c->size();
            buf.put(Table::code, Bytes(h.begin(), h.end()), x.code);
            acc->code[ns] = h;
            add_code_usage(old, x.code.size());
            return std::nullopt;
          } else if constexpr (std::is_same_v<T, FunctionCallAction> || std::is_same_v<T, FunctionCallInNamespaceAction>) {
            if (auto e = need_account()) return e;
            std::string ns;
            if constexpr (std::is_same_v<T, FunctionCallInNamespaceAction>) ns = x.namespace_name;
            auto it = acc->code.find(ns);
            if (it == acc->code.end()) return Failure{"CompilationError::CodeDoesNotExist", id + (ns.empty() ? "" : ":" + ns)};
            auto code = buf.get(Table::code, Bytes(it->second.begin(), it->second.end()));
            if (!code) return Failure{"CompilationError::CodeDoesNotExist", id};
            acc->amount += x.deposit;
            buf.put_account(id, *acc);  // the VM reads code and storage through the buffer
            near::VMContext ctx;
            ctx.current_account_id = id;
            ctx.current_namespace = ns;
            ctx.signer_account_id = r.signer_id;
            ctx.signer_account_pk = r.signer_public_key.to_borsh();
            ctx.predecessor_account_id = r.predecessor_id;
            ctx.input = x.args;
            ctx.block_height = height_;
            ctx.block_timestamp = kGenesisTimestamp + height_ * kBlockInterval;
            ctx.epoch_height = 1 + height_ / 43200;
            ctx.account_balance = acc->amount - x.deposit;
            ctx.account_locked_balance = acc->locked;
            ctx.storage_usage = acc->storage_usage;
            ctx.attached_deposit = x.deposit;
            ctx.prepaid_gas = x.gas;
            Bytes seed(r.id.begin(), r.id.end());
            for (int i = 0; i < 8; ++i) seed.push_back(uint8_t(height_ >> (8 * i)));
            ctx.random_seed = sha(seed);
            for (const CryptoHash& in : r.input_receipts) ctx.promise_results.push_back(resolve(txn_, in).value_or(std::nullopt));
            StateExternal ext(buf);
            StateCodeSource source(buf);
            near::VMOutcome o = sync::run_method(*code, x.method_name, ctx, p_, ext, cache_, source);
            vm_gas.burnt += o.burnt_gas;
            vm_gas.used += o.used_gas;
            json vm = near::outcome_json(o);
            for (auto& l : vm["logs"]) out["logs"].push_back(l);
            out["vm"] = vm;
            if (o.aborted) return Failure{"FunctionCallError", o.aborted->to_string()};
            acc->amount = o.balance;
            acc->storage_usage = o.storage_usage;
            // Promises become receipts; a promise's dependencies are receipts of the same call.
            std::vector<CryptoHash> ids;
            for (size_t i = 0; i < o.receipts.size(); ++i) {
              Bytes s(r.id.begin(), r.id.end());
              for (int k = 0; k < 8; ++k) s.push_back(uint8_t(i >> (8 * k)));
              ids.push_back(sha(s));
            }
            for (size_t i = 0; i < o.receipts.size(); ++i) {
              ReceiptRecord n;
              n.id = ids[i];
              n.predecessor_id = id;
              n.receiver_id = o.receipts[i].receiver_id;
              n.signer_id = r.signer_id;
              n.signer_public_key = r.signer_public_key;
              n.gas_price = r.gas_price;
              for (uint64_t d : o.receipts[i].depends_on) n.input_receipts.push_back(ids[d]);
              for (const near::Action& na : o.receipts[i].actions) {
                auto ca = to_chain_action(na);
                if (!ca) return Failure{"InvalidPublicKey", ca.error().message};
                n.actions.push_back(std::move(*ca));
              }
              created.push_back(std::move(n));
            }
            for (const auto& s : o.submodule_actions) {
              if (s.key.empty() || s.key.size() > near::kMaxSubmoduleKey) return Failure{"InvalidSubmoduleKey", s.key};
              Bytes k = submodule_key(id, s.key);
              uint64_t old = 0;
              if (auto c = buf.get(Table::submodules, k)) old = c->size() + s.key.size();
              if (s.code) {
                buf.put(Table::submodules, k, *s.code);
                add_code_usage(old, s.code->size() + s.key.size());
              } else {
                buf.del(Table::submodules, k);
                add_code_usage(old, 0);
              }
            }
            value = o.return_data.kind == near::ReturnKind::value ? o.return_data.value : Bytes{};
            if (o.return_data.kind == near::ReturnKind::receipt_index) forward = ids[o.return_data.receipt_index];
            return std::nullopt;
          } else if constexpr (std::is_same_v<T, StakeAction>) {
            return Failure{"Unsupported", "staking is not supported by the local chain"};
          } else if constexpr (std::is_same_v<T, AddKeyAction>) {
            if (auto e = need_account()) return e;
            Bytes k = access_key_key(id, x.public_key);
            if (buf.get(Table::access_keys, k)) return Failure{"AddKeyAlreadyExists", x.public_key.to_string()};
            BorshWriter w;
            encode(w, x.access_key);
            acc->storage_usage += key_storage(x.public_key, w.data());
            buf.put(Table::access_keys, k, w.take());
            return std::nullopt;
          } else if constexpr (std::is_same_v<T, DeleteKeyAction>) {
            if (auto e = need_account()) return e;
            Bytes k = access_key_key(id, x.public_key);
            auto old = buf.get(Table::access_keys, k);
            if (!old) return Failure{"DeleteKeyDoesNotExist", x.public_key.to_string()};
            acc->storage_usage -= std::min(acc->storage_usage, key_storage(x.public_key, *old));
            buf.del(Table::access_keys, k);
            return std::nullopt;
          } else if constexpr (std::is_same_v<T, DeleteAccountAction>) {
            if (auto e = need_account()) return e;
            if (!near::valid_account_id(x.beneficiary_id)) return Failure{"InvalidAccountId", x.beneficiary_id};
            if (acc->amount) created.push_back(refund(r, x.beneficiary_id, acc->amount, 2));
            std::vector<Bytes> keys;
            buf.scan(Table::access_keys, access_key_prefix(id), [&](const Bytes& k, const Bytes&) { keys.push_back(k); });
            for (const Bytes& k : keys) buf.del(Table::access_keys, k);
            for (const auto& [ns, h] : acc->code) {
              std::vector<Bytes> data;
              buf.scan(Table::contract_data, contract_data_prefix(id, ns), [&](const Bytes& k, const Bytes&) { data.push_back(k); });
              for (const Bytes& k : data) buf.del(Table::contract_data, k);
            }
            buf.del(Table::accounts, account_key(id));
            deleted = true;
            return std::nullopt;
          } else if constexpr (std::is_same_v<T, DeploySubmoduleAction>) {
            if (auto e = need_account()) return e;
            if (auto e = self_only("DeploySubmodule")) return e;
            if (x.key.empty() || x.key.size() > near::kMaxSubmoduleKey) return Failure{"InvalidSubmoduleKey", x.key};
            Bytes k = submodule_key(id, x.key);
            uint64_t old = 0;
            if (auto c = buf.get(Table::submodules, k)) old = c->size() + x.key.size();
            buf.put(Table::submodules, k, x.code);
            add_code_usage(old, x.code.size() + x.key.size());
            return std::nullopt;
          } else {  // RemoveSubmoduleAction
            if (auto e = need_account()) return e;
            if (auto e = self_only("RemoveSubmodule")) return e;
            Bytes k = submodule_key(id, x.key);
            auto c = buf.get(Table::submodules, k);
            if (!c) return Failure{"SubmoduleDoesNotExist", x.key};
            buf.del(Table::submodules, k);
            add_code_usage(c->size() + x.key.size(), 0);
            return std::nullopt;
          }
        },
        a);
    if (f) return f;
  }
  if (acc && !deleted) {
    // Storage staking: the balance must cover what the account stores.
    if (acc->amount < u128(acc->storage_usage) * p_.storage_amount_per_byte)
      return Failure{"LackBalanceForState", id + " needs " + near::balance_string(u128(acc->storage_usage) * p_.storage_amount_per_byte)};
    buf.put_account(id, *acc);
  }
  return std::nullopt;
}

}  // namespace

Result<std::unique_ptr<Chain>> Chain::open(const std::filesystem::path& dir, near::Params params) {
  auto kv = store::KvStore::open(dir);
  if (!kv) return std::unexpected(kv.error());
  return std::unique_ptr<Chain>(new Chain(std::move(*kv), std::move(params)));
}

uint64_t Chain::head() {
  auto r = kv_->read();
  if (!r) return 0;
  auto h = (*r)->get(Table::meta, kHeadKey);
  if (!h || h->size() != 8) return 0;
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | (*h)[size_t(i)];
  return v;
}

CryptoHash Chain::head_hash() {
  auto r = kv_->read();
  if (!r) return {};
  auto b = (*r)->get(Table::blocks, height_key(head()));
  if (!b) return {};
  auto block = decode_block(*b);
  return block ? block->hash : CryptoHash{};
}

Result<void> Chain::genesis(const std::string& account, const PublicKey& key, u128 balance) {
  auto txn = kv_->write();
  if (!txn) return std::unexpected(txn.error());
  if ((*txn)->get(Table::meta, kHeadKey)) return make_error(ErrorKind::usage, "the chain already has a genesis");
  BorshWriter w;
  encode(w, AccessKey{});
  AccountRecord a;
  a.amount = balance;
  a.storage_usage = 100 + key_storage(key, w.data());  // the account's own overhead and its key
  (*txn)->put(Table::accounts, account_key(account), encode(a));
  (*txn)->put(Table::access_keys, access_key_key(account, key), w.take());
  BlockRecord b;
  b.hash = sha(Bytes(account.begin(), account.end()));
  b.timestamp_ns = kGenesisTimestamp;
  (*txn)->put(Table::blocks, height_key(0), encode(b));
  (*txn)->put(Table::meta, kHeadKey, Bytes(8, 0));
  return (*txn)->commit();
}

Result<SubmitResult> Chain::submit(const SignedTransaction& stx) {
  const Transaction& tx = stx.transaction;
  CryptoHash tx_hash = tx.hash();
  if (!stx.verify()) return make_error(ErrorKind::usage, "InvalidTxError::InvalidSignature");
  if (!near::valid_account_id(tx.receiver_id)) return make_error(ErrorKind::usage, "InvalidTxError::InvalidReceiverId: " + tx.receiver_id);
  uint64_t height = head();
  std::vector<ReceiptRecord> now;
  json tx_out = {{"tx_hash", b58(tx_hash)}, {"signer_id", tx.signer_id}, {"receiver_id", tx.receiver_id}};
  {
    auto txn = kv_->write();
    if (!txn) return std::unexpected(txn.error());
    StateBuffer st(**txn);
    auto signer = st.account(tx.signer_id);
    if (!signer) return make_error(ErrorKind::usage, "InvalidTxError::SignerDoesNotExist: " + tx.signer_id);
    Bytes kk = access_key_key(tx.signer_id, tx.public_key);
    auto key_bytes = st.get(Table::access_keys, kk);
    if (!key_bytes) return make_error(ErrorKind::usage, "InvalidTxError::InvalidAccessKeyError: no such key " + tx.public_key.to_string());
    BorshReader kr(*key_bytes);
    auto key = decode_access_key(kr);
    if (!key) return std::unexpected(key.error());
    if (tx.nonce <= key->nonce)
      return make_error(ErrorKind::usage, "InvalidTxError::InvalidNonce: " + std::to_string(tx.nonce) + " <= " + std::to_string(key->nonce));
    ActionsCost c = actions_cost(params_, tx.actions, tx.signer_id == tx.receiver_id);
    if (c.attached > params_.limit.max_total_prepaid_gas)
      return make_error(ErrorKind::usage, "InvalidTxError::TotalPrepaidGasExceeded: " + std::to_string(c.attached) + " > " +
                                              std::to_string(params_.limit.max_total_prepaid_gas));
    u128 gas_cost = u128(c.send + c.exec + c.attached) * kGasPrice;
    u128 total = gas_cost + c.deposit;
    if (!std::holds_alternative<FullAccessPermission>(key->permission)) {
      // A function-call key: one function call, no deposit, to its receiver and methods, within its allowance.
      bool ok = tx.actions.size() == 1 && c.deposit == 0;
      std::visit(
          [&](auto& perm) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(perm)>, FullAccessPermission>) {
              ok = ok && perm.receiver_id == tx.receiver_id;
              std::string method, ns;
              if (auto* fc = std::get_if<FunctionCallAction>(&tx.actions[0])) method = fc->method_name;
              else if (auto* fn = std::get_if<FunctionCallInNamespaceAction>(&tx.actions[0])) {
                method = fn->method_name;
                ns = fn->namespace_name;
              } else ok = false;
              if (!perm.method_names.empty())
                ok = ok && std::find(perm.method_names.begin(), perm.method_names.end(), method) != perm.method_names.end();
              if constexpr (std::is_same_v<std::decay_t<decltype(perm)>, FunctionCallWithNamespacesPermission>) {
                if (!ns.empty()) ok = ok && std::find(perm.namespaces.begin(), perm.namespaces.end(), ns) != perm.namespaces.end();
              } else {
                ok = ok && ns.empty();
              }
              if (perm.allowance) {
                ok = ok && *perm.allowance >= gas_cost;
                if (ok) *perm.allowance -= gas_cost;
              }
            }
          },
          key->permission);
      if (!ok) return make_error(ErrorKind::usage, "InvalidTxError::InvalidAccessKeyError: the key does not allow this transaction");
    }
    if (signer->amount < total)
      return make_error(ErrorKind::usage, "InvalidTxError::NotEnoughBalance: needs " + near::balance_string(total));
    signer->amount -= total;
    st.put_account(tx.signer_id, *signer);
    key->nonce = tx.nonce;
    BorshWriter w;
    encode(w, *key);
    st.put(Table::access_keys, kk, w.take());
    st.put(Table::transactions, Bytes(tx_hash.begin(), tx_hash.end()), stx.encode());
    st.commit_into(**txn);
    if (auto e = (*txn)->commit(); !e) return std::unexpected(e.error());
    ReceiptRecord r0;
    r0.id = tx_hash;
    r0.predecessor_id = tx.signer_id;
    r0.receiver_id = tx.receiver_id;
    r0.signer_id = tx.signer_id;
    r0.signer_public_key = tx.public_key;
    r0.gas_price = uint64_t(kGasPrice);
    r0.actions = tx.actions;
    now.push_back(std::move(r0));
    tx_out["gas_burnt_at_conversion"] = c.send;
  }
  // Receipts left pending by an interrupted run go first.
  {
    auto r = kv_->read();
    if (!r) return std::unexpected(r.error());
    if (auto p = (*r)->get(Table::meta, kPendingKey)) {
      for (size_t i = 0; i + 32 <= p->size(); i += 32) {
        if (auto rec = (*r)->get(Table::receipts, Bytes(p->begin() + long(i), p->begin() + long(i + 32))))
          if (auto d = decode_receipt(*rec)) now.insert(now.begin(), std::move(*d));
      }
    }
  }
  json receipts = json::array();
  CryptoHash prev = head_hash();
  bool first_block = true;
  for (size_t blocks = 0; !now.empty() && blocks < kMaxBlocksPerSubmit; ++blocks) {
    auto txn = kv_->write();
    if (!txn) return std::unexpected(txn.error());
    ++height;
    BlockBuilder builder(**txn, params_, cache_, height);
    BlockRecord block;
    block.height = height;
    block.prev_hash = prev;
    block.timestamp_ns = kGenesisTimestamp + height * kBlockInterval;
    if (first_block) block.transactions.push_back(tx_hash);
    std::vector<ReceiptRecord> next;
    // Ready = every input had its result before this block: a callback runs at the earliest in the
    // block after the receipt it waits for, whatever the order of the queue.
    std::vector<bool> ready(now.size(), true);
    for (size_t i = 0; i < now.size(); ++i)
      for (const CryptoHash& in : now[i].input_receipts) ready[i] = ready[i] && resolve(**txn, in).has_value();
    for (size_t i = 0; i < now.size(); ++i) {
      ReceiptRecord& r = now[i];
      if (!ready[i]) {
        next.push_back(std::move(r));
        continue;
      }
      block.receipts.push_back(r.id);
      std::vector<ReceiptRecord> created;
      receipts.push_back(builder.run(r, created));
      for (ReceiptRecord& c : created) next.push_back(std::move(c));
    }
    Bytes pending;
    for (const ReceiptRecord& r : next) {
      (*txn)->put(Table::receipts, receipt_key(r.id), encode(r));
      pending.insert(pending.end(), r.id.begin(), r.id.end());
    }
    (*txn)->put(Table::meta, kPendingKey, pending);
    BorshWriter hw;
    hw.fixed(prev);
    hw.u64(height);
    for (const CryptoHash& h : block.transactions) hw.fixed(h);
    for (const CryptoHash& h : block.receipts) hw.fixed(h);
    block.hash = sha(hw.data());
    prev = block.hash;
    (*txn)->put(Table::blocks, height_key(height), encode(block));
    Bytes head_le(8);
    for (int i = 0; i < 8; ++i) head_le[size_t(i)] = uint8_t(height >> (8 * i));
    (*txn)->put(Table::meta, kHeadKey, head_le);
    if (auto e = (*txn)->commit(); !e) return std::unexpected(e.error());
    now = std::move(next);
    first_block = false;
  }
  // The transaction's outcome: its first receipt's, plus every receipt that followed.
  SubmitResult result;
  result.tx_hash = tx_hash;
  json first = receipts.empty() ? json::object() : receipts[0];
  json vm = first.contains("vm") ? first["vm"] : json::object();
  // The outcome follows the first receipt's result through any promise it returned.
  {
    auto r = kv_->read();
    if (!r) return std::unexpected(r.error());
    auto final_result = resolve(**r, tx_hash);
    result.success = final_result && final_result->has_value();
    if (result.success && first.contains("return_receipt")) vm["return_base64"] = base64_encode(**final_result);
  }
  for (auto& [k, v] : vm.items()) tx_out[k] = v;
  tx_out["status"] = result.success ? "success" : "failure";
  if (!result.success)
    tx_out["error"] = first.value("status", "") == "success"
                          ? json{{"kind", "ReturnedPromiseFailed"}, {"message", "a promise the call returned failed"}}
                          : first.value("error", json(nullptr));
  tx_out["receipts"] = receipts;
  std::string text = tx_out.dump();
  {
    auto txn = kv_->write();
    if (!txn) return std::unexpected(txn.error());
    (*txn)->put(Table::outcomes, Bytes(tx_hash.begin(), tx_hash.end()), Bytes(text.begin(), text.end()));
    if (auto e = (*txn)->commit(); !e) return std::unexpected(e.error());
  }
  result.outcome = std::move(tx_out);
  return result;
}

bool Chain::has_genesis() {
  auto r = kv_->read();
  return r && (*r)->get(Table::meta, kHeadKey).has_value();
}

std::optional<AccountRecord> Chain::account(const std::string& id) {
  auto r = kv_->read();
  if (!r) return std::nullopt;
  StateBuffer st(**r);
  return st.account(id);
}

std::optional<AccessKey> Chain::access_key(const std::string& id, const PublicKey& pk) {
  auto r = kv_->read();
  if (!r) return std::nullopt;
  auto b = (*r)->get(Table::access_keys, access_key_key(id, pk));
  if (!b) return std::nullopt;
  BorshReader br(*b);
  auto k = decode_access_key(br);
  if (!k) return std::nullopt;
  return *k;
}

std::vector<std::pair<PublicKey, AccessKey>> Chain::access_keys(const std::string& id) {
  std::vector<std::pair<PublicKey, AccessKey>> out;
  auto r = kv_->read();
  if (!r) return out;
  Bytes prefix = access_key_prefix(id);
  (*r)->scan(Table::access_keys, prefix, [&](std::span<const uint8_t> k, std::span<const uint8_t> v) {
    BorshReader kr(k.subspan(prefix.size()));
    BorshReader vr(v);
    auto pk = PublicKey::decode(kr);
    auto ak = decode_access_key(vr);
    if (pk && ak) out.push_back({*pk, *ak});
    return true;
  });
  return out;
}

near::VMOutcome Chain::view(const std::string& account, const std::string& ns, const std::string& method, const Bytes& args) {
  near::VMOutcome o;
  auto r = kv_->read();
  if (!r) {
    o.aborted = near::FunctionCallError::host_error({near::HostErrorKind::Unsupported, r.error().message});
    return o;
  }
  StateBuffer st(**r);
  auto acc = st.account(account);
  std::optional<Bytes> code;
  if (acc)
    if (auto it = acc->code.find(ns); it != acc->code.end())
      code = st.get(Table::code, Bytes(it->second.begin(), it->second.end()));
  if (!code) {
    o.aborted = near::FunctionCallError::prepare_error(near::PrepareError::Deserialization,
                                                       "CodeDoesNotExist: " + account + (ns.empty() ? "" : ":" + ns));
    return o;
  }
  near::VMContext ctx;
  ctx.current_account_id = account;
  ctx.current_namespace = ns;
  ctx.signer_account_id = account;
  ctx.predecessor_account_id = account;
  ctx.input = args;
  ctx.block_height = head();
  ctx.block_timestamp = kGenesisTimestamp + ctx.block_height * kBlockInterval;
  ctx.account_balance = acc->amount;
  ctx.account_locked_balance = acc->locked;
  ctx.storage_usage = acc->storage_usage;
  ctx.is_view = true;
  StateExternal ext(st);
  StateCodeSource source(st);
  return sync::run_method(*code, method, ctx, params_, ext, cache_, source);
}

std::vector<std::pair<Bytes, Bytes>> Chain::view_state(const std::string& account, const std::string& ns) {
  std::vector<std::pair<Bytes, Bytes>> out;
  auto r = kv_->read();
  if (!r) return out;
  (*r)->scan(Table::contract_data, contract_data_prefix(account, ns), [&](std::span<const uint8_t>, std::span<const uint8_t> v) {
    if (auto kv = decode_data_record(v)) out.push_back(std::move(*kv));
    return true;
  });
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<nlohmann::json> Chain::transaction_outcome(const CryptoHash& hash) {
  auto r = kv_->read();
  if (!r) return std::nullopt;
  auto b = (*r)->get(Table::outcomes, Bytes(hash.begin(), hash.end()));
  if (!b) return std::nullopt;
  json j = json::parse(std::string(b->begin(), b->end()), nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

}  // namespace syncwasm::chain
