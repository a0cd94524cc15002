#include "exec/linear_memory.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>

namespace syncwasm::rt {

namespace {
constexpr uint64_t kMaxPages = 65536;
}

LinearMemory::LinearMemory(uint32_t min_pages, std::optional<uint32_t> max_pages) : max_(max_pages) {
  uint64_t reserve_pages = std::max<uint64_t>(min_pages, std::min<uint64_t>(max_pages.value_or(kMaxPages), kMaxPages));
  reserved_ = reserve_pages * kPageSize;
  if (reserved_) {
    void* p = mmap(nullptr, reserved_, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    base_ = static_cast<uint8_t*>(p);
  }
  if (!grow(min_pages)) {
    if (base_) munmap(base_, reserved_);
    throw std::bad_alloc();
  }
}

LinearMemory::~LinearMemory() {
  if (base_) munmap(base_, reserved_);
}

bool LinearMemory::grow(uint32_t delta) {
  uint64_t new_size = size_ + uint64_t(delta) * kPageSize;
  if (new_size > reserved_) return false;
  if (new_size > size_ && mprotect(base_ + size_, new_size - size_, PROT_READ | PROT_WRITE) != 0) return false;
  size_ = new_size;
  return true;
}

}  // namespace syncwasm::rt
