// Borsh, keys and NEAR transactions (src/chain/tx): round trips, hostile inputs, published vectors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "chain/tx/borsh.h"
#include "chain/tx/keys.h"
#include "chain/tx/transaction.h"

namespace syncwasm::chain {
namespace {

Bytes from_hex(std::string_view hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(uint8_t(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

std::string to_hex(std::span<const uint8_t> b) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (uint8_t x : b) {
    s.push_back(d[x >> 4]);
    s.push_back(d[x & 15]);
  }
  return s;
}

Bytes str_bytes(std::string_view s) { return Bytes(s.begin(), s.end()); }

PublicKey pk_of(std::string_view text) {
  auto pk = PublicKey::parse(text);
  EXPECT_TRUE(pk) << (pk ? "" : pk.error().to_string());
  return pk ? *pk : PublicKey{};
}

CryptoHash hash_of(std::string_view base58) {
  auto b = base58_decode(base58);
  EXPECT_TRUE(b && b->size() == 32);
  CryptoHash h{};
  if (b && b->size() == 32) std::copy(b->begin(), b->end(), h.begin());
  return h;
}

SecretKey seed_key(uint8_t fill) {
  std::array<uint8_t, 32> seed;
  seed.fill(fill);
  return SecretKey::from_seed(seed);
}

// The eight NEAR actions of nearcore's test_serialize_transaction and near-api-js's
// "serialize and sign multi-action tx", all using `pk`.
std::vector<Action> near_test_actions(const PublicKey& pk) {
  return {
      CreateAccountAction{},
      DeployContractAction{{1, 2, 3}},
      FunctionCallAction{"qqq", {1, 2, 3}, 1000, 1000000},
      TransferAction{123},
      StakeAction{1000000, pk},
      AddKeyAction{pk, AccessKey{0, FunctionCallPermission{std::nullopt, "zzz", {"www"}}}},
      DeleteKeyAction{pk},
      DeleteAccountAction{"123"},
  };
}

// Every action and permission variant, with values that exercise all bytes of the integers.
std::vector<Action> all_actions() {
  PublicKey pk = seed_key(7).public_key();
  u128 big = (u128(0x0123456789abcdefULL) << 64) | 0xfedcba9876543210ULL;
  return {
      CreateAccountAction{},
      DeployContractAction{{0, 0x61, 0x73, 0x6d, 1, 0, 0, 0}},
      FunctionCallAction{"do_it", str_bytes("{\"a\":1}"), 300'000'000'000'000ULL, big},
      TransferAction{~u128(0)},
      StakeAction{big, pk},
      AddKeyAction{pk, AccessKey{42, FullAccessPermission{}}},
      AddKeyAction{pk, AccessKey{UINT64_MAX, FunctionCallPermission{u128(1) << 100, "app.near", {"a", "b", ""}}}},
      AddKeyAction{pk, AccessKey{0, FunctionCallPermission{std::nullopt, "app.near", {}}}},
      AddKeyAction{pk, AccessKey{5, FunctionCallWithNamespacesPermission{7, "app.near", {"m"}, {"", "plugin", "ü"}}}},
      AddKeyAction{pk, AccessKey{5, FunctionCallWithNamespacesPermission{std::nullopt, "x.near", {}, {}}}},
      DeleteKeyAction{pk},
      DeleteAccountAction{"beneficiary.near"},
      DeployContractToNamespaceAction{{9, 8, 7}, "plugin"},
      FunctionCallInNamespaceAction{"plugin", "run", {1}, 5, 6},
      DeploySubmoduleAction{"fib", {0, 1, 2, 3}},
      RemoveSubmoduleAction{"fib"},
  };
}

Transaction sample_tx() {
  Transaction t;
  t.signer_id = "alice.near";
  t.public_key = seed_key(1).public_key();
  t.nonce = 77;
  t.receiver_id = "bob.near";
  t.block_hash.fill(0xab);
  t.actions = all_actions();
  return t;
}

// ---- borsh ----

TEST(ChainTxBorsh, IntegersAreLittleEndian) {
  BorshWriter w;
  w.u8(0x01);
  w.u16(0x0302);
  w.u32(0x07060504);
  w.u64(0x0f0e0d0c0b0a0908ULL);
  w.u128((u128(0x1f1e1d1c1b1a1918ULL) << 64) | 0x1716151413121110ULL);
  Bytes expect;
  for (int i = 1; i <= 0x1f; ++i) expect.push_back(uint8_t(i));
  EXPECT_EQ(w.data(), expect);

  BorshReader r(w.data());
  EXPECT_EQ(*r.u8("a"), 0x01);
  EXPECT_EQ(*r.u16("b"), 0x0302);
  EXPECT_EQ(*r.u32("c"), 0x07060504u);
  EXPECT_EQ(*r.u64("d"), 0x0f0e0d0c0b0a0908ULL);
  EXPECT_TRUE(*r.u128("e") == ((u128(0x1f1e1d1c1b1a1918ULL) << 64) | 0x1716151413121110ULL));
  EXPECT_TRUE(r.finish("all"));
}

TEST(ChainTxBorsh, StringsVectorsOptions) {
  BorshWriter w;
  w.string("héllo");
  w.bytes(Bytes{1, 2});
  w.option(std::optional<uint32_t>{}, [](BorshWriter& w, uint32_t v) { w.u32(v); });
  w.option(std::optional<uint32_t>{9}, [](BorshWriter& w, uint32_t v) { w.u32(v); });
  w.vec(std::vector<std::string>{"a", "bc"}, [](BorshWriter& w, const std::string& s) { w.string(s); });
  EXPECT_EQ(to_hex(w.data()), "0600000068c3a96c6c6f" "020000000102" "00" "0109000000" "02000000" "0100000061" "020000006263");

  BorshReader r(w.data());
  EXPECT_EQ(*r.string("s"), "héllo");
  EXPECT_EQ(*r.bytes("b"), (Bytes{1, 2}));
  auto read_u32 = [](BorshReader& r) { return r.u32("v"); };
  EXPECT_EQ(*r.option<uint32_t>("o1", read_u32), std::nullopt);
  EXPECT_EQ(*r.option<uint32_t>("o2", read_u32), 9u);
  auto v = r.vec<std::string>("v", 4, [](BorshReader& r) { return r.string("e"); });
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, (std::vector<std::string>{"a", "bc"}));
  EXPECT_TRUE(r.finish("all"));
}

TEST(ChainTxBorsh, ReaderErrors) {
  Bytes three{1, 2, 3};
  BorshReader r(three);
  auto e = r.u32("x");
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().kind, ErrorKind::malformed);
  EXPECT_NE(e.error().message.find("unexpected end of input reading x"), std::string::npos) << e.error().message;

  Bytes huge{0xff, 0xff, 0xff, 0xff, 'a'};
  BorshReader r2(huge);
  auto s = r2.string("name");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("exceeds the input"), std::string::npos) << s.error().message;
  EXPECT_EQ(s.error().offset, 0u);

