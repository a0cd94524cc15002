// Storage host functions: values, storage usage accounting, limits, view rules, revert on failure
// and the charges (one trie node per access, docs/gas.md).
#include "near_test_support.h"

namespace syncwasm::near::test {
namespace {

const Params P = free_wasm();
Gas RM(uint64_t n) { return P.read_memory_base + n * P.read_memory_byte; }
Gas WR(uint64_t n) { return P.write_register_base + n * P.write_register_byte; }
Gas RR(uint64_t n) { return P.read_register_base + n * P.read_register_byte; }
const Gas TTN = P.touching_trie_node * P.limit.trie_nodes_per_storage_access;

const char* kBody = R"((data (i32.const 0) "k") (data (i32.const 8) "v1") (data (i32.const 16) "v22")
  (func (export "write1") (i64.store (i32.const 100) (call $storage_write (i64.const 1) (i64.const 0) (i64.const 2) (i64.const 8) (i64.const 0)))
    (call $value_return (i64.const 8) (i64.const 100)))
  (func (export "write2") (i64.store (i32.const 100) (call $storage_write (i64.const 1) (i64.const 0) (i64.const 3) (i64.const 16) (i64.const 0)))
    (call $value_return (i64.const -1) (i64.const 0)))
  (func (export "read") (if (i64.eqz (call $storage_read (i64.const 1) (i64.const 0) (i64.const 5))) (then (call $panic)))
    (call $value_return (i64.const -1) (i64.const 5)))
  (func (export "has") (i64.store (i32.const 100) (call $storage_has_key (i64.const 1) (i64.const 0)))
    (call $value_return (i64.const 8) (i64.const 100)))
  (func (export "remove") (i64.store (i32.const 100) (call $storage_remove (i64.const 1) (i64.const 0) (i64.const 5)))
    (i64.store (i32.const 108) (call $storage_usage))
    (call $value_return (i64.const 16) (i64.const 100)))
  (func (export "usage") (i64.store (i32.const 100) (call $storage_usage)) (call $value_return (i64.const 8) (i64.const 100)))
  (func (export "write_then_panic") (drop (call $storage_write (i64.const 1) (i64.const 0) (i64.const 2) (i64.const 8) (i64.const 0)))
    (call $panic)))";

uint64_t u64_at(const Bytes& b, size_t off = 0) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b.at(off + size_t(i));
  return v;
}

TEST(HostStorage, WriteReadOverwriteRemove) {
  MemoryExternal ext;
  VMContext ctx;
  ctx.storage_usage = 1000;
  auto o = run(kBody, "write1", ctx, P, &ext);
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(u64_at(o.return_data.value), 0u);  // a new key
  EXPECT_EQ(o.storage_usage, 1000u + 1 + 2 + 40);
  EXPECT_EQ(o.burnt_gas, P.base + P.storage_write_base + RM(1) + RM(2) + P.storage_write_key_byte +
                             2 * P.storage_write_value_byte + TTN + (P.base + RM(8)));
  EXPECT_EQ(ext.data.size(), 1u);

  ctx.storage_usage = o.storage_usage;
  o = run(kBody, "write2", ctx, P, &ext);
  ASSERT_FALSE(o.aborted);
  EXPECT_EQ(returned(o), "v1");  // the evicted value
  EXPECT_EQ(o.storage_usage, 1000u + 1 + 3 + 40);
  EXPECT_EQ(o.burnt_gas, P.base + P.storage_write_base + RM(1) + RM(3) + P.storage_write_key_byte +
                             3 * P.storage_write_value_byte + 2 * P.storage_write_evicted_byte + TTN + WR(2) +
                             (P.base + RR(2)));

  o = run(kBody, "read", ctx, P, &ext);
  ASSERT_FALSE(o.aborted);
  EXPECT_EQ(returned(o), "v22");
  EXPECT_EQ(o.burnt_gas, P.base + P.storage_read_base + RM(1) + P.storage_read_key_byte + TTN +
                             3 * P.storage_read_value_byte + WR(3) + (P.base + RR(3)));

  o = run(kBody, "has", ctx, P, &ext);
  EXPECT_EQ(u64_at(o.return_data.value), 1u);

  ctx.storage_usage = 1000 + 1 + 3 + 40;
  o = run(kBody, "remove", ctx, P, &ext);
  ASSERT_FALSE(o.aborted);
  EXPECT_EQ(u64_at(o.return_data.value), 1u);
  EXPECT_EQ(u64_at(o.return_data.value, 8), 1000u);
  EXPECT_TRUE(ext.data.empty());
  o = run(kBody, "has", ctx, P, &ext);
  EXPECT_EQ(u64_at(o.return_data.value), 0u);
}

