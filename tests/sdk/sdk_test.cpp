// The C contract SDK (sdk/include/syncwasm): its imports against the runtime's host table, and the
// contracts built with it (examples/sdk, tests/sdk/contracts) run through sync::run_method.
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

#include "decode/decoder.h"
#include "near/host_table.h"
#include "near_test_support.h"
#include "sync/run.h"

namespace syncwasm::sdk::test {
namespace {

using near::Bytes;
using near::test::error_path;
using near::test::returned;

Bytes load(const char* path) {
  std::ifstream f(path, std::ios::binary);
  Bytes b((std::istreambuf_iterator<char>(f)), {});
  EXPECT_FALSE(b.empty()) << "missing " << path;
  return b;
}
Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }
Bytes u64_le(uint64_t v) {
  Bytes b(8);
  for (int i = 0; i < 8; ++i) b[size_t(i)] = uint8_t(v >> (8 * i));
  return b;
}

// One account with in-memory storage; namespaces and submodules come from `code`.
struct Account {
  near::Params params;
  near::ContractCache cache;
  near::MemoryExternal ext;
  sync::MapCodeSource code;
  std::string id = "app.near";

  near::VMOutcome call(const Bytes& wasm, const std::string& method, const std::string& input = "",
                       const std::string& ns = "") {
    near::VMContext ctx;
    ctx.current_account_id = id;
    ctx.current_namespace = ns;
    ctx.signer_account_id = ctx.predecessor_account_id = "alice.near";
    ctx.input = text(input);
    return sync::run_method(wasm, method, ctx, params, ext, cache, code);
  }
  std::optional<Bytes> stored(const std::string& ns, const std::string& key) {
    return ext.storage_get(near::StorageScope{id, ns}, text(key));
  }
  size_t records(const std::string& ns) const {
    size_t n = 0;
    for (const auto& [k, v] : ext.data) n += k.first == near::StorageScope{id, ns};
    return n;
  }
};

// ---- the headers against the host table ----

// The function imports of a module, with their types.
std::vector<std::pair<std::string, FuncType>> imports(const Bytes& wasm) {
  auto m = ir::decode_module(wasm);
  EXPECT_TRUE(m.has_value());
  std::vector<std::pair<std::string, FuncType>> r;
  if (!m) return r;
  for (const ir::Import& im : m->imports) {
    EXPECT_EQ(im.module, "env") << im.name;
    if (im.kind == ExternKind::func) r.emplace_back(im.name, m->types[im.func_type]);
  }
  return r;
}

TEST(SdkHeaders, NearHImportsEveryContractHostFunctionWithItsSignature) {
  // all_imports.c references one function per row of host_functions.def (except the submodule ABI).
  std::set<std::string> seen;
  for (const auto& [name, type] : imports(load(SDK_TEST_ALL_IMPORTS_WASM))) {
    const near::HostFnInfo* f = near::find_host_function(name, type);
    ASSERT_NE(f, nullptr) << "env." << name << " " << type.to_string() << " does not link";
    EXPECT_NE(f->capability, near::Capability::submodule_abi) << name;
    EXPECT_TRUE(seen.insert(name).second) << "imported twice: " << name;
  }
  for (const near::HostFnInfo& f : near::host_functions()) {
    if (f.capability != near::Capability::submodule_abi) {
      EXPECT_TRUE(seen.count(f.name)) << "missing: " << f.name;
    }
  }
}

TEST(SdkHeaders, NearHDeclaresNothingElse) {
  // Every SW_IMPORT(name) in near.h is a host function (the reverse of the test above).
  std::ifstream f(SDK_NEAR_H);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string h = ss.str();
  ASSERT_FALSE(h.empty());
  std::set<std::string> names;
  for (const near::HostFnInfo& fn : near::host_functions())
    if (fn.capability != near::Capability::submodule_abi) names.insert(fn.name);
  std::regex decl(R"(SW_IMPORT\((\w+)\))");
  size_t declared = 0;
  for (auto it = std::sregex_iterator(h.begin(), h.end(), decl); it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1];
    if (name == "name") continue;  // the macro's definition
    ++declared;
    EXPECT_TRUE(names.count(name)) << "not a host function: " << name;
  }
  EXPECT_EQ(declared, names.size());
}

