// Bounds-checked reading of the binary format's primitives: bytes, strict LEB128, floats, names.
// A malformed input throws ParseError (caught at the decoder's boundary and turned into an Error).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

namespace syncwasm::ir {

struct ParseError {
  size_t offset;
  std::string message;
};

class Reader {
 public:
  Reader(const uint8_t* data, size_t size, size_t base = 0) : begin_(data), p_(data), end_(data + size), base_(base) {}

  size_t offset() const { return base_ + size_t(p_ - begin_); }
  size_t remaining() const { return size_t(end_ - p_); }
  bool at_end() const { return p_ == end_; }
  const uint8_t* pos() const { return p_; }

  [[noreturn]] void fail(std::string msg) const { throw ParseError{offset(), std::move(msg)}; }
  [[noreturn]] void fail_at(size_t off, std::string msg) const { throw ParseError{off, std::move(msg)}; }

  uint8_t u8() {
    if (p_ == end_) fail("unexpected end");
    return *p_++;
  }
  // One-byte LEB128 values (most indices and small constants) take the inline path.
  uint32_t u32() { return p_ != end_ && *p_ < 0x80 ? *p_++ : uint32_t(leb_unsigned(32)); }
  uint64_t u64() { return p_ != end_ && *p_ < 0x80 ? *p_++ : leb_unsigned(64); }
  int32_t s32() { return p_ != end_ && *p_ < 0x80 ? small_signed() : int32_t(leb_signed(32)); }
  int64_t s33() { return p_ != end_ && *p_ < 0x80 ? small_signed() : leb_signed(33); }
  int64_t s64() { return p_ != end_ && *p_ < 0x80 ? small_signed() : leb_signed(64); }
  uint32_t f32_bits() { uint32_t v; std::memcpy(&v, take(4), 4); return v; }
  uint64_t f64_bits() { uint64_t v; std::memcpy(&v, take(8), 8); return v; }

  const uint8_t* take(size_t n) {
    if (remaining() < n) fail("unexpected end");
    const uint8_t* r = p_;
    p_ += n;
    return r;
  }
  // A length-prefixed UTF-8 name.
  std::string name();
  // A sub-reader over the next n bytes (a section or function body).
  Reader sub(size_t n) {
    size_t off = offset();
    if (remaining() < n) fail("length out of bounds");
    Reader r(take(n), n, off);
    return r;
  }

 private:
  int8_t small_signed() { return int8_t(uint8_t(*p_++ << 1)) >> 1; }  // sign-extends 7 bits
  uint64_t leb_unsigned(unsigned bits);
  int64_t leb_signed(unsigned bits);

  const uint8_t* begin_;
  const uint8_t* p_;
  const uint8_t* end_;
  size_t base_;
};

// Names are mostly ASCII and short: that case is checked inline (a sync call reads one per resume).
bool valid_utf8_from(const uint8_t* s, size_t n, size_t i);
inline bool valid_utf8(const uint8_t* s, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (s[i] >= 0x80) return valid_utf8_from(s, n, i);
  return true;
}

}  // namespace syncwasm::ir
