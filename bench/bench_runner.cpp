// Runs a benchmark workload (a module exporting `run`, no imports) on syncwasm under NEAR's engine
// configuration, or measures translation speed.
//
//   bench_runner FILE.wasm [--no-metering] [--reps N]
//     compiles FILE under near::engine_config (metered; --no-metering switches the gas schedule
//     off), instantiates it without imports, runs `run` once to warm up and then N times (default
//     5) with unlimited fuel. Prints "times_ms t1 .. tN", "median_ms M", "result R" (R unsigned)
//     and, when metered, "metered_ops N": one run's gas in units of regular_op_cost (the number of
//     metered wasm instructions, function-entry frame costs included).
//
//   bench_runner --translate FILE.wasm [--no-metering] [--min-time SECONDS]
//     repeats validate-only (Module::validate) and decode+validate+translate (Module::compile) for
//     at least SECONDS each (default 1) and reports the median time and MB/s (10^6 bytes) over the
//     code section's bytes and over the whole module's bytes, and MB/s of the fastest repetition.
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "near/params.h"
#include "near/prepare.h"
#include "syncwasm/engine.h"

using namespace syncwasm;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& msg) {
  std::fprintf(stderr, "bench_runner: %s\n", msg.c_str());
  std::exit(1);
}

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) die("cannot open " + path);
  return {std::istreambuf_iterator<char>(f), {}};
}

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Size of the code section's contents (0 if none); the binary is assumed well-formed.
size_t code_section_size(const std::vector<uint8_t>& b) {
  auto leb = [&b](size_t& pos) {
    uint64_t v = 0;
    for (int shift = 0; pos < b.size(); shift += 7) {
      uint8_t byte = b[pos++];
      v |= uint64_t(byte & 0x7F) << shift;
      if (!(byte & 0x80)) break;
    }
    return v;
  };
  size_t pos = 8;
  while (pos < b.size()) {
    uint8_t id = b[pos++];
    size_t size = leb(pos);
    if (id == 10) return size;
    pos += size;
  }
  return 0;
}

EngineConfig config(bool metering) {
  EngineConfig cfg = near::engine_config(near::Params{});
  if (!metering) cfg.gas = GasSchedule{};
  return cfg;
}

int translate(const std::vector<uint8_t>& wasm, bool metering, double min_seconds) {
  const EngineConfig cfg = config(metering);
  const size_t code = code_section_size(wasm);
  auto measure = [&](auto&& fn) {
    fn();  // warm-up
    std::vector<double> times;
    Clock::time_point start = Clock::now();
    while (times.size() < 5 || ms_since(start) < min_seconds * 1000) {
      Clock::time_point t0 = Clock::now();
      fn();
      times.push_back(ms_since(t0));
    }
    return std::tuple{median(times), *std::min_element(times.begin(), times.end()), times.size()};
  };
  auto [validate_ms, validate_min_ms, validate_n] = measure([&] {
    if (auto r = Module::validate(wasm, cfg.features); !r) die("validation failed: " + r.error().to_string());
  });
  auto [compile_ms, compile_min_ms, compile_n] = measure([&] {
    if (auto r = Module::compile(wasm, cfg); !r) die("compilation failed: " + r.error().to_string());
  });
  auto mbps = [](size_t bytes, double ms) { return bytes / 1e6 / (ms / 1e3); };
  std::printf("module_bytes %zu\ncode_bytes %zu\n", wasm.size(), code);
  std::printf("validate_median_ms %.4f\nvalidate_reps %zu\n", validate_ms, validate_n);
  std::printf("validate_code_mb_s %.2f\nvalidate_module_mb_s %.2f\n", mbps(code, validate_ms), mbps(wasm.size(), validate_ms));
  std::printf("compile_median_ms %.4f\ncompile_reps %zu\n", compile_ms, compile_n);
  std::printf("compile_code_mb_s %.2f\ncompile_module_mb_s %.2f\n", mbps(code, compile_ms), mbps(wasm.size(), compile_ms));
  // The fastest repetition: less sensitive to other load on the machine.
  std::printf("validate_best_code_mb_s %.2f\ncompile_best_code_mb_s %.2f\n", mbps(code, validate_min_ms),
              mbps(code, compile_min_ms));
  return 0;
}

int execute(const std::vector<uint8_t>& wasm, bool metering, int reps) {
  const EngineConfig cfg = config(metering);
  auto module = Module::compile(wasm, cfg);
  if (!module) die("compilation failed: " + module.error().to_string());
  Store store(cfg);
  auto inst = store.instantiate(**module, Imports{});
  if (!inst) die("instantiation failed: " + inst.error().to_string());
  auto run = inst->get_export("run");
  if (!run || run->kind != ExternKind::func) die("no exported function `run`");

  uint64_t gas_used = 0;
  auto once = [&] {
    auto ex = store.start(*run, {});
    if (!ex) die("start failed: " + ex.error().to_string());
    (*ex)->set_fuel(UINT64_MAX);
    ExecState st = (*ex)->run();
    if (st == ExecState::trapped) die("trap: " + (*ex)->trap().message);
    if (st != ExecState::finished) die("run did not finish");
    gas_used = UINT64_MAX - (*ex)->fuel();
    const auto& res = (*ex)->results();
    if (res.size() != 1) die("run must return one value");
    return res[0].type == ValType::i32 ? uint64_t(uint32_t(res[0].bits)) : res[0].bits;
  };

  const uint64_t result = once();  // warm-up
  std::vector<double> times;
  for (int i = 0; i < reps; ++i) {
    Clock::time_point t0 = Clock::now();
    uint64_t r = once();
    times.push_back(ms_since(t0));
    if (r != result) die("result changed between runs");
  }
  std::printf("times_ms");
  for (double t : times) std::printf(" %.3f", t);
  std::printf("\nmedian_ms %.3f\nresult %" PRIu64 "\n", median(times), result);
  // Gas of one run in units of regular_op_cost: the metered instruction count (frame costs included).
  if (metering) std::printf("metered_ops %" PRIu64 "\n", gas_used / cfg.gas.regular_op);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string file;
  bool metering = true, translate_mode = false;
  int reps = 5;
  double min_seconds = 1.0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--no-metering") metering = false;
    else if (a == "--translate") translate_mode = true;
    else if (a == "--reps" && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
    else if (a == "--min-time" && i + 1 < argc) min_seconds = std::atof(argv[++i]);
    else if (!a.empty() && a[0] != '-' && file.empty()) file = a;
    else die("usage: bench_runner [--translate] FILE.wasm [--no-metering] [--reps N] [--min-time SECONDS]");
  }
  if (file.empty()) die("usage: bench_runner [--translate] FILE.wasm [--no-metering] [--reps N] [--min-time SECONDS]");
  std::vector<uint8_t> wasm = read_file(file);
  return translate_mode ? translate(wasm, metering, min_seconds) : execute(wasm, metering, reps);
}
