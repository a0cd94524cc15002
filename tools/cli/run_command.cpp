// `syncwasm run FILE EXPORT [ARG...]`: compile, instantiate without imports, invoke, print the results.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "file_io.h"
#include "syncwasm/engine.h"
#include "value_text.h"

namespace syncwasm::cli {
namespace {

std::string type_list(const std::vector<ValType>& types) {
  std::string s;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i) s += ' ';
    s += to_string(types[i]);
  }
  return s;
}

void print_function_exports(const Module& module) {
  bool any = false;
  for (const ExportDesc& e : module.exports()) {
    if (e.kind != ExternKind::func) continue;
    if (!any) std::cerr << "exported functions:\n";
    any = true;
    std::cerr << "  " << e.name << ": " << e.type << "\n";
  }
  if (!any) std::cerr << "the module exports no functions\n";
}

}  // namespace

int run_command(const RunOptions& opts) {
  auto bytes = read_file(opts.file);
  if (!bytes) {
    std::cerr << "syncwasm: " << bytes.error() << "\n";
    return kExitLoadError;
  }

  EngineConfig config;
  config.canonicalize_nans = opts.canonicalize_nans;
  auto module = Module::compile(*bytes, config);
  if (!module) {
    std::cerr << "syncwasm: " << opts.file << ": " << module.error().to_string() << "\n";
    return kExitLoadError;
  }

  std::vector<ImportDesc> imports = (*module)->imports();
  if (!imports.empty()) {
    std::cerr << "syncwasm: " << opts.file << ": unlinkable: the module has " << imports.size()
              << " import(s) and 'run' provides none:\n";
    for (const ImportDesc& i : imports)
      std::cerr << "  " << i.module << "." << i.name << ": " << i.type << "\n";
    return kExitLoadError;
  }

  std::optional<FuncType> type = (*module)->export_func_type(opts.export_name);
  if (!type) {
    std::cerr << "syncwasm: " << opts.file << " has no exported function '" << opts.export_name << "'\n";
    print_function_exports(**module);
    return kExitUsage;
  }
  if (opts.args.size() != type->params.size()) {
    std::cerr << "syncwasm: '" << opts.export_name << "' takes " << type->params.size() << " argument(s) ("
              << type_list(type->params) << "), got " << opts.args.size() << "\n";
    for (const std::string& a : opts.args)
      if (a.starts_with("--")) {
        std::cerr << "(options such as " << a << " go before FILE)\n";
        break;
      }
    return kExitUsage;
  }
  std::vector<Value> args;
  for (size_t i = 0; i < opts.args.size(); ++i) {
    auto v = parse_value_text(opts.args[i], type->params[i]);
    if (!v) {
      std::cerr << "syncwasm: argument " << i + 1 << " of '" << opts.export_name << "': " << v.error() << "\n";
      return kExitUsage;
    }
    args.push_back(*v);
  }

  Store store(config);
  auto instance = store.instantiate(**module, Imports{});
  if (!instance) {
    std::cerr << "syncwasm: " << opts.file << ": " << instance.error().to_string() << "\n";
    return kExitLoadError;
  }
  std::optional<Extern> func = instance->get_export(opts.export_name);
  if (!func || func->kind != ExternKind::func) {  // cannot happen after export_func_type
    std::cerr << "syncwasm: no exported function '" << opts.export_name << "'\n";
    return kExitUsage;
  }

  auto outcome = store.invoke(*func, args);
  if (!outcome) {
    std::cerr << "syncwasm: cannot invoke '" << opts.export_name << "': " << outcome.error().to_string() << "\n";
    return kExitUsage;
  }
  if (!outcome->has_value()) {
    std::cout.flush();
    std::cerr << "trap: " << outcome->error().message << "\n";
    return kExitFailure;
  }
  for (const Value& v : outcome->value()) std::cout << format_value(v) << "\n";
  return kExitOk;
}

}  // namespace syncwasm::cli
