#include "decode/opcodes.h"

namespace syncwasm::ir {
namespace {

constexpr ValType letter(char c) {
  switch (c) {
    case 'i': return ValType::i32;
    case 'I': return ValType::i64;
    case 'f': return ValType::f32;
    default: return ValType::f64;
  }
}
constexpr uint8_t len(const char* s) { return s[0] == 0 ? 0 : s[1] == 0 ? 1 : 2; }

#define L(x) letter(#x[0])
}  // namespace

constexpr OpInfo kOpInfo[] = {
#define SPECIAL(name, text, prefix, code, imm, feature) \
  {text, prefix, code, Imm::imm, OpClass::special, Feature::feature, 0, {}, false, ValType::i32, 0},
#define SIMPLE(name, text, prefix, code, pops, push, feature)                                    \
  {text, prefix, code, Imm::none, OpClass::simple, Feature::feature, len(pops),                   \
   {letter(pops[0]), len(pops) > 1 ? letter(pops[1]) : ValType::i32}, true, letter(push[0]), 0},
#define LOAD(name, text, code, align, push) \
  {text, 0, code, Imm::memarg, OpClass::load, Feature::mvp, 1, {ValType::i32}, true, L(push), align},
#define STORE(name, text, code, align, pop) \
  {text, 0, code, Imm::memarg, OpClass::store, Feature::mvp, 2, {ValType::i32, L(pop)}, false, ValType::i32, align},
#include "decode/opcodes.def"
};
#undef L
static_assert(sizeof(kOpInfo) / sizeof(kOpInfo[0]) == kOpCount);

const char* feature_name(Feature f) {
  switch (f) {
    case Feature::mvp: return "mvp";
    case Feature::mutable_globals: return "mutable-globals";
    case Feature::sign_extension: return "sign-extension";
    case Feature::saturating_float_to_int: return "saturating-float-to-int";
    case Feature::multi_value: return "multi-value";
    case Feature::bulk_memory: return "bulk-memory";
    case Feature::reference_types: return "reference-types";
  }
  return "?";
}

}  // namespace syncwasm::ir
