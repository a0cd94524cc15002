#include "near/gas_counter.h"

#include <algorithm>

namespace syncwasm::near {

GasCounter::GasCounter(Gas max_gas_burnt, Gas prepaid, bool is_view)
    : max_gas_burnt_(max_gas_burnt), prepaid_(is_view ? UINT64_MAX : prepaid), is_view_(is_view),
      limit_(std::min(max_gas_burnt, prepaid_)) {}

GasResult GasCounter::burn_gas_slow(Gas g) {
  Gas new_burnt;
  if (__builtin_add_overflow(burnt_, g, &new_burnt)) return HostError{HostErrorKind::IntegerOverflow, {}};
  return process_gas_limit(new_burnt);
}

GasResult GasCounter::process_gas_limit(Gas new_burnt) {
  Gas new_used = new_burnt + promises_ < new_burnt ? UINT64_MAX : new_burnt + promises_;
  burnt_ = std::min({new_burnt, prepaid_, max_gas_burnt_});
  Gas cap = std::min(prepaid_, new_used);
  promises_ = cap > burnt_ ? cap - burnt_ : 0;
  if (new_burnt > max_gas_burnt_) return HostError{HostErrorKind::GasLimitExceeded, "Exceeded the maximum amount of gas allowed to burn per contract."};
  return HostError{HostErrorKind::GasExceeded, "Exceeded the prepaid gas."};
}

GasResult GasCounter::deduct_gas(Gas burn, Gas use) {
  if (use < burn) return HostError{HostErrorKind::IntegerOverflow, {}};
  Gas new_promises, new_burnt, new_used;
  if (__builtin_add_overflow(promises_, use - burn, &new_promises) ||
      __builtin_add_overflow(burnt_, burn, &new_burnt) ||
      __builtin_add_overflow(new_burnt, new_promises, &new_used))
    return HostError{HostErrorKind::IntegerOverflow, {}};
  if (new_burnt <= max_gas_burnt_ && new_used <= prepaid_) {
    if (use != burn && !is_view_) limit_ = std::min(max_gas_burnt_, prepaid_ - new_promises);
    burnt_ = new_burnt;
    promises_ = new_promises;
    return std::nullopt;
  }
  return process_gas_limit(new_burnt);
}

}  // namespace syncwasm::near
