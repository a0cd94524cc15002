// Logic: the shared machinery of host functions (memory, registers, strings, logs) and the
// registers, context and miscellaneous host functions. Charges follow nearcore's order: gas is
// paid before bounds and validity checks.
#include "near/host_support.h"

#include <cstring>

#include "decode/reader.h"

namespace syncwasm::near {



Logic::Logic(const VMContext& ctx, const Params& params, External& ext, const std::array<uint8_t, 32>* code_hash)
    : ctx_(ctx), p_(params), ext_(ext), code_hash_(code_hash),
      gas_(ctx.is_view ? params.limit.max_gas_burnt_view : params.limit.max_gas_burnt, ctx.prepaid_gas, ctx.is_view),
      balance_(ctx.account_balance + ctx.attached_deposit), storage_usage_(ctx.storage_usage) {}

// ---- guest memory and registers ----

HostError Logic::memory_violation() { return err(HostErrorKind::MemoryAccessViolation); }

std::optional<HostError> Logic::write_memory(uint64_t ptr, View data) {
  if (auto e = gas_.pay(p_.write_memory_base, p_.write_memory_byte, data.size())) return e;
  if (ptr > memory_.size() || data.size() > memory_.size() - ptr) return memory_violation();
  if (!data.empty()) std::memcpy(memory_.data() + ptr, data.data(), data.size());
  return std::nullopt;
}

std::expected<Logic::View, HostError> Logic::read_register_view(uint64_t id) {
  const Bytes* reg = registers_.find(id);
  if (!reg) return std::unexpected(err(HostErrorKind::InvalidRegisterId, std::to_string(id)));
  TRY(gas_.pay(p_.read_register_base, p_.read_register_byte, reg->size()));
  return View(*reg);
}

std::optional<HostError> Logic::set_register(uint64_t id, View data, bool charge_bytes) {
  if (auto e = gas_.pay(p_.write_register_base, p_.write_register_byte, charge_bytes ? data.size() : 0)) return e;
  // The count check fails even when an existing register is overwritten: nearcore's behaviour.
  if (data.size() > p_.limit.max_register_size || registers_.size() >= p_.limit.max_number_registers)
    return err(HostErrorKind::MemoryAccessViolation, "register limit");
  uint64_t usage = registers_bytes_ + data.size() + sizeof(uint64_t);
  Bytes* reg = registers_.find(id);
  const bool created = !reg;
  if (created) reg = &registers_.create(id);
  else usage -= reg->size() + sizeof(uint64_t);
  if (usage > p_.limit.registers_memory_limit) {
    if (created) registers_.undo_create();
    return err(HostErrorKind::MemoryAccessViolation, "registers memory limit");
  }
  registers_bytes_ = usage;
  if (data.data() == reg->data()) return std::nullopt;  // a register into itself
  if (data.size() <= kSmallRegister && reg->size() == data.size()) {
    // The same size as before (a sync call's answers, a loop's results): a copy without memmove.
    copy_small(reg->data(), data.data(), data.size());
    return std::nullopt;
  }
  reg->assign(data.begin(), data.end());
  return std::nullopt;
}

std::expected<std::string, HostError> Logic::read_utf8(uint64_t len, uint64_t ptr) {
  TRY(gas_.pay_base(p_.utf8_decoding_base));
  uint64_t max_len = p_.limit.max_total_log_length - std::min(p_.limit.max_total_log_length, total_log_length_);
  Bytes buf;
  if (len != UINT64_MAX) {
    if (len > max_len) return std::unexpected(err(HostErrorKind::TotalLogLengthExceeded));
    auto m = read_memory(ptr, len);
    if (!m) return std::unexpected(m.error());
    buf.assign(m->begin(), m->end());
  } else {
    // NUL-terminated: read byte by byte, each read charged as a memory read.
    for (uint64_t i = 0;; ++i) {
      if (ptr + i < ptr) return std::unexpected(err(HostErrorKind::MemoryAccessViolation));
      auto b = read_memory(ptr + i, 1);
      if (!b) return std::unexpected(b.error());
      if ((*b)[0] == 0) break;
      if (i == max_len) return std::unexpected(err(HostErrorKind::TotalLogLengthExceeded));
      buf.push_back((*b)[0]);
    }
  }
  TRY(gas_.pay_per(p_.utf8_decoding_byte, buf.size()));
  if (!ir::valid_utf8(buf.data(), buf.size())) return std::unexpected(err(HostErrorKind::BadUTF8));
  return std::string(buf.begin(), buf.end());
}

std::expected<std::string, HostError> Logic::read_utf16(uint64_t len, uint64_t ptr) {
  TRY(gas_.pay_base(p_.utf16_decoding_base));
  uint64_t max_len = p_.limit.max_total_log_length - std::min(p_.limit.max_total_log_length, total_log_length_);
  Bytes raw;
  if (len == UINT64_MAX) {
    // NUL-terminated: each unit is read (and charged) to find the length; the bytes are then free.
    for (len = 0;; len += 2) {
      auto b = read_memory(ptr + len < ptr ? UINT64_MAX : ptr + len, 2);
      if (!b) return std::unexpected(b.error());
      if ((*b)[0] == 0 && (*b)[1] == 0) break;
      if (len + 2 > max_len) return std::unexpected(err(HostErrorKind::TotalLogLengthExceeded));
    }
    raw.assign(memory_.begin() + long(ptr), memory_.begin() + long(ptr + len));
  } else {
    auto m = read_memory(ptr, len);
    if (!m) return std::unexpected(m.error());
    raw.assign(m->begin(), m->end());
  }
  if (len % 2) return std::unexpected(err(HostErrorKind::BadUTF16));
  if (len > max_len) return std::unexpected(err(HostErrorKind::TotalLogLengthExceeded));
  TRY(gas_.pay_per(p_.utf16_decoding_byte, len));
  std::vector<uint16_t> units;
  for (size_t i = 0; i < raw.size(); i += 2) units.push_back(uint16_t(raw[i] | (raw[i + 1] << 8)));
  std::string out;
  for (size_t i = 0; i < units.size(); ++i) {
    uint32_t cp = units[i];
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 1 >= units.size() || units[i + 1] < 0xDC00 || units[i + 1] > 0xDFFF)
        return std::unexpected(err(HostErrorKind::BadUTF16));
      cp = 0x10000 + ((cp - 0xD800) << 10) + (units[++i] - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return std::unexpected(err(HostErrorKind::BadUTF16));
    }
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) out += {char(0xC0 | (cp >> 6)), char(0x80 | (cp & 0x3F))};
    else if (cp < 0x10000) out += {char(0xE0 | (cp >> 12)), char(0x80 | ((cp >> 6) & 0x3F)), char(0x80 | (cp & 0x3F))};
    else
      out += {char(0xF0 | (cp >> 18)), char(0x80 | ((cp >> 12) & 0x3F)), char(0x80 | ((cp >> 6) & 0x3F)),
              char(0x80 | (cp & 0x3F))};
  }
  return out;
}

