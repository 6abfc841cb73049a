// Golden cases for TimeTagger: testdata/time/timex.test (format described in
// that file). STORYLINE_UPDATE_GOLDEN=1 rewrites the expectations from the
// current tagger, so a change shows as a reviewable diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "time/timex.h"

namespace storyline::time {
namespace {

struct Case {
  std::vector<std::string> comments;
  std::string anchor;
  std::string input;
  std::vector<std::string> expected;
  int line = 0;
};

std::string Render(const std::string& input, const TimeExpression& e) {
  std::string out = std::string(e.span.In(input)) + " | " + std::string(TimexTypeName(e.type)) + " | " + e.value;
  if (!e.mod.empty()) out += " | " + e.mod;
  if (!e.resolved) out += " | unresolved";
  return out;
}

std::vector<std::string> TagCase(const Case& c) {
  Anchor a;
  if (c.anchor != "none") a.date = ParseCivil(c.anchor);
  TimeOptions options;
  TimeTagger tagger(options);
  std::vector<TimeExpression> found;
  tagger.Tag(c.input, {}, a, &found);
  std::vector<std::string> out;
  for (const auto& e : found) out.push_back(Render(c.input, e));
  return out;
}

std::vector<Case> Parse(std::istream& in, std::vector<std::string>* header) {
  std::vector<Case> cases;
  Case cur;
  std::string line;
  int n = 0;
  enum { kHeader, kBetween, kInput, kExpected } state = kHeader;
  while (std::getline(in, line)) {
    ++n;
    if (state == kHeader) {
      if (!line.empty() && line[0] == '#') { header->push_back(line); continue; }
      state = kBetween;
    }
    if (state == kBetween) {
      if (line.empty()) continue;
      if (line[0] == '#') { cur.comments.push_back(line); continue; }
      if (line.rfind("@anchor ", 0) == 0) { cur.anchor = line.substr(8); cur.line = n; state = kInput; continue; }
      ADD_FAILURE() << "timex.test:" << n << ": expected '@anchor DATE|none'";
      continue;
    }
    if (state == kInput) {
      if (line == "----") { state = kExpected; continue; }
      cur.input += (cur.input.empty() ? "" : "\n") + line;
      continue;
    }
    if (line.empty()) {
      cases.push_back(std::move(cur));
      cur = Case();
      state = kBetween;
      continue;
    }
    cur.expected.push_back(line);
  }
  if (state == kExpected) cases.push_back(std::move(cur));
  return cases;
}

TEST(TimexGolden, AllCases) {
  const std::string path = testing::SourceDir() + "/testdata/time/timex.test";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  std::vector<std::string> header;
  std::vector<Case> cases = Parse(in, &header);
  ASSERT_GT(cases.size(), 20u);
  const char* update = std::getenv("STORYLINE_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ostringstream out;
    for (const auto& h : header) out << h << "\n";
    for (const auto& c : cases) {
      out << "\n";
      for (const auto& cm : c.comments) out << cm << "\n";
      out << "@anchor " << c.anchor << "\n" << c.input << "\n----\n";
      for (const auto& l : TagCase(c)) out << l << "\n";
    }
    std::ofstream(path) << out.str();
    GTEST_SKIP() << "rewrote " << path;
  }
  for (const auto& c : cases) {
    EXPECT_EQ(TagCase(c), c.expected) << "timex.test:" << c.line << ": " << c.input;
  }
}

}  // namespace
}  // namespace storyline::time
