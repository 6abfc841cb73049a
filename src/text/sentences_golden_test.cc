// Golden cases for SplitSentences, read from testdata/text/sentences.test
// (format described in that file). STORYLINE_UPDATE_GOLDEN=1 rewrites the
// expectations from the current output so a behaviour change shows as a diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "text/segment.h"

namespace storyline::text {
namespace {

struct GoldenCase {
  std::vector<std::string> comments;
  std::string input;
  std::vector<std::string> expected;
  int line = 0;
};

struct GoldenFile {
  std::vector<std::string> header;  // comment lines before the first case
  std::vector<GoldenCase> cases;
};

GoldenFile Parse(std::istream& in) {
  GoldenFile file;
  std::vector<std::string> pending_comments;
  std::string line;
  int line_no = 0;
  GoldenCase* current = nullptr;
  bool in_expected = false;
  bool header_done = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) {
      if (current == nullptr && !header_done && !pending_comments.empty()) {
        file.header = std::move(pending_comments);
        pending_comments.clear();
        header_done = true;
      }
      current = nullptr;
      in_expected = false;
      continue;
    }
    if (current == nullptr) {
      if (line[0] == '#') {
        pending_comments.push_back(line);
        continue;
      }
      header_done = true;
      file.cases.push_back(GoldenCase{std::move(pending_comments), line, {}, line_no});
      pending_comments.clear();
      current = &file.cases.back();
      continue;
    }
    if (!in_expected) {
      if (line == "----") {
        in_expected = true;
      } else {
        ADD_FAILURE() << "sentences.test:" << line_no << ": expected '----' after the input line";
      }
      continue;
    }
    current->expected.push_back(line);
  }
  return file;
}

void Write(const GoldenFile& file, std::ostream& out) {
  for (const std::string& h : file.header) out << h << "\n";
  if (!file.header.empty()) out << "\n";
  for (size_t i = 0; i < file.cases.size(); ++i) {
    const GoldenCase& c = file.cases[i];
    if (i > 0) out << "\n";
    for (const std::string& comment : c.comments) out << comment << "\n";
    out << c.input << "\n----\n";
    for (const std::string& s : c.expected) out << s << "\n";
  }
}

std::vector<std::string> Split(const std::string& paragraph) {
  std::vector<Span> spans;
  SplitSentences(paragraph, 0, &spans);
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(s.In(paragraph));
  return out;
}

TEST(SentencesGoldenTest, MatchesTestdata) {
  const std::string path = testing::SourceDir() + "/testdata/text/sentences.test";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot open " << path;
  GoldenFile file = Parse(in);
  in.close();
  ASSERT_GE(file.cases.size(), 40u);

  const char* update = std::getenv("STORYLINE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    for (GoldenCase& c : file.cases) c.expected = Split(c.input);
    std::ofstream out(path, std::ios::trunc);
    Write(file, out);
    ASSERT_TRUE(out.good()) << "cannot write " << path;
    GTEST_SKIP() << "rewrote " << path << "; review the diff";
  }
  for (const GoldenCase& c : file.cases) {
    EXPECT_EQ(Split(c.input), c.expected) << "sentences.test:" << c.line << ": " << c.input;
  }
}

// The file survives a parse/write round trip unchanged, so an update
// rewrites only the expectations.
TEST(SentencesGoldenTest, RoundTrips) {
  const std::string path = testing::SourceDir() + "/testdata/text/sentences.test";
  std::ifstream in(path);
  ASSERT_TRUE(in);
  std::stringstream original;
  original << in.rdbuf();
  std::istringstream again(original.str());
  GoldenFile file = Parse(again);
  std::ostringstream written;
  Write(file, written);
  EXPECT_EQ(written.str(), original.str());
}

}  // namespace
}  // namespace storyline::text
