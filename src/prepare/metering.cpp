#include "prepare/metering.h"

namespace syncwasm::ir {

GasClass gas_class(Op op, bool grow_linear) {
  switch (op) {
    case Op::block: case Op::end: case Op::else_:
      return GasClass::free;
    case Op::memory_init: case Op::memory_copy: case Op::memory_fill:
    case Op::table_init: case Op::table_copy: case Op::table_fill:
      return GasClass::linear;
    case Op::memory_grow: case Op::table_grow:
      return grow_linear ? GasClass::linear : GasClass::region_end;
    case Op::unreachable: case Op::if_: case Op::br: case Op::br_if: case Op::br_table: case Op::return_:
    case Op::call: case Op::call_indirect: case Op::table_get: case Op::table_set:
    case Op::i32_div_s: case Op::i32_div_u: case Op::i32_rem_s: case Op::i32_rem_u:
    case Op::i64_div_s: case Op::i64_div_u: case Op::i64_rem_s: case Op::i64_rem_u:
    case Op::i32_trunc_f32_s: case Op::i32_trunc_f32_u: case Op::i32_trunc_f64_s: case Op::i32_trunc_f64_u:
    case Op::i64_trunc_f32_s: case Op::i64_trunc_f32_u: case Op::i64_trunc_f64_s: case Op::i64_trunc_f64_u:
      return GasClass::region_end;
    default: {
      OpClass c = op_info(op).cls;
      return c == OpClass::load || c == OpClass::store ? GasClass::region_end : GasClass::pure;
    }
  }
}

uint64_t frame_bytes(const std::vector<ValType>& locals) {
  uint64_t n = 64;
  for (ValType t : locals) n += byte_size(t);
  return n;
}

}  // namespace syncwasm::ir
