#include "chain/tx/keys.h"

#include <sodium.h>

#include <cctype>
#include <stdexcept>

namespace syncwasm::chain {
namespace {

constexpr char kAlphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

// Base58 text of at most this many characters is decoded when parsing keys and signatures; a
// 64-byte value needs at most 88.
constexpr size_t kMaxKeyText = 128;

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium initialization failed");
}

int digit_value(char c) {
  static const std::array<int8_t, 256> table = [] {
    std::array<int8_t, 256> t;
    t.fill(-1);
    for (int i = 0; i < 58; ++i) t[uint8_t(kAlphabet[i])] = int8_t(i);
    return t;
  }();
  return table[uint8_t(c)];
}

template <class T>
Result<T> key_error(std::string msg) {
  return make_error(ErrorKind::malformed, std::move(msg));
}

// Splits "ed25519:<data>" (prefix case-insensitive) or bare "<data>"; fails on any other prefix.
Result<std::string_view> strip_prefix(std::string_view text, std::string_view what) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return text;
  std::string prefix(text.substr(0, colon));
  for (char& c : prefix) c = char(std::tolower(uint8_t(c)));
  if (prefix != "ed25519")
    return key_error<std::string_view>("unsupported " + std::string(what) + " type '" + prefix + "' (only ed25519)");
  return text.substr(colon + 1);
}

// Decodes the base58 part of a key string into exactly N bytes.
template <size_t N>
Result<std::array<uint8_t, N>> decode_key_text(std::string_view text, std::string_view what) {
  auto data = strip_prefix(text, what);
  if (!data) return std::unexpected(data.error());
  if (data->empty()) return key_error<std::array<uint8_t, N>>("empty " + std::string(what));
  if (data->size() > kMaxKeyText)
    return key_error<std::array<uint8_t, N>>(std::string(what) + " text too long (" + std::to_string(data->size()) +
                                             " characters)");
  auto bytes = base58_decode(*data);
  if (!bytes) return key_error<std::array<uint8_t, N>>("invalid " + std::string(what) + ": " + bytes.error().message);
  if (bytes->size() != N)
    return key_error<std::array<uint8_t, N>>("invalid " + std::string(what) + ": expected " + std::to_string(N) +
                                             " bytes, got " + std::to_string(bytes->size()));
  std::array<uint8_t, N> out;
  std::copy(bytes->begin(), bytes->end(), out.begin());
  sodium_memzero(bytes->data(), bytes->size());
  return out;
}

Result<void> read_key_type(BorshReader& r, std::string_view what) {
  size_t at = r.offset();
  auto t = r.u8(std::string(what) + " key type");
  if (!t) return std::unexpected(t.error());
  if (*t != uint8_t(KeyType::ed25519))
    return BorshReader::fail<void>(at, "unsupported key type " + std::to_string(*t) + " in " + std::string(what) +
                                           " (only 0 = ed25519)");
  return {};
}

}  // namespace

std::string base58_encode(std::span<const uint8_t> data) {
  size_t zeros = 0;
  while (zeros < data.size() && data[zeros] == 0) ++zeros;
  // Base-58 digits, least significant first; log(256)/log(58) < 1.37.
  std::vector<uint8_t> digits;
  digits.reserve((data.size() - zeros) * 138 / 100 + 1);
  for (size_t i = zeros; i < data.size(); ++i) {
    unsigned carry = data[i];
    for (uint8_t& d : digits) {
      carry += unsigned(d) << 8;
      d = uint8_t(carry % 58);
      carry /= 58;
    }
    while (carry != 0) {
      digits.push_back(uint8_t(carry % 58));
      carry /= 58;
    }
  }
  std::string out(zeros, '1');
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) out.push_back(kAlphabet[*it]);
  return out;
}

