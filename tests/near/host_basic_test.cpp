// Host functions: registers, context, return values, panics and logs — results, errors, limits and
// the exact gas each charges (wasm execution is free in these tests, see free_wasm()).
#include "near_test_support.h"

namespace syncwasm::near::test {
namespace {

const Params P = free_wasm();
Gas RM(uint64_t n) { return P.read_memory_base + n * P.read_memory_byte; }
Gas WM(uint64_t n) { return P.write_memory_base + n * P.write_memory_byte; }
Gas RR(uint64_t n) { return P.read_register_base + n * P.read_register_byte; }
Gas WR(uint64_t n) { return P.write_register_base + n * P.write_register_byte; }
Gas UTF8(uint64_t n) { return P.utf8_decoding_base + n * P.utf8_decoding_byte; }
Gas LOG(uint64_t n) { return P.log_base + n * P.log_byte; }

TEST(HostRegisters, WriteReadAndReturn) {
  auto o = run(R"((data (i32.const 0) "hello")
    (func (export "main")
      (call $write_register (i64.const 1) (i64.const 5) (i64.const 0))
      (call $read_register (i64.const 1) (i64.const 100))
      (call $value_return (i64.const 5) (i64.const 100))))", "main");
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(returned(o), "hello");
  EXPECT_EQ(o.burnt_gas, (P.base + RM(5) + WR(5)) + (P.base + RR(5) + WM(5)) + (P.base + RM(5)));
  EXPECT_EQ(o.used_gas, o.burnt_gas);
}

TEST(HostRegisters, UnknownRegisterAndLength) {
  auto o = run(R"((func (export "main") (call $read_register (i64.const 7) (i64.const 0))))", "main");
  EXPECT_EQ(error_path(o), "HostError::InvalidRegisterId");
  EXPECT_EQ(o.burnt_gas, P.base);
  o = run(R"((func (export "main")
      (i64.store (i32.const 0) (call $register_len (i64.const 7)))
      (call $value_return (i64.const 8) (i64.const 0))))", "main");
  ASSERT_FALSE(o.aborted);
  EXPECT_EQ(o.return_data.value, Bytes(8, 0xFF));  // u64::MAX when unset
}

TEST(HostRegisters, BadPointerPaysThenFails) {
  auto o = run(R"((func (export "main") (call $value_return (i64.const 5) (i64.const 70000000))))", "main");
  EXPECT_EQ(error_path(o), "HostError::MemoryAccessViolation");
  EXPECT_EQ(o.burnt_gas, P.base + RM(5));
  // Pointer + length overflowing u64.
  o = run(R"((func (export "main") (call $value_return (i64.const 16) (i64.const -8))))", "main");
  EXPECT_EQ(error_path(o), "HostError::MemoryAccessViolation");
}

// Overwriting a register with data of the same size reuses its buffer (registers.h copy_small up to
// 16 bytes): every size from 1 to 17 reads back the new bytes, and only them.
TEST(HostRegisters, SameSizeOverwritesReadBack) {
  auto o = run(R"((data (i32.const 0) "abcdefghijklmnopq") (data (i32.const 64) "ABCDEFGHIJKLMNOPQ")
    (func (export "main") (local $n i64)
      (local.set $n (i64.const 1))
      (loop
        (call $write_register (i64.const 1) (local.get $n) (i64.const 0))
        (call $write_register (i64.const 1) (local.get $n) (i64.const 64))
        (call $read_register (i64.const 1) (i64.add (i64.const 200) (i64.mul (local.get $n) (i64.const 20))))
        (br_if 0 (i64.le_u (local.tee $n (i64.add (local.get $n) (i64.const 1))) (i64.const 17))))
      (call $value_return (i64.const 340) (i64.const 220))))", "main");
  ASSERT_FALSE(o.aborted) << error_path(o);
  const std::string upper = "ABCDEFGHIJKLMNOPQ";
  ASSERT_EQ(o.return_data.value.size(), 340u);
  for (size_t n = 1; n <= 17; ++n) {
    std::string chunk(o.return_data.value.begin() + 20 * (n - 1), o.return_data.value.begin() + 20 * n);
    EXPECT_EQ(chunk, upper.substr(0, n) + std::string(20 - n, '\0')) << "size " << n;
  }
}

// The count limit also refuses to overwrite an existing register once the limit is reached.
TEST(HostRegisters, CountLimitIncludesOverwrites) {
  Params p = free_wasm();
  p.limit.max_number_registers = 3;
  const char* body = R"((func $fill (export "fill") (local i64)
      (loop (call $write_register (local.get 0) (i64.const 1) (i64.const 0))
        (br_if 0 (i64.lt_u (local.tee 0 (i64.add (local.get 0) (i64.const 1))) (i64.const 3)))))
    (func (export "overwrite") (call $fill) (call $write_register (i64.const 0) (i64.const 1) (i64.const 0)))
    (func (export "fourth") (call $fill) (call $write_register (i64.const 9) (i64.const 1) (i64.const 0))))";
  EXPECT_FALSE(run(body, "fill", {}, p).aborted);
  EXPECT_EQ(error_path(run(body, "overwrite", {}, p)), "HostError::MemoryAccessViolation");
  EXPECT_EQ(error_path(run(body, "fourth", {}, p)), "HostError::MemoryAccessViolation");
}

