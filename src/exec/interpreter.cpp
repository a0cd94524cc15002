// The interpreter: direct-threaded internal code, dispatched by computed goto. Wasm calls push a
// Frame on the execution's own frame stack instead of recursing in C++, so an execution can stop in
// the middle of a host call and continue later.
#include <bit>
#include <cstring>

#include "exec/numeric.h"
#include "exec/runtime.h"

namespace syncwasm::rt {
namespace {

using ir::CodeUnit;

inline const void* handler_at(const CodeUnit* pc) {
  const void* h;
  std::memcpy(&h, pc, sizeof h);
  return h;
}

// NaN canonicalization (deterministic NaN bits): a NaN result is rare, so its path is out of line and
// the common one falls through.
template <typename F, typename Bits>
inline F canonical(F x, bool canon, Bits nan_bits) {
  if (__builtin_expect(x != x, 0) && canon) return std::bit_cast<F>(nan_bits);
  return x;
}

#define R32(x) uint32_t(x)
#define RS32(x) int32_t(uint32_t(x))
#define R64(x) uint64_t(x)
#define RS64(x) int64_t(x)
#define RF32(x) f32_of(x)
#define RF64(x) f64_of(x)
#define W32(v) uint64_t(uint32_t(v))
#define W64(v) uint64_t(v)
#define WF32(v) bits_of(float(v))
#define WF64(v) bits_of(double(v))
#define CANON32(x) canonical(x, canon, kCanonicalNan32)
#define CANON64(x) canonical(x, canon, kCanonicalNan64)

// The binary arithmetic operations that cannot trap, as functions of their operands' slot bits: their
// handlers and the fused pairs (SYNCWASM_FUSED_PAIRS) are built from them.
#define ARITHMETIC(X)                                                                   \
  X(i32_add, R32, W32, a + b)                                                           \
  X(i32_sub, R32, W32, a - b)                                                           \
  X(i32_mul, R32, W32, a * b)                                                           \
  X(i32_and, R32, W32, a & b)                                                           \
  X(i32_or, R32, W32, a | b)                                                            \
  X(i32_xor, R32, W32, a ^ b)                                                           \
  X(i32_shl, R32, W32, a << (b & 31))                                                   \
  X(i32_shr_s, R32, W32, int32_t(a) >> (b & 31))                                        \
  X(i32_shr_u, R32, W32, a >> (b & 31))                                                 \
  X(i32_rotl, R32, W32, std::rotl(a, int(b & 31)))                                      \
  X(i32_rotr, R32, W32, std::rotr(a, int(b & 31)))                                      \
  X(i64_add, R64, W64, a + b)                                                           \
  X(i64_sub, R64, W64, a - b)                                                           \
  X(i64_mul, R64, W64, a * b)                                                           \
  X(i64_and, R64, W64, a & b)                                                           \
  X(i64_or, R64, W64, a | b)                                                            \
  X(i64_xor, R64, W64, a ^ b)                                                           \
  X(i64_shl, R64, W64, a << (b & 63))                                                   \
  X(i64_shr_s, R64, W64, int64_t(a) >> (b & 63))                                        \
  X(i64_shr_u, R64, W64, a >> (b & 63))                                                 \
  X(i64_rotl, R64, W64, std::rotl(a, int(b & 63)))                                      \
  X(i64_rotr, R64, W64, std::rotr(a, int(b & 63)))                                      \
  X(f32_add, RF32, WF32, CANON32(a + b))                                                \
  X(f32_sub, RF32, WF32, CANON32(a - b))                                                \
  X(f32_mul, RF32, WF32, CANON32(a * b))                                                \
  X(f32_div, RF32, WF32, CANON32(a / b))                                                \
  X(f32_min, RF32, WF32, CANON32(wasm_min(a, b)))                                       \
  X(f32_max, RF32, WF32, CANON32(wasm_max(a, b)))                                       \
  X(f32_copysign, R32, W32, (a & 0x7FFFFFFFu) | (b & 0x80000000u))                      \
  X(f64_add, RF64, WF64, CANON64(a + b))                                                \
  X(f64_sub, RF64, WF64, CANON64(a - b))                                                \
  X(f64_mul, RF64, WF64, CANON64(a * b))                                                \
  X(f64_div, RF64, WF64, CANON64(a / b))                                                \
  X(f64_min, RF64, WF64, CANON64(wasm_min(a, b)))                                       \
  X(f64_max, RF64, WF64, CANON64(wasm_max(a, b)))                                       \
  X(f64_copysign, R64, W64, (a & 0x7FFFFFFFFFFFFFFFull) | (b & 0x8000000000000000ull))
#define EVAL(name, RD, WR, expr)                                                                \
  inline uint64_t eval_##name(uint64_t a_bits, uint64_t b_bits, [[maybe_unused]] bool canon) {  \
    auto a = RD(a_bits);                                                                        \
    auto b = RD(b_bits);                                                                        \
    return WR(expr);                                                                            \
  }
ARITHMETIC(EVAL)
#undef EVAL

// A host function's results, before they are written to the caller's slots (args may alias them).
constexpr size_t kMaxInlineResults = 16;

syncwasm::ExecState run(ExecState* sp, const void* const** table_out) {
  static const void* const kTable[] = {
#define SPECIAL(name, text, prefix, code, imm, feature) &&L_invalid,
#define SIMPLE(name, text, prefix, code, pops, push, feature) &&L_##name,
#define LOAD(name, text, code, align, push) &&L_##name,
#define STORE(name, text, code, align, pop) &&L_##name,
#include "decode/opcodes.def"
#define X(name) &&X_##name,
      SYNCWASM_XOPS(X)
#undef X
#define F(cmp) &&F_br_if_##cmp, &&F_br_unless_##cmp,
      SYNCWASM_FUSED_CMPS(F, F)
#undef F
#define L(load) &&F_##load##_add, &&F_##load##_gas, &&F_##load##_add_gas,
      SYNCWASM_FUSED_LOADS(L)
#undef L
#define S(store) &&F_##store##_gas,
      SYNCWASM_FUSED_STORES(S)
#undef S
#define P(op, load) &&F_##load##_gas__##op, &&F_##load##_gas__##op##_r, &&F_##load##_add_gas__##op, \
                    &&F_##load##_add_gas__##op##_r,
      SYNCWASM_FUSED_LOAD_OPS(P)
#undef P
#define P(a, b) &&F_##a##__##b, &&F_##a##__##b##_r,
      SYNCWASM_FUSED_PAIRS(P)
#undef P
  };
  static_assert(sizeof(kTable) / sizeof(kTable[0]) == ir::kHandlerCount);
  if (!sp) {
    *table_out = kTable;
    return syncwasm::ExecState::ready;
  }

  ExecState& s = *sp;
  const uint32_t max_depth = s.store->cfg.max_call_depth;
  const uint32_t max_slots = s.store->cfg.max_value_slots;
  const bool canon = s.store->cfg.canonicalize_nans;
  const bool budget = s.store->cfg.gas.stack_budget != 0;
  uint64_t fuel = s.fuel;
  uint64_t stack_left = s.stack_left;  // kept here while running: fp stores could alias s.stack_left
  uint64_t charge = 0;
  const CodeUnit* pc = s.pc;
  uint64_t* fp = s.stack.data() + s.fp;
  Instance* inst = s.inst;
  uint8_t* mem = nullptr;
  uint64_t mem_size = 0;
  TrapKind trap_kind = TrapKind::unreachable;
  std::string trap_msg;
  FuncInst* callee = nullptr;
  uint32_t call_base = 0;
  const CodeUnit* ret_pc = nullptr;

#define RELOAD_MEMORY()                                        \
  do {                                                         \
    if (inst->memory) {                                        \
      mem = inst->memory->data();                              \
      mem_size = inst->memory->size();                         \
    } else {                                                   \
      mem = nullptr;                                           \
      mem_size = 0;                                            \
    }                                                          \
  } while (0)
#define DISPATCH() goto* handler_at(pc)
#define NEXT(n)  \
  do {           \
    pc += (n);   \
    DISPATCH();  \
  } while (0)
#define S(i) fp[pc[i]]
#define TRAP(k)       \
  do {                \
    trap_kind = (k);  \
    goto trap;        \
  } while (0)

  RELOAD_MEMORY();
  s.state = syncwasm::ExecState::ready;
  DISPATCH();

  // ---- numeric instructions ----
#define UN(name, RD, WR, expr)    \
  L_##name : {                    \
    auto a = RD(S(3));            \
    S(2) = WR(expr);              \
    NEXT(4);                      \
  }
#define BIN(name, RD, WR, expr)   \
  L_##name : {                    \
    auto a = RD(S(3));            \
    auto b = RD(S(4));            \
    S(2) = WR(expr);              \
    NEXT(5);                      \
  }

  // The integer comparisons, once for their plain handlers and once for the fused ones below.
