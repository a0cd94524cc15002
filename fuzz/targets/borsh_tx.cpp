// borsh_tx: SignedTransaction::decode on arbitrary bytes. Borsh is a canonical encoding, so whatever
// decodes must re-encode to exactly the input, and decode again to an equal value. Also exercises the
// hash, signature check and JSON rendering of what decoded.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "chain/tx/transaction.h"

using namespace syncwasm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> in(data, size);
  auto tx = chain::SignedTransaction::decode(in);
  // Each action alone, too (the action decoder is also reachable on its own).
  if (auto a = chain::decode_action(in)) {
    chain::Bytes again = chain::encode_action(*a);
    if (again.size() != size || !std::equal(again.begin(), again.end(), data)) {
      std::fprintf(stderr, "action re-encodes differently (%zu vs %zu bytes)\n", again.size(), size);
      std::abort();
    }
    (void)chain::to_json(*a);
  }
  if (!tx) return 0;
  chain::Bytes again = tx->encode();
  if (again.size() != size || !std::equal(again.begin(), again.end(), data)) {
    std::fprintf(stderr, "transaction re-encodes differently (%zu vs %zu bytes)\n", again.size(), size);
    std::abort();
  }
  auto tx2 = chain::SignedTransaction::decode(again);
  if (!tx2 || !(*tx2 == *tx)) std::abort();
  (void)tx->hash();
  (void)tx->verify();
  (void)chain::to_json(*tx);
  return 0;
}
