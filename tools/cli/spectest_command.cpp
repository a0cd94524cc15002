// `syncwasm spectest [--verbose] FILE...`: converts each .wast with wast2json into a fresh temporary
// directory, runs the commands, and prints one line per file and a total.
#include <filesystem>
#include <iostream>
#include <string>

#include "commands.h"
#include "spectest_runner.h"
#include "subprocess.h"
#include "temp_dir.h"

namespace syncwasm::cli {
namespace {

// Converts (if needed) and runs one script; on failure returns the message for the file.
std::expected<SpecTally, std::string> run_file(const std::string& file, const SpectestOptions& opts,
                                               const SpecRunOptions& run_opts) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::unexpected(std::string("no such file"));
  if (std::filesystem::path(file).extension() == ".json") return run_spec_script(file, file, run_opts, std::cout);

  auto dir = TempDir::create("syncwasm-spectest-");
  if (!dir) return std::unexpected(dir.error());
  std::filesystem::path json_file = dir->path() / "x.json";
  std::cout.flush();  // wast2json's messages go to the same terminal
  auto status = run_program({opts.wast2json, file, "-o", json_file.string()});
  if (!status) return std::unexpected(status.error() + " (wast2json comes with wabt: scripts/setup installs it)");
  if (*status != 0) return std::unexpected(opts.wast2json + " failed with exit status " + std::to_string(*status));
  return run_spec_script(json_file, file, run_opts, std::cout);
}

std::string counts(const SpecTally& t) {
  return std::to_string(t.passed) + " passed, " + std::to_string(t.failed) + " failed, " + std::to_string(t.skipped) +
         " skipped";
}

}  // namespace

int spectest_command(const SpectestOptions& opts) {
  SpecRunOptions run_opts;
  run_opts.verbose = opts.verbose;
  run_opts.config.canonicalize_nans = opts.canonicalize_nans;

  SpecTally total;
  int broken_files = 0;
  for (const std::string& file : opts.files) {
    auto tally = run_file(file, opts, run_opts);
    if (!tally) {
      ++broken_files;
      std::cout << file << ": error: " << tally.error() << std::endl;
      continue;
    }
    std::cout << file << ": " << counts(*tally) << std::endl;
    total += *tally;
  }
  if (total.warnings) std::cout << "note: " << total.warnings << " passed with a warning\n";
  if (broken_files) std::cout << "error: " << broken_files << " file(s) could not be run\n";
  std::cout << counts(total) << std::endl;
  return total.failed == 0 && broken_files == 0 ? kExitOk : kExitFailure;
}

}  // namespace syncwasm::cli
