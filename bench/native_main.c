// Native driver for a benchmark workload: `workload_NAME_native [REPS]` runs run() once to warm
// up, then REPS (default 1) timed runs; prints "result N" (unsigned) and "times_ms t1 t2 ...".
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

unsigned long long run(void);

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char** argv) {
  int reps = argc > 1 ? atoi(argv[1]) : 1;
  if (reps < 1) reps = 1;
  unsigned long long (*volatile fn)(void) = run;  // keep the call opaque
  unsigned long long result = fn();
  printf("times_ms");
  for (int i = 0; i < reps; ++i) {
    double t0 = now_ms();
    unsigned long long r = fn();
    double t1 = now_ms();
    if (r != result) {
      fprintf(stderr, "result changed between runs: %llu vs %llu\n", r, result);
      return 1;
    }
    printf(" %.3f", t1 - t0);
  }
  printf("\nresult %llu\n", result);
  return 0;
}
