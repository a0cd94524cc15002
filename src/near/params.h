// NEAR runtime parameters (costs and limits), PV86 defaults, overridable from a JSON file.
#pragma once

#include <cstdint>
#include <string>

#include "syncwasm/types.h"

namespace syncwasm::near {

using Gas = uint64_t;
using Balance = unsigned __int128;

struct ActionCost {
  Gas send_sir = 0, send_not_sir = 0, execution = 0;
  Gas send(bool sir) const { return sir ? send_sir : send_not_sir; }
};

struct Params {
#define EXT_COST(name, gas) Gas name = gas;
#include "near/params.def"
  struct Actions {
#define ACTION_COST(name, a, b, c) ActionCost name{a, b, c};
#include "near/params.def"
  } action;
  struct Limits {
#define LIMIT(name, value) uint64_t name = value;
#include "near/params.def"
  } limit;
  struct Wasm {
#define WASM(name, value) uint64_t name = value;
#include "near/params.def"
  } wasm;
  Balance storage_amount_per_byte = Balance(10'000'000'000'000'000'000ull);

  // The engine's metering and stack budget under these parameters.
  GasSchedule gas_schedule() const;
};

// Every value of `p` in one string: part of the prepared-contract cache key.
std::string fingerprint(const Params& p);

// Reads overrides from JSON: {"ext_costs": {name: gas}, "action_costs": {name: {"send_sir":..,
// "send_not_sir":.., "execution":..}}, "limits": {name: value}, "wasm": {name: value}}. Unknown names
// are errors.
Result<Params> load_params(const std::string& json_text, Params base = {});

}  // namespace syncwasm::near
