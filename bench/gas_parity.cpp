// Gas of the same work done by a contract and by a synchronous callee (issue target: the callee
// path costs at most 1.05x the contract path at n = 20,000). The byte-shuffling workload
// (bench/gas/shuffle_kernel.h) runs three ways with PV86 parameters:
//   contract   shuffle_contract.wasm `run` called directly (it logs and returns the hash);
//   submodule  shuffle_parent.wasm `run_submodule`: start + resume of shuffle_submodule.wasm (v1);
//   namespace  shuffle_parent.wasm `run_namespace`: sync_function_call of shuffle_contract.wasm
//              deployed as namespace "shuffle".
// Prints the burnt gas of each and the ratios to the contract path for n = 1, 100, 1,000, 10,000 and
// 20,000; every path must return the same hash. Gas is deterministic, so this is also a test:
// exit status 1 if a ratio at n = 20,000 exceeds the bound or the results differ.
#include <cstdio>
#include <fstream>
#include <iterator>

#include "sync/run.h"

using namespace syncwasm;

namespace {

near::Bytes read_file(const char* path) {
  std::ifstream f(path, std::ios::binary);
  return near::Bytes((std::istreambuf_iterator<char>(f)), {});
}

std::string text(const near::Bytes& b) { return std::string(b.begin(), b.end()); }

struct Run {
  near::Gas burnt;
  std::string result;
};

Run run(const near::Bytes& code, const char* method, uint32_t n, sync::MapCodeSource& source) {
  near::Params p;
  near::ContractCache cache;
  near::MemoryExternal ext;
  near::VMContext ctx;
  ctx.current_account_id = "engine.near";
  ctx.prepaid_gas = 300'000'000'000'000ull;
  std::string arg = std::to_string(n);
  ctx.input = near::Bytes(arg.begin(), arg.end());
  near::VMOutcome o = sync::run_method(code, method, ctx, p, ext, cache, source);
  if (o.aborted) {
    std::fprintf(stderr, "%s(%u) failed: %s\n", method, n, o.aborted->to_string().c_str());
    std::exit(2);
  }
  return {o.burnt_gas, text(o.return_data.value)};
}

}  // namespace

int main() {
  near::Bytes contract = read_file(SHUFFLE_CONTRACT_WASM), parent = read_file(SHUFFLE_PARENT_WASM),
              submodule = read_file(SHUFFLE_SUBMODULE_WASM);
  if (contract.empty() || parent.empty() || submodule.empty()) {
    std::fprintf(stderr, "gas_parity: missing contract files\n");
    return 2;
  }
  sync::MapCodeSource none, source;
  source.submodules["shuffle"] = submodule;
  source.namespaces["shuffle"] = contract;
  const double bound = 1.05;
  bool ok = true;
  std::printf("%8s %20s %20s %20s %10s %10s\n", "n", "contract gas", "submodule gas", "namespace gas", "sub/con",
              "ns/con");
  for (uint32_t n : {1u, 100u, 1'000u, 10'000u, 20'000u}) {
    Run c = run(contract, "run", n, none), s = run(parent, "run_submodule", n, source),
        ns = run(parent, "run_namespace", n, source);
    double rs = double(s.burnt) / double(c.burnt), rn = double(ns.burnt) / double(c.burnt);
    std::printf("%8u %20llu %20llu %20llu %10.4f %10.4f\n", n, (unsigned long long)c.burnt,
                (unsigned long long)s.burnt, (unsigned long long)ns.burnt, rs, rn);
    if (s.result != c.result || ns.result != c.result) {
      std::printf("  results differ: %s / %s / %s\n", c.result.c_str(), s.result.c_str(), ns.result.c_str());
      ok = false;
    }
    if (n == 20'000 && (rs > bound || rn > bound)) ok = false;
  }
  std::printf("gas_parity: %s (bound %.2fx at n = 20,000)\n", ok ? "ok" : "FAILED", bound);
  return ok ? 0 : 1;
}
