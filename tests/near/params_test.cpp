// The parameter table: PV86 defaults, JSON overrides and their errors.
#include <gtest/gtest.h>

#include "near/params.h"

namespace syncwasm::near {
namespace {

TEST(Params, Pv86Defaults) {
  Params p;
  EXPECT_EQ(p.wasm.regular_op_cost, 822756u);
  EXPECT_EQ(p.base, 264768111u);
  EXPECT_EQ(p.limit.max_gas_burnt, 1'000'000'000'000'000ull);
  EXPECT_EQ(p.limit.max_stack_height, 262144u);
  EXPECT_EQ(p.action.function_call_base.execution, 780'000'000'000ull);
  GasSchedule g = p.gas_schedule();
  EXPECT_TRUE(g.enabled);
  EXPECT_EQ(g.linear_base, 26'328'192u);
}

TEST(Params, JsonOverrides) {
  auto p = load_params(R"({"ext_costs": {"base": 1}, "limits": {"max_number_logs": 5},
    "action_costs": {"transfer": {"send_sir": 2, "execution": 3}}, "wasm": {"regular_op_cost": 7}})");
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_EQ(p->base, 1u);
  EXPECT_EQ(p->limit.max_number_logs, 5u);
  EXPECT_EQ(p->action.transfer.send_sir, 2u);
  EXPECT_EQ(p->action.transfer.send_not_sir, 115'123'062'500ull);  // untouched
  EXPECT_EQ(p->action.transfer.execution, 3u);
  EXPECT_EQ(p->wasm.regular_op_cost, 7u);
  EXPECT_NE(fingerprint(*p), fingerprint(Params{}));
}

TEST(Params, JsonErrors) {
  EXPECT_FALSE(load_params("[1]").has_value());
  EXPECT_FALSE(load_params(R"({"ext_costs": {"nope": 1}})").has_value());
  EXPECT_FALSE(load_params(R"({"limits": {"max_number_logs": -1}})").has_value());
  EXPECT_FALSE(load_params(R"({"other": {}})").has_value());
  EXPECT_FALSE(load_params(R"({"action_costs": {"transfer": {"sent": 1}}})").has_value());
  EXPECT_FALSE(load_params("{not json").has_value());
}

}  // namespace
}  // namespace syncwasm::near
