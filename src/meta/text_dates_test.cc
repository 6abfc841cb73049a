#include "meta/text_dates.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::meta {
namespace {

TEST(FindDatelineTest, PlaceDateAgencyEnDash) {
  std::string_view p = "LONDON, June 3 (Xinhua) \xE2\x80\x93 Ministers met today.";
  std::optional<Dateline> d = FindDateline(p);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "LONDON");
  ASSERT_TRUE(d->date);
  EXPECT_EQ(d->date->ToIso(), "XXXX-06-03");
  EXPECT_EQ(d->agency, "Xinhua");
  EXPECT_EQ(p.substr(d->length), "Ministers met today.");
}

TEST(FindDatelineTest, PlaceAgencyHyphen) {
  std::optional<Dateline> d = FindDateline("WASHINGTON (Reuters) - The Senate voted on Tuesday.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "WASHINGTON");
  EXPECT_FALSE(d->date);
  EXPECT_EQ(d->agency, "Reuters");
}

TEST(FindDatelineTest, PlaceRegionEmDashWithoutAgency) {
  std::string_view p = "BEIRUT, Lebanon \xE2\x80\x94 Shelling resumed overnight.";
  std::optional<Dateline> d = FindDateline(p);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "BEIRUT");
  EXPECT_TRUE(d->agency.empty());
  EXPECT_EQ(p.substr(d->length), "Shelling resumed overnight.");
}

TEST(FindDatelineTest, SlashAgencyAndPeriod) {
  std::string_view p = "MOSCOW, October 29 /ITAR-TASS/. The minister said.";
  std::optional<Dateline> d = FindDateline(p);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "MOSCOW");
  EXPECT_EQ(d->date->ToIso(), "XXXX-10-29");
  EXPECT_EQ(d->agency, "ITAR-TASS");
  EXPECT_EQ(p.substr(d->length), "The minister said.");
}

TEST(FindDatelineTest, MultiWordPlacesAndTitleCase) {
  std::optional<Dateline> d = FindDateline("UNITED NATIONS (AP) \xE2\x80\x94 Diplomats said.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "UNITED NATIONS");
  EXPECT_EQ(d->agency, "AP");
  d = FindDateline("Geneva, Jan 22 (AFP) - Talks opened.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Geneva");
  EXPECT_EQ(d->date->ToIso(), "XXXX-01-22");
  d = FindDateline("Rio de Janeiro, Brazil, March 4, 2012 (AP) - Rain fell.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Rio de Janeiro");
  EXPECT_EQ(d->date->ToIso(), "2012-03-04");
  d = FindDateline("Tokyo, Nov. 2 - Markets fell.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date->ToIso(), "XXXX-11-02");
}

TEST(FindDatelineTest, AgencyAlone) {
  std::optional<Dateline> d = FindDateline("(CNN) -- Protesters gathered again.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "");
  EXPECT_EQ(d->agency, "CNN");
}

TEST(FindDatelineTest, OrdinarySentencesAreNotDatelines) {
  for (std::string_view p : {
           "Moscow is hoping that the opposition will take a constructive approach.",
           "However, it remained unclear whether the opposition will take part.",
           "Kerry - who arrived late - said nothing.",
           "Lavrov, Kerry and Fabius met (in private) on Monday.",
           "The U.S. and Russia - the sponsors - disagree.",
           "Iran has rejected the charges (see below) - officials said.",
           "Paris, the French capital, hosted the dinner.",
           "\"We are committed,\" Kerry said - and left.",
           "NATO said on Monday - in a statement - that it would act.",
           "",
           "   ",
       }) {
    EXPECT_FALSE(FindDateline(p)) << p;
  }
}

TEST(ParseStampLineTest, Stamps) {
  struct Case {
    std::string_view line;
    std::string_view iso;
  } cases[] = {
      {"October 30, 2013, 9:42 am", "2013-10-30T09:42"},
      {"Updated: October 30, 2013", "2013-10-30"},
      {"Last updated 30 Oct 2013 14:02 GMT", "2013-10-30T14:02Z"},
      {"Published 30.10.2013 | 09:42", "2013-10-30T09:42"},
      {"Posted on Wednesday, October 30, 2013", "2013-10-30"},
      {"Updated 14:02 GMT", "T14:02Z"},
      {"Page last updated at 14:02 GMT, Monday, 8 February 2010", "2010-02-08T14:02Z"},
      {"\xC2\xA0 2013-10-30 \xC2\xA0", "2013-10-30"},
      {"Published: 30 Oct 2013 - Updated: 31 Oct 2013", "2013-10-30"},
  };
  for (const Case& c : cases) {
    std::optional<PartialDateTime> v = ParseStampLine(c.line);
    ASSERT_TRUE(v) << c.line;
    EXPECT_EQ(v->ToIso(), c.iso) << c.line;
  }
}

TEST(ParseStampLineTest, SentencesAndOthersAreNotStamps) {
  for (std::string_view line : {
           "The conference would start on November 23, although nothing is fixed.",
           "Talks are set for October 30, 2013.",
           "On May 26 rockets hit Beirut",
           "Noon",
           "October 2013",
           "Comments 0",
           "Kerry to Meet Lavrov",
           "2013",
           "",
       }) {
    EXPECT_FALSE(ParseStampLine(line)) << line;
  }
}

}  // namespace
}  // namespace storyline::meta

namespace storyline::meta {
namespace {

// Bug: a dateline naming an outlet missing from data/meta/agencies.txt was
// not found ("REYKJAVIK, April 24 (Harbour Daily) - ...").
TEST(FindDatelineTest, UnlistedOutletInBracketsWithDash) {
  std::optional<Dateline> d = FindDateline("REYKJAVIK, April 24 (Harbour Daily) - Ministers signed a deal.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "REYKJAVIK");
  EXPECT_EQ(d->agency, "Harbour Daily");
  ASSERT_TRUE(d->date);
  EXPECT_EQ(d->date->ToIso(), "XXXX-04-24");
  // Without the dash, a bracket after a capitalised opening is just a sentence.
  EXPECT_FALSE(FindDateline("Oslo (the capital) said on Monday it would sign."));
  EXPECT_FALSE(FindDateline("Officials (Harbour Police) - said nothing."));
}

}  // namespace
}  // namespace storyline::meta
