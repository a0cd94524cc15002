// Costs that the synchronous-call fees are derived from, measured against a baseline in the same
// process: one metered wasm instruction (regular_op_cost's unit). Reported per operation in ns;
// docs/gas.md turns them into gas as (ns / ns_per_instruction) * regular_op_cost.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <unistd.h>
#include <iterator>

#include "contracts/driver_script.h"
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

// The memory a suspended callee holds: 1,000 callees of a contract that touched one page of its
// memory and yielded, all alive at once; resident memory (RSS) growth per callee. Each holds its
// Logic, instance, engine stacks and the touched pages of its NEAR-normalized 64 MiB memory
// reservation (virtual until touched). One iteration: freed heap memory is kept by the allocator, so
// a second one would only count the new mappings.
static size_t resident_bytes() {
  std::ifstream f("/proc/self/statm");
  size_t size = 0, resident = 0;
  f >> size >> resident;
  return resident * size_t(sysconf(_SC_PAGESIZE));
}
static void BM_SuspendedCalleeMemory(benchmark::State& state) {
  near::Params p;
  near::ContractCache cache;
  near::MemoryExternal ext;
  auto code = wat(R"((module (import "env" "callback" (func $cb (param i64 i64 i64))) (memory 1)
    (func (export "main") (i64.store (i32.const 0) (i64.const 7)) (call $cb (i64.const 8) (i64.const 0) (i64.const 3)))))");
  auto prepared = *cache.get(code, p);
  near::VMContext ctx;
  const int n = 1000;
  for (auto _ : state) {
    std::vector<std::unique_ptr<near::ContractCall>> calls;
    size_t before = resident_bytes();
    for (int i = 0; i < n; ++i) {
      calls.push_back(std::make_unique<near::ContractCall>(ctx, p, ext, prepared,
                                                           near::CallOptions{false, near::kAllCapabilities, nullptr, true}));
      if (calls.back()->setup() || calls.back()->begin("main").kind != near::StepKind::yielded) std::abort();
    }
    state.counters["bytes_per_suspended_callee"] = double(resident_bytes() - before) / n;
  }
}
BENCHMARK(BM_SuspendedCalleeMemory)->Iterations(1)->Unit(benchmark::kMillisecond);

// A callback + resume round trip through the whole stack: the driver's resume_sync_call host call,
// the sync layer, the callee's callback host call and the engine's suspend/resume.
// The callee of the round trips: namespace "p", whose `pingpong` yields 8 bytes forever.
static std::vector<uint8_t> pingpong_callee() {
  return wat(R"((module
    (import "env" "callback" (func $cb (param i64 i64 i64))) (memory 1)
    (func (export "pingpong") (loop (call $cb (i64.const 8) (i64.const 0) (i64.const 3)) (br 0)))))");
}

static std::vector<uint8_t> driver_script(int resumes) {
  driver::Script s(uint64_t(1) << 48);
  s.op(driver::kStart, "p", "pingpong");
  for (int i = 0; i < resumes; ++i) s.op(driver::kResume, "p", "", driver::u64_bytes(1));
  return s.bytes;
}

