// Helpers shared by the store tests: a temporary directory per test and byte-string shorthands.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "store/kv_store.h"

namespace syncwasm::store::test {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "syncwasm-store-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

inline Bytes b(std::string_view s) { return Bytes(s.begin(), s.end()); }
inline std::string str(std::span<const uint8_t> s) { return std::string(s.begin(), s.end()); }
inline std::string str(const std::optional<Bytes>& v) { return v ? std::string(v->begin(), v->end()) : "<none>"; }

// Big-endian, so that byte order is numeric order in scans.
inline Bytes be64(uint64_t v) {
  Bytes out(8);
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = uint8_t(v);
  return out;
}
inline uint64_t from_be64(std::span<const uint8_t> s) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8 && i < s.size(); ++i) v = v << 8 | s[i];
  return v;
}

inline std::unique_ptr<KvStore> open_ok(const fs::path& dir) {
  auto s = KvStore::open(dir);
  if (!s) ADD_FAILURE() << "open failed: " << s.error().message;
  return s ? std::move(*s) : nullptr;
}

// Puts the given pairs into table t in one committed transaction.
inline void put_all(KvStore& s, Table t, std::initializer_list<std::pair<std::string_view, std::string_view>> kvs) {
  auto w = s.write();
  ASSERT_TRUE(w) << w.error().message;
  for (auto& [k, v] : kvs) (*w)->put(t, b(k), b(v));
  auto c = (*w)->commit();
  ASSERT_TRUE(c) << c.error().message;
}

}  // namespace syncwasm::store::test
