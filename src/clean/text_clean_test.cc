#include "clean/text_clean.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace storyline::clean {
namespace {

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string ReasonOf(const CleanedText& c, std::string_view line) {
  for (const RemovedLine& r : c.removed) {
    if (r.text == line) return r.reason;
  }
  return "";
}

constexpr std::string_view kBodyA = "The council met on Monday to discuss the water shortage in the valley.";
constexpr std::string_view kBodyB = "Officials said a decision on new wells would follow within weeks.";

std::string Page(std::initializer_list<std::string_view> lines) {
  std::string out;
  for (std::string_view l : lines) {
    out += l;
    out += "\n\n";
  }
  return out;
}

TEST(CleanTextPageTest, TitleAfterNavigationAndShareLines) {
  CleanedText c = CleanTextPage(Page({"Skip to main content", "Home", "Valley Council Weighs New Wells",
                                      kBodyA, kBodyB, "Share this article", "Print"}));
  EXPECT_EQ(c.title, "Valley Council Weighs New Wells");
  ASSERT_EQ(c.paragraphs.size(), 2u);
  EXPECT_EQ(c.paragraphs[0], kBodyA);
  EXPECT_EQ(ReasonOf(c, "Skip to main content"), "navigation");
  EXPECT_EQ(ReasonOf(c, "Share this article"), "share");
  EXPECT_EQ(ReasonOf(c, "Print"), "share");
}

TEST(CleanTextPageTest, CreditsAreKeptAsMetadata) {
  CleanedText c = CleanTextPage(Page({"Valley Council Weighs New Wells", kBodyA, kBodyB,
                                      "(Reporting by Ann Lee; Editing by Tom Roe)", "Source: Agencies"}));
  EXPECT_TRUE(Has(c.credits, "(Reporting by Ann Lee; Editing by Tom Roe)"));
  EXPECT_TRUE(Has(c.credits, "Source: Agencies"));
  EXPECT_EQ(c.paragraphs.size(), 2u);
  c = CleanTextPage(Page({"Valley Council Weighs New Wells", kBodyA, "Jane Roe contributed to this report."}));
  EXPECT_TRUE(Has(c.credits, "Jane Roe contributed to this report."));
}

TEST(CleanTextPageTest, SentenceOpeningLikeACreditStays) {
  std::string_view s = "Sources close to the council said the vote could slip to next month.";
  CleanedText c = CleanTextPage(Page({"Valley Council Weighs New Wells", s, kBodyA}));
  EXPECT_TRUE(Has(c.paragraphs, s));
}

TEST(CleanTextPageTest, ForeignScriptLanguageLink) {
  CleanedText c = CleanTextPage(Page({"Valley Council Weighs New Wells", "\xD0\xA7\xD0\xB8\xD1\x82\xD0\xB0\xD1\x82\xD1\x8C "
                                      "\xD0\xBF\xD0\xBE-\xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8 X12",
                                      kBodyA, "Read this in French"}));
  ASSERT_EQ(c.removed.size(), 2u);
  EXPECT_EQ(c.removed[0].reason, "language-link");
  EXPECT_EQ(c.removed[1].reason, "language-link");
  EXPECT_EQ(c.paragraphs.size(), 1u);
}

TEST(CleanTextPageTest, CaptionPrintedTwiceIsKeptOnce) {
  std::string_view cap = "Farmers (left) inspect a dry well near the river [AP]";
  CleanedText c = CleanTextPage(Page({"Valley Council Weighs New Wells", cap, cap, kBodyA}));
  ASSERT_EQ(c.captions.size(), 1u);
  EXPECT_EQ(c.captions[0], cap);
  EXPECT_EQ(ReasonOf(c, cap), "duplicate");
  EXPECT_FALSE(Has(c.paragraphs, cap));
}

TEST(CleanTextPageTest, CaptionWithPositionMarkerFollowedBySingleNewline) {
  std::string text = "Valley Council Weighs New Wells\n\nThe mayor (right) and her deputy at the well\n";
  text += kBodyA;
  CleanedText c = CleanTextPage(text);
  EXPECT_TRUE(Has(c.captions, "The mayor (right) and her deputy at the well"));
  EXPECT_EQ(c.paragraphs.size(), 1u);
}

TEST(CleanTextPageTest, CaptionWithPhotoCredit) {
  CleanedText c = CleanTextPage(Page({"Valley Council Weighs New Wells", kBodyA,
                                      "A dry riverbed outside the town in August (AFP Photo)",
                                      "Workers repair a pump. Photo: Jane Roe", kBodyB}));
  EXPECT_EQ(c.captions.size(), 2u);
  EXPECT_EQ(c.paragraphs.size(), 2u);
}

TEST(CleanTextPageTest, StampLineGoesToStamps) {
  CleanedText c = CleanTextPage(Page({"Valley Council Weighs New Wells", "Updated: March 3, 2014, 4:10 pm",
                                      kBodyA}));
  EXPECT_TRUE(Has(c.stamps, "Updated: March 3, 2014, 4:10 pm"));
  EXPECT_EQ(c.title, "Valley Council Weighs New Wells");
}

TEST(CleanTextPageTest, FooterAfterClosingCredit) {
  CleanedText c = CleanTextPage(Page({"Valley Council Weighs New Wells", kBodyA, kBodyB, "With reporting by AP",
                                      "\xE2\x80\xA2 16x9 Image",
                                      "The Valley Herald has covered the region since 1902 and is read by many."}));
  EXPECT_EQ(c.paragraphs.size(), 2u);
  EXPECT_EQ(ReasonOf(c, "\xE2\x80\xA2 16x9 Image"), "image");
  EXPECT_EQ(ReasonOf(c, "The Valley Herald has covered the region since 1902 and is read by many."), "footer");
}

TEST(CleanTextPageTest, ShortNewsSentenceSurvives) {
  std::string_view s = "No date for the vote has yet been agreed.";
  CleanedText c = CleanTextPage(Page({"Valley Council Weighs New Wells", kBodyA, s, "Comments 3"}));
  EXPECT_TRUE(Has(c.paragraphs, s));
  EXPECT_EQ(ReasonOf(c, "Comments 3"), "comment");
}

TEST(CleanTextPageTest, WhitespaceAndBulletLines) {
  CleanedText c = CleanTextPage("Valley Council Weighs New Wells\n\xC2\xA0 \n\xE2\x80\xA2 \xE2\x80\xA2\n" +
                                std::string(kBodyA));
  EXPECT_EQ(ReasonOf(c, "\xC2\xA0 "), "blank");
  EXPECT_EQ(ReasonOf(c, "\xE2\x80\xA2 \xE2\x80\xA2"), "symbols");
  EXPECT_EQ(c.paragraphs.size(), 1u);
}

TEST(CleanTextPageTest, NoTitleWhenPageStartsWithSentence) {
  CleanedText c = CleanTextPage(Page({kBodyA, kBodyB}));
  EXPECT_EQ(c.title, "");
  EXPECT_EQ(c.paragraphs.size(), 2u);
  c = CleanTextPage(Page({"Valley Council Weighs New Wells", kBodyA}), {.find_title = false});
  EXPECT_EQ(c.title, "");
  EXPECT_EQ(c.paragraphs.size(), 2u);
}

TEST(CleanTextPageTest, RepeatedSentenceKeptOnce) {
  CleanedText c = CleanTextPage(Page({"Valley Council Weighs New Wells", kBodyA, kBodyB, kBodyA}));
  EXPECT_EQ(c.paragraphs.size(), 2u);
  EXPECT_EQ(ReasonOf(c, kBodyA), "duplicate");
}

TEST(CleanTextPageTest, EmptyAndOddInput) {
  EXPECT_TRUE(CleanTextPage("").paragraphs.empty());
  EXPECT_TRUE(CleanTextPage("\n\n\r\n").paragraphs.empty());
  CleanedText c = CleanTextPage(std::string_view("A\0B", 3));
  EXPECT_LE(c.paragraphs.size(), 1u);
}

TEST(CleanTextPageTest, EveryLineIsAccountedFor) {
  std::string text = Page({"Follow us on:", "Valley Council Weighs New Wells", "June 2, 2014", kBodyA,
                           "Source: Agencies"});
  CleanedText c = CleanTextPage(text);
  size_t n = (c.title.empty() ? 0 : 1) + c.paragraphs.size() + c.credits.size() + c.captions.size() +
             c.stamps.size() + c.removed.size();
  EXPECT_EQ(n, 5u);
}

}  // namespace
}  // namespace storyline::clean

