// secp256k1 public key recovery with nearcore's signature checks.
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <algorithm>

#include "near/crypto/hashes.h"

namespace syncwasm::near::crypto {

std::optional<std::array<uint8_t, 64>> ecrecover(std::span<const uint8_t, 32> hash, std::span<const uint8_t, 64> sig,
                                                 uint8_t v, bool malleability_flag) {
  // Created once and never destroyed, so concurrent callers never see it go away.
  static secp256k1_context* const ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);

  // Parsing rejects r or s not below the curve order; recovery rejects a zero r or s.
  secp256k1_ecdsa_recoverable_signature rsig;
  if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rsig, sig.data(), v)) return std::nullopt;
  if (malleability_flag) {
    // normalize() reports whether s is above half the order, nearcore's "upper range".
    secp256k1_ecdsa_signature plain;
    secp256k1_ecdsa_recoverable_signature_convert(ctx, &plain, &rsig);
    if (secp256k1_ecdsa_signature_normalize(ctx, nullptr, &plain)) return std::nullopt;
  }
  secp256k1_pubkey pubkey;
  if (!secp256k1_ecdsa_recover(ctx, &pubkey, &rsig, hash.data())) return std::nullopt;

  std::array<uint8_t, 65> serialized;
  size_t len = serialized.size();
  secp256k1_ec_pubkey_serialize(ctx, serialized.data(), &len, &pubkey, SECP256K1_EC_UNCOMPRESSED);
  std::array<uint8_t, 64> out;
  std::copy_n(serialized.begin() + 1, out.size(), out.begin());  // drop the 0x04 prefix
  return out;
}

}  // namespace syncwasm::near::crypto
