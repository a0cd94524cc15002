// Borsh (https://borsh.io) encoding as NEAR uses it: little-endian integers, u32 length prefixes for
// strings and vectors, u8 tags for enums and options. The reader is bounds-checked and returns
// errors for malformed input instead of crashing; it never allocates more than the input can hold.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syncwasm/types.h"

namespace syncwasm::chain {

using u128 = unsigned __int128;
using Bytes = std::vector<uint8_t>;

// Decimal text of a u128 (NEAR balances are printed this way), and its inverse (digits only,
// no sign or spaces; nullopt on overflow or any other character).
std::string u128_to_string(u128 v);
std::optional<u128> u128_from_string(std::string_view s);

// True when `s` is well-formed UTF-8 as Rust's String::from_utf8 accepts it: no overlong forms,
// no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);

class BorshWriter {
 public:
  void u8(uint8_t v) { out_.push_back(v); }
  void u16(uint16_t v) { put_le(v, 2); }
  void u32(uint32_t v) { put_le(v, 4); }
  void u64(uint64_t v) { put_le(v, 8); }
  void u128(chain::u128 v);
  void boolean(bool v) { u8(v ? 1 : 0); }
  // Raw bytes with no length prefix ([u8; N] in Rust).
  void fixed(std::span<const uint8_t> data) { out_.insert(out_.end(), data.begin(), data.end()); }
  // Vec<u8>: u32 length, then the bytes. Throws std::length_error above 4 GiB - 1.
  void bytes(std::span<const uint8_t> data);
  // String: u32 byte length, then the UTF-8 bytes (the caller keeps them valid UTF-8).
  void string(std::string_view s);
  // Vec<T>: u32 element count, then each element written by `each(writer, element)`.
  template <class T, class F>
  void vec(const std::vector<T>& items, F&& each) {
    length(items.size());
    for (const T& item : items) each(*this, item);
  }
  // Option<T>: u8 0 for None, u8 1 then the value for Some.
  template <class T, class F>
  void option(const std::optional<T>& v, F&& each) {
    u8(v ? 1 : 0);
    if (v) each(*this, *v);
  }
  void length(size_t n);  // a u32 length prefix; throws std::length_error above UINT32_MAX

  const Bytes& data() const& { return out_; }
  Bytes take() { return std::move(out_); }

 private:
  void put_le(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out_.push_back(uint8_t(v >> (8 * i)));
  }
  Bytes out_;
};

// Reads borsh values from a byte span. Every read names what it reads (`what`), which the error
// message repeats together with the byte offset. Errors are ErrorKind::malformed.
class BorshReader {
 public:
  explicit BorshReader(std::span<const uint8_t> data) : data_(data) {}

  size_t offset() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }
  // Up to `n` of the next bytes, without consuming them.
  std::span<const uint8_t> peek(size_t n) const { return data_.subspan(pos_, std::min(n, remaining())); }

  Result<uint8_t> u8(std::string_view what);
  Result<uint16_t> u16(std::string_view what);
  Result<uint32_t> u32(std::string_view what);
  Result<uint64_t> u64(std::string_view what);
  Result<chain::u128> u128(std::string_view what);
  Result<bool> boolean(std::string_view what);  // only 0 or 1
  template <size_t N>
  Result<std::array<uint8_t, N>> fixed(std::string_view what) {
    if (auto e = need(N, what); !e) return std::unexpected(e.error());
    std::array<uint8_t, N> out;
    std::copy_n(data_.begin() + pos_, N, out.begin());
    pos_ += N;
    return out;
  }
  Result<Bytes> bytes(std::string_view what);         // Vec<u8>
  Result<std::string> string(std::string_view what);  // String: checked to be valid UTF-8

  // A u32 element count for a Vec whose elements take at least `min_element_size` bytes each
  // (at least 1): fails unless that many elements could fit in the remaining input.
  Result<uint32_t> length(std::string_view what, size_t min_element_size);

  // Vec<T>: `each(reader) -> Result<T>` reads one element; see length() for min_element_size.
  template <class T, class F>
  Result<std::vector<T>> vec(std::string_view what, size_t min_element_size, F&& each) {
    auto n = length(what, min_element_size);
    if (!n) return std::unexpected(n.error());
    std::vector<T> out;
    out.reserve(*n);  // bounded by the input size, see length()
    for (uint32_t i = 0; i < *n; ++i) {
      auto item = each(*this);
      if (!item) return std::unexpected(item.error());
      out.push_back(std::move(*item));
    }
    return out;
  }
  // Option<T>: a u8 tag, 0 (None) or 1 (Some, then the value); any other tag is an error.
  template <class T, class F>
  Result<std::optional<T>> option(std::string_view what, F&& each) {
    auto tag = u8(what);
    if (!tag) return std::unexpected(tag.error());
    if (*tag == 0) return std::optional<T>{};
    if (*tag != 1) return fail<std::optional<T>>(pos_ - 1, "invalid Option tag " + std::to_string(*tag) + " for " + std::string(what) + " (expected 0 or 1)");
    auto v = each(*this);
    if (!v) return std::unexpected(v.error());
    return std::optional<T>(std::move(*v));
  }

  // Fails if any input is left ("N trailing bytes after <what>").
  Result<void> finish(std::string_view what) const;

  // An error at `offset` (ErrorKind::malformed).
  template <class T>
  static Result<T> fail(size_t offset, std::string message) {
    return make_error(ErrorKind::malformed, std::move(message), offset);
  }

 private:
  Result<void> need(size_t n, std::string_view what) const;
  uint64_t get_le(int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= uint64_t(data_[pos_ + i]) << (8 * i);
    pos_ += n;
    return v;
  }

  std::span<const uint8_t> data_;
  size_t pos_ = 0;
};

}  // namespace syncwasm::chain
