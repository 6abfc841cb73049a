// Golden cases for CleanTextPage in testdata/clean/*.test (DuckDB-style).
//
// A file holds cases; each is a line "case <name>", the page text, a line
// "----", then the expected output, one item per line, up to a blank line:
//   title: ... / stamp: ... / body: ... / caption: ... / credit: ...
//   removed[<reason>]: ...
// Lines starting with '#' outside cases are comments. Run with
// STORYLINE_UPDATE_GOLDEN=1 to rewrite the expectations from the current
// output (then review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clean/text_clean.h"
#include "common/test_paths.h"

namespace storyline::clean {
namespace {

struct GoldenCase {
  std::string name;
  std::string input;
  std::vector<std::string> expected;
};

struct GoldenFile {
  std::vector<std::string> header;  // comment lines before the first case
  std::vector<GoldenCase> cases;
};

GoldenFile ReadGolden(const std::string& path) {
  GoldenFile file;
  std::ifstream in(path);
  std::string line;
  enum { kOutside, kInput, kExpected } state = kOutside;
  GoldenCase current;
  auto flush = [&] {
    if (!current.name.empty()) file.cases.push_back(current);
    current = GoldenCase();
  };
  while (std::getline(in, line)) {
    if (state == kOutside) {
      if (line.rfind("case ", 0) == 0) {
        current.name = line.substr(5);
        state = kInput;
      } else if (file.cases.empty() && !line.empty()) {
        file.header.push_back(line);
      }
    } else if (state == kInput) {
      if (line == "----") {
        state = kExpected;
        if (!current.input.empty() && current.input.back() == '\n') current.input.pop_back();
      } else {
        current.input += line;
        current.input += '\n';
      }
    } else {
      if (line.empty()) {
        flush();
        state = kOutside;
      } else {
        current.expected.push_back(line);
      }
    }
  }
  if (state != kOutside) flush();
  return file;
}

std::vector<std::string> Render(const CleanedText& c) {
  std::vector<std::string> out;
  if (!c.title.empty()) out.push_back("title: " + c.title);
  for (const auto& s : c.stamps) out.push_back("stamp: " + s);
  for (const auto& s : c.paragraphs) out.push_back("body: " + s);
  for (const auto& s : c.captions) out.push_back("caption: " + s);
  for (const auto& s : c.credits) out.push_back("credit: " + s);
  for (const auto& r : c.removed) out.push_back("removed[" + r.reason + "]: " + r.text);
  return out;
}

void WriteGolden(const std::string& path, const GoldenFile& file) {
  std::ofstream out(path);
  for (const auto& h : file.header) out << h << "\n";
  if (!file.header.empty()) out << "\n";
  for (size_t i = 0; i < file.cases.size(); ++i) {
    const GoldenCase& c = file.cases[i];
    out << "case " << c.name << "\n" << c.input << "\n----\n";
    for (const auto& e : c.expected) out << e << "\n";
    if (i + 1 < file.cases.size()) out << "\n";
  }
}

TEST(TextCleanGoldenTest, AllCases) {
  const std::string dir = ::storyline::testing::SourceDir() + "/testdata/clean";
  const bool update = std::getenv("STORYLINE_UPDATE_GOLDEN") != nullptr &&
                      std::string(std::getenv("STORYLINE_UPDATE_GOLDEN")) == "1";
  int files = 0;
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".test") continue;
    ++files;
    GoldenFile file = ReadGolden(entry.path().string());
    for (GoldenCase& c : file.cases) {
      ++cases;
      std::vector<std::string> actual = Render(CleanTextPage(c.input));
      if (update) {
        c.expected = actual;
      } else {
        EXPECT_EQ(actual, c.expected) << entry.path().filename().string() << ": case " << c.name;
      }
    }
    if (update) WriteGolden(entry.path().string(), file);
  }
  EXPECT_GT(files, 0) << "no .test files in " << dir;
  EXPECT_GE(cases, 15);
}

}  // namespace
}  // namespace storyline::clean
