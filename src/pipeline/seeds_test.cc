// Golden test on the five seed articles (../shared/seeds, read in place):
// EXPECTED.md §1 (titles, boilerplate gone, credits and captions kept as
// metadata) and §2 (publication dates; never an invented date), for both the
// bare .txt pages and seeds.jsonl, through the whole per-record pipeline.
#include <gtest/gtest.h>

#include <map>

#include "common/test_paths.h"
#include "ingest/reader.h"
#include "storyline/pipeline.h"

namespace storyline {
namespace {

// Builds every record under `path` whose container is `format`, keyed by the
// seed number ("000".."004").
std::map<std::string, Article> BuildAll(const std::string& path, InputFormat format) {
  std::map<std::string, Article> out;
  auto files = ingest::ExpandInputs({path});
  EXPECT_TRUE(files.ok());
  if (!files.ok()) return out;
  PipelineOptions options;
  for (const std::string& f : *files) {
    if (f.find("EXPECTED") != std::string::npos) continue;
    auto reader = ingest::OpenInput(f, options.read);
    EXPECT_TRUE(reader.ok()) << f;
    if (!reader.ok()) continue;
    ingest::RawRecord rec;
    for (;;) {
      auto more = (*reader)->Next(&rec);
      EXPECT_TRUE(more.ok()) << more.status().ToString();
      if (!more.ok() || !*more) break;
      auto a = BuildArticle(rec, options);
      EXPECT_TRUE(a.ok()) << a.status().ToString();
      if (a.ok() && a->format == format) out[rec.external_id.substr(0, 3)] = std::move(*a);
    }
  }
  return out;
}

const std::map<std::string, std::string> kTitles = {
    {"000", "Kerry to Meet Lavrov for Syria Talks in Paris"},
    {"001", "Lavrov Urges Syrian Opposition to Support Geneva Talks"},
    {"002", "Kerry to Lead U.S. Team to Syria Peace Talks"},
    {"003", "Lavrov, Kerry discuss Syria peace talks"},
    {"004", "Kerry, Lavrov Meeting On Syria"},
};

// Strings that must never reach a body (EXPECTED.md §1 and the pages' other furniture).
const std::vector<std::string> kBoilerplate = {
    "إقرأ", "W460", "Comments 0", "Leave a comment", "Follow us on", "Source: Agencies",
    "Accessibility links", "Breaking News", "With reporting by", "16x9 Image",
    "RFE/RL journalists", "(left) and Kerry (right)", "(left) and his Russian counterpart"};

void CheckCommon(const std::map<std::string, Article>& arts) {
  ASSERT_EQ(arts.size(), 5u);
  for (const auto& [id, a] : arts) {
    SCOPED_TRACE(id);
    EXPECT_EQ(a.title, kTitles.at(id));
    for (const std::string& b : kBoilerplate) {
      EXPECT_EQ(a.body.find(b), std::string::npos) << "boilerplate in body: " << b;
    }
    EXPECT_GT(a.sentences.size(), 8u);
    for (const Span& s : a.sentences) {
      ASSERT_LE(s.end, a.body.size());
      ASSERT_LT(s.begin, s.end);
    }
    EXPECT_EQ(a.body.find(a.title), std::string::npos) << "title repeated in body";
  }
  // Credits and captions are metadata, each caption once.
  const Article& a003 = arts.at("003");
  EXPECT_EQ(a003.credits, std::vector<std::string>{"Source: Agencies"});
  EXPECT_EQ(a003.captions.size(), 1u);
  const Article& a004 = arts.at("004");
  ASSERT_EQ(a004.credits.size(), 1u);
  EXPECT_EQ(a004.credits[0].rfind("With reporting by Reuters", 0), 0u);
  ASSERT_GE(a004.captions.size(), 1u);
  EXPECT_NE(a004.captions[0].find("Sergei Lavrov"), std::string::npos);
  // Bodies start with the real first paragraph.
  EXPECT_EQ(arts.at("000").body.rfind("U.S. Secretary of State John Kerry will meet", 0), 0u);
  EXPECT_EQ(arts.at("001").body.rfind("PARIS, May 28 (RIA Novosti)", 0), 0u);
  EXPECT_EQ(arts.at("003").body.rfind("Russian Foreign Minister Sergei Lavrov", 0), 0u);
  EXPECT_EQ(arts.at("004").body.rfind("The U.S. and Russian foreign ministers", 0), 0u);
  EXPECT_EQ(arts.at("001").dateline_place, "PARIS");
  // The first sentence of 000 is whole despite "U.S." and "Secretary".
  const Article& a000 = arts.at("000");
  std::string first(a000.sentences[0].In(a000.body));
  EXPECT_EQ(first.rfind("U.S. Secretary of State John Kerry", 0), 0u);
  EXPECT_NE(first.find("officials said."), std::string::npos) << first;
}

TEST(SeedsGoldenTest, BareTextPages) {
  STORYLINE_REQUIRE_SHARED(shared);
  auto arts = BuildAll(shared + "/seeds", InputFormat::kText);
  CheckCommon(arts);
  // §2: dates only where the text gives evidence.
  EXPECT_EQ(arts.at("003").published.value, "2013-10-30T09:42");
  EXPECT_EQ(arts.at("003").published.source, "text:stamp");
  EXPECT_EQ(arts.at("001").published.value, "XXXX-05-28");
  EXPECT_EQ(arts.at("001").published.source, "text:dateline");
  EXPECT_LE(arts.at("001").published.confidence, 0.5f);
  for (const char* undated : {"000", "002", "004"}) {
    EXPECT_TRUE(arts.at(undated).published.empty()) << undated << ": " << arts.at(undated).published.value;
  }
}

TEST(SeedsGoldenTest, JsonLines) {
  STORYLINE_REQUIRE_SHARED(shared);
  auto arts = BuildAll(shared + "/seeds/seeds.jsonl", InputFormat::kJsonl);
  CheckCommon(arts);
  const std::map<std::string, std::string> want = {{"000", "2013-05-24"}, {"001", "2013-05-28"},
                                                   {"002", "2014-01-15"}, {"003", "2013-10-30"},
                                                   {"004", "2013-05-27"}};
  for (const auto& [id, date] : want) {
    EXPECT_EQ(arts.at(id).published.value, date) << id;
    EXPECT_EQ(arts.at(id).published.source.rfind("jsonl:", 0), 0u) << id;
    // The feed names the outlet, except for 003 where it says "unknown".
    EXPECT_EQ(arts.at(id).outlet.empty(), id == "003") << id << ": " << arts.at(id).outlet;
  }
}

}  // namespace
}  // namespace storyline
