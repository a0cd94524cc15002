/* syncwasm contract SDK: the raw host API of a NEAR-style contract (module "env").
 *
 * One declaration per row of src/near/host_functions.def, in the same groups and order, with the
 * same signatures (every parameter and result is u64 except `near_abort` and `gas`, which take u32).
 * The C name is the import name, except `abort`, which is declared as `near_abort` so that it does
 * not collide with the C library's abort().
 *
 * Conventions (docs/host-api.md):
 *  - inputs are (len, ptr) pairs into linear memory; len == SW_FROM_REGISTER (u64::MAX) makes most
 *    of them read register `ptr` instead (for logs and panics it means "NUL-terminated");
 *  - byte-string outputs go to a register id of your choice (read them with read_register);
 *  - amounts (u128) are 16 little-endian bytes at a pointer.
 *
 * This header is for contracts and namespace callees. A v1 submodule may import only the functions
 * in <syncwasm/submodule.h>; do not include this header there.
 *
 * Works as C (C99 or later) and C++; build with clang --target=wasm32 (see sdk/syncwasm_sdk.cmake). */
#ifndef SYNCWASM_NEAR_H
#define SYNCWASM_NEAR_H

#include <stdint.h>

#if defined(SYNCWASM_SUBMODULE)
#error "<syncwasm/near.h> is not available to a v1 submodule: include <syncwasm/submodule.h> instead"
#endif

/* Declares a host import from module "env". */
#define SW_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))
/* Exports a function as a contract method: SW_EXPORT(get) void get(void) { ... }
 * Methods must have type [] -> [] (no parameters, no result). */
#ifndef SW_EXPORT
#define SW_EXPORT(name) __attribute__((export_name(#name)))
#endif
/* A pointer or a size as the u64 the host functions take. */
#ifndef SW_PTR
#define SW_PTR(p) ((uint64_t)(uintptr_t)(p))
#endif

/* len == SW_FROM_REGISTER: read the input from register `ptr` (or, for logs and panics, treat
 * `ptr` as a NUL-terminated string). register_len() also returns it for an unset register. */
#define SW_FROM_REGISTER UINT64_MAX
#define SW_NUL_TERMINATED UINT64_MAX

/* Status codes of sync_function_call[_restricted], resume_sync_call, start_submodule and
 * resume_submodule (docs/sync-calls.md). Errors are values: the caller keeps running. */
#define SW_SYNC_SUCCESS 0ull              /* the callee returned; the register holds its return value */
#define SW_SYNC_CALLBACK 1ull             /* the callee yielded; the register holds the yielded data */
#define SW_SYNC_ALREADY_STARTED 100ull    /* a suspended callee with that name is still live */
#define SW_SYNC_NOT_FOUND 200ull          /* no such namespace or submodule */
#define SW_SYNC_METHOD_NOT_FOUND 300ull   /* no [] -> [] export with that name (or no `main`) */
#define SW_SYNC_OUT_OF_GAS 400ull         /* the callee used up its gas limit */
#define SW_SYNC_NOT_STARTED 500ull        /* resume without a live callee of that name */
#define SW_SYNC_WASM_TRAP 600ull          /* the callee trapped, panicked or failed a host call */
#define SW_SYNC_CAPABILITY_DENIED 700ull  /* the callee imports outside its allowed capabilities */
#define SW_SYNC_DEPTH_EXCEEDED 800ull     /* nesting beyond max_sync_call_depth */
#define SW_SYNC_TOO_MANY_CALLEES 900ull   /* more than max_live_sync_callees live callees */

/* Capability bits for sync_function_call_restricted's allowed_capabilities: bit i is capability
 * class i of src/near/host_table.h. Core (registers, input, value_return, panics, abort, callback)
 * is always granted, whether or not its bit is set. */
