#include "near/prepare.h"

#include "compile/compiler.h"
#include "decode/decoder.h"
#include "exec/runtime.h"
#include "near/crypto/hashes.h"

namespace syncwasm::near {
namespace {

std::unexpected<FunctionCallError> fail(PrepareError e, std::string msg) {
  return std::unexpected(FunctionCallError::prepare_error(e, std::move(msg)));
}

// nearcore's contract limits, checked on the decoded module.
std::optional<FunctionCallError> check_limits(const ir::Module& m, const Params::Limits& l) {
  auto err = [](PrepareError e, std::string msg) { return FunctionCallError::prepare_error(e, std::move(msg)); };
  if (m.funcs.size() > l.max_functions_number_per_contract) return err(PrepareError::TooManyFunctions, "");
  if (m.types.size() > l.max_types_per_contract) return err(PrepareError::TooManyTypes, "");
  if (m.tables.size() > l.max_tables_per_contract) return err(PrepareError::TooManyTables, "");
  for (const ir::TableType& t : m.tables)
    if (t.limits.min > l.max_elements_per_contract_table) return err(PrepareError::TooManyTableElements, "");
  uint64_t locals = 0, params = 0, blocks = 0;
  for (uint32_t i = 0; i < m.bodies.size(); ++i) {
    const ir::FuncBody& b = m.bodies[i];
    if (b.body_size > l.max_function_body_size) return err(PrepareError::FunctionBodyTooLarge, "");
    locals += b.num_locals;
    // The module is decoded but not validated yet: a type index may be out of range.
    if (m.funcs[m.num_imported_funcs + i] >= m.types.size()) return err(PrepareError::Deserialization, "unknown type");
    uint64_t np = m.func_type(m.num_imported_funcs + i).params.size();
    if (np > l.max_params_per_function) return err(PrepareError::TooManyParamsPerFunction, "");
    params += np;
    // Blocks: count block, loop and if while decoding the body (it was decoded before, so it is well-formed
    // up to validation; a decoding failure here is reported by validation later).
    ir::Reader r(m.bytes.data() + b.code_begin, b.code_end - b.code_begin, b.code_begin);
    ir::InstrReader ir(r);
    uint64_t fblocks = 0;
    try {
      while (!ir.at_end()) {
        ir::Op op = ir.next().op;
        fblocks += op == ir::Op::block || op == ir::Op::loop || op == ir::Op::if_;
      }
    } catch (const ir::ParseError&) {
      return err(PrepareError::Deserialization, "malformed function body");
    }
    if (fblocks > l.max_blocks_per_function) return err(PrepareError::TooManyBlocksPerFunction, "");
    blocks += fblocks;
  }
  if (locals > l.max_locals_per_contract) return err(PrepareError::TooManyLocals, "");
  if (params > l.max_params_per_contract) return err(PrepareError::TooManyParamsPerContract, "");
  if (blocks > l.max_blocks_per_contract) return err(PrepareError::TooManyBlocksPerContract, "");
  return std::nullopt;
}

}  // namespace

EngineConfig engine_config(const Params& p) {
  EngineConfig cfg;
  cfg.features.multi_value = false;
  cfg.features.simd = false;
  cfg.canonicalize_nans = true;
  cfg.gas = p.gas_schedule();
  return cfg;
}

Prepared prepare_contract(std::span<const uint8_t> code, const Params& p, CodeProfile profile) {
  auto decoded = ir::decode_module(code);
  if (!decoded) return fail(PrepareError::Deserialization, decoded.error().to_string());
  ir::Module& m = *decoded;
  if (auto e = check_limits(m, p.limit)) return std::unexpected(*e);
  bool submodule = profile == CodeProfile::submodule;
  for (const ir::Import& im : m.imports) {
    if (im.module != "env") return fail(PrepareError::Instantiate, "import from module \"" + im.module + "\"");
    if (im.kind == ExternKind::memory && !submodule) return fail(PrepareError::Memory, "contracts must not import memory");
    if (im.kind != ExternKind::func && im.kind != ExternKind::memory)
      return fail(PrepareError::Instantiate, "only functions may be imported");
  }
  uint32_t max_pages = uint32_t(p.limit.max_memory_pages);
  // What the module declares must be valid before it is replaced (nearcore validates first).
  if (m.memories.size() > 1) return fail(PrepareError::Deserialization, "multiple memories");
  if (m.memories.size() == 1) {
    const Limits& l = m.memories[0].limits;
    if (l.min > 65536 || (l.max && (*l.max > 65536 || l.min > *l.max)))
      return fail(PrepareError::Deserialization, "invalid memory limits");
  } else if (auto v = ir::validate_module(m, engine_config(p).features); !v) {
    return fail(PrepareError::Deserialization, v.error().to_string());  // e.g. memory used but not declared
  }
  if (!submodule) {
    // Whatever the module declares, its memory is 1,024 pages growing up to 2,048.
    m.memories.assign(1, ir::MemType{Limits{uint32_t(p.limit.initial_memory_pages), max_pages}});
  } else if (!m.memories.empty()) {
    // A submodule's memory (declared or imported from env) is its own, within NEAR's maximum.
    Limits& l = m.memories[0].limits;
    if (l.min > max_pages) return fail(PrepareError::Memory, "memory larger than the maximum");
    l.max = std::min(l.max.value_or(max_pages), max_pages);
    std::erase_if(m.imports, [](const ir::Import& im) { return im.kind == ExternKind::memory; });
    m.num_imported_memories = 0;
  }
  m.customs.clear();
  auto prepared = std::make_shared<PreparedContract>();
  prepared->start = m.start;
  m.start.reset();
  EngineConfig cfg = engine_config(p);
  auto compiled = ir::compile_module(std::move(m), cfg.features, cfg.gas, rt::handler_table());
  if (!compiled) return fail(PrepareError::Deserialization, compiled.error().to_string());
  for (const ir::CompiledFunc& f : (*compiled)->funcs)
    if (f.max_operand_bytes > p.limit.max_operand_stack_bytes_per_function)
      return fail(PrepareError::OperandStackTooLarge, "");
  prepared->module = std::make_shared<const Module>(std::move(*compiled));
  prepared->code_hash = crypto::sha256(code);
  prepared->code_size = code.size();
  return std::shared_ptr<const PreparedContract>(std::move(prepared));
}

Prepared ContractCache::get(std::span<const uint8_t> code, const Params& p, CodeProfile profile) {
  auto h = crypto::sha256(code);
  std::string key = std::string(reinterpret_cast<const char*>(h.data()), h.size()) + fingerprint(p) +
                    (profile == CodeProfile::submodule ? "S" : "C");
  {
    std::lock_guard lock(mu_);
    if (auto it = entries_.find(key); it != entries_.end()) return it->second;
  }
  Prepared r = prepare_contract(code, p, profile);
  std::lock_guard lock(mu_);
  entries_.emplace(key, r);
  return r;
}

size_t ContractCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

}  // namespace syncwasm::near
