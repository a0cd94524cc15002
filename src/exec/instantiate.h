// Linking and instantiation, and preparing executions.
#pragma once

#include "exec/runtime.h"

namespace syncwasm::rt {

// Links imports, allocates the instance's objects, applies segments and runs the start function.
// The instance stays in the store even when a later step fails: tables it wrote may refer to it.
Result<Instance*> instantiate(StoreData& st, std::shared_ptr<const ir::CompiledModule> cm, const Imports& imports,
                              uint64_t start_fuel);

// An execution ready to run `f` with `args` (count and types checked).
Result<std::unique_ptr<ExecState>> prepare_execution(StoreData& st, FuncInst* f, std::span<const Value> args);
// Runs or resumes an execution (a host function as entry is called directly).
syncwasm::ExecState run_execution(ExecState& s);

std::string describe(ExternKind kind, const void* object);  // e.g. "func (i32) -> ()"

}  // namespace syncwasm::rt
