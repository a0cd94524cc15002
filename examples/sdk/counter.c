/* A counter contract written with the syncwasm SDK: one u64 in storage.
 *
 *   increment  adds 1, or the decimal number given as input; returns the new value
 *   get        returns the value (0 before the first increment)
 *   reset      sets it back to 0; returns the old value
 *
 * Values are returned as decimal text; increment and reset log what they did. */
#include <syncwasm/near_helpers.h>

static const char kKey[] = "count";
#define KEY kKey, sizeof kKey - 1

static uint64_t load(void) { return sw_storage_read_u64(KEY, 0); }

/* Logs "<what> <from> -> <to>". */
static void log_change(const char* what, uint64_t from, uint64_t to) {
  char line[64];
  size_t n = sw_strlen(what);
  sw_memcpy(line, what, n);
  line[n++] = ' ';
  n += sw_u64_to_dec(from, line + n);
  sw_memcpy(line + n, " -> ", 4);
  n += 4;
  n += sw_u64_to_dec(to, line + n);
  sw_log_bytes(line, n);
}

SW_EXPORT(increment) void increment(void) {
  char in[24];
  uint64_t by = 1;
  uint64_t n = sw_input(in, sizeof in);
  if (n && !sw_dec_to_u64(in, n, &by)) sw_panic_str("input must be a decimal number");
  uint64_t old = load(), now = old + by;
  if (now < old) sw_panic_str("counter overflow");
  sw_storage_write_u64(KEY, now);
  log_change("increment", old, now);
  sw_return_u64_dec(now);
}

SW_EXPORT(get) void get(void) { sw_return_u64_dec(load()); }

SW_EXPORT(reset) void reset(void) {
  uint64_t old = load();
  sw_storage_remove(KEY);
  log_change("reset", old, 0);
  sw_return_u64_dec(old);
}
