// The libsodium-backed primitives.
#include <sodium.h>

#include <stdexcept>

#include "near/crypto/hashes.h"

namespace syncwasm::near::crypto {
namespace {

// sodium_init must precede other libsodium calls; a function-local static runs it once, thread-safely.
void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium initialization failed");
}

}  // namespace

Digest32 sha256(std::span<const uint8_t> data) {
  ensure_sodium();
  Digest32 out;
  crypto_hash_sha256(out.data(), data.data(), data.size());
  return out;
}

bool ed25519_verify(std::span<const uint8_t, 64> sig, std::span<const uint8_t> msg, std::span<const uint8_t, 32> pk) {
  ensure_sodium();
  return crypto_sign_verify_detached(sig.data(), msg.data(), msg.size(), pk.data()) == 0;
}

}  // namespace syncwasm::near::crypto
