#include "subprocess.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace syncwasm::cli {

std::expected<int, std::string> run_program(const std::vector<std::string>& argv) {
  if (argv.empty()) return std::unexpected(std::string("run_program: no program given"));
  std::vector<char*> cargv;
  cargv.reserve(argv.size() + 1);
  for (const std::string& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);

  pid_t pid = 0;
  int rc = posix_spawnp(&pid, cargv[0], nullptr, nullptr, cargv.data(), environ);
  if (rc != 0) return std::unexpected("cannot start " + argv[0] + ": " + std::strerror(rc));

  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return std::unexpected("waiting for " + argv[0] + " failed: " + std::strerror(errno));
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    return std::unexpected(argv[0] + " was killed by signal " + std::to_string(WTERMSIG(status)));
  return std::unexpected(argv[0] + " ended abnormally");
}

}  // namespace syncwasm::cli
