// Values in wast2json's JSON ({"type": "i32", "value": "4294967295"}) and the comparison of results
// with expected values.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "syncwasm/types.h"

namespace syncwasm::cli {

// A command that does not have the expected shape. The runner reports it as a failed command.
struct BadCommand : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Field access that throws BadCommand (naming the field) instead of crashing or asserting.
const nlohmann::json& field(const nlohmann::json& obj, const char* key);
std::string string_field(const nlohmann::json& obj, const char* key);
const nlohmann::json& array_field(const nlohmann::json& obj, const char* key);

// "i32", "f64", "funcref", "externref", ...
ValType parse_val_type(std::string_view name);

// An action argument. Numbers are the unsigned decimal bit pattern (f32 as u32 bits, f64 as u64 bits);
// references are "null" or, for externref, N, which becomes the engine handle N + 1 (0 is null).
Value json_to_value(const nlohmann::json& v);

struct ExpectedValue {
  enum class Kind : uint8_t {
    exact,           // these bits (for references: null, or externref handle N + 1)
    canonical_nan,   // "nan:canonical": payload is exactly the quiet bit, either sign
    arithmetic_nan,  // "nan:arithmetic": quiet bit set, any payload and sign
    non_null_ref,    // a funcref number or a reference without a value: any non-null reference
  };
  ValType type = ValType::i32;
  Kind kind = Kind::exact;
  uint64_t bits = 0;
};
ExpectedValue json_to_expected(const nlohmann::json& v);
bool matches(const ExpectedValue& expected, const Value& actual);
std::string describe(const ExpectedValue& expected);

}  // namespace syncwasm::cli
