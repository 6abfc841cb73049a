// Golden test on the five seed articles (EXPECTED.md §3), read in place from
// ../shared/seeds: ingested with the real pipeline into a temporary store
// (once from seeds.jsonl, once from the bare .txt pages, which are mostly
// undated), then clustered with the default options. Required: one story;
// events {000, 001, 004}, {003}, {002}; no near-duplicates.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "cluster/cluster_store.h"
#include "common/test_paths.h"
#include "storyline/pipeline.h"

namespace storyline::cluster {
namespace {

class SeedsClusterTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SeedsClusterTest, OneStoryThreeEventsNoDuplicates) {
  STORYLINE_REQUIRE_SHARED(shared);
  std::string dir = ::testing::TempDir() + "/seeds_cluster_" + GetParam();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::vector<std::string> inputs;
  if (GetParam() == "jsonl") {
    inputs.push_back(shared + "/seeds/seeds.jsonl");
  } else {
    for (const auto& e : std::filesystem::directory_iterator(shared + "/seeds")) {
      if (e.path().extension() == ".txt") inputs.push_back(e.path().string());
    }
    std::sort(inputs.begin(), inputs.end());
  }
  auto store = Store::Open(dir + "/s.db");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto ingested = Ingest(inputs, **store, IngestOptions{});
  ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
  ASSERT_EQ(ingested->counts.stored, 5);

  auto run = ClusterPending(**store);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->articles, 5);
  EXPECT_EQ(run->duplicates, 0);

  // Seed number ("000") -> event.
  std::map<std::string, int64_t> event_of;
  std::set<int64_t> stories;
  auto list = ListStories(**store);
  ASSERT_TRUE(list.ok());
  for (const StoryRow& s : *list) {
    stories.insert(s.id);
    auto d = GetStory(**store, s.id);
    ASSERT_TRUE(d.ok() && d->has_value());
    for (const ClusteredArticle& a : (*d)->articles) {
      std::string key = a.external_id.substr(0, 3);
      event_of[key] = a.event;
      EXPECT_EQ(a.duplicate_of, 0) << key;
    }
  }
  ASSERT_EQ(event_of.size(), 5u);
  EXPECT_EQ(stories.size(), 1u) << "all five seeds form one story";
  EXPECT_EQ(event_of["000"], event_of["001"]);
  EXPECT_EQ(event_of["000"], event_of["004"]);
  EXPECT_NE(event_of["003"], event_of["000"]);
  EXPECT_NE(event_of["002"], event_of["000"]);
  EXPECT_NE(event_of["002"], event_of["003"]);
  if (!list->empty()) {
    std::printf("story: %s (%s .. %s), %lld events\n", (*list)[0].label.c_str(),
                (*list)[0].first_date.c_str(), (*list)[0].last_date.c_str(),
                static_cast<long long>((*list)[0].events));
  }
  auto groups = ListDuplicateGroups(**store);
  ASSERT_TRUE(groups.ok());
  EXPECT_TRUE(groups->empty());

  // Incremental: nothing pending, nothing changes.
  auto again = ClusterPending(**store);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->articles, 0);
}

INSTANTIATE_TEST_SUITE_P(Inputs, SeedsClusterTest, ::testing::Values("jsonl", "txt"));

}  // namespace
}  // namespace storyline::cluster
