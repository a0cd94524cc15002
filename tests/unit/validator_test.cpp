// Validator: the spec's typing rules and the embedder's feature switches.
#include <gtest/gtest.h>

#include "support/wat.h"

namespace syncwasm {
namespace {

Error invalid(const std::string& text, Features fs = {}, const std::string& flags = "") {
  auto r = Module::validate(test::wat(text, flags), fs);
  EXPECT_FALSE(r.has_value()) << text;
  return r ? Error{} : r.error();
}

bool valid(const std::string& text, Features fs = {}) {
  auto r = Module::validate(test::wat(text), fs);
  if (!r) ADD_FAILURE() << r.error().to_string();
  return r.has_value();
}

TEST(Validator, AcceptsWellTypedCode) {
  EXPECT_TRUE(valid(R"((module (func (param i32) (result i32)
      (block (result i32) (br_if 0 (local.get 0) (local.get 0)) (drop) (i32.const 1)))))"));
}

TEST(Validator, TypeMismatch) {
  Error e = invalid("(module (func (result i32) (i64.const 1)))", {}, "--no-check");
  EXPECT_EQ(e.kind, ErrorKind::invalid);
  EXPECT_NE(e.message.find("type mismatch"), std::string::npos) << e.message;
  EXPECT_TRUE(e.offset.has_value());
}

TEST(Validator, UnknownIndices) {
  EXPECT_NE(invalid("(module (func (local.get 0) (drop)))", {}, "--no-check").message.find("unknown local"),
            std::string::npos);
  EXPECT_NE(invalid("(module (func (call 5)))", {}, "--no-check").message.find("unknown function"),
            std::string::npos);
  EXPECT_NE(invalid("(module (func (i32.load (i32.const 0)) (drop)))", {}, "--no-check").message.find("unknown memory"),
            std::string::npos);
}

TEST(Validator, ImmutableGlobal) {
  EXPECT_EQ(invalid("(module (global i32 (i32.const 0)) (func (global.set 0 (i32.const 1))))", {}, "--no-check").message,
            "global is immutable");
}

TEST(Validator, UnreachableCodeIsPolymorphic) {
  EXPECT_TRUE(valid("(module (func (result i32) (unreachable) (i32.add)))"));
  invalid("(module (func (result i32) (unreachable) (i64.const 0) (i32.add)))", {}, "--no-check");
}

// A module using a disabled feature is rejected with an error naming the feature.
struct FeatureCase {
  const char* feature;
  const char* wat;
  bool Features::*flag;
};

class FeatureGate : public ::testing::TestWithParam<FeatureCase> {};

TEST_P(FeatureGate, RejectedWhenDisabledAcceptedWhenEnabled) {
  const FeatureCase& c = GetParam();
  Features on;
  EXPECT_TRUE(valid(c.wat, on));
  Features off;
  off.*c.flag = false;
  Error e = invalid(c.wat, off);
  EXPECT_NE(e.message.find(c.feature), std::string::npos) << e.message;
}

INSTANTIATE_TEST_SUITE_P(
    All, FeatureGate,
    ::testing::Values(
        FeatureCase{"sign-extension", "(module (func (result i32) (i32.extend8_s (i32.const 1))))",
                    &Features::sign_extension},
        FeatureCase{"saturating-float-to-int", "(module (func (result i32) (i32.trunc_sat_f32_s (f32.const 1))))",
                    &Features::saturating_float_to_int},
        FeatureCase{"multi-value", "(module (func (result i32 i32) (i32.const 1) (i32.const 2)))",
                    &Features::multi_value},
        FeatureCase{"bulk-memory", "(module (memory 1) (func (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))))",
                    &Features::bulk_memory},
        FeatureCase{"reference-types", "(module (func (result i32) (ref.is_null (ref.null extern))))",
                    &Features::reference_types},
        FeatureCase{"mutable-globals", "(module (import \"m\" \"g\" (global (mut i32))))",
                    &Features::mutable_globals}),
    [](const auto& info) {
      std::string n = info.param.feature;
      for (char& ch : n)
        if (ch == '-') ch = '_';
      return n;
    });

TEST(Validator, SimdIsRejectedAsUnsupported) {
  Error e = invalid("(module (func (result i32) (drop (v128.const i64x2 0 0)) (i32.const 0)))");
  EXPECT_NE(e.message.find("SIMD"), std::string::npos) << e.message;
}

TEST(Validator, MvpProfileRejectsEveryProposal) {
  EXPECT_TRUE(valid("(module (func (result i32) (i32.add (i32.const 1) (i32.const 2))))", Features::mvp()));
  invalid("(module (func (result i32) (i32.extend16_s (i32.const 1))))", Features::mvp());
}

}  // namespace
}  // namespace syncwasm