#define INTEGER_COMPARISONS(U, B)  \
  U(i32_eqz, R32, a == 0)          \
  B(i32_eq, R32, a == b)           \
  B(i32_ne, R32, a != b)           \
  B(i32_lt_s, RS32, a < b)         \
  B(i32_lt_u, R32, a < b)          \
  B(i32_gt_s, RS32, a > b)         \
  B(i32_gt_u, R32, a > b)          \
  B(i32_le_s, RS32, a <= b)        \
  B(i32_le_u, R32, a <= b)         \
  B(i32_ge_s, RS32, a >= b)        \
  B(i32_ge_u, R32, a >= b)         \
  U(i64_eqz, R64, a == 0)          \
  B(i64_eq, R64, a == b)           \
  B(i64_ne, R64, a != b)           \
  B(i64_lt_s, RS64, a < b)         \
  B(i64_lt_u, R64, a < b)          \
  B(i64_gt_s, RS64, a > b)         \
  B(i64_gt_u, R64, a > b)          \
  B(i64_le_s, RS64, a <= b)        \
  B(i64_le_u, R64, a <= b)         \
  B(i64_ge_s, RS64, a >= b)        \
  B(i64_ge_u, R64, a >= b)
#define CMP_UN(name, RD, expr) UN(name, RD, W32, expr)
#define CMP_BIN(name, RD, expr) BIN(name, RD, W32, expr)
  INTEGER_COMPARISONS(CMP_UN, CMP_BIN)
  BIN(f32_eq, RF32, W32, a == b)
  BIN(f32_ne, RF32, W32, a != b)
  BIN(f32_lt, RF32, W32, a < b)
  BIN(f32_gt, RF32, W32, a > b)
  BIN(f32_le, RF32, W32, a <= b)
  BIN(f32_ge, RF32, W32, a >= b)
  BIN(f64_eq, RF64, W32, a == b)
  BIN(f64_ne, RF64, W32, a != b)
  BIN(f64_lt, RF64, W32, a < b)
  BIN(f64_gt, RF64, W32, a > b)
  BIN(f64_le, RF64, W32, a <= b)
  BIN(f64_ge, RF64, W32, a >= b)

