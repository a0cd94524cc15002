#include "spectest_runner.h"

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "file_io.h"
#include "spectest_host.h"
#include "spectest_values.h"
#include "value_text.h"

namespace syncwasm::cli {
namespace {

using json = nlohmann::json;

struct Verdict {
  enum class Status : uint8_t { passed, failed, skipped, uncounted } status = Status::passed;
  std::string detail;  // why it failed, or the warning of a pass

  static Verdict pass(std::string warning = {}) { return {Status::passed, std::move(warning)}; }
  static Verdict fail(std::string why) { return {Status::failed, std::move(why)}; }
  static Verdict skip() { return {Status::skipped, {}}; }
  static Verdict uncounted() { return {Status::uncounted, {}}; }
};

struct ActionOutcome {
  std::optional<Trap> trap;
  std::vector<Value> values;
};

// Trap messages of other engines and spec versions, accepted with a warning: {expected, actual}.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kRewordedTraps{{
    {"undefined element", "out of bounds table access"},
    {"indirect call type mismatch", "indirect call signature mismatch"},
    {"call stack exhausted", "stack overflow"},
    {"out of bounds memory access", "memory access out of bounds"},
}};

enum class TextMatch : uint8_t { same, reworded, different };

TextMatch match_trap_text(std::string_view expected, std::string_view actual) {
  if (actual.starts_with(expected)) return TextMatch::same;
  // The reference interpreter appends an index ("uninitialized element 2"); accept the message without it.
  if (!actual.empty() && expected.starts_with(actual)) {
    std::string_view rest = expected.substr(actual.size());
    if (rest.size() > 1 && rest[0] == ' ' && rest.find_first_not_of("0123456789", 1) == std::string_view::npos)
      return TextMatch::same;
  }
  for (auto [e, a] : kRewordedTraps)
    if (expected.starts_with(e) && actual.starts_with(a)) return TextMatch::reworded;
  return TextMatch::different;
}

int line_of(const json& cmd) {
  if (!cmd.is_object()) return 0;
  auto it = cmd.find("line");
  return it != cmd.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::string values_text(const std::vector<Value>& values) {
  std::string s = "(";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) s += ", ";
    s += describe_value(values[i]);
  }
  return s + ")";
}

// A JSON string literal, for names in messages (export names may hold any UTF-8, or even bytes that are not).
std::string quote(const std::string& s) { return json(s).dump(-1, ' ', false, json::error_handler_t::replace); }

// obj[key] if it is a string, else `fallback`; never throws.
std::string string_or(const json& obj, const char* key, std::string fallback) {
  if (!obj.is_object()) return fallback;
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : fallback;
}

// A one-line description of a command for messages; never throws.
std::string describe_command(const json& cmd) {
  if (!cmd.is_object()) return cmd.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string s = string_or(cmd, "type", "?");
  if (auto a = cmd.find("action"); a != cmd.end() && a->is_object()) {
    s += " " + string_or(*a, "type", "?");
    if (auto m = a->find("module"); m != a->end() && m->is_string()) s += " " + m->get<std::string>();
    s += " " + quote(string_or(*a, "field", "?")) + "(";
    if (auto args = a->find("args"); args != a->end() && args->is_array()) {
      bool first = true;
      for (const json& arg : *args) {
        s += first ? "" : ", ";
        first = false;
        try {
          s += describe_value(json_to_value(arg));
        } catch (const std::exception&) {
          s += arg.dump(-1, ' ', false, json::error_handler_t::replace);
        }
      }
    }
    s += ")";
  } else if (auto f = cmd.find("filename"); f != cmd.end() && f->is_string()) {
    s += " " + f->get<std::string>();
  }
  if (auto as = cmd.find("as"); as != cmd.end() && as->is_string()) s += " as \"" + as->get<std::string>() + "\"";
  return s;
}

class ScriptRunner {
 public:
  ScriptRunner(std::filesystem::path dir, std::string name, const SpecRunOptions& opts, std::ostream& out)
      : dir_(std::move(dir)), name_(std::move(name)), opts_(opts), out_(out), store_(opts.config) {
    define_spectest_module(store_, imports_);
  }

  void run(const json& cmd) {
    Verdict v;
    try {
      v = dispatch(cmd);
    } catch (const BadCommand& e) {
      v = Verdict::fail(std::string("bad command: ") + e.what());
    } catch (const std::exception& e) {  // nlohmann::json errors, bad_alloc, ...
      v = Verdict::fail(std::string("error: ") + e.what());
    }
    switch (v.status) {
      case Verdict::Status::passed:
        ++tally_.passed;
        if (!v.detail.empty()) {
          ++tally_.warnings;
          report(cmd, "warning", v.detail);
        }
        break;
      case Verdict::Status::failed:
        ++tally_.failed;
        if (opts_.verbose) report(cmd, "FAIL", v.detail);
        break;
      case Verdict::Status::skipped: ++tally_.skipped; break;
      case Verdict::Status::uncounted: break;
    }
  }

