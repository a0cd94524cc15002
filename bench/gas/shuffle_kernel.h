/* The byte-shuffling workload (docs/performance.md): fill a 100 KiB buffer, swap bytes at
 * pseudo-random positions n times, hash the buffer (FNV-1a). The same code runs in the speed
 * benchmark (bench/workloads/shuffle.c) and in the gas comparison's contract and submodule. */
#pragma once
#include <stdint.h>

#define SHUFFLE_SIZE (100u * 1024)
static uint8_t shuffle_buf[SHUFFLE_SIZE];

static uint64_t shuffle(uint32_t n) {
  for (uint32_t i = 0; i < SHUFFLE_SIZE; ++i) shuffle_buf[i] = (uint8_t)(i * 131 + (i >> 8));
  uint32_t x = 2463534242u; /* xorshift32 */
  for (uint32_t k = 0; k < n; ++k) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    uint32_t i = (uint32_t)(((uint64_t)x * SHUFFLE_SIZE) >> 32);
    uint32_t j = (x ^ (x >> 11) ^ k) % SHUFFLE_SIZE;
    uint8_t t = shuffle_buf[i];
    shuffle_buf[i] = shuffle_buf[j];
    shuffle_buf[j] = (uint8_t)(t + 1);
  }
  uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
  for (uint32_t i = 0; i < SHUFFLE_SIZE; ++i) h = (h ^ shuffle_buf[i]) * 0x100000001b3ULL;
  return h;
}