  // A vector whose count fits the bytes but not at the element's minimum size.
  Bytes vec{3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};  // 3 strings need >= 12 bytes, 8 left
  BorshReader r3(vec);
  EXPECT_FALSE(r3.vec<std::string>("v", 4, [](BorshReader& r) { return r.string("e"); }));

  Bytes opt{2};
  BorshReader r4(opt);
  auto o = r4.option<uint8_t>("opt", [](BorshReader& r) { return r.u8("v"); });
  ASSERT_FALSE(o);
  EXPECT_NE(o.error().message.find("invalid Option tag 2"), std::string::npos);

  Bytes trailing{1, 2};
  BorshReader r5(trailing);
  (void)r5.u8("a");
  auto f = r5.finish("thing");
  ASSERT_FALSE(f);
  EXPECT_NE(f.error().message.find("1 trailing bytes after thing"), std::string::npos);
}

TEST(ChainTxBorsh, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf"));  // é € 😀 U+10FFFF
  EXPECT_TRUE(is_valid_utf8(std::string_view("\0", 1)));
  for (const char* bad : {"\x80", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80", "\xf0\x80\x80\x80",
                          "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xc3", "\xe2\x82", "\xe2\x28\xa1"})
    EXPECT_FALSE(is_valid_utf8(bad)) << to_hex(str_bytes(bad));
}

TEST(ChainTxBorsh, U128DecimalText) {
  EXPECT_EQ(u128_to_string(0), "0");
  EXPECT_EQ(u128_to_string(~u128(0)), "340282366920938463463374607431768211455");
  EXPECT_TRUE(u128_from_string("340282366920938463463374607431768211455") == ~u128(0));
  EXPECT_FALSE(u128_from_string("340282366920938463463374607431768211456"));
  EXPECT_FALSE(u128_from_string(""));
  EXPECT_FALSE(u128_from_string("-1"));
  EXPECT_TRUE(u128_from_string("1000000") == 1000000);
}

// ---- base58 ----

TEST(ChainTxBase58, BitcoinVectors) {
  // Bitcoin Core's base58_encode_decode.json vectors.
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},
      {"61", "2g"},
      {"626262", "a3gV"},
      {"636363", "aPEr"},
      {"73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"},
      {"00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"},
      {"516b6fcd0f", "ABnLTmg"},
      {"bf4f89001e670274dd", "3SEo3LWLoPntC"},
      {"572e4794", "3EFU7m"},
      {"ecac89cad93923c02321", "EJDM8drfXA6uyA"},
      {"10c8511e", "Rt5zm"},
      {"00000000000000000000", "1111111111"},
      {"00", "1"},
      {"0000287fb4cd", "11233QC4"},
  };
  for (auto [hex, b58] : vectors) {
    Bytes data = from_hex(hex);
    EXPECT_EQ(base58_encode(data), b58) << hex;
    auto back = base58_decode(b58);
    ASSERT_TRUE(back) << b58;
    EXPECT_EQ(*back, data) << b58;
  }
  EXPECT_EQ(base58_encode(str_bytes("hello world")), "StV1DL6CwTryKyV");
  EXPECT_EQ(base58_encode(str_bytes("Hello World!")), "2NEpo7TZRRrLZSi2U");
}

