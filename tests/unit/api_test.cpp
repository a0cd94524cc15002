// Linking, instantiation and the embedding API's error values.
#include <gtest/gtest.h>

#include "support/wat.h"

namespace syncwasm {
namespace {

TEST(Api, UnknownAndIncompatibleImports) {
  Store store;
  auto m = Module::compile(test::wat(R"((module (import "env" "f" (func (param i32)))))"));
  ASSERT_TRUE(m.has_value());
  auto r = store.instantiate(**m, Imports{});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::unlinkable);
  EXPECT_NE(r.error().message.find("unknown import"), std::string::npos);

  Imports wrong;
  wrong.define("env", "f", store.host_function({{ValType::i64}, {}}, [](HostCall&) { return HostResult::ok(); }));
  r = store.instantiate(**m, wrong);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("incompatible import type"), std::string::npos);
}

TEST(Api, HostFunctionsReceiveArgumentsAndMemory) {
  Store store;
  std::string logged;
  Extern log = store.host_function({{ValType::i32, ValType::i32}, {ValType::i32}}, [&](HostCall& c) {
    auto mem = c.memory;
    uint32_t ptr = uint32_t(c.args[0]), len = uint32_t(c.args[1]);
    if (uint64_t(ptr) + len > mem.size()) return HostResult::trap("out of bounds");
    logged.assign(reinterpret_cast<const char*>(mem.data() + ptr), len);
    c.results[0] = len * 2;
    return HostResult::ok();
  });
  Imports imports;
  imports.define("env", "log", log);
  auto m = Module::compile(test::wat(R"((module (import "env" "log" (func $log (param i32 i32) (result i32)))
    (memory (export "memory") 1) (data (i32.const 16) "hello")
    (func (export "f") (result i32) (call $log (i32.const 16) (i32.const 5)))))"));
  ASSERT_TRUE(m.has_value());
  auto inst = store.instantiate(**m, imports);
  ASSERT_TRUE(inst.has_value());
  auto r = store.invoke(*inst->get_export("f"), {});
  ASSERT_TRUE(r.has_value() && r->has_value());
  EXPECT_EQ((**r)[0].as_i32(), 10);
  EXPECT_EQ(logged, "hello");
  EXPECT_EQ(inst->memory().size(), 65536u);
}

TEST(Api, StartFunctionTrapMakesModuleUninstantiable) {
  Store store;
  auto m = Module::compile(test::wat("(module (func $s (unreachable)) (start $s))"));
  ASSERT_TRUE(m.has_value());
  auto r = store.instantiate(**m, Imports{});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::uninstantiable);
  EXPECT_EQ(r.error().message, "unreachable");
}

TEST(Api, DataSegmentOutOfBounds) {
  Store store;
  auto m = Module::compile(test::wat(R"((module (memory 1) (data (i32.const 65535) "ab")))"));
  ASSERT_TRUE(m.has_value());
  auto r = store.instantiate(**m, Imports{});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message, "out of bounds memory access");
}

TEST(Api, ExportsAndSharedState) {
  Store store;
  auto a = Module::compile(test::wat(R"((module (global (export "g") (mut i32) (i32.const 5))
    (func (export "inc") (global.set 0 (i32.add (global.get 0) (i32.const 1))))))"));
  auto b = Module::compile(test::wat(R"((module (import "a" "g" (global (mut i32)))
    (import "a" "inc" (func $inc)) (func (export "twice") (result i32) (call $inc) (call $inc) (global.get 0))))"));
  ASSERT_TRUE(a && b);
  auto ia = store.instantiate(**a, Imports{});
  ASSERT_TRUE(ia.has_value());
  Imports imports;
  imports.define_instance("a", *ia);
  auto ib = store.instantiate(**b, imports);
  ASSERT_TRUE(ib.has_value());
  auto r = store.invoke(*ib->get_export("twice"), {});
  ASSERT_TRUE(r && *r);
  EXPECT_EQ((**r)[0].as_i32(), 7);
  EXPECT_EQ(store.global_get(*ia->get_export("g")).as_i32(), 7);
  auto exports = (*a)->exports();
  ASSERT_EQ(exports.size(), 2u);
  EXPECT_EQ(exports[1].type, "func () -> ()");
}

TEST(Api, ErrorsCarryKindAndOffset) {
  std::vector<uint8_t> junk = {0, 'a', 's', 'm', 1, 0, 0, 0, 0x01, 0x01};
  auto m = Module::compile(junk);
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().kind, ErrorKind::malformed);
  EXPECT_EQ(m.error().to_string().rfind("malformed at byte 0x", 0), 0u) << m.error().to_string();
}

}  // namespace
}  // namespace syncwasm
