// Values as text: parsing command-line arguments and printing results.
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "syncwasm/types.h"

namespace syncwasm::cli {

// Parses a command-line argument as a value of `type`:
//   i32, i64   decimal or 0x hex, optionally negative; the signed or the unsigned range
//              (i32: -2147483648..4294967295)
//   f32, f64   decimal ("1.5", "-2e10") or hex ("0x1.8p3") floats, "inf", "nan", "nan:0xPAYLOAD",
//              each optionally signed; decimals are rounded to nearest
//   funcref    "null"
//   externref  "null", or a decimal N (the host reference N; the engine handle is N + 1)
std::expected<Value, std::string> parse_value_text(std::string_view text, ValType type);

// How a value is printed:
//   i32, i64   signed decimal
//   f32, f64   the shortest decimal that reads back to the same bits ("0.1", "-0", "1e+30"),
//              "inf", "-inf", "nan" (canonical NaN), "nan:0x200000" (other payloads), "-nan", ...
//   externref  "null" or N (see parse_value_text); funcref "null" or "ref.func"
std::string format_value(const Value& v);

// format_value with the type in front, for messages: "i32:-1", "f32:nan:0x1", "externref:null".
std::string describe_value(const Value& v);

}  // namespace syncwasm::cli