#define SW_CAP_CORE (1ull << 0)
#define SW_CAP_LOGS (1ull << 1)          /* log_utf8, log_utf16 */
#define SW_CAP_CONTEXT (1ull << 2)       /* account ids, block, balances, gas, validators, namespaces */
#define SW_CAP_STORAGE_READ (1ull << 3)  /* storage_read, storage_has_key, iterators */
#define SW_CAP_STORAGE_WRITE (1ull << 4) /* storage_write, storage_remove */
#define SW_CAP_CRYPTO (1ull << 5)        /* hashes and signature checks */
#define SW_CAP_PROMISES (1ull << 6)      /* promises and account actions */
#define SW_CAP_SYNC_CALLS (1ull << 7)    /* the caller side of synchronous calls */
#define SW_CAP_NONE 0ull                 /* core only: a pure computation */
#define SW_CAP_ALL 0xFFull               /* what sync_function_call grants */

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Registers ---- */
/* Copies register `register_id` into memory at `ptr` (fails if the register is unset). */
SW_IMPORT(read_register) void read_register(uint64_t register_id, uint64_t ptr);
/* Length of a register, or SW_FROM_REGISTER (u64::MAX) if it is unset. */
SW_IMPORT(register_len) uint64_t register_len(uint64_t register_id);
/* Sets a register from memory; always reads memory, never another register. */
SW_IMPORT(write_register) void write_register(uint64_t register_id, uint64_t data_len, uint64_t data_ptr);

/* ---- Context ---- */
/* This contract's account id, into a register. */
SW_IMPORT(current_account_id) void current_account_id(uint64_t register_id);
/* 1 and the SHA-256 of the running code into a register; 0 if the account has no contract. */
SW_IMPORT(current_contract_code) uint64_t current_contract_code(uint64_t register_id);
/* The receipt's refund account. Unsupported in syncwasm: always fails. */
SW_IMPORT(refund_to_account_id) void refund_to_account_id(uint64_t register_id);
/* The account that signed the transaction (not in view calls). */
SW_IMPORT(signer_account_id) void signer_account_id(uint64_t register_id);
/* The signer's public key, borsh-encoded (not in view calls). */
SW_IMPORT(signer_account_pk) void signer_account_pk(uint64_t register_id);
/* The account that called this one; for a sync callee, its own account (not in view calls). */
SW_IMPORT(predecessor_account_id) void predecessor_account_id(uint64_t register_id);
/* The call's arguments, into a register. */
SW_IMPORT(input) void input(uint64_t register_id);
/* Current block height. */
SW_IMPORT(block_index) uint64_t block_index(void);
/* Current block time in nanoseconds. */
SW_IMPORT(block_timestamp) uint64_t block_timestamp(void);
/* Current epoch height. */
SW_IMPORT(epoch_height) uint64_t epoch_height(void);
/* Bytes of storage the whole account uses, including this call's changes so far. */
SW_IMPORT(storage_usage) uint64_t storage_usage(void);
/* The chain id (e.g. "localnet"), into a register. */
SW_IMPORT(chain_id) void chain_id(uint64_t register_id);

/* ---- Economics ---- */
/* Writes the account balance (u128 LE) to memory at `balance_ptr`. */
SW_IMPORT(account_balance) void account_balance(uint64_t balance_ptr);
/* Writes the locked (staked) balance (u128 LE) to memory. */
SW_IMPORT(account_locked_balance) void account_locked_balance(uint64_t balance_ptr);
/* Writes the deposit attached to this call (u128 LE) to memory; 0 for a sync callee. */
SW_IMPORT(attached_deposit) void attached_deposit(uint64_t balance_ptr);
/* Gas prepaid for this call (not in view calls). */
SW_IMPORT(prepaid_gas) uint64_t prepaid_gas(void);
/* Gas burnt or reserved so far (not in view calls). */
SW_IMPORT(used_gas) uint64_t used_gas(void);

