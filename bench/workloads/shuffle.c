// Byte shuffling: 10^8 swaps of bytes at pseudo-random positions of a 100 KiB buffer; loads and stores
// with data-dependent addresses.
#include "common.h"

#define SHUF_SIZE (100u * 1024)
OPAQUE(u32, shuf_swaps, 100000000);

static u8 sbuf[SHUF_SIZE];

u64 run(void) {
  for (u32 i = 0; i < SHUF_SIZE; ++i) sbuf[i] = (u8)(i * 131 + (i >> 8));
  u32 x = 2463534242u;  // xorshift32
  u32 n = shuf_swaps;
  for (u32 k = 0; k < n; ++k) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    u32 i = (u32)(((u64)x * SHUF_SIZE) >> 32);
    u32 j = (x ^ (x >> 11) ^ k) % SHUF_SIZE;
    u8 t = sbuf[i];
    sbuf[i] = sbuf[j];
    sbuf[j] = (u8)(t + 1);
  }
  u64 h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (u32 i = 0; i < SHUF_SIZE; ++i) h = (h ^ sbuf[i]) * 0x100000001b3ULL;
  return h;
}
