// Wasm instruction identifiers and static facts, generated from opcodes.def.
#pragma once

#include <cstdint>

#include "syncwasm/types.h"

namespace syncwasm::ir {

enum class Op : uint16_t {
#define SPECIAL(name, text, prefix, code, imm, feature) name,
#define SIMPLE(name, text, prefix, code, pops, push, feature) name,
#define LOAD(name, text, code, align, push) name,
#define STORE(name, text, code, align, pop) name,
#include "decode/opcodes.def"
  count_
};
constexpr unsigned kOpCount = unsigned(Op::count_);

enum class Imm : uint8_t {
  none, block, label, br_table, func, call_indirect, local, global, table, mem0, memarg,
  i32, i64, f32, f64, select_t, reftype, data_mem, data, mem_mem, elem_table, elem, table_table,
};
enum class OpClass : uint8_t { special, simple, load, store };
// Which post-MVP feature an instruction needs (mvp: none).
enum class Feature : uint8_t {
  mvp, mutable_globals, sign_extension, saturating_float_to_int, multi_value, bulk_memory, reference_types,
};
const char* feature_name(Feature f);
// The enabled features as a bit per Feature (mvp always): the validator tests an instruction's feature
// with a shift rather than a switch, which mispredicted on every instruction.
inline uint32_t feature_mask(const Features& fs) {
  auto bit = [](bool on, Feature f) { return on ? 1u << unsigned(f) : 0u; };
  return bit(true, Feature::mvp) | bit(fs.mutable_globals, Feature::mutable_globals) |
         bit(fs.sign_extension, Feature::sign_extension) |
         bit(fs.saturating_float_to_int, Feature::saturating_float_to_int) |
         bit(fs.multi_value, Feature::multi_value) | bit(fs.bulk_memory, Feature::bulk_memory) |
         bit(fs.reference_types, Feature::reference_types);
}

struct OpInfo {
  const char* text;
  uint8_t prefix;  // 0 or 0xFC
  uint32_t code;
  Imm imm;
  OpClass cls;
  Feature feature;
  uint8_t npops;
  ValType pops[2];
  bool pushes;
  ValType push;
  uint8_t align_log2;  // loads/stores: natural alignment
};
extern const OpInfo kOpInfo[];  // by Op, from opcodes.def
inline const OpInfo& op_info(Op op) { return kOpInfo[unsigned(op)]; }

}  // namespace syncwasm::ir
