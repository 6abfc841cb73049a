#include "extract/quantities.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "common/test_paths.h"
#include "storyline/pipeline.h"
#include "time/timex.h"

namespace storyline::extract {
namespace {

std::vector<Quantity> Find(std::string_view text) {
  std::vector<Quantity> out;
  FindQuantities(text, {}, &out);
  return out;
}

TEST(Quantities, DeathTollWithQualifier) {
  std::string s = "The fighting has killed more than 12,500 people since the spring.";
  auto q = Find(s);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].number, 12500);
  EXPECT_EQ(q[0].qualifier, "more_than");
  EXPECT_EQ(q[0].counted, "killed");
  EXPECT_EQ(q[0].span.In(s), "more than 12,500");
  EXPECT_EQ(q[0].sentence.In(s), s);
}

TEST(Quantities, WordsAndScales) {
  auto q = Find("Nearly three million refugees have crossed the border.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].number, 3000000);
  EXPECT_EQ(q[0].qualifier, "nearly");
  EXPECT_EQ(q[0].counted, "refugees");
  q = Find("At least 1.5 million people were displaced by the floods.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].number, 1500000);
  EXPECT_EQ(q[0].qualifier, "at_least");
  EXPECT_EQ(q[0].counted, "displaced");
}

TEST(Quantities, CueBeforeTheNumber) {
  auto q = Find("The death toll rose to about 4,000 on Sunday.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].number, 4000);
  EXPECT_EQ(q[0].qualifier, "about");
  EXPECT_EQ(q[0].counted, "killed");
}

TEST(Quantities, TheSlipMoreWithoutThan) {
  auto q = Find("The war has killed more 20,000 people.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].qualifier, "more_than");
}

TEST(Quantities, NotFigures) {
  EXPECT_TRUE(Find("In 2013 the talks failed.").empty());
  EXPECT_TRUE(Find("At least 500 people were killed in the past two years.").size() == 1);
  EXPECT_TRUE(Find("Twenty ministers met for two days.").empty());
  EXPECT_TRUE(Find("The fighting, in its third year, has killed many.").empty());
}

// EXPECTED.md §5: the death toll by article, and 003's refugees.
TEST(Quantities, SeedsDeathTolls) {
  STORYLINE_REQUIRE_SHARED(shared);
  auto files = ingest::ExpandInputs({shared + "/seeds/seeds.jsonl"});
  ASSERT_TRUE(files.ok());
  PipelineOptions options;
  auto reader = ingest::OpenInput((*files)[0], options.read);
  ASSERT_TRUE(reader.ok());
  std::map<std::string, std::vector<Quantity>> by_seed;
  std::map<std::string, std::string> date;
  std::map<std::string, Article> arts;
  ingest::RawRecord rec;
  for (;;) {
    auto more = (*reader)->Next(&rec);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    auto a = BuildArticle(rec, options);
    ASSERT_TRUE(a.ok());
    std::string key = rec.external_id.substr(0, 3);
    FindQuantities(a->body, a->sentences, &by_seed[key]);
    time::Anchor anchor = time::ChooseAnchor(*a);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", anchor.date.year, anchor.date.month, anchor.date.day);
    date[key] = buf;
  }
  struct Want {
    std::string seed, date, qualifier, counted;
    int64_t number;
  };
  const std::vector<Want> want = {
      {"000", "2013-05-24", "more_than", "killed", 90000},
      {"004", "2013-05-27", "at_least", "killed", 80000},
      {"001", "2013-05-28", "more_than", "killed", 80000},
      {"003", "2013-10-30", "more_than", "killed", 100000},
      {"002", "2014-01-15", "more_than", "killed", 130000},
      {"003", "2013-10-30", "", "refugees", 2000000},
  };
  for (const Want& w : want) {
    SCOPED_TRACE(w.seed + " " + std::to_string(w.number));
    EXPECT_EQ(date[w.seed], w.date);
    bool found = false;
    for (const Quantity& q : by_seed[w.seed]) {
      if (q.number == w.number && q.counted == w.counted && q.qualifier == w.qualifier) found = true;
    }
    EXPECT_TRUE(found);
  }
  // No other death toll than the tracked one per article.
  for (const auto& [seed, qs] : by_seed) {
    int killed = 0;
    for (const Quantity& q : qs) killed += q.counted == "killed";
    EXPECT_EQ(killed, 1) << seed;
  }
}

TEST(Quantities, StoredPerArticle) {
  STORYLINE_REQUIRE_SHARED(shared);
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("storyline_quantities_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    auto store = Store::Open((dir / "q.db").string());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(Ingest({shared + "/seeds/seeds.jsonl"}, **store, IngestOptions{}).ok());
    auto r = AnnotateQuantitiesPending(**store);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->articles, 5);
    EXPECT_GE(r->quantities, 6);
    auto again = AnnotateQuantitiesPending(**store);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->articles, 0);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace storyline::extract
