// Shared by the benchmark workloads: fixed-width types and, for wasm32 (no libc), the two memory
// routines the compiler may emit calls to. Every workload exports `u64 run(void)` returning a
// checksum, so native and wasm runs can be compared; run() must give the same result when called
// again in the same instance (it re-initializes all its state).
#pragma once

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef long long i64;

#if defined(__wasm__)
void* memset(void* dst, int c, unsigned long n) {
  u8* d = (u8*)dst;
  while (n--) *d++ = (u8)c;
  return dst;
}
void* memcpy(void* dst, const void* src, unsigned long n) {
  u8* d = (u8*)dst;
  const u8* s = (const u8*)src;
  while (n--) *d++ = *s++;
  return dst;
}
#endif

// A small deterministic generator (xorshift64*).
static inline u64 rng_next(u64* s) {
  u64 x = *s;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *s = x;
  return x * 0x2545F4914F6CDD1DULL;
}

// Inputs the optimizer must not see as constants (so nothing is folded at compile time).
#define OPAQUE(type, name, value) static volatile type name = value
