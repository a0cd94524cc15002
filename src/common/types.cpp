#include "syncwasm/types.h"

#include <cinttypes>
#include <cstdio>

namespace syncwasm {

const char* to_string(ValType t) {
  switch (t) {
    case ValType::i32: return "i32";
    case ValType::i64: return "i64";
    case ValType::f32: return "f32";
    case ValType::f64: return "f64";
    case ValType::v128: return "v128";
    case ValType::funcref: return "funcref";
    case ValType::externref: return "externref";
  }
  return "?";
}

const char* to_string(ExternKind k) {
  switch (k) {
    case ExternKind::func: return "func";
    case ExternKind::table: return "table";
    case ExternKind::memory: return "memory";
    case ExternKind::global: return "global";
  }
  return "?";
}

const char* to_string(ErrorKind k) {
  switch (k) {
    case ErrorKind::malformed: return "malformed";
    case ErrorKind::invalid: return "invalid";
    case ErrorKind::unlinkable: return "unlinkable";
    case ErrorKind::uninstantiable: return "uninstantiable";
    case ErrorKind::usage: return "usage";
  }
  return "?";
}

std::string FuncType::to_string() const {
  auto list = [](const std::vector<ValType>& v) {
    std::string s = "(";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? " " : "") + std::string(syncwasm::to_string(v[i]));
    return s + ")";
  };
  return list(params) + " -> " + list(results);
}

std::string Value::to_string() const {
  char buf[64];
  switch (type) {
    case ValType::i32: std::snprintf(buf, sizeof buf, "i32:%" PRId32, as_i32()); break;
    case ValType::i64: std::snprintf(buf, sizeof buf, "i64:%" PRId64, as_i64()); break;
    case ValType::f32: std::snprintf(buf, sizeof buf, "f32:%.9g", double(as_f32())); break;
    case ValType::f64: std::snprintf(buf, sizeof buf, "f64:%.17g", as_f64()); break;
    case ValType::funcref:
    case ValType::externref:
      if (is_null()) std::snprintf(buf, sizeof buf, "%s:null", syncwasm::to_string(type));
      else std::snprintf(buf, sizeof buf, "%s:%" PRIu64, syncwasm::to_string(type), bits);
      break;
    case ValType::v128: std::snprintf(buf, sizeof buf, "v128"); break;
  }
  return buf;
}

std::string Error::to_string() const {
  std::string s = syncwasm::to_string(kind);
  if (offset) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " at byte 0x%zx", *offset);
    s += buf;
  }
  return s + ": " + message;
}

const char* trap_message(TrapKind k) {
  switch (k) {
    case TrapKind::unreachable: return "unreachable";
    case TrapKind::integer_overflow: return "integer overflow";
    case TrapKind::integer_divide_by_zero: return "integer divide by zero";
    case TrapKind::invalid_conversion: return "invalid conversion to integer";
    case TrapKind::out_of_bounds_memory: return "out of bounds memory access";
    case TrapKind::out_of_bounds_table: return "out of bounds table access";
    case TrapKind::undefined_element: return "undefined element";
    case TrapKind::uninitialized_element: return "uninitialized element";
    case TrapKind::indirect_call_type_mismatch: return "indirect call type mismatch";
    case TrapKind::call_stack_exhausted: return "call stack exhausted";
    case TrapKind::out_of_gas: return "out of gas";
    case TrapKind::host: return "host trap";
  }
  return "?";
}

}  // namespace syncwasm
