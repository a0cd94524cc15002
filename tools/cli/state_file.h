// The contract storage file of `syncwasm exec --state FILE`: a JSON object mapping base64 keys to base64
// values (the default namespace), plus an optional entry "namespaces": {NS: {base64 key: base64 value}}
// for the account's other NEP-480 namespaces; read before the call and written back (atomically) after it.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace syncwasm::cli {

// Byte-wise lexicographic order. (Not std::less<std::vector<uint8_t>>: with it, g++ 12 at -O2 gives a
// false -Wstringop-overread warning.)
struct BytesLess {
  bool operator()(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) const {
    std::string_view x(reinterpret_cast<const char*>(a.data()), a.size());
    std::string_view y(reinterpret_cast<const char*>(b.data()), b.size());
    return x < y;
  }
};
using StateMap = std::map<std::vector<uint8_t>, std::vector<uint8_t>, BytesLess>;

// The top-level entry holding the non-default namespaces. It cannot be a storage key: "namespaces" is
// not valid base64 (10 characters, not a multiple of 4).
inline constexpr std::string_view kNamespacesEntry = "namespaces";

// A NEP-480 namespace name as the CLI and the state file accept it: non-empty, lowercase ASCII letters,
// digits and '_'.
bool valid_namespace_name(std::string_view ns);

struct State {
  StateMap storage;                           // the default namespace ("")
  std::map<std::string, StateMap> namespaces;  // the others, by name; never "" (maps may be empty)
};

// Parses the file's text. Errors name the problem: not JSON, not an object, a key or value that is not
// a base64 string, two keys that decode to the same bytes, a "namespaces" entry that is not an object
// of namespace name -> such an object, a bad namespace name.
std::expected<State, std::string> parse_state_json(std::string_view text);

// The file's text: one object, the default namespace's keys sorted by their base64 text, then (only when
// some non-default namespace has data) "namespaces" with the non-empty namespaces sorted by name, each
// sorted the same way; two-space indent, final newline.
std::string state_json(const State& state);

// Reads and parses PATH. A missing file is the empty state and sets *missing. Errors are prefixed with
// the path.
std::expected<State, std::string> load_state_file(const std::filesystem::path& path, bool* missing);

// Replaces PATH atomically: the text goes to a temporary file in the same directory, which is flushed
// to disk and renamed over PATH (the target, if PATH is a symlink). An existing file keeps its mode.
std::expected<void, std::string> write_state_file(const std::filesystem::path& path, const State& state);

}  // namespace syncwasm::cli
