// The decoded form of a binary module: what the decoder produces and later layers consume.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "decode/instr.h"
#include "syncwasm/types.h"

namespace syncwasm::ir {

struct TableType {
  ValType elem = ValType::funcref;
  Limits limits;
};
struct MemType {
  Limits limits;  // in 64 KiB pages
};
struct GlobalType {
  ValType type = ValType::i32;
  bool mut = false;
};

// A constant expression: the instructions before its `end` (validation restricts them).
struct ConstExpr {
  std::vector<Instr> instrs;
  size_t offset = 0;  // byte offset, for errors
};

struct Import {
  std::string module, name;
  ExternKind kind = ExternKind::func;
  uint32_t func_type = 0;  // kind == func
  TableType table;
  MemType memory;
  GlobalType global;
};

struct Export {
  std::string name;
  ExternKind kind = ExternKind::func;
  uint32_t index = 0;
};

struct Global {
  GlobalType type;
  ConstExpr init;
};

enum class SegmentMode : uint8_t { active, passive, declarative };

struct ElemSegment {
  SegmentMode mode = SegmentMode::active;
  uint32_t table = 0;
  ConstExpr offset;
  ValType type = ValType::funcref;
  std::vector<ConstExpr> items;
};

struct DataSegment {
  SegmentMode mode = SegmentMode::active;
  uint32_t memory = 0;
  ConstExpr offset;
  std::vector<uint8_t> bytes;
};

struct LocalRun {
  uint32_t count;
  ValType type;
};

struct FuncBody {
  std::vector<LocalRun> locals;
  uint32_t num_locals = 0;  // declared locals, parameters excluded
  size_t code_begin = 0;    // byte range of the instructions (after the locals) in Module::bytes
  size_t code_end = 0;
  uint32_t body_size = 0;   // the declared size: local declarations and instructions
};

struct CustomSection {
  std::string name;
  size_t offset = 0;
  std::vector<uint8_t> bytes;
};

struct Module {
  std::vector<uint8_t> bytes;  // the binary; function bodies refer into it
  std::vector<FuncType> types;
  std::vector<Import> imports;
  // Index spaces (imports first). funcs holds type indices.
  std::vector<uint32_t> funcs;
  std::vector<TableType> tables;
  std::vector<MemType> memories;
  std::vector<GlobalType> global_types;
  uint32_t num_imported_funcs = 0, num_imported_tables = 0, num_imported_memories = 0,
           num_imported_globals = 0;
  std::vector<Global> globals;  // defined globals only
  std::vector<Export> exports;
  std::optional<uint32_t> start;
  std::vector<ElemSegment> elems;
  std::optional<uint32_t> data_count;
  std::vector<FuncBody> bodies;  // defined functions only
  std::vector<DataSegment> datas;
  std::vector<CustomSection> customs;
  std::map<uint32_t, std::string> func_names;  // from the name section, when well-formed

  const FuncType& func_type(uint32_t func_index) const { return types[funcs[func_index]]; }
  std::string func_name(uint32_t func_index) const;  // "$name" or "#index"
};

}  // namespace syncwasm::ir
