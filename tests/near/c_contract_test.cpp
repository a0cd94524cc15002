// The example C contract (examples/contracts/status_message.c, built by clang --target=wasm32)
// through the NEAR runner with PV86 costs: status message storage, every hash, logs, JSON returns.
// The gas figures are those documented in docs/gas.md (clang 14 -O2 output).
#include <fstream>
#include <iterator>

#include "near_test_support.h"

namespace syncwasm::near::test {
namespace {

Bytes contract_code() {
  std::ifstream f(STATUS_MESSAGE_WASM, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(f)), {});
}

VMOutcome call(MemoryExternal& ext, const std::string& method, const std::string& args, const std::string& who = "alice.near") {
  static ContractCache cache;
  VMContext ctx;
  ctx.current_account_id = "status.near";
  ctx.predecessor_account_id = who;
  ctx.input = Bytes(args.begin(), args.end());
  return run_method(contract_code(), method, ctx, Params{}, ext, cache);
}

TEST(CContract, StatusMessageRoundTrip) {
  ASSERT_FALSE(contract_code().empty()) << "missing " << STATUS_MESSAGE_WASM;
  MemoryExternal ext;
  auto set = call(ext, "set_status", R"({"message":"hello world"})");
  ASSERT_FALSE(set.aborted) << error_path(set);
  EXPECT_EQ(set.logs, std::vector<std::string>{"set_status by alice.near: hello world"});
  auto get = call(ext, "get_status", R"({"account_id":"alice.near"})", "bob.near");
  ASSERT_FALSE(get.aborted) << error_path(get);
  EXPECT_EQ(returned(get), R"({"account_id":"alice.near","message":"hello world"})");
  auto none = call(ext, "get_status", R"({"account_id":"carol.near"})");
  EXPECT_EQ(returned(none), "null");
  auto bad = call(ext, "set_status", R"({"msg":"x"})");
  EXPECT_EQ(error_path(bad), "HostError::GuestPanic");
  EXPECT_EQ(bad.aborted->message, "missing string field");

  // Deterministic gas: the same call costs the same; reading costs less than writing.
  MemoryExternal ext2;
  auto set2 = call(ext2, "set_status", R"({"message":"hello world"})");
  EXPECT_EQ(set2.burnt_gas, set.burnt_gas);
  EXPECT_LT(get.burnt_gas, set.burnt_gas);
  EXPECT_EQ(set.burnt_gas, SET_STATUS_GAS);
  EXPECT_EQ(get.burnt_gas, GET_STATUS_GAS);
}

TEST(CContract, EveryHash) {
  MemoryExternal ext;
  auto o = call(ext, "hashes", "abc");
  ASSERT_FALSE(o.aborted) << error_path(o);
  EXPECT_EQ(returned(o),
            R"({"sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",)"
            R"("keccak256":"4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",)"
            R"("keccak512":"18587dc2ea106b9a1563e32b3312421ca164c7f1f07bc922a9c83d77cea3a1e5d0c69910739025372dc14ac9642629379540c17e2a65b19d77aa511a9d00bb96",)"
            R"("ripemd160":"8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"})");
  EXPECT_EQ(o.burnt_gas, HASHES_GAS);
}

}  // namespace
}  // namespace syncwasm::near::test
