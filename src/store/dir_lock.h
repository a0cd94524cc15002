// An exclusive flock() on a file in the store directory. LMDB's own locks allow several
// processes in one environment, and opening one environment twice in a process corrupts its
// locks; this lock turns both cases into an immediate, clear "store is in use" error.
#pragma once

#include <filesystem>

#include "syncwasm/types.h"

namespace syncwasm::store::detail {

class DirLock {
 public:
  // Fails with Error{usage, "store is in use: <dir>"} when another open file holds the lock.
  static Result<DirLock> acquire(const std::filesystem::path& dir);
  DirLock(DirLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  DirLock& operator=(DirLock&&) = delete;
  ~DirLock();

 private:
  explicit DirLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace syncwasm::store::detail