  const SpecTally& tally() const { return tally_; }

 private:
  void report(const json& cmd, const char* what, const std::string& detail) {
    out_ << "  " << name_ << ":" << line_of(cmd) << ": " << what << ": " << describe_command(cmd) << ": " << detail
         << "\n";
  }

  Verdict dispatch(const json& cmd) {
    std::string type = string_field(cmd, "type");
    if (type == "module") return module_command(cmd);
    if (type == "register") return register_command(cmd);
    if (type == "action") return action_command(cmd);
    if (type == "assert_return") return assert_return(cmd);
    if (type == "assert_trap" || type == "assert_exhaustion") {
      if (cmd.contains("action")) return assert_action_traps(cmd);
      return assert_instantiation_fails(cmd, ErrorKind::uninstantiable);  // assert_trap of a module
    }
    if (type == "assert_invalid") return assert_rejected(cmd, ErrorKind::invalid);
    if (type == "assert_malformed") return assert_rejected(cmd, ErrorKind::malformed);
    if (type == "assert_unlinkable") return assert_instantiation_fails(cmd, ErrorKind::unlinkable);
    if (type == "assert_uninstantiable") return assert_instantiation_fails(cmd, ErrorKind::uninstantiable);
    return Verdict::fail("unknown command type \"" + type + "\"");
  }

  // Reads and compiles the command's "filename". A file that cannot be read is a BadCommand.
  Result<std::shared_ptr<const Module>> compile(const json& cmd) {
    std::string filename = string_field(cmd, "filename");
    auto bytes = read_file(dir_ / filename);
    if (!bytes) throw BadCommand(bytes.error());
    auto module = Module::compile(*bytes, opts_.config);
    if (module) modules_.push_back(*module);  // instances (even failed ones) may refer to it
    return module;
  }

  // The instance named `name`, or the last one.
  std::expected<Instance, std::string> find_instance(const json& obj, const char* key) const {
    auto it = obj.find(key);
    if (it != obj.end()) {
      if (!it->is_string()) throw BadCommand(std::string("field \"") + key + "\" is not a string");
      auto named = named_.find(it->get<std::string>());
      if (named == named_.end()) return std::unexpected("no instantiated module named " + it->get<std::string>());
      return named->second;
    }
    if (!current_) return std::unexpected(std::string("no module is instantiated"));
    return *current_;
  }

  std::expected<ActionOutcome, std::string> perform(const json& action) {
    std::string type = string_field(action, "type");
    auto instance = find_instance(action, "module");
    if (!instance) return std::unexpected(instance.error());
    std::string name = string_field(action, "field");
    std::optional<Extern> ext = instance->get_export(name);
    if (!ext) return std::unexpected("no export named " + quote(name));

    if (type == "invoke") {
      if (ext->kind != ExternKind::func) return std::unexpected("export " + quote(name) + " is not a function");
      std::vector<Value> args;
      if (action.contains("args"))
        for (const json& arg : array_field(action, "args")) args.push_back(json_to_value(arg));
      auto result = store_.invoke(*ext, args);
      if (!result) return std::unexpected("invoke rejected: " + result.error().to_string());
      if (!result->has_value()) return ActionOutcome{result->error(), {}};
      return ActionOutcome{std::nullopt, std::move(result->value())};
    }
    if (type == "get") {
      if (ext->kind != ExternKind::global) return std::unexpected("export " + quote(name) + " is not a global");
      return ActionOutcome{std::nullopt, {store_.global_get(*ext)}};
    }
    return std::unexpected("unknown action type \"" + type + "\"");
  }

  Verdict module_command(const json& cmd) {
    std::optional<std::string> name;
    if (cmd.contains("name")) name = string_field(cmd, "name");
    // Whatever happens, later commands must not use a previous module under this name or as "the last one".
    current_.reset();
    if (name) named_.erase(*name);

    auto module = compile(cmd);
    if (!module) return Verdict::fail("module failed to load: " + module.error().to_string());
    auto instance = store_.instantiate(**module, imports_);
    if (!instance) return Verdict::fail("module failed to instantiate: " + instance.error().to_string());
    current_ = *instance;
    if (name) named_.insert_or_assign(*name, *instance);
    return Verdict::pass();
  }

  Verdict register_command(const json& cmd) {
    std::string as = string_field(cmd, "as");
    auto instance = find_instance(cmd, "name");
    if (!instance) return Verdict::fail(instance.error());
    imports_.define_instance(as, *instance);
    return Verdict::uncounted();
  }

