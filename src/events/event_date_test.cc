#include "events/event_date.h"

#include <gtest/gtest.h>

namespace storyline::events {
namespace {

using plover::Modality;

// A time expression at `phrase` of `text` with `value`.
time::TimeExpression At(std::string_view text, std::string_view phrase, std::string value,
                        time::TimexType type = time::TimexType::kDate) {
  size_t at = text.find(phrase);
  time::TimeExpression e;
  e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())};
  e.type = type;
  e.value = std::move(value);
  e.resolved = true;
  return e;
}

Span Verb(std::string_view text, std::string_view verb) {
  size_t at = text.find(verb);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + verb.size())};
}

TEST(IsFullDateTest, OnlyOneCalendarDay) {
  EXPECT_TRUE(IsFullDate("2013-10-29"));
  EXPECT_TRUE(IsFullDate("2013-10-29T09:00"));
  EXPECT_FALSE(IsFullDate("2013-10"));
  EXPECT_FALSE(IsFullDate("XXXX-10-29"));
  EXPECT_FALSE(IsFullDate("2013-W44"));
  EXPECT_FALSE(IsFullDate("2013-10-29X"));
  EXPECT_FALSE(IsFullDate(""));
}

TEST(ChooseEventDateTest, StatedDateNearestTheVerb) {
  std::string_view s = "On Monday, Kerry said Lavrov met him on Tuesday in Paris.";
  std::vector<time::TimeExpression> times = {At(s, "On Monday", "2013-10-28"),
                                             At(s, "on Tuesday", "2013-10-29")};
  DateChoice d = ChooseEventDate(s, Verb(s, "met"), times, "2013-10-30", Modality::kHappened);
  EXPECT_EQ(d.date, "2013-10-29");
  EXPECT_EQ(d.source, "text");
  EXPECT_EQ(d.span.In(s), "on Tuesday");
}

TEST(ChooseEventDateTest, ReportingClauseDatesTheReportNotTheEvent) {
  std::string_view s =
      "Kerry and Lavrov will meet to continue talks, an official said in a statement Friday.";
  std::vector<time::TimeExpression> times = {At(s, "Friday", "2013-05-24")};
  DateChoice d = ChooseEventDate(s, Verb(s, "meet"), times, "2013-05-24", Modality::kPlanned);
  EXPECT_EQ(d.date, "2013-05-24");
  EXPECT_EQ(d.source, "article");
}

TEST(ChooseEventDateTest, FallsBackToTheArticleDateOrNothing) {
  std::string_view s = "Kerry met Lavrov in June.";
  std::vector<time::TimeExpression> times = {At(s, "June", "2013-06")};
  DateChoice d = ChooseEventDate(s, Verb(s, "met"), times, "2013-07-02T10:00", Modality::kHappened);
  EXPECT_EQ(d.date, "2013-07-02");
  EXPECT_EQ(d.source, "article");
  d = ChooseEventDate(s, Verb(s, "met"), times, "", Modality::kHappened);
  EXPECT_EQ(d.date, "");
  EXPECT_EQ(d.source, "");
}

TEST(ChooseEventDateTest, ModalityRulesOutImpossibleDates) {
  // "was meeting ... with a vote due on Friday": Friday is after publication,
  // so it cannot date a meeting that happened.
  std::string_view s = "Ford was meeting the opposition with a vote due on Friday.";
  std::vector<time::TimeExpression> times = {At(s, "on Friday", "2014-01-17")};
  DateChoice d = ChooseEventDate(s, Verb(s, "meeting"), times, "2014-01-15", Modality::kHappened);
  EXPECT_EQ(d.source, "article");
  d = ChooseEventDate(s, Verb(s, "meeting"), times, "2014-01-15", Modality::kPlanned);
  EXPECT_EQ(d.date, "2014-01-17");
  // A planned event is not dated before publication.
  std::string_view t = "Kerry, who arrived on Monday, will meet Lavrov.";
  times = {At(t, "on Monday", "2014-01-13")};
  d = ChooseEventDate(t, Verb(t, "meet"), times, "2014-01-15", Modality::kPlanned);
  EXPECT_EQ(d.source, "article");
}

