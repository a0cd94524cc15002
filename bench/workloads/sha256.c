// SHA-256 (FIPS 180-4) over a 1 MiB buffer, several chained rounds: 32-bit rotates, adds and
// big-endian loads.
#include "common.h"

#define BUF_SIZE (1u << 20)
OPAQUE(u32, sha_rounds, 64);

static u8 buf[BUF_SIZE];

static const u32 K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static inline u32 rotr(u32 x, u32 n) { return (x >> n) | (x << (32 - n)); }

static void compress(u32 h[8], const u8* p) {
  u32 w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = (u32)p[4 * i] << 24 | (u32)p[4 * i + 1] << 16 | (u32)p[4 * i + 2] << 8 | (u32)p[4 * i + 3];
  for (int i = 16; i < 64; ++i) {
    u32 s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    u32 s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  u32 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 64; ++i) {
    u32 t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    u32 t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

static void sha256(const u8* data, u32 len, u8 out[32]) {
  u32 h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  u32 i = 0;
  for (; i + 64 <= len; i += 64) compress(h, data + i);
  u8 tail[128];
  u32 rest = len - i, n = rest < 56 ? 64 : 128;
  for (u32 j = 0; j < n; ++j) tail[j] = j < rest ? data[i + j] : j == rest ? 0x80 : 0;
  u64 bits = (u64)len * 8;
  for (int j = 0; j < 8; ++j) tail[n - 1 - j] = (u8)(bits >> (8 * j));
  for (u32 j = 0; j < n; j += 64) compress(h, tail + j);
  for (int j = 0; j < 8; ++j)
    out[4 * j] = h[j] >> 24, out[4 * j + 1] = h[j] >> 16, out[4 * j + 2] = h[j] >> 8, out[4 * j + 3] = h[j];
}

u64 run(void) {
  u64 s = 0x9E3779B97F4A7C15ULL;
  for (u32 i = 0; i < BUF_SIZE; i += 8) {
    u64 r = rng_next(&s);
    for (int j = 0; j < 8; ++j) buf[i + j] = (u8)(r >> (8 * j));
  }
  u8 digest[32] = {0};
  for (u32 r = 0; r < sha_rounds; ++r) {
    // Chain the rounds: each digest is written into the buffer before the next hash.
    for (int j = 0; j < 32; ++j) buf[(r * 32 + j) % BUF_SIZE] ^= digest[j];
    sha256(buf, BUF_SIZE, digest);
  }
  u64 c = 0;
  for (int j = 0; j < 8; ++j) c = c << 8 | digest[j];
  return c;
}
