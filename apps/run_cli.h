// Test helper: runs the storyline program built beside the tests
// (STORYLINE_CLI, set by apps/CMakeLists.txt) and captures what it prints.
// Shared by the end-to-end tests of apps/.
#ifndef STORYLINE_APPS_RUN_CLI_H_
#define STORYLINE_APPS_RUN_CLI_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace storyline::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
};

// Runs the program with `args` (shell-quoted by the caller), capturing
// stdout; stderr goes to stdout when merge_stderr, else is dropped.
inline RunResult RunCli(const std::string& args, bool merge_stderr = true) {
  std::string cmd =
      std::string(STORYLINE_CLI) + " " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Runs the program with stderr dropped: its stdout, the exit code in
// *exit_code.
inline std::string RunCli(const std::string& args, int* exit_code) {
  RunResult r = RunCli(args, /*merge_stderr=*/false);
  *exit_code = r.exit_code;
  return r.out;
}

}  // namespace storyline::testing

#endif  // STORYLINE_APPS_RUN_CLI_H_