TEST(ChainTxBase58, RejectsCharactersOutsideTheAlphabet) {
  for (const char* bad : {"0", "O", "I", "l", "+", "/", "abc d", "3EFU7m\n", "\xc3\xa9"}) {
    auto r = base58_decode(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_NE(r.error().message.find("invalid base58 character"), std::string::npos);
  }
}

TEST(ChainTxBase58, RandomRoundTrips) {
  std::mt19937 rng(1234);
  for (int i = 0; i < 500; ++i) {
    Bytes b(rng() % 70);
    for (auto& x : b) x = uint8_t(rng() % 4 == 0 ? 0 : rng());
    auto back = base58_decode(base58_encode(b));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, b);
  }
}

// ---- keys ----

TEST(ChainTxKeys, Rfc8032Vector) {
  // RFC 8032 section 7.1, TEST 1: the empty message.
  Bytes seed = from_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  SecretKey sk = SecretKey::from_seed(std::span<const uint8_t, 32>(seed.data(), 32));
  EXPECT_EQ(to_hex(sk.public_key().data), "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  Signature sig = sk.sign({});
  EXPECT_EQ(to_hex(sig.data),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595"
            "bbe24655141438e7a100b");
  EXPECT_TRUE(sk.public_key().verify({}, sig));
}

TEST(ChainTxKeys, SignAndVerify) {
  SecretKey sk = seed_key(0x42);
  Bytes msg = str_bytes("transfer 1 NEAR to bob");
  Signature sig = sk.sign(msg);
  EXPECT_TRUE(sk.public_key().verify(msg, sig));
  EXPECT_EQ(sk.sign(msg), sig);  // deterministic

  Bytes tampered = msg;
  tampered[0] ^= 1;
  EXPECT_FALSE(sk.public_key().verify(tampered, sig));
  Signature bad = sig;
  bad.data[10] ^= 0x80;
  EXPECT_FALSE(sk.public_key().verify(msg, bad));
  EXPECT_FALSE(seed_key(0x43).public_key().verify(msg, sig));

  SecretKey a = SecretKey::generate(), b = SecretKey::generate();
  EXPECT_NE(a.to_string(), b.to_string());
  EXPECT_TRUE(a.public_key().verify(msg, a.sign(msg)));
  EXPECT_FALSE(b.public_key().verify(msg, a.sign(msg)));
}

TEST(ChainTxKeys, StringForms) {
  SecretKey sk = seed_key(3);
  std::string text = sk.to_string();
  EXPECT_EQ(text.rfind("ed25519:", 0), 0u);
  auto back = SecretKey::parse(text);
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(back->bytes(), sk.bytes());
  EXPECT_EQ(SecretKey::parse(text.substr(8))->bytes(), sk.bytes());  // bare base58

  PublicKey pk = sk.public_key();
  EXPECT_EQ(pk.to_string(), "ed25519:" + base58_encode(pk.data));
  EXPECT_EQ(*PublicKey::parse(pk.to_string()), pk);
  EXPECT_EQ(*PublicKey::parse(base58_encode(pk.data)), pk);
  EXPECT_EQ(*PublicKey::parse("ED25519:" + base58_encode(pk.data)), pk);
  EXPECT_EQ(to_hex(pk.to_borsh()), "00" + to_hex(pk.data));

  Signature sig = sk.sign(str_bytes("x"));
  EXPECT_EQ(*Signature::parse(sig.to_string()), sig);

  // Failures: other key types, wrong lengths, bad characters, over-long text, mismatched halves.
  EXPECT_FALSE(PublicKey::parse("secp256k1:" + base58_encode(pk.data)));
  EXPECT_FALSE(PublicKey::parse("ed25519:"));
  EXPECT_FALSE(PublicKey::parse(""));
  EXPECT_FALSE(PublicKey::parse("ed25519:" + base58_encode(Bytes(31, 1))));
  EXPECT_FALSE(PublicKey::parse("ed25519:" + base58_encode(Bytes(33, 1))));
  EXPECT_FALSE(PublicKey::parse("ed25519:0OIl"));
  EXPECT_FALSE(PublicKey::parse("ed25519:" + std::string(100000, '2')));
  EXPECT_FALSE(SecretKey::parse(pk.to_string()));  // 32 bytes, not 64
  Bytes mismatched(sk.bytes().begin(), sk.bytes().end());
  mismatched[40] ^= 1;
  auto m = SecretKey::parse("ed25519:" + base58_encode(mismatched));
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("public half"), std::string::npos);
}