#define BIN_EVAL(name, RD, WR, expr)       \
  L_##name : {                             \
    S(2) = eval_##name(S(3), S(4), canon); \
    NEXT(5);                               \
  }
  ARITHMETIC(BIN_EVAL)
  // Two operations in one dispatch: operands dst x y z (see SYNCWASM_FUSED_PAIRS).
#define PAIR(a, b)                                                     \
  F_##a##__##b : {                                                     \
    S(2) = eval_##b(eval_##a(S(3), S(4), canon), S(5), canon);         \
    NEXT(6);                                                           \
  }                                                                    \
  F_##a##__##b##_r : {                                                 \
    S(2) = eval_##b(S(5), eval_##a(S(3), S(4), canon), canon);         \
    NEXT(6);                                                           \
  }
  SYNCWASM_FUSED_PAIRS(PAIR)

  UN(i32_clz, R32, W32, std::countl_zero(a))
  UN(i32_ctz, R32, W32, std::countr_zero(a))
  UN(i32_popcnt, R32, W32, std::popcount(a))
  L_i32_div_s : {
    int32_t a = RS32(S(3)), b = RS32(S(4));
    if (b == 0) TRAP(TrapKind::integer_divide_by_zero);
    if (a == INT32_MIN && b == -1) TRAP(TrapKind::integer_overflow);
    S(2) = W32(a / b);
    NEXT(5);
  }
  L_i32_div_u : {
    uint32_t a = R32(S(3)), b = R32(S(4));
    if (b == 0) TRAP(TrapKind::integer_divide_by_zero);
    S(2) = W32(a / b);
    NEXT(5);
  }
  L_i32_rem_s : {
    int32_t a = RS32(S(3)), b = RS32(S(4));
    if (b == 0) TRAP(TrapKind::integer_divide_by_zero);
    S(2) = W32(b == -1 ? 0 : a % b);
    NEXT(5);
  }
  L_i32_rem_u : {
    uint32_t a = R32(S(3)), b = R32(S(4));
    if (b == 0) TRAP(TrapKind::integer_divide_by_zero);
    S(2) = W32(a % b);
    NEXT(5);
  }

  UN(i64_clz, R64, W64, std::countl_zero(a))
  UN(i64_ctz, R64, W64, std::countr_zero(a))
  UN(i64_popcnt, R64, W64, std::popcount(a))
  L_i64_div_s : {
    int64_t a = RS64(S(3)), b = RS64(S(4));
    if (b == 0) TRAP(TrapKind::integer_divide_by_zero);
    if (a == INT64_MIN && b == -1) TRAP(TrapKind::integer_overflow);
    S(2) = W64(a / b);
    NEXT(5);
  }
  L_i64_div_u : {
    uint64_t a = R64(S(3)), b = R64(S(4));
    if (b == 0) TRAP(TrapKind::integer_divide_by_zero);
    S(2) = W64(a / b);
    NEXT(5);
  }
  L_i64_rem_s : {
    int64_t a = RS64(S(3)), b = RS64(S(4));
    if (b == 0) TRAP(TrapKind::integer_divide_by_zero);
    S(2) = W64(b == -1 ? 0 : a % b);
    NEXT(5);
  }
  L_i64_rem_u : {
    uint64_t a = R64(S(3)), b = R64(S(4));
    if (b == 0) TRAP(TrapKind::integer_divide_by_zero);
    S(2) = W64(a % b);
    NEXT(5);
  }

  // abs/neg/copysign act on the sign bit only, keeping NaN payloads intact.
  UN(f32_abs, R32, W32, a & 0x7FFFFFFFu)
  UN(f32_neg, R32, W32, a ^ 0x80000000u)
  UN(f32_ceil, RF32, WF32, CANON32(quiet(std::ceil(a))))
  UN(f32_floor, RF32, WF32, CANON32(quiet(std::floor(a))))
  UN(f32_trunc, RF32, WF32, CANON32(quiet(std::trunc(a))))
  UN(f32_nearest, RF32, WF32, CANON32(quiet(std::nearbyint(a))))
  UN(f32_sqrt, RF32, WF32, CANON32(std::sqrt(a)))
  UN(f64_abs, R64, W64, a & 0x7FFFFFFFFFFFFFFFull)
  UN(f64_neg, R64, W64, a ^ 0x8000000000000000ull)
  UN(f64_ceil, RF64, WF64, CANON64(quiet(std::ceil(a))))
  UN(f64_floor, RF64, WF64, CANON64(quiet(std::floor(a))))
  UN(f64_trunc, RF64, WF64, CANON64(quiet(std::trunc(a))))
  UN(f64_nearest, RF64, WF64, CANON64(quiet(std::nearbyint(a))))
  UN(f64_sqrt, RF64, WF64, CANON64(std::sqrt(a)))

  UN(i32_wrap_i64, R64, W32, a)
