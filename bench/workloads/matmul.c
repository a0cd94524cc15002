// Floating point: repeated 100x100 double matrix multiply (C = A * B, B = C / max|C|); the
// checksum mixes the bit patterns of the result, so native and wasm must agree exactly.
#include "common.h"

#define MM_N 100
OPAQUE(u32, mm_reps, 500);

static double A[MM_N][MM_N], B[MM_N][MM_N], C[MM_N][MM_N];

u64 run(void) {
  u64 seed = 42;
  for (int i = 0; i < MM_N; ++i)
    for (int j = 0; j < MM_N; ++j) {
      A[i][j] = (double)(rng_next(&seed) >> 11) * (1.0 / 9007199254740992.0) - 0.5;
      B[i][j] = (double)(rng_next(&seed) >> 11) * (1.0 / 9007199254740992.0) - 0.5;
    }
  u32 reps = mm_reps;
  for (u32 r = 0; r < reps; ++r) {
    double mx = 0;
    for (int i = 0; i < MM_N; ++i)
      for (int j = 0; j < MM_N; ++j) {
        double s = 0;
        for (int k = 0; k < MM_N; ++k) s += A[i][k] * B[k][j];
        C[i][j] = s;
        double a = s < 0 ? -s : s;
        if (a > mx) mx = a;
      }
    double inv = 1.0 / mx;
    for (int i = 0; i < MM_N; ++i)
      for (int j = 0; j < MM_N; ++j) B[i][j] = C[i][j] * inv;
  }
  u64 h = 0;
  for (int i = 0; i < MM_N; ++i)
    for (int j = 0; j < MM_N; ++j) {
      union { double d; u64 u; } v = {B[i][j]};
      h = (h << 7 | h >> 57) ^ v.u;
    }
  return h;
}
