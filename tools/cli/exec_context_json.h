// The `--context FILE.json` of `syncwasm exec` (overrides of the VMContext defaults) and the number
// syntaxes it shares with the command line: gas amounts and u128 balances.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "near/context.h"

namespace syncwasm::cli {

// A gas amount: a decimal integer, optionally followed by `T` or `Tgas` (10^12 gas), e.g. `300T`.
// nullopt if it does not parse or does not fit in 64 bits.
std::optional<near::Gas> parse_gas(std::string_view text);

// A u128 balance in yoctoNEAR: decimal digits only. nullopt if empty, not decimal or above 2^128 - 1.
std::optional<near::Balance> parse_balance(std::string_view text);

// Applies the fields of a context object to `ctx`. Every field is optional; an unknown field, a value
// of the wrong type or out of range is an error naming the field. Fields:
//   current_account_id, signer_account_id, predecessor_account_id  valid account ids (strings)
//   signer_account_pk_base64        a borsh public key: 0 + 32 bytes (ed25519) or 1 + 64 (secp256k1)
//   block_height, block_timestamp, epoch_height, storage_usage    u64 (a number or a decimal string)
//   prepaid_gas                     u64, or a string in the syntax of parse_gas
//   account_balance, account_locked_balance, attached_deposit     u128 as a decimal string
//   random_seed_base64              exactly 32 bytes
//   promise_results                 array of null (failed) or a base64 string (successful, its bytes)
std::expected<void, std::string> apply_context_json(const nlohmann::json& j, near::VMContext& ctx);

}  // namespace syncwasm::cli
