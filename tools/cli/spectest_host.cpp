#include "spectest_host.h"

#include <string>
#include <utility>
#include <vector>

namespace syncwasm::cli {

void define_spectest_module(Store& store, Imports& imports) {
  auto function = [&](const char* name, std::vector<ValType> params) {
    HostFn ignore_args = [](HostCall&) { return HostResult::ok(); };
    imports.define("spectest", name, store.host_function(FuncType{std::move(params), {}}, std::move(ignore_args)));
  };
  function("print", {});
  function("print_i32", {ValType::i32});
  function("print_i64", {ValType::i64});
  function("print_f32", {ValType::f32});
  function("print_f64", {ValType::f64});
  function("print_i32_f32", {ValType::i32, ValType::f32});
  function("print_f64_f64", {ValType::f64, ValType::f64});

  imports.define("spectest", "global_i32", store.new_global(ValType::i32, false, Value::i32(666)));
  imports.define("spectest", "global_i64", store.new_global(ValType::i64, false, Value::i64(666)));
  imports.define("spectest", "global_f32", store.new_global(ValType::f32, false, Value::f32(666.6f)));
  imports.define("spectest", "global_f64", store.new_global(ValType::f64, false, Value::f64(666.6)));
  imports.define("spectest", "table", store.new_table(ValType::funcref, Limits{10, 20}));
  imports.define("spectest", "memory", store.new_memory(Limits{1, 2}));
}

}  // namespace syncwasm::cli
