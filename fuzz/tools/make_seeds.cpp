// Writes the generated part of the seed corpus: signed transactions for borsh_tx and driver scripts
// for sync_script. `make_seeds OUT_DIR` creates OUT_DIR/borsh_tx/ and OUT_DIR/sync_script/.
// Run through fuzz/seeds/make, which also assembles the WAT seeds.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "chain/tx/transaction.h"
#include "contracts/driver_script.h"

using namespace syncwasm::chain;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const Bytes& b) {
  std::ofstream f(p, std::ios::binary);
  f.write(reinterpret_cast<const char*>(b.data()), std::streamsize(b.size()));
}

Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }

SecretKey key(uint8_t fill) {
  std::array<uint8_t, 32> seed;
  seed.fill(fill);
  return SecretKey::from_seed(std::span<const uint8_t, 32>(seed.data(), 32));
}

Bytes signed_tx(std::vector<Action> actions, uint64_t nonce) {
  SecretKey sk = key(1);
  Transaction t;
  t.signer_id = "alice.near";
  t.public_key = sk.public_key();
  t.nonce = nonce;
  t.receiver_id = "bob.near";
  t.block_hash.fill(uint8_t(nonce));
  t.actions = std::move(actions);
  return t.sign(sk).encode();
}

// Driver scripts (tests/sync/contracts/driver_script.h) with 3 Tgas per call by default.
using syncwasm::driver::Script;
using enum syncwasm::driver::Op;
Script seed_script() { return Script(3'000'000'000'000ull); }
Bytes u64(uint64_t v) { return syncwasm::driver::u64_bytes(v); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_seeds OUT_DIR\n");
    return 2;
  }
  fs::path out = argv[1];
  fs::create_directories(out / "borsh_tx");
  fs::create_directories(out / "sync_script");

  PublicKey pk2 = key(2).public_key();
  Bytes code = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  write(out / "borsh_tx" / "transfer", signed_tx({TransferAction{u128(1) << 100}}, 1));
  write(out / "borsh_tx" / "function_call",
        signed_tx({FunctionCallAction{"set_status", text("{\"message\":\"hi\"}"), 30'000'000'000'000ull, 1}}, 2));
  write(out / "borsh_tx" / "keys",
        signed_tx({AddKeyAction{pk2, {0, FullAccessPermission{}}},
                   AddKeyAction{pk2, {7, FunctionCallPermission{u128(5) << 64, "bob.near", {"a", "b"}}}},
                   AddKeyAction{pk2, {0, FunctionCallPermission{std::nullopt, "bob.near", {}}}},
                   AddKeyAction{pk2, {1, FunctionCallWithNamespacesPermission{u128(9), "bob.near", {"m"}, {"ns", "plugin"}}}},
                   DeleteKeyAction{pk2}},
                  3));
  write(out / "borsh_tx" / "account_lifecycle",
        signed_tx({CreateAccountAction{}, DeployContractAction{code}, StakeAction{u128(1000), pk2},
                   DeleteAccountAction{"carol.near"}},
                  4));
  write(out / "borsh_tx" / "namespaces",
        signed_tx({DeployContractToNamespaceAction{code, "plugin"},
                   FunctionCallInNamespaceAction{"plugin", "run", text("{}"), 1'000'000, 0},
                   DeploySubmoduleAction{"counter", code}, RemoveSubmoduleAction{"counter"}},
                  5));
  write(out / "borsh_tx" / "no_actions", signed_tx({}, 6));

  auto script = [&](const char* name, const Script& s) { write(out / "sync_script" / name, s.bytes); };
  script("empty", seed_script());
  script("calls", seed_script().op(kStart, "a", "ret42").op(kStart, "a", "echo", text("payload")).op(kStart, "a", "whoami"));
  script("yield_resume", seed_script()
                             .op(kStart, "a", "yield_then")
                             .op(kResume, "a", "", u64(100))
                             .op(kStart, "a", "pingpong")
                             .op(kResume, "a", "", u64(1))
                             .op(kResume, "a", "", u64(0)));
  script("statuses", seed_script()
                         .op(kResume, "a", "", u64(1))
                         .op(kStart, "a", "yield_then")
                         .op(kStart, "a", "yield_then")
                         .op(kResume, "a", "", u64(1))
                         .op(kStart, "nothere", "ret42")
                         .op(kStart, "a", "no_such_method")
                         .op(kStart, "a", "takes_param")
                         .op(kStart, "a", "burn", {}, 1'000'000'000'000ull)
                         .op(kStart, "a", "write_then_trap")
                         .op(kStart, "a", "panic"));
  // Two live callees at once (status 900 when max_live_sync_callees is 1).
  script("two_live", seed_script()
                         .op(kStart, "a", "yield_then")
                         .op(kStart, "b", "relay")
                         .op(kResume, "a", "", u64(1))
                         .op(kResume, "b", "", u64(2)));
  script("storage", seed_script()
                        .op(kStart, "a", "write", text("value"))
                        .op(kStart, "a", "read")
                        .op(kWrite, "mine", "", text("x"))
                        .op(kRead, "mine")
                        .op(kLog, "", "", text("log line"))
                        .op(kStart, "a", "remove")
                        .op(kStart, "a", "grow", Bytes{3}));
  script("nested", seed_script()
                       .op(kStart, "b", "call_a", text("ret42"))
                       .op(kStart, "b", "relay")
                       .op(kResume, "b", "", u64(41))
                       .op(kStart, "b", "recurse")
                       .op(kStart, "b", "restricted")
                       .op(kStart, "b", "sub", u64(5)));
  script("submodule", seed_script()
                          .op(kStartSub, "s")
                          .op(kResumeSub, "s", "", u64(2))
                          .op(kResumeSub, "s", "", u64(3))
                          .op(kResumeSub, "s", "")
                          .op(kResumeSub, "s", "", u64(1))
                          .op(kStartSub, "missing"));
  script("restricted", seed_script()
                           .op(kStartRestricted, "a", "write", text("v"), 3'000'000'000'000ull, 0)
                           .op(kStartRestricted, "a", "ret42", {}, 3'000'000'000'000ull, 0xffffffff)
                           .op(kStartRestricted, "b", "call_a", text("echo"), 3'000'000'000'000ull, 0x3));
  return 0;
}
