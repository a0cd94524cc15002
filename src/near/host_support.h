// Shorthands for host-function bodies: stop at the first error (a gas charge that failed, a bad
// pointer, a limit), which becomes the host function's HostError.
#pragma once

#include "near/logic.h"

namespace syncwasm::near {

#define TRY(expr)                                      \
  do {                                                 \
    if (auto e_ = (expr)) return std::unexpected(*e_); \
  } while (0)
#define TRY_GET(var, expr)  \
  auto var = (expr);        \
  if (!var) return std::unexpected(var.error())

inline HostError err(HostErrorKind k, std::string msg = {}) { return {k, std::move(msg)}; }
inline Bytes bytes_of(const std::string& s) { return Bytes(s.begin(), s.end()); }

}  // namespace syncwasm::near