TEST(ChainTxKeys, NearApiJsKeyPair) {
  // near-api-js test/serialize.test.js: this key pair's public key appears in the serialized
  // transaction as 0f56a5f0...f6ef8.
  auto sk = SecretKey::parse("ed25519:2wyRcSwSuHtRVmkMCGjPwnzZmQLeXLzLLyED1NDMt4BjnKgQL6tF85yBx6Jr26D2dUNeC716RBoTxntVHsegogYw");
  ASSERT_TRUE(sk) << sk.error().to_string();
  EXPECT_EQ(to_hex(sk->public_key().data), "0f56a5f028dfc089ec7c39c1183b321b4d8f89ba5bec9e1762803cc2491f6ef8");
}

TEST(ChainTxKeys, BorshDecodeErrors) {
  Bytes secp(33, 0);
  secp[0] = 1;
  BorshReader r(secp);
  auto e = PublicKey::decode(r);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("unsupported key type 1"), std::string::npos);
  Bytes short_key(20, 0);
  BorshReader r2(short_key);
  EXPECT_FALSE(PublicKey::decode(r2));
}

// ---- published NEAR vectors ----

TEST(ChainTxNearVectors, NearcoreSerializeTransaction) {
  // nearcore core/primitives/src/transaction.rs, test_serialize_transaction ("change checker"):
  // the hash of this transaction must be 4GXvjMFN6wSxnU9jEVT8HbXP5Yk6yELX9faRSKp6n9fX.
  PublicKey pk = pk_of("22skMptHjFWNyuEWY22ftn2AbLPSYpmYwGJRGwpNHbTV");
  Transaction t{"test.near", pk, 1, "123", CryptoHash{}, near_test_actions(pk)};
  SignedTransaction st{t, Signature{}};  // Signature::empty(ED25519)
  auto decoded = SignedTransaction::decode(st.encode());
  ASSERT_TRUE(decoded) << decoded.error().to_string();
  EXPECT_EQ(*decoded, st);
  EXPECT_EQ(base58_encode(decoded->hash()), "4GXvjMFN6wSxnU9jEVT8HbXP5Yk6yELX9faRSKp6n9fX");
}