std::expected<Balance, HostError> Logic::read_u128(uint64_t ptr) {
  auto m = read_memory(ptr, 16);
  if (!m) return std::unexpected(m.error());
  Balance v = 0;
  for (int i = 15; i >= 0; --i) v = (v << 8) | (*m)[size_t(i)];
  return v;
}

std::optional<HostError> Logic::write_u128(uint64_t ptr, Balance v) {
  uint8_t b[16];
  for (int i = 0; i < 16; ++i) b[i] = uint8_t(v >> (8 * i));
  return write_memory(ptr, b);
}

std::optional<HostError> Logic::check_view(const char* method) const {
  if (ctx_.is_view) return err(HostErrorKind::ProhibitedInView, method);
  return std::nullopt;
}

std::optional<HostError> Logic::push_log(std::string msg) {
  uint64_t total = total_log_length_ + msg.size();
  if (total > p_.limit.max_total_log_length) return err(HostErrorKind::TotalLogLengthExceeded);
  total_log_length_ = total;
  logs_.push_back(std::move(msg));
  return std::nullopt;
}

// ---- registers ----

HostOutcome Logic::read_register(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  auto data = memory_or_register(a[0], UINT64_MAX);
  if (!data) return std::unexpected(data.error());
  TRY(write_memory(a[1], *data));
  return 0;
}

HostOutcome Logic::register_len(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  const Bytes* reg = registers_.find(a[0]);
  return reg ? reg->size() : UINT64_MAX;
}