TEST(SdkHeaders, SubmoduleHImportsExactlyTheV1Abi) {
  std::set<std::string> seen;
  for (const auto& [name, type] : imports(load(SDK_TEST_ALL_SUBMODULE_IMPORTS_WASM))) {
    const near::HostFnInfo* f = near::find_host_function(name, type);
    ASSERT_NE(f, nullptr) << "env." << name << " " << type.to_string() << " does not link";
    EXPECT_EQ(f->capability, near::Capability::submodule_abi) << name;
    seen.insert(name);
  }
  EXPECT_EQ(seen, (std::set<std::string>{"callback", "get_input_size", "get_input", "return_value"}));
}

TEST(SdkHeaders, ModuleImportingEverythingLinksAndRuns) {
  Account a;
  auto o = a.call(load(SDK_TEST_ALL_IMPORTS_WASM), "noop");
  EXPECT_FALSE(o.aborted) << error_path(o) << ": " << o.aborted->message;
}

// ---- examples/sdk/counter.c ----

TEST(SdkCounter, IncrementsAcrossCallsWithTheSameExternal) {
  Account a;
  Bytes counter = load(SDK_COUNTER_WASM);
  auto get0 = a.call(counter, "get");
  ASSERT_FALSE(get0.aborted) << error_path(get0) << ": " << get0.aborted->message;
  EXPECT_EQ(returned(get0), "0");

  auto one = a.call(counter, "increment");
  ASSERT_FALSE(one.aborted) << error_path(one) << ": " << one.aborted->message;
  EXPECT_EQ(returned(one), "1");
  EXPECT_EQ(one.logs, std::vector<std::string>{"increment 0 -> 1"});
  EXPECT_EQ(returned(a.call(counter, "increment")), "2");
  auto big = a.call(counter, "increment", "40");
  EXPECT_EQ(returned(big), "42");
  EXPECT_EQ(big.logs, std::vector<std::string>{"increment 2 -> 42"});
  EXPECT_EQ(returned(a.call(counter, "get")), "42");
  EXPECT_EQ(a.stored("", "count"), u64_le(42));

  auto reset = a.call(counter, "reset");
  EXPECT_EQ(returned(reset), "42");
  EXPECT_EQ(reset.logs, std::vector<std::string>{"reset 42 -> 0"});
  EXPECT_EQ(a.stored("", "count"), std::nullopt);
  EXPECT_EQ(returned(a.call(counter, "get")), "0");
}

TEST(SdkCounter, BadInputPanicsAndLeavesStorageAlone) {
  Account a;
  Bytes counter = load(SDK_COUNTER_WASM);
  a.call(counter, "increment", "5");
  auto bad = a.call(counter, "increment", "five");
  EXPECT_EQ(error_path(bad), "HostError::GuestPanic");
  ASSERT_TRUE(bad.aborted);
  EXPECT_EQ(bad.aborted->message, "input must be a decimal number");
  auto overflow = a.call(counter, "increment", "18446744073709551615");
  EXPECT_EQ(error_path(overflow), "HostError::GuestPanic");
  EXPECT_EQ(a.stored("", "count"), u64_le(5));
}

// ---- examples/sdk/namespace_app.c ----

struct NamespaceApp : Account {
  Bytes app = load(SDK_NAMESPACE_APP_WASM);
  NamespaceApp() { code.namespaces["ledger"] = app; }  // the same wasm in both namespaces
  near::VMOutcome record(const std::string& entry) { return call(app, "record", entry); }
};

TEST(SdkNamespaceApp, DefaultNamespaceRecordsIntoTheLedgerNamespace) {
  NamespaceApp a;
  auto first = a.record("paid 5 to bob");
  ASSERT_FALSE(first.aborted) << error_path(first) << ": " << first.aborted->message;
  EXPECT_EQ(returned(first), "entry 1: paid 5 to bob");
  // The ledger's log reaches the caller's outcome; one synchronous start that returned.
  EXPECT_EQ(first.logs, std::vector<std::string>{"entry 1: paid 5 to bob"});
  ASSERT_EQ(first.sync_trace.size(), 1u);
  EXPECT_EQ(first.sync_trace.name(first.sync_trace[0]), "ledger");
  EXPECT_EQ(first.sync_trace[0].status, near::SyncStatus::Success);

  auto second = a.record("paid 7 to carol");
  ASSERT_FALSE(second.aborted) << error_path(second);
  EXPECT_EQ(returned(second), "entry 2: paid 7 to carol");

  // The entries live in the ledger namespace's storage, not in the default namespace's.
  EXPECT_EQ(a.stored("ledger", "entry:1"), text("paid 5 to bob"));
  EXPECT_EQ(a.stored("ledger", "entry:2"), text("paid 7 to carol"));
  EXPECT_EQ(a.stored("ledger", "n"), u64_le(2));
  EXPECT_EQ(a.records("ledger"), 3u);
  EXPECT_EQ(a.records(""), 0u);
  EXPECT_EQ(a.stored("", "entry:1"), std::nullopt);

  auto total = a.call(a.app, "total");
  ASSERT_FALSE(total.aborted) << error_path(total);
  EXPECT_EQ(returned(total), "2");
}

