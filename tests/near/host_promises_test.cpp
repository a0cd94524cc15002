// Promise host functions: recorded receipts and actions, fees (send burnt, send + execution
// reserved), attached gas, balance, promise results and the errors.
#include "near_test_support.h"

namespace syncwasm::near::test {
namespace {

const Params P = free_wasm();

const char* kBody = R"((data (i32.const 0) "bob.near") (data (i32.const 16) "go") (data (i32.const 24) "{}")
  (data (i32.const 32) "\00")  ;; a zero u128 amount at 32..48
  (data (i32.const 48) "\e8\03")  ;; 1000 yocto at 48..64
  (func (export "create") (local i64)
    (local.set 0 (call $promise_create (i64.const 8) (i64.const 0) (i64.const 2) (i64.const 16) (i64.const 2) (i64.const 24)
                                       (i64.const 32) (i64.const 5000000000000)))
    (call $promise_return (local.get 0)))
  (func (export "then_bad") (drop (call $promise_then (i64.const 7) (i64.const 8) (i64.const 0) (i64.const 2) (i64.const 16)
                                          (i64.const 2) (i64.const 24) (i64.const 32) (i64.const 0))))
  (func (export "joint") (local i64)
    (i64.store (i32.const 100) (call $promise_batch_create (i64.const 8) (i64.const 0)))
    (i64.store (i32.const 108) (call $promise_batch_create (i64.const 8) (i64.const 0)))
    (local.set 0 (call $promise_and (i64.const 100) (i64.const 2)))
    (call $promise_return (local.get 0)))
  (func (export "transfer") (local i64)
    (local.set 0 (call $promise_batch_create (i64.const 8) (i64.const 0)))
    (call $promise_batch_action_transfer (local.get 0) (i64.const 48)))
  (func (export "bad_account") (drop (call $promise_batch_create (i64.const 2) (i64.const 16))))  ;; "go" is 2 chars: valid
  (func (export "bad_account2") (drop (call $promise_batch_create (i64.const 3) (i64.const 23))))  ;; "\00{}" invalid
  (func (export "results") (local i64)
    (i64.store (i32.const 100) (call $promise_results_count))
    (i64.store (i32.const 108) (call $promise_result (i64.const 0) (i64.const 3)))
    (i64.store (i32.const 116) (call $promise_result (i64.const 1) (i64.const 4)))
    (call $read_register (i64.const 3) (i64.const 124))
    (call $value_return (i64.const 26) (i64.const 100)))
  (func (export "result_oob") (drop (call $promise_result (i64.const 9) (i64.const 0)))))";

TEST(HostPromises, CreateRecordsReceiptAndReservesGas) {
  auto o = run(kBody, "create");
  ASSERT_FALSE(o.aborted) << error_path(o);
  ASSERT_EQ(o.receipts.size(), 1u);
  EXPECT_EQ(o.receipts[0].receiver_id, "bob.near");
  ASSERT_EQ(o.receipts[0].actions.size(), 1u);
  auto& fc = std::get<FunctionCallAction>(o.receipts[0].actions[0]);
  EXPECT_EQ(fc.method, "go");
  EXPECT_EQ(fc.args, (Bytes{'{', '}'}));
  EXPECT_EQ(fc.gas, 5000000000000u);
  EXPECT_EQ(o.return_data.kind, ReturnKind::receipt_index);
  const auto& A = P.action;
  // Not the current account: send_not_sir fees are burnt, execution fees and the attached gas reserved.
  Gas reserved = A.action_receipt_creation.execution + A.function_call_base.execution +
                 4 * A.function_call_per_byte.execution + 5000000000000u;
  EXPECT_EQ(o.used_gas - o.burnt_gas, reserved);
  Gas host = 2 * P.base + (P.read_memory_base + 8 * P.read_memory_byte) + P.utf8_decoding_base + 8 * P.utf8_decoding_byte +
             (P.read_memory_base + 16 * P.read_memory_byte) + 2 * (P.read_memory_base + 2 * P.read_memory_byte) +
             P.base + P.promise_return;
  Gas sent = A.action_receipt_creation.send_not_sir + A.function_call_base.send_not_sir + 4 * A.function_call_per_byte.send_not_sir;
  EXPECT_EQ(o.burnt_gas, host + sent);
}

TEST(HostPromises, ErrorsAndJointPromises) {
  EXPECT_EQ(error_path(run(kBody, "then_bad")), "HostError::InvalidPromiseIndex");
  auto o = run(kBody, "joint");
  EXPECT_EQ(error_path(o), "HostError::CannotReturnJointPromise");
  EXPECT_FALSE(run(kBody, "bad_account").aborted);
  EXPECT_EQ(error_path(run(kBody, "bad_account2")), "HostError::InvalidAccountId");
  VMContext view;
  view.is_view = true;
  o = run(kBody, "create", view);
  EXPECT_EQ(error_path(o), "HostError::ProhibitedInView");
  EXPECT_EQ(o.aborted->message, "promise_batch_create");
}

TEST(HostPromises, TransferSpendsBalance) {
  VMContext ctx;
  ctx.account_balance = 5000;
  auto o = run(kBody, "transfer", ctx);
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(o.balance, Balance(4000));
  EXPECT_EQ(std::get<TransferAction>(o.receipts.at(0).actions.at(0)).deposit, Balance(1000));
  ctx.account_balance = 999;
  EXPECT_EQ(error_path(run(kBody, "transfer", ctx)), "HostError::BalanceExceeded");
}

TEST(HostPromises, ReceiptsOfAFailedCallAreDropped) {
  auto o = run(R"((data (i32.const 0) "bob.near")
    (func (export "main") (drop (call $promise_batch_create (i64.const 8) (i64.const 0))) (call $panic)))", "main");
  EXPECT_EQ(error_path(o), "HostError::GuestPanic");
  EXPECT_TRUE(o.receipts.empty());
  EXPECT_GT(o.used_gas, o.burnt_gas);  // the reservation is still reported as used
}

TEST(HostPromises, PromiseResults) {
  VMContext ctx;
  ctx.promise_results = {Bytes{'o', 'k'}, std::nullopt};
  auto o = run(kBody, "results", ctx);
  ASSERT_FALSE(o.aborted) << error_path(o);
  const Bytes& r = o.return_data.value;
  EXPECT_EQ(r[0], 2);   // count
  EXPECT_EQ(r[8], 1);   // successful
  EXPECT_EQ(r[16], 2);  // failed
  EXPECT_EQ(std::string(r.begin() + 24, r.end()), "ok");
  EXPECT_EQ(error_path(run(kBody, "result_oob", ctx)), "HostError::InvalidPromiseResultIndex");
}

}  // namespace
}  // namespace syncwasm::near::test
