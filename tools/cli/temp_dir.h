// A fresh temporary directory that is removed, with its contents, when the object dies.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

namespace syncwasm::cli {

class TempDir {
 public:
  // Creates $TMPDIR/<prefix>XXXXXX (or under /tmp).
  static std::expected<TempDir, std::string> create(std::string_view prefix);

  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&&) = delete;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::filesystem::path& path() const { return path_; }

 private:
  explicit TempDir(std::filesystem::path p) : path_(std::move(p)) {}
  std::filesystem::path path_;
};

}  // namespace syncwasm::cli