#define TRUNC(name, RD, I, WR)                                   \
  L_##name : {                                                   \
    auto a = RD(S(3));                                           \
    if (a != a) TRAP(TrapKind::invalid_conversion);              \
    if (!trunc_in_range<I>(a)) TRAP(TrapKind::integer_overflow); \
    S(2) = WR(I(a));                                             \
    NEXT(4);                                                     \
  }
  TRUNC(i32_trunc_f32_s, RF32, int32_t, W32)
  TRUNC(i32_trunc_f32_u, RF32, uint32_t, W32)
  TRUNC(i32_trunc_f64_s, RF64, int32_t, W32)
  TRUNC(i32_trunc_f64_u, RF64, uint32_t, W32)
  UN(i64_extend_i32_s, RS32, W64, int64_t(a))
  UN(i64_extend_i32_u, R32, W64, a)
  TRUNC(i64_trunc_f32_s, RF32, int64_t, W64)
  TRUNC(i64_trunc_f32_u, RF32, uint64_t, W64)
  TRUNC(i64_trunc_f64_s, RF64, int64_t, W64)
  TRUNC(i64_trunc_f64_u, RF64, uint64_t, W64)
  UN(f32_convert_i32_s, RS32, WF32, float(a))
  UN(f32_convert_i32_u, R32, WF32, float(a))
  UN(f32_convert_i64_s, RS64, WF32, float(a))
  UN(f32_convert_i64_u, R64, WF32, float(a))
  UN(f32_demote_f64, RF64, WF32, CANON32(float(a)))
  UN(f64_convert_i32_s, RS32, WF64, double(a))
  UN(f64_convert_i32_u, R32, WF64, double(a))
  UN(f64_convert_i64_s, RS64, WF64, double(a))
  UN(f64_convert_i64_u, R64, WF64, double(a))
  UN(f64_promote_f32, RF32, WF64, CANON64(double(a)))
  UN(i32_reinterpret_f32, R32, W32, a)
  UN(i64_reinterpret_f64, R64, W64, a)
  UN(f32_reinterpret_i32, R32, W32, a)
  UN(f64_reinterpret_i64, R64, W64, a)
  UN(i32_extend8_s, R32, W32, int32_t(int8_t(a)))
  UN(i32_extend16_s, R32, W32, int32_t(int16_t(a)))
  UN(i64_extend8_s, R64, W64, int64_t(int8_t(a)))
  UN(i64_extend16_s, R64, W64, int64_t(int16_t(a)))
  UN(i64_extend32_s, R64, W64, int64_t(int32_t(a)))
  UN(i32_trunc_sat_f32_s, RF32, W32, trunc_sat<int32_t>(a))
  UN(i32_trunc_sat_f32_u, RF32, W32, trunc_sat<uint32_t>(a))
  UN(i32_trunc_sat_f64_s, RF64, W32, trunc_sat<int32_t>(a))
  UN(i32_trunc_sat_f64_u, RF64, W32, trunc_sat<uint32_t>(a))
  UN(i64_trunc_sat_f32_s, RF32, W64, trunc_sat<int64_t>(a))
  UN(i64_trunc_sat_f32_u, RF32, W64, trunc_sat<uint64_t>(a))
  UN(i64_trunc_sat_f64_s, RF64, W64, trunc_sat<int64_t>(a))
  UN(i64_trunc_sat_f64_u, RF64, W64, trunc_sat<uint64_t>(a))

  // ---- memory: operands dst|addr, addr|value, offset ----
