// Context, economics and validator host functions.
#include "near/host_support.h"

namespace syncwasm::near {



HostOutcome Logic::current_account_id(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(set_register(a[0], bytes_of(ctx_.current_account_id)));
  return 0;
}

// 0: no contract, 1: a local contract whose hash is written to the register.
HostOutcome Logic::current_contract_code(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  if (!code_hash_) return 0;
  TRY(set_register(a[0], Bytes(code_hash_->begin(), code_hash_->end())));
  return 1;
}

HostOutcome Logic::signer_account_id(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("signer_account_id"));
  TRY(set_register(a[0], bytes_of(ctx_.signer_account_id)));
  return 0;
}

HostOutcome Logic::signer_account_pk(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("signer_account_pk"));
  TRY(set_register(a[0], ctx_.signer_account_pk));
  return 0;
}

HostOutcome Logic::predecessor_account_id(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("predecessor_account_id"));
  TRY(set_register(a[0], bytes_of(ctx_.predecessor_account_id)));
  return 0;
}

// Since PV82 the input costs only the register's base write, not its bytes.
HostOutcome Logic::input(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(set_register(a[0], ctx_.input, false));
  return 0;
}

HostOutcome Logic::block_index(const uint64_t*) {
  TRY(gas_.pay_base(p_.base));
  return ctx_.block_height;
}

HostOutcome Logic::block_timestamp(const uint64_t*) {
  TRY(gas_.pay_base(p_.base));
  return ctx_.block_timestamp;
}

HostOutcome Logic::epoch_height(const uint64_t*) {
  TRY(gas_.pay_base(p_.base));
  return ctx_.epoch_height;
}

HostOutcome Logic::storage_usage(const uint64_t*) {
  TRY(gas_.pay_base(p_.base));
  return storage_usage_;
}

HostOutcome Logic::chain_id(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(set_register(a[0], bytes_of(ctx_.chain_id)));
  return 0;
}

HostOutcome Logic::account_balance(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(write_u128(a[0], balance_));
  return 0;
}

HostOutcome Logic::account_locked_balance(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(write_u128(a[0], ctx_.account_locked_balance));
  return 0;
}

HostOutcome Logic::attached_deposit(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(write_u128(a[0], ctx_.attached_deposit));
  return 0;
}

HostOutcome Logic::prepaid_gas(const uint64_t*) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("prepaid_gas"));
  return ctx_.prepaid_gas;
}

HostOutcome Logic::used_gas(const uint64_t*) {
  TRY(gas_.pay_base(p_.base));
  TRY(check_view("used_gas"));
  return gas_.used();
}

HostOutcome Logic::random_seed(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(set_register(a[0], Bytes(ctx_.random_seed.begin(), ctx_.random_seed.end())));
  return 0;
}

HostOutcome Logic::validator_stake(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  auto account = read_account_id(a[0], a[1]);
  if (!account) return std::unexpected(account.error());
  TRY(gas_.pay_base(p_.validator_stake_base));
  TRY(write_u128(a[2], ext_.validator_stake(*account).value_or(0)));
  return 0;
}

HostOutcome Logic::validator_total_stake(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  TRY(gas_.pay_base(p_.validator_total_stake_base));
  TRY(write_u128(a[0], ext_.validator_total_stake()));
  return 0;
}

}  // namespace syncwasm::near
