// Sanity of normalisation and sentence splitting on the shared seed articles,
// read in place from ../shared/seeds (never copied): every non-empty line is
// a paragraph.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace storyline::text {
namespace {

struct Paragraph {
  std::string file;
  std::string text;  // normalised
  std::vector<std::string> sentences;
};

std::vector<Paragraph> LoadSeeds(const std::string& shared) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(shared + "/seeds")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<Paragraph> out;
  std::string normalized;
  for (const std::string& f : files) {
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line)) {
      NormalizeParagraphInto(line, {}, &normalized);
      if (normalized.empty()) continue;
      Paragraph p{std::filesystem::path(f).filename().string(), normalized, {}};
      std::vector<Span> spans;
      SplitSentences(p.text, 0, &spans);
      for (const Span& s : spans) p.sentences.emplace_back(s.In(p.text));
      out.push_back(std::move(p));
    }
  }
  return out;
}

bool StartsLower(const std::string& s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The sentence of `p` that contains `needle`, or "" if none does.
std::string SentenceWith(const Paragraph& p, std::string_view needle) {
  for (const std::string& s : p.sentences) {
    if (s.find(needle) != std::string::npos) return s;
  }
  return "";
}

TEST(SeedsTest, SentencesAreSane) {
  STORYLINE_REQUIRE_SHARED(shared);
  const std::vector<Paragraph> paras = LoadSeeds(shared);
  ASSERT_GT(paras.size(), 50u);
  size_t sentences = 0;
  for (const Paragraph& p : paras) {
    ASSERT_FALSE(p.sentences.empty()) << p.file << ": " << p.text;
    for (size_t i = 0; i < p.sentences.size(); ++i) {
      const std::string& s = p.sentences[i];
      ++sentences;
      EXPECT_FALSE(s.empty());
      EXPECT_NE(s.front(), ' ');
      EXPECT_NE(s.back(), ' ');
      if (i > 0) {
        EXPECT_FALSE(StartsLower(s)) << p.file << ": " << s;
      }
      // No sentence ends on a title, a month or "No." (they precede a name or a number).
      for (std::string_view title :
           {" Mr.", " Sen.", " Gov.", " Dr.", " Gen.", " No.", " Jan.", " Oct."}) {
        if (i + 1 < p.sentences.size()) {
          EXPECT_FALSE(EndsWith(s, title)) << p.file << ": " << s;
        }
      }
      // A sentence never ends on a separator (inside a number such as 90,000 or 9:42).
      if (i + 1 < p.sentences.size()) {
        EXPECT_FALSE(EndsWith(s, ",") || EndsWith(s, ":")) << p.file << ": " << s;
      }
    }
  }
  EXPECT_GT(sentences, paras.size());
  std::printf("seeds: %zu paragraphs, %zu sentences\n", paras.size(), sentences);
}

TEST(SeedsTest, KnownSentences) {
  STORYLINE_REQUIRE_SHARED(shared);
  const std::vector<Paragraph> paras = LoadSeeds(shared);
  int checked = 0;
  for (const Paragraph& p : paras) {
    if (p.text.find("U.S. Secretary of State John Kerry will meet") != std::string::npos) {
      EXPECT_NE(SentenceWith(p, "U.S. Secretary of State John Kerry will meet"), "") << p.text;
      ++checked;
    }
    if (p.text.find("more than 90,000 people") != std::string::npos) {
      EXPECT_NE(SentenceWith(p, "more than 90,000 people"), "") << p.text;
      ++checked;
    }
    if (p.text.rfind("PARIS, May 28", 0) == 0) {
      EXPECT_NE(SentenceWith(p, "Novosti) \u2013 Moscow is hoping"), "") << p.text;
      EXPECT_EQ(p.sentences.size(), 1u) << p.text;
      ++checked;
    }
    if (p.text.find("after the meeting with Lavrov. \"We both") != std::string::npos) {
      ASSERT_EQ(p.sentences.size(), 2u) << p.text;
      EXPECT_TRUE(EndsWith(p.sentences[0], "Lavrov.")) << p.sentences[0];
      EXPECT_EQ(p.sentences[1].rfind("\"We both", 0), 0u) << p.sentences[1];
      ++checked;
    }
    if (p.text.find("October 30, 2013, 9:42 am") != std::string::npos) {
      EXPECT_EQ(p.sentences.size(), 1u) << p.text;
      ++checked;
    }
  }
  EXPECT_GE(checked, 5) << "the seed texts changed; update this test";
}

}  // namespace
}  // namespace storyline::text
