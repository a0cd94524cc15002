#include "chain_home.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "file_io.h"

namespace syncwasm::cli {

namespace fs = std::filesystem;

fs::path Home::extra_key_file(const std::string& account, const chain::PublicKey& pk) const {
  return keys_dir() / account / ("ed25519_" + chain::base58_encode(pk.data) + ".json");
}

CliResult<Home> resolve_home(const std::string& option) {
  if (!option.empty()) return Home{fs::path(option)};
  const char* home = std::getenv("HOME");
  if (!home || !*home) return cli_error(kExitUsage, "HOME is not set: give the home directory with --home DIR");
  return Home{fs::path(home) / ".syncwasm"};
}

CliResult<std::unique_ptr<chain::Chain>> open_chain(const Home& home) {
  std::error_code ec;
  if (!fs::is_directory(home.data_dir(), ec))
    return cli_error(kExitLoadError, home.dir.string() + " is not initialized (no " + home.data_dir().string() +
                                         "); run 'syncwasm init --home " + home.dir.string() + "' first");
  auto c = chain::Chain::open(home.data_dir());
  if (!c) return cli_error(kExitLoadError, c.error().message);
  return std::move(*c);
}

CliResult<KeyFile> load_key_file(const fs::path& path, const std::string& account) {
  auto bytes = read_file(path);
  if (!bytes) return cli_error(kExitLoadError, bytes.error());
  nlohmann::json j = nlohmann::json::parse(bytes->begin(), bytes->end(), nullptr, /*allow_exceptions=*/false);
  auto bad = [&](const std::string& why) { return cli_error(kExitLoadError, path.string() + ": " + why); };
  if (!j.is_object()) return bad("not a key file (expected a JSON object)");
  const char* secret_field = j.contains("private_key") ? "private_key" : "secret_key";
  if (!j.contains(secret_field) || !j[secret_field].is_string()) return bad("no \"private_key\" string");
  auto secret = chain::SecretKey::parse(j[secret_field].get<std::string>());
  if (!secret) return bad("bad private_key: " + secret.error().message);
  if (j.contains("public_key")) {
    if (!j["public_key"].is_string()) return bad("\"public_key\" is not a string");
    auto pk = chain::PublicKey::parse(j["public_key"].get<std::string>());
    if (!pk) return bad("bad public_key: " + pk.error().message);
    if (*pk != secret->public_key()) return bad("public_key is not the public key of private_key");
  }
  KeyFile out{account, *secret};
  if (j.contains("account_id")) {
    if (!j["account_id"].is_string()) return bad("\"account_id\" is not a string");
    out.account_id = j["account_id"].get<std::string>();
    if (!account.empty() && out.account_id != account)
      return bad("the key is for account '" + out.account_id + "', not '" + account + "'");
  }
  return out;
}

CliResult<void> save_key_file(const fs::path& path, const std::string& account, const chain::SecretKey& key) {
  auto fail = [&](const std::string& what, int err) {
    return cli_error(kExitLoadError, "cannot " + what + " " + path.string() + ": " + std::strerror(err));
  };
  std::error_code ec;
  fs::path dir = path.parent_path();
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return cli_error(kExitLoadError, "cannot create " + dir.string() + ": " + ec.message());
    ::chmod(dir.c_str(), 0700);
  }
  nlohmann::json j = {{"account_id", account},
                      {"public_key", key.public_key().to_string()},
                      {"private_key", key.to_string()}};
  std::string text = j.dump() + "\n";
  // Written to a temporary file, then linked to its name: never half-written, never over another key.
  std::string tmp = path.string() + ".tmp.XXXXXX";
  int fd = ::mkstemp(tmp.data());  // mode 0600
  if (fd < 0) return fail("write", errno);
  auto cleanup = [&] { ::unlink(tmp.c_str()); };
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      cleanup();
      return fail("write", err);
    }
    done += size_t(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    cleanup();
    return fail("write", err);
  }
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    cleanup();
    if (err == EEXIST) return cli_error(kExitLoadError, "a key file already exists: " + path.string());
    return fail("write", err);
  }
  cleanup();
  return {};
}

namespace {

// D+ or D+.D+ with at most `decimals` fractional digits, scaled by 10^decimals.
std::optional<chain::u128> parse_scaled(std::string_view text, int decimals) {
  constexpr chain::u128 kMax = ~chain::u128(0);
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && frac.empty()) || frac.size() > size_t(decimals))
    return std::nullopt;
  chain::u128 v = 0;
  auto push = [&](char c) {
    if (c < '0' || c > '9') return false;
    unsigned d = unsigned(c - '0');
    if (v > (kMax - d) / 10) return false;
    v = v * 10 + d;
    return true;
  };
  for (char c : whole)
    if (!push(c)) return std::nullopt;
  for (char c : frac)
    if (!push(c)) return std::nullopt;
  for (size_t i = frac.size(); i < size_t(decimals); ++i)
    if (!push('0')) return std::nullopt;
  return v;
}

}  // namespace

std::optional<chain::u128> parse_near(std::string_view text) {
  constexpr std::string_view kYocto = "yocto";
  if (text.ends_with(kYocto)) {
    text.remove_suffix(kYocto.size());
    if (text.find('.') != std::string_view::npos) return std::nullopt;
    return parse_scaled(text, 0);
  }
  return parse_scaled(text, 24);
}

std::string format_near(chain::u128 yocto) {
  std::string digits = chain::u128_to_string(yocto);
  if (digits.size() <= 24) digits.insert(0, 25 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - 24);
  std::string frac = digits.substr(digits.size() - 24);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return frac.empty() ? whole : whole + "." + frac;
}

std::optional<uint64_t> parse_tgas(std::string_view text) {
  auto v = parse_scaled(text, 12);
  if (!v || *v > chain::u128(UINT64_MAX)) return std::nullopt;
  return uint64_t(*v);
}

}  // namespace syncwasm::cli
