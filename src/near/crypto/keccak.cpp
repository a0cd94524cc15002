// Keccak-256/512 written from the Keccak-f[1600] specification (the Keccak reference, section 1.2).
#include "near/crypto/hashes.h"

#include <bit>
#include <cstddef>

namespace syncwasm::near::crypto {
namespace {

using State = std::array<uint64_t, 25>;  // lane (x, y) is at x + 5 * y

constexpr int kRounds = 24;

// rc(t): output bit of the LFSR x^8 + x^6 + x^5 + x^4 + 1.
constexpr uint64_t lfsr_bit(int t) {
  unsigned r = 1;
  for (int i = 0; i < t % 255; ++i) {
    r <<= 1;
    if (r & 0x100) r ^= 0x171;
  }
  return r & 1;
}

// Iota's constant for round i sets bit 2^j - 1 to rc(j + 7i).
constexpr std::array<uint64_t, kRounds> kRoundConstants = [] {
  std::array<uint64_t, kRounds> rc{};
  for (int i = 0; i < kRounds; ++i)
    for (int j = 0; j <= 6; ++j) rc[i] |= lfsr_bit(j + 7 * i) << ((1 << j) - 1);
  return rc;
}();

// Rho's offsets: walk (x, y) -> (y, 2x + 3y) from (1, 0), lane t gets (t + 1)(t + 2) / 2.
constexpr std::array<int, 25> kRhoOffsets = [] {
  std::array<int, 25> r{};
  int x = 1, y = 0;
  for (int t = 0; t < 24; ++t) {
    r[x + 5 * y] = (t + 1) * (t + 2) / 2 % 64;
    int nx = y, ny = (2 * x + 3 * y) % 5;
    x = nx, y = ny;
  }
  return r;
}();

void keccak_f1600(State& a) {
  for (uint64_t rc : kRoundConstants) {
    // theta
    uint64_t c[5];
    for (int x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; ++x) {
      uint64_t d = c[(x + 4) % 5] ^ std::rotl(c[(x + 1) % 5], 1);
      for (int y = 0; y < 5; ++y) a[x + 5 * y] ^= d;
    }
    // rho and pi: B[y, 2x + 3y] = rot(A[x, y])
    State b;
    for (int x = 0; x < 5; ++x)
      for (int y = 0; y < 5; ++y) b[y + 5 * ((2 * x + 3 * y) % 5)] = std::rotl(a[x + 5 * y], kRhoOffsets[x + 5 * y]);
    // chi
    for (int x = 0; x < 5; ++x)
      for (int y = 0; y < 5; ++y) a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
    // iota
    a[0] ^= rc;
  }
}

// Lanes are little-endian; byte-wise access keeps this independent of the host's byte order.
void xor_byte(State& s, size_t i, uint8_t v) { s[i / 8] ^= uint64_t{v} << (8 * (i % 8)); }
uint8_t get_byte(const State& s, size_t i) { return static_cast<uint8_t>(s[i / 8] >> (8 * (i % 8))); }

// Sponge with capacity 2 * N bytes; N <= rate, so a single squeeze suffices.
template <size_t N>
std::array<uint8_t, N> keccak(std::span<const uint8_t> data) {
  constexpr size_t rate = 200 - 2 * N;
  State s{};
  while (data.size() >= rate) {
    for (size_t i = 0; i < rate; ++i) xor_byte(s, i, data[i]);
    keccak_f1600(s);
    data = data.subspan(rate);
  }
  for (size_t i = 0; i < data.size(); ++i) xor_byte(s, i, data[i]);
  xor_byte(s, data.size(), 0x01);  // pad10*1 with Keccak's (pre-SHA3) suffix
  xor_byte(s, rate - 1, 0x80);
  keccak_f1600(s);
  std::array<uint8_t, N> out;
  for (size_t i = 0; i < N; ++i) out[i] = get_byte(s, i);
  return out;
}

}  // namespace

Digest32 keccak256(std::span<const uint8_t> data) { return keccak<32>(data); }
std::array<uint8_t, 64> keccak512(std::span<const uint8_t> data) { return keccak<64>(data); }

}  // namespace syncwasm::near::crypto