TEST(HostRegisters, SizeLimit) {
  Params p = free_wasm();
  p.limit.max_register_size = 4;
  auto o = run(R"((func (export "main") (call $write_register (i64.const 0) (i64.const 5) (i64.const 0))))", "main", {}, p);
  EXPECT_EQ(error_path(o), "HostError::MemoryAccessViolation");
  EXPECT_EQ(o.burnt_gas, P.base + RM(5) + WR(5));
}

TEST(HostContext, AccountIdsThroughRegisters) {
  VMContext ctx;
  ctx.current_account_id = "contract.near";
  auto o = run(R"((func (export "main")
      (call $current_account_id (i64.const 0))
      (call $value_return (i64.const -1) (i64.const 0))))", "main", ctx);
  ASSERT_FALSE(o.aborted);
  EXPECT_EQ(returned(o), "contract.near");
  EXPECT_EQ(o.burnt_gas, (P.base + WR(13)) + (P.base + RR(13)));
}

TEST(HostContext, InputChargesNoPerByteFee) {
  VMContext ctx;
  ctx.input = Bytes{'{', '}', '!'};
  auto o = run(R"((func (export "main") (call $input (i64.const 3)) (call $value_return (i64.const -1) (i64.const 3))))",
               "main", ctx);
  ASSERT_FALSE(o.aborted);
  EXPECT_EQ(returned(o), "{}!");
  EXPECT_EQ(o.burnt_gas, (P.base + P.write_register_base) + (P.base + RR(3)));
}

TEST(HostContext, ProhibitedInView) {
  VMContext ctx;
  ctx.is_view = true;
  for (const char* call : {"(call $signer_account_id (i64.const 0))", "(call $predecessor_account_id (i64.const 0))",
                           "(drop (call $prepaid_gas))", "(drop (call $used_gas))"}) {
    auto o = run(std::string("(func (export \"main\") ") + call + ")", "main", ctx);
    EXPECT_EQ(error_path(o), "HostError::ProhibitedInView") << call;
    EXPECT_EQ(o.burnt_gas, P.base) << call;
  }
  auto o = run(R"((func (export "main") (call $current_account_id (i64.const 0))))", "main", ctx);
  EXPECT_FALSE(o.aborted);
}

TEST(HostContext, NumbersAndBalances) {
  VMContext ctx;
  ctx.block_height = 4242;
  ctx.attached_deposit = (Balance(1) << 100) + 7;
  auto o = run(R"((func (export "main")
      (i64.store (i32.const 0) (call $block_index))
      (call $attached_deposit (i64.const 8))
      (call $value_return (i64.const 24) (i64.const 0))))", "main", ctx);
  ASSERT_FALSE(o.aborted);
  Bytes expect(24, 0);
  expect[0] = 4242 & 0xFF;
  expect[1] = 4242 >> 8;
  expect[8] = 7;
  expect[8 + 12] = 0x10;  // bit 100
  EXPECT_EQ(o.return_data.value, expect);
  EXPECT_EQ(o.burnt_gas, P.base + (P.base + WM(16)) + (P.base + RM(24)));
}

TEST(HostMisc, PanicAndPanicUtf8) {
  auto o = run(R"((func (export "main") (call $panic)))", "main");
  EXPECT_EQ(error_path(o), "HostError::GuestPanic");
  EXPECT_EQ(o.aborted->message, "explicit guest panic");
  EXPECT_EQ(o.burnt_gas, P.base);
  o = run(R"((data (i32.const 0) "boom!") (func (export "main") (call $panic_utf8 (i64.const 5) (i64.const 0))))", "main");
  EXPECT_EQ(error_path(o), "HostError::GuestPanic");
  EXPECT_EQ(o.aborted->message, "boom!");
  EXPECT_EQ(o.burnt_gas, P.base + UTF8(5) + RM(5));
  o = run(R"((data (i32.const 0) "\ff") (func (export "main") (call $panic_utf8 (i64.const 1) (i64.const 0))))", "main");
  EXPECT_EQ(error_path(o), "HostError::BadUTF8");
}

