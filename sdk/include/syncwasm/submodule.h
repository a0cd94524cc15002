/* syncwasm contract SDK: the v1 submodule ABI (NEP-481's first design).
 *
 * A submodule is stateless wasm stored under a key of an account and run by its parent with
 * start_submodule / resume_submodule. It may import exactly these four functions from "env" and
 * nothing else (no registers, no storage, no logs: ask the parent through callbacks instead). Its
 * entry point is the export `main`, of type [] -> []:
 *
 *   SW_EXPORT(main) void run(void) { ... sw_submodule_return_value(len, ptr); }
 *
 * (Do not name the C function `main` itself: clang treats that specially.) A submodule gets no
 * input at start; the data of each resume is read with sw_submodule_get_input*. It may define its
 * own memory (wasm-ld does) of at most 2,048 pages.
 *
 * The C names carry an sw_submodule_ prefix; the import names are the ABI's. Do not include
 * <syncwasm/near.h> in a submodule: its `callback` has the namespace signature. */
#ifndef SYNCWASM_SUBMODULE_H
#define SYNCWASM_SUBMODULE_H

#include <stdint.h>

#include "freestanding.h"

#ifndef SW_EXPORT
#define SW_EXPORT(name) __attribute__((export_name(#name)))
#endif
#ifndef SW_PTR
#define SW_PTR(p) ((uint64_t)(uintptr_t)(p))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Yields (len, ptr) from memory to the parent, whose pending start/resume returns status 1 with it,
 * and suspends until the parent resumes; then returns. Import "callback" (i64, i64). */
__attribute__((import_module("env"), import_name("callback"))) void sw_submodule_callback(uint64_t len, uint64_t ptr);
/* Size of the data the last resume passed (0 before the first resume). */
__attribute__((import_module("env"), import_name("get_input_size"))) uint64_t sw_submodule_get_input_size(void);
/* Copies the data of the last resume to memory at `ptr`. */
__attribute__((import_module("env"), import_name("get_input"))) void sw_submodule_get_input(uint64_t ptr);
/* Sets the submodule's result, returned to the parent with status 0 when `main` ends. */
__attribute__((import_module("env"), import_name("return_value"))) void sw_submodule_return_value(uint64_t len,
                                                                                                uint64_t ptr);

/* Yields `data` and, once resumed, copies the response into buf (cap bytes). Returns the
 * response's full length; if it is larger than cap, nothing is copied. */
static inline uint64_t sw_submodule_ask(const void* data, uint64_t len, void* buf, uint64_t cap) {
  sw_submodule_callback(len, SW_PTR(data));
  uint64_t n = sw_submodule_get_input_size();
  if (n <= cap) sw_submodule_get_input(SW_PTR(buf));
  return n;
}

/* Returns the C string s as the submodule's result. */
static inline void sw_submodule_return_str(const char* s) { sw_submodule_return_value(sw_strlen(s), SW_PTR(s)); }

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* SYNCWASM_SUBMODULE_H */
