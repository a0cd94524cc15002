// sync_script: synchronous calls (src/sync) driven by a fuzzed script. The caller is the sync tests'
// driver contract (tests/sync/contracts/driver.c): the fuzzer input is its input, a sequence of
//   op:u8 name_len:u8 name method_len:u8 method data_len:u32 data gas:u64 caps:u32
// (1 sync_function_call, 2 resume_sync_call, 3 start_submodule, 4 resume_submodule,
//  5 sync_function_call_restricted, 6 storage_write, 7 storage_read, 8 log).
// The account has namespaces "a" (fuzz/sync/callee_a.wat) and "b" (callee_b.wat, nested calls) and
// submodule "s" (sub_s.wat); all three are embedded at build time. Every outcome must be a status
// code or a FunctionCallError, and a failed call must leave the storage untouched.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "callee_a.h"
#include "callee_b.h"
#include "driver.h"
#include "near/outcome_json.h"
#include "sub_s.h"
#include "sync/run.h"

using namespace syncwasm;

namespace {

near::Bytes bytes_of(const unsigned char* p, size_t n) { return near::Bytes(p, p + n); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const near::Bytes driver = bytes_of(::driver, sizeof ::driver);
  static sync::MapCodeSource code = [] {
    sync::MapCodeSource c;
    c.namespaces["a"] = bytes_of(callee_a, sizeof callee_a);
    c.namespaces["b"] = bytes_of(callee_b, sizeof callee_b);
    c.submodules["s"] = bytes_of(sub_s, sizeof sub_s);
    return c;
  }();
  // The prepared contracts depend only on the code and the parameters: one cache for the process.
  static near::ContractCache cache;
  static const near::Params params = [] {
    near::Params p;
    p.wasm.regular_op_cost *= 100;  // fewer instructions per gas: a "burn" ends after ~250k of them
    p.wasm.linear_op_unit_cost *= 100;
    p.limit.max_sync_call_depth = 2;  // let b's nested calls go one level deeper than the default
    return p;
  }();

  near::VMContext ctx;
  ctx.current_account_id = "engine.near";
  ctx.prepaid_gas = 20'000'000'000'000ull;
  ctx.input.assign(data, data + size);
  near::MemoryExternal ext;
  ext.storage_set({"engine.near", "a"}, {'k'}, {'o', 'l', 'd'});
  near::VMOutcome o = sync::run_method(driver, "run", ctx, params, ext, cache, code);
  if (o.burnt_gas > o.used_gas || o.used_gas > ctx.prepaid_gas) std::abort();
  if (o.aborted) {
    // A failed call commits nothing: only the record set up above is there.
    if (ext.data.size() != 1) std::abort();
  }
  (void)near::outcome_json(o).dump();
  return 0;
}