TEST(ChainTxNearVectors, NearApiJsMultiActionTransaction) {
  // near-api-js test/serialize.test.js, "serialize and sign multi-action tx": exact bytes and hash.
  auto sk = SecretKey::parse("ed25519:2wyRcSwSuHtRVmkMCGjPwnzZmQLeXLzLLyED1NDMt4BjnKgQL6tF85yBx6Jr26D2dUNeC716RBoTxntVHsegogYw");
  ASSERT_TRUE(sk);
  PublicKey pk = sk->public_key();
  Transaction t{"test.near", pk, 1, "123", hash_of("244ZQ9cgj3CQ6bWBdytfrJMuMQ1jdXLFGnr4HhvtCTnM"), near_test_actions(pk)};
  const char* expected =
      "09000000746573742e6e656172000f56a5f028dfc089ec7c39c1183b321b4d8f89ba5bec9e1762803cc2491f6ef801000000000000000300"
      "00003132330fa473fd26901df296be6adc4cc4df34d040efa2435224b6986910e630c2fef6080000000001030000000102030203000000"
      "71717103000000010203e80300000000000040420f00000000000000000000000000037b0000000000000000000000000000000440420f"
      "00000000000000000000000000000f56a5f028dfc089ec7c39c1183b321b4d8f89ba5bec9e1762803cc2491f6ef805000f56a5f028dfc0"
      "89ec7c39c1183b321b4d8f89ba5bec9e1762803cc2491f6ef800000000000000000000030000007a7a7a010000000300000077777706000f"
      "56a5f028dfc089ec7c39c1183b321b4d8f89ba5bec9e1762803cc2491f6ef80703000000313233";
  EXPECT_EQ(to_hex(t.encode()), expected);
  EXPECT_EQ(base58_encode(t.hash()), "Fo3MJ9XzKjnKuDuQKhDAC6fra5H2UWawRejFSEpPNk3Y");
  auto decoded = Transaction::decode(from_hex(expected));
  ASSERT_TRUE(decoded) << decoded.error().to_string();
  EXPECT_EQ(*decoded, t);
  SignedTransaction st = t.sign(*sk);
  EXPECT_TRUE(st.verify());
}

TEST(ChainTxNearVectors, NearApiJsSignedTransfer) {
  // near-api-js test/serialize.test.js ("serialize transfer tx", "serialize and sign transfer tx")
  // and packages/transactions/test/data/signed_transaction1.json: bytes and ed25519 signature.
  Transaction t{"test.near", pk_of("Anu7LYDfpLtkP7E16LT9imXF694BdQaa9ufVkQiwTQxC"), 1, "whatever.near",
                hash_of("244ZQ9cgj3CQ6bWBdytfrJMuMQ1jdXLFGnr4HhvtCTnM"), {TransferAction{1}}};
  const std::string unsigned_hex =
      "09000000746573742e6e65617200917b3d268d4b58f7fec1b150bd68d69be3ee5d4cc39855e341538465bb77860d01000000000000000d"
      "00000077686174657665722e6e6561720fa473fd26901df296be6adc4cc4df34d040efa2435224b6986910e630c2fef6"
      "010000000301000000000000000000000000000000";
  EXPECT_EQ(to_hex(t.encode()), unsigned_hex);

  auto sk = SecretKey::parse("ed25519:3hoMW1HvnRLSFCLZnvPzWeoGwtdHzke34B2cTHM8rhcbG3TbuLKtShTv3DvyejnXKXKBiV7YPkLeqUHN1ghnqpFv");
  ASSERT_TRUE(sk);
  EXPECT_EQ(sk->public_key(), t.public_key);
  SignedTransaction st = t.sign(*sk);
  const std::string sig_hex =
      "969a83332186ee9755e4839325525806e189a3d2d2bb4b4760e94443e97e1c4f22deeef0059a8e9713100eda6e19144da7e8a0ef7e539b20"
      "708ba1d8d021bd01";  // base64 lpqDMyGG7pdV5IOTJVJYBuGJo9LSu0tHYOlEQ+l+HE8i3u7wBZqOlxMQDtpuGRRNp+ig735TmyBwi6HY0CG9AQ==
  EXPECT_EQ(to_hex(st.signature.data), sig_hex);
  EXPECT_EQ(to_hex(st.encode()), unsigned_hex + "00" + sig_hex);
  EXPECT_TRUE(st.verify());

  auto decoded = SignedTransaction::decode(from_hex(unsigned_hex + "00" + sig_hex));
  ASSERT_TRUE(decoded) << decoded.error().to_string();
  EXPECT_EQ(*decoded, st);
  EXPECT_TRUE(decoded->verify());
}

// ---- round trips ----

