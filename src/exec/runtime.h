// Runtime objects: function, table, memory and global instances, module instances, the store
// that owns them, and the state of one execution (engine-owned stacks).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compile/code.h"
#include "exec/linear_memory.h"
#include "syncwasm/engine.h"

namespace syncwasm::rt {

struct Instance;

struct FuncInst {
  FuncType type;
  uint32_t type_id = 0;          // store-wide canonical id: equal ids <=> equal types
  Instance* instance = nullptr;  // null for host functions
  const ir::CompiledFunc* compiled = nullptr;
  const ir::CodeUnit* code = nullptr;
  const uint64_t* consts = nullptr;  // the function's constants, copied into each new frame
  HostFn host;
};

struct TableInst {
  ValType elem = ValType::funcref;
  std::optional<uint32_t> max;
  std::vector<uint64_t> elems;  // references: 0 is null, a funcref is a FuncInst*
};

struct MemInst : LinearMemory {
  using LinearMemory::LinearMemory;
};

struct GlobalInst {
  ValType type = ValType::i32;
  bool mut = false;
  uint64_t value = 0;
};

struct Instance {
  std::shared_ptr<const ir::CompiledModule> module;
  StoreData* store = nullptr;
  std::vector<FuncInst*> funcs;
  std::vector<TableInst*> tables;
  MemInst* memory = nullptr;
  std::vector<GlobalInst*> globals;
  std::vector<uint32_t> type_ids;                // canonical id of each module type
  std::vector<std::vector<uint64_t>> elem_segs;  // element segments (emptied by elem.drop)
  std::vector<bool> data_dropped;
  std::vector<std::pair<std::string, Extern>> exports;
};

struct StoreData {
  EngineConfig cfg;
  std::vector<std::unique_ptr<FuncInst>> funcs;
  std::vector<std::unique_ptr<TableInst>> tables;
  std::vector<std::unique_ptr<MemInst>> memories;
  std::vector<std::unique_ptr<GlobalInst>> globals;
  std::vector<std::unique_ptr<Instance>> instances;
  std::vector<FuncType> types;  // canonical types, indexed by type id

  uint32_t intern(const FuncType& t);
  // Maximum memory pages: the smaller of the declared maximum and the spec's 65536.
  static constexpr uint32_t kMaxPages = 65536;
};

struct Frame {
  const ir::CodeUnit* ret_pc;
  uint32_t fp;  // caller's frame base, as a slot index (the stack may move when it grows)
  Instance* inst;
  uint64_t stack_cost;  // the callee's share of the stack budget, returned when it returns
};

struct ExecState {
  StoreData* store = nullptr;
  syncwasm::ExecState state = syncwasm::ExecState::ready;
  Execution* owner = nullptr;
  FuncInst* entry = nullptr;
  std::vector<uint64_t> stack;
  std::vector<Frame> frames;
  // Where to continue (ready or suspended).
  const ir::CodeUnit* pc = nullptr;
  uint32_t fp = 0;
  Instance* inst = nullptr;
  // A suspended host call: its function and where its results go.
  FuncInst* pending = nullptr;
  uint32_t pending_results = 0;
  uint64_t fuel = UINT64_MAX;  // gas left for metered code
  uint64_t stack_left = 0;     // stack budget left (when GasSchedule::stack_budget is set)
  std::vector<Value> results;
  Trap trap;
};

// Runs (or resumes) an execution until it finishes, traps or suspends.
syncwasm::ExecState interpret(ExecState& s);
// The handler table the compiler threads code with (see ir::handler_index).
const void* const* handler_table();

// Bulk operations shared by instructions and instantiation; false means out of bounds.
bool memory_init(MemInst& mem, const std::vector<uint8_t>& data, uint64_t d, uint64_t s, uint64_t n);
bool table_init(TableInst& t, const std::vector<uint64_t>& seg, uint64_t d, uint64_t s, uint64_t n);
// memory.grow / table.grow: the old size, or -1 when the limit forbids it.
int32_t memory_grow(MemInst& mem, uint32_t delta);
int32_t table_grow(TableInst& t, uint32_t delta, uint64_t init);

}  // namespace syncwasm::rt
