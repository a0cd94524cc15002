// A contract's registers: numbered byte buffers that host functions fill and the contract reads.
// At most max_number_registers exist and a contract uses a handful, so a flat list of ids beats a
// tree. Views of a register's bytes survive the creation of other registers (the buffers move with
// their vectors, the bytes stay where they are).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "near/context.h"

namespace syncwasm::near {

// Up to this size a register write copies bytes itself instead of calling memmove.
constexpr size_t kSmallRegister = 16;

class Registers {
 public:
  const Bytes* find(uint64_t id) const {
    for (size_t i = 0; i < ids_.size(); ++i)
      if (ids_[i] == id) return &values_[i];
    return nullptr;
  }
  Bytes* find(uint64_t id) { return const_cast<Bytes*>(std::as_const(*this).find(id)); }
  // A new, empty register `id` (which must not exist); undo_create removes the newest one.
  Bytes& create(uint64_t id) {
    ids_.push_back(id);
    return values_.emplace_back();
  }
  void undo_create() {
    ids_.pop_back();
    values_.pop_back();
  }
  size_t size() const { return ids_.size(); }

 private:
  std::vector<uint64_t> ids_;
  std::vector<Bytes> values_;
};

}  // namespace syncwasm::near
