// Promise host functions: they record receipts and actions (executed later by the chain layer) and
// pay nearcore's action fees: the send fee is burnt now, send + execution fees are reserved (used).
#include "decode/reader.h"
#include "near/account_id.h"
#include "near/host_support.h"

namespace syncwasm::near {


namespace {
bool ir_valid_utf8(const std::string& s) { return ir::valid_utf8(reinterpret_cast<const uint8_t*>(s.data()), s.size()); }
}  // namespace

const char* action_name(const Action& a) {
  static const char* const kNames[] = {"CreateAccount", "DeployContract", "FunctionCall", "Transfer",
                                       "Stake",         "AddKey",         "DeleteKey",    "DeleteAccount"};
  return kNames[a.index()];
}

std::expected<std::string, HostError> Logic::read_account_id(uint64_t len, uint64_t ptr) {
  TRY_GET(buf, memory_or_register(ptr, len));
  TRY(gas_.pay(p_.utf8_decoding_base, p_.utf8_decoding_byte, buf->size()));
  std::string id(buf->begin(), buf->end());
  if (!ir_valid_utf8(id)) return std::unexpected(err(HostErrorKind::BadUTF8));
  if (!valid_account_id(id)) return std::unexpected(err(HostErrorKind::InvalidAccountId, id));
  return id;
}

// A new receipt: burns the receipt creation send fee (and one data receipt per dependency) and
// reserves their execution fees.
std::expected<uint64_t, HostError> Logic::new_receipt(std::string receiver, std::vector<uint64_t> deps) {
  bool sir = receiver == ctx_.current_account_id;
  const ActionCost& rc = p_.action.action_receipt_creation;
  Gas burn = rc.send(sir), use = rc.send(sir) + rc.execution;
  // Each data dependency's whole fee (send and execution) is burnt.
  for (uint64_t d : deps) {
    const ActionCost& dc = p_.action.data_receipt_creation_base;
    Gas fee = dc.send(receipts_[d].receiver_id == receiver) + dc.execution;
    burn += fee;
    use += fee;
  }
  TRY(gas_.deduct_gas(burn, use));
  if (promises_.size() >= p_.limit.max_promises_per_function_call_action)
    return std::unexpected(err(HostErrorKind::NumberPromisesExceeded, std::to_string(promises_.size() + 1)));
  receipts_.push_back({std::move(receiver), std::move(deps), {}});
  promises_.push_back({false, {receipts_.size() - 1}});
  return promises_.size() - 1;
}

// The receipt behind a promise, for appending an action.
std::expected<uint64_t, HostError> Logic::receipt_of(uint64_t promise_idx) {
  if (promise_idx >= promises_.size()) return std::unexpected(err(HostErrorKind::InvalidPromiseIndex, std::to_string(promise_idx)));
  const Promise& p = promises_[promise_idx];
  if (p.joint) return std::unexpected(err(HostErrorKind::CannotAppendActionToJointPromise));
  return p.receipts[0];
}

std::optional<HostError> Logic::pay_action(const ActionCost& c, uint64_t receipt, uint64_t n_bytes,
                                           const ActionCost* per_byte) {
  bool sir = receipts_[receipt].receiver_id == ctx_.current_account_id;
  if (auto e = gas_.deduct_gas(c.send(sir), c.send(sir) + c.execution)) return e;
  if (!per_byte) return std::nullopt;
  Gas send, exec;
  if (__builtin_mul_overflow(per_byte->send(sir), n_bytes, &send) ||
      __builtin_mul_overflow(per_byte->execution, n_bytes, &exec))
    return err(HostErrorKind::IntegerOverflow);
  return gas_.deduct_gas(send, send + exec);
}

HostOutcome Logic::promise_batch_create(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_create"));
  TRY_GET(account, read_account_id(a[0], a[1]));
  return new_receipt(std::move(*account), {});
}

HostOutcome Logic::promise_batch_then(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_then"));
  TRY_GET(account, read_account_id(a[1], a[2]));
  if (a[0] >= promises_.size()) return std::unexpected(err(HostErrorKind::InvalidPromiseIndex, std::to_string(a[0])));
  return new_receipt(std::move(*account), promises_[a[0]].receipts);
}

HostOutcome Logic::promise_and(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_and"));
  TRY(gas_.pay_base(p_.promise_and_base));
  uint64_t bytes;
  if (__builtin_mul_overflow(a[1], uint64_t(8), &bytes)) return std::unexpected(err(HostErrorKind::IntegerOverflow));
  TRY(gas_.pay_per(p_.promise_and_per_promise, bytes));  // per byte of the index array, as nearcore does
  TRY_GET(raw, read_memory(a[0], bytes));
  std::vector<uint64_t> deps;
  for (uint64_t i = 0; i < a[1]; ++i) {
    uint64_t idx = 0;
    for (int k = 7; k >= 0; --k) idx = (idx << 8) | (*raw)[i * 8 + uint64_t(k)];
    if (idx >= promises_.size()) return std::unexpected(err(HostErrorKind::InvalidPromiseIndex, std::to_string(idx)));
    const Promise& p = promises_[idx];
    deps.insert(deps.end(), p.receipts.begin(), p.receipts.end());
    if (deps.size() > p_.limit.max_number_input_data_dependencies)
      return std::unexpected(err(HostErrorKind::NumberInputDataDependenciesExceeded, std::to_string(deps.size())));
  }
  if (promises_.size() >= p_.limit.max_promises_per_function_call_action)
    return std::unexpected(err(HostErrorKind::NumberPromisesExceeded, std::to_string(promises_.size() + 1)));
  promises_.push_back({true, std::move(deps)});
  return promises_.size() - 1;
}

HostOutcome Logic::promise_create(const uint64_t* a) {
  uint64_t batch[2] = {a[0], a[1]};
  TRY_GET(idx, promise_batch_create(batch));
  uint64_t call[8] = {*idx, a[2], a[3], a[4], a[5], a[6], a[7], 0};
  TRY_GET(r, promise_batch_action_function_call_weight(call));
  return *idx;
}

HostOutcome Logic::promise_then(const uint64_t* a) {
  uint64_t then[3] = {a[0], a[1], a[2]};
  TRY_GET(idx, promise_batch_then(then));
  uint64_t call[8] = {*idx, a[3], a[4], a[5], a[6], a[7], a[8], 0};
  TRY_GET(r, promise_batch_action_function_call_weight(call));
  return *idx;
}

HostOutcome Logic::promise_batch_action_create_account(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_action_create_account"));
  TRY_GET(r, receipt_of(a[0]));
  TRY(pay_action(p_.action.create_account, *r));
  receipts_[*r].actions.push_back(CreateAccountAction{});
  return 0;
}

HostOutcome Logic::promise_batch_action_deploy_contract(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_action_deploy_contract"));
  TRY_GET(code, memory_or_register(a[2], a[1]));
  if (code->size() > p_.limit.max_contract_size)
    return std::unexpected(err(HostErrorKind::ContractSizeExceeded, std::to_string(code->size())));
  TRY_GET(r, receipt_of(a[0]));
  TRY(pay_action(p_.action.deploy_contract_base, *r, code->size(), &p_.action.deploy_contract_per_byte));
  receipts_[*r].actions.push_back(DeployContractAction{Bytes(code->begin(), code->end())});
  return 0;
}

HostOutcome Logic::promise_batch_action_function_call(const uint64_t* a) {
  uint64_t call[8] = {a[0], a[1], a[2], a[3], a[4], a[5], a[6], 0};
  return promise_batch_action_function_call_weight(call);
}

// (promise, method_len, method_ptr, args_len, args_ptr, amount_ptr, gas, gas_weight)
HostOutcome Logic::promise_batch_action_function_call_weight(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_action_function_call"));
  TRY_GET(amount, read_u128(a[5]));
  TRY_GET(method, memory_or_register(a[2], a[1]));
  if (method->empty()) return std::unexpected(err(HostErrorKind::EmptyMethodName));
  TRY_GET(args, memory_or_register(a[4], a[3]));
  TRY_GET(r, receipt_of(a[0]));
  TRY(pay_action(p_.action.function_call_base, *r, method->size() + args->size(), &p_.action.function_call_per_byte));
  TRY(gas_.prepay_gas(a[6]));
  if (*amount > balance_) return std::unexpected(err(HostErrorKind::BalanceExceeded));
  balance_ -= *amount;
  if (!ir::valid_utf8(method->data(), method->size())) return std::unexpected(err(HostErrorKind::InvalidMethodName));
  receipts_[*r].actions.push_back(
      FunctionCallAction{std::string(method->begin(), method->end()), Bytes(args->begin(), args->end()), *amount, a[6], a[7]});
  return 0;
}

HostOutcome Logic::promise_batch_action_transfer(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_action_transfer"));
  TRY_GET(amount, read_u128(a[1]));
  TRY_GET(r, receipt_of(a[0]));
  // Transfers to implicit accounts also pay for creating the account (and its key).
  const std::string& to = receipts_[*r].receiver_id;
  bool sir = to == ctx_.current_account_id;
  Gas send = p_.action.transfer.send(sir), exec = p_.action.transfer.execution;
  auto is_hex = [](std::string_view s) { return s.find_first_not_of("0123456789abcdef") == std::string_view::npos; };
  bool near_implicit = to.size() == 64 && is_hex(to);
  bool eth_implicit = to.size() == 42 && to.starts_with("0x") && is_hex(std::string_view(to).substr(2));
  if (near_implicit || eth_implicit) {
    send += p_.action.create_account.send(sir);
    exec += p_.action.create_account.execution;
  }
  if (near_implicit) {
    send += p_.action.add_full_access_key.send(sir);
    exec += p_.action.add_full_access_key.execution;
  }
  TRY(gas_.deduct_gas(send, send + exec));
  if (*amount > balance_) return std::unexpected(err(HostErrorKind::BalanceExceeded));
  balance_ -= *amount;
  receipts_[*r].actions.push_back(TransferAction{*amount});
  return 0;
}

namespace {
// A borsh PublicKey: key type 0 (ed25519, 32 bytes) or 1 (secp256k1, 64 bytes).
bool valid_public_key(std::span<const uint8_t> k) {
  return (k.size() == 33 && k[0] == 0) || (k.size() == 65 && k[0] == 1);
}
}  // namespace

HostOutcome Logic::promise_batch_action_stake(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_action_stake"));
  TRY_GET(amount, read_u128(a[1]));
  TRY_GET(pk, memory_or_register(a[3], a[2]));
  TRY_GET(r, receipt_of(a[0]));
  TRY(pay_action(p_.action.stake, *r));
  if (!valid_public_key(*pk)) return std::unexpected(err(HostErrorKind::InvalidPublicKey));
  receipts_[*r].actions.push_back(StakeAction{*amount, Bytes(pk->begin(), pk->end())});
  return 0;
}

HostOutcome Logic::promise_batch_action_add_key_with_full_access(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_action_add_key_with_full_access"));
  TRY_GET(pk, memory_or_register(a[2], a[1]));
  TRY_GET(r, receipt_of(a[0]));
  TRY(pay_action(p_.action.add_full_access_key, *r));
  if (!valid_public_key(*pk)) return std::unexpected(err(HostErrorKind::InvalidPublicKey));
  AddKeyAction k;
  k.public_key = Bytes(pk->begin(), pk->end());
  k.nonce = a[3];
  receipts_[*r].actions.push_back(std::move(k));
  return 0;
}

// (promise, pk_len, pk_ptr, nonce, allowance_ptr, receiver_len, receiver_ptr, names_len, names_ptr)
HostOutcome Logic::promise_batch_action_add_key_with_function_call(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_action_add_key_with_function_call"));
  TRY_GET(pk, memory_or_register(a[2], a[1]));
  TRY_GET(allowance, read_u128(a[4]));
  TRY_GET(receiver, read_account_id(a[5], a[6]));
  TRY_GET(raw_names, memory_or_register(a[8], a[7]));
  std::vector<std::string> names;
  uint64_t name_bytes = 0;
  if (!raw_names->empty()) {
    std::string all(raw_names->begin(), raw_names->end());
    if (!ir_valid_utf8(all)) return std::unexpected(err(HostErrorKind::BadUTF8));
    for (size_t start = 0;;) {
      size_t comma = all.find(',', start);
      std::string n = all.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (n.empty()) return std::unexpected(err(HostErrorKind::EmptyMethodName));
      name_bytes += n.size() + 1;  // nearcore counts each name with its separator
      names.push_back(std::move(n));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  TRY_GET(r, receipt_of(a[0]));
  TRY(pay_action(p_.action.add_function_call_key_base, *r, name_bytes, &p_.action.add_function_call_key_per_byte));
  if (!valid_public_key(*pk)) return std::unexpected(err(HostErrorKind::InvalidPublicKey));
  AddKeyAction k;
  k.public_key = Bytes(pk->begin(), pk->end());
  k.nonce = a[3];
  k.full_access = false;
  if (*allowance) k.allowance = *allowance;
  k.receiver_id = std::move(*receiver);
  k.method_names = std::move(names);
  receipts_[*r].actions.push_back(std::move(k));
  return 0;
}

HostOutcome Logic::promise_batch_action_delete_key(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_action_delete_key"));
  TRY_GET(pk, memory_or_register(a[2], a[1]));
  TRY_GET(r, receipt_of(a[0]));
  TRY(pay_action(p_.action.delete_key, *r));
  if (!valid_public_key(*pk)) return std::unexpected(err(HostErrorKind::InvalidPublicKey));
  receipts_[*r].actions.push_back(DeleteKeyAction{Bytes(pk->begin(), pk->end())});
  return 0;
}

HostOutcome Logic::promise_batch_action_delete_account(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_batch_action_delete_account"));
  TRY_GET(beneficiary, read_account_id(a[1], a[2]));
  TRY_GET(r, receipt_of(a[0]));
  TRY(pay_action(p_.action.delete_account, *r));
  receipts_[*r].actions.push_back(DeleteAccountAction{std::move(*beneficiary)});
  return 0;
}

HostOutcome Logic::promise_results_count(const uint64_t*) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_results_count"));
  return ctx_.promise_results.size();
}

// 1: successful (data in the register), 2: failed.
HostOutcome Logic::promise_result(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("promise_result"));
  if (a[0] >= ctx_.promise_results.size())
    return std::unexpected(err(HostErrorKind::InvalidPromiseResultIndex, std::to_string(a[0])));
  const PromiseResult& r = ctx_.promise_results[a[0]];
  if (!r) return 2;
  TRY(set_register(a[1], *r, false));  // like input: no per-byte register fee since PV82
  return 1;
}

HostOutcome Logic::promise_return(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(gas_.pay_base(p_.promise_return));
  TRY(check_view("promise_return"));
  if (a[0] >= promises_.size()) return std::unexpected(err(HostErrorKind::InvalidPromiseIndex, std::to_string(a[0])));
  if (promises_[a[0]].joint) return std::unexpected(err(HostErrorKind::CannotReturnJointPromise));
  return_data_ = {ReturnKind::receipt_index, {}, promises_[a[0]].receipts[0]};
  return 0;
}

}  // namespace syncwasm::near