Result<Bytes> base58_decode(std::string_view text) {
  size_t ones = 0;
  while (ones < text.size() && text[ones] == '1') ++ones;
  // Bytes, least significant first; log(58)/log(256) < 0.74.
  Bytes bytes;
  bytes.reserve((text.size() - ones) * 74 / 100 + 1);
  for (size_t i = ones; i < text.size(); ++i) {
    int v = digit_value(text[i]);
    if (v < 0) {
      std::string shown = uint8_t(text[i]) >= 0x20 && uint8_t(text[i]) < 0x7F ? std::string("'") + text[i] + "'"
                                                                              : "byte " + std::to_string(uint8_t(text[i]));
      return make_error(ErrorKind::malformed, "invalid base58 character " + shown + " at position " + std::to_string(i));
    }
    unsigned carry = unsigned(v);
    for (uint8_t& b : bytes) {
      carry += unsigned(b) * 58;
      b = uint8_t(carry & 0xFF);
      carry >>= 8;
    }
    while (carry != 0) {
      bytes.push_back(uint8_t(carry & 0xFF));
      carry >>= 8;
    }
  }
  Bytes out(ones, 0);
  out.insert(out.end(), bytes.rbegin(), bytes.rend());
  return out;
}

// ---- PublicKey ----

Result<PublicKey> PublicKey::parse(std::string_view text) {
  auto data = decode_key_text<32>(text, "public key");
  if (!data) return std::unexpected(data.error());
  return PublicKey{*data};
}

std::string PublicKey::to_string() const { return "ed25519:" + base58_encode(data); }

void PublicKey::encode(BorshWriter& w) const {
  w.u8(uint8_t(KeyType::ed25519));
  w.fixed(data);
}

Result<PublicKey> PublicKey::decode(BorshReader& r) {
  if (auto t = read_key_type(r, "public key"); !t) return std::unexpected(t.error());
  auto data = r.fixed<32>("ed25519 public key");
  if (!data) return std::unexpected(data.error());
  return PublicKey{*data};
}

Bytes PublicKey::to_borsh() const {
  BorshWriter w;
  encode(w);
  return w.take();
}

bool PublicKey::verify(std::span<const uint8_t> msg, const Signature& sig) const {
  ensure_sodium();
  return crypto_sign_verify_detached(sig.data.data(), msg.data(), msg.size(), data.data()) == 0;
}

// ---- Signature ----

Result<Signature> Signature::parse(std::string_view text) {
  auto data = decode_key_text<64>(text, "signature");
  if (!data) return std::unexpected(data.error());
  return Signature{*data};
}

std::string Signature::to_string() const { return "ed25519:" + base58_encode(data); }

void Signature::encode(BorshWriter& w) const {
  w.u8(uint8_t(KeyType::ed25519));
  w.fixed(data);
}

Result<Signature> Signature::decode(BorshReader& r) {
  if (auto t = read_key_type(r, "signature"); !t) return std::unexpected(t.error());
  auto data = r.fixed<64>("ed25519 signature");
  if (!data) return std::unexpected(data.error());
  return Signature{*data};
}

// ---- SecretKey ----

SecretKey::~SecretKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

SecretKey SecretKey::from_seed(std::span<const uint8_t, 32> seed) {
  ensure_sodium();
  SecretKey k;
  std::array<uint8_t, 32> pk;
  crypto_sign_seed_keypair(pk.data(), k.bytes_.data(), seed.data());
  return k;
}

SecretKey SecretKey::generate() {
  ensure_sodium();
  std::array<uint8_t, 32> seed;
  randombytes_buf(seed.data(), seed.size());
  SecretKey k = from_seed(seed);
  sodium_memzero(seed.data(), seed.size());
  return k;
}

Result<SecretKey> SecretKey::parse(std::string_view text) {
  auto data = decode_key_text<64>(text, "secret key");
  if (!data) return std::unexpected(data.error());
  SecretKey k = from_seed(std::span<const uint8_t, 32>(data->data(), 32));
  bool match = std::equal(k.bytes_.begin(), k.bytes_.end(), data->begin());
  sodium_memzero(data->data(), data->size());
  if (!match) return key_error<SecretKey>("invalid secret key: its public half is not the key its seed derives");
  return k;
}

std::string SecretKey::to_string() const { return "ed25519:" + base58_encode(bytes_); }

PublicKey SecretKey::public_key() const {
  PublicKey pk;
  std::copy(bytes_.begin() + 32, bytes_.end(), pk.data.begin());
  return pk;
}

Signature SecretKey::sign(std::span<const uint8_t> msg) const {
  ensure_sodium();
  Signature sig;
  crypto_sign_detached(sig.data.data(), nullptr, msg.data(), msg.size(), bytes_.data());
  return sig;
}

}  // namespace syncwasm::chain
