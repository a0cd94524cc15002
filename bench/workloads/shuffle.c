// Byte shuffling: 10^8 swaps of bytes at pseudo-random positions of a 100 KiB buffer; loads and stores
// with data-dependent addresses. The kernel is shared with the gas comparison (bench/gas/).
#include "common.h"
#include "../gas/shuffle_kernel.h"

OPAQUE(u32, shuf_swaps, 100000000);

u64 run(void) { return shuffle(shuf_swaps); }
