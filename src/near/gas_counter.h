// nearcore's gas counter semantics (runtime/near-vm-runner/src/logic/gas_counter.rs): burnt gas,
// gas reserved for created receipts, the prepaid limit and the max_gas_burnt cap.
#pragma once

#include <optional>

#include "near/errors.h"
#include "near/params.h"

namespace syncwasm::near {

using GasResult = std::optional<HostError>;  // nullopt = ok

class GasCounter {
 public:
  GasCounter(Gas max_gas_burnt, Gas prepaid, bool is_view);

  // Burns gas; past the limit it burns up to min(prepaid, max_gas_burnt) and fails with
  // GasLimitExceeded (past max_gas_burnt) or GasExceeded.
  // Inline for the common case (host functions pay several times per call); the rest is out of line.
  GasResult burn_gas(Gas g) {
    Gas new_burnt;
    if (!__builtin_add_overflow(burnt_, g, &new_burnt) && new_burnt <= limit_) [[likely]] {
      burnt_ = new_burnt;
      return std::nullopt;
    }
    return burn_gas_slow(g);
  }
  GasResult pay_base(Gas cost) { return burn_gas(cost); }
  // A base cost and `n` units: one charge when both fit, else one after the other (the outcome of a
  // failure, and which error it is, stay those of the two separate charges).
  GasResult pay(Gas base, Gas per, uint64_t n) {
    Gas g, total, new_burnt;
    if (!__builtin_mul_overflow(per, n, &g) && !__builtin_add_overflow(g, base, &total) &&
        !__builtin_add_overflow(burnt_, total, &new_burnt) && new_burnt <= limit_) [[likely]] {
      burnt_ = new_burnt;
      return std::nullopt;
    }
    if (auto e = pay_base(base)) return e;
    return pay_per(per, n);
  }
  GasResult pay_per(Gas cost, uint64_t n) {
    Gas g;
    if (__builtin_mul_overflow(cost, n, &g)) return HostError{HostErrorKind::IntegerOverflow, {}};
    return burn_gas(g);
  }
  // Action fees: burns `burn` and reserves `use - burn` for the receipts the call creates.
  GasResult deduct_gas(Gas burn, Gas use);
  GasResult prepay_gas(Gas use) { return deduct_gas(0, use); }
  // Gas handed to a callee that burns it elsewhere (a synchronous call): reserved, then settled.
  Gas burnt() const { return burnt_; }
  Gas used() const { return burnt_ + promises_; }
  Gas prepaid() const { return prepaid_; }
  Gas remaining() const { return limit_ - burnt_; }
  bool is_view() const { return is_view_; }

  // Wasm code burns gas through the engine's fuel: fuel = remaining(). absorb_fuel takes the
  // engine's count back after wasm ran; an out-of-gas charge from wasm goes through burn_gas.
  void absorb_fuel(uint64_t fuel) { burnt_ = limit_ - fuel; }

 private:
  GasResult burn_gas_slow(Gas g);
  GasResult process_gas_limit(Gas new_burnt);
  Gas max_gas_burnt_, prepaid_;
  bool is_view_;
  Gas burnt_ = 0, promises_ = 0;
  Gas limit_;
};

}  // namespace syncwasm::near
