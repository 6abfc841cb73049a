#include "events/merge.h"

#include <gtest/gtest.h>

namespace storyline::events {
namespace {

using plover::Modality;

Mention Make(int64_t article, std::string source, std::string target, std::string cameo,
             std::string date, Modality modality = Modality::kHappened) {
  Mention m;
  m.article_id = article;
  m.source = std::move(source);
  m.target = std::move(target);
  m.code = cameo;
  m.cameo = std::move(cameo);
  m.date = std::move(date);
  m.date_source = m.date.empty() ? "" : "text";
  m.modality = modality;
  return m;
}

// Every article in story 7, except article 99 (not clustered).
int64_t Story(int64_t article) { return article == 99 ? 0 : 7; }

TEST(MergeKeyTest, ConsultIsSymmetricOtherCodesAreNot) {
  Mention a = Make(1, "USAGOV", "RUSGOV", "040", "2013-05-27");
  Mention b = Make(2, "RUSGOV", "USAGOV", "044", "2013-05-27");
  EXPECT_EQ(MergeKey("s7", a), MergeKey("s7", b));
  EXPECT_EQ(MergeKey("s7", a), "s7|2013-05-27|04|happened|RUSGOV|USAGOV");
  Mention c = Make(1, "USAGOV", "RUSGOV", "111", "2013-05-27");
  Mention d = Make(2, "RUSGOV", "USAGOV", "111", "2013-05-27");
  EXPECT_NE(MergeKey("s7", c), MergeKey("s7", d));
  EXPECT_EQ(StoryKey(7, 3), "s7");
  EXPECT_EQ(StoryKey(0, 3), "a3");
}

TEST(SpecificityTest, FourDigitsThenThreeThenRoot) {
  EXPECT_EQ(Specificity("0441"), 3);
  EXPECT_EQ(Specificity("044"), 2);
  EXPECT_EQ(Specificity("040"), 1);
  EXPECT_EQ(Specificity("04"), 1);
  EXPECT_EQ(Specificity(""), 0);
}

TEST(MergeMentionsTest, SameEventAcrossArticlesKeepsTheMostSpecificCode) {
  std::vector<Mention> ms = {
      Make(1, "USAGOV", "RUSGOV", "040", "2013-05-27"),
      Make(2, "RUSGOV", "USAGOV", "044", "2013-05-27"),
      Make(2, "USAGOV", "RUSGOV", "043", "2013-05-27"),  // same article again: no new corroboration
      Make(3, "USAGOV", "RUSGOV", "040", "2013-05-27"),
  };
  ms[1].place = "Paris";
  ms[1].place_country = "FRA";
  std::vector<Event> events = MergeMentions(ms, Story);
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  EXPECT_EQ(e.id, 1);
  EXPECT_EQ(e.cameo, "044");  // first of the most specific codes
  EXPECT_EQ(e.root, "04");
  EXPECT_EQ(e.plover_type, "CONSULT");
  EXPECT_EQ(e.source, "USAGOV");  // the first mention's order
  EXPECT_EQ(e.corroboration, 3);
  EXPECT_EQ(e.mention_count, 4);
  EXPECT_EQ(e.mentions.size(), 4u);
  EXPECT_EQ(e.place, "Paris");
  EXPECT_EQ(e.first_article, 1);
  EXPECT_EQ(e.story_key, "s7");
  for (const Mention& m : e.mentions) EXPECT_EQ(m.event_id, 1);
}

TEST(MergeMentionsTest, ANearDuplicateCopyCorroboratesNothing) {
  std::vector<Mention> ms = {Make(1, "USAGOV", "RUSGOV", "040", "2013-05-27"),
                             Make(2, "USAGOV", "RUSGOV", "040", "2013-05-27"),
                             Make(3, "USAGOV", "RUSGOV", "040", "2013-05-27")};
  ms[1].original_article = 1;  // article 2 is a copy of article 1
  std::vector<Event> events = MergeMentions(ms, Story);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].corroboration, 2);
  EXPECT_EQ(events[0].mention_count, 3);
  EXPECT_EQ(CorroboratingArticle(ms[1]), 1);
  EXPECT_EQ(CorroboratingArticle(ms[2]), 3);
}

TEST(MergeMentionsTest, PlannedAndHappenedDatesAndStoriesStayApart) {
  std::vector<Mention> ms = {
      Make(1, "USAGOV", "RUSGOV", "040", "2013-05-27"),
      Make(1, "USAGOV", "RUSGOV", "036", "2013-05-27", Modality::kPlanned),
      Make(2, "USAGOV", "RUSGOV", "040", "2013-05-28"),   // another day
      Make(99, "USAGOV", "RUSGOV", "040", "2013-05-27"),  // another story (not clustered)
      Make(3, "USAGOV", "RUSGOV", "190", "2013-05-27"),   // another root
      Make(3, "USAGOV", "RUSGOV", "040", "2013-05-27", Modality::kHypothetical),
  };
  std::vector<Event> events = MergeMentions(ms, Story);
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(events[1].plover_type, "AGREE");
  EXPECT_EQ(events[1].modality, Modality::kPlanned);
  EXPECT_EQ(events[3].story_key, "a99");
  EXPECT_EQ(events[3].story_id, 0);
  EXPECT_EQ(events[4].plover_type, "ASSAULT");
  EXPECT_EQ(events[4].quad_class, 4);
}

TEST(MergeMentionsTest, DateSourceImprovesAsMentionsArrive) {
  std::vector<Mention> ms = {Make(1, "USAGOV", "RUSGOV", "040", "2013-05-27"),
                             Make(2, "USAGOV", "RUSGOV", "040", "2013-05-27")};
  ms[0].date_source = "article";
  std::vector<Event> events = MergeMentions(ms, Story);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date_source, "text");
}

TEST(ShareDatesWithinArticleTest, HeadlineTakesTheBodysDate) {
  std::vector<Mention> ms = {
      Make(1, "USAGOV", "RUSGOV", "036", "2013-05-24", Modality::kPlanned),  // title, article date
      Make(1, "RUSGOV", "USAGOV", "036", "2013-05-27", Modality::kPlanned),  // body: "on Monday"
      Make(1, "USAGOV", "SYRGOV", "111", "2013-05-24"),                      // other event
  };
  ms[0].date_source = "article";
  ms[2].date_source = "article";
  ShareDatesWithinArticle(&ms);
  EXPECT_EQ(ms[0].date, "2013-05-27");
  EXPECT_EQ(ms[0].date_source, "context");
  EXPECT_EQ(ms[2].date, "2013-05-24");
  EXPECT_EQ(ms[2].date_source, "article");
}

TEST(ShareDatesWithinArticleTest, TwoStatedDatesAreAmbiguous) {
  std::vector<Mention> ms = {
      Make(1, "USAGOV", "RUSGOV", "040", "2013-05-24"),
      Make(1, "USAGOV", "RUSGOV", "040", "2013-05-07"),
      Make(1, "USAGOV", "RUSGOV", "040", "2013-05-27"),
  };
  ms[0].date_source = "article";
  ShareDatesWithinArticle(&ms);
  EXPECT_EQ(ms[0].date, "2013-05-24");
  EXPECT_EQ(ms[0].date_source, "article");
}

}  // namespace
}  // namespace storyline::events
