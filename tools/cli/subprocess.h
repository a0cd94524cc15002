// Running a helper program (wast2json) without a shell.
#pragma once

#include <expected>
#include <string>
#include <vector>

namespace syncwasm::cli {

// Runs argv[0] (looked up in PATH) with the given arguments, inheriting stdin/stdout/stderr, and
// waits for it. Returns its exit status, or a message if it could not be started or died of a signal.
std::expected<int, std::string> run_program(const std::vector<std::string>& argv);

}  // namespace syncwasm::cli
