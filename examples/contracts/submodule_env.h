/* The v1 submodule ABI (NEP-481's first design): the only imports a submodule may have. */
#pragma once
#include <stdint.h>

#define SUBMODULE_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))
/* Yields `len` bytes to the parent and waits to be resumed. */
SUBMODULE_IMPORT(callback) void callback(uint64_t len, uint64_t ptr);
/* The data of the last resume. */
SUBMODULE_IMPORT(get_input_size) uint64_t get_input_size(void);
SUBMODULE_IMPORT(get_input) void get_input(uint64_t ptr);
SUBMODULE_IMPORT(return_value) void return_value(uint64_t len, uint64_t ptr);

#define P(x) ((uint64_t)(uintptr_t)(x))
