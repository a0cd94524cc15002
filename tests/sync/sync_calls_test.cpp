// NEP-481 synchronous calls between namespaces: every status code, data both ways, round trips,
// atomicity (reverts of failed callees), gas charged to the caller, depth, capabilities, isolation.
#include "plugin_wat.h"
#include "sync_test_support.h"

namespace syncwasm::sync::test {
namespace {

constexpr uint32_t bit(near::Capability c) { return near::capability_bit(c); }

TEST(SyncCalls, CalleeReturnsAValue) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto o = w.run(Script().op(kStart, "plugin", "ret42"));
  ASSERT_FALSE(o.aborted) << near::test::error_path(o);
  auto r = results(o);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status, 0u);
  EXPECT_EQ(r[0].u64(), 42u);
  ASSERT_EQ(o.sync_trace.size(), 1u);
  EXPECT_EQ(o.sync_trace[0].step, near::SyncStep::start);
  EXPECT_GT(o.sync_trace[0].gas_burnt, 0u);
}

TEST(SyncCalls, ArgumentsReachTheCallee) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto r = results(w.run(Script().op(kStart, "plugin", "echo", text("payload"))));
  EXPECT_EQ(r.at(0).status, 0u);
  EXPECT_EQ(r.at(0).str(), "payload");
}

TEST(SyncCalls, YieldResumeReturn) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto o = w.run(Script().op(kStart, "plugin", "yield_then").op(kResume, "plugin", "", u64_bytes(100)));
  auto r = results(o);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].status, 1u);  // callback
  EXPECT_EQ(r[0].u64(), 7u);
  EXPECT_EQ(r[1].status, 0u);
  EXPECT_EQ(r[1].u64(), 101u);
}

TEST(SyncCalls, AThousandRoundTrips) {
  World w;
  w.add_namespace("plugin", kPlugin);
  Script s;
  s.op(kStart, "plugin", "pingpong");
  for (int i = 0; i < 999; ++i) s.op(kResume, "plugin", "", u64_bytes(1));
  s.op(kResume, "plugin", "", u64_bytes(0));
  auto o = w.run(s);
  ASSERT_FALSE(o.aborted) << near::test::error_path(o);
  auto r = results(o);
  ASSERT_EQ(r.size(), 1001u);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(r[size_t(i)].status, 1u) << i;
    ASSERT_EQ(r[size_t(i)].u64(), uint64_t(i + 1));
  }
  EXPECT_EQ(r[1000].status, 0u);
  EXPECT_EQ(r[1000].u64(), 1000u);
  // The trace: the start, the 999 resumes that yielded again as one event, the last resume.
  const near::SyncTrace& t = o.sync_trace;
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].step, near::SyncStep::start);
  EXPECT_EQ(t[0].status, near::SyncStatus::Callback);
  EXPECT_EQ(t[0].count, 1u);
  EXPECT_EQ(t[1].step, near::SyncStep::resume);
  EXPECT_EQ(t[1].status, near::SyncStatus::Callback);
  EXPECT_EQ(t[1].count, 999u);
  EXPECT_EQ(t[2].step, near::SyncStep::resume);
  EXPECT_EQ(t[2].status, near::SyncStatus::Success);
  EXPECT_EQ(t[2].count, 1u);
  for (const near::SyncTraceEvent& e : t) EXPECT_EQ(t.name(e), "plugin");
  // Merged or not, the events' gas is all the gas the callee burnt, charged to the caller.
  EXPECT_EQ(t[0].gas_burnt + t[1].gas_burnt + t[2].gas_burnt, o.profile.at("sync_callee_gas"));
}

TEST(SyncCalls, ResumesOfDifferentCalleesAreNotMerged) {
  World w;
  w.add_namespace("plugin", kPlugin);
  w.add_namespace("other", kPlugin);
  auto o = w.run(Script()
                     .op(kStart, "plugin", "pingpong")
                     .op(kStart, "other", "pingpong")
                     .op(kResume, "plugin", "", u64_bytes(1))
                     .op(kResume, "other", "", u64_bytes(1))
                     .op(kResume, "other", "", u64_bytes(1)));
  ASSERT_FALSE(o.aborted) << near::test::error_path(o);
  const near::SyncTrace& t = o.sync_trace;
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t.name(t[2]), "plugin");
  EXPECT_EQ(t[2].count, 1u);
  EXPECT_EQ(t.name(t[3]), "other");
  EXPECT_EQ(t[3].count, 2u);
}