TEST(HostMisc, LogsKeptOnFailureAndCharged) {
  auto o = run(R"((data (i32.const 0) "hi")
    (func (export "main") (call $log_utf8 (i64.const 2) (i64.const 0)) (call $panic)))", "main");
  EXPECT_EQ(error_path(o), "HostError::GuestPanic");
  EXPECT_EQ(o.logs, std::vector<std::string>{"hi"});
  EXPECT_EQ(o.burnt_gas, (P.base + UTF8(2) + RM(2) + LOG(2)) + P.base);
}

TEST(HostMisc, NulTerminatedLogReadsByteByByte) {
  auto o = run(R"((data (i32.const 0) "abc\00") (func (export "main") (call $log_utf8 (i64.const -1) (i64.const 0))))", "main");
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(o.logs, std::vector<std::string>{"abc"});
  EXPECT_EQ(o.burnt_gas, P.base + P.utf8_decoding_base + 4 * RM(1) + 3 * P.utf8_decoding_byte + LOG(3));
}

TEST(HostMisc, LogLimits) {
  Params p = free_wasm();
  p.limit.max_number_logs = 2;
  const char* body = R"((data (i32.const 0) "hello")
    (func (export "main") (call $log_utf8 (i64.const 1) (i64.const 0)) (call $log_utf8 (i64.const 1) (i64.const 0))
      (call $log_utf8 (i64.const 1) (i64.const 0))))";
  auto o = run(body, "main", {}, p);
  EXPECT_EQ(error_path(o), "HostError::NumberOfLogsExceeded");
  EXPECT_EQ(o.logs.size(), 2u);
  p = free_wasm();
  p.limit.max_total_log_length = 5;
  o = run(R"((data (i32.const 0) "hello")
    (func (export "main") (call $log_utf8 (i64.const 5) (i64.const 0)) (call $log_utf8 (i64.const 1) (i64.const 0))))",
          "main", {}, p);
  EXPECT_EQ(error_path(o), "HostError::TotalLogLengthExceeded");
  EXPECT_EQ(o.logs, std::vector<std::string>{"hello"});
}

TEST(HostMisc, Utf16Log) {
  auto o = run(R"((data (i32.const 0) "h\00\e9\00\3d\d8\00\de")  ;; "hé😀" in UTF-16LE
    (func (export "main") (call $log_utf16 (i64.const 8) (i64.const 0))))", "main");
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(o.logs, std::vector<std::string>{"h\xC3\xA9\xF0\x9F\x98\x80"});
  o = run(R"((data (i32.const 0) "\00\dc") (func (export "main") (call $log_utf16 (i64.const 2) (i64.const 0))))", "main");
  EXPECT_EQ(error_path(o), "HostError::BadUTF16");
}

// AssemblyScript's abort: UTF-16 strings with their byte length stored just before them.
TEST(HostMisc, AssemblyScriptAbort) {
  auto o = run(R"((data (i32.const 96) "\08\00\00\00o\00o\00p\00s\00")
    (data (i32.const 196) "\08\00\00\00a\00.\00t\00s\00")
    (func (export "main") (call $abort (i32.const 100) (i32.const 200) (i32.const 3) (i32.const 4))))", "main");
  EXPECT_EQ(error_path(o), "HostError::GuestPanic");
  EXPECT_EQ(o.aborted->message, "oops, filename: \"a.ts\" line: 3 col: 4");
  EXPECT_EQ(o.logs, std::vector<std::string>{"ABORT: oops, filename: \"a.ts\" line: 3 col: 4"});
}

TEST(HostMisc, LegacyGasImportBurnsOps) {
  Params p = free_wasm();
  p.wasm.regular_op_cost = 0;
  Params with_ops = p;
  auto o = run(R"((func (export "main") (call $gas (i32.const 10))))", "main", {}, p);
  ASSERT_FALSE(o.aborted);
  EXPECT_EQ(o.burnt_gas, 0u);
  with_ops.wasm.regular_op_cost = 5;
  with_ops.wasm.contract_loading_base = 0;
  o = run(R"((func (export "main") (call $gas (i32.const 10))))", "main", {}, with_ops);
  // 8 ops frame + 2 ops (const, call) + 10 ops burnt by `gas`.
  EXPECT_EQ(o.burnt_gas, 5u * (8 + 2 + 10));
}

TEST(HostMisc, ReturnedValueLimit) {
  Params p = free_wasm();
  p.limit.max_length_returned_data = 4;
  auto o = run(R"((func (export "main") (call $value_return (i64.const 5) (i64.const 0))))", "main", {}, p);
  EXPECT_EQ(error_path(o), "HostError::ReturnedValueLengthExceeded");
}

}  // namespace
}  // namespace syncwasm::near::test
