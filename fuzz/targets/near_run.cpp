// near_run: the bytes as a NEAR contract through near::run_method (preparation, linking against the
// host API, metered execution), method = the first exported function, with a small amount of gas.
// Afterwards the outcome is rendered as `syncwasm exec --json` would. Every failure must be an
// outcome (FunctionCallError), never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "near/outcome_json.h"
#include "near/runner.h"

using namespace syncwasm;

namespace {

// Contract bytes end with a 1-byte "selector": its low bits pick the method (the n-th function
// export) so one input can reach more than the first export. Without exports, "main" is tried.
std::string pick_method(std::span<const uint8_t> code, uint8_t selector) {
  auto module = Module::compile(code, near::engine_config(near::Params{}));
  if (!module) return "main";
  std::vector<std::string> names;
  for (const ExportDesc& e : (*module)->exports())
    if (e.kind == ExternKind::func) names.push_back(e.name);
  if (names.empty()) return "main";
  return names[selector % names.size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::span<const uint8_t> code(data, size - 1);
  uint8_t selector = data[size - 1];

  near::Params p;
  // 50x the wasm costs: the same gas buys 50x fewer instructions, so a looping contract takes ~120k
  // instructions to exhaust 5 Tgas while host functions keep their real prices.
  p.wasm.regular_op_cost *= 50;
  p.wasm.linear_op_unit_cost *= 50;
  near::VMContext ctx;
  ctx.prepaid_gas = 5'000'000'000'000ull;
  ctx.input = {'{', '}'};
  ctx.is_view = selector & 0x80;
  near::MemoryExternal ext;
  near::ContractCache cache;  // fresh per input: a shared one would only grow
  std::string method = pick_method(code, selector & 0x7f);
  near::VMOutcome o = near::run_method(code, method, ctx, p, ext, cache);
  if (o.burnt_gas > o.used_gas || o.used_gas > ctx.prepaid_gas) std::abort();
  (void)near::outcome_json(o).dump();
  return 0;
}