TEST(SdkNamespaceApp, LedgerRefusesDirectCallsAndWrongNamespaces) {
  NamespaceApp a;
  // A direct call to the ledger namespace from another account.
  auto direct = a.call(a.app, "append", "forged", "ledger");
  EXPECT_EQ(error_path(direct), "HostError::GuestPanic");
  ASSERT_TRUE(direct.aborted);
  EXPECT_EQ(direct.aborted->message, "append: only the account's default namespace may record");
  // `record` belongs to the default namespace.
  auto wrong = a.call(a.app, "record", "x", "ledger");
  ASSERT_TRUE(wrong.aborted);
  EXPECT_EQ(wrong.aborted->message, "only in the default namespace");
  EXPECT_EQ(a.records("ledger"), 0u);
}

TEST(SdkNamespaceApp, MissingLedgerIsAStatusTurnedIntoAPanic) {
  NamespaceApp a;
  a.code.namespaces.clear();
  auto o = a.record("lost");
  EXPECT_EQ(error_path(o), "HostError::GuestPanic");
  ASSERT_TRUE(o.aborted);
  EXPECT_EQ(o.aborted->message.rfind("ledger.append failed: 200 NotFound: ", 0), 0u) << o.aborted->message;
  EXPECT_EQ(a.ext.data.size(), 0u);
}

// ---- C++, callbacks and submodules (tests/sdk/contracts) ----

struct Host : Account {
  Bytes host = load(SDK_TEST_CPP_HOST_WASM);
  Host() {
    code.namespaces["asker"] = load(SDK_TEST_ASKER_WASM);
    code.submodules["upper"] = load(SDK_TEST_UPPER_SUB_WASM);
  }
};

TEST(SdkCpp, NamespaceCalleeYieldsAndIsResumed) {
  Host h;
  auto o = h.call(h.host, "greet", "dora");
  ASSERT_FALSE(o.aborted) << error_path(o) << ": " << o.aborted->message;
  EXPECT_EQ(returned(o), "hello, dora");
  EXPECT_EQ(o.logs, std::vector<std::string>{"dora"});
  ASSERT_EQ(o.sync_trace.size(), 2u);
  EXPECT_EQ(o.sync_trace[0].status, near::SyncStatus::Callback);
  EXPECT_EQ(o.sync_trace[1].status, near::SyncStatus::Success);
}

TEST(SdkCpp, SubmoduleAsksAndReturns) {
  Host h;
  auto o = h.call(h.host, "upper", "make me loud");
  ASSERT_FALSE(o.aborted) << error_path(o) << ": " << o.aborted->message;
  EXPECT_EQ(returned(o), "MAKE ME LOUD");
  ASSERT_EQ(o.sync_trace.size(), 2u);
  EXPECT_TRUE(o.sync_trace[0].submodule);
}

TEST(SdkCpp, CapabilityBitsMatchTheRuntime) {
  Host h;
  // asker imports log_utf8 (logs, bit 1) besides core functions.
  EXPECT_EQ(returned(h.call(h.host, "restricted", "0")), "700 CapabilityDenied");
  EXPECT_EQ(returned(h.call(h.host, "restricted", "1")), "700 CapabilityDenied");  // core's bit adds nothing
  EXPECT_EQ(returned(h.call(h.host, "restricted", "2")), "1 Callback");            // SW_CAP_LOGS
  EXPECT_EQ(returned(h.call(h.host, "restricted", "253")), "700 CapabilityDenied"); // all but logs
  EXPECT_EQ(returned(h.call(h.host, "restricted", "255")), "1 Callback");          // SW_CAP_ALL
}

}  // namespace
}  // namespace syncwasm::sdk::test
