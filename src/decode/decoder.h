// Decodes a binary module (WebAssembly 2.0 core) into ir::Module.
#pragma once

#include <span>

#include "decode/module.h"

namespace syncwasm::ir {

// Implementation limits enforced while decoding (beyond them a module is rejected, never half-built).
constexpr uint32_t kMaxLocalsPerFunction = 50000;

Result<Module> decode_module(std::span<const uint8_t> wasm);
// Decodes a constant expression body up to and including its `end`.
ConstExpr read_const_expr(Reader& r);
// Decodes every function body without validating; throws ParseError on a malformed one.
void decode_bodies(const Module& m);
// Parses the name section's function names into m.func_names; a malformed name section is ignored.
void decode_name_section(Module& m, const CustomSection& s);

}  // namespace syncwasm::ir
