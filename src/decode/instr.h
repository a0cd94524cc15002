// One decoded instruction and the reader that decodes them from a code or constant-expression body.
#pragma once

#include <cstdint>
#include <vector>

#include "decode/opcodes.h"
#include "decode/reader.h"

namespace syncwasm::ir {

enum class BlockKind : uint8_t { empty, value, type_index };

// Immediates by Imm kind:
//   block: block_kind + a (value type byte or type index)   label/func/local/global/table/data/elem: a
//   br_table: targets (valid until the next read) + a (default)   call_indirect: a type, b table
//   memarg: a align (log2), c offset   i32/i64/f32/f64: c (bits)   select_t: a count, b first type
//   reftype: a type byte   data_mem: a data   elem_table: a elem, b table   table_table: a dst, b src
struct Instr {
  Op op = Op::nop;
  BlockKind block_kind = BlockKind::empty;
  uint32_t a = 0, b = 0;
  uint64_t c = 0;
  size_t offset = 0;
  const std::vector<uint32_t>* targets = nullptr;
};

class InstrReader {
 public:
  explicit InstrReader(Reader& r) : r_(r) {}
  // Decodes the next instruction into `in`, which must be default-constructed (the translator decodes
  // straight into its instruction buffer: copying a returned Instr cost a fifth of translation time).
  void read(Instr& in);
  Instr next() {
    Instr in;
    read(in);
    return in;
  }
  bool at_end() const { return r_.at_end(); }
  size_t offset() const { return r_.offset(); }

 private:
  void zero_byte();
  Reader& r_;
  std::vector<uint32_t> targets_;
};

}  // namespace syncwasm::ir
