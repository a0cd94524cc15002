#include "near/params.h"

#include <nlohmann/json.hpp>

namespace syncwasm::near {

GasSchedule Params::gas_schedule() const {
  GasSchedule g;
  g.enabled = true;
  g.regular_op = wasm.regular_op_cost;
  g.linear_base = wasm.linear_op_base_cost;
  g.linear_unit = wasm.linear_op_unit_cost;
  g.grow_linear = wasm.grow_is_linear != 0;
  g.stack_budget = limit.max_stack_height;
  return g;
}

std::string fingerprint(const Params& p) {
  std::string s;
  auto add = [&s](uint64_t v) { s += std::to_string(v) + ","; };
#define EXT_COST(n, gas) add(p.n);
#define ACTION_COST(n, a, b, c) add(p.action.n.send_sir), add(p.action.n.send_not_sir), add(p.action.n.execution);
#define LIMIT(n, value) add(p.limit.n);
#define WASM(n, value) add(p.wasm.n);
#include "near/params.def"
  return s;
}

Result<Params> load_params(const std::string& json_text, Params p) {
  using nlohmann::json;
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return make_error(ErrorKind::usage, "parameters: not a JSON object");
  auto number = [](const json& v, const std::string& what) -> Result<uint64_t> {
    if (!v.is_number_unsigned()) return make_error(ErrorKind::usage, "parameters: " + what + " must be a non-negative integer");
    return v.get<uint64_t>();
  };
  for (auto& [section, entries] : j.items()) {
    if (section != "ext_costs" && section != "action_costs" && section != "limits" && section != "wasm")
      return make_error(ErrorKind::usage, "parameters: unknown section " + section);
    if (!entries.is_object()) return make_error(ErrorKind::usage, "parameters: section " + section + " must be an object");
    for (auto& [name, v] : entries.items()) {
      bool known = false;
      if (section == "ext_costs") {
#define EXT_COST(n, gas)                               \
  if (name == #n) {                                    \
    auto x = number(v, "ext_costs." + name);           \
    if (!x) return std::unexpected(x.error());         \
    p.n = *x;                                          \
    known = true;                                      \
  }
#include "near/params.def"
      } else if (section == "action_costs") {
#define ACTION_COST(n, a, b, c)                                                     \
  if (name == #n) {                                                                 \
    for (auto& [field, fv] : v.items()) {                                           \
      auto x = number(fv, "action_costs." + name + "." + field);                    \
      if (!x) return std::unexpected(x.error());                                    \
      if (field == "send_sir") p.action.n.send_sir = *x;                            \
      else if (field == "send_not_sir") p.action.n.send_not_sir = *x;               \
      else if (field == "execution") p.action.n.execution = *x;                     \
      else return make_error(ErrorKind::usage, "parameters: unknown field " + field); \
    }                                                                               \
    known = true;                                                                   \
  }
#include "near/params.def"
      } else if (section == "limits") {
#define LIMIT(n, value)                        \
  if (name == #n) {                            \
    auto x = number(v, "limits." + name);      \
    if (!x) return std::unexpected(x.error()); \
    p.limit.n = *x;                            \
    known = true;                              \
  }
#include "near/params.def"
      } else if (section == "wasm") {
#define WASM(n, value)                         \
  if (name == #n) {                            \
    auto x = number(v, "wasm." + name);        \
    if (!x) return std::unexpected(x.error()); \
    p.wasm.n = *x;                             \
    known = true;                              \
  }
#include "near/params.def"
      }
      if (!known) return make_error(ErrorKind::usage, "parameters: unknown " + section + " entry " + name);
    }
  }
  return p;
}

}  // namespace syncwasm::near
