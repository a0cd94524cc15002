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
inline bool feature_enabled(const Features& fs, Feature f) {
  switch (f) {
    case Feature::mvp: return true;
    case Feature::mutable_globals: return fs.mutable_globals;
    case Feature::sign_extension: return fs.sign_extension;
    case Feature::saturating_float_to_int: return fs.saturating_float_to_int;
    case Feature::multi_value: return fs.multi_value;
    case Feature::bulk_memory: return fs.bulk_memory;
    case Feature::reference_types: return fs.reference_types;
  }
  return false;
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