#define LOAD_OP(name, T, WR)                                          \
  L_##name : {                                                        \
    uint64_t ea = uint64_t(uint32_t(S(3))) + pc[4];                   \
    if (ea + sizeof(T) > mem_size) TRAP(TrapKind::out_of_bounds_memory); \
    T v;                                                              \
    std::memcpy(&v, mem + ea, sizeof(T));                             \
    S(2) = WR(v);                                                     \
    NEXT(5);                                                          \
  }
#define STORE_BODY(T)                                                    \
  uint64_t ea = uint64_t(uint32_t(S(2))) + pc[4];                       \
  if (ea + sizeof(T) > mem_size) TRAP(TrapKind::out_of_bounds_memory);  \
  T v = T(S(3));                                                        \
  std::memcpy(mem + ea, &v, sizeof(T));
// A store, and the store with the next region's gas charge (SYNCWASM_FUSED_STORES).
#define STORE_OP(name, T)  \
  L_##name : {             \
    STORE_BODY(T)          \
    NEXT(5);               \
  }                        \
  F_##name##_gas : {       \
    STORE_BODY(T)          \
    GAS_AT(5)              \
    NEXT(7);               \
  }
  // Fused with the i32.add of their address and/or the next region's gas charge
  // (SYNCWASM_FUSED_LOADS): operands dst addr offset [cost_lo cost_hi] or dst a b offset [...].
#define LOAD_VALUE(T, ADDR, OFFSET)                                      \
  uint64_t ea = uint64_t(uint32_t(ADDR)) + pc[OFFSET];                  \
  if (ea + sizeof(T) > mem_size) TRAP(TrapKind::out_of_bounds_memory);  \
  T v;                                                                  \
  std::memcpy(&v, mem + ea, sizeof(T));
#define LOAD_BODY(T, WR, ADDR, OFFSET) \
  LOAD_VALUE(T, ADDR, OFFSET)          \
  S(2) = WR(v);
#define GAS_AT(i)                                                        \
  charge = uint64_t(pc[i]) | (uint64_t(pc[i + 1]) << 32);               \
  if (charge > fuel) TRAP(TrapKind::out_of_gas);                        \
  fuel -= charge;
// A function's entry, the code after a call and branch targets usually start with a gas charge:
// calls, returns and branches take it inline (a compare instead of a dispatch), exactly as X_gas would.
#define GAS_INLINE()                        \
  if (handler_at(pc) == &&X_gas) {          \
    GAS_AT(2)                               \
    pc += 4;                                \
  }
#define LOAD_ADD_OP(name, T, WR)          \
  F_##name##_add : {                      \
    LOAD_BODY(T, WR, S(3) + S(4), 5)      \
    NEXT(6);                              \
  }                                       \
  F_##name##_gas : {                      \
    LOAD_BODY(T, WR, S(3), 4)             \
    GAS_AT(5)                             \
    NEXT(7);                              \
  }                                       \
  F_##name##_add_gas : {                  \
    LOAD_BODY(T, WR, S(3) + S(4), 5)      \
    GAS_AT(6)                             \
    NEXT(8);                              \
  }
#define LOADS(L)                          \
  L(i32_load, uint32_t, W32)              \
  L(i64_load, uint64_t, W64)              \
  L(f32_load, uint32_t, W32)              \
  L(f64_load, uint64_t, W64)              \
  L(i32_load8_s, int8_t, W32)             \
  L(i32_load8_u, uint8_t, W32)            \
  L(i32_load16_s, int16_t, W32)           \
  L(i32_load16_u, uint16_t, W32)          \
  L(i64_load8_s, int8_t, W64)             \
  L(i64_load8_u, uint8_t, W64)            \
  L(i64_load16_s, int16_t, W64)           \
  L(i64_load16_u, uint16_t, W64)          \
  L(i64_load32_s, int32_t, W64)           \
  L(i64_load32_u, uint32_t, W64)
  LOADS(LOAD_OP)
  LOADS(LOAD_ADD_OP)
  // Loads fused with the operation that consumes their value (SYNCWASM_FUSED_LOAD_OPS): operands
  // dst addr offset cost_lo cost_hi z, or dst a b offset cost_lo cost_hi z.
