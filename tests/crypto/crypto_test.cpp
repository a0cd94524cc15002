#include <gtest/gtest.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "near/crypto/hashes.h"

namespace crypto = syncwasm::near::crypto;

namespace {

std::vector<uint8_t> bytes(std::string_view s) { return {s.begin(), s.end()}; }

std::vector<uint8_t> unhex(std::string_view h) {
  std::vector<uint8_t> out;
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    out.push_back(static_cast<uint8_t>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16)));
  return out;
}

template <typename Bytes>
std::string hex(const Bytes& b) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t c : b) out += {digits[c >> 4], digits[c & 15]};
  return out;
}

}  // namespace

TEST(Sha256, PublishedVectors) {
  EXPECT_EQ(hex(crypto::sha256(bytes(""))), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex(crypto::sha256(bytes("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Ripemd160, PublishedVectors) {
  EXPECT_EQ(hex(crypto::ripemd160(bytes(""))), "9c1185a5c5e9fc54612808977ee8f548b2258d31");
  EXPECT_EQ(hex(crypto::ripemd160(bytes("abc"))), "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
}

TEST(Keccak256, PublishedVectors) {
  EXPECT_EQ(hex(crypto::keccak256(bytes(""))), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(hex(crypto::keccak256(bytes("abc"))), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  EXPECT_EQ(hex(crypto::keccak256(std::vector<uint8_t>(32, 0))),
            "290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563");
  EXPECT_EQ(hex(crypto::keccak256(bytes("Transfer(address,address,uint256)"))),
            "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
}

// Lengths around the 136-byte rate and well past it (vectors published in the cthash test suite).
TEST(Keccak256, MultiBlock) {
  EXPECT_EQ(hex(crypto::keccak256(bytes(std::string(136, '*')))),
            "e60d5160227cb1b8dc8547deb9c6a2c5e6c3306a1ca155611a73ed2c2324bfc0");
  EXPECT_EQ(hex(crypto::keccak256(bytes(std::string(137, '*')))),
            "6c882042bcc30221e6461507497574e018538e65d2006f9b1137d13347e31ed9");
  EXPECT_EQ(hex(crypto::keccak256(bytes(std::string(2500, '*')))),
            "8e123b2ca404436c18353fb7770c97485d1be96ca0730907fc523896aac95e12");
}

TEST(Keccak512, PublishedVectors) {
  EXPECT_EQ(hex(crypto::keccak512(bytes(""))),
            "0eab42de4c3ceb9235fc91acffe746b29c29a8c366b7c60e4e67c466f36a4304"
            "c00fa9caf9d87976ba469bcbe06713b435f091ef2769fb160cdab33d3670680e");
  EXPECT_EQ(hex(crypto::keccak512(bytes("a"))),
            "9c46dbec5d03f74352cc4a4da354b4e9796887eeb66ac292617692e765dbe400"
            "352559b16229f97b27614b51dbfbbb14613f2c10350435a8feaf53f73ba01c7c");
}

// The 512 rate is 72 bytes, so all of these span several blocks (cthash test suite vectors).
TEST(Keccak512, MultiBlock) {
  EXPECT_EQ(hex(crypto::keccak512(bytes(std::string(136, '*')))),
            "85684d78ee7b7833d89e3eed902fed74eabebe02e0880e842f03d47576330a3b"
            "0d699129d0d33f0f60d31cd5f10c8ecf806b466ded8e611843cefd05b07fa1c6");
  EXPECT_EQ(hex(crypto::keccak512(bytes(std::string(137, '*')))),
            "d8e0a98d46aaf3d9911c929d7be6bfa6c897009a296533fbc6083fb7302e2f6a"
            "d35a5117dcdf59645f9efca9a2e2241c71e7c5f115b94044a21e3715b4534c10");
  EXPECT_EQ(hex(crypto::keccak512(bytes(std::string(2500, '*')))),
            "1bcec0f93dd40948c8b2eceeb48a2b39dae57e8ea9150da3273708204e2e6e27"
            "a680c9e559e46ff6ce3649d96f949e03389cdd5eff65a74346996d48b2eb4d91");
}

// RFC 8032 section 7.1, tests 1 and 2.
struct Ed25519Vector {
  const char* pk;
  const char* msg;
  const char* sig;
};
constexpr Ed25519Vector kRfc8032[] = {
    {"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
    {"3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
};

TEST(Ed25519, Rfc8032Vectors) {
  for (const auto& v : kRfc8032) {
    auto pk = unhex(v.pk), msg = unhex(v.msg), sig = unhex(v.sig);
    auto verify = [&] {
      return crypto::ed25519_verify(std::span<const uint8_t, 64>(sig.data(), 64), msg,
                                    std::span<const uint8_t, 32>(pk.data(), 32));
    };
    EXPECT_TRUE(verify()) << v.sig;

    sig[10] ^= 0x01;
    EXPECT_FALSE(verify()) << "flipped signature bit";
    sig[10] ^= 0x01;

    msg.empty() ? msg.push_back(0x00) : void(msg[0] ^= 0x01);
    EXPECT_FALSE(verify()) << "changed message";
  }
}

class Ecrecover : public ::testing::Test {
 protected:
  static constexpr size_t kRecid = 64;  // index of v in the signature buffer

  // Signs `hash` with `seckey`; returns r || s || v.
  static std::array<uint8_t, 65> sign(const std::array<uint8_t, 32>& hash, const std::array<uint8_t, 32>& seckey) {
    secp256k1_ecdsa_recoverable_signature rsig;
    EXPECT_TRUE(secp256k1_ecdsa_sign_recoverable(ctx(), &rsig, hash.data(), seckey.data(), nullptr, nullptr));
    std::array<uint8_t, 65> out;
    int recid = 0;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx(), out.data(), &recid, &rsig);
    out[kRecid] = static_cast<uint8_t>(recid);
    return out;
  }

  static std::array<uint8_t, 64> public_key(const std::array<uint8_t, 32>& seckey) {
    secp256k1_pubkey pk;
    EXPECT_TRUE(secp256k1_ec_pubkey_create(ctx(), &pk, seckey.data()));
    std::array<uint8_t, 65> ser;
    size_t len = ser.size();
    secp256k1_ec_pubkey_serialize(ctx(), ser.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
    std::array<uint8_t, 64> out;
    std::copy(ser.begin() + 1, ser.end(), out.begin());
    return out;
  }

  static std::optional<std::array<uint8_t, 64>> recover(const std::array<uint8_t, 32>& hash,
                                                        const std::array<uint8_t, 65>& sig, uint8_t v, bool flag) {
    return crypto::ecrecover(hash, std::span<const uint8_t, 64>(sig.data(), 64), v, flag);
  }

  static secp256k1_context* ctx() {
    static secp256k1_context* const c = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    return c;
  }

  const std::array<uint8_t, 32> hash_ = crypto::keccak256(bytes("syncwasm ecrecover test"));
  const std::array<uint8_t, 32> seckey_ = crypto::sha256(bytes("syncwasm fixed private key"));
};

TEST_F(Ecrecover, RecoversSigner) {
  auto sig = sign(hash_, seckey_);
  for (bool flag : {false, true}) {
    auto pk = recover(hash_, sig, sig[kRecid], flag);
    ASSERT_TRUE(pk.has_value());
    EXPECT_EQ(hex(*pk), hex(public_key(seckey_)));
  }
}

// Private key 1 has the generator as its public key, a published constant.
TEST_F(Ecrecover, KeyOneRecoversGenerator) {
  std::array<uint8_t, 32> one{};
  one[31] = 1;
  auto sig = sign(hash_, one);
  auto pk = recover(hash_, sig, sig[kRecid], true);
  ASSERT_TRUE(pk.has_value());
  EXPECT_EQ(hex(*pk),
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
}

TEST_F(Ecrecover, WrongVDoesNotRecoverSigner) {
  auto sig = sign(hash_, seckey_);
  for (uint8_t v = 0; v < 4; ++v) {
    if (v == sig[kRecid]) continue;
    auto pk = recover(hash_, sig, v, false);
    EXPECT_TRUE(!pk || *pk != public_key(seckey_)) << "v=" << int(v);
  }
}

// (r, n - s) with the other recovery id is the high-s twin of a valid signature.
TEST_F(Ecrecover, HighSTwinRejectedOnlyWithMalleabilityFlag) {
  auto sig = sign(hash_, seckey_);
  ASSERT_TRUE(secp256k1_ec_seckey_negate(ctx(), sig.data() + 32));  // s := n - s
  uint8_t v = sig[kRecid] ^ 1;
  auto pk = recover(hash_, sig, v, false);
  ASSERT_TRUE(pk.has_value());
  EXPECT_EQ(hex(*pk), hex(public_key(seckey_)));
  EXPECT_FALSE(recover(hash_, sig, v, true).has_value());
}

// nearcore accepts s < n/2 + 1 under the flag, i.e. s = floor(n/2) is the largest allowed.
TEST_F(Ecrecover, MalleabilityBoundaryIsHalfOrder) {
  auto sig = sign(hash_, seckey_);
  auto half = unhex("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
  std::copy(half.begin(), half.end(), sig.begin() + 32);
  EXPECT_TRUE(recover(hash_, sig, sig[kRecid], true).has_value());
  sig[63] += 1;
  EXPECT_FALSE(recover(hash_, sig, sig[kRecid], true).has_value());
  EXPECT_TRUE(recover(hash_, sig, sig[kRecid], false).has_value());
}

TEST_F(Ecrecover, RejectsOutOfRangeOrZeroRS) {
  const auto order = unhex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
  const auto valid = sign(hash_, seckey_);
  for (size_t offset : {0, 32}) {
    for (bool zero : {false, true}) {
      auto sig = valid;
      if (zero)
        std::fill_n(sig.begin() + offset, 32, 0);
      else
        std::copy(order.begin(), order.end(), sig.begin() + offset);
      for (bool flag : {false, true})
        EXPECT_FALSE(recover(hash_, sig, sig[kRecid], flag).has_value()) << offset << zero << flag;
    }
  }
}
