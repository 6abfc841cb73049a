// Checks CleanTextPage and the metadata parsers against the five seed pages
// in ../shared/seeds, read in place (see EXPECTED.md sections 1 and 2 there).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clean/text_clean.h"
#include "common/test_paths.h"
#include "meta/text_dates.h"

namespace storyline::clean {
namespace {

struct Seed {
  std::string_view id;  // file name prefix and JSONL id prefix
  std::string_view title;
  std::string_view first_words;  // the body's first paragraph starts so
  std::vector<std::string_view> not_in_body;
};

const std::vector<Seed>& Seeds() {
  static const std::vector<Seed> kSeeds = {
      {"000", "Kerry to Meet Lavrov for Syria Talks in Paris", "U.S. Secretary of State John Kerry will meet",
       {"\xD8\xA5\xD9\x82\xD8\xB1\xD8\xA3", "W460", "Comments 0"}},
      {"001", "Lavrov Urges Syrian Opposition to Support Geneva Talks", "PARIS, May 28 (RIA Novosti)",
       {"Leave a comment"}},
      {"002", "Kerry to Lead U.S. Team to Syria Peace Talks", "Secretary of State John Kerry will lead",
       {"\xD8\xA5\xD9\x82\xD8\xB1\xD8\xA3", "W460", "Comments 0"}},
      {"003", "Lavrov, Kerry discuss Syria peace talks", "Russian Foreign Minister Sergei Lavrov and US Secretary",
       {"Follow us on", "(left)", "[AP]", "Source: Agencies", "9:42 am"}},
      {"004", "Kerry, Lavrov Meeting On Syria", "The U.S. and Russian foreign ministers",
       {"Accessibility links", "Breaking News", "(left)", "With reporting by", "16x9 Image", "RFE/RL",
        "free press"}},
  };
  return kSeeds;
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The texts of one seed: the .txt file and the seeds.jsonl record.
std::vector<std::string> Texts(const std::string& shared, std::string_view id) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(shared + "/seeds")) {
    std::string name = entry.path().filename().string();
    if (name.rfind(std::string(id) + "_", 0) == 0 && name.size() > 4 &&
        name.compare(name.size() - 4, 4, ".txt") == 0) {
      out.push_back(ReadFile(entry.path().string()));
    }
  }
  std::ifstream jl(shared + "/seeds/seeds.jsonl");
  std::string line;
  while (std::getline(jl, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    if (j.value("id", "").rfind(std::string(id) + "_", 0) == 0) out.push_back(j.value("text", ""));
  }
  return out;
}

size_t Count(const std::vector<std::string>& v, std::string_view needle) {
  return std::count_if(v.begin(), v.end(),
                       [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

TEST(SeedsGoldenTest, TitlesBodiesAndBoilerplate) {
  STORYLINE_REQUIRE_SHARED(shared);
  for (const Seed& seed : Seeds()) {
    std::vector<std::string> texts = Texts(shared, seed.id);
    ASSERT_EQ(texts.size(), 2u) << "seed " << seed.id << ": expected a .txt file and a JSONL record";
    for (const std::string& text : texts) {
      SCOPED_TRACE(std::string("seed ") + std::string(seed.id));
      CleanedText c = CleanTextPage(text);
      EXPECT_EQ(c.title, seed.title);
      ASSERT_FALSE(c.paragraphs.empty());
      EXPECT_EQ(c.paragraphs[0].rfind(seed.first_words, 0), 0u) << c.paragraphs[0];
      for (std::string_view bad : seed.not_in_body) {
        EXPECT_EQ(Count(c.paragraphs, bad), 0u) << "boilerplate in body: " << bad;
      }
      for (const std::string& p : c.paragraphs) {
        EXPECT_FALSE(p.empty());
        EXPECT_NE(p.find_first_not_of(" \t\xC2\xA0"), std::string::npos);
      }
    }
  }
}

TEST(SeedsGoldenTest, CaptionsCreditsAndKeptSentences) {
  STORYLINE_REQUIRE_SHARED(shared);
  for (const std::string& text : Texts(shared, "003")) {
    CleanedText c = CleanTextPage(text);
    EXPECT_EQ(Count(c.captions, "discussed preparations and the evolving humanitarian crisis [AP]"), 1u);
    EXPECT_EQ(Count(c.credits, "Source: Agencies"), 1u);
    EXPECT_EQ(Count(c.paragraphs, "Lavrov and Kerry discussed preparations and the evolving"), 1u);
  }
  for (const std::string& text : Texts(shared, "004")) {
    CleanedText c = CleanTextPage(text);
    EXPECT_EQ(Count(c.captions, "U.S. Secretary of State John Kerry (left) and his Russian counterpart, Sergei Lavrov"),
              1u);
    EXPECT_EQ(Count(c.credits, "With reporting by Reuters, AFP, and dpa"), 1u);
    EXPECT_EQ(Count(c.paragraphs, "No date for a conference, or its participants, has yet been agreed."), 1u);
    EXPECT_EQ(Count(c.paragraphs, "However, it remained unclear"), 1u);
    EXPECT_EQ(Count(c.paragraphs, "The United Nations has estimated that at least 80,000"), 1u);
  }
}

TEST(SeedsGoldenTest, DatesStatedInText) {
  STORYLINE_REQUIRE_SHARED(shared);
  for (const Seed& seed : Seeds()) {
    for (const std::string& text : Texts(shared, seed.id)) {
      SCOPED_TRACE(std::string("seed ") + std::string(seed.id));
      CleanedText c = CleanTextPage(text);
      ASSERT_FALSE(c.paragraphs.empty());
      std::optional<meta::Dateline> dateline = meta::FindDateline(c.paragraphs[0]);
      if (seed.id == "003") {
        ASSERT_EQ(c.stamps.size(), 1u);
        std::optional<meta::PartialDateTime> stamp = meta::ParseStampLine(c.stamps[0]);
        ASSERT_TRUE(stamp);
        EXPECT_EQ(stamp->ToIso(), "2013-10-30T09:42");
      } else {
        EXPECT_TRUE(c.stamps.empty());
      }
      if (seed.id == "001") {
        ASSERT_TRUE(dateline);
        EXPECT_EQ(dateline->place, "PARIS");
        EXPECT_EQ(dateline->agency, "RIA Novosti");
        ASSERT_TRUE(dateline->date);
        EXPECT_EQ(dateline->date->ToIso(), "XXXX-05-28");
        EXPECT_EQ(c.paragraphs[0].substr(dateline->length).rfind("Moscow is hoping", 0), 0u);
      } else {
        EXPECT_FALSE(dateline) << c.paragraphs[0];
      }
    }
  }
}

}  // namespace
}  // namespace storyline::clean