#define LOADED_i32_load(v) W32(v)
#define LOADED_i64_load(v) W64(v)
#define LOADED_f32_load(v) W32(v)
#define LOADED_f64_load(v) W64(v)
#define LOAD_TYPE_i32_load uint32_t
#define LOAD_TYPE_i64_load uint64_t
#define LOAD_TYPE_f32_load uint32_t
#define LOAD_TYPE_f64_load uint64_t
#define LOAD_THEN(op, load)                                                      \
  F_##load##_gas__##op : {                                                       \
    LOAD_VALUE(LOAD_TYPE_##load, S(3), 4)                                        \
    GAS_AT(5)                                                                    \
    S(2) = eval_##op(LOADED_##load(v), S(7), canon);                             \
    NEXT(8);                                                                     \
  }                                                                              \
  F_##load##_gas__##op##_r : {                                                   \
    LOAD_VALUE(LOAD_TYPE_##load, S(3), 4)                                        \
    GAS_AT(5)                                                                    \
    S(2) = eval_##op(S(7), LOADED_##load(v), canon);                             \
    NEXT(8);                                                                     \
  }                                                                              \
  F_##load##_add_gas__##op : {                                                   \
    LOAD_VALUE(LOAD_TYPE_##load, S(3) + S(4), 5)                                 \
    GAS_AT(6)                                                                    \
    S(2) = eval_##op(LOADED_##load(v), S(8), canon);                             \
    NEXT(9);                                                                     \
  }                                                                              \
  F_##load##_add_gas__##op##_r : {                                               \
    LOAD_VALUE(LOAD_TYPE_##load, S(3) + S(4), 5)                                 \
    GAS_AT(6)                                                                    \
    S(2) = eval_##op(S(8), LOADED_##load(v), canon);                             \
    NEXT(9);                                                                     \
  }
  SYNCWASM_FUSED_LOAD_OPS(LOAD_THEN)

  STORE_OP(i32_store, uint32_t)
  STORE_OP(i64_store, uint64_t)
  STORE_OP(f32_store, uint32_t)
  STORE_OP(f64_store, uint64_t)
  STORE_OP(i32_store8, uint8_t)
  STORE_OP(i32_store16, uint16_t)
  STORE_OP(i64_store8, uint8_t)
  STORE_OP(i64_store16, uint16_t)
  STORE_OP(i64_store32, uint32_t)

  X_memory_size : {
    S(2) = W32(mem_size / kPageSize);
    NEXT(3);
  }
  X_memory_grow : {
    S(2) = W32(memory_grow(*inst->memory, uint32_t(S(2))));
    RELOAD_MEMORY();
    NEXT(3);
  }
  X_memory_init : {
    uint64_t* v = &fp[pc[3]];
    const auto& seg = inst->module->module.datas[pc[2]].bytes;
    static const std::vector<uint8_t> kEmpty;
    if (!memory_init(*inst->memory, inst->data_dropped[pc[2]] ? kEmpty : seg, uint32_t(v[0]), uint32_t(v[1]),
                     uint32_t(v[2])))
      TRAP(TrapKind::out_of_bounds_memory);
    NEXT(4);
  }
  X_data_drop : {
    inst->data_dropped[pc[2]] = true;
    NEXT(3);
  }
  X_memory_copy : {
    uint64_t* v = &fp[pc[2]];
    uint64_t d = uint32_t(v[0]), src = uint32_t(v[1]), n = uint32_t(v[2]);
    if (d + n > mem_size || src + n > mem_size) TRAP(TrapKind::out_of_bounds_memory);
    if (n) std::memmove(mem + d, mem + src, n);
    NEXT(3);
  }
  X_memory_fill : {
    uint64_t* v = &fp[pc[2]];
    uint64_t d = uint32_t(v[0]), n = uint32_t(v[2]);
    if (d + n > mem_size) TRAP(TrapKind::out_of_bounds_memory);
    if (n) std::memset(mem + d, int(uint8_t(v[1])), n);
    NEXT(3);
  }

  // ---- tables ----
  X_table_get : {
    TableInst* t = inst->tables[pc[2]];
    uint32_t i = uint32_t(S(3));
    if (i >= t->elems.size()) TRAP(TrapKind::out_of_bounds_table);
    S(3) = t->elems[i];
    NEXT(4);
  }
  X_table_set : {
    TableInst* t = inst->tables[pc[2]];
    uint64_t* v = &fp[pc[3]];
    uint32_t i = uint32_t(v[0]);
    if (i >= t->elems.size()) TRAP(TrapKind::out_of_bounds_table);
    t->elems[i] = v[1];
    NEXT(4);
  }
  X_table_init : {
    uint64_t* v = &fp[pc[4]];
    if (!table_init(*inst->tables[pc[3]], inst->elem_segs[pc[2]], uint32_t(v[0]), uint32_t(v[1]), uint32_t(v[2])))
      TRAP(TrapKind::out_of_bounds_table);
    NEXT(5);
  }
  X_elem_drop : {
    inst->elem_segs[pc[2]].clear();
    inst->elem_segs[pc[2]].shrink_to_fit();
    NEXT(3);
  }
  X_table_copy : {
    TableInst* dt = inst->tables[pc[2]];
    TableInst* st = inst->tables[pc[3]];
    uint64_t* v = &fp[pc[4]];
    uint64_t d = uint32_t(v[0]), src = uint32_t(v[1]), n = uint32_t(v[2]);
    if (d + n > dt->elems.size() || src + n > st->elems.size()) TRAP(TrapKind::out_of_bounds_table);
    if (n) std::memmove(dt->elems.data() + d, st->elems.data() + src, n * sizeof(uint64_t));
    NEXT(5);
  }
  X_table_grow : {
    uint64_t* v = &fp[pc[3]];
    v[0] = W32(table_grow(*inst->tables[pc[2]], uint32_t(v[1]), v[0]));
    NEXT(4);
  }
  X_table_size : {
    S(3) = W32(inst->tables[pc[2]]->elems.size());
    NEXT(4);
  }
  X_table_fill : {
    TableInst* t = inst->tables[pc[2]];
    uint64_t* v = &fp[pc[3]];
    uint64_t i = uint32_t(v[0]), n = uint32_t(v[2]);
    if (i + n > t->elems.size()) TRAP(TrapKind::out_of_bounds_table);
    std::fill_n(t->elems.begin() + i, n, v[1]);
    NEXT(4);
  }
  X_ref_func : {
    S(2) = reinterpret_cast<uint64_t>(inst->funcs[pc[3]]);
    NEXT(4);
  }
  X_ref_is_null : {
    S(2) = W32(S(3) == 0);
    NEXT(4);
  }

  // ---- metering ----
  X_gas : {
    GAS_AT(2)
    NEXT(4);
  }
  X_gas_linear : {
    uint64_t base = uint64_t(pc[2]) | (uint64_t(pc[3]) << 32);
    uint64_t unit = uint64_t(pc[4]) | (uint64_t(pc[5]) << 32);
    if (__builtin_mul_overflow(unit, uint64_t(uint32_t(S(6))), &charge) ||
        __builtin_add_overflow(charge, base, &charge))
      charge = UINT64_MAX;
    if (charge > fuel) TRAP(TrapKind::out_of_gas);
    fuel -= charge;
    NEXT(7);
  }

  // ---- data movement ----
  X_copy : {
    S(2) = S(3);
    NEXT(4);
  }
  X_copy2 : {
    S(2) = S(3);
    S(4) = S(5);
    NEXT(6);
  }
  X_global_get : {
    S(2) = inst->globals[pc[3]]->value;
    NEXT(4);
  }
  X_global_set : {
    inst->globals[pc[2]]->value = S(3);
    NEXT(4);
  }
  X_select : {
    S(2) = uint32_t(S(5)) ? S(3) : S(4);
    NEXT(6);
  }

  // ---- control ----
  // Branch targets and the code after a conditional branch start a new gas region, so they usually
  // begin with a gas charge: branches take it inline, as calls and returns do (GAS_INLINE).