TEST(ChainTxTransactions, EveryActionRoundTrips) {
  for (const Action& a : all_actions()) {
    Bytes b = encode_action(a);
    EXPECT_EQ(b[0], tag_of(a)) << action_name(a);
    auto back = decode_action(b);
    ASSERT_TRUE(back) << action_name(a) << ": " << back.error().to_string();
    EXPECT_EQ(*back, a) << action_name(a);
    EXPECT_EQ(is_extension(a), tag_of(a) >= 100);
  }
}

TEST(ChainTxTransactions, ExtensionLayouts) {
  EXPECT_EQ(to_hex(encode_action(DeployContractToNamespaceAction{{1, 2}, "ns"})), "64" "020000000102" "020000006e73");
  EXPECT_EQ(to_hex(encode_action(FunctionCallInNamespaceAction{"ns", "m", {7}, 2, 3})),
            "65" "020000006e73" "010000006d" "0100000007" "0200000000000000" "03000000000000000000000000000000");
  EXPECT_EQ(to_hex(encode_action(DeploySubmoduleAction{"k", {9}})), "66" "010000006b" "0100000009");
  EXPECT_EQ(to_hex(encode_action(RemoveSubmoduleAction{"k"})), "67" "010000006b");
  PublicKey pk{};
  EXPECT_EQ(to_hex(encode_action(AddKeyAction{pk, AccessKey{1, FunctionCallWithNamespacesPermission{std::nullopt, "r", {"m"}, {"n"}}}})),
            "05" "00" + std::string(64, '0') + "0100000000000000" "64" "00" "0100000072" "01000000" "010000006d" "01000000" "010000006e");
}

TEST(ChainTxTransactions, SignedTransactionRoundTripAndVerify) {
  SecretKey sk = seed_key(1);
  Transaction t = sample_tx();
  ASSERT_EQ(t.public_key, sk.public_key());
  SignedTransaction st = t.sign(sk);
  EXPECT_TRUE(st.verify());
  auto back = SignedTransaction::decode(st.encode());
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(*back, st);
  EXPECT_TRUE(back->verify());
  EXPECT_EQ(back->hash(), t.hash());

  // Signed by a key other than the transaction's public key.
  EXPECT_FALSE(t.sign(seed_key(2)).verify());
  // Any change to the transaction invalidates the signature.
  SignedTransaction changed = st;
  changed.transaction.nonce++;
  EXPECT_FALSE(changed.verify());
  changed = st;
  std::get<FunctionCallAction>(changed.transaction.actions[2]).gas++;
  EXPECT_FALSE(changed.verify());
  changed = st;
  changed.transaction.public_key = seed_key(2).public_key();
  EXPECT_FALSE(changed.verify());
  changed = st;
  changed.signature.data[0] ^= 1;
  EXPECT_FALSE(changed.verify());
}

TEST(ChainTxTransactions, EmptyActionsAndEmptyStrings) {
  Transaction t;
  auto back = Transaction::decode(t.encode());
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, t);
  EXPECT_EQ(t.encode().size(), 4u + 33 + 8 + 4 + 32 + 4);
}

// ---- hostile inputs ----

TEST(ChainTxHostile, EveryTruncationFails) {
  SignedTransaction st = sample_tx().sign(seed_key(1));
  Bytes full = st.encode();
  for (size_t n = 0; n < full.size(); ++n) {
    auto r = SignedTransaction::decode(std::span<const uint8_t>(full.data(), n));
    ASSERT_FALSE(r) << "prefix of " << n << " bytes decoded";
    EXPECT_EQ(r.error().kind, ErrorKind::malformed);
  }
  Bytes tx = st.transaction.encode();
  for (size_t n = 0; n < tx.size(); ++n) EXPECT_FALSE(Transaction::decode(std::span<const uint8_t>(tx.data(), n))) << n;
  for (const Action& a : all_actions()) {
    Bytes b = encode_action(a);
    for (size_t n = 0; n < b.size(); ++n) EXPECT_FALSE(decode_action(std::span<const uint8_t>(b.data(), n))) << n;
  }
}

TEST(ChainTxHostile, TrailingBytesFail) {
  SignedTransaction st = sample_tx().sign(seed_key(1));
  Bytes b = st.encode();
  b.push_back(0);
  auto r = SignedTransaction::decode(b);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("1 trailing bytes after the signed transaction"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().offset, b.size() - 1);

  Bytes tx = st.transaction.encode();
  tx.push_back(0);
  EXPECT_FALSE(Transaction::decode(tx));
  Bytes a = encode_action(TransferAction{1});
  a.push_back(0);
  EXPECT_FALSE(decode_action(a));
}

