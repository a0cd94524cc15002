// Test support: WebAssembly text to binary (via wabt's wat2wasm) and small helpers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "syncwasm/engine.h"

namespace syncwasm::test {

// Converts WebAssembly text to a binary module; fails the current test on a text error.
std::vector<uint8_t> wat(const std::string& text, const std::string& extra_flags = "");

// Compiles, instantiates (no imports) and returns the instance; fails the test on error.
struct Loaded {
  std::unique_ptr<Store> store;
  std::shared_ptr<const Module> module;
  std::optional<Instance> instance;
  InvokeResult call(const std::string& name, std::vector<Value> args = {});
};
Loaded load(const std::string& text, EngineConfig cfg = {});

}  // namespace syncwasm::test
