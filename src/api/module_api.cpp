#include "compile/compiler.h"
#include "decode/decoder.h"
#include "exec/runtime.h"
#include "syncwasm/engine.h"

namespace syncwasm {
namespace {

std::string type_text(const ir::Module& m, ExternKind kind, uint32_t index, const ir::Import* im) {
  switch (kind) {
    case ExternKind::func: return "func " + m.func_type(index).to_string();
    case ExternKind::table: {
      const ir::TableType& t = im ? im->table : m.tables[index];
      return std::string("table ") + to_string(t.elem) + " " + std::to_string(t.limits.min);
    }
    case ExternKind::memory: {
      const ir::MemType& t = im ? im->memory : m.memories[index];
      return "memory " + std::to_string(t.limits.min) + (t.limits.max ? ".." + std::to_string(*t.limits.max) : "");
    }
    case ExternKind::global: {
      const ir::GlobalType& g = im ? im->global : m.global_types[index];
      return std::string("global ") + (g.mut ? "mut " : "") + to_string(g.type);
    }
  }
  return "?";
}

}  // namespace

Result<std::shared_ptr<const Module>> Module::compile(std::span<const uint8_t> wasm, const EngineConfig& cfg) {
  auto decoded = ir::decode_module(wasm);
  if (!decoded) return std::unexpected(decoded.error());
  auto compiled = ir::compile_module(std::move(*decoded), cfg.features, cfg.gas, rt::handler_table());
  if (!compiled) return std::unexpected(compiled.error());
  return std::make_shared<const Module>(std::move(*compiled));
}

Result<void> Module::validate(std::span<const uint8_t> wasm, const Features& features) {
  auto decoded = ir::decode_module(wasm);
  if (!decoded) return std::unexpected(decoded.error());
  return ir::validate_module(*decoded, features);
}

std::vector<ImportDesc> Module::imports() const {
  const ir::Module& m = compiled_->module;
  std::vector<ImportDesc> out;
  uint32_t counters[4] = {0, 0, 0, 0};
  for (const ir::Import& im : m.imports) {
    uint32_t idx = counters[unsigned(im.kind)]++;
    out.push_back({im.module, im.name, im.kind, type_text(m, im.kind, idx, &im)});
  }
  return out;
}

std::vector<ExportDesc> Module::exports() const {
  const ir::Module& m = compiled_->module;
  std::vector<ExportDesc> out;
  for (const ir::Export& e : m.exports) out.push_back({e.name, e.kind, type_text(m, e.kind, e.index, nullptr)});
  return out;
}

std::optional<FuncType> Module::export_func_type(std::string_view name) const {
  const ir::Module& m = compiled_->module;
  for (const ir::Export& e : m.exports)
    if (e.kind == ExternKind::func && e.name == name) return m.func_type(e.index);
  return std::nullopt;
}

}  // namespace syncwasm
