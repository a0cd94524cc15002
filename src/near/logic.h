// The contract VM's host side for one call (nearcore's VMLogic): gas, registers, logs, return data,
// storage through External, promises, and every host function of host_functions.def.
#pragma once

#include <expected>
#include <map>
#include <span>

#include "near/errors.h"
#include "near/external.h"
#include "near/gas_counter.h"
#include "near/receipts.h"
#include "near/registers.h"
#include "near/sync_interface.h"
#include "syncwasm/engine.h"

namespace syncwasm::near {

using HostOutcome = std::expected<uint64_t, HostError>;

enum class ReturnKind : uint8_t { none, value, receipt_index };
struct ReturnData {
  ReturnKind kind = ReturnKind::none;
  Bytes value;
  uint64_t receipt_index = 0;
};

class Logic {
 public:
  Logic(const VMContext& ctx, const Params& params, External& ext, const std::array<uint8_t, 32>* contract_code_hash);

  // Wrapping a host call: take the engine's fuel into the gas counter, and give it back after.
  // The memory span is copied field by field: a 16-byte copy of a span the engine just wrote as
  // two 8-byte fields stalls on store forwarding (the hottest spot of a host call's profile).
  void enter(HostCall& call) {
    memory_ = {call.memory.data(), call.memory.size()};
    gas_.absorb_fuel(*call.fuel);
  }
  void leave(HostCall& call) { *call.fuel = gas_.remaining(); }

#define HOST_FN(name, params, result, view, cap) HostOutcome name(const uint64_t* a);
#define HOST_FN_AS(name, method, params, result, view, cap) HostOutcome method(const uint64_t* a);
#include "near/host_functions.def"

  // ---- synchronous calls ----
  // The caller side: where sync-call host functions go (null: they fail with SyncCallError).
  void set_sync(SyncCalls* s) { sync_ = s; }
  // The callee side: `callback` may suspend this execution.
  void set_callee() { callee_ = true; }
  bool take_suspend() { return std::exchange(suspend_, false); }
  // What the last callback yielded: a view of this execution's memory or register, valid until it runs again.
  std::span<const uint8_t> yielded() const { return yielded_; }
  // Delivers the caller's response to a suspended callee: into the register `callback` named, or
  // (v1 submodules) as the data get_input returns.
  std::optional<HostError> deliver_response(std::span<const uint8_t> data);
  // The v1 submodule's first input arrives with the first resume; it starts empty.
  // Takes in a successful callee's effects: storage-usage change, receipts and their reserved gas.
  std::optional<HostError> adopt_callee(const Logic& callee);
  // Appends a callee's logs (they count toward this execution's limits; excess ones are dropped).
  void adopt_logs(const std::vector<std::string>& logs, size_t from);
  struct SubmoduleAction {
    std::string key;
    std::optional<Bytes> code;  // nullopt: remove
  };
  const std::vector<SubmoduleAction>& submodule_actions() const { return submodule_actions_; }
  // Gas profile: burnt gas by where it went; wasm instructions are the rest of the burnt gas.
  // Host functions are counted by their index in the host table: this runs on every host call.
  struct GasProfile {
    std::vector<Gas> host;  // by host function index
    Gas contract_loading = 0;
    Gas sync_callees = 0;
  };
  void add_host_gas(size_t host_index, Gas g) {
    if (host_index >= profile_.host.size()) profile_.host.resize(host_index + 1);
    profile_.host[host_index] += g;
  }
  void add_loading_gas(Gas g) { profile_.contract_loading += g; }
  void add_callee_gas(Gas g) { profile_.sync_callees += g; }
  const GasProfile& profile() const { return profile_; }
  const VMContext& context() const { return ctx_; }
  const Params& params() const { return p_; }
  External& external() { return ext_; }

  GasCounter& gas() { return gas_; }
  const GasCounter& gas() const { return gas_; }
  const std::vector<std::string>& logs() const { return logs_; }
  const ReturnData& return_data() const { return return_data_; }
  const std::vector<Receipt>& receipts() const { return receipts_; }
  uint64_t storage_usage() const { return storage_usage_; }
  Balance balance() const { return balance_; }

