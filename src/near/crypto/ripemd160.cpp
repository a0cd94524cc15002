// RIPEMD-160 through OpenSSL's EVP interface.
#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

#include "near/crypto/hashes.h"

namespace syncwasm::near::crypto {

std::array<uint8_t, 20> ripemd160(std::span<const uint8_t> data) {
  // OpenSSL 3.0.7+ serves RIPEMD-160 from the default provider; older 3.0.x need the legacy one.
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(EVP_MD_fetch(nullptr, "RIPEMD160", nullptr),
                                                                  &EVP_MD_free);
  std::array<uint8_t, 20> out;
  unsigned int len = 0;
  if (!md || EVP_Digest(data.data(), data.size(), out.data(), &len, md.get(), nullptr) != 1 || len != out.size())
    throw std::runtime_error("OpenSSL RIPEMD-160 is unavailable");
  return out;
}

}  // namespace syncwasm::near::crypto
