// The runner: method resolution, preparation errors and limits, the loading fee, linking, metered
// execution with nearcore's costs, out-of-gas outcomes and trap mapping.
#include "near_test_support.h"

namespace syncwasm::near::test {
namespace {

VMOutcome run_raw(const std::string& wat, const std::string& method, VMContext ctx = {}, const Params& p = {},
                  const std::string& wat_flags = "") {
  static ContractCache cache;
  MemoryExternal ext;
  std::vector<uint8_t> code = syncwasm::test::wat(wat, wat_flags);
  return run_method(code, method, ctx, p, ext, cache);
}

TEST(NearRunner, LoadingFeeAndInstructionGasAtPV86) {
  Params p;
  std::string wat = R"((module (memory 1) (func (export "main"))))";
  size_t len = syncwasm::test::wat(wat).size();
  auto o = run_raw(wat, "main", {}, p);
  ASSERT_FALSE(o.aborted) << error_path(o);
  // Loading: base + bytes; the empty function's frame: 64 bytes = 8 ops.
  EXPECT_EQ(o.burnt_gas, p.wasm.contract_loading_base + p.wasm.contract_loading_bytes * len + 8 * p.wasm.regular_op_cost);
}

TEST(NearRunner, MethodResolutionIsFree) {
  const char* wat = R"((module (func (export "f") (param i32)) (func (export "g"))))";
  auto o = run_raw(wat, "missing");
  EXPECT_EQ(error_path(o), "MethodResolveError::MethodNotFound");
  EXPECT_EQ(o.burnt_gas, 0u);
  EXPECT_EQ(error_path(run_raw(wat, "f")), "MethodResolveError::MethodInvalidSignature");
  EXPECT_EQ(error_path(run_raw(wat, "")), "MethodResolveError::MethodEmptyName");
  EXPECT_FALSE(run_raw(wat, "g").aborted);
}

TEST(NearRunner, PrepareErrors) {
  auto o = run_raw(R"((module (import "env" "memory" (memory 1)) (func (export "main"))))", "main");
  EXPECT_EQ(error_path(o), "CompilationError::PrepareError::Memory");
  EXPECT_EQ(o.burnt_gas, 0u);
  EXPECT_EQ(error_path(run_raw(R"((module (import "other" "f" (func)) (func (export "main"))))", "main")),
            "CompilationError::PrepareError::Instantiate");
  // Multi-value is not in NEAR's feature set.
  EXPECT_EQ(error_path(run_raw(R"((module (func (export "main")) (func (result i32 i32) (i32.const 1) (i32.const 2))))", "main")),
            "CompilationError::PrepareError::Deserialization");
  Params p;
  p.limit.max_functions_number_per_contract = 1;
  EXPECT_EQ(error_path(run_raw(R"((module (func (export "main")) (func)))", "main", {}, p)),
            "CompilationError::PrepareError::TooManyFunctions");
  p = {};
  p.limit.max_operand_stack_bytes_per_function = 8;
  EXPECT_EQ(error_path(run_raw(R"((module (func (export "main") (drop (i64.add (i64.const 1) (i64.const 2))))))", "main", {}, p)),
            "CompilationError::PrepareError::OperandStackTooLarge");
  // Memory used without being declared: invalid before normalization, as in nearcore.
  EXPECT_EQ(error_path(run_raw(R"((module (func (export "main") (drop (i32.load (i32.const 0))))))", "main", {}, {}, "--no-check")),
            "CompilationError::PrepareError::Deserialization");
  EXPECT_EQ(error_path(run_raw(R"((module (memory 2 1) (func (export "main"))))", "main", {}, {}, "--no-check")),
            "CompilationError::PrepareError::Deserialization");
  p = {};
  p.limit.max_function_body_size = 3;  // the body's size includes its local declarations
  EXPECT_EQ(error_path(run_raw(R"((module (func (export "main") (local i32 i64 f32))))", "main", {}, p)),
            "CompilationError::PrepareError::FunctionBodyTooLarge");
  p = {};
  p.limit.max_locals_per_contract = 3;
  EXPECT_EQ(error_path(run_raw(R"((module (func (export "main") (local i32 i32 i32 i32))))", "main", {}, p)),
            "CompilationError::PrepareError::TooManyLocals");
}

// Fuzzing finding near-1 (docs/reliability.md): a function naming a type the module lacks reached the
// limit checks before validation and read past the type table.
TEST(NearRunner, FunctionWithUnknownTypeIsAPrepareError) {
  static ContractCache cache;
  MemoryExternal ext;
  // Function section: one function of type 0; no type section; one empty body.
  const std::vector<uint8_t> code{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                                  0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b};
  auto o = run_method(code, "main", {}, Params{}, ext, cache);
  EXPECT_EQ(error_path(o), "CompilationError::PrepareError::Deserialization");
  EXPECT_EQ(o.burnt_gas, 0u);
}

TEST(NearRunner, LinkErrorPaysLoading) {
  std::string wat = R"((module (import "env" "no_such_fn" (func)) (func (export "main"))))";
  auto o = run_raw(wat, "main");
  EXPECT_EQ(error_path(o), "LinkError");
  Params p;
  EXPECT_EQ(o.burnt_gas, p.wasm.contract_loading_base + p.wasm.contract_loading_bytes * syncwasm::test::wat(wat).size());
  o = run_raw(R"((module (import "env" "block_index" (func (result i32))) (func (export "main"))))", "main");
  EXPECT_EQ(error_path(o), "LinkError");
}

TEST(NearRunner, EveryHostFunctionLinks) {
  std::string imports;
  size_t nearcore = 0;
  for (const HostFnInfo& f : host_functions()) {
    // The v1 submodule ABI is for submodules only (tested with sync calls).
    if (f.capability == Capability::submodule_abi) continue;
    nearcore += std::string_view(f.name).find("namespace") == std::string_view::npos &&
                std::string_view(f.name).find("sync") == std::string_view::npos &&
                std::string_view(f.name).find("submodule") == std::string_view::npos && std::string_view(f.name) != "callback";
    FuncType t = host_type(f);
    std::string sig = "(func";
    if (!t.params.empty()) {
      sig += " (param";
      for (ValType v : t.params) sig += std::string(" ") + to_string(v);
      sig += ")";
    }
    if (!t.results.empty()) sig += std::string(" (result ") + to_string(t.results[0]) + ")";
    sig += ")";
    imports += "(import \"env\" \"" + std::string(f.name) + "\" " + sig + ")\n";
  }
  EXPECT_EQ(nearcore, 89u);  // protocol version 86's host API
  auto o = run_raw("(module " + imports + " (func (export \"main\")))", "main");
  EXPECT_FALSE(o.aborted) << error_path(o);
}

TEST(NearRunner, SubmoduleAbiIsNotForContracts) {
  auto o = run_raw(R"((module (import "env" "get_input_size" (func (result i64))) (func (export "main"))))", "main");
  EXPECT_EQ(error_path(o), "HostError::CapabilityDenied");
}

TEST(NearRunner, OutOfGasBurnsAllPrepaid) {
  VMContext ctx;
  ctx.prepaid_gas = 10'000'000'000'000ull;
  auto o = run_raw(R"((module (func (export "main") (loop (br 0)))))", "main", ctx);
  EXPECT_EQ(error_path(o), "HostError::GasExceeded");
  EXPECT_EQ(o.burnt_gas, ctx.prepaid_gas);
  Params p;
  p.limit.max_gas_burnt = 1'000'000'000'000ull;  // below prepaid: the cap wins
  o = run_raw(R"((module (func (export "main") (loop (br 0)))))", "main", ctx, p);
  EXPECT_EQ(error_path(o), "HostError::GasLimitExceeded");
  EXPECT_EQ(o.burnt_gas, p.limit.max_gas_burnt);
}

TEST(NearRunner, LoadingFeeBeyondPrepaid) {
  VMContext ctx;
  ctx.prepaid_gas = 1000;
  auto o = run_raw(R"((module (func (export "main"))))", "main", ctx);
  EXPECT_EQ(error_path(o), "HostError::GasExceeded");
  EXPECT_EQ(o.burnt_gas, 1000u);
}

TEST(NearRunner, TrapsMapToNearcoreKinds) {
  EXPECT_EQ(error_path(run_raw(R"((module (func (export "main") (unreachable))))", "main")), "WasmTrap::Unreachable");
  EXPECT_EQ(error_path(run_raw(R"((module (func (export "main") (drop (i32.div_u (i32.const 1) (i32.const 0))))))", "main")),
            "WasmTrap::IllegalArithmetic");
  EXPECT_EQ(error_path(run_raw(R"((module (memory 1) (func (export "main") (drop (i32.load (i32.const -1))))))", "main")),
            "WasmTrap::MemoryOutOfBounds");
  EXPECT_EQ(error_path(run_raw(R"((module (table 1 funcref) (func (export "main") (call_indirect (i32.const 0)))))", "main")),
            "WasmTrap::IndirectCallToNull");
  // Deep recursion exhausts the 262,144-byte stack budget.
  EXPECT_EQ(error_path(run_raw(R"((module (func $f (export "main") (call $f))))", "main")), "HostError::MemoryAccessViolation");
}

TEST(NearRunner, MemoryIsNormalized) {
  // Whatever the module declares, memory is 1,024 pages and grows to 2,048.
  auto o = run_raw(R"((module (import "env" "value_return" (func $r (param i64 i64))) (memory 1 1)
    (func (export "main")
      (i32.store (i32.const 0) (memory.size))
      (i32.store (i32.const 4) (memory.grow (i32.const 1024)))
      (i32.store (i32.const 8) (memory.grow (i32.const 1)))
      (call $r (i64.const 12) (i64.const 0)))))", "main");
  ASSERT_FALSE(o.aborted) << error_path(o);
  const Bytes& v = o.return_data.value;
  EXPECT_EQ(v[0] | (v[1] << 8), 1024);
  EXPECT_EQ(v[4] | (v[5] << 8), 1024);
  EXPECT_EQ(v[8], 0xFF);  // -1: past 2,048 pages
}

TEST(NearRunner, StartFunctionRunsMetered) {
  auto o = run_raw(R"((module (import "env" "log_utf8" (func $log (param i64 i64))) (memory 1)
    (data (i32.const 0) "start") (func $s (call $log (i64.const 5) (i64.const 0))) (start $s) (func (export "main"))))", "main");
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(o.logs, std::vector<std::string>{"start"});
}

