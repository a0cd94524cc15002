#include "exec_context_json.h"

#include <array>
#include <limits>

#include "common/base64.h"
#include "near/account_id.h"

namespace syncwasm::cli {
namespace {

using nlohmann::json;
using Error = std::unexpected<std::string>;

// Decimal digits only; nullopt when empty or above `max`.
template <typename T>
std::optional<T> parse_decimal(std::string_view text, T max) {
  if (text.empty()) return std::nullopt;
  T v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    T d = T(c - '0');
    if (v > (max - d) / 10) return std::nullopt;
    v = v * 10 + d;
  }
  return v;
}

std::string type_name(const json& v) { return v.type_name(); }

std::expected<std::string, std::string> account_field(const std::string& name, const json& v) {
  if (!v.is_string()) return Error(name + " must be a string, got " + type_name(v));
  const std::string& s = v.get_ref<const std::string&>();
  if (!near::valid_account_id(s))
    return Error(name + ": '" + s + "' is not a valid account id (2-64 characters of a-z, 0-9 and - _ ., "
                 "no separator at either end or twice in a row)");
  return s;
}

std::expected<uint64_t, std::string> u64_field(const std::string& name, const json& v) {
  if (v.is_number_unsigned()) return v.get<uint64_t>();
  if (v.is_string()) {
    if (auto x = parse_decimal<uint64_t>(v.get_ref<const std::string&>(), std::numeric_limits<uint64_t>::max()))
      return *x;
  }
  return Error(name + " must be an unsigned 64-bit integer (a JSON number or a decimal string)");
}

std::expected<near::Balance, std::string> balance_field(const std::string& name, const json& v) {
  if (!v.is_string()) return Error(name + " must be a decimal string of yoctoNEAR (u128), got " + type_name(v));
  auto b = parse_balance(v.get_ref<const std::string&>());
  if (!b) return Error(name + ": \"" + v.get_ref<const std::string&>() + "\" is not a decimal u128 (0 to 2^128 - 1)");
  return *b;
}

std::expected<near::Bytes, std::string> base64_field(const std::string& name, const json& v) {
  if (!v.is_string()) return Error(name + " must be a base64 string, got " + type_name(v));
  auto b = base64_decode(v.get_ref<const std::string&>());
  if (!b) return Error(name + " is not valid base64");
  return std::move(*b);
}

}  // namespace

std::optional<near::Gas> parse_gas(std::string_view text) {
  near::Gas unit = 1;
  for (std::string_view suffix : {"Tgas", "T"}) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      text.remove_suffix(suffix.size());
      unit = 1'000'000'000'000ull;
      break;
    }
  }
  auto n = parse_decimal<near::Gas>(text, std::numeric_limits<near::Gas>::max());
  if (!n || *n > std::numeric_limits<near::Gas>::max() / unit) return std::nullopt;
  return *n * unit;
}

std::optional<near::Balance> parse_balance(std::string_view text) {
  return parse_decimal<near::Balance>(text, ~near::Balance(0));
}

std::expected<void, std::string> apply_context_json(const json& j, near::VMContext& ctx) {
  if (!j.is_object()) return Error("expected a JSON object, got " + type_name(j));
  for (const auto& [name, v] : j.items()) {
    auto set = [&](auto& field, auto parsed) -> std::expected<void, std::string> {
      if (!parsed) return Error(parsed.error());
      field = std::move(*parsed);
      return {};
    };
    std::expected<void, std::string> r;
    if (name == "current_account_id") r = set(ctx.current_account_id, account_field(name, v));
    else if (name == "signer_account_id") r = set(ctx.signer_account_id, account_field(name, v));
    else if (name == "predecessor_account_id") r = set(ctx.predecessor_account_id, account_field(name, v));
    else if (name == "signer_account_pk_base64") {
      auto pk = base64_field(name, v);
      if (pk && !((pk->size() == 33 && (*pk)[0] == 0) || (pk->size() == 65 && (*pk)[0] == 1)))
        pk = Error(name + " must be a borsh public key: byte 0 then 32 bytes (ed25519) or byte 1 then 64 bytes "
                   "(secp256k1); got " + std::to_string(pk->size()) + " bytes");
      r = set(ctx.signer_account_pk, std::move(pk));
    } else if (name == "block_height") r = set(ctx.block_height, u64_field(name, v));
    else if (name == "block_timestamp") r = set(ctx.block_timestamp, u64_field(name, v));
    else if (name == "epoch_height") r = set(ctx.epoch_height, u64_field(name, v));
    else if (name == "storage_usage") r = set(ctx.storage_usage, u64_field(name, v));
    else if (name == "prepaid_gas") {
      std::expected<near::Gas, std::string> gas = u64_field(name, v);
      if (!gas && v.is_string()) {
        if (auto g = parse_gas(v.get_ref<const std::string&>())) gas = *g;
        else gas = Error(name + " must be an unsigned 64-bit gas amount (a number, or a string such as \"300T\")");
      }
      r = set(ctx.prepaid_gas, std::move(gas));
    } else if (name == "account_balance") r = set(ctx.account_balance, balance_field(name, v));
    else if (name == "account_locked_balance") r = set(ctx.account_locked_balance, balance_field(name, v));
    else if (name == "attached_deposit") r = set(ctx.attached_deposit, balance_field(name, v));
    else if (name == "random_seed_base64") {
      auto seed = base64_field(name, v);
      if (!seed) return Error(seed.error());
      if (seed->size() != 32) return Error(name + " must decode to 32 bytes, got " + std::to_string(seed->size()));
      std::copy(seed->begin(), seed->end(), ctx.random_seed.begin());
    } else if (name == "promise_results") {
      if (!v.is_array()) return Error(name + " must be an array of null (failed) or base64 strings (successful)");
      std::vector<near::PromiseResult> results;
      for (size_t i = 0; i < v.size(); ++i) {
        if (v[i].is_null()) {
          results.emplace_back(std::nullopt);
          continue;
        }
        auto bytes = base64_field(name + "[" + std::to_string(i) + "]", v[i]);
        if (!bytes) return Error(bytes.error() + " (null marks a failed result)");
        results.emplace_back(std::move(*bytes));
      }
      ctx.promise_results = std::move(results);
    } else {
      return Error("unknown field '" + name + "' (known: current_account_id, signer_account_id, "
                   "predecessor_account_id, signer_account_pk_base64, block_height, block_timestamp, "
                   "epoch_height, account_balance, account_locked_balance, attached_deposit, storage_usage, "
                   "prepaid_gas, random_seed_base64, promise_results)");
    }
    if (!r) return r;
  }
  return {};
}

}  // namespace syncwasm::cli
