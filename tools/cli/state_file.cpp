#include "state_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <system_error>

#include "common/base64.h"
#include "file_io.h"

namespace syncwasm::cli {

bool valid_namespace_name(std::string_view ns) {
  if (ns.empty()) return false;
  for (char c : ns)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

namespace {

// One object of base64 key -> base64 value; `where` prefixes errors ("" at the top level).
std::expected<StateMap, std::string> parse_storage(const nlohmann::json& j, const std::string& where) {
  StateMap state;
  for (const auto& [key_text, value] : j.items()) {
    if (where.empty() && key_text == kNamespacesEntry) continue;
    auto key = base64_decode(key_text);
    if (!key) return std::unexpected(where + "key \"" + key_text + "\" is not valid base64");
    if (!value.is_string())
      return std::unexpected(where + "the value of key \"" + key_text + "\" is not a base64 string");
    auto bytes = base64_decode(value.get_ref<const std::string&>());
    if (!bytes) return std::unexpected(where + "the value of key \"" + key_text + "\" is not valid base64");
    if (!state.emplace(std::move(*key), std::move(*bytes)).second)
      return std::unexpected(where + "key \"" + key_text + "\" decodes to the same bytes as another key");
  }
  return state;
}

// Keys in the order of their base64 text (what the file shows).
nlohmann::ordered_json storage_json(const StateMap& state) {
  std::map<std::string, std::string> sorted;
  for (const auto& [key, value] : state) sorted.emplace(base64_encode(key), base64_encode(value));
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (auto& [k, v] : sorted) j[k] = v;
  return j;
}

}  // namespace

std::expected<State, std::string> parse_state_json(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::unexpected("not valid JSON");
  if (!j.is_object()) return std::unexpected("expected a JSON object of base64 key -> base64 value");
  State state;
  auto storage = parse_storage(j, "");
  if (!storage) return std::unexpected(storage.error());
  state.storage = std::move(*storage);
  if (auto it = j.find(kNamespacesEntry); it != j.end()) {
    if (!it->is_object())
      return std::unexpected("\"namespaces\" is not an object of namespace name -> object of base64 key -> base64 value");
    for (const auto& [ns, entries] : it->items()) {
      if (!valid_namespace_name(ns))
        return std::unexpected("namespace \"" + ns + "\": not a namespace name (lowercase letters, digits and _)");
      if (!entries.is_object())
        return std::unexpected("namespace \"" + ns + "\": expected an object of base64 key -> base64 value");
      auto m = parse_storage(entries, "namespace \"" + ns + "\": ");
      if (!m) return std::unexpected(m.error());
      state.namespaces.emplace(ns, std::move(*m));
    }
  }
  return state;
}

std::string state_json(const State& state) {
  nlohmann::ordered_json j = storage_json(state.storage);
  nlohmann::ordered_json namespaces = nlohmann::ordered_json::object();
  for (const auto& [ns, m] : state.namespaces)  // std::map: sorted by name
    if (!m.empty()) namespaces[ns] = storage_json(m);
  if (!namespaces.empty()) j[std::string(kNamespacesEntry)] = std::move(namespaces);
  return j.dump(2) + "\n";
}

std::expected<State, std::string> load_state_file(const std::filesystem::path& path, bool* missing) {
  *missing = false;
  std::error_code ec;
  std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (st.type() == std::filesystem::file_type::not_found) {
    *missing = true;
    return State{};
  }
  auto bytes = read_file(path);
  if (!bytes) return std::unexpected(bytes.error());
  auto state = parse_state_json(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
  if (!state) return std::unexpected(path.string() + ": corrupt state file: " + state.error());
  return state;
}

std::expected<void, std::string> write_state_file(const std::filesystem::path& path, const State& state) {
  std::error_code ec;
  std::filesystem::path target = path;
  if (std::filesystem::is_symlink(path, ec)) {
    target = std::filesystem::canonical(path, ec);
    if (ec) return std::unexpected("cannot resolve " + path.string() + ": " + ec.message());
  }
  auto fail = [&](const std::string& what, int err) {
    return std::unexpected("cannot write " + path.string() + ": " + what + ": " + std::strerror(err));
  };

  mode_t mode;
  struct stat st{};
  if (::stat(target.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }

  std::string tmp_name = target.string() + ".tmp.XXXXXX";
  std::vector<char> buf(tmp_name.begin(), tmp_name.end());
  buf.push_back('\0');
  int fd = ::mkstemp(buf.data());
  if (fd < 0) return fail("cannot create a temporary file", errno);
  std::string tmp(buf.data());
  auto abandon = [&](const std::string& what) {
    int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return fail(what, err);
  };

  std::string text = state_json(state);
  for (size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return abandon("write to " + tmp);
    }
    done += size_t(n);
  }
  if (::fchmod(fd, mode) != 0) return abandon("chmod " + tmp);
  if (::fsync(fd) != 0) return abandon("fsync " + tmp);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return fail("close " + tmp, err);
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return fail("rename " + tmp, err);
  }
  return {};
}

}  // namespace syncwasm::cli
