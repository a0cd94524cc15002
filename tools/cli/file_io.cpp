#include "file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace syncwasm::cli {

std::expected<std::vector<uint8_t>, std::string> read_file(const std::filesystem::path& path) {
  auto fail = [&](int err) {
    return std::unexpected("cannot read " + path.string() + ": " + std::strerror(err));
  };
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return fail(errno);
  std::vector<uint8_t> bytes;
  uint8_t buf[1 << 16];
  for (;;) {
    size_t n = std::fread(buf, 1, sizeof buf, f.get());
    bytes.insert(bytes.end(), buf, buf + n);
    if (n < sizeof buf) break;
  }
  if (std::ferror(f.get())) return fail(errno ? errno : EIO);
  return bytes;
}

}  // namespace syncwasm::cli
