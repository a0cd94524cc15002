// Where metered code is charged and what each instruction costs (NEAR's finite-wasm model at PV86;
// see docs/gas.md for the sources).
#pragma once

#include <vector>

#include "decode/opcodes.h"

namespace syncwasm::ir {

enum class GasClass : uint8_t {
  free,         // block, end, else: cost 0
  pure,         // merged into the region that follows
  region_end,   // may trap or transfer control: charged with the pure run before it, then a new region
  linear,       // bulk operation: charged alone, linear in its top-of-stack length operand
};
GasClass gas_class(Op op, bool grow_linear);

// finite-wasm's frame size: 64 bytes ("rip, rbp and some registers spilled") plus every parameter and local.
uint64_t frame_bytes(const std::vector<ValType>& locals);

}  // namespace syncwasm::ir
