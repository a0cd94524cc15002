#include <array>
#include <cstdio>

#include "decode/instr.h"

namespace syncwasm::ir {
namespace {

constexpr uint16_t kNoOp = 0xFFFF;

struct OpcodeMaps {
  std::array<uint16_t, 256> single{};
  std::array<uint16_t, 32> fc{};
  OpcodeMaps() {
    single.fill(kNoOp);
    fc.fill(kNoOp);
    for (unsigned i = 0; i < kOpCount; ++i) {
      const OpInfo& in = op_info(Op(i));
      (in.prefix == 0xFC ? fc[in.code] : single[in.code]) = uint16_t(i);
    }
  }
};
const OpcodeMaps kMaps;

bool is_valtype_byte(uint8_t b) {
  return b == 0x7F || b == 0x7E || b == 0x7D || b == 0x7C || b == 0x7B || b == 0x70 || b == 0x6F;
}

}  // namespace

void InstrReader::zero_byte() {
  if (r_.u8() != 0) r_.fail("zero byte expected");
}

void InstrReader::read(Instr& in) {
  in.offset = r_.offset();
  uint8_t b = r_.u8();
  uint16_t id;
  if (b == 0xFC) {
    uint32_t sub = r_.u32();
    id = sub < kMaps.fc.size() ? kMaps.fc[sub] : kNoOp;
    if (id == kNoOp) r_.fail_at(in.offset, "illegal opcode 0xfc " + std::to_string(sub));
  } else if (b == 0xFD) {
    r_.fail_at(in.offset, "SIMD instructions (0xfd prefix) are not supported");
  } else {
    id = kMaps.single[b];
    if (id == kNoOp) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "illegal opcode 0x%02x", b);
      r_.fail_at(in.offset, buf);
    }
  }
  in.op = Op(id);
  switch (op_info(in.op).imm) {
    case Imm::none: break;
    case Imm::block: {
      // blocktype: 0x40, a value type, or a non-negative s33 type index.
      if (r_.remaining() == 0) r_.fail("unexpected end");
      uint8_t first = *r_.pos();
      if (first == 0x40) { r_.u8(); in.block_kind = BlockKind::empty; }
      else if (is_valtype_byte(first)) { r_.u8(); in.block_kind = BlockKind::value; in.a = first; }
      else {
        int64_t idx = r_.s33();
        if (idx < 0) r_.fail_at(in.offset + 1, "malformed block type");
        in.block_kind = BlockKind::type_index;
        in.a = uint32_t(idx);
      }
      break;
    }
    case Imm::label: case Imm::func: case Imm::local: case Imm::global: case Imm::table:
    case Imm::data: case Imm::elem:
      in.a = r_.u32();
      break;
    case Imm::br_table: {
      uint32_t n = r_.u32();
      if (n > r_.remaining()) r_.fail("unexpected end");  // every target takes at least one byte
      targets_.resize(n);
      for (uint32_t i = 0; i < n; ++i) targets_[i] = r_.u32();
      in.a = r_.u32();
      in.targets = &targets_;
      break;
    }
    case Imm::call_indirect: in.a = r_.u32(); in.b = r_.u32(); break;
    case Imm::mem0: zero_byte(); break;
    case Imm::memarg: in.a = r_.u32(); in.c = r_.u32(); break;
    case Imm::i32: in.c = uint32_t(r_.s32()); break;
    case Imm::i64: in.c = uint64_t(r_.s64()); break;
    case Imm::f32: in.c = r_.f32_bits(); break;
    case Imm::f64: in.c = r_.f64_bits(); break;
    case Imm::select_t: {
      in.a = r_.u32();
      if (in.a > r_.remaining()) r_.fail("unexpected end");
      for (uint32_t i = 0; i < in.a; ++i) {
        uint8_t t = r_.u8();
        if (!is_valtype_byte(t)) r_.fail("malformed value type");
        if (i == 0) in.b = t;
      }
      break;
    }
    case Imm::reftype: {
      uint8_t t = r_.u8();
      if (t != 0x70 && t != 0x6F) r_.fail("malformed reference type");
      in.a = t;
      break;
    }
    case Imm::data_mem: in.a = r_.u32(); zero_byte(); break;
    case Imm::mem_mem: zero_byte(); zero_byte(); break;
    case Imm::elem_table: case Imm::table_table: in.a = r_.u32(); in.b = r_.u32(); break;
  }
}

}  // namespace syncwasm::ir
