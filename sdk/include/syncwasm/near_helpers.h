/* syncwasm contract SDK: small helpers over the raw host API of <syncwasm/near.h>.
 *
 * Everything is static inline C over caller-provided buffers (no allocation). Helpers that need a
 * register to move data out of the host use SW_SCRATCH_REGISTER (define it before including to
 * pick another id) and read it at once, so it never holds anything worth keeping.
 *
 * Strings are C strings (NUL-terminated) unless a length is passed. Lengths that may be absent use
 * SW_NONE (u64::MAX). Helpers that copy host data into a buffer panic ("... too large") if it
 * does not fit, rather than truncating it. */
#ifndef SYNCWASM_NEAR_HELPERS_H
#define SYNCWASM_NEAR_HELPERS_H

#include "freestanding.h"
#include "near.h"

#ifndef SW_SCRATCH_REGISTER
#define SW_SCRATCH_REGISTER (UINT64_MAX - 1)
#endif
/* "no value": an absent storage key, an unset register. */
#define SW_NONE UINT64_MAX
/* A gas limit for sync calls: the callee may use whatever the caller has left. */
#define SW_GAS_ALL UINT64_MAX

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Output, logs, panics ---- */

__attribute__((noreturn)) static inline void sw_panic_str(const char* msg) { panic_utf8(sw_strlen(msg), SW_PTR(msg)); }

static inline void sw_log_bytes(const void* p, uint64_t n) { log_utf8(n, SW_PTR(p)); }
static inline void sw_log_str(const char* s) { log_utf8(sw_strlen(s), SW_PTR(s)); }

static inline void sw_return_bytes(const void* p, uint64_t n) { value_return(n, SW_PTR(p)); }
static inline void sw_return_str(const char* s) { value_return(sw_strlen(s), SW_PTR(s)); }
/* Returns v as decimal text. */
static inline void sw_return_u64_dec(uint64_t v) {
  char buf[20];
  value_return(sw_u64_to_dec(v, buf), SW_PTR(buf));
}

/* ---- Registers and input ---- */

/* Copies register `reg` into buf (cap bytes) and returns its length; SW_NONE if it is unset.
 * Panics if it is larger than cap. */
static inline uint64_t sw_register_read(uint64_t reg, void* buf, uint64_t cap) {
  uint64_t n = register_len(reg);
  if (n == SW_NONE) return SW_NONE;
  if (n > cap) sw_panic_str("register too large");
  if (n) read_register(reg, SW_PTR(buf));
  return n;
}

/* Copies the call's input into buf (cap bytes) and returns its length; panics if it does not fit. */
static inline uint64_t sw_input(void* buf, uint64_t cap) {
  input(SW_SCRATCH_REGISTER);
  uint64_t n = register_len(SW_SCRATCH_REGISTER);
  if (n > cap) sw_panic_str("input too large");
  if (n) read_register(SW_SCRATCH_REGISTER, SW_PTR(buf));
  return n;
}

/* ---- Context ---- */

/* Each copies an id into buf (cap bytes) and returns its length. */
static inline uint64_t sw_current_account_id(void* buf, uint64_t cap) {
  current_account_id(SW_SCRATCH_REGISTER);
  return sw_register_read(SW_SCRATCH_REGISTER, buf, cap);
}
static inline uint64_t sw_predecessor_account_id(void* buf, uint64_t cap) {
  predecessor_account_id(SW_SCRATCH_REGISTER);
  return sw_register_read(SW_SCRATCH_REGISTER, buf, cap);
}
static inline uint64_t sw_signer_account_id(void* buf, uint64_t cap) {
  signer_account_id(SW_SCRATCH_REGISTER);
  return sw_register_read(SW_SCRATCH_REGISTER, buf, cap);
}
/* The namespace this code runs in; length 0 for the default namespace. */
static inline uint64_t sw_current_namespace(void* buf, uint64_t cap) {
  current_namespace(SW_SCRATCH_REGISTER);
  return sw_register_read(SW_SCRATCH_REGISTER, buf, cap);
}
/* The caller's namespace (not in view calls). */
static inline uint64_t sw_predecessor_namespace(void* buf, uint64_t cap) {
  predecessor_namespace(SW_SCRATCH_REGISTER);
  return sw_register_read(SW_SCRATCH_REGISTER, buf, cap);
}

/* ---- Storage (this account's current namespace) ---- */

/* Sets key = value; returns 1 if it replaced a value, 0 if the key was new. */
static inline int sw_storage_write(const void* key, uint64_t key_len, const void* value, uint64_t value_len) {
  return storage_write(key_len, SW_PTR(key), value_len, SW_PTR(value), SW_SCRATCH_REGISTER) == 1;
}
/* Copies the value of key into buf (cap bytes) and returns its length, or SW_NONE if the key is
 * absent; panics if the value is larger than cap. */
