#include "value_text.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <limits>
#include <optional>
#include <system_error>
#include <type_traits>

namespace syncwasm::cli {
namespace {

// Bit layout of an IEEE binary float stored in Bits.
template <class F, class Bits>
struct FloatLayout {
  static constexpr int kBits = sizeof(Bits) * 8;
  static constexpr int kMantissaBits = std::numeric_limits<F>::digits - 1;
  static constexpr Bits kSign = Bits(1) << (kBits - 1);
  static constexpr Bits kMantissa = (Bits(1) << kMantissaBits) - 1;
  static constexpr Bits kExponent = ~kSign & ~kMantissa;
  static constexpr Bits kQuiet = Bits(1) << (kMantissaBits - 1);
};

bool is_digit(char c, int base) {
  if (c >= '0' && c <= '9') return true;
  return base == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
}

// Strips a leading sign; returns true if it was '-'.
bool take_sign(std::string_view& t) {
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    bool neg = t[0] == '-';
    t.remove_prefix(1);
    return neg;
  }
  return false;
}

// Strips a leading "0x"/"0X"; returns true if there was one.
bool take_hex_prefix(std::string_view& t) {
  if (t.size() >= 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
    t.remove_prefix(2);
    return true;
  }
  return false;
}

std::optional<uint64_t> parse_unsigned(std::string_view t, int base) {
  if (t.empty() || !is_digit(t[0], base)) return std::nullopt;
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v, base);
  if (ec != std::errc{} || end != t.data() + t.size()) return std::nullopt;
  return v;
}

// An integer of `bits` bits (32 or 64), as its two's complement bit pattern.
std::optional<uint64_t> parse_int(std::string_view t, int bits) {
  bool neg = take_sign(t);
  int base = take_hex_prefix(t) ? 16 : 10;
  std::optional<uint64_t> mag = parse_unsigned(t, base);
  if (!mag) return std::nullopt;
  uint64_t max_unsigned = bits == 64 ? UINT64_MAX : (uint64_t(1) << bits) - 1;
  uint64_t max_negative = uint64_t(1) << (bits - 1);
  if (neg ? *mag > max_negative : *mag > max_unsigned) return std::nullopt;
  uint64_t v = neg ? uint64_t(0) - *mag : *mag;
  return v & max_unsigned;
}

template <class F, class Bits>
std::optional<Bits> parse_float(std::string_view t) {
  using L = FloatLayout<F, Bits>;
  bool neg = take_sign(t);
  Bits mag = 0;
  if (t == "nan") {
    mag = L::kExponent | L::kQuiet;
  } else if (t.starts_with("nan:0x")) {
    std::optional<uint64_t> payload = parse_unsigned(t.substr(6), 16);
    if (!payload || *payload == 0 || *payload > L::kMantissa) return std::nullopt;
    mag = L::kExponent | Bits(*payload);
  } else if (t == "inf" || t == "infinity") {
    mag = L::kExponent;
  } else {
    std::chars_format fmt = take_hex_prefix(t) ? std::chars_format::hex : std::chars_format::general;
    int base = fmt == std::chars_format::hex ? 16 : 10;
    if (t.empty() || !(is_digit(t[0], base) || t[0] == '.')) return std::nullopt;
    F f{};
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), f, fmt);
    if (end != t.data() + t.size()) return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
      // from_chars rejects underflow too; strtof/strtod round it to a subnormal or zero, correctly.
      std::string copy = (fmt == std::chars_format::hex ? "0x" : "") + std::string(t);
      f = std::is_same_v<F, float> ? F(std::strtof(copy.c_str(), nullptr)) : F(std::strtod(copy.c_str(), nullptr));
      if (std::isinf(f)) return std::nullopt;  // overflow: not representable
    } else if (ec != std::errc{}) {
      return std::nullopt;
    }
    mag = std::bit_cast<Bits>(f);
  }
  return neg ? Bits(mag | L::kSign) : mag;
}

template <class F, class Bits>
std::string format_float(Bits bits) {
  using L = FloatLayout<F, Bits>;
  bool neg = (bits & L::kSign) != 0;
  std::string sign = neg ? "-" : "";
  if ((bits & L::kExponent) == L::kExponent) {
    Bits payload = bits & L::kMantissa;
    if (payload == 0) return sign + "inf";
    if (payload == L::kQuiet) return sign + "nan";
    char hex[32];
    auto [end, ec] = std::to_chars(hex, hex + sizeof hex, uint64_t(payload), 16);
    return sign + "nan:0x" + std::string(hex, end);
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::bit_cast<F>(bits));  // shortest round trip
  return std::string(buf, end);
}

std::string range_hint(ValType type) {
  switch (type) {
    case ValType::i32: return "an i32 (decimal or 0x hex, -2147483648..4294967295)";
    case ValType::i64: return "an i64 (decimal or 0x hex, -9223372036854775808..18446744073709551615)";
    case ValType::f32: return "an f32 (decimal or 0x hex float, inf, nan, nan:0xPAYLOAD)";
    case ValType::f64: return "an f64 (decimal or 0x hex float, inf, nan, nan:0xPAYLOAD)";
    case ValType::funcref: return "a funcref (only \"null\")";
    case ValType::externref: return "an externref (\"null\" or a decimal number)";
    case ValType::v128: return "a v128 (not supported)";
  }
  return "a value";
}

}  // namespace

std::expected<Value, std::string> parse_value_text(std::string_view text, ValType type) {
  auto bad = [&] { return std::unexpected("expected " + range_hint(type) + ", got '" + std::string(text) + "'"); };
  switch (type) {
    case ValType::i32:
      if (auto v = parse_int(text, 32)) return Value{ValType::i32, *v};
      return bad();
    case ValType::i64:
      if (auto v = parse_int(text, 64)) return Value{ValType::i64, *v};
      return bad();
    case ValType::f32:
      if (auto v = parse_float<float, uint32_t>(text)) return Value::f32_bits(*v);
      return bad();
    case ValType::f64:
      if (auto v = parse_float<double, uint64_t>(text)) return Value::f64_bits(*v);
      return bad();
    case ValType::funcref:
      if (text == "null") return Value::null(ValType::funcref);
      return bad();
    case ValType::externref:
      if (text == "null") return Value::null(ValType::externref);
      if (auto n = parse_unsigned(text, 10); n && *n != UINT64_MAX) return Value::externref(*n + 1);
      return bad();
    case ValType::v128:
      return bad();
  }
  return bad();
}

std::string format_value(const Value& v) {
  switch (v.type) {
    case ValType::i32: return std::to_string(v.as_i32());
    case ValType::i64: return std::to_string(v.as_i64());
    case ValType::f32: return format_float<float, uint32_t>(uint32_t(v.bits));
    case ValType::f64: return format_float<double, uint64_t>(v.bits);
    case ValType::funcref: return v.is_null() ? "null" : "ref.func";
    case ValType::externref: return v.is_null() ? "null" : std::to_string(v.bits - 1);
    case ValType::v128: return "v128";
  }
  return "?";
}

std::string describe_value(const Value& v) { return std::string(to_string(v.type)) + ":" + format_value(v); }

}  // namespace syncwasm::cli
