/* The NEAR host functions a C contract imports (module "env"), with nearcore's signatures. */
#pragma once
#include <stdint.h>

#define NEAR_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))

NEAR_IMPORT(read_register) void read_register(uint64_t register_id, uint64_t ptr);
NEAR_IMPORT(register_len) uint64_t register_len(uint64_t register_id);
NEAR_IMPORT(input) void input(uint64_t register_id);
NEAR_IMPORT(predecessor_account_id) void predecessor_account_id(uint64_t register_id);
NEAR_IMPORT(storage_write) uint64_t storage_write(uint64_t key_len, uint64_t key_ptr, uint64_t value_len,
                                                  uint64_t value_ptr, uint64_t register_id);
NEAR_IMPORT(storage_read) uint64_t storage_read(uint64_t key_len, uint64_t key_ptr, uint64_t register_id);
NEAR_IMPORT(storage_has_key) uint64_t storage_has_key(uint64_t key_len, uint64_t key_ptr);
NEAR_IMPORT(value_return) void value_return(uint64_t value_len, uint64_t value_ptr);
NEAR_IMPORT(log_utf8) void log_utf8(uint64_t len, uint64_t ptr);
NEAR_IMPORT(panic_utf8) void panic_utf8(uint64_t len, uint64_t ptr);
NEAR_IMPORT(sha256) void sha256(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
NEAR_IMPORT(keccak256) void keccak256(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
NEAR_IMPORT(keccak512) void keccak512(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);
NEAR_IMPORT(ripemd160) void ripemd160(uint64_t value_len, uint64_t value_ptr, uint64_t register_id);

#define NEAR_EXPORT(name) __attribute__((export_name(#name)))