#define JUMP(rel)       \
  do {                  \
    pc += int32_t(rel); \
    GAS_INLINE();       \
    DISPATCH();         \
  } while (0)
#define NEXT_GAS(n) JUMP(n)
  X_br : JUMP(pc[2]);
  X_br_if : {
    if (uint32_t(S(2))) JUMP(pc[3]);
    NEXT_GAS(4);
  }
  X_br_unless : {
    if (!uint32_t(S(2))) JUMP(pc[3]);
    NEXT_GAS(4);
  }
  // Comparisons fused with br_if / br_unless (see SYNCWASM_FUSED_CMPS); `expr` as in the plain ops.
#define BRANCH_IF(cond, rel, n) \
  if (cond) JUMP(pc[rel]);      \
  NEXT_GAS(n);
#define FUSED_UN(name, RD, expr)                                    \
  F_br_if_##name : {                                                \
    auto a = RD(S(2));                                              \
    BRANCH_IF(expr, 3, 4)                                           \
  }                                                                 \
  F_br_unless_##name : {                                            \
    auto a = RD(S(2));                                              \
    BRANCH_IF(!(expr), 3, 4)                                        \
  }
#define FUSED_BIN(name, RD, expr)                                   \
  F_br_if_##name : {                                                \
    auto a = RD(S(2));                                              \
    auto b = RD(S(3));                                              \
    BRANCH_IF(expr, 4, 5)                                           \
  }                                                                 \
  F_br_unless_##name : {                                            \
    auto a = RD(S(2));                                              \
    auto b = RD(S(3));                                              \
    BRANCH_IF(!(expr), 4, 5)                                        \
  }
  INTEGER_COMPARISONS(FUSED_UN, FUSED_BIN)

  X_br_table : {
    uint32_t i = uint32_t(S(2));
    uint32_t n = pc[3];
    JUMP(pc[4 + (i < n ? i : n)]);
  }
  X_unreachable : TRAP(TrapKind::unreachable);
  X_call : {
    callee = inst->funcs[pc[2]];
    call_base = pc[3];
    ret_pc = pc + 4;
    goto do_call;
  }
  X_call_indirect : {
    TableInst* t = inst->tables[pc[3]];
    uint32_t i = uint32_t(S(5));
    if (i >= t->elems.size()) TRAP(TrapKind::undefined_element);
    callee = reinterpret_cast<FuncInst*>(t->elems[i]);
    if (!callee) TRAP(TrapKind::uninitialized_element);
    if (callee->type_id != inst->type_ids[pc[2]]) TRAP(TrapKind::indirect_call_type_mismatch);
    call_base = pc[4];
    ret_pc = pc + 6;
    goto do_call;
  }
  X_return_ : {
    uint32_t n = pc[2], src = pc[3];
    if (n == 1) fp[0] = fp[src];  // the usual case, without a loop's setup
    else
      for (uint32_t i = 0; i < n; ++i) fp[i] = fp[src + i];
    if (s.frames.empty()) goto finished;
    const Frame& f = s.frames.back();
    stack_left += f.stack_cost;
    pc = f.ret_pc;
    fp = s.stack.data() + f.fp;
    if (f.inst != inst) {
      inst = f.inst;
      RELOAD_MEMORY();
    }
    s.frames.pop_back();
    GAS_INLINE();
    DISPATCH();
  }

