// A C++ contract using the C SDK: drives the `asker` namespace and the `upper` submodule.
//   greet       input NAME: calls asker.ask, answers its question with NAME, returns its result
//   upper       input TEXT: runs submodule "upper", answers its "?" with TEXT, returns its result
//   restricted  input = capability bits as decimal: starts asker.ask restricted to them and
//               returns "STATUS NAME" of the start
#include <syncwasm/near_helpers.h>

namespace {

constexpr uint64_t kResult = 3;
constexpr uint64_t kGas = 20'000'000'000'000ull;

template <size_t N>
struct Buffer {
  char data[N] = {};
  uint64_t len = 0;
  uint64_t read(uint64_t reg) {
    uint64_t n = sw_register_read(reg, data, N);
    return len = (n == SW_NONE ? 0 : n);
  }
  void append(const char* s, uint64_t n) {
    if (len + n > N) sw_panic_str("buffer full");
    sw_memcpy(data + len, s, n);
    len += n;
  }
  void append(const char* s) { append(s, sw_strlen(s)); }
};

Buffer<256> in, out;

void expect(uint64_t status, uint64_t want, const char* what) {
  if (status == want) return;
  out.len = 0;
  out.append(what);
  out.append(": ");
  out.append(sw_sync_status_name(status));
  panic_utf8(out.len, SW_PTR(out.data));
}

}  // namespace

extern "C" {

SW_EXPORT(greet) void greet() {
  in.len = sw_input(in.data, sizeof in.data);
  expect(sw_sync_call("asker", "ask", "", 0, kGas, kResult), SW_SYNC_CALLBACK, "start");
  out.read(kResult);
  if (!sw_bytes_eq_str(out.data, out.len, "name?")) sw_panic_str("unexpected question");
  expect(sw_sync_resume("asker", in.data, in.len, kResult), SW_SYNC_SUCCESS, "resume");
  out.read(kResult);
  sw_return_bytes(out.data, out.len);
}

SW_EXPORT(upper) void upper() {
  in.len = sw_input(in.data, sizeof in.data);
  expect(sw_start_submodule("upper", kGas, kResult), SW_SYNC_CALLBACK, "start");
  expect(sw_resume_submodule("upper", in.data, in.len, kResult), SW_SYNC_SUCCESS, "resume");
  out.read(kResult);
  sw_return_bytes(out.data, out.len);
}

SW_EXPORT(restricted) void restricted() {
  in.len = sw_input(in.data, sizeof in.data);
  uint64_t caps = 0;
  if (!sw_dec_to_u64(in.data, in.len, &caps)) sw_panic_str("caps must be decimal");
  uint64_t status = sw_sync_call_restricted("asker", "ask", "", 0, kGas, caps, kResult);
  out.len = sw_u64_to_dec(status, out.data);
  out.append(" ");
  out.append(sw_sync_status_name(status));
  sw_return_bytes(out.data, out.len);
}

}  // extern "C"
