// A linear memory backed by a virtual-memory reservation: its maximum is reserved without being
// committed, and pages become accessible (already zero) as the memory grows. Instantiating a
// contract with a 64 MiB memory therefore costs no more than the pages it touches.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace syncwasm::rt {

constexpr uint64_t kPageSize = 65536;

class LinearMemory {
 public:
  // Reserves max_pages (or 65,536 without a maximum) and makes min_pages accessible.
  LinearMemory(uint32_t min_pages, std::optional<uint32_t> max_pages);
  ~LinearMemory();
  LinearMemory(const LinearMemory&) = delete;
  LinearMemory& operator=(const LinearMemory&) = delete;

  uint8_t* data() const { return base_; }
  uint64_t size() const { return size_; }
  uint32_t pages() const { return uint32_t(size_ / kPageSize); }
  std::optional<uint32_t> max() const { return max_; }
  std::span<uint8_t> bytes() const { return {base_, size_}; }
  // Grows by `delta` pages within the maximum; false if it does not fit or the OS refuses.
  bool grow(uint32_t delta);

 private:
  uint8_t* base_ = nullptr;
  uint64_t size_ = 0;
  uint64_t reserved_ = 0;
  std::optional<uint32_t> max_;
};

}  // namespace syncwasm::rt
