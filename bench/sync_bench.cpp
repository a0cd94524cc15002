// Costs that the synchronous-call fees are derived from, measured against a baseline in the same
// process: one metered wasm instruction (regular_op_cost's unit). Reported per operation in ns;
// docs/gas.md turns them into gas as (ns / ns_per_instruction) * regular_op_cost.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "near/call.h"
#include "near/runner.h"
#include "sync/run.h"

using namespace syncwasm;

static std::vector<uint8_t> wat(const std::string& text) {
  char dir[] = "/tmp/syncwasm-bench-XXXXXX";
  if (!mkdtemp(dir)) std::abort();
  std::string in = std::string(dir) + "/m.wat", out = std::string(dir) + "/m.wasm";
  std::ofstream(in) << text;
  if (std::system((std::string(WAT2WASM_PATH) + " " + in + " -o " + out).c_str()) != 0) std::abort();
  std::ifstream f(out, std::ios::binary);
  std::vector<uint8_t> b((std::istreambuf_iterator<char>(f)), {});
  std::remove(in.c_str());
  std::remove(out.c_str());
  std::remove(dir);
  return b;
}

// Baseline: a metered loop of 6 instructions per iteration (loop, local.get, i32.const, i32.sub,
// local.tee, br_if), run under NEAR's engine configuration.
static void BM_MeteredInstruction(benchmark::State& state) {
  near::Params p;
  auto m = Module::compile(wat(R"((module (func (export "f") (param i32)
    (loop (br_if 0 (local.tee 0 (i32.sub (local.get 0) (i32.const 1))))))))"), near::engine_config(p));
  Store store(near::engine_config(p));
  auto inst = store.instantiate(**m, {});
  Extern f = *inst->get_export("f");
  const int32_t iters = 1'000'000;
  for (auto _ : state) {
    auto ex = *store.start(f, std::vector<Value>{Value::i32(iters)});
    ex->set_fuel(UINT64_MAX);
    benchmark::DoNotOptimize(ex->run());
  }
  state.SetItemsProcessed(state.iterations() * iters * 6);
}
BENCHMARK(BM_MeteredInstruction)->Unit(benchmark::kMillisecond);

// Starting a callee whose prepared code is cached: a contract call's setup (linking, instantiation
// with NEAR's 1,024-page memory) and an empty method.
static void BM_CalleeStart(benchmark::State& state) {
  near::Params p;
  near::ContractCache cache;
  near::MemoryExternal ext;
  auto code = wat(R"((module (import "env" "value_return" (func (param i64 i64))) (memory 1) (func (export "main"))))");
  auto prepared = *cache.get(code, p);
  near::VMContext ctx;
  for (auto _ : state) {
    near::OverlayExternal overlay(ext);
    near::ContractCall call(ctx, p, overlay, prepared, {false, near::kAllCapabilities, nullptr, true});
    benchmark::DoNotOptimize(call.setup());
    benchmark::DoNotOptimize(call.begin("main").kind);
  }
}
BENCHMARK(BM_CalleeStart)->Unit(benchmark::kMicrosecond);

// A callback + resume round trip through the whole stack: the driver's resume_sync_call host call,
// the sync layer, the callee's callback host call and the engine's suspend/resume.
static std::vector<uint8_t> driver_script(int resumes) {
  std::vector<uint8_t> s;
  auto op = [&s](uint8_t o, const std::string& name, const std::string& method, std::vector<uint8_t> data) {
    s.push_back(o);
    s.push_back(uint8_t(name.size()));
    s.insert(s.end(), name.begin(), name.end());
    s.push_back(uint8_t(method.size()));
    s.insert(s.end(), method.begin(), method.end());
    for (int i = 0; i < 4; ++i) s.push_back(uint8_t(data.size() >> (8 * i)));
    s.insert(s.end(), data.begin(), data.end());
    for (int i = 0; i < 8; ++i) s.push_back(i == 6 ? 1 : 0);  // gas limit 2^48
    for (int i = 0; i < 4; ++i) s.push_back(0);
  };
  op(1, "p", "pingpong", {});
  for (int i = 0; i < resumes; ++i) op(2, "p", "", {1, 0, 0, 0, 0, 0, 0, 0});
  return s;
}

static void BM_SyncRoundTrip(benchmark::State& state) {
  near::Params p;
  near::ContractCache cache;
  std::ifstream f(DRIVER_WASM, std::ios::binary);
  std::vector<uint8_t> driver((std::istreambuf_iterator<char>(f)), {});
  sync::MapCodeSource source;
  source.namespaces["p"] = wat(R"((module
    (import "env" "callback" (func $cb (param i64 i64 i64))) (memory 1)
    (func (export "pingpong") (loop (call $cb (i64.const 8) (i64.const 0) (i64.const 3)) (br 0)))))");
  const int n = int(state.range(0));
  near::VMContext ctx;
  ctx.prepaid_gas = 1'000'000'000'000'000ull;
  ctx.input = driver_script(n);
  for (auto _ : state) {
    near::MemoryExternal ext;
    auto o = sync::run_method(driver, "run", ctx, p, ext, cache, source);
    if (o.aborted) state.SkipWithError(o.aborted->to_string().c_str());
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_SyncRoundTrip)->Arg(0)->Arg(1000)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
