// ed25519 keys and signatures in NEAR's formats: borsh (a u8 key type, 0 for ed25519, then the raw
// bytes) and text ("ed25519:" + base58, the form near-cli's key files and the RPC use).
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "chain/tx/borsh.h"
#include "syncwasm/types.h"

namespace syncwasm::chain {

// Base58 with the Bitcoin alphabet (as NEAR and the bs58 crate use): leading zero bytes become '1's.
std::string base58_encode(std::span<const uint8_t> data);
// ErrorKind::malformed for a character outside the alphabet. Quadratic in the length: callers
// bound the input (the key and hash parsers below reject long strings before decoding).
Result<Bytes> base58_decode(std::string_view text);

enum class KeyType : uint8_t { ed25519 = 0 };  // NEAR also has secp256k1 = 1, not supported here

struct Signature;

struct PublicKey {
  std::array<uint8_t, 32> data{};

  // "ed25519:<base58>" (prefix case-insensitive) or bare base58, which NEAR reads as ed25519.
  static Result<PublicKey> parse(std::string_view text);
  std::string to_string() const;  // "ed25519:<base58>"

  void encode(BorshWriter& w) const;  // u8 0, then the 32 bytes
  static Result<PublicKey> decode(BorshReader& r);
  Bytes to_borsh() const;  // 33 bytes

  // libsodium's crypto_sign_verify_detached of `sig` over `msg`.
  bool verify(std::span<const uint8_t> msg, const Signature& sig) const;

  auto operator<=>(const PublicKey&) const = default;
};

struct Signature {
  std::array<uint8_t, 64> data{};

  static Result<Signature> parse(std::string_view text);  // "ed25519:<base58>" or bare base58
  std::string to_string() const;                          // "ed25519:<base58>"

  void encode(BorshWriter& w) const;  // u8 0, then the 64 bytes
  static Result<Signature> decode(BorshReader& r);

  bool operator==(const Signature&) const = default;
};

// An ed25519 secret key in libsodium's 64-byte form: the 32-byte seed, then the public key. NEAR's
// text form is the same 64 bytes: "ed25519:<base58 of seed || public key>". Wiped on destruction.
class SecretKey {
 public:
  static SecretKey generate();                                  // a random seed (randombytes_buf)
  static SecretKey from_seed(std::span<const uint8_t, 32> seed);  // deterministic
  // "ed25519:<base58 of 64 bytes>" or bare base58. Fails unless the public half is the key the
  // seed derives (a mismatched key file would sign with one key and claim another).
  static Result<SecretKey> parse(std::string_view text);

  std::string to_string() const;  // "ed25519:<base58 of 64 bytes>"
  PublicKey public_key() const;
  std::span<const uint8_t, 32> seed() const { return std::span<const uint8_t, 32>(bytes_.data(), 32); }
  const std::array<uint8_t, 64>& bytes() const { return bytes_; }
  Signature sign(std::span<const uint8_t> msg) const;  // ed25519 (deterministic)

  SecretKey(const SecretKey&) = default;
  SecretKey& operator=(const SecretKey&) = default;
  ~SecretKey();

 private:
  SecretKey() = default;
  std::array<uint8_t, 64> bytes_{};
};

}  // namespace syncwasm::chain
