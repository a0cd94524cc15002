// Hash and signature primitives behind the NEAR crypto host functions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace syncwasm::near::crypto {

using Digest32 = std::array<uint8_t, 32>;

Digest32 sha256(std::span<const uint8_t> data);
// Original Keccak padding (0x01), as Ethereum and NEAR use; not SHA3-256/512.
Digest32 keccak256(std::span<const uint8_t> data);
std::array<uint8_t, 64> keccak512(std::span<const uint8_t> data);
std::array<uint8_t, 20> ripemd160(std::span<const uint8_t> data);

// ed25519 signature check; false for any invalid signature/key (callers check the 64/32 lengths).
bool ed25519_verify(std::span<const uint8_t, 64> sig, std::span<const uint8_t> msg, std::span<const uint8_t, 32> pk);

// nearcore's ecrecover semantics: hash is 32 bytes, sig is r || s, v in 0..=3 and malleability_flag
// (0 or 1) validated by the caller. Returns the uncompressed public key x || y (no 0x04 prefix), or
// std::nullopt when r or s is zero or not below the curve order, when the flag is set and s is above
// half the order, or when no key recovers.
std::optional<std::array<uint8_t, 64>> ecrecover(std::span<const uint8_t, 32> hash, std::span<const uint8_t, 64> sig,
                                                 uint8_t v, bool malleability_flag);

}  // namespace syncwasm::near::crypto
