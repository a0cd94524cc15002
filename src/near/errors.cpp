#include "near/errors.h"

namespace syncwasm::near {

#define NAME_CASE(n) \
  case decltype(e)::n: return #n;
const char* name(PrepareError e) {
  switch (e) { SYNCWASM_PREPARE_ERRORS(NAME_CASE) }
  return "?";
}
const char* name(WasmTrap e) {
  switch (e) { SYNCWASM_WASM_TRAPS(NAME_CASE) }
  return "?";
}
const char* name(HostErrorKind e) {
  switch (e) { SYNCWASM_HOST_ERRORS(NAME_CASE) }
  return "?";
}
#undef NAME_CASE
const char* name(MethodResolveError e) {
  switch (e) {
    case MethodResolveError::MethodEmptyName: return "MethodEmptyName";
    case MethodResolveError::MethodNotFound: return "MethodNotFound";
    case MethodResolveError::MethodInvalidSignature: return "MethodInvalidSignature";
  }
  return "?";
}

std::vector<std::string> FunctionCallError::path() const {
  switch (kind) {
    case Kind::CompilationError: return {"CompilationError", "PrepareError", name(prepare)};
    case Kind::LinkError: return {"LinkError"};
    case Kind::MethodResolveError: return {"MethodResolveError", name(method)};
    case Kind::WasmTrap: return {"WasmTrap", name(trap)};
    case Kind::HostError: return {"HostError", name(host.kind)};
  }
  return {};
}

std::string FunctionCallError::to_string() const {
  std::string s;
  for (const std::string& p : path()) s += (s.empty() ? "" : "::") + p;
  return message.empty() ? s : s + ": " + message;
}

FunctionCallError FunctionCallError::prepare_error(PrepareError e, std::string msg) {
  FunctionCallError f;
  f.kind = Kind::CompilationError;
  f.prepare = e;
  f.message = std::move(msg);
  return f;
}
FunctionCallError FunctionCallError::link_error(std::string msg) {
  FunctionCallError f;
  f.kind = Kind::LinkError;
  f.message = std::move(msg);
  return f;
}
FunctionCallError FunctionCallError::method_error(MethodResolveError e) {
  FunctionCallError f;
  f.kind = Kind::MethodResolveError;
  f.method = e;
  return f;
}
FunctionCallError FunctionCallError::wasm_trap(WasmTrap t, std::string msg) {
  FunctionCallError f;
  f.kind = Kind::WasmTrap;
  f.trap = t;
  f.message = std::move(msg);
  return f;
}
FunctionCallError FunctionCallError::host_error(HostError e) {
  FunctionCallError f;
  f.kind = Kind::HostError;
  f.message = e.message;
  f.host = std::move(e);
  return f;
}

}  // namespace syncwasm::near
