#include "spectest_values.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <system_error>

#include "value_text.h"

namespace syncwasm::cli {
namespace {

using json = nlohmann::json;

uint64_t parse_bits(const std::string& text, ValType type) {
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, 10);
  bool narrow = type == ValType::i32 || type == ValType::f32;
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || (narrow && v > UINT32_MAX))
    throw BadCommand("bad " + std::string(to_string(type)) + " value \"" + text + "\"");
  return v;
}

const json* optional_value(const json& v) {
  auto it = v.find("value");
  return it == v.end() ? nullptr : &*it;
}

std::string value_string(const json& value) {
  if (!value.is_string()) throw BadCommand("\"value\" is not a string: " + value.dump());
  return value.get<std::string>();
}

}  // namespace

const json& field(const json& obj, const char* key) {
  if (!obj.is_object()) throw BadCommand("expected a JSON object, got " + obj.dump());
  auto it = obj.find(key);
  if (it == obj.end()) throw BadCommand(std::string("missing field \"") + key + "\"");
  return *it;
}

std::string string_field(const json& obj, const char* key) {
  const json& f = field(obj, key);
  if (!f.is_string()) throw BadCommand(std::string("field \"") + key + "\" is not a string");
  return f.get<std::string>();
}

const json& array_field(const json& obj, const char* key) {
  const json& f = field(obj, key);
  if (!f.is_array()) throw BadCommand(std::string("field \"") + key + "\" is not an array");
  return f;
}

ValType parse_val_type(std::string_view name) {
  if (name == "i32") return ValType::i32;
  if (name == "i64") return ValType::i64;
  if (name == "f32") return ValType::f32;
  if (name == "f64") return ValType::f64;
  if (name == "v128") return ValType::v128;
  if (name == "funcref") return ValType::funcref;
  if (name == "externref") return ValType::externref;
  throw BadCommand("unknown value type \"" + std::string(name) + "\"");
}

Value json_to_value(const json& v) {
  ValType type = parse_val_type(string_field(v, "type"));
  if (type == ValType::v128) throw BadCommand("v128 values are not supported");
  std::string text = value_string(field(v, "value"));
  if (is_ref(type)) {
    if (text == "null") return Value::null(type);
    if (type == ValType::funcref) throw BadCommand("a non-null funcref argument cannot be expressed");
    uint64_t n = parse_bits(text, type);
    if (n == UINT64_MAX) throw BadCommand("externref value out of range");
    return Value::externref(n + 1);
  }
  return Value{type, parse_bits(text, type)};
}

ExpectedValue json_to_expected(const json& v) {
  ExpectedValue e;
  e.type = parse_val_type(string_field(v, "type"));
  if (e.type == ValType::v128) throw BadCommand("v128 values are not supported");
  const json* value = optional_value(v);
  if (is_ref(e.type)) {
    if (value == nullptr) {
      e.kind = ExpectedValue::Kind::non_null_ref;
      return e;
    }
    std::string text = value_string(*value);
    if (text == "null") return e;  // exact, bits 0
    uint64_t n = parse_bits(text, e.type);
    if (e.type == ValType::funcref) {
      e.kind = ExpectedValue::Kind::non_null_ref;  // function handles are engine-internal
    } else {
      if (n == UINT64_MAX) throw BadCommand("externref value out of range");
      e.bits = n + 1;
    }
    return e;
  }
  if (value == nullptr) throw BadCommand("missing field \"value\"");
  std::string text = value_string(*value);
  if (text == "nan:canonical" || text == "nan:arithmetic") {
    if (e.type != ValType::f32 && e.type != ValType::f64) throw BadCommand(text + " for a non-float type");
    e.kind = text == "nan:canonical" ? ExpectedValue::Kind::canonical_nan : ExpectedValue::Kind::arithmetic_nan;
    return e;
  }
  e.bits = parse_bits(text, e.type);
  return e;
}

bool matches(const ExpectedValue& e, const Value& actual) {
  if (actual.type != e.type) return false;
  bool narrow = e.type == ValType::i32 || e.type == ValType::f32;
  uint64_t bits = narrow ? actual.bits & 0xFFFF'FFFFu : actual.bits;
  switch (e.kind) {
    case ExpectedValue::Kind::exact:
      return bits == e.bits;
    case ExpectedValue::Kind::canonical_nan:
      return narrow ? (bits & 0x7FFF'FFFFu) == 0x7FC0'0000u
                    : (bits & 0x7FFF'FFFF'FFFF'FFFFu) == 0x7FF8'0000'0000'0000u;
    case ExpectedValue::Kind::arithmetic_nan:
      return narrow ? (bits & 0x7FC0'0000u) == 0x7FC0'0000u
                    : (bits & 0x7FF8'0000'0000'0000u) == 0x7FF8'0000'0000'0000u;
    case ExpectedValue::Kind::non_null_ref:
      return !actual.is_null();
  }
  return false;
}

std::string describe(const ExpectedValue& e) {
  std::string type = to_string(e.type);
  switch (e.kind) {
    case ExpectedValue::Kind::exact: return describe_value(Value{e.type, e.bits});
    case ExpectedValue::Kind::canonical_nan: return type + ":nan:canonical";
    case ExpectedValue::Kind::arithmetic_nan: return type + ":nan:arithmetic";
    case ExpectedValue::Kind::non_null_ref: return type + ":non-null";
  }
  return type;
}

}  // namespace syncwasm::cli