HostOutcome Logic::write_register(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  auto data = read_memory(a[2], a[1]);
  if (!data) return std::unexpected(data.error());
  TRY(set_register(a[0], std::move(*data)));
  return 0;
}

// ---- miscellaneous ----

HostOutcome Logic::value_return(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  auto v = memory_or_register(a[1], a[0]);
  if (!v) return std::unexpected(v.error());
  if (v->size() > p_.limit.max_length_returned_data)
    return std::unexpected(err(HostErrorKind::ReturnedValueLengthExceeded, std::to_string(v->size())));
  return_data_ = {ReturnKind::value, Bytes(v->begin(), v->end()), 0};
  return 0;
}

HostOutcome Logic::panic(const uint64_t*) {
  TRY(gas_.pay_base(p_.base));
  return std::unexpected(err(HostErrorKind::GuestPanic, "explicit guest panic"));
}

HostOutcome Logic::panic_utf8(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  auto msg = read_utf8(a[0], a[1]);
  if (!msg) return std::unexpected(msg.error());
  return std::unexpected(err(HostErrorKind::GuestPanic, *msg));
}

HostOutcome Logic::log_utf8(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  if (logs_.size() >= p_.limit.max_number_logs)
    return std::unexpected(err(HostErrorKind::NumberOfLogsExceeded, std::to_string(p_.limit.max_number_logs)));
  auto msg = read_utf8(a[0], a[1]);
  if (!msg) return std::unexpected(msg.error());
  TRY(gas_.pay(p_.log_base, p_.log_byte, msg->size()));
  TRY(push_log(std::move(*msg)));
  return 0;
}

HostOutcome Logic::log_utf16(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  if (logs_.size() >= p_.limit.max_number_logs)
    return std::unexpected(err(HostErrorKind::NumberOfLogsExceeded, std::to_string(p_.limit.max_number_logs)));
  auto msg = read_utf16(a[0], a[1]);
  if (!msg) return std::unexpected(msg.error());
  TRY(gas_.pay(p_.log_base, p_.log_byte, msg->size()));
  TRY(push_log(std::move(*msg)));
  return 0;
}

// AssemblyScript's abort(msg, file, line, col): strings are UTF-16 with their byte length at ptr - 4.
HostOutcome Logic::abort(const uint64_t* a) {
  TRY(gas_.pay_base(p_.base));
  uint32_t msg_ptr = uint32_t(a[0]), file_ptr = uint32_t(a[1]);
  if (msg_ptr < 4 || file_ptr < 4) return std::unexpected(err(HostErrorKind::BadUTF16));
  if (logs_.size() >= p_.limit.max_number_logs)
    return std::unexpected(err(HostErrorKind::NumberOfLogsExceeded, std::to_string(p_.limit.max_number_logs)));
  auto u32_at = [this](uint32_t ptr) -> std::expected<uint32_t, HostError> {
    auto b = read_memory(ptr, 4);
    if (!b) return std::unexpected(b.error());
    return uint32_t((*b)[0] | ((*b)[1] << 8) | ((*b)[2] << 16) | (uint32_t((*b)[3]) << 24));
  };
  auto msg_len = u32_at(msg_ptr - 4);
  if (!msg_len) return std::unexpected(msg_len.error());
  auto file_len = u32_at(file_ptr - 4);
  if (!file_len) return std::unexpected(file_len.error());
  auto msg = read_utf16(*msg_len, msg_ptr);
  if (!msg) return std::unexpected(msg.error());
  auto file = read_utf16(*file_len, file_ptr);
  if (!file) return std::unexpected(file.error());
  std::string message = *msg + ", filename: \"" + *file + "\" line: " + std::to_string(uint32_t(a[2])) +
                        " col: " + std::to_string(uint32_t(a[3]));
  TRY(gas_.pay(p_.log_base, p_.log_byte, message.size()));
  TRY(push_log("ABORT: " + message));
  return std::unexpected(err(HostErrorKind::GuestPanic, message));
}

// The legacy metering import: burns n regular ops, no base.
HostOutcome Logic::gas(const uint64_t* a) {
  TRY(gas_.pay_per(p_.wasm.regular_op_cost, uint32_t(a[0])));
  return 0;
}

}  // namespace syncwasm::near