TEST(HostStorage, FailedCallLeavesNoWrites) {
  MemoryExternal ext;
  auto o = run(kBody, "write_then_panic", {}, P, &ext);
  EXPECT_EQ(error_path(o), "HostError::GuestPanic");
  EXPECT_TRUE(ext.data.empty());
}

TEST(HostStorage, ViewCallsMayReadButNotWrite) {
  MemoryExternal ext;
  ASSERT_FALSE(run(kBody, "write1", {}, P, &ext).aborted);
  VMContext view;
  view.is_view = true;
  auto o = run(kBody, "write2", view, P, &ext);
  EXPECT_EQ(error_path(o), "HostError::ProhibitedInView");
  EXPECT_EQ(o.aborted->message, "storage_write");
  EXPECT_EQ(o.burnt_gas, P.base);
  EXPECT_EQ(error_path(run(kBody, "remove", view, P, &ext)), "HostError::ProhibitedInView");
  o = run(kBody, "read", view, P, &ext);
  ASSERT_FALSE(o.aborted);
  EXPECT_EQ(returned(o), "v1");
}

TEST(HostStorage, KeyAndValueLimits) {
  Params p = free_wasm();
  p.limit.max_length_storage_key = 0;
  auto o = run(kBody, "write1", {}, p);
  EXPECT_EQ(error_path(o), "HostError::KeyLengthExceeded");
  EXPECT_EQ(o.burnt_gas, P.base + P.storage_write_base + RM(1));
  EXPECT_EQ(error_path(run(kBody, "read", {}, p)), "HostError::KeyLengthExceeded");
  p = free_wasm();
  p.limit.max_length_storage_value = 1;
  o = run(kBody, "write1", {}, p);
  EXPECT_EQ(error_path(o), "HostError::ValueLengthExceeded");
  EXPECT_EQ(o.burnt_gas, P.base + P.storage_write_base + RM(1) + RM(2));
}

TEST(HostStorage, BadKeyPointer) {
  auto o = run(R"((func (export "main") (drop (call $storage_read (i64.const 4) (i64.const 99999999) (i64.const 0)))))", "main");
  EXPECT_EQ(error_path(o), "HostError::MemoryAccessViolation");
  EXPECT_EQ(o.burnt_gas, P.base + P.storage_read_base + RM(4));
}

TEST(HostStorage, DeprecatedIteratorsLinkAndFailForFree) {
  auto o = run(R"((func (export "main") (drop (call $storage_iter_prefix (i64.const 0) (i64.const 0)))))", "main");
  EXPECT_EQ(error_path(o), "HostError::Deprecated");
  EXPECT_EQ(o.aborted->message, "storage_iter_prefix");
  EXPECT_EQ(o.burnt_gas, 0u);
}

TEST(HostStorage, NamespacesAreSeparate) {
  MemoryExternal ext;
  VMContext a, b;
  b.current_namespace = "plugin";
  ASSERT_FALSE(run(kBody, "write1", a, P, &ext).aborted);
  EXPECT_EQ(error_path(run(kBody, "read", b, P, &ext)), "HostError::GuestPanic");  // absent in "plugin"
  ASSERT_FALSE(run(kBody, "read", a, P, &ext).aborted);
}

}  // namespace
}  // namespace syncwasm::near::test