static inline uint64_t sw_storage_read(const void* key, uint64_t key_len, void* buf, uint64_t cap) {
  if (!storage_read(key_len, SW_PTR(key), SW_SCRATCH_REGISTER)) return SW_NONE;
  return sw_register_read(SW_SCRATCH_REGISTER, buf, cap);
}
static inline int sw_storage_has(const void* key, uint64_t key_len) { return storage_has_key(key_len, SW_PTR(key)) == 1; }
/* Removes key; returns 1 if it existed. */
static inline int sw_storage_remove(const void* key, uint64_t key_len) {
  return storage_remove(key_len, SW_PTR(key), SW_SCRATCH_REGISTER) == 1;
}
/* A u64 stored as 8 little-endian bytes; `fallback` if the key is absent. Panics on another size. */
static inline uint64_t sw_storage_read_u64(const void* key, uint64_t key_len, uint64_t fallback) {
  uint8_t b[8];
  uint64_t n = sw_storage_read(key, key_len, b, sizeof b);
  if (n == SW_NONE) return fallback;
  if (n != 8) sw_panic_str("stored value is not a u64");
  return sw_u64_le(b);
}
static inline int sw_storage_write_u64(const void* key, uint64_t key_len, uint64_t v) {
  uint8_t b[8];
  sw_put_u64_le(b, v);
  return sw_storage_write(key, key_len, b, sizeof b);
}

/* ---- Synchronous calls (NEP-481), caller side ---- */
/* Each returns an SW_SYNC_* status and leaves the callee's result (status 0), yielded data
 * (status 1) or error message (other statuses) in register `out_reg`; read it with
 * sw_register_read. A `gas` of SW_GAS_ALL lets the callee use all the gas the caller has left. */

/* Calls `method` of namespace `ns` ("" = default) of this account with `args` as its input. */
static inline uint64_t sw_sync_call(const char* ns, const char* method, const void* args, uint64_t args_len,
                                    uint64_t gas, uint64_t out_reg) {
  return sync_function_call(sw_strlen(ns), SW_PTR(ns), sw_strlen(method), SW_PTR(method), args_len, SW_PTR(args), gas,
                            out_reg);
}
/* The same, granting the callee only the SW_CAP_* bits in `caps` (core is always granted). */
static inline uint64_t sw_sync_call_restricted(const char* ns, const char* method, const void* args,
                                               uint64_t args_len, uint64_t gas, uint64_t caps, uint64_t out_reg) {
  return sync_function_call_restricted(sw_strlen(ns), SW_PTR(ns), sw_strlen(method), SW_PTR(method), args_len,
                                       SW_PTR(args), gas, caps, out_reg);
}
/* Answers the callee of namespace `ns` that yielded (status SW_SYNC_CALLBACK) with `data`. */
static inline uint64_t sw_sync_resume(const char* ns, const void* data, uint64_t data_len, uint64_t out_reg) {
  return resume_sync_call(sw_strlen(ns), SW_PTR(ns), data_len, SW_PTR(data), out_reg);
}
/* Starts submodule `key` (its `main`, without input). */
static inline uint64_t sw_start_submodule(const char* key, uint64_t gas, uint64_t out_reg) {
  return start_submodule(sw_strlen(key), SW_PTR(key), gas, out_reg);
}
/* Resumes submodule `key` with `data` (what its get_input returns next). */
static inline uint64_t sw_resume_submodule(const char* key, const void* data, uint64_t data_len, uint64_t out_reg) {
  return resume_submodule(sw_strlen(key), SW_PTR(key), data_len, SW_PTR(data), out_reg);
}

/* ---- Synchronous calls, callee side (a namespace called by sync_function_call) ---- */

/* Yields `data` to the caller and suspends; once resumed, copies the caller's response into buf
 * (cap bytes) and returns its length (panics if it does not fit). Fails outside a sync call. */
static inline uint64_t sw_sync_yield(const void* data, uint64_t len, void* buf, uint64_t cap) {
  callback(len, SW_PTR(data), SW_SCRATCH_REGISTER);
  uint64_t n = sw_register_read(SW_SCRATCH_REGISTER, buf, cap);
  return n == SW_NONE ? 0 : n;
}

/* The name of a status code, e.g. "NotFound" (for logs and messages). */
static inline const char* sw_sync_status_name(uint64_t status) {
  switch (status) {
    case SW_SYNC_SUCCESS: return "Success";
    case SW_SYNC_CALLBACK: return "Callback";
    case SW_SYNC_ALREADY_STARTED: return "AlreadyStarted";
    case SW_SYNC_NOT_FOUND: return "NotFound";
    case SW_SYNC_METHOD_NOT_FOUND: return "MethodNotFound";
    case SW_SYNC_OUT_OF_GAS: return "OutOfGas";
    case SW_SYNC_NOT_STARTED: return "NotStarted";
    case SW_SYNC_WASM_TRAP: return "WasmTrap";
    case SW_SYNC_CAPABILITY_DENIED: return "CapabilityDenied";
    case SW_SYNC_DEPTH_EXCEEDED: return "DepthExceeded";
    case SW_SYNC_TOO_MANY_CALLEES: return "TooManyCallees";
    default: return "Unknown";
  }
}

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* SYNCWASM_NEAR_HELPERS_H */
