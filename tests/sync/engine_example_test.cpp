// The EVM-engine use case in miniature (examples/contracts/engine.c): a parent contract routes
// calls to plugin submodules by key and serves their state requests from its own storage.
#include "sync_test_support.h"

namespace syncwasm::sync::test {
namespace {

Bytes contract(const char* name) {
  std::ifstream f(std::string(CONTRACTS_DIR) + "/" + name + ".wasm", std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(f)), {});
}

struct Engine {
  near::Params params;
  near::ContractCache cache;
  near::MemoryExternal ext;
  MapCodeSource code;
  Engine() {
    code.submodules["counter"] = contract("plugin_counter");
    code.submodules["fib"] = contract("plugin_fib");
    code.submodules["sumsq"] = contract("plugin_sumsq");
  }
  near::VMOutcome run(const std::string& args, const char* method = "run") {
    near::VMContext ctx;
    ctx.current_account_id = "engine.near";
    ctx.input = text(args);
    return sync::run_method(contract("engine"), method, ctx, params, ext, cache, code);
  }
};

std::string ret(const near::VMOutcome& o) { return std::string(o.return_data.value.begin(), o.return_data.value.end()); }

TEST(EngineExample, StatefulPluginKeepsItsStateInTheEngine) {
  Engine e;
  auto a = e.run(R"({"plugin":"counter"})");
  ASSERT_FALSE(a.aborted) << near::test::error_path(a);
  EXPECT_EQ(ret(a), "1");
  auto b = e.run(R"({"plugin":"counter"})");
  EXPECT_EQ(ret(b), "2");
  // start (read request), resume (write request), resume (return): three steps.
  ASSERT_EQ(b.sync_trace.size(), 3u);
  EXPECT_EQ(b.sync_trace[0].status, near::SyncStatus::Callback);
  EXPECT_EQ(b.sync_trace[2].status, near::SyncStatus::Success);
  near::StorageScope engine{"engine.near", ""};
  EXPECT_EQ(e.ext.storage_get(engine, text("count")), Bytes({2, 0, 0, 0, 0, 0, 0, 0}));
}

TEST(EngineExample, ComputePluginAndErrorsAsValues) {
  Engine e;
  EXPECT_EQ(ret(e.run(R"({"plugin":"fib","arg":"20"})")), "6765");
  EXPECT_EQ(ret(e.run(R"({"plugin":"fib","arg":"90"})")), "2880067194370816120");
  auto missing = e.run(R"({"plugin":"nope"})");
  ASSERT_FALSE(missing.aborted);
  EXPECT_EQ(ret(missing), "error 200: no submodule nope");
}

// The same program interpreted as bytecode by the engine and run as a plugin submodule: same result,
// same state, and the plugin path costs a fraction of the gas once the program does real work.
TEST(EngineExample, BytecodeInterpreterVersusPluginSubmodule) {
  for (const char* n : {"10", "1000", "20000"}) {
    Engine a, b;
    std::string args = std::string(R"({"plugin":"sumsq","arg":")") + n + "\"}";
    auto interpreted = a.run(args, "interpret");
    auto plugin = b.run(args);
    ASSERT_FALSE(interpreted.aborted) << near::test::error_path(interpreted);
    ASSERT_FALSE(plugin.aborted) << near::test::error_path(plugin);
    EXPECT_EQ(ret(interpreted), ret(plugin)) << n;
    near::StorageScope engine{"engine.near", ""};
    EXPECT_EQ(a.ext.storage_get(engine, text("s")), b.ext.storage_get(engine, text("s")));
    std::printf("sumsq(%s): interpreted %llu gas, plugin %llu gas\n", n, (unsigned long long)interpreted.burnt_gas,
                (unsigned long long)plugin.burnt_gas);
    if (std::string(n) == "20000") {
      EXPECT_LT(plugin.burnt_gas * 3, interpreted.burnt_gas);
    }
  }
}

}  // namespace
}  // namespace syncwasm::sync::test