TEST(NearRunner, PreparedContractsAreCached) {
  ContractCache cache;
  MemoryExternal ext;
  auto code = syncwasm::test::wat(R"((module (func (export "main"))))");
  run_method(code, "main", {}, {}, ext, cache);
  run_method(code, "main", {}, {}, ext, cache);
  EXPECT_EQ(cache.size(), 1u);
  auto bad = syncwasm::test::wat(R"((module (import "x" "y" (func)) (func (export "main"))))");
  run_method(bad, "main", {}, {}, ext, cache);
  EXPECT_EQ(cache.size(), 2u);  // the preparation error is cached too
}

TEST(NearRunner, GasProfileAccountsForEveryGas) {
  Params p;
  std::string wat = R"((module (import "env" "log_utf8" (func $log (param i64 i64))) (memory 1) (data (i32.const 0) "hi")
    (func (export "main") (call $log (i64.const 2) (i64.const 0)))))";
  auto o = run_raw(wat, "main", {}, p);
  ASSERT_FALSE(o.aborted) << error_path(o);
  Gas sum = 0;
  for (auto& [k, v] : o.profile) sum += v;
  EXPECT_EQ(sum, o.burnt_gas);
  EXPECT_EQ(o.profile.at("contract_loading"), p.wasm.contract_loading_base + p.wasm.contract_loading_bytes * syncwasm::test::wat(wat).size());
  EXPECT_EQ(o.profile.at("host:log_utf8"), p.base + p.utf8_decoding_base + p.read_memory_base + 2 * p.read_memory_byte +
                                               2 * p.utf8_decoding_byte + p.log_base + 2 * p.log_byte);
  EXPECT_EQ(o.profile.at("wasm_instructions"), (8 + 3) * p.wasm.regular_op_cost);  // frame 8, two consts and the call
}

TEST(NearRunner, SameInputSameOutcome) {
  std::string wat = R"((module (memory 1) (func (export "main") (local i32)
    (loop (local.set 0 (i32.add (local.get 0) (i32.const 1))) (br_if 0 (i32.lt_u (local.get 0) (i32.const 1000)))))))";
  auto a = run_raw(wat, "main"), b = run_raw(wat, "main");
  EXPECT_EQ(a.burnt_gas, b.burnt_gas);
  EXPECT_GT(a.burnt_gas, 1000u * 6 * 822756);
}

}  // namespace
}  // namespace syncwasm::near::test