// Overwrites 4 bytes at `at` with a little-endian u32.
void put_u32(Bytes& b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = uint8_t(v >> (8 * i));
}

TEST(ChainTxHostile, HugeLengthPrefixes) {
  Transaction t = sample_tx();
  Bytes base = t.encode();
  for (uint32_t huge : {0xffffffffu, 0x80000000u, uint32_t(base.size())}) {
    Bytes b = base;
    put_u32(b, 0, huge);  // signer_id length
    auto r = Transaction::decode(b);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("exceeds the input"), std::string::npos) << r.error().message;
  }
  // The actions count: after signer_id, public key, nonce, receiver_id and block hash.
  size_t actions_at = 4 + t.signer_id.size() + 33 + 8 + 4 + t.receiver_id.size() + 32;
  Bytes b = base;
  put_u32(b, actions_at, 0xffffffffu);
  auto r = Transaction::decode(b);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("length 4294967295 of actions exceeds the input"), std::string::npos) << r.error().message;

  // Code length, args length and method_names count inside actions.
  Bytes deploy = encode_action(DeployContractAction{{1, 2, 3}});
  put_u32(deploy, 1, 0xfffffff0u);
  EXPECT_FALSE(decode_action(deploy));
  Bytes call = encode_action(FunctionCallAction{"m", {1}, 1, 1});
  put_u32(call, 1 + 4 + 1, 0xffffffffu);
  EXPECT_FALSE(decode_action(call));
  PublicKey pk{};
  Bytes add = encode_action(AddKeyAction{pk, AccessKey{0, FunctionCallPermission{std::nullopt, "r", {"m"}}}});
  // tag, key (33), nonce (8), permission tag, option tag, receiver (4 + 1), then the count.
  put_u32(add, 1 + 33 + 8 + 1 + 1 + 5, 0x40000000u);
  auto e = decode_action(add);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("method_names"), std::string::npos) << e.error().message;
}

TEST(ChainTxHostile, UnknownTags) {
  for (int tag : {8, 9, 13, 42, 99, 104, 255}) {
    Bytes b{uint8_t(tag), 0, 0, 0, 0};
    auto r = decode_action(b);
    ASSERT_FALSE(r) << tag;
    EXPECT_NE(r.error().message.find("unknown action tag " + std::to_string(tag)), std::string::npos) << r.error().message;
  }
  // Inside a transaction the message names the action.
  Transaction t = sample_tx();
  t.actions = {TransferAction{1}, TransferAction{2}};
  Bytes b = t.encode();
  size_t second = b.size() - 17;
  ASSERT_EQ(b[second], action_tag::transfer);
  b[second] = 77;
  auto r = Transaction::decode(b);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("action 1: unknown action tag 77"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().offset, second);

  // Permission tags: 2 and 3 are NEAR's gas keys, not supported.
  PublicKey pk{};
  for (int tag : {2, 3, 4, 99, 101, 255}) {
    Bytes add = encode_action(AddKeyAction{pk, AccessKey{0, FullAccessPermission{}}});
    add.back() = uint8_t(tag);
    auto e = decode_action(add);
    ASSERT_FALSE(e) << tag;
    EXPECT_NE(e.error().message.find("unknown access key permission tag " + std::to_string(tag)), std::string::npos);
  }
  // Key type 1 (secp256k1) in a transaction's public key and in the signature.
  Bytes tx = sample_tx().encode();
  tx[4 + 10] = 1;  // after the 10-byte signer_id "alice.near"
  auto k = Transaction::decode(tx);
  ASSERT_FALSE(k);
  EXPECT_NE(k.error().message.find("unsupported key type 1"), std::string::npos) << k.error().message;
  Bytes st = sample_tx().sign(seed_key(1)).encode();
  st[st.size() - 65] = 1;
  EXPECT_FALSE(SignedTransaction::decode(st));
  // Option tag 2 for an allowance.
  Bytes opt = encode_action(AddKeyAction{pk, AccessKey{0, FunctionCallPermission{std::nullopt, "r", {}}}});
  opt[1 + 33 + 8 + 1] = 2;
  EXPECT_FALSE(decode_action(opt));
}

