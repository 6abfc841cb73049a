// Test-only helpers for locating the shared evaluation data and the source tree.
#ifndef STORYLINE_COMMON_TEST_PATHS_H_
#define STORYLINE_COMMON_TEST_PATHS_H_

#include <cstdlib>
#include <filesystem>
#include <string>

namespace storyline::testing {

// ../shared beside the checkout (STORYLINE_SHARED overrides), or "" when it is
// absent. Tests that need it do:
//   std::string shared = SharedDir();
//   if (shared.empty()) GTEST_SKIP() << "../shared not found: ...";
inline std::string SharedDir() {
  const char* env = std::getenv("STORYLINE_SHARED");
  std::string dir = env != nullptr ? env : "";
#ifdef STORYLINE_SHARED_DIR
  if (dir.empty()) dir = STORYLINE_SHARED_DIR;
#endif
  std::error_code ec;
  if (dir.empty() || !std::filesystem::is_directory(dir + "/seeds", ec)) return "";
  return dir;
}

inline std::string SourceDir() {
#ifdef STORYLINE_SOURCE_DIR
  return STORYLINE_SOURCE_DIR;
#else
  return ".";
#endif
}

}  // namespace storyline::testing

#define STORYLINE_REQUIRE_SHARED(var)                                          \
  std::string var = ::storyline::testing::SharedDir();                         \
  if (var.empty())                                                             \
  GTEST_SKIP() << "shared evaluation data not found (set STORYLINE_SHARED or " \
                  "place ../shared beside the checkout); skipping"

#endif  // STORYLINE_COMMON_TEST_PATHS_H_