  Verdict action_command(const json& cmd) {
    auto outcome = perform(field(cmd, "action"));
    if (!outcome) return Verdict::fail(outcome.error());
    if (outcome->trap) return Verdict::fail("unexpected trap: " + outcome->trap->message);
    return Verdict::pass();
  }

  Verdict assert_return(const json& cmd) {
    std::vector<ExpectedValue> expected;
    for (const json& e : array_field(cmd, "expected")) expected.push_back(json_to_expected(e));
    auto outcome = perform(field(cmd, "action"));
    if (!outcome) return Verdict::fail(outcome.error());

    std::string want = "(";
    for (size_t i = 0; i < expected.size(); ++i) {
      if (i) want += ", ";
      want += describe(expected[i]);
    }
    want += ")";
    if (outcome->trap) return Verdict::fail("expected " + want + ", got trap: " + outcome->trap->message);

    bool ok = outcome->values.size() == expected.size();
    for (size_t i = 0; ok && i < expected.size(); ++i) ok = matches(expected[i], outcome->values[i]);
    if (!ok) return Verdict::fail("expected " + want + ", got " + values_text(outcome->values));
    return Verdict::pass();
  }

  Verdict assert_action_traps(const json& cmd) {
    std::string text = string_field(cmd, "text");
    auto outcome = perform(field(cmd, "action"));
    if (!outcome) return Verdict::fail(outcome.error());
    if (!outcome->trap) return Verdict::fail("expected trap \"" + text + "\", got " + values_text(outcome->values));
    const std::string& message = outcome->trap->message;
    switch (match_trap_text(text, message)) {
      case TextMatch::same: return Verdict::pass();
      case TextMatch::reworded: return Verdict::pass("trap \"" + message + "\" accepted for \"" + text + "\"");
      case TextMatch::different: break;
    }
    return Verdict::fail("expected trap \"" + text + "\", got trap \"" + message + "\"");
  }

  // assert_invalid / assert_malformed: the module must not compile.
  Verdict assert_rejected(const json& cmd, ErrorKind kind) {
    if (cmd.contains("module_type") && string_field(cmd, "module_type") == "text") return Verdict::skip();
    std::string text = string_field(cmd, "text");
    auto module = compile(cmd);
    if (module) return Verdict::fail(std::string("module loaded; expected it to be ") + to_string(kind) + ": " + text);
    if (module.error().kind != kind)
      return Verdict::pass(std::string("rejected as ") + module.error().to_string() + "; expected " + to_string(kind) +
                           ": " + text);
    return Verdict::pass();
  }

  // assert_unlinkable / assert_uninstantiable / assert_trap of a module: compiles, but does not instantiate.
  Verdict assert_instantiation_fails(const json& cmd, ErrorKind kind) {
    std::string text = string_field(cmd, "text");
    auto module = compile(cmd);
    if (!module) return Verdict::fail("module failed to load: " + module.error().to_string());
    auto instance = store_.instantiate(**module, imports_);
    if (instance) return Verdict::fail(std::string("module instantiated; expected ") + to_string(kind) + ": " + text);
    const Error& err = instance.error();
    if (err.kind != kind)
      return Verdict::fail(std::string("expected ") + to_string(kind) + " \"" + text + "\", got " + err.to_string());
    if (kind == ErrorKind::uninstantiable && err.message.find(text) == std::string::npos)
      return Verdict::pass("error \"" + err.to_string() + "\" does not mention \"" + text + "\"");
    return Verdict::pass();
  }

  std::filesystem::path dir_;
  std::string name_;
  const SpecRunOptions& opts_;
  std::ostream& out_;
  SpecTally tally_;

  std::vector<std::shared_ptr<const Module>> modules_;  // declared before store_, so they outlive it
  Store store_;
  Imports imports_;
  std::map<std::string, Instance> named_;
  std::optional<Instance> current_;
};

}  // namespace

std::expected<SpecTally, std::string> run_spec_script(const std::filesystem::path& json_file, const std::string& name,
                                                     const SpecRunOptions& opts, std::ostream& out) {
  json script;
  try {
    std::ifstream in(json_file);
    if (!in) return std::unexpected("cannot open " + json_file.string());
    script = json::parse(in);
  } catch (const std::exception& e) {
    return std::unexpected("cannot parse " + json_file.string() + ": " + e.what());
  }
  auto commands = script.is_object() ? script.find("commands") : script.end();
  if (!script.is_object() || commands == script.end() || !commands->is_array())
    return std::unexpected(json_file.string() + " has no \"commands\" array");

  ScriptRunner runner(json_file.parent_path(), name, opts, out);
  for (const json& cmd : *commands) runner.run(cmd);
  return runner.tally();
}

}  // namespace syncwasm::cli
