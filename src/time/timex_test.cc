#include "time/timex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/calendar.h"

namespace storyline::time {
namespace {

std::vector<TimeExpression> TagText(std::string_view text, std::string_view anchor,
                                    bool narrative = false) {
  Anchor a;
  a.date = ParseCivil(anchor);
  TimeOptions o;
  o.narrative = narrative;
  TimeTagger t(o);
  std::vector<TimeExpression> out;
  t.Tag(text, {}, a, &out);
  return out;
}

const TimeExpression* FindText(const std::vector<TimeExpression>& v, std::string_view text,
                               std::string_view phrase) {
  for (const auto& e : v)
    if (e.span.In(text) == phrase) return &e;
  return nullptr;
}

// The slow, obviously correct twin of DaysFromCivil: count days one by one.
TEST(Calendar, DaysFromCivilMatchesCounting) {
  int64_t n = DaysFromCivil(1900, 1, 1);
  for (int y = 1900; y <= 2100; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= DaysInMonth(y, m); ++d) {
        ASSERT_EQ(DaysFromCivil(y, m, d), n) << y << "-" << m << "-" << d;
        int yy, mm, dd;
        CivilFromDays(n, &yy, &mm, &dd);
        ASSERT_EQ(yy * 10000 + mm * 100 + dd, y * 10000 + m * 100 + d);
        ++n;
      }
    }
  }
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(WeekdayOf(DaysFromCivil(2013, 5, 27)), 1);  // a Monday
  EXPECT_EQ(WeekdayOf(DaysFromCivil(2014, 1, 15)), 3);  // a Wednesday
}

TEST(Calendar, IsoWeeks) {
  int y, w;
  IsoWeek(DaysFromCivil(2013, 5, 24), &y, &w);
  EXPECT_EQ(y * 100 + w, 201321);
  IsoWeek(DaysFromCivil(2010, 1, 3), &y, &w);  // Sunday, still week 53 of 2009
  EXPECT_EQ(y * 100 + w, 200953);
  IsoWeek(DaysFromCivil(2008, 12, 29), &y, &w);  // Monday, week 1 of 2009
  EXPECT_EQ(y * 100 + w, 200901);
}

TEST(ParseCivil, Forms) {
  EXPECT_EQ(ParseCivil("2013-05-28"), (CivilDate{2013, 5, 28}));
  EXPECT_EQ(ParseCivil("2013-05-28T09:42:00Z"), (CivilDate{2013, 5, 28}));
  EXPECT_EQ(ParseCivil("XXXX-05-28"), (CivilDate{0, 5, 28}));
  EXPECT_EQ(ParseCivil(""), CivilDate{});
  EXPECT_EQ(ParseCivil("garbage!"), CivilDate{});
  EXPECT_EQ(ParseCivil("2013-13-01"), CivilDate{});
}

TEST(Timex, TenseChoosesWeekdayDirection) {
  std::string s = "Kerry will meet Lavrov in Paris on Monday.";
  auto v = TagText(s, "2013-05-24");
  ASSERT_NE(FindText(v, s, "Monday"), nullptr);
  EXPECT_EQ(FindText(v, s, "Monday")->value, "2013-05-27");
  s = "Lavrov met Kerry late on Monday in Paris.";
  v = TagText(s, "2013-05-28");
  ASSERT_NE(FindText(v, s, "late on Monday"), nullptr);
  EXPECT_EQ(FindText(v, s, "late on Monday")->value, "2013-05-27");
  EXPECT_EQ(FindText(v, s, "late on Monday")->anchor, "2013-05-28");
  // A present-tense schedule verb announces: Thursday after a Wednesday.
  s = "Talks resume on Thursday morning.";
  v = TagText(s, "2024-04-10");
  ASSERT_NE(FindText(v, s, "Thursday morning"), nullptr);
  EXPECT_EQ(FindText(v, s, "Thursday morning")->value, "2024-04-11TMO");
}