TEST(ChooseEventDateTest, TimeOnlyWhenThereIsNoDate) {
  std::string_view s =
      "Rebels attacked the base at 9 a.m. on 2013-10-29 and again 2013-10-28T22:00.";
  std::vector<time::TimeExpression> times = {
      At(s, "9 a.m.", "2013-10-29T09:00", time::TimexType::kTime),
      At(s, "2013-10-29", "2013-10-29"),
  };
  DateChoice d = ChooseEventDate(s, Verb(s, "attacked"), times, "2013-10-30", Modality::kHappened);
  EXPECT_EQ(d.span.In(s), "2013-10-29");
  times = {At(s, "9 a.m.", "2013-10-29T09:00", time::TimexType::kTime)};
  d = ChooseEventDate(s, Verb(s, "attacked"), times, "2013-10-30", Modality::kHappened);
  EXPECT_EQ(d.date, "2013-10-29");
  EXPECT_EQ(d.source, "text");
}

TEST(ChooseEventDateTest, ReportDateDoesNotDateAPastPerfect) {
  // "had agreed": the agreement came before the Friday it was reported on.
  std::string_view s = "Russia said on Friday the Damascus regime had agreed to attend.";
  std::vector<time::TimeExpression> times = {At(s, "on Friday", "2013-05-24")};
  DateChoice d = ChooseEventDate(s, Verb(s, "agreed"), times, "2013-05-24", Modality::kHappened);
  EXPECT_EQ(d.source, "article");
  // Not a past perfect: the announcement's day is the readiness's.
  std::string_view t = "Moallem announced on May 26 that the government agreed to attend.";
  times = {At(t, "on May 26", "2013-05-26")};
  d = ChooseEventDate(t, Verb(t, "agreed"), times, "2013-05-27", Modality::kHappened);
  EXPECT_EQ(d.date, "2013-05-26");
  // A past perfect whose date is not the report's keeps it.
  std::string_view u = "By Friday the regime had agreed to attend.";
  times = {At(u, "By Friday", "2013-05-24")};
  d = ChooseEventDate(u, Verb(u, "agreed"), times, "2013-05-27", Modality::kHappened);
  EXPECT_EQ(d.date, "2013-05-24");
}

TEST(ChooseEventDateTest, RelativeClauseKeepsItsOwnDate) {
  std::string_view s =
      "Brahimi, who is in Damascus meeting officials, is expected to meet Assad on Wednesday.";
  std::vector<time::TimeExpression> times = {At(s, "on Wednesday", "2013-10-30")};
  DateChoice d = ChooseEventDate(s, Verb(s, "meeting"), times, "2013-10-30", Modality::kHappened);
  EXPECT_EQ(d.source, "article");  // the Wednesday is the expected meeting's
  d = ChooseEventDate(s, Verb(s, "meet "), times, "2013-10-30", Modality::kPlanned);
  EXPECT_EQ(d.source, "text");
  EXPECT_EQ(d.date, "2013-10-30");
}

TEST(ChooseEventDateTest, WeekTakesTheOneDayOfItTheArticleNames) {
  std::string_view s = "Kerry will lead the delegation to key talks next week.";
  std::vector<time::TimeExpression> times = {At(s, "next week", "2014-W04")};
  // 2014-W04 runs from Monday 2014-01-20 to Sunday 2014-01-26.
  DateChoice d = ChooseEventDate(s, Verb(s, "lead"), times, "2014-01-15", Modality::kPlanned,
                                 {"2014-01-15", "2014-01-22", "2014-01-22", "2014-01-13"});
  EXPECT_EQ(d.date, "2014-01-22");
  EXPECT_EQ(d.source, "text");
  EXPECT_EQ(d.span.In(s), "next week");
  // Two days of the week named: which one is unknown.
  d = ChooseEventDate(s, Verb(s, "lead"), times, "2014-01-15", Modality::kPlanned,
                      {"2014-01-22", "2014-01-26"});
  EXPECT_EQ(d.source, "article");
  // None named, or only days outside the week.
  d = ChooseEventDate(s, Verb(s, "lead"), times, "2014-01-15", Modality::kPlanned,
                      {"2014-01-19", "2014-01-27"});
  EXPECT_EQ(d.source, "article");
}

}  // namespace
}  // namespace storyline::events
