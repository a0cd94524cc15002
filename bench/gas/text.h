/* Decimal text <-> numbers, for the gas comparison's inputs and logs. */
#pragma once
#include <stdint.h>

static uint32_t parse_u32(const uint8_t* s, uint64_t len) {
  uint32_t v = 0;
  for (uint64_t i = 0; i < len && s[i] >= '0' && s[i] <= '9'; ++i) v = v * 10 + (uint32_t)(s[i] - '0');
  return v;
}
static uint64_t format_u64(uint64_t v, uint8_t* out) { /* returns the length; out holds >= 20 bytes */
  uint8_t tmp[20];
  uint64_t k = 0;
  do {
    tmp[k++] = (uint8_t)('0' + v % 10);
    v /= 10;
  } while (v);
  for (uint64_t i = 0; i < k; ++i) out[i] = tmp[k - 1 - i];
  return k;
}