namespace storyline::clean {
namespace {

// Bug: a pipe-separated menu above the headline was taken as the title.
TEST(CleanTextPageTest, MenuLineAboveTitleIsNavigation) {
  CleanedText c = CleanTextPage(
      "Home | World | Business | Sport\n\nHarbour Workers End Strike\n\n"
      "Dock workers returned to work on Monday after a two-week strike over pay.\n");
  EXPECT_EQ(c.title, "Harbour Workers End Strike");
  ASSERT_EQ(c.paragraphs.size(), 1u);
  // A headline with the site name after one bar is still a title.
  CleanedText d = CleanTextPage(
      "Harbour Workers End Strike | The Coast Times\n\n"
      "Dock workers returned to work on Monday after a two-week strike over pay.\n");
  EXPECT_EQ(d.title, "Harbour Workers End Strike | The Coast Times");
}

}  // namespace
}  // namespace storyline::clean

namespace storyline::clean {
namespace {

bool BodyHas(const CleanedText& c, std::string_view s) {
  for (const auto& p : c.paragraphs) {
    if (p.find(s) != std::string::npos) return true;
  }
  return false;
}

// Bug: Japanese sentences (no spaces) counted as one "word" each and were
// trimmed as navigation.
TEST(CleanTextPageTest, CjkSentencesAreNotShortLines) {
  TextCleanOptions o;
  o.find_title = false;
  CleanedText c = CleanTextPage(
      "設定画面からは変更できません。\n\n困った挙げ句、別の方法で設定を変更しました。\n", o);
  EXPECT_EQ(c.paragraphs.size(), 2u);
}

// Bug: short list items repeated further down (a recipe's steps) were removed
// as duplicates; only a line printed twice in a row, or a repeated long
// paragraph, is furniture.
TEST(CleanTextPageTest, ShortRepeatsFarApartAreContent) {
  TextCleanOptions o;
  o.find_title = false;
  CleanedText c = CleanTextPage(
      "Breakfast is at seven, before the walk to the harbour begins.\n\nEat slowly\n\n"
      "Lunch is served at noon in the hall by the quay.\n\nEat slowly\n\n"
      "Dinner follows the evening talk, which usually ends at eight.\n", o);
  int n = 0;
  for (const auto& p : c.paragraphs) n += p == "Eat slowly";
  EXPECT_EQ(n, 2);
}

// Bug: a date line deep in the body (an exhibition's dates) was removed as a
// publication stamp.
TEST(CleanTextPageTest, DateLinesBelowTheTopAreContent) {
  TextCleanOptions o;
  o.find_title = false;
  std::string page;
  for (int i = 0; i < 10; ++i) page += "The festival shows new light installations along the canals this winter.\n\n";
  page += "29 November 2018 | 20 January 2019\n";
  CleanedText c = CleanTextPage(page, o);
  EXPECT_TRUE(c.stamps.empty());
  EXPECT_TRUE(BodyHas(c, "29 November 2018"));
}

// Bug: a long quotation in Arabic script inside an English article was taken
// for a "read this in Arabic" link.
TEST(CleanTextPageTest, LongForeignScriptQuotesStay) {
  TextCleanOptions o;
  o.find_title = false;
  CleanedText c = CleanTextPage(
      "The preacher quoted a verse that his listeners knew by heart.\n\n"
      "كن حليما مع من يخالفك واصبر على ما يقولون فإن الصبر مفتاح الفرج دائما\n\n"
      "He then explained its meaning in English to the crowd gathered outside.\n", o);
  EXPECT_EQ(c.paragraphs.size(), 3u);
}

}  // namespace
}  // namespace storyline::clean
