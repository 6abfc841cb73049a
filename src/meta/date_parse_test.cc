#include "meta/date_parse.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::meta {
namespace {

// The ISO form of the parse of `s`, or "none".
std::string Iso(std::string_view s, bool whole = true, bool day_first = false) {
  std::optional<PartialDateTime> v = ParseDate(s, {.day_first = day_first, .whole_string = whole});
  return v ? v->ToIso() : "none";
}

TEST(ParseDateTest, Iso8601) {
  EXPECT_EQ(Iso("2013-10-30"), "2013-10-30");
  EXPECT_EQ(Iso("2013-10-30T09:42:00Z"), "2013-10-30T09:42:00Z");
  EXPECT_EQ(Iso("2013-10-30T09:42"), "2013-10-30T09:42");
  EXPECT_EQ(Iso("2013-10-30T09:42:00+02:00"), "2013-10-30T09:42:00+02:00");
  EXPECT_EQ(Iso("2013-10-30T09:42:00.123-0500"), "2013-10-30T09:42:00-05:00");
  EXPECT_EQ(Iso("2013-10-30 09:42:07"), "2013-10-30T09:42:07");
  EXPECT_EQ(Iso("20131030"), "2013-10-30");
  EXPECT_EQ(Iso("20131030T094200Z"), "2013-10-30T09:42:00Z");
  EXPECT_EQ(Iso("2013-10"), "2013-10");
  EXPECT_EQ(Iso("XXXX-05-28"), "XXXX-05-28");
}

TEST(ParseDateTest, Rfc2822) {
  EXPECT_EQ(Iso("Wed, 30 Oct 2013 09:42:00 GMT"), "2013-10-30T09:42:00Z");
  EXPECT_EQ(Iso("Wed, 30 Oct 2013 09:42:00 +0000"), "2013-10-30T09:42:00Z");
  EXPECT_EQ(Iso("Wed, 30 Oct 2013 09:42:00 -0400"), "2013-10-30T09:42:00-04:00");
  EXPECT_EQ(Iso("Wed, 30 Oct 2013 09:42 EST"), "2013-10-30T09:42-05:00");
}

TEST(ParseDateTest, WrittenForms) {
  EXPECT_EQ(Iso("October 30, 2013"), "2013-10-30");
  EXPECT_EQ(Iso("October 30, 2013, 9:42 am"), "2013-10-30T09:42");
  EXPECT_EQ(Iso("October 30, 2013, 9:42 pm"), "2013-10-30T21:42");
  EXPECT_EQ(Iso("October 30, 2013 at 12:05 a.m."), "2013-10-30T00:05");
  EXPECT_EQ(Iso("Oct. 30, 2013"), "2013-10-30");
  EXPECT_EQ(Iso("Sept. 3, 2013"), "2013-09-03");
  EXPECT_EQ(Iso("Sep 3 2013"), "2013-09-03");
  EXPECT_EQ(Iso("30 October 2013"), "2013-10-30");
  EXPECT_EQ(Iso("30th of October, 2013"), "2013-10-30");
  EXPECT_EQ(Iso("30-Oct-2013"), "2013-10-30");
  EXPECT_EQ(Iso("Tuesday, 29 October 2013 18:03 GMT"), "2013-10-29T18:03Z");
  EXPECT_EQ(Iso("Tuesday, October 29, 2013"), "2013-10-29");
  EXPECT_EQ(Iso("May 28"), "XXXX-05-28");
  EXPECT_EQ(Iso("28 May"), "XXXX-05-28");
  EXPECT_EQ(Iso("October 2013"), "2013-10");
  EXPECT_EQ(Iso("january 5, 2014"), "2014-01-05");  // whole-string mode ignores case
  EXPECT_EQ(Iso("14:02 GMT, Monday, 8 February 2010"), "2010-02-08T14:02Z");
  EXPECT_EQ(Iso("9:42 am on May 2, 2013"), "2013-05-02T09:42");
}

TEST(ParseDateTest, NumericForms) {
  EXPECT_EQ(Iso("2013/10/30"), "2013-10-30");
  EXPECT_EQ(Iso("30.10.2013"), "2013-10-30");
  EXPECT_EQ(Iso("10/30/2013"), "2013-10-30");
  EXPECT_EQ(Iso("03/04/2013"), "2013-03-04");
  EXPECT_EQ(Iso("03/04/2013", true, /*day_first=*/true), "2013-04-03");
  EXPECT_EQ(Iso("30/10/2013"), "2013-10-30");  // unambiguous although US order
  EXPECT_EQ(Iso("10/30/2013", true, /*day_first=*/true), "2013-10-30");
}

TEST(ParseDateTest, TimesAndZones) {
  EXPECT_EQ(Iso("9:42 am"), "T09:42");
  EXPECT_EQ(Iso("09:42"), "T09:42");
  EXPECT_EQ(Iso("noon"), "T12:00");
  EXPECT_EQ(Iso("12 pm"), "T12:00");
  EXPECT_EQ(Iso("12:30 a.m."), "T00:30");
  EXPECT_EQ(Iso("9.42pm"), "T21:42");
  std::optional<PartialDateTime> v = ParseDate("30 Oct 2013 10:00 CET", {.whole_string = true});
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->has_offset);
  EXPECT_EQ(v->offset_minutes, 60);
  EXPECT_EQ(Iso("30 Oct 2013 10:00 BST"), "2013-10-30T10:00+01:00");
  EXPECT_EQ(Iso("30 Oct 2013 10:00 EDT"), "2013-10-30T10:00-04:00");
  EXPECT_EQ(Iso("30 Oct 2013 10:00 GMT+2"), "2013-10-30T10:00+02:00");
  EXPECT_EQ(Iso("30 Oct 2013 10:00 (UTC)"), "2013-10-30T10:00Z");
}