TEST(SyncCalls, LifecycleStatuses) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto r = results(w.run(Script()
                             .op(kResume, "plugin", "", u64_bytes(1))          // 500 NotStarted
                             .op(kStart, "plugin", "yield_then")               // 1
                             .op(kStart, "plugin", "yield_then")               // 100 AlreadyStarted
                             .op(kResume, "plugin", "", u64_bytes(1))          // 0
                             .op(kStart, "plugin", "ret42")                    // 0: restartable after success
                             .op(kStart, "nothere", "ret42")                   // 200 NotFound
                             .op(kStart, "plugin", "no_such_method")           // 300 MethodNotFound
                             .op(kStart, "plugin", "burn", {}, 5'000'000'000'000ull)  // 400 OutOfGas
                             .op(kStart, "plugin", "write_then_trap")));       // 600 WasmTrap
  std::vector<uint64_t> statuses;
  for (auto& x : r) statuses.push_back(x.status);
  EXPECT_EQ(statuses, (std::vector<uint64_t>{500, 1, 100, 0, 0, 200, 300, 400, 600}));
  EXPECT_NE(r[8].str().find("Unreachable"), std::string::npos) << r[8].str();
}

TEST(SyncCalls, FailedCalleeIsRevertedAndTheCallerCarriesOn) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto o = w.run(Script().op(kStart, "plugin", "write_then_trap").op(kStart, "plugin", "read").op(kWrite, "mine", "", text("x")));
  ASSERT_FALSE(o.aborted) << near::test::error_path(o);
  auto r = results(o);
  EXPECT_EQ(r[0].status, 600u);
  EXPECT_EQ(r[1].status, 0u);
  EXPECT_TRUE(r[1].data.empty());  // the trapped callee's write is gone
  // The caller's own write commits; the callee's does not.
  EXPECT_EQ(w.ext.data.size(), 1u);
  // Logs of the failed callee are kept (it ran), see docs/sync-calls.md.
  EXPECT_EQ(o.logs, std::vector<std::string>{"hi"});
}

TEST(SyncCalls, SuccessfulCalleeCommitsWithTheCaller) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto o = w.run(Script().op(kStart, "plugin", "write").op(kStart, "plugin", "read"));
  auto r = results(o);
  EXPECT_EQ(r[1].str(), "callee");
  near::StorageScope plugin{"engine.near", "plugin"};
  EXPECT_EQ(w.ext.storage_get(plugin, text("k")), text("callee"));
  EXPECT_EQ(o.storage_usage, w.ctx.storage_usage + 1 + 6 + 40);  // account-wide usage
}

TEST(SyncCalls, CalleeEffectsRevertWhenTheCallerFails) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto o = w.run(Script().op(kStart, "plugin", "write").op(kStart, "plugin", "burn", {}, UINT64_MAX));
  // The callee "burn" takes all remaining gas: the caller then runs out too.
  EXPECT_TRUE(o.aborted);
  EXPECT_TRUE(w.ext.data.empty());
}

TEST(SyncCalls, SuspendedCalleesAreAbortedWithTheCaller) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto o = w.run(Script().op(kStart, "plugin", "write").op(kStart, "plugin", "yield_then"));
  ASSERT_FALSE(o.aborted);
  // "write" committed; "yield_then" was still suspended when the caller ended and left nothing.
  EXPECT_EQ(w.ext.data.size(), 1u);
}

TEST(SyncCalls, GasOfTheCalleeIsChargedToTheCaller) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto plain = w.run(Script());
  auto once = w.run(Script().op(kStart, "plugin", "ret42"));
  auto twice = w.run(Script().op(kStart, "plugin", "ret42").op(kStart, "plugin", "ret42"));
  auto thrice = w.run(Script().op(kStart, "plugin", "ret42").op(kStart, "plugin", "ret42").op(kStart, "plugin", "ret42"));
  ASSERT_EQ(once.sync_trace.size(), 1u);
  near::Gas callee = once.sync_trace[0].gas_burnt;
  EXPECT_GT(callee, 0u);
  // Each further call costs the caller the same again: the callee's gas plus the same host work.
  EXPECT_EQ(thrice.burnt_gas - twice.burnt_gas, twice.burnt_gas - once.burnt_gas);
  EXPECT_GT(twice.burnt_gas - once.burnt_gas, callee);
  EXPECT_GT(once.burnt_gas, plain.burnt_gas + callee);
  // Out of gas inside a callee: status 400, the caller pays the callee's whole limit and carries on.
  auto oog = w.run(Script().op(kStart, "plugin", "burn", {}, 1'000'000'000'000ull).op(kStart, "plugin", "ret42"));
  auto rr = results(oog);
  EXPECT_EQ(rr[0].status, 400u);
  EXPECT_EQ(rr[1].status, 0u);
  EXPECT_EQ(oog.sync_trace[0].gas_burnt, 1'000'000'000'000ull);
}

