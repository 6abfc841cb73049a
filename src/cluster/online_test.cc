#include "cluster/online.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline::cluster {
namespace {

// Small hand-written articles: two floods in one town (same event), a flood
// elsewhere months later, and an unrelated election.
const char kFloodA[] =
    "Heavy rain flooded the town of Marlow on Monday. The River Thames burst its banks and "
    "the Marlow fire service evacuated two hundred residents from the riverside streets.";
const char kFloodB[] =
    "Residents of Marlow were evacuated after the River Thames flooded riverside streets, the "
    "Marlow fire service said. Heavy rain is expected to continue in Marlow.";
const char kElection[] =
    "Voters in Quebec elected a new provincial parliament on Sunday. Premier Jean Tremblay "
    "conceded defeat as the opposition won a majority of seats in Quebec City.";

StreamArticle Art(uint64_t id, const char* title, const char* body, const char* date) {
  StreamArticle a;
  a.id = id;
  a.title = title;
  a.body = body;
  a.day = DayFromIso(date);
  return a;
}

TEST(OnlineTest, Dates) {
  EXPECT_EQ(DayFromIso("1970-01-01"), 0);
  EXPECT_EQ(IsoFromDay(DayFromIso("2013-05-27T09:42")), "2013-05-27");
  EXPECT_TRUE(std::isnan(DayFromIso("XXXX-05-28")));
  EXPECT_TRUE(std::isnan(DayFromIso("")));
  EXPECT_EQ(IsoFromDay(kNoDay), "");
  // Year-less date: the year closest to the reference.
  bool from_text = true;
  double d = EstimateDay("XXXX-05-28", "", DayFromIso("2013-10-30"), &from_text);
  EXPECT_EQ(IsoFromDay(d), "2013-05-28");
  EXPECT_FALSE(from_text);
  d = EstimateDay("", "The talks open on January 22 in Geneva.", DayFromIso("2013-10-30"),
                  &from_text);
  EXPECT_EQ(IsoFromDay(d), "2014-01-22");
  EXPECT_TRUE(from_text);
  EXPECT_TRUE(std::isnan(EstimateDay("", "No dates here.", DayFromIso("2013-10-30"))));
}

TEST(OnlineTest, SameEventJoinsOtherEventsSplit) {
  OnlineClusterer c;
  auto a = c.Add(Art(1, "Floods in Marlow", kFloodA, "2020-02-10"));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->new_event);
  EXPECT_TRUE(a->new_story);
  auto b = c.Add(Art(2, "Marlow evacuated as Thames floods", kFloodB, "2020-02-11"));
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(b->new_event);
  EXPECT_EQ(b->event, a->event);
  EXPECT_EQ(b->duplicate_of, 0u);
  auto e = c.Add(Art(3, "Quebec votes", kElection, "2020-02-11"));
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->new_event);
  EXPECT_NE(e->story, a->story);
  // The same flood text a year later is a near-copy: it goes to the same
  // event through the duplicate index.
  auto copy = c.Add(Art(4, "Floods in Marlow", kFloodA, "2020-02-12"));
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(copy->duplicate_of, 1u);
  EXPECT_TRUE(copy->exact_copy);
  EXPECT_EQ(copy->event, a->event);
  auto events = c.TouchedEvents();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_NE(events[0].label.find("Marlow"), std::string::npos) << events[0].label;
  EXPECT_EQ(IsoFromDay(events[0].first_day), "2020-02-10");
  EXPECT_EQ(IsoFromDay(events[0].last_day), "2020-02-12");
}

TEST(OnlineTest, TimeDecaySeparatesDistantReports) {
  OnlineClusterer c;
  auto a = c.Add(Art(1, "Floods in Marlow", kFloodA, "2020-02-10"));
  auto b = c.Add(Art(2, "Marlow evacuated as Thames floods", kFloodB, "2020-09-01"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->event, b->event);
}

TEST(OnlineTest, RetirementBoundsActiveEvents) {
  ClusterOptions o;
  o.event.max_active = 20;
  o.use_dedup = false;
  OnlineClusterer c(o);
  for (int i = 0; i < 600; ++i) {
    std::string n = std::to_string(i);
    std::string body = "w" + n + " x" + n + " y" + n + " z" + n + " v" + n + ".";
    auto r = c.Add(Art(static_cast<uint64_t>(i + 1), "", body.c_str(), ""));
    ASSERT_TRUE(r.ok());
    EXPECT_LE(c.active_events(), 20u + 256u);
  }
  EXPECT_LE(c.active_events(), 20u + 256u);
  EXPECT_EQ(c.events_created(), 600u);
}

TEST(OnlineTest, LateMergeJoinsSmallSimilarEventsOnly) {
  ClusterOptions o;
  o.event.threshold = 2;  // scores never reach it: every article starts an event
  OnlineClusterer c(o);
  auto a = c.Add(Art(1, "Floods in Marlow", kFloodA, "2020-02-10"));
  auto b = c.Add(Art(2, "Marlow evacuated as Thames floods", kFloodB, "2020-02-11"));
  auto e = c.Add(Art(3, "Quebec votes", kElection, "2020-02-11"));
  ASSERT_TRUE(a.ok() && b.ok() && e.ok());
  ASSERT_EQ(c.active_events(), 3u);
  c.ClearTouched();
  std::vector<EventMerge> merges = c.Consolidate();
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_EQ(merges[0].from, b->event);  // equal sizes: the older event survives
  EXPECT_EQ(merges[0].into, a->event);
  EXPECT_EQ(merges[0].story, a->story);
  EXPECT_EQ(c.active_events(), 2u);
  auto touched = c.TouchedEvents();
  ASSERT_EQ(touched.size(), 1u);
  EXPECT_EQ(touched[0].id, a->event);
  EXPECT_EQ(touched[0].articles, 2u);
  // A later report of the flood now joins the merged event.
  auto copy = c.Add(Art(4, "Marlow evacuated", kFloodB, "2020-02-12"));
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(copy->event, a->event);
  // Disabled: no merge.
  o.merge_max_articles = 0;
  OnlineClusterer off(o);
  ASSERT_TRUE(off.Add(Art(1, "Floods in Marlow", kFloodA, "2020-02-10")).ok());
  ASSERT_TRUE(off.Add(Art(2, "Marlow evacuated as Thames floods", kFloodB, "2020-02-11")).ok());
  EXPECT_TRUE(off.Consolidate().empty());
  EXPECT_EQ(off.active_events(), 2u);
}

TEST(OnlineTest, StateRoundTripContinuesTheSameClusters) {
  OnlineClusterer c;
  auto a = c.Add(Art(1, "Floods in Marlow", kFloodA, "2020-02-10"));
  ASSERT_TRUE(a.ok());
  std::string state = c.SaveState();
  OnlineClusterer d;
  ASSERT_TRUE(d.LoadState(state).ok());
  EXPECT_EQ(d.active_events(), 1u);
  auto b = d.Add(Art(2, "Marlow evacuated as Thames floods", kFloodB, "2020-02-11"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->event, a->event);
  auto e = d.Add(Art(3, "Quebec votes", kElection, "2020-02-11"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->event, 2u);  // ids continue
  EXPECT_FALSE(d.LoadState("garbage").ok());
  EXPECT_FALSE(d.LoadState(state.substr(0, state.size() / 2)).ok());
}

}  // namespace
}  // namespace storyline::cluster
