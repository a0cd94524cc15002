// Numeric semantics of WebAssembly that C++ does not give directly: float min/max, rounding,
// copysign on bits, and float-to-int conversion range checks.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace syncwasm::rt {

inline float f32_of(uint64_t s) { return std::bit_cast<float>(uint32_t(s)); }
inline double f64_of(uint64_t s) { return std::bit_cast<double>(s); }
inline uint64_t bits_of(float f) { return std::bit_cast<uint32_t>(f); }
inline uint64_t bits_of(double d) { return std::bit_cast<uint64_t>(d); }

constexpr uint32_t kCanonicalNan32 = 0x7FC00000u;
constexpr uint64_t kCanonicalNan64 = 0x7FF8000000000000ull;

template <class F>
inline F wasm_min(F a, F b) {
  if (a != a || b != b) return a + b;  // an arithmetic NaN from the NaN operand(s)
  if (a == 0 && b == 0) return std::signbit(a) ? a : b;
  return a < b ? a : b;
}
template <class F>
inline F wasm_max(F a, F b) {
  if (a != a || b != b) return a + b;
  if (a == 0 && b == 0) return std::signbit(a) ? b : a;
  return a > b ? a : b;
}

// ceil/floor/trunc/nearest must return a quiet (arithmetic) NaN; libm may pass a signalling one through.
template <class F>
inline F quiet(F r) {
  return r != r ? r + r : r;
}

// Whether a float lies in the range that truncates to an integer of type I (NaN excluded).
template <class I, class F>
inline bool trunc_in_range(F x) {
  if constexpr (std::is_signed_v<I>) {
    // -2^(N-1) - 1 < x < 2^(N-1), evaluated exactly in double for 32-bit targets.
    if constexpr (sizeof(I) == 4) return double(x) > -2147483649.0 && double(x) < 2147483648.0;
    else return x >= F(-9223372036854775808.0) && x < F(9223372036854775808.0);
  } else {
    if constexpr (sizeof(I) == 4) return double(x) > -1.0 && double(x) < 4294967296.0;
    else return x > F(-1.0) && x < F(18446744073709551616.0);
  }
}

template <class I, class F>
inline I trunc_sat(F x) {
  if (x != x) return 0;
  if (trunc_in_range<I>(x)) return I(x);
  return x < 0 ? std::numeric_limits<I>::min() : std::numeric_limits<I>::max();
}

}  // namespace syncwasm::rt
