// The "spectest" host module that the WebAssembly spec test scripts import from.
#pragma once

#include "syncwasm/engine.h"

namespace syncwasm::cli {

// Creates the spectest functions, globals, table and memory in `store` and defines them in
// `imports` under the module name "spectest":
//   print, print_i32, print_i64, print_f32, print_f64, print_i32_f32, print_f64_f64 (no results,
//   print nothing), global_i32 = 666, global_i64 = 666, global_f32 = 666.6, global_f64 = 666.6
//   (immutable), table (funcref, 10..20), memory (1..2 pages).
void define_spectest_module(Store& store, Imports& imports);

}  // namespace syncwasm::cli
