#include "support/wat.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

namespace syncwasm::test {

std::vector<uint8_t> wat(const std::string& text, const std::string& extra_flags) {
  char dir[] = "/tmp/syncwasm-test-XXXXXX";
  if (!mkdtemp(dir)) {
    ADD_FAILURE() << "mkdtemp failed";
    return {};
  }
  std::string in = std::string(dir) + "/m.wat", out = std::string(dir) + "/m.wasm";
  std::ofstream(in) << text;
  std::string cmd = std::string(WAT2WASM_PATH) + " " + extra_flags + " " + in + " -o " + out + " 2>&1";
  int rc = std::system(cmd.c_str());
  std::ifstream f(out, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(f)), {});
  std::remove(in.c_str());
  std::remove(out.c_str());
  rmdir(dir);
  if (rc != 0) ADD_FAILURE() << "wat2wasm failed for:\n" << text;
  return bytes;
}

Loaded load(const std::string& text, EngineConfig cfg) {
  Loaded l;
  l.store = std::make_unique<Store>(cfg);
  auto m = Module::compile(wat(text), cfg);
  if (!m) {
    ADD_FAILURE() << m.error().to_string();
    return l;
  }
  l.module = *m;
  auto inst = l.store->instantiate(*l.module, Imports{});
  if (!inst) {
    ADD_FAILURE() << inst.error().to_string();
    return l;
  }
  l.instance = *inst;
  return l;
}

InvokeResult Loaded::call(const std::string& name, std::vector<Value> args) {
  auto f = instance->get_export(name);
  if (!f) return std::unexpected(Trap{TrapKind::host, "no export " + name});
  auto r = store->invoke(*f, args);
  if (!r) return std::unexpected(Trap{TrapKind::host, r.error().to_string()});
  return *r;
}

}  // namespace syncwasm::test