TEST(ParseDateTest, InvalidDatesRejected) {
  EXPECT_EQ(Iso("2013-02-29"), "none");
  EXPECT_EQ(Iso("2012-02-29"), "2012-02-29");
  EXPECT_EQ(Iso("1900-02-29"), "none");
  EXPECT_EQ(Iso("2000-02-29"), "2000-02-29");
  EXPECT_EQ(Iso("February 30, 2013"), "none");
  EXPECT_EQ(Iso("2013-13-01"), "none");
  EXPECT_EQ(Iso("2013-00-10"), "none");
  EXPECT_EQ(Iso("April 31"), "none");
  EXPECT_EQ(Iso("0999-01-01"), "none");
  EXPECT_EQ(Iso("3013-01-01"), "none");
  EXPECT_EQ(Iso("25:00"), "none");
  EXPECT_EQ(Iso("10:61"), "none");
  EXPECT_EQ(Iso("13 pm"), "none");
  EXPECT_EQ(Iso("31/31/2013"), "none");
  EXPECT_EQ(Iso(""), "none");
  EXPECT_EQ(Iso("hello"), "none");
  EXPECT_EQ(Iso("May"), "none");
  EXPECT_EQ(Iso("2013"), "none");
}

TEST(ParseDateTest, WholeStringRejectsExtraText) {
  EXPECT_EQ(Iso("October 30, 2013 was a Wednesday"), "none");
  EXPECT_EQ(Iso("On October 30, 2013"), "none");
  EXPECT_EQ(Iso("  October 30, 2013.  "), "2013-10-30");
}

TEST(ParseDateTest, EmbeddedFindsFirstDate) {
  EXPECT_EQ(Iso("The talks began on May 7 in Moscow.", false), "XXXX-05-07");
  EXPECT_EQ(Iso("fighting broke out in March 2011 and", false), "2011-03");
  EXPECT_EQ(Iso("At 9:42 the conference, set for 22 January 2014, opened", false), "2014-01-22");
  EXPECT_EQ(Iso("They met at 9:42 pm.", false), "T21:42");
  EXPECT_EQ(Iso("Feb 30, 2013 was wrong but March 3, 2013 was right", false), "2013-03-03");
}

TEST(ParseDateTest, EmbeddedIgnoresNonDates) {
  EXPECT_EQ(Iso("the conference may take place in mid-June", false), "none");
  EXPECT_EQ(Iso("widget W460 loaded", false), "none");
  EXPECT_EQ(Iso("more than 3.5 million people", false), "none");
  EXPECT_EQ(Iso("the 2010-11 season", false), "none");
  EXPECT_EQ(Iso("a 1/2 share", false), "none");
  EXPECT_EQ(Iso("Kerry met Lavrov in Paris.", false), "none");
  EXPECT_EQ(Iso("May 200 people", false), "none");
}

TEST(ParseDateTest, FindDateReportsSpan) {
  std::string_view s = "Posted on Oct. 30, 2013, 9:42 am | more";
  std::optional<DateMatch> m = FindDate(s);
  ASSERT_TRUE(m);
  EXPECT_EQ(s.substr(m->begin, m->end - m->begin), "Oct. 30, 2013, 9:42 am");
}

TEST(ParseDateTest, ToIsoRoundTrips) {
  for (std::string_view s : {"2013-10-30T09:42:00+02:00", "XXXX-05-28T23:59", "1999-12-31T00:00:60Z",
                             "2013-10-30", "2013-10"}) {
    std::optional<PartialDateTime> a = ParseDate(s, {.whole_string = true});
    ASSERT_TRUE(a) << s;
    std::optional<PartialDateTime> b = ParseDate(a->ToIso(), {.whole_string = true});
    ASSERT_TRUE(b) << s;
    EXPECT_EQ(*a, *b) << s;
  }
}

}  // namespace
}  // namespace storyline::meta