TEST(SyncCalls, RestrictedCapabilitiesAreCheckedAtLinkTime) {
  World w;
  w.add_namespace("plugin", kPlugin);
  uint32_t no_storage_write = 0xFF & ~bit(near::Capability::storage_write);
  auto r = results(w.run(Script()
                             .op(kStartRestricted, "plugin", "ret42", {}, 100'000'000'000'000ull, no_storage_write)
                             .op(kStartRestricted, "plugin", "ret42", {}, 100'000'000'000'000ull, 0xFF)));
  EXPECT_EQ(r[0].status, 700u);
  EXPECT_NE(r[0].str().find("storage_write"), std::string::npos) << r[0].str();
  EXPECT_EQ(r[1].status, 0u);
  // A callee that imports only core functions runs with no capabilities at all.
  w.add_namespace("pure", R"((module (import "env" "value_return" (func $r (param i64 i64))) (memory 1)
    (func (export "f") (call $r (i64.const 0) (i64.const 0)))))");
  r = results(w.run(Script().op(kStartRestricted, "pure", "f", {}, 100'000'000'000'000ull, 0)));
  EXPECT_EQ(r[0].status, 0u);
}

TEST(SyncCalls, DepthLimit) {
  World w;
  w.add_namespace("plugin", kPlugin);
  auto r = results(w.run(Script().op(kStart, "plugin", "nested")));
  ASSERT_EQ(r[0].status, 0u);
  uint64_t inner = 0;
  for (int k = 7; k >= 0; --k) inner = (inner << 8) | r[0].data[size_t(k)];
  EXPECT_EQ(inner, 800u);  // depth 1 (the default): a callee cannot call synchronously
  w.params.limit.max_sync_call_depth = 3;
  r = results(w.run(Script().op(kStart, "plugin", "nested")));
  inner = 0;
  for (int k = 7; k >= 0; --k) inner = (inner << 8) | r[0].data[size_t(k)];
  EXPECT_EQ(inner, 0u);
  EXPECT_EQ(r[0].data[8], 42);
}

TEST(SyncCalls, LiveCalleeLimit) {
  World w;
  w.params.limit.max_live_sync_callees = 2;
  for (const char* ns : {"a", "b", "c"}) w.add_namespace(ns, kPlugin);
  auto r = results(w.run(Script().op(kStart, "a", "yield_then").op(kStart, "b", "yield_then").op(kStart, "c", "yield_then")));
  EXPECT_EQ(r[0].status, 1u);
  EXPECT_EQ(r[1].status, 1u);
  EXPECT_EQ(r[2].status, 900u);
}

TEST(SyncCalls, NamespacesHaveSeparateStateAndKnowTheirNames) {
  World w;
  w.add_namespace("a", kPlugin);
  w.add_namespace("b", kPlugin);
  auto r = results(w.run(Script().op(kStart, "a", "write").op(kStart, "b", "read").op(kStart, "a", "read").op(kStart, "b", "whoami")));
  EXPECT_TRUE(r[1].data.empty());
  EXPECT_EQ(r[2].str(), "callee");
  EXPECT_EQ(r[3].str(), "b");
}

TEST(SyncCalls, Deterministic) {
  World w1, w2;
  for (World* w : {&w1, &w2}) w->add_namespace("plugin", kPlugin);
  Script s = Script().op(kStart, "plugin", "yield_then").op(kResume, "plugin", "", u64_bytes(5)).op(kStart, "plugin", "write");
  auto a = w1.run(s), b = w2.run(s);
  EXPECT_EQ(a.burnt_gas, b.burnt_gas);
  EXPECT_EQ(a.return_data.value, b.return_data.value);
  EXPECT_EQ(w1.ext.data, w2.ext.data);
}

TEST(SyncCalls, CallbackOutsideASyncCallFails) {
  near::ContractCache cache;
  near::MemoryExternal ext;
  auto code = syncwasm::test::wat(R"((module (import "env" "callback" (func $cb (param i64 i64 i64))) (memory 1)
    (func (export "main") (call $cb (i64.const 0) (i64.const 0) (i64.const 0)))))");
  auto out = near::run_method(code, "main", {}, near::Params{}, ext, cache);
  EXPECT_EQ(near::test::error_path(out), "HostError::SyncCallError");
}

}  // namespace
}  // namespace syncwasm::sync::test
