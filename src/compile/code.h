// The engine's internal code: what the compiler emits and the interpreter runs.
//
// A function's code is a sequence of instructions in 32-bit units. Each instruction starts with
// its handler address (two units, direct threading), followed by its operands: slot indices
// relative to the frame pointer, immediates, or branch offsets relative to the instruction's start.
// A frame's slots are: parameters, declared locals, then the operand stack; operand height h lives
// in slot num_locals + h, so stack traffic is resolved to slots at translation time.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "decode/module.h"

namespace syncwasm::ir {

using CodeUnit = uint32_t;

// Internal instructions that are not 1:1 wasm instructions (SIMPLE/LOAD/STORE rows keep their Op).
// Operands are listed after each name.
#define SYNCWASM_XOPS(X)                                                                   \
  X(copy)          /* dst src */                                                            \
  X(copy2)         /* dst1 src1 dst2 src2: two copies in order */                           \
  X(br)            /* rel */                                                                \
  X(br_if)         /* cond rel */                                                           \
  X(br_unless)     /* cond rel */                                                           \
  X(br_table)      /* index n rel[n] rel_default */                                         \
  X(call)          /* func base */                                                          \
  X(call_indirect) /* type table base index_slot */                                         \
  X(return_)       /* n src: fp[0..n) = fp[src..src+n) */                                   \
  X(unreachable)   /* */                                                                    \
  X(global_get)    /* dst global */                                                         \
  X(global_set)    /* global src */                                                         \
  X(select)        /* dst a b cond */                                                       \
  X(memory_size)   /* dst */                                                                \
  X(memory_grow)   /* slot: pages in, old size or -1 out */                                 \
  X(memory_init)   /* data base: d s n */                                                   \
  X(data_drop)     /* data */                                                               \
  X(memory_copy)   /* base: d s n */                                                        \
  X(memory_fill)   /* base: d val n */                                                      \
  X(table_get)     /* table slot: index in, ref out */                                      \
  X(table_set)     /* table base: index ref */                                              \
  X(table_init)    /* elem table base: d s n */                                             \
  X(elem_drop)     /* elem */                                                               \
  X(table_copy)    /* dst_table src_table base: d s n */                                    \
  X(table_grow)    /* table base: ref n, result in base */                                  \
  X(table_size)    /* table dst */                                                          \
  X(table_fill)    /* table base: i ref n */                                                \
  X(ref_func)      /* dst func */                                                           \
  X(ref_is_null)   /* dst src */                                                            \
  X(gas)           /* cost_lo cost_hi: charge a region */                                   \
  X(gas_linear)    /* base_lo base_hi unit_lo unit_hi n_slot: charge base + unit * n */

// Integer comparisons fused with the conditional branch that consumes their result (a superinstruction
// for the most frequent pair in loops): br_if_CMP a [b] rel jumps when the comparison holds,
// br_unless_CMP when it does not. U: unary (eqz), B: binary.
#define SYNCWASM_FUSED_CMPS(U, B)                                                                   \
  U(i32_eqz) B(i32_eq) B(i32_ne) B(i32_lt_s) B(i32_lt_u) B(i32_gt_s) B(i32_gt_u) B(i32_le_s)          \
  B(i32_le_u) B(i32_ge_s) B(i32_ge_u) U(i64_eqz) B(i64_eq) B(i64_ne) B(i64_lt_s) B(i64_lt_u)          \
  B(i64_gt_s) B(i64_gt_u) B(i64_le_s) B(i64_le_u) B(i64_ge_s) B(i64_ge_u)

// Loads fused with the i32.add that computes their address (compilers emit `base + constant` with a
// separate add, since a load's offset does not wrap): NAME_add dst a b offset loads from
// uint32(a + b) + offset. A load ends its gas region, so the next region's charge usually follows
// it: NAME_gas and NAME_add_gas take that charge too (operands cost_lo cost_hi appended), after the
// load, exactly as the separate gas instruction would.
#define SYNCWASM_FUSED_LOADS(L)                                                                     \
  L(i32_load) L(i64_load) L(f32_load) L(f64_load) L(i32_load8_s) L(i32_load8_u) L(i32_load16_s)      \
  L(i32_load16_u) L(i64_load8_s) L(i64_load8_u) L(i64_load16_s) L(i64_load16_u) L(i64_load32_s)      \
  L(i64_load32_u)

// Stores with the next region's gas charge (as NAME_gas for loads): addr value offset cost_lo cost_hi.
#define SYNCWASM_FUSED_STORES(S)                                                                    \
  S(i32_store) S(i64_store) S(f32_store) S(f64_store) S(i32_store8) S(i32_store16) S(i64_store8)     \
  S(i64_store16) S(i64_store32)

// Binary operations fused with the binary operation that consumes their result, for the expression
// chains of hashing and numeric code. For every pair (A, B) of one family: A__B dst x y z computes
// (x A y) B z, and A__B_r computes z B (x A y); the intermediate value never goes through a slot.
// A family lists its operations as FAMILY(X, ...) -> X(op, ...) for each op.
#define SYNCWASM_PAIRABLE_I32(X, ...)                                                                 \
  X(i32_add, __VA_ARGS__) X(i32_sub, __VA_ARGS__) X(i32_mul, __VA_ARGS__) X(i32_and, __VA_ARGS__)       \
  X(i32_or, __VA_ARGS__) X(i32_xor, __VA_ARGS__) X(i32_shl, __VA_ARGS__) X(i32_shr_s, __VA_ARGS__)      \
  X(i32_shr_u, __VA_ARGS__) X(i32_rotl, __VA_ARGS__) X(i32_rotr, __VA_ARGS__)
#define SYNCWASM_PAIRABLE_I64(X, ...)                                                                 \
  X(i64_add, __VA_ARGS__) X(i64_sub, __VA_ARGS__) X(i64_mul, __VA_ARGS__) X(i64_and, __VA_ARGS__)       \
  X(i64_or, __VA_ARGS__) X(i64_xor, __VA_ARGS__) X(i64_shl, __VA_ARGS__) X(i64_shr_s, __VA_ARGS__)      \
  X(i64_shr_u, __VA_ARGS__) X(i64_rotl, __VA_ARGS__) X(i64_rotr, __VA_ARGS__)
#define SYNCWASM_PAIRABLE_F32(X, ...) X(f32_add, __VA_ARGS__) X(f32_sub, __VA_ARGS__) X(f32_mul, __VA_ARGS__)
#define SYNCWASM_PAIRABLE_F64(X, ...) X(f64_add, __VA_ARGS__) X(f64_sub, __VA_ARGS__) X(f64_mul, __VA_ARGS__)
// P(A, B) for every pair of every family. A family's list is used inside its own expansion, which the
// preprocessor forbids; naming it through FAMILY_INDIRECT() and rescanning once more (EXPAND) allows it.
#define SYNCWASM_FUSED_PAIRS(P)                                                                         \
  SYNCWASM_PAIRS_OF(SYNCWASM_PAIRABLE_I32, P) SYNCWASM_PAIRS_OF(SYNCWASM_PAIRABLE_I64, P)               \
  SYNCWASM_PAIRS_OF(SYNCWASM_PAIRABLE_F32, P) SYNCWASM_PAIRS_OF(SYNCWASM_PAIRABLE_F64, P)
#define SYNCWASM_PAIRABLE_I32_INDIRECT() SYNCWASM_PAIRABLE_I32
#define SYNCWASM_PAIRABLE_I64_INDIRECT() SYNCWASM_PAIRABLE_I64
#define SYNCWASM_PAIRABLE_F32_INDIRECT() SYNCWASM_PAIRABLE_F32
#define SYNCWASM_PAIRABLE_F64_INDIRECT() SYNCWASM_PAIRABLE_F64
#define SYNCWASM_EMPTY()
#define SYNCWASM_EXPAND(...) __VA_ARGS__
#define SYNCWASM_PAIRS_OF(FAMILY, P) SYNCWASM_EXPAND(FAMILY(SYNCWASM_PAIR_ROW, FAMILY##_INDIRECT, P))
#define SYNCWASM_PAIR_ROW(a, INDIRECT, P) INDIRECT SYNCWASM_EMPTY()()(SYNCWASM_PAIR_CELL, a, P)
#define SYNCWASM_PAIR_CELL(b, a, P) P(a, b)

// Full-width loads that carry their region's gas charge (NAME_gas, NAME_add_gas: metered code) fused
// with the binary operation of their value type's family that consumes the loaded value, as its left
// (LOAD_gas__B) or right (LOAD_gas__B_r) operand: LOAD_gas__B dst addr offset cost_lo cost_hi z and
// LOAD_add_gas__B dst a b offset cost_lo cost_hi z. The loaded value never goes through a slot.
// P(op, load) for every pair.
#define SYNCWASM_FUSED_LOAD_OPS(P)                                                                   \
  SYNCWASM_PAIRABLE_I32(P, i32_load) SYNCWASM_PAIRABLE_I64(P, i64_load) SYNCWASM_PAIRABLE_F32(P, f32_load) \
  SYNCWASM_PAIRABLE_F64(P, f64_load)

enum class XOp : uint16_t {
#define X(name) name,
  SYNCWASM_XOPS(X)
#undef X
#define F(cmp) br_if_##cmp, br_unless_##cmp,
  SYNCWASM_FUSED_CMPS(F, F)
#undef F
#define L(load) load##_add, load##_gas, load##_add_gas,
  SYNCWASM_FUSED_LOADS(L)
#undef L
#define S(store) store##_gas,
  SYNCWASM_FUSED_STORES(S)
#undef S
#define P(op, load) load##_gas__##op, load##_gas__##op##_r, load##_add_gas__##op, load##_add_gas__##op##_r,
  SYNCWASM_FUSED_LOAD_OPS(P)
#undef P
#define P(a, b) a##__##b, a##__##b##_r,
  SYNCWASM_FUSED_PAIRS(P)
#undef P
  count_
};
// Handler table index of an internal instruction: wasm ops first, then XOps.
constexpr unsigned kHandlerCount = kOpCount + unsigned(XOp::count_);
constexpr unsigned handler_index(XOp x) { return kOpCount + unsigned(x); }
constexpr unsigned handler_index(Op op) { return unsigned(op); }

struct CompiledFunc {
  uint32_t code_offset = 0;  // into CompiledModule::code
  uint32_t num_params = 0;
  uint32_t num_locals = 0;   // parameters included
  uint32_t frame_slots = 0;  // locals + the maximum operand height + constants (at least num_results)
  uint32_t num_results = 0;
  // The function's constants live in frame slots [const_base, const_base + num_consts), copied from
  // CompiledModule::consts[const_offset...] when a frame is entered, so instructions read them as operands.
  uint32_t const_base = 0;
  uint32_t num_consts = 0;
  uint32_t const_offset = 0;
  uint64_t max_operand_bytes = 0;  // finite-wasm's static operand stack maximum
  uint64_t stack_cost = 0;         // max_operand_bytes + frame bytes, against GasSchedule::stack_budget
};

struct CompiledModule {
  Module module;
  std::vector<CodeUnit> code;
  std::vector<CompiledFunc> funcs;  // defined functions only
  std::vector<uint64_t> consts;     // every function's constants, see CompiledFunc::const_base
};

}  // namespace syncwasm::ir
