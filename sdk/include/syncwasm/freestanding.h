/* syncwasm contract SDK: the few C-library pieces a freestanding contract needs (no libc on
 * wasm32): byte copies, string length, little-endian u64, decimal text. No host imports, so it is
 * usable from contracts, namespace callees and v1 submodules alike.
 *
 * clang may emit calls to memcpy, memmove and memset (struct copies, large initializers) even with
 * -ffreestanding. Without definitions the link fails with "undefined symbol: memcpy". Define
 * SYNCWASM_SDK_DEFINE_LIBC before including this header (in one source file, or in all: they are
 * weak) to get small definitions of memcpy, memmove, memset and memcmp. */
#ifndef SYNCWASM_FREESTANDING_H
#define SYNCWASM_FREESTANDING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __has_attribute
#if __has_attribute(no_builtin)
/* Keeps the optimizer from turning these loops back into calls to the functions they implement. */
#define SW_NO_BUILTIN __attribute__((no_builtin))
#endif
#endif
#ifndef SW_NO_BUILTIN
#define SW_NO_BUILTIN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A u64 that may alias any object (word-at-a-time copies). */
typedef uint64_t __attribute__((may_alias)) sw_u64_alias;

SW_NO_BUILTIN static inline void* sw_memcpy(void* dst, const void* src, size_t n) {
  uint8_t* d = (uint8_t*)dst;
  const uint8_t* s = (const uint8_t*)src;
  if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
    for (; n >= 8; n -= 8, d += 8, s += 8) *(sw_u64_alias*)(void*)d = *(const sw_u64_alias*)(const void*)s;
  }
  while (n--) *d++ = *s++;
  return dst;
}

/* Like sw_memcpy, but the ranges may overlap. */
SW_NO_BUILTIN static inline void* sw_memmove(void* dst, const void* src, size_t n) {
  uint8_t* d = (uint8_t*)dst;
  const uint8_t* s = (const uint8_t*)src;
  if (d == s || n == 0) return dst;
  if (d < s || d >= s + n) return sw_memcpy(dst, src, n);
  while (n--) d[n] = s[n];
  return dst;
}

SW_NO_BUILTIN static inline void* sw_memset(void* dst, int c, size_t n) {
  uint8_t* d = (uint8_t*)dst;
  while (n--) *d++ = (uint8_t)c;
  return dst;
}

SW_NO_BUILTIN static inline int sw_memcmp(const void* a, const void* b, size_t n) {
  const uint8_t* x = (const uint8_t*)a;
  const uint8_t* y = (const uint8_t*)b;
  for (size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

SW_NO_BUILTIN static inline size_t sw_strlen(const char* s) {
  size_t n = 0;
  while (s[n]) ++n;
  return n;
}

/* 1 if bytes (p, n) equal the C string s. */
static inline int sw_bytes_eq_str(const void* p, size_t n, const char* s) {
  return sw_strlen(s) == n && sw_memcmp(p, s, n) == 0;
}

/* The u64 stored little-endian at p (8 bytes, any alignment). */
static inline uint64_t sw_u64_le(const void* p) {
  const uint8_t* b = (const uint8_t*)p;
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}

/* Stores v little-endian at p (8 bytes, any alignment). */
static inline void sw_put_u64_le(void* p, uint64_t v) {
  uint8_t* b = (uint8_t*)p;
  for (int i = 0; i < 8; ++i) b[i] = (uint8_t)(v >> (8 * i));
}

/* Writes v as decimal text to buf (at least 20 bytes, not NUL-terminated); returns the length. */
static inline size_t sw_u64_to_dec(uint64_t v, char* buf) {
  char tmp[20];
  size_t n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (size_t i = 0; i < n; ++i) buf[i] = tmp[n - 1 - i];
  return n;
}

/* Parses decimal text (p, n) into *out; returns 0 if it is empty, not all digits, or overflows. */
static inline int sw_dec_to_u64(const void* p, size_t n, uint64_t* out) {
  const uint8_t* s = (const uint8_t*)p;
  uint64_t v = 0;
  if (n == 0) return 0;
  for (size_t i = 0; i < n; ++i) {
    if (s[i] < '0' || s[i] > '9') return 0;
    uint64_t d = (uint64_t)(s[i] - '0');
    if (v > (UINT64_MAX - d) / 10) return 0;
    v = v * 10 + d;
  }
  *out = v;
  return 1;
}

#ifdef __cplusplus
}  /* extern "C" */
#endif

#if defined(SYNCWASM_SDK_DEFINE_LIBC) && !defined(SYNCWASM_SDK_LIBC_DEFINED)
#define SYNCWASM_SDK_LIBC_DEFINED
#ifdef __cplusplus
extern "C" {
#endif
/* Weak, so that several translation units may define them and a real libc may replace them. */
__attribute__((weak)) SW_NO_BUILTIN void* memcpy(void* dst, const void* src, size_t n) {
  return sw_memcpy(dst, src, n);
}
__attribute__((weak)) SW_NO_BUILTIN void* memmove(void* dst, const void* src, size_t n) {
  return sw_memmove(dst, src, n);
}
__attribute__((weak)) SW_NO_BUILTIN void* memset(void* dst, int c, size_t n) { return sw_memset(dst, c, n); }
__attribute__((weak)) SW_NO_BUILTIN int memcmp(const void* a, const void* b, size_t n) { return sw_memcmp(a, b, n); }
#ifdef __cplusplus
}  /* extern "C" */
#endif
#endif

#endif /* SYNCWASM_FREESTANDING_H */
