#include "decode/reader.h"

namespace syncwasm::ir {

uint64_t Reader::leb_unsigned(unsigned bits) {
  const size_t start = offset();
  uint64_t result = 0;
  for (unsigned shift = 0;; shift += 7) {
    if (p_ == end_) fail("unexpected end of LEB128 integer");
    uint8_t b = *p_++;
    unsigned left = bits - shift;  // value bits this byte may still carry
    if (left < 7) {
      // Last permitted byte: no continuation, and unused bits must be zero.
      if (b & 0x80) fail_at(start, "integer representation too long");
      if (b >> left) fail_at(start, "integer too large");
      return result | (uint64_t(b) << shift);
    }
    result |= uint64_t(b & 0x7F) << shift;
    if (!(b & 0x80)) return result;
    if (left == 7) fail_at(start, "integer representation too long");
  }
}

int64_t Reader::leb_signed(unsigned bits) {
  const size_t start = offset();
  uint64_t result = 0;
  for (unsigned shift = 0;; shift += 7) {
    if (p_ == end_) fail("unexpected end of LEB128 integer");
    uint8_t b = *p_++;
    unsigned left = bits - shift;
    if (left < 7) {
      if (b & 0x80) fail_at(start, "integer representation too long");
      // The unused bits must all equal the sign bit of the value.
      int8_t sb = int8_t(b << 1) >> 1;  // sign-extend the 7-bit payload
      int64_t top = int64_t(sb) >> (left - 1);
      if (top != 0 && top != -1) fail_at(start, "integer too large");
      result |= uint64_t(int64_t(sb)) << shift;
      return int64_t(result);
    }
    result |= uint64_t(b & 0x7F) << shift;
    if (!(b & 0x80)) {
      shift += 7;
      if (shift < 64 && (b & 0x40)) result |= ~uint64_t(0) << shift;
      return int64_t(result);
    }
    if (left == 7) fail_at(start, "integer representation too long");
  }
}

std::string Reader::name() {
  uint32_t n = u32();
  size_t off = offset();
  const uint8_t* s = take(n);
  if (!valid_utf8(s, n)) fail_at(off, "malformed UTF-8 encoding");
  return std::string(reinterpret_cast<const char*>(s), n);
}

// From byte i on (the bytes before it are ASCII).
bool valid_utf8_from(const uint8_t* s, size_t n, size_t i) {
  while (i < n) {
    uint8_t c = s[i];
    if (c < 0x80) { ++i; continue; }
    unsigned len;
    uint32_t cp, min;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return false;
    if (n - i < len) return false;
    for (unsigned k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

}  // namespace syncwasm::ir