TEST(ChainTxHostile, TransactionV1IsRejected) {
  Bytes v1{1};
  Bytes v0 = sample_tx().encode();
  v1.insert(v1.end(), v0.begin(), v0.end());
  auto r = Transaction::decode(v1);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("TransactionV1"), std::string::npos) << r.error().message;
  // A V0 whose signer_id is one byte long starts 01 00: still read as V0.
  Transaction t = sample_tx();
  t.signer_id = "a";
  EXPECT_TRUE(Transaction::decode(t.encode()));
}

TEST(ChainTxHostile, InvalidUtf8InStrings) {
  for (std::string bad : {"\xff", "\xc0\x80", "\xed\xa0\x80", "ok\x80"}) {
    Bytes call = encode_action(FunctionCallAction{bad, {}, 0, 0});
    auto r = decode_action(call);
    ASSERT_FALSE(r) << to_hex(str_bytes(bad));
    EXPECT_NE(r.error().message.find("FunctionCall method_name is not valid UTF-8"), std::string::npos) << r.error().message;
    Transaction t;
    t.signer_id = bad;
    EXPECT_FALSE(Transaction::decode(t.encode()));
    EXPECT_FALSE(decode_action(encode_action(DeployContractToNamespaceAction{{}, bad})));
    EXPECT_FALSE(decode_action(encode_action(
        AddKeyAction{PublicKey{}, AccessKey{0, FunctionCallWithNamespacesPermission{std::nullopt, "r", {}, {"a", bad}}}})));
  }
}

TEST(ChainTxHostile, RandomMutationsNeverCrashAndDecodeCanonically) {
  // Borsh as used here is canonical: whatever decodes must re-encode to the same bytes.
  Bytes base = sample_tx().sign(seed_key(1)).encode();
  std::mt19937 rng(99);
  int decoded = 0;
  for (int i = 0; i < 20000; ++i) {
    Bytes b = base;
    int edits = 1 + int(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      switch (rng() % 4) {
        case 0: b[rng() % b.size()] = uint8_t(rng()); break;
        case 1: b[rng() % b.size()] ^= uint8_t(1u << (rng() % 8)); break;
        case 2: b.resize(rng() % b.size()); if (b.empty()) b.push_back(0); break;
        case 3: b.insert(b.begin() + long(rng() % b.size()), uint8_t(rng())); break;
      }
    }
    auto r = SignedTransaction::decode(b);
    if (r) {
      ++decoded;
      EXPECT_EQ(r->encode(), b);
    }
  }
  EXPECT_GT(decoded, 0);  // some mutations (in amounts, keys, hashes) stay decodable
}

// ---- JSON ----

TEST(ChainTxJson, TransactionText) {
  SignedTransaction st = sample_tx().sign(seed_key(1));
  auto j = nlohmann::json::parse(to_json(st));
  EXPECT_EQ(j["signer_id"], "alice.near");
  EXPECT_EQ(j["public_key"], seed_key(1).public_key().to_string());
  EXPECT_EQ(j["nonce"], 77);
  EXPECT_EQ(j["hash"], base58_encode(st.hash()));
  EXPECT_EQ(j["signature"], st.signature.to_string());
  const auto& actions = j["actions"];
  ASSERT_EQ(actions.size(), all_actions().size());
  EXPECT_EQ(actions[0], "CreateAccount");
  EXPECT_EQ(actions[1]["DeployContract"]["code_size"], 8);
  EXPECT_EQ(actions[2]["FunctionCall"]["method_name"], "do_it");
  EXPECT_EQ(actions[2]["FunctionCall"]["args"], "eyJhIjoxfQ==");
  EXPECT_EQ(actions[3]["Transfer"]["deposit"], "340282366920938463463374607431768211455");
  EXPECT_EQ(actions[5]["AddKey"]["access_key"]["permission"], "FullAccess");
  EXPECT_TRUE(actions[7]["AddKey"]["access_key"]["permission"]["FunctionCall"]["allowance"].is_null());
  EXPECT_EQ(actions[8]["AddKey"]["access_key"]["permission"]["FunctionCallWithNamespaces"]["namespaces"][1], "plugin");
  EXPECT_EQ(actions[13]["FunctionCallInNamespace"]["namespace"], "plugin");
  EXPECT_EQ(actions[15]["RemoveSubmodule"]["key"], "fib");
  EXPECT_EQ(to_json(Action{TransferAction{5}}), R"({"Transfer":{"deposit":"5"}})");
}

}  // namespace
}  // namespace syncwasm::chain