 private:
  // Guest memory and registers, charged as nearcore charges them. Reads are views into the guest
  // memory or the register: valid until the memory or that register is written (copy to keep).
  // The reads are inline: a host call makes several (a sync round trip three).
  using View = std::span<const uint8_t>;
  std::expected<View, HostError> read_memory(uint64_t ptr, uint64_t len) {
    if (auto e = gas_.pay(p_.read_memory_base, p_.read_memory_byte, len)) return std::unexpected(std::move(*e));
    if (ptr > memory_.size() || len > memory_.size() - ptr) return std::unexpected(memory_violation());
    return View(memory_.data() + ptr, len);
  }
  std::optional<HostError> write_memory(uint64_t ptr, View data);
  std::expected<View, HostError> memory_or_register(uint64_t ptr, uint64_t len) {
    return len != UINT64_MAX ? read_memory(ptr, len) : read_register_view(ptr);
  }
  std::expected<View, HostError> read_register_view(uint64_t id);
  static HostError memory_violation();
  // Copies `data` into the register (reusing its buffer): registers are rewritten on every round trip.
  std::optional<HostError> set_register(uint64_t id, View data, bool charge_bytes = true);
  std::expected<std::string, HostError> read_utf8(uint64_t len, uint64_t ptr);
  std::expected<std::string, HostError> read_utf16(uint64_t len, uint64_t ptr);
  std::expected<Balance, HostError> read_u128(uint64_t ptr);
  std::optional<HostError> write_u128(uint64_t ptr, Balance v);
  std::optional<HostError> check_view(const char* method) const;
  std::optional<HostError> push_log(std::string msg);
  std::optional<HostError> trie_nodes() { return gas_.pay_per(p_.touching_trie_node, p_.limit.trie_nodes_per_storage_access); }
  HostOutcome write_hash(uint64_t len, uint64_t ptr, uint64_t reg, Gas base, Gas per_byte, Bytes (*hash)(std::span<const uint8_t>));
  // Promises
  std::expected<uint64_t, HostError> receipt_of(uint64_t promise_idx);
  std::optional<HostError> pay_action(const ActionCost& c, uint64_t receipt, uint64_t n_bytes = 0,
                                      const ActionCost* per_byte = nullptr);
  std::expected<uint64_t, HostError> new_receipt(std::string receiver, std::vector<uint64_t> deps);
  std::expected<std::string, HostError> read_account_id(uint64_t len, uint64_t ptr);
  std::expected<std::string_view, HostError> read_name(uint64_t len, uint64_t ptr);
  HostOutcome sync_reply(std::expected<SyncReply, HostError> r, uint64_t register_id);
  HostOutcome start_sync(uint64_t ns_len, uint64_t ns_ptr, uint64_t m_len, uint64_t m_ptr, uint64_t a_len,
                         uint64_t a_ptr, uint64_t gas_limit, uint32_t caps, uint64_t register_id);
  StorageScope scope() const { return {ctx_.current_account_id, ctx_.current_namespace}; }

  struct Promise {
    bool joint = false;
    std::vector<uint64_t> receipts;  // one for a receipt promise, several for a joint one
  };

  const VMContext& ctx_;
  const Params& p_;
  External& ext_;
  const std::array<uint8_t, 32>* code_hash_;
  GasCounter gas_;
  std::span<uint8_t> memory_;
  Registers registers_;
  uint64_t registers_bytes_ = 0;
  std::vector<std::string> logs_;
  uint64_t total_log_length_ = 0;
  ReturnData return_data_;
  Balance balance_;
  uint64_t storage_usage_;
  std::vector<Promise> promises_;
  std::vector<Receipt> receipts_;
  SyncCalls* sync_ = nullptr;
  bool callee_ = false;
  bool suspend_ = false;
  std::span<const uint8_t> yielded_;
  std::optional<uint64_t> response_register_;  // set by the v2 callback; v1 responses go to input_
  Bytes v1_input_;
  std::vector<SubmoduleAction> submodule_actions_;
  GasProfile profile_;
};

}  // namespace syncwasm::near
