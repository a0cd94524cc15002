// Hash and signature host functions against published vectors, with their charges and errors.
#include "near_test_support.h"

namespace syncwasm::near::test {
namespace {

const Params P = free_wasm();
Gas RM(uint64_t n) { return P.read_memory_base + n * P.read_memory_byte; }
Gas WR(uint64_t n) { return P.write_register_base + n * P.write_register_byte; }
Gas RR(uint64_t n) { return P.read_register_base + n * P.read_register_byte; }

std::string hex(const Bytes& b) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (uint8_t x : b) s += {d[x >> 4], d[x & 15]};
  return s;
}

std::string hash_of(const char* fn) {
  auto o = run(std::string(R"((data (i32.const 0) "abc") (func (export "main") (call $)") + fn +
                   R"( (i64.const 3) (i64.const 0) (i64.const 1)) (call $value_return (i64.const -1) (i64.const 1))))",
               "main");
  EXPECT_FALSE(o.aborted) << error_path(o);
  return hex(o.return_data.value);
}

TEST(HostCrypto, HashesOfAbc) {
  EXPECT_EQ(hash_of("sha256"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hash_of("keccak256"), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  EXPECT_EQ(hash_of("ripemd160"), "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  EXPECT_EQ(hash_of("keccak512").size(), 128u);
}

TEST(HostCrypto, HashCharges) {
  auto o = run(R"((data (i32.const 0) "abc") (func (export "main") (call $sha256 (i64.const 3) (i64.const 0) (i64.const 1))))", "main");
  EXPECT_EQ(o.burnt_gas, P.sha256_base + RM(3) + 3 * P.sha256_byte + WR(32));
  o = run(R"((data (i32.const 0) "abc") (func (export "main") (call $ripemd160 (i64.const 3) (i64.const 0) (i64.const 1))))", "main");
  EXPECT_EQ(o.burnt_gas, P.ripemd160_base + RM(3) + 1 * P.ripemd160_block + WR(20));
  // Hashing a register's content reads the register instead of memory.
  o = run(R"((data (i32.const 0) "abc") (func (export "main")
      (call $write_register (i64.const 2) (i64.const 3) (i64.const 0))
      (call $keccak256 (i64.const -1) (i64.const 2) (i64.const 1))))", "main");
  EXPECT_EQ(o.burnt_gas, (P.base + RM(3) + WR(3)) + P.keccak256_base + RR(3) + 3 * P.keccak256_byte + WR(32));
  o = run(R"((func (export "main") (call $sha256 (i64.const 10) (i64.const 99999999) (i64.const 1))))", "main");
  EXPECT_EQ(error_path(o), "HostError::MemoryAccessViolation");
}

// RFC 8032, test 1: empty message.
const char* kEd25519 = R"(
  (data (i32.const 0) "\e5\56\43\00\c3\60\ac\72\90\86\e2\cc\80\6e\82\8a\84\87\7f\1e\b8\e5\d9\74\d8\73\e0\65\22\49\01\55\5f\b8\82\15\90\a3\3b\ac\c6\1e\39\70\1c\f9\b4\6b\d2\5b\f5\f0\59\5b\be\24\65\51\41\43\8e\7a\10\0b")
  (data (i32.const 64) "\d7\5a\98\01\82\b1\0a\b7\d5\4b\fe\d3\c9\64\07\3a\0e\e1\72\f3\da\a6\23\25\af\02\1a\68\f7\07\51\1a")
  (func (export "ok") (i64.store (i32.const 200) (call $ed25519_verify (i64.const 64) (i64.const 0) (i64.const 0) (i64.const 300) (i64.const 32) (i64.const 64)))
    (call $value_return (i64.const 8) (i64.const 200)))
  (func (export "tampered") (i32.store8 (i32.const 5) (i32.const 0))
    (i64.store (i32.const 200) (call $ed25519_verify (i64.const 64) (i64.const 0) (i64.const 0) (i64.const 300) (i64.const 32) (i64.const 64)))
    (call $value_return (i64.const 8) (i64.const 200)))
  (func (export "short_sig") (drop (call $ed25519_verify (i64.const 63) (i64.const 0) (i64.const 0) (i64.const 300) (i64.const 32) (i64.const 64))))
  (func (export "short_key") (drop (call $ed25519_verify (i64.const 64) (i64.const 0) (i64.const 0) (i64.const 300) (i64.const 31) (i64.const 64)))))";

TEST(HostCrypto, Ed25519Verify) {
  auto o = run(kEd25519, "ok");
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(o.return_data.value[0], 1);
  EXPECT_EQ(o.burnt_gas, P.ed25519_verify_base + RM(64) + RM(0) + RM(32) + (P.base + RM(8)));
  o = run(kEd25519, "tampered");
  EXPECT_EQ(o.return_data.value[0], 0);
  EXPECT_EQ(error_path(run(kEd25519, "short_sig")), "HostError::Ed25519VerifyInvalidInput");
  EXPECT_EQ(error_path(run(kEd25519, "short_key")), "HostError::Ed25519VerifyInvalidInput");
}

TEST(HostCrypto, EcrecoverInputErrors) {
  const char* body = R"((func (export "bad_v") (drop (call $ecrecover (i64.const 32) (i64.const 0) (i64.const 64) (i64.const 64) (i64.const 4) (i64.const 0) (i64.const 1))))
    (func (export "bad_hash") (drop (call $ecrecover (i64.const 31) (i64.const 0) (i64.const 64) (i64.const 64) (i64.const 0) (i64.const 0) (i64.const 1))))
    (func (export "bad_flag") (drop (call $ecrecover (i64.const 32) (i64.const 0) (i64.const 64) (i64.const 64) (i64.const 0) (i64.const 2) (i64.const 1))))
    (func (export "zero_sig") (i64.store (i32.const 200) (call $ecrecover (i64.const 32) (i64.const 0) (i64.const 64) (i64.const 64) (i64.const 0) (i64.const 0) (i64.const 1)))
      (call $value_return (i64.const 8) (i64.const 200))))";
  for (const char* m : {"bad_v", "bad_hash", "bad_flag"}) EXPECT_EQ(error_path(run(body, m)), "HostError::ECRecoverError") << m;
  auto o = run(body, "zero_sig");  // r = s = 0: not a valid signature, so 0
  ASSERT_FALSE(o.aborted);
  EXPECT_EQ(o.return_data.value[0], 0);
  EXPECT_EQ(o.burnt_gas, P.ecrecover_base + RM(64) + RM(32) + (P.base + RM(8)));
}

TEST(HostCrypto, UnsupportedFunctionsLinkAndNameThemselves) {
  auto o = run(R"((func (export "main") (call $alt_bn128_g1_sum (i64.const 0) (i64.const 0) (i64.const 0))))", "main");
  EXPECT_EQ(error_path(o), "HostError::Unsupported");
  EXPECT_EQ(o.aborted->message, "alt_bn128_g1_sum");
}

}  // namespace
}  // namespace syncwasm::near::test
