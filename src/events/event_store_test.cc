#include "events/event_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "cluster/cluster_store.h"
#include "events/test_util.h"
#include "time/annotate.h"

namespace storyline::events {
namespace {

#define REQUIRE_CODER(var)                                  \
  std::string var##_why;                                    \
  const coder::Coder* var = testing::TestCoder(&var##_why); \
  if (var == nullptr) GTEST_SKIP() << "no event coder: " << var##_why

class EventStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("storyline_events_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    auto s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  // Stores, annotates times and clusters.
  int64_t Add(const Article& a) {
    auto put = store_->Put(a);
    EXPECT_TRUE(put.ok()) << put.status().ToString();
    EXPECT_TRUE(time::AnnotatePending(*store_).ok());
    EXPECT_TRUE(cluster::ClusterPending(*store_).ok());
    return put.ok() ? put->id : 0;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

// Two reports of one meeting, in the words of each side, days apart.
const std::vector<std::string> kReportA = {
    "French officials met Russian diplomats in Geneva on Monday to discuss the grain corridor.",
    "The French government did not attack Russian forces near the grain corridor."};
const std::vector<std::string> kReportB = {
    "Russian officials met French diplomats in Geneva on Monday to discuss the grain corridor.",
    "German troops attacked Polish rebels near the grain corridor on Tuesday."};

TEST_F(EventStoreTest, CodesPendingArticlesAndMergesAcrossArticlesIncrementally) {
  REQUIRE_CODER(coder);
  int64_t a =
      Add(testing::MakeArticle("a", "Grain corridor talks in Geneva", "2020-03-03", kReportA));
  auto first = CodePending(*store_, *coder);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->articles, 1);
  EXPECT_EQ(first->negated, 1);
  EXPECT_EQ(first->mentions, 1);
  EXPECT_EQ(first->new_events, 1);
  EXPECT_EQ(first->unclustered, 0);

  // Nothing pending: a re-run codes nothing.
  auto again = CodePending(*store_, *coder);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->articles, 0);
  EXPECT_EQ(again->mentions, 0);

  auto before = ListEvents(*store_, {});
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->size(), 1u);
  const int64_t meeting = (*before)[0].id;
  EXPECT_EQ((*before)[0].corroboration, 1);

  // A second article of the same story reports the same meeting (the other
  // way round: CONSULT is symmetric) and a new attack.
  int64_t b =
      Add(testing::MakeArticle("b", "Grain corridor talks in Geneva", "2020-03-04", kReportB));
  auto stories = cluster::ListStories(*store_);
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u) << "the two reports should form one story";
  auto second = CodePending(*store_, *coder);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->articles, 1);
  EXPECT_EQ(second->merged, 1);
  EXPECT_EQ(second->new_events, 1);

  auto got = GetEvent(*store_, meeting);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  const Event& e = **got;
  EXPECT_EQ(e.id, meeting);  // stable id
  EXPECT_EQ(e.date, "2020-03-02");
  EXPECT_EQ(e.date_source, "text");
  EXPECT_EQ(e.source, "FRAGOV");
  EXPECT_EQ(e.target, "RUSGOV");
  EXPECT_EQ(e.root, "04");
  EXPECT_EQ(e.plover_type, "CONSULT");
  EXPECT_EQ(e.place, "Geneva");
  ASSERT_TRUE(e.place_lat.has_value());
  EXPECT_EQ(e.corroboration, 2);
  EXPECT_EQ(e.mention_count, 2);
  EXPECT_EQ(e.first_article, a);
  EXPECT_EQ(e.story_id, (*stories)[0].id);
  ASSERT_EQ(e.mentions.size(), 2u);
  EXPECT_EQ(e.mentions[0].article_id, a);
  EXPECT_EQ(e.mentions[1].article_id, b);
  EXPECT_EQ(e.mentions[1].article_title, "Grain corridor talks in Geneva");
  EXPECT_EQ(e.mentions[1].article_url, "https://example.org/b");
  EXPECT_EQ(e.mentions[1].source_text, "Russian officials");

  auto totals = CountEvents(*store_);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->events, 2);
  EXPECT_EQ(totals->mentions, 3);
  EXPECT_EQ(totals->articles_coded, 2);
}

TEST_F(EventStoreTest, QueriesFilter) {
  REQUIRE_CODER(coder);
  Add(testing::MakeArticle("a", "Grain corridor talks in Geneva", "2020-03-03", kReportA));
  Add(testing::MakeArticle("b", "Grain corridor talks in Geneva", "2020-03-04", kReportB));
  ASSERT_TRUE(CodePending(*store_, *coder).ok());
  auto count = [&](EventQuery q) {
    auto r = ListEvents(*store_, q);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->size() : 0;
  };
  EXPECT_EQ(count({}), 2u);
  EventQuery q;
  q.actor = "RUS";
  EXPECT_EQ(count(q), 1u);
  q.actor = "russian";  // a name prefix in the actor texts
  EXPECT_EQ(count(q), 1u);
  q.actor = "Polish";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.country = "CHE";  // the place's country
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.code = "19";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.root = "04";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.plover = "assault";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.since = "2020-03-03";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.until = "2020-03-02";
  EXPECT_EQ(count(q), 1u);
  q.until = "2020-03";  // a prefix bound includes the whole month
  EXPECT_EQ(count(q), 2u);
  q = {};
  q.min_corroboration = 2;
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.modality = "planned";
  EXPECT_EQ(count(q), 0u);
  q = {};
  q.limit = 1;
  auto first = ListEvents(*store_, q);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].date, "2020-03-02");  // by date
  q = {};
  q.story = 999;
  EXPECT_EQ(count(q), 0u);
  auto missing = GetEvent(*store_, 999);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(EventStoreTest, UnclusteredArticleIsItsOwnStoryAndRecodeStartsOver) {
  REQUIRE_CODER(coder);
  auto put = store_->Put(testing::MakeArticle("a", "Grain corridor talks", "2020-03-03", kReportA));
  ASSERT_TRUE(put.ok());
  auto r = CodePending(*store_, *coder);  // no time stage, no clustering: tags here
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->unclustered, 1);
  auto list = ListEvents(*store_, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].story_id, 0);
  EXPECT_EQ((*list)[0].story_key, "a" + std::to_string(put->id));
  EXPECT_EQ((*list)[0].date, "2020-03-02");

  ASSERT_TRUE(ClearEvents(*store_).ok());
  auto totals = CountEvents(*store_);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->events, 0);
  EXPECT_EQ(totals->articles_coded, 0);
  r = CodePending(*store_, *coder);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->articles, 1);
}

TEST(ParseModalityTest, Names) {
  plover::Modality m;
  ASSERT_TRUE(ParseModality("planned", &m));
  EXPECT_EQ(m, plover::Modality::kPlanned);
  EXPECT_FALSE(ParseModality("maybe", &m));
}

}  // namespace
}  // namespace storyline::events