/* ---- Math and crypto ---- */
/* The block's 32-byte random seed, into a register. */
SW_IMPORT(random_seed) void random_seed(uint64_t register_id);
/* SHA-256 of (value_len, value_ptr), into a register. */
SW_IMPORT(sha256) void sha256(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
/* Keccak-256 (original Keccak padding), into a register. */
SW_IMPORT(keccak256) void keccak256(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
/* Keccak-512, into a register. */
SW_IMPORT(keccak512) void keccak512(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
/* RIPEMD-160, into a register. */
SW_IMPORT(ripemd160) void ripemd160(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
/* secp256k1 key recovery: 1 and the 64-byte public key into a register, or 0. */
SW_IMPORT(ecrecover)
uint64_t ecrecover(uint64_t hash_len, uint64_t hash_ptr, uint64_t sig_len, uint64_t sig_ptr, uint64_t v,
                   uint64_t malleability_flag, uint64_t register_id);
/* 1 if the ed25519 signature of the message verifies under the 32-byte key, else 0. */
SW_IMPORT(ed25519_verify)
uint64_t ed25519_verify(uint64_t sig_len, uint64_t sig_ptr, uint64_t msg_len, uint64_t msg_ptr, uint64_t pub_key_len,
                        uint64_t pub_key_ptr);
/* The curve operations below link but are unsupported in syncwasm: calling them fails. */
SW_IMPORT(p256_verify)
uint64_t p256_verify(uint64_t sig_len, uint64_t sig_ptr, uint64_t msg_len, uint64_t msg_ptr, uint64_t pub_key_len,
                     uint64_t pub_key_ptr);
SW_IMPORT(alt_bn128_g1_multiexp) void alt_bn128_g1_multiexp(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
SW_IMPORT(alt_bn128_g1_sum) void alt_bn128_g1_sum(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
SW_IMPORT(alt_bn128_pairing_check) uint64_t alt_bn128_pairing_check(uint64_t value_len, uint64_t value_ptr);
SW_IMPORT(bls12381_p1_sum) uint64_t bls12381_p1_sum(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
SW_IMPORT(bls12381_p2_sum) uint64_t bls12381_p2_sum(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
SW_IMPORT(bls12381_g1_multiexp)
uint64_t bls12381_g1_multiexp(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
SW_IMPORT(bls12381_g2_multiexp)
uint64_t bls12381_g2_multiexp(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
SW_IMPORT(bls12381_map_fp_to_g1)
uint64_t bls12381_map_fp_to_g1(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
SW_IMPORT(bls12381_map_fp2_to_g2)
uint64_t bls12381_map_fp2_to_g2(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
SW_IMPORT(bls12381_pairing_check) uint64_t bls12381_pairing_check(uint64_t value_len, uint64_t value_ptr);
SW_IMPORT(bls12381_p1_decompress)
uint64_t bls12381_p1_decompress(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
SW_IMPORT(bls12381_p2_decompress)
uint64_t bls12381_p2_decompress(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);

/* ---- Miscellaneous ---- */
/* Sets the call's return value; a later call replaces it. */
SW_IMPORT(value_return) void value_return(uint64_t value_len, uint64_t value_ptr);
/* Aborts the call with GuestPanic "explicit guest panic". */
SW_IMPORT(panic) void panic(void) __attribute__((noreturn));
/* Aborts the call with GuestPanic and a UTF-8 message (len SW_NUL_TERMINATED: C string). */
SW_IMPORT(panic_utf8) void panic_utf8(uint64_t len, uint64_t ptr) __attribute__((noreturn));
/* Appends a UTF-8 log line (len SW_NUL_TERMINATED: C string). */
SW_IMPORT(log_utf8) void log_utf8(uint64_t len, uint64_t ptr);
/* Appends a UTF-16LE log line; `len` counts bytes (SW_NUL_TERMINATED: up to a 0 code unit). */
SW_IMPORT(log_utf16) void log_utf16(uint64_t len, uint64_t ptr);
/* AssemblyScript's abort(msg, file, line, col): logs "ABORT: ..." and panics. Import name "abort". */
SW_IMPORT(abort)
void near_abort(uint32_t msg_ptr, uint32_t filename_ptr, uint32_t line, uint32_t col) __attribute__((noreturn));
/* Legacy metering hook: burns `opcodes` times the regular op cost. */
SW_IMPORT(gas) void gas(uint32_t opcodes);

/* ---- Promises (not in view calls; they become receipts if the call succeeds) ---- */
/* New receipt to `account_id` calling one method; returns the promise index. */
SW_IMPORT(promise_create)
uint64_t promise_create(uint64_t account_id_len, uint64_t account_id_ptr, uint64_t method_name_len,
                        uint64_t method_name_ptr, uint64_t arguments_len, uint64_t arguments_ptr, uint64_t amount_ptr,
                        uint64_t gas_amount);
/* The same, run after promise `promise_index`. */
SW_IMPORT(promise_then)
uint64_t promise_then(uint64_t promise_index, uint64_t account_id_len, uint64_t account_id_ptr, uint64_t method_name_len,
                      uint64_t method_name_ptr, uint64_t arguments_len, uint64_t arguments_ptr, uint64_t amount_ptr,
                      uint64_t gas_amount);
/* A joint promise over an array of u64 promise indices in memory. */
SW_IMPORT(promise_and) uint64_t promise_and(uint64_t promise_idx_ptr, uint64_t promise_idx_count);
/* New empty receipt to `account_id`; add actions with promise_batch_action_*. */
SW_IMPORT(promise_batch_create) uint64_t promise_batch_create(uint64_t account_id_len, uint64_t account_id_ptr);
/* New empty receipt that runs after promise `promise_index`. */
SW_IMPORT(promise_batch_then)
uint64_t promise_batch_then(uint64_t promise_index, uint64_t account_id_len, uint64_t account_id_ptr);
/* Unsupported in syncwasm (refund-to and deterministic state init, PV82+): calling them fails. */
SW_IMPORT(promise_set_refund_to)
void promise_set_refund_to(uint64_t promise_index, uint64_t account_id_len, uint64_t account_id_ptr);
SW_IMPORT(promise_batch_action_state_init)
uint64_t promise_batch_action_state_init(uint64_t promise_index, uint64_t, uint64_t, uint64_t);
SW_IMPORT(promise_batch_action_state_init_by_account_id)
uint64_t promise_batch_action_state_init_by_account_id(uint64_t promise_index, uint64_t, uint64_t, uint64_t);
SW_IMPORT(set_state_init_data_entry)
void set_state_init_data_entry(uint64_t promise_index, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
/* Appends CreateAccount. */
SW_IMPORT(promise_batch_action_create_account) void promise_batch_action_create_account(uint64_t promise_index);
/* Appends DeployContract with the given code. */
SW_IMPORT(promise_batch_action_deploy_contract)
void promise_batch_action_deploy_contract(uint64_t promise_index, uint64_t code_len, uint64_t code_ptr);
/* Appends FunctionCall(method, args, deposit at amount_ptr, gas). */
SW_IMPORT(promise_batch_action_function_call)
void promise_batch_action_function_call(uint64_t promise_index, uint64_t method_name_len, uint64_t method_name_ptr,
                                        uint64_t arguments_len, uint64_t arguments_ptr, uint64_t amount_ptr,
                                        uint64_t gas_amount);
/* The same with a weight for sharing unused gas (recorded only). */
SW_IMPORT(promise_batch_action_function_call_weight)
void promise_batch_action_function_call_weight(uint64_t promise_index, uint64_t method_name_len,
                                               uint64_t method_name_ptr, uint64_t arguments_len,
                                               uint64_t arguments_ptr, uint64_t amount_ptr, uint64_t gas_amount,
                                               uint64_t gas_weight);
/* Appends Transfer(deposit at amount_ptr). */
SW_IMPORT(promise_batch_action_transfer) void promise_batch_action_transfer(uint64_t promise_index, uint64_t amount_ptr);
/* Appends Stake(amount, public key). */
SW_IMPORT(promise_batch_action_stake)
void promise_batch_action_stake(uint64_t promise_index, uint64_t amount_ptr, uint64_t public_key_len,
                                uint64_t public_key_ptr);
/* Appends AddKey with full access. */
SW_IMPORT(promise_batch_action_add_key_with_full_access)
void promise_batch_action_add_key_with_full_access(uint64_t promise_index, uint64_t public_key_len,
                                                   uint64_t public_key_ptr, uint64_t nonce);
/* Appends AddKey limited to calls to `receiver_id` (method names comma-separated). */
SW_IMPORT(promise_batch_action_add_key_with_function_call)
void promise_batch_action_add_key_with_function_call(uint64_t promise_index, uint64_t public_key_len,
                                                     uint64_t public_key_ptr, uint64_t nonce, uint64_t allowance_ptr,
                                                     uint64_t receiver_id_len, uint64_t receiver_id_ptr,
                                                     uint64_t method_names_len, uint64_t method_names_ptr);
/* Appends DeleteKey. */
SW_IMPORT(promise_batch_action_delete_key)
void promise_batch_action_delete_key(uint64_t promise_index, uint64_t public_key_len, uint64_t public_key_ptr);
/* Appends DeleteAccount, sending the balance to the beneficiary. */
SW_IMPORT(promise_batch_action_delete_account)
void promise_batch_action_delete_account(uint64_t promise_index, uint64_t beneficiary_id_len,
                                         uint64_t beneficiary_id_ptr);
/* Unsupported in syncwasm (global contracts, gas keys, yield/resume): calling them fails. */
SW_IMPORT(promise_batch_action_deploy_global_contract)
void promise_batch_action_deploy_global_contract(uint64_t promise_index, uint64_t code_len, uint64_t code_ptr);
SW_IMPORT(promise_batch_action_deploy_global_contract_by_account_id)
void promise_batch_action_deploy_global_contract_by_account_id(uint64_t promise_index, uint64_t code_len,
                                                               uint64_t code_ptr);
SW_IMPORT(promise_batch_action_use_global_contract)
void promise_batch_action_use_global_contract(uint64_t promise_index, uint64_t code_hash_len, uint64_t code_hash_ptr);
SW_IMPORT(promise_batch_action_use_global_contract_by_account_id)
void promise_batch_action_use_global_contract_by_account_id(uint64_t promise_index, uint64_t account_id_len,
                                                            uint64_t account_id_ptr);
SW_IMPORT(promise_batch_action_transfer_to_gas_key)
void promise_batch_action_transfer_to_gas_key(uint64_t promise_index, uint64_t, uint64_t, uint64_t);
SW_IMPORT(promise_batch_action_add_gas_key_with_full_access)
void promise_batch_action_add_gas_key_with_full_access(uint64_t promise_index, uint64_t, uint64_t, uint64_t);
SW_IMPORT(promise_batch_action_add_gas_key_with_function_call)
void promise_batch_action_add_gas_key_with_function_call(uint64_t promise_index, uint64_t, uint64_t, uint64_t,
                                                         uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
SW_IMPORT(promise_yield_create)
uint64_t promise_yield_create(uint64_t method_name_len, uint64_t method_name_ptr, uint64_t arguments_len,
                              uint64_t arguments_ptr, uint64_t gas_amount, uint64_t gas_weight, uint64_t register_id);
SW_IMPORT(promise_yield_resume)
uint32_t promise_yield_resume(uint64_t data_id_len, uint64_t data_id_ptr, uint64_t payload_len, uint64_t payload_ptr);
SW_IMPORT(promise_yield_create_with_id)
uint64_t promise_yield_create_with_id(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t,
                                      uint64_t);
SW_IMPORT(promise_yield_resume_with_yield_id)
uint32_t promise_yield_resume_with_yield_id(uint64_t, uint64_t, uint64_t, uint64_t);
/* Number of promise results this call (a callback) receives. */
SW_IMPORT(promise_results_count) uint64_t promise_results_count(void);
/* 1 and the data of result `result_idx` into a register, or 2 if that promise failed. */
SW_IMPORT(promise_result) uint64_t promise_result(uint64_t result_idx, uint64_t register_id);
/* Makes the call's result that of promise `promise_index`. */
SW_IMPORT(promise_return) void promise_return(uint64_t promise_index);

/* ---- Storage (scoped to the current account and namespace) ---- */
/* Writes key = value; 1 and the old value into a register if the key existed, else 0. */
SW_IMPORT(storage_write)
uint64_t storage_write(uint64_t key_len, uint64_t key_ptr, uint64_t value_len, uint64_t value_ptr,
                       uint64_t register_id);
/* 1 and the value into a register, or 0 if the key is absent. */
SW_IMPORT(storage_read) uint64_t storage_read(uint64_t key_len, uint64_t key_ptr, uint64_t register_id);
/* Removes a key; 1 and the old value into a register, or 0 if it was absent. */
SW_IMPORT(storage_remove) uint64_t storage_remove(uint64_t key_len, uint64_t key_ptr, uint64_t register_id);
/* 1 if the key exists, else 0. */
SW_IMPORT(storage_has_key) uint64_t storage_has_key(uint64_t key_len, uint64_t key_ptr);
/* Storage iterators: deprecated, removed from the protocol; calling them fails. */
SW_IMPORT(storage_iter_prefix) uint64_t storage_iter_prefix(uint64_t prefix_len, uint64_t prefix_ptr);
SW_IMPORT(storage_iter_range)
uint64_t storage_iter_range(uint64_t start_len, uint64_t start_ptr, uint64_t end_len, uint64_t end_ptr);
SW_IMPORT(storage_iter_next)
uint64_t storage_iter_next(uint64_t iterator_id, uint64_t key_register_id, uint64_t value_register_id);

/* ---- Validators ---- */
/* Writes an account's validator stake (u128 LE, 0 if none) to memory at `stake_ptr`. */
SW_IMPORT(validator_stake) void validator_stake(uint64_t account_id_len, uint64_t account_id_ptr, uint64_t stake_ptr);
/* Writes the total validator stake (u128 LE) to memory. */
SW_IMPORT(validator_total_stake) void validator_total_stake(uint64_t stake_ptr);

/* ---- NEP-480 namespaces ---- */
/* The namespace this code runs in ("" = the default one), into a register. */
SW_IMPORT(current_namespace) void current_namespace(uint64_t register_id);
/* The calling namespace (of the predecessor account), into a register; not in view calls. */
SW_IMPORT(predecessor_namespace) void predecessor_namespace(uint64_t register_id);
/* Bytes used by one namespace of this account: the sum of key + value + 40 over its records. */
SW_IMPORT(namespace_storage_usage) uint64_t namespace_storage_usage(uint64_t ns_len, uint64_t ns_ptr);

/* ---- NEP-481 synchronous calls: caller side ---- */
/* Runs `method` of namespace `ns` of this account now, with `args` as its input and at most
 * `gas_limit` gas; returns an SW_SYNC_* status, the result (or yielded data, or an error message)
 * lands in `register_id`. The callee has every capability. */
SW_IMPORT(sync_function_call)
uint64_t sync_function_call(uint64_t ns_len, uint64_t ns_ptr, uint64_t method_len, uint64_t method_ptr,
                            uint64_t args_len, uint64_t args_ptr, uint64_t gas_limit, uint64_t register_id);
/* The same, granting the callee only the SW_CAP_* classes in `allowed_capabilities` (checked
 * against its imports before it runs). */
SW_IMPORT(sync_function_call_restricted)
uint64_t sync_function_call_restricted(uint64_t ns_len, uint64_t ns_ptr, uint64_t method_len, uint64_t method_ptr,
                                       uint64_t args_len, uint64_t args_ptr, uint64_t gas_limit,
                                       uint64_t allowed_capabilities, uint64_t register_id);
/* Answers a callee of namespace `ns` that yielded (status SW_SYNC_CALLBACK) with `data`; returns
 * the next status, with data in `register_id` as for sync_function_call. */
SW_IMPORT(resume_sync_call)
uint64_t resume_sync_call(uint64_t ns_len, uint64_t ns_ptr, uint64_t data_len, uint64_t data_ptr, uint64_t register_id);
/* ---- NEP-481: the callee's exchange with its caller ---- */
/* Yields `data` to the caller and suspends; when the caller resumes, its response is in
 * `register_id` and this returns. Fails outside a synchronous call. */
SW_IMPORT(callback) void callback(uint64_t data_len, uint64_t data_ptr, uint64_t register_id);

/* ---- Submodules (the v1 ABI): caller side and account actions ---- */
/* Starts submodule `key`'s `main` (no input) with a gas limit; status and data as above. */
SW_IMPORT(start_submodule)
uint64_t start_submodule(uint64_t key_len, uint64_t key_ptr, uint64_t gas_limit, uint64_t register_id);
/* Resumes a submodule that yielded; its get_input() then returns `data`. */
SW_IMPORT(resume_submodule)
uint64_t resume_submodule(uint64_t key_len, uint64_t key_ptr, uint64_t data_len, uint64_t data_ptr,
                          uint64_t register_id);
/* Queues deploying `code` as submodule `key` of this account (applied if the call succeeds). */
SW_IMPORT(deploy_submodule)
void deploy_submodule(uint64_t key_len, uint64_t key_ptr, uint64_t code_len, uint64_t code_ptr);
/* Queues removing submodule `key`. */
SW_IMPORT(remove_submodule) void remove_submodule(uint64_t key_len, uint64_t key_ptr);
/* What a submodule itself imports (callback(len, ptr), get_input_size, get_input, return_value)
 * is declared in <syncwasm/submodule.h>. */

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* SYNCWASM_NEAR_H */
