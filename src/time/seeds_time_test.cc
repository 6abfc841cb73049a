// Golden test on the seed articles (../shared/seeds, read in place):
// EXPECTED.md §4 event dates must be found as resolved time expressions in
// the sentences that report them, after the real ingest pipeline and the
// time stage's AnnotatePending; and the bare .txt pages without a dated
// anchor must leave relative expressions unresolved (never the clock).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "common/test_paths.h"
#include "storyline/pipeline.h"
#include "time/annotate.h"

namespace storyline::time {
namespace {

namespace fs = std::filesystem;

struct Loaded {
  StoredArticle article;
  std::vector<StoredTimeExpression> times;
};

class SeedsTime : public ::testing::Test {
 protected:
  // Ingests `input` into a fresh store and annotates it; keyed by seed number.
  std::map<std::string, Loaded> IngestAndTag(const std::string& input) {
    std::map<std::string, Loaded> out;
    dir_ = fs::temp_directory_path() / ("storyline_time_seeds_" + std::to_string(::getpid()) + "_" +
                                        std::to_string(counter_++));
    fs::create_directories(dir_);
    auto store = Store::Open((dir_ / "t.db").string());
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return out;
    IngestOptions options;
    auto report = Ingest({input}, **store, options);
    EXPECT_TRUE(report.ok());
    auto annotated = AnnotatePending(**store);
    EXPECT_TRUE(annotated.ok()) << annotated.status().ToString();
    // A second run finds nothing pending.
    auto again = AnnotatePending(**store);
    EXPECT_TRUE(again.ok());
    if (again.ok()) {
      EXPECT_EQ(again->articles, 0);
    }
    ArticleQuery all;
    all.limit = 0;
    std::vector<int64_t> ids;
    EXPECT_TRUE((*store)->List(all, [&](const StoredArticle& s) {
      ids.push_back(s.id);
      return true;
    }).ok());
    for (int64_t id : ids) {
      auto got = (*store)->Get(std::to_string(id));
      if (!got.ok() || !*got) continue;
      std::string key = (*got)->article.external_id.substr(0, 3);
      if (key.size() != 3 || !std::isdigit(static_cast<unsigned char>(key[0]))) continue;
      auto times = LoadTimeExpressions(**store, id);
      EXPECT_TRUE(times.ok());
      out[key] = {std::move(**got), times.ok() ? std::move(*times) : std::vector<StoredTimeExpression>{}};
    }
    return out;
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

  // The expression `text` in a sentence containing `context` must have `value`, resolved.
  static void ExpectDate(const Loaded& l, const std::string& text, const std::string& context,
                         const std::string& value) {
    const Article& a = l.article.article;
    bool found = false;
    for (const auto& t : l.times) {
      if (t.text != text || t.sentence < 0) continue;
      std::string_view sentence = a.sentences[t.sentence].In(a.body);
      if (sentence.find(context) == std::string_view::npos) continue;
      found = true;
      EXPECT_EQ(t.expression.value, value) << text << " in: " << sentence;
      EXPECT_TRUE(t.expression.resolved) << text;
    }
    EXPECT_TRUE(found) << "no expression '" << text << "' in a sentence with '" << context << "'";
  }

  fs::path dir_;
  static inline int counter_ = 0;
};

TEST_F(SeedsTime, EventDatesFromJsonl) {
  STORYLINE_REQUIRE_SHARED(shared);
  auto arts = IngestAndTag(shared + "/seeds/seeds.jsonl");
  ASSERT_EQ(arts.size(), 5u);
  ExpectDate(arts.at("000"), "Monday", "will meet his Russian and French counterparts", "2013-05-27");
  ExpectDate(arts.at("001"), "May 7", "Moscow", "2013-05-07");
  ExpectDate(arts.at("001"), "late on Monday", "Lavrov met", "2013-05-27");
  ExpectDate(arts.at("003"), "Tuesday", "Kerry", "2013-10-29");
  ExpectDate(arts.at("002"), "Monday", "Paris", "2014-01-13");
  ExpectDate(arts.at("002"), "Wednesday", "Lavrov", "2014-01-15");
  ExpectDate(arts.at("002"), "January 22", "", "2014-01-22");
  ExpectDate(arts.at("004"), "May 26", "", "2013-05-26");
}

TEST_F(SeedsTime, UndatedPagesStayUnresolved) {
  STORYLINE_REQUIRE_SHARED(shared);
  // The bare .txt pages (a copy of the folder without seeds.jsonl would be a
  // copy of data; instead ingest each .txt file in place).
  std::map<std::string, Loaded> all;
  for (const auto& entry : fs::directory_iterator(shared + "/seeds")) {
    if (entry.path().extension() != ".txt") continue;
    auto one = IngestAndTag(entry.path().string());
    for (auto& [k, v] : one) all[k] = std::move(v);
  }
  ASSERT_EQ(all.size(), 5u);
  int checked = 0;
  for (const auto& [key, l] : all) {
    SCOPED_TRACE(key);
    CivilDate pub = ParseCivil(l.article.article.published.value);
    if (pub.complete()) continue;
    for (const auto& t : l.times) {
      // Weekdays and relative days need a full anchor: never resolved here.
      bool weekday = t.text.find("day") != std::string::npos && t.expression.type != TimexType::kDuration &&
                     t.expression.value.find("_REF") == std::string::npos;
      if (weekday) {
        EXPECT_FALSE(t.expression.resolved) << t.text << " = " << t.expression.value;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace storyline::time