do_call : {
  uint32_t base = uint32_t(fp - s.stack.data()) + call_base;
  if (!callee->instance) {
    // Host function. Arguments are read in place; results go through a buffer since they alias.
    size_t nres = callee->type.results.size();
    uint64_t inline_res[kMaxInlineResults];
    std::vector<uint64_t> big_res(nres > kMaxInlineResults ? nres : 0);
    uint64_t* res = nres > kMaxInlineResults ? big_res.data() : inline_res;
    std::fill_n(res, nres, 0);
    s.pc = ret_pc;
    s.fp = uint32_t(fp - s.stack.data());
    s.inst = inst;
    s.fuel = fuel;
    HostCall hc{{s.stack.data() + base, callee->type.params.size()}, {res, nres}, inst, s.owner, {mem, mem_size}, &s.fuel};
    HostResult r = callee->host(hc);
    fuel = s.fuel;
    switch (r.status) {
      case HostStatus::ok:
        std::copy_n(res, nres, s.stack.data() + base);
        goto host_returned;  // a plain goto leaves this scope with its destructors run
      case HostStatus::trap:
        trap_kind = TrapKind::host;
        trap_msg = std::move(r.message);
        goto trap;
      case HostStatus::suspend:
        s.pending = callee;
        s.pending_results = base;
        s.fuel = fuel;
        s.stack_left = stack_left;
        s.state = syncwasm::ExecState::suspended;
        return s.state;
    }
  }
  if (s.frames.size() >= max_depth) TRAP(TrapKind::call_stack_exhausted);
  const ir::CompiledFunc& cf = *callee->compiled;
  if (budget) {
    if (cf.stack_cost > stack_left) TRAP(TrapKind::call_stack_exhausted);
    stack_left -= cf.stack_cost;
  }
  uint64_t need = uint64_t(base) + cf.frame_slots;
  if (need > s.stack.size()) {
    if (need > max_slots) TRAP(TrapKind::call_stack_exhausted);
    uint32_t cur = uint32_t(fp - s.stack.data());
    s.stack.resize(std::min<uint64_t>(max_slots, std::max<uint64_t>(need, s.stack.size() * 2)));
    fp = s.stack.data() + cur;
  }
  s.frames.push_back({ret_pc, uint32_t(fp - s.stack.data()), inst, budget ? cf.stack_cost : 0});
  fp = s.stack.data() + base;
  // Plain loops (the file is built without loop-to-libcall conversion): frames are small, and a
  // call to memset and memcpy for a few words cost fib 8% of its time.
  for (uint32_t i = cf.num_params; i < cf.num_locals; ++i) fp[i] = 0;
  for (uint32_t i = 0; i < cf.num_consts; ++i) fp[cf.const_base + i] = callee->consts[i];
  if (callee->instance != inst) {
    inst = callee->instance;
    RELOAD_MEMORY();
  }
  pc = callee->code;
  GAS_INLINE();
  DISPATCH();
}

host_returned:
  pc = ret_pc;
  RELOAD_MEMORY();
  DISPATCH();

L_invalid:
  trap_kind = TrapKind::host;
  trap_msg = "internal error: invalid internal instruction";
  goto trap;

trap:
  s.state = syncwasm::ExecState::trapped;
  s.trap = {trap_kind, trap_msg.empty() ? trap_message(trap_kind) : std::move(trap_msg),
            trap_kind == TrapKind::out_of_gas ? charge : 0};
  s.fuel = fuel;
  s.stack_left = stack_left;
  s.pc = pc;
  s.fp = uint32_t(fp - s.stack.data());
  s.inst = inst;
  return s.state;

finished:
  s.state = syncwasm::ExecState::finished;
  s.fuel = fuel;
  s.stack_left = stack_left;
  s.results.clear();
  for (size_t i = 0; i < s.entry->type.results.size(); ++i) s.results.push_back({s.entry->type.results[i], fp[i]});
  return s.state;
}

}  // namespace

syncwasm::ExecState interpret(ExecState& s) { return run(&s, nullptr); }

const void* const* handler_table() {
  static const void* const* table = [] {
    const void* const* t = nullptr;
    run(nullptr, &t);
    return t;
  }();
  return table;
}

}  // namespace syncwasm::rt
