// Recursive Fibonacci (fib(40)): call-heavy, almost no memory traffic.
#include "common.h"

OPAQUE(int, fib_n, 40);

static u32 fib(u32 n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

u64 run(void) { return fib(fib_n); }
