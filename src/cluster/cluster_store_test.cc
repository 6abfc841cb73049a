#include "cluster/cluster_store.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace storyline::cluster {
namespace {

Article Make(const std::string& id, const std::string& title, const std::string& body,
             const std::string& date) {
  Article a;
  a.external_id = id;
  a.content_hash = "hash-" + id;
  a.title = title;
  a.body = body;
  a.published.value = date;
  a.paragraphs.push_back({0, static_cast<uint32_t>(body.size())});
  a.sentences.push_back({0, static_cast<uint32_t>(body.size())});
  return a;
}

const char kFloodA[] =
    "Heavy rain flooded the town of Marlow on Monday. The River Thames burst its banks and "
    "the Marlow fire service evacuated two hundred residents from the riverside streets.";
const char kFloodB[] =
    "Residents of Marlow were evacuated after the River Thames flooded riverside streets, the "
    "Marlow fire service said. Heavy rain is expected to continue in Marlow.";
const char kElection[] =
    "Voters in Quebec elected a new provincial parliament on Sunday. Premier Jean Tremblay "
    "conceded defeat as the opposition won a majority of seats in Quebec City.";

TEST(ClusterStoreTest, IncrementalRunsKeepIdsAndJoinExistingEvents) {
  std::string dir = ::testing::TempDir() + "/cluster_store_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store = Store::Open(dir + "/s.db");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.Put(Make("a", "Floods in Marlow", kFloodA, "2020-02-10")).ok());
  ASSERT_TRUE(s.Put(Make("e", "Quebec votes", kElection, "2020-02-11")).ok());
  auto r1 = ClusterPending(s);
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  EXPECT_EQ(r1->articles, 2);
  EXPECT_EQ(r1->new_events, 2);

  // A later run: the new report joins the stored event, a copy is grouped.
  ASSERT_TRUE(s.Put(Make("b", "Marlow evacuated as Thames floods", kFloodB, "2020-02-11")).ok());
  Article copy =
      Make("c", "Floods in Marlow (update)", std::string(kFloodA) + " More soon.", "2020-02-12");
  ASSERT_TRUE(s.Put(copy).ok());
  auto r2 = ClusterPending(s);
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  EXPECT_EQ(r2->articles, 2);
  EXPECT_EQ(r2->new_events, 0);
  EXPECT_EQ(r2->duplicates, 1);

  auto events = ArticleEvents(s);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 4u);
  std::map<int64_t, int64_t> ev(events->begin(), events->end());
  auto id = [&](const char* ext) { return (*s.Get(ext))->id; };
  EXPECT_EQ(ev[id("a")], ev[id("b")]);
  EXPECT_EQ(ev[id("a")], ev[id("c")]);
  EXPECT_NE(ev[id("a")], ev[id("e")]);

  auto stories = ListStories(s);
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 2u);
  EXPECT_EQ((*stories)[0].articles, 3);
  EXPECT_EQ((*stories)[0].first_date, "2020-02-10");
  EXPECT_EQ((*stories)[0].last_date, "2020-02-12");
  auto detail = GetStory(s, (*stories)[0].id);
  ASSERT_TRUE(detail.ok() && detail->has_value());
  EXPECT_EQ((*detail)->events.size(), 1u);
  EXPECT_EQ((*detail)->articles.size(), 3u);
  EXPECT_FALSE(GetStory(s, 999)->has_value());

  auto groups = ListDuplicateGroups(s);
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].canonical, id("a"));
  ASSERT_EQ((*groups)[0].members.size(), 1u);
  EXPECT_EQ((*groups)[0].members[0], id("c"));

  auto pair = ExplainPair(s, "a", "c");
  ASSERT_TRUE(pair.ok());
  EXPECT_GE(pair->exact, 0.8);
  EXPECT_TRUE(pair->near_duplicate);
  EXPECT_NEAR(pair->estimated, pair->exact, 0.2);
  EXPECT_FALSE(ExplainPair(s, "a", "nope").ok());

  // Nothing pending: no change.
  auto r3 = ClusterPending(s);
  ASSERT_TRUE(r3.ok());
  EXPECT_EQ(r3->articles, 0);
}

TEST(ClusterStoreTest, LateMergeMovesArticlesAndDropsTheAbsorbedEvent) {
  std::string dir = ::testing::TempDir() + "/cluster_store_merge_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store = Store::Open(dir + "/s.db");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.Put(Make("a", "Floods in Marlow", kFloodA, "2020-02-10")).ok());
  ASSERT_TRUE(s.Put(Make("b", "Marlow evacuated as Thames floods", kFloodB, "2020-02-11")).ok());
  ASSERT_TRUE(s.Put(Make("e", "Quebec votes", kElection, "2020-02-11")).ok());
  ClusterStoreOptions o;
  o.cluster.event.threshold = 2;  // every article starts an event; the late merge joins the floods
  auto r = ClusterPending(s, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->new_events, 3);
  EXPECT_EQ(r->merged_events, 1);
  auto events = ArticleEvents(s);
  ASSERT_TRUE(events.ok());
  std::map<int64_t, int64_t> ev(events->begin(), events->end());
  auto id = [&](const char* ext) { return (*s.Get(ext))->id; };
  EXPECT_EQ(ev[id("a")], ev[id("b")]);
  EXPECT_NE(ev[id("a")], ev[id("e")]);
  auto stories = ListStories(s);
  ASSERT_TRUE(stories.ok());
  ASSERT_FALSE(stories->empty());
  EXPECT_EQ((*stories)[0].articles, 2);
  EXPECT_EQ((*stories)[0].events, 1);
  auto detail = GetStory(s, (*stories)[0].id);
  ASSERT_TRUE(detail.ok() && detail->has_value());
  ASSERT_EQ((*detail)->events.size(), 1u);  // the absorbed event's row is gone
  EXPECT_EQ((*detail)->events[0].id, ev[id("a")]);
  EXPECT_EQ((*detail)->events[0].articles, 2);
  EXPECT_EQ((*detail)->articles.size(), 2u);
}

}  // namespace
}  // namespace storyline::cluster
