#include "store/dir_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace syncwasm::store::detail {

Result<DirLock> DirLock::acquire(const std::filesystem::path& dir) {
  auto file = dir / "store.lock";
  // O_CLOEXEC: an exec'ed child must not keep the store locked after we close it.
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return make_error(ErrorKind::usage, "store: cannot open " + file.string() + ": " + std::strerror(errno));
  int rc;
  do rc = ::flock(fd, LOCK_EX | LOCK_NB); while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) return make_error(ErrorKind::usage, "store is in use: " + dir.string());
    return make_error(ErrorKind::usage, "store: cannot lock " + file.string() + ": " + std::strerror(err));
  }
  return DirLock(fd);
}

DirLock::~DirLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace syncwasm::store::detail
