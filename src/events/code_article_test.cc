#include "events/code_article.h"

#include <gtest/gtest.h>

#include "events/export.h"
#include "events/test_util.h"

namespace storyline::events {
namespace {

using plover::Modality;

#define REQUIRE_CODER(var)                                  \
  std::string var##_why;                                    \
  const coder::Coder* var = testing::TestCoder(&var##_why); \
  if (var == nullptr) GTEST_SKIP() << "no event coder: " << var##_why

// Tuesday 3 March 2020.
Article Roundup() {
  return testing::MakeArticle(
      "roundup", "Diplomatic roundup", "2020-03-03",
      {"French officials met Russian diplomats in Geneva on Monday.",
       "The French government will meet Russian officials in Vienna on Friday.",
       "The French government did not attack Russian forces.",
       "German troops attacked Polish rebels."},
      2);
}

const Mention* FindMention(const ArticleCoding& c, std::string_view cameo_root) {
  for (const Mention& m : c.mentions) {
    if (m.cameo.substr(0, 2) == cameo_root) return &m;
  }
  return nullptr;
}

TEST(CodeArticleTest, MentionsCarrySpansDatesPlacesAndModality) {
  REQUIRE_CODER(coder);
  ArticleCoder ac(*coder);
  Article a = Roundup();
  ArticleCoding c = ac.Code(a, 42, nullptr);
  EXPECT_EQ(c.article_date, "2020-03-03");
  EXPECT_EQ(c.coder_date, 20200303);
  EXPECT_EQ(c.sentences, 5);  // the title and four sentences
  EXPECT_EQ(c.negated, 1);    // "did not attack"
  ASSERT_EQ(c.mentions.size(), 3u);

  const Mention* met = FindMention(c, "04");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->article_id, 42);
  EXPECT_EQ(met->sentence, 0);
  EXPECT_EQ(met->source, "FRAGOV");
  EXPECT_EQ(met->target, "RUSGOV");
  EXPECT_EQ(met->verb.In(a.body), "met");
  EXPECT_EQ(VerbText(*met), "met");
  EXPECT_EQ(met->source_span.In(a.body), met->source_text);
  EXPECT_EQ(met->source_text, "French officials");
  EXPECT_EQ(met->target_span.In(a.body), "Russian diplomats");
  EXPECT_EQ(met->sentence_span.In(a.body), met->sentence_text);
  EXPECT_EQ(met->modality, Modality::kHappened);
  EXPECT_EQ(met->date, "2020-03-02");
  EXPECT_EQ(met->date_source, "text");
  EXPECT_EQ(met->date_text, "Monday");
  EXPECT_EQ(met->place, "Geneva");
  EXPECT_EQ(met->place_country, "CHE");
  EXPECT_TRUE(met->lead);

  const Mention* plan = FindMention(c, "03");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(plan->code, "040");
  EXPECT_EQ(plan->cameo, "036");  // a planned meeting is an intent to meet
  EXPECT_EQ(plan->modality, Modality::kPlanned);
  EXPECT_EQ(plan->date, "2020-03-06");
  EXPECT_EQ(plan->place, "Vienna");
  EXPECT_NE(plan->explanation.find("intent code 040 -> 036"), std::string::npos)
      << plan->explanation;

  const Mention* attack = FindMention(c, "19");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->source, "DEUMIL");
  EXPECT_EQ(attack->date, "2020-03-03");
  EXPECT_EQ(attack->date_source, "article");
  EXPECT_EQ(attack->place, "");
  EXPECT_FALSE(attack->lead);  // second paragraph
}

TEST(CodeArticleTest, TitleIsCodedAndTakesTheBodysDate) {
  REQUIRE_CODER(coder);
  ArticleCoder ac(*coder);
  Article a =
      testing::MakeArticle("plan", "French Officials to Meet Russian Diplomats", "2020-03-03",
                           {"French officials will meet Russian diplomats in Vienna on Friday."});
  ArticleCoding c = ac.Code(a, 7, nullptr);
  ASSERT_EQ(c.mentions.size(), 2u);
  const Mention& title = c.mentions[0];
  EXPECT_EQ(title.sentence, kTitleSentence);
  EXPECT_EQ(title.sentence_text, a.title);
  EXPECT_EQ(title.verb.In(a.title), "Meet");
  EXPECT_EQ(title.modality, Modality::kPlanned);
  EXPECT_EQ(title.cameo, "036");
  EXPECT_EQ(title.date, "2020-03-06");
  EXPECT_EQ(title.date_source, "context");
  EXPECT_TRUE(title.lead);
  EXPECT_EQ(c.mentions[1].date_source, "text");

  CodeArticleOptions no_title;
  no_title.code_title = false;
  ArticleCoder body_only(*coder, no_title);
  EXPECT_EQ(body_only.Code(a, 7, nullptr).mentions.size(), 1u);
}

TEST(CodeArticleTest, UndatedArticleResolvesRolesOnItsLatestStatedDate) {
  REQUIRE_CODER(coder);
  ArticleCoder ac(*coder);
  Article a = testing::MakeArticle("undated", "", "",
                                   {"German troops attacked Polish rebels on 12 May 2011.",
                                    "French officials met Russian diplomats on 3 June 2011."});
  ArticleCoding c = ac.Code(a, 1, nullptr);
  EXPECT_EQ(c.article_date, "");
  EXPECT_EQ(c.coder_date, 20110603);
  for (const Mention& m : c.mentions) EXPECT_EQ(m.date_source, "text") << m.sentence_text;
  Article none = testing::MakeArticle("none", "", "", {"German troops attacked Polish rebels."});
  c = ac.Code(none, 2, nullptr);
  EXPECT_EQ(c.coder_date, coding::kMaxDate);
  ASSERT_EQ(c.mentions.size(), 1u);
  EXPECT_EQ(c.mentions[0].date, "");
  EXPECT_EQ(c.mentions[0].date_source, "");
}

TEST(IntentCodeTest, CooperativeRootsOnly) {
  EXPECT_EQ(IntentCode("044"), "036");
  EXPECT_EQ(IntentCode("057"), "032");
  EXPECT_EQ(IntentCode("0611"), "031");
  EXPECT_EQ(IntentCode("073"), "033");
  EXPECT_EQ(IntentCode("081"), "035");
  EXPECT_EQ(IntentCode("190"), "");
  EXPECT_EQ(IntentCode(""), "");
}

}  // namespace
}  // namespace storyline::events