static void BM_SyncRoundTrip(benchmark::State& state) {
  near::Params p;
  near::ContractCache cache;
  std::ifstream f(DRIVER_WASM, std::ios::binary);
  std::vector<uint8_t> driver((std::istreambuf_iterator<char>(f)), {});
  sync::MapCodeSource source;
  source.namespaces["p"] = pingpong_callee();
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

// The same round trip with a minimal caller: a wasm loop that only calls resume_sync_call, so the
// time is the runtime's (host calls, gas, registers, sync layer, suspend/resume), not the driver's.
static void BM_SyncRoundTripMinimal(benchmark::State& state) {
  near::Params p;
  near::ContractCache cache;
  auto caller = wat(R"((module
    (import "env" "sync_function_call" (func $call (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
    (import "env" "resume_sync_call" (func $resume (param i64 i64 i64 i64 i64) (result i64)))
    (import "env" "input" (func $input (param i64)))
    (import "env" "read_register" (func $read_register (param i64 i64)))
    (memory 1) (data (i32.const 0) "p") (data (i32.const 8) "pingpong")
    (func (export "run") (local $n i64)
      (call $input (i64.const 0)) (call $read_register (i64.const 0) (i64.const 32))
      (local.set $n (i64.load (i32.const 32)))
      (drop (call $call (i64.const 1) (i64.const 0) (i64.const 8) (i64.const 8) (i64.const 0) (i64.const 0)
                        (i64.const 0x1000000000000) (i64.const 3)))
      (block $done (loop $more
        (br_if $done (i64.eqz (local.get $n)))
        (drop (call $resume (i64.const 1) (i64.const 0) (i64.const 8) (i64.const 32) (i64.const 3)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $more))))))");
  sync::MapCodeSource source;
  source.namespaces["p"] = pingpong_callee();
  const uint64_t n = uint64_t(state.range(0));
  near::VMContext ctx;
  ctx.prepaid_gas = 1'000'000'000'000'000ull;
  for (int i = 0; i < 8; ++i) ctx.input.push_back(uint8_t(n >> (8 * i)));
  for (auto _ : state) {
    near::MemoryExternal ext;
    auto o = sync::run_method(caller, "run", ctx, p, ext, cache, source);
    if (o.aborted) state.SkipWithError(o.aborted->to_string().c_str());
  }
  state.SetItemsProcessed(state.iterations() * int64_t(n));
}
BENCHMARK(BM_SyncRoundTripMinimal)->Arg(0)->Arg(1000)->Unit(benchmark::kMicrosecond);

// The engine's part of a round trip: a host function that suspends, and the embedder resuming the
// execution with its result (no NEAR layer).
static void BM_EngineSuspendResume(benchmark::State& state) {
  near::Params p;
  Store store(near::engine_config(p));
  Extern suspend = store.host_function(FuncType{{}, {ValType::i64}}, [](HostCall&) { return HostResult::suspend(); });
  auto m = Module::compile(wat(R"((module (import "env" "s" (func $s (result i64)))
    (func (export "f") (loop (br_if 0 (i64.eqz (call $s)))))))"), near::engine_config(p));
  Imports imports;
  imports.define("env", "s", suspend);
  auto inst = store.instantiate(**m, imports);
  Extern f = *inst->get_export("f");
  const std::vector<Value> zero{Value::i64(0)};
  auto ex = *store.start(f, {});
  ex->set_fuel(UINT64_MAX);
  if (ex->run() != ExecState::suspended) std::abort();
  for (auto _ : state) {
    if (!ex->resume(zero)) std::abort();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EngineSuspendResume)->Unit(benchmark::kNanosecond);

// One NEAR host call from wasm: a loop of `block_index` calls (the cheapest host function: its base
// fee only) through linking, the engine's host-call path and the gas counter; minus the same loop
// without the call gives the host call's own cost.
static void BM_HostCall(benchmark::State& state) {
  near::Params p;
  near::ContractCache cache;
  const bool call = state.range(0) != 0;
  auto code = wat(std::string(R"((module (import "env" "block_index" (func $b (result i64))) (memory 1)
    (func (export "main") (local $i i32) (local.set $i (i32.const 1000000))
      (loop )") + (call ? "(drop (call $b))" : "(nop)") + R"(
        (br_if 0 (local.tee $i (i32.sub (local.get $i) (i32.const 1))))))))");
  near::VMContext ctx;
  ctx.prepaid_gas = 300'000'000'000'000ull;
  for (auto _ : state) {
    near::MemoryExternal ext;
    auto o = near::run_method(code, "main", ctx, p, ext, cache);
    if (o.aborted) state.SkipWithError(o.aborted->to_string().c_str());
  }
  state.SetItemsProcessed(state.iterations() * 1'000'000);
}
BENCHMARK(BM_HostCall)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Translation of a contract (decode, validate, translate with NEAR's metering), from bytes to
// runnable code: the sync tests' driver contract (C, compiled by clang).
static void BM_Translate(benchmark::State& state) {
  near::Params p;
  std::ifstream f(DRIVER_WASM, std::ios::binary);
  std::vector<uint8_t> code((std::istreambuf_iterator<char>(f)), {});
  for (auto _ : state) {
    auto m = Module::compile(code, near::engine_config(p));
    if (!m) state.SkipWithError(m.error().to_string().c_str());
    benchmark::DoNotOptimize(m);
  }
  state.SetBytesProcessed(state.iterations() * int64_t(code.size()));
}
BENCHMARK(BM_Translate)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
