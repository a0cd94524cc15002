// Hash and signature host functions. They charge their own base cost, not `base`.
#include "near/crypto/hashes.h"
#include "near/host_support.h"

namespace syncwasm::near {


namespace {
template <size_t N>
Bytes to_bytes(const std::array<uint8_t, N>& a) {
  return Bytes(a.begin(), a.end());
}
Bytes do_sha256(std::span<const uint8_t> d) { return to_bytes(crypto::sha256(d)); }
Bytes do_keccak256(std::span<const uint8_t> d) { return to_bytes(crypto::keccak256(d)); }
Bytes do_keccak512(std::span<const uint8_t> d) { return to_bytes(crypto::keccak512(d)); }
}  // namespace

HostOutcome Logic::write_hash(uint64_t len, uint64_t ptr, uint64_t reg, Gas base, Gas per_byte,
                              Bytes (*hash)(std::span<const uint8_t>)) {
  TRY(gas_.pay_base(base));
  auto value = memory_or_register(ptr, len);
  if (!value) return std::unexpected(value.error());
  TRY(gas_.pay_per(per_byte, value->size()));
  TRY(set_register(reg, hash(*value)));
  return 0;
}

HostOutcome Logic::sha256(const uint64_t* a) {
  return write_hash(a[0], a[1], a[2], p_.sha256_base, p_.sha256_byte, do_sha256);
}
HostOutcome Logic::keccak256(const uint64_t* a) {
  return write_hash(a[0], a[1], a[2], p_.keccak256_base, p_.keccak256_byte, do_keccak256);
}
HostOutcome Logic::keccak512(const uint64_t* a) {
  return write_hash(a[0], a[1], a[2], p_.keccak512_base, p_.keccak512_byte, do_keccak512);
}

// Charged per 64-byte block of the padded message: (len + 8) / 64 + 1 blocks.
HostOutcome Logic::ripemd160(const uint64_t* a) {
  TRY(gas_.pay_base(p_.ripemd160_base));
  auto value = memory_or_register(a[1], a[0]);
  if (!value) return std::unexpected(value.error());
  TRY(gas_.pay_per(p_.ripemd160_block, (value->size() + 8) / 64 + 1));
  TRY(set_register(a[2], to_bytes(crypto::ripemd160(*value))));
  return 0;
}

HostOutcome Logic::ecrecover(const uint64_t* a) {
  TRY(gas_.pay_base(p_.ecrecover_base));
  auto sig = memory_or_register(a[3], a[2]);
  if (!sig) return std::unexpected(sig.error());
  if (sig->size() != 64)
    return std::unexpected(HostError{HostErrorKind::ECRecoverError, "The length of the signature: " +
                                         std::to_string(sig->size()) + ", exceeds the limit of 64 bytes"});
  if (a[4] > 3)
    return std::unexpected(HostError{HostErrorKind::ECRecoverError,
                                     "V recovery byte 0 through 3 are valid but was provided " + std::to_string(a[4])});
  auto hash = memory_or_register(a[1], a[0]);
  if (!hash) return std::unexpected(hash.error());
  if (hash->size() != 32)
    return std::unexpected(HostError{HostErrorKind::ECRecoverError, "The length of the hash: " +
                                         std::to_string(hash->size()) + ", exceeds the limit of 32 bytes"});
  if (a[5] > 1)
    return std::unexpected(HostError{HostErrorKind::ECRecoverError,
                                     "Malleability flag needs to be 0 or 1, but is instead " + std::to_string(a[5])});
  auto key = crypto::ecrecover(std::span<const uint8_t, 32>(hash->data(), 32), std::span<const uint8_t, 64>(sig->data(), 64),
                               uint8_t(a[4]), a[5] == 1);
  if (!key) return 0;
  TRY(set_register(a[6], to_bytes(*key)));
  return 1;
}

HostOutcome Logic::ed25519_verify(const uint64_t* a) {
  TRY(gas_.pay_base(p_.ed25519_verify_base));
  auto sig = memory_or_register(a[1], a[0]);
  if (!sig) return std::unexpected(sig.error());
  if (sig->size() != 64)
    return std::unexpected(HostError{HostErrorKind::Ed25519VerifyInvalidInput, "invalid signature length"});
  // A signature with any of the top three bits of its last byte set is rejected before the message is read.
  if ((*sig)[63] & 0xE0) return 0;
  auto msg = memory_or_register(a[3], a[2]);
  if (!msg) return std::unexpected(msg.error());
  TRY(gas_.pay_per(p_.ed25519_verify_byte, msg->size()));
  auto pk = memory_or_register(a[5], a[4]);
  if (!pk) return std::unexpected(pk.error());
  if (pk->size() != 32)
    return std::unexpected(HostError{HostErrorKind::Ed25519VerifyInvalidInput, "invalid public key length"});
  return crypto::ed25519_verify(std::span<const uint8_t, 64>(sig->data(), 64), *msg,
                                std::span<const uint8_t, 32>(pk->data(), 32)) ? 1 : 0;
}

}  // namespace syncwasm::near
