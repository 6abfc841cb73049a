// Golden test of ../shared/seeds/EXPECTED.md §5 and §6, end to end through
// the program a user runs: `storyline ingest seeds.jsonl` (clean, date,
// cluster, code events), then `storyline timeline largest --format json`.
// The news dates must be exactly the seven of §6, in order, each entry citing
// its article and sentence; the June 2012 deal and the August 2013 chemical
// attack must be background; the death toll of §5 must come out as a series.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "run_cli.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using testing::RunCli;

class SeedsTimelineGoldenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string shared = testing::SharedDir();
    if (shared.empty()) return;
    fs::path dir =
        fs::temp_directory_path() / ("storyline_seeds_timeline_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string db = (dir / "seeds.db").string();
    int code = -1;
    RunCli("ingest -q --db " + db + " " + shared + "/seeds/seeds.jsonl", &code);
    ingest_exit_ = code;
    std::string out = RunCli("timeline largest --format json --db " + db, &code);
    timeline_exit_ = code;
    timeline_ = new json(json::parse(out, nullptr, /*allow_exceptions=*/false));
    fs::remove_all(dir);
  }
  static void TearDownTestSuite() {
    delete timeline_;
    timeline_ = nullptr;
  }
  void SetUp() override {
    if (timeline_ == nullptr)
      GTEST_SKIP() << "../shared not found: the seeds golden test needs ../shared/seeds";
    ASSERT_EQ(ingest_exit_, 0);
    ASSERT_EQ(timeline_exit_, 0);
    ASSERT_TRUE(timeline_->is_object()) << "timeline --format json printed no JSON object";
  }
  static const json* Entry(const std::string& date) {
    for (const json& e : (*timeline_)["entries"]) {
      if (e["date"] == date) return &e;
    }
    return nullptr;
  }

  static json* timeline_;
  static int ingest_exit_, timeline_exit_;
};
json* SeedsTimelineGoldenTest::timeline_ = nullptr;
int SeedsTimelineGoldenTest::ingest_exit_ = -1;
int SeedsTimelineGoldenTest::timeline_exit_ = -1;

TEST_F(SeedsTimelineGoldenTest, NewsDatesExactlyAndInOrder) {
  std::vector<std::string> news;
  for (const json& e : (*timeline_)["entries"]) {
    if (!e["background"].get<bool>()) news.push_back(e["date"]);
  }
  EXPECT_EQ(news, (std::vector<std::string>{"2013-05-07", "2013-05-26", "2013-05-27", "2013-10-29",
                                            "2014-01-13", "2014-01-15", "2014-01-22"}));
  EXPECT_EQ((*timeline_)["articles"], 5);
}

TEST_F(SeedsTimelineGoldenTest, EachEntryDescribesItsDayAndCitesItsSource) {
  // What the entry of each day must be about (EXPECTED.md §6).
  const std::vector<std::pair<std::string, std::vector<std::string>>> about = {
      {"2013-05-07", {"Moscow"}},         {"2013-05-26", {"in principle"}},
      {"2013-05-27", {"Paris"}},          {"2013-10-29", {"telephone"}},
      {"2014-01-13", {"talks in Paris"}}, {"2014-01-15", {"telephone"}},
      {"2014-01-22", {"delegation"}},
  };
  for (const auto& [date, words] : about) {
    const json* e = Entry(date);
    ASSERT_NE(e, nullptr) << date;
    ASSERT_FALSE((*e)["sentences"].empty()) << date;
    const json& s = (*e)["sentences"][0];
    const std::string text = s["text"];
    for (const std::string& w : words)
      EXPECT_NE(text.find(w), std::string::npos) << date << ": " << text;
    EXPECT_GT(s["article"].get<int64_t>(), 0) << date;
    EXPECT_GE(s["sentence"].get<int64_t>(), 0) << date;
    EXPECT_TRUE(s["outlet"].is_string()) << date;  // 003's feed gives "unknown": ""
    // The day's coded events are listed with it.
    EXPECT_FALSE((*e)["events"].empty()) << date;
  }
}

TEST_F(SeedsTimelineGoldenTest, BackgroundIsMarkedAndListedFirst) {
  const json* geneva = Entry("2012-06");
  ASSERT_NE(geneva, nullptr) << "the June 2012 Geneva agreement";
  EXPECT_TRUE((*geneva)["background"].get<bool>());
  EXPECT_NE((*geneva)["sentences"][0]["text"].get<std::string>().find("Geneva"), std::string::npos);
  const json* attack = Entry("2013-08");
  ASSERT_NE(attack, nullptr) << "the August 2013 chemical attack";
  EXPECT_TRUE((*attack)["background"].get<bool>());
  EXPECT_NE((*attack)["sentences"][0]["text"].get<std::string>().find("chemical attack"),
            std::string::npos);
  bool news_seen = false;
  for (const json& e : (*timeline_)["entries"]) {
    const bool background = e["background"].get<bool>();
    EXPECT_FALSE(news_seen && background) << "background after news: " << e["date"];
    news_seen = news_seen || !background;
  }
}

TEST_F(SeedsTimelineGoldenTest, DeathTollSeries) {
  const json* killed = nullptr;
  const json* refugees = nullptr;
  for (const json& s : (*timeline_)["series"]) {
    if (s["counted"] == "killed") killed = &s;
    if (s["counted"] == "refugees") refugees = &s;
  }
  ASSERT_NE(killed, nullptr);
  // EXPECTED.md §5, by article date.
  const std::vector<std::tuple<std::string, int64_t, std::string>> want = {
      {"2013-05-24", 90000, "more_than"},  {"2013-05-27", 80000, "at_least"},
      {"2013-05-28", 80000, "more_than"},  {"2013-10-30", 100000, "more_than"},
      {"2014-01-15", 130000, "more_than"},
  };
  ASSERT_EQ((*killed)["points"].size(), want.size()) << killed->dump();
  for (size_t i = 0; i < want.size(); ++i) {
    const json& p = (*killed)["points"][i];
    EXPECT_EQ(p["date"], std::get<0>(want[i]));
    EXPECT_EQ(p["number"], std::get<1>(want[i]));
    EXPECT_EQ(p["qualifier"], std::get<2>(want[i]));
    EXPECT_GT(p["article"].get<int64_t>(), 0);
  }
  ASSERT_NE(refugees, nullptr);
  ASSERT_EQ((*refugees)["points"].size(), 1u);
  EXPECT_EQ((*refugees)["points"][0]["number"], 2000000);
  EXPECT_EQ((*refugees)["points"][0]["date"], "2013-10-30");
}

}  // namespace
}  // namespace storyline
