// Validates and translates a decoded module into internal code in one pass per function.
#pragma once

#include "compile/code.h"
#include "validate/validator.h"

namespace syncwasm::ir {

// `handlers` maps handler indices (see code.h) to the interpreter's handler addresses.
Result<std::shared_ptr<const CompiledModule>> compile_module(Module m, const Features& fs, const GasSchedule& gas,
                                                            const void* const* handlers);

}  // namespace syncwasm::ir
