// Value types, features, errors and traps shared by every layer and by embedders.
#pragma once

#include <cstdint>
#include <cstring>
#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace syncwasm {

enum class ValType : uint8_t {
  i32 = 0x7F,
  i64 = 0x7E,
  f32 = 0x7D,
  f64 = 0x7C,
  v128 = 0x7B,
  funcref = 0x70,
  externref = 0x6F,
};
const char* to_string(ValType t);
inline bool is_ref(ValType t) { return t == ValType::funcref || t == ValType::externref; }
// Natural size of a value in bytes (references count as 8).
constexpr uint32_t byte_size(ValType t) {
  return t == ValType::i32 || t == ValType::f32 ? 4 : t == ValType::v128 ? 16 : 8;
}

struct FuncType {
  std::vector<ValType> params;
  std::vector<ValType> results;
  bool operator==(const FuncType&) const = default;
  std::string to_string() const;  // e.g. "(i32 i64) -> (f32)"
};

struct Limits {
  uint32_t min = 0;
  std::optional<uint32_t> max;
};

enum class ExternKind : uint8_t { func = 0, table = 1, memory = 2, global = 3 };
const char* to_string(ExternKind k);

// A typed value. Numbers are kept as raw bits (floats included, so NaN payloads survive).
// A reference is 0 when null; a funcref is an engine handle, an externref an embedder handle.
struct Value {
  ValType type = ValType::i32;
  uint64_t bits = 0;

  static Value i32(int32_t v) { return {ValType::i32, uint32_t(v)}; }
  static Value i64(int64_t v) { return {ValType::i64, uint64_t(v)}; }
  static Value f32_bits(uint32_t b) { return {ValType::f32, b}; }
  static Value f64_bits(uint64_t b) { return {ValType::f64, b}; }
  static Value f32(float f) { uint32_t b; std::memcpy(&b, &f, 4); return f32_bits(b); }
  static Value f64(double d) { uint64_t b; std::memcpy(&b, &d, 8); return f64_bits(b); }
  static Value null(ValType ref_type) { return {ref_type, 0}; }
  static Value externref(uint64_t handle) { return {ValType::externref, handle}; }

  int32_t as_i32() const { return int32_t(uint32_t(bits)); }
  int64_t as_i64() const { return int64_t(bits); }
  float as_f32() const { float f; uint32_t b = uint32_t(bits); std::memcpy(&f, &b, 4); return f; }
  double as_f64() const { double d; std::memcpy(&d, &bits, 8); return d; }
  bool is_null() const { return bits == 0; }
  std::string to_string() const;  // "i32:42", "f64:1.5", "funcref:null", ...
};

// Post-MVP proposals an embedder may switch on or off. SIMD is not supported.
struct Features {
  bool mutable_globals = true;
  bool sign_extension = true;
  bool saturating_float_to_int = true;
  bool multi_value = true;
  bool bulk_memory = true;
  bool reference_types = true;
  bool simd = false;

  static Features mvp() { return {false, false, false, false, false, false, false}; }
};

enum class ErrorKind : uint8_t {
  malformed,       // the bytes are not a well-formed binary module
  invalid,         // well-formed, but does not validate
  unlinkable,      // an import is missing or has the wrong type
  uninstantiable,  // a segment is out of bounds or the start function trapped
  usage,           // the embedder called the API wrongly (wrong argument count or type, ...)
};
const char* to_string(ErrorKind k);

struct Error {
  ErrorKind kind = ErrorKind::usage;
  std::string message;
  std::optional<size_t> offset;  // byte offset in the module binary, when known
  std::string to_string() const;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> make_error(ErrorKind k, std::string msg, std::optional<size_t> off = {}) {
  return std::unexpected(Error{k, std::move(msg), off});
}

enum class TrapKind : uint8_t {
  unreachable,
  integer_overflow,
  integer_divide_by_zero,
  invalid_conversion,
  out_of_bounds_memory,
  out_of_bounds_table,
  undefined_element,
  uninitialized_element,
  indirect_call_type_mismatch,
  call_stack_exhausted,
  out_of_gas,  // a gas charge exceeded the execution's fuel; Trap::gas_charge holds the charge
  host,  // a host function reported a trap; the message says why
};
const char* trap_message(TrapKind k);  // the spec's wording, e.g. "integer divide by zero"

struct Trap {
  TrapKind kind = TrapKind::unreachable;
  std::string message;     // trap_message(kind), or the host's message
  uint64_t gas_charge = 0;  // out_of_gas: the charge that did not fit
};

// Instruction metering (NEAR's finite-wasm model). With `enabled`, the compiler charges each
// straight-line region's summed cost at its start: regular_op per instruction (block, end and else
// are free), linear_base + linear_unit * n for bulk memory/table operations (and memory.grow /
// table.grow when grow_linear), and a frame cost of ceil(frame_bytes / 8) * regular_op at function
// entry. stack_budget (bytes, 0 = none) bounds the sum of active frames' stack costs.
struct GasSchedule {
  bool enabled = false;
  uint64_t regular_op = 0;
  uint64_t linear_base = 0;
  uint64_t linear_unit = 0;
  bool grow_linear = true;
  uint64_t stack_budget = 0;
};

}  // namespace syncwasm
