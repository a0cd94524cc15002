#include "chain/tx/borsh.h"

#include <stdexcept>

namespace syncwasm::chain {

std::string u128_to_string(u128 v) {
  if (v == 0) return "0";
  std::string s;
  while (v != 0) {
    s.push_back(char('0' + int(v % 10)));
    v /= 10;
  }
  return std::string(s.rbegin(), s.rend());
}

std::optional<u128> u128_from_string(std::string_view s) {
  if (s.empty()) return std::nullopt;
  const u128 max = ~u128(0);
  u128 v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    unsigned d = unsigned(c - '0');
    if (v > (max - d) / 10) return std::nullopt;
    v = v * 10 + d;
  }
  return v;
}

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong 3-byte forms
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // no overlong 4-byte forms
      if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
      return false;  // continuation byte, overlong lead 0xC0/0xC1, or 0xF5..0xFF
    }
    if (n - i < len) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
    i += len;
  }
  return true;
}

void BorshWriter::u128(chain::u128 v) {
  u64(uint64_t(v));
  u64(uint64_t(v >> 64));
}

void BorshWriter::length(size_t n) {
  if (n > UINT32_MAX) throw std::length_error("borsh: length " + std::to_string(n) + " does not fit in u32");
  u32(uint32_t(n));
}

void BorshWriter::bytes(std::span<const uint8_t> data) {
  length(data.size());
  fixed(data);
}

void BorshWriter::string(std::string_view s) {
  length(s.size());
  out_.insert(out_.end(), s.begin(), s.end());
}

Result<void> BorshReader::need(size_t n, std::string_view what) const {
  if (remaining() >= n) return {};
  return fail<void>(pos_, "unexpected end of input reading " + std::string(what) + ": need " + std::to_string(n) +
                              " bytes, " + std::to_string(remaining()) + " left");
}

Result<uint8_t> BorshReader::u8(std::string_view what) {
  if (auto e = need(1, what); !e) return std::unexpected(e.error());
  return uint8_t(get_le(1));
}

Result<uint16_t> BorshReader::u16(std::string_view what) {
  if (auto e = need(2, what); !e) return std::unexpected(e.error());
  return uint16_t(get_le(2));
}

Result<uint32_t> BorshReader::u32(std::string_view what) {
  if (auto e = need(4, what); !e) return std::unexpected(e.error());
  return uint32_t(get_le(4));
}

Result<uint64_t> BorshReader::u64(std::string_view what) {
  if (auto e = need(8, what); !e) return std::unexpected(e.error());
  return get_le(8);
}

Result<u128> BorshReader::u128(std::string_view what) {
  if (auto e = need(16, what); !e) return std::unexpected(e.error());
  chain::u128 lo = get_le(8);
  chain::u128 hi = get_le(8);
  return lo | (hi << 64);
}

Result<bool> BorshReader::boolean(std::string_view what) {
  auto v = u8(what);
  if (!v) return std::unexpected(v.error());
  if (*v > 1) return fail<bool>(pos_ - 1, "invalid bool " + std::to_string(*v) + " for " + std::string(what));
  return *v == 1;
}

Result<uint32_t> BorshReader::length(std::string_view what, size_t min_element_size) {
  size_t at = pos_;
  auto n = u32(std::string(what) + " length");
  if (!n) return n;
  if (min_element_size == 0) min_element_size = 1;
  // n * min_element_size cannot overflow: n < 2^32 and sizes are small; compare by division anyway.
  if (*n > remaining() / min_element_size)
    return fail<uint32_t>(at, "length " + std::to_string(*n) + " of " + std::string(what) + " exceeds the input (" +
                                  std::to_string(remaining()) + " bytes left)");
  return n;
}

Result<Bytes> BorshReader::bytes(std::string_view what) {
  auto n = length(what, 1);
  if (!n) return std::unexpected(n.error());
  Bytes out(data_.begin() + pos_, data_.begin() + pos_ + *n);
  pos_ += *n;
  return out;
}

Result<std::string> BorshReader::string(std::string_view what) {
  auto n = length(what, 1);
  if (!n) return std::unexpected(n.error());
  size_t at = pos_;
  std::string out(reinterpret_cast<const char*>(data_.data()) + pos_, *n);
  if (!is_valid_utf8(out)) return fail<std::string>(at, std::string(what) + " is not valid UTF-8");
  pos_ += *n;
  return out;
}

Result<void> BorshReader::finish(std::string_view what) const {
  if (remaining() == 0) return {};
  return fail<void>(pos_, std::to_string(remaining()) + " trailing bytes after " + std::string(what));
}

}  // namespace syncwasm::chain