TEST(Timex, NeverTheClock) {
  std::string s = "They met on Monday, last week and two years ago, and will meet tomorrow.";
  auto v = TagText(s, "");
  ASSERT_EQ(v.size(), 4u);
  for (const auto& e : v) {
    EXPECT_FALSE(e.resolved) << e.span.In(s) << " = " << e.value;
    EXPECT_NE(e.value.find('X'), std::string::npos) << e.value;
  }
  EXPECT_EQ(v[0].value, "XXXX-WXX-1");
}

TEST(Timex, PartialAnchorKeepsYearUnknown) {
  std::string s = "The envoy arrived on May 7 and left on Monday.";
  auto v = TagText(s, "XXXX-05-28");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].value, "XXXX-05-07");
  EXPECT_FALSE(v[0].resolved);
  EXPECT_EQ(v[1].value, "XXXX-WXX-1");
}

TEST(Timex, NarrativeTakesYearFromText) {
  std::string s = "The offensive began on 6 January 1975. By April 30 the capital had fallen.";
  auto v = TagText(s, "2009-12-19", /*narrative=*/true);
  ASSERT_NE(FindText(v, s, "April 30"), nullptr);
  EXPECT_EQ(FindText(v, s, "April 30")->value, "1975-04-30");
  v = TagText(s, "2009-12-19", /*narrative=*/false);
  EXPECT_EQ(FindText(v, s, "April 30")->value, "2009-04-30");  // past tense: before the anchor
}

TEST(Timex, SpansAreInsideTextAndOrdered) {
  std::string s = "On Monday, at 5 p.m., in mid-June 2012, every week, for three years; now.";
  auto v = TagText(s, "2013-05-24");
  uint32_t last = 0;
  for (const auto& e : v) {
    EXPECT_LE(last, e.span.begin);
    EXPECT_LT(e.span.begin, e.span.end);
    EXPECT_LE(e.span.end, s.size());
    last = e.span.end;
  }
  EXPECT_GE(v.size(), 5u);
}

TEST(Timex, ArbitraryBytesDoNotCrash) {
  std::string s;
  for (int i = 0; i < 2000; ++i) s.push_back(static_cast<char>((i * 7919) % 256));
  s += " May 7 2013 - 12 - Monday -- last";
  auto v = TagText(s, "2013-05-24");
  for (const auto& e : v) EXPECT_LE(e.span.end, s.size());
}

TEST(ChooseAnchor, PublishedDateWins) {
  Article a;
  a.published = {"2013-05-28T10:00", "jsonl:date", 0.9f};
  Anchor an = ChooseAnchor(a);
  EXPECT_EQ(an.date, (CivilDate{2013, 5, 28}));
  EXPECT_EQ(an.source, "published:jsonl:date");
}

TEST(ChooseAnchor, DatelineYearOnlyWithEvidence) {
  Article a;
  a.published = {"XXXX-05-28", "text:dateline", 0.5f};
  a.body = "PARIS, May 28 - Talks began. The minister said the accord is dated May 28, 2013.";
  Anchor an = ChooseAnchor(a);
  EXPECT_EQ(an.date, (CivilDate{2013, 5, 28}));
  EXPECT_GT(an.confidence, 0.f);
  a.body = "PARIS, May 28 - Talks began in March 2011.";
  an = ChooseAnchor(a);
  EXPECT_EQ(an.date, (CivilDate{0, 5, 28}));
  // Weekday and date agreeing, after the latest year the text names.
  a.body =
      "PARIS, May 28 - The envoys met on Monday, May 27, in Paris. The war began in March 2011.";
  an = ChooseAnchor(a);
  EXPECT_EQ(an.date, (CivilDate{2013, 5, 28}));
  EXPECT_EQ(an.source, "inferred:dateline+weekday-agreement");
  // Without a year in the text there is no evidence for one.
  a.body = "PARIS, May 28 - The envoys met on Monday, May 27, in Paris.";
  EXPECT_EQ(ChooseAnchor(a).date, (CivilDate{0, 5, 28}));
  Article none;
  none.body = "Talks began on Monday.";
  EXPECT_FALSE(ChooseAnchor(none).date.complete());
}

}  // namespace
}  // namespace storyline::time
