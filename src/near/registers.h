// A contract's registers: numbered byte buffers that host functions fill and the contract reads.
// At most max_number_registers exist and a contract uses a handful, so a flat list of ids beats a
// tree. Views of a register's bytes survive the creation of other registers (the buffers move with
// their vectors, the bytes stay where they are).
#pragma once

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "near/context.h"

namespace syncwasm::near {

// Up to this size a register write copies bytes itself instead of calling memmove.
constexpr size_t kSmallRegister = 16;
// Copies n <= kSmallRegister bytes between distinct buffers as two overlapping words (or bytes when
// n < 4): a sync call's 8-byte answers in a few moves instead of a byte loop.
inline void copy_small(uint8_t* d, const uint8_t* s, size_t n) {
  if (n >= 8) {
    uint64_t a, b;
    std::memcpy(&a, s, 8);
    std::memcpy(&b, s + n - 8, 8);
    std::memcpy(d, &a, 8);
    std::memcpy(d + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, s, 4);
    std::memcpy(&b, s + n - 4, 4);
    std::memcpy(d, &a, 4);
    std::memcpy(d + n - 4, &b, 4);
  } else {
    for (size_t i = 0; i < n; ++i) d[i] = s[i];
  }
}

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
