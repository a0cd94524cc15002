// The outcome of a contract call as JSON (the format of `syncwasm exec --json`, docs/cli.md).
#pragma once

#include <nlohmann/json.hpp>

#include "near/runner.h"

namespace syncwasm::near {

std::string balance_string(Balance b);  // decimal yoctoNEAR
nlohmann::json outcome_json(const VMOutcome& o);
nlohmann::json error_json(const FunctionCallError& e);

}  // namespace syncwasm::near
