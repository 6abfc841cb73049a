#include "html/extract.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::html {
namespace {

// A news page written for this test: navigation, a share box, the article,
// related links, comments and a footer around it.
constexpr char kNewsPage[] = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Coastal Gazette</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="og:site_name" content="The Coastal Gazette">
<meta property="article:published_time" content="2021-03-04T09:30:00Z">
<meta name="author" content="Mira Olsen">
<link rel="canonical" href="https://gazette.example/news/bridge">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","name":"Bridge page"},
 {"@type":"NewsArticle","headline":"Bridge reopens","datePublished":"2021-03-04",
  "author":[{"@type":"Person","name":"Mira Olsen"}],
  "publisher":{"@type":"Organization","name":"Coastal Gazette Ltd"}}]}
</script>
<script>var html = "<p>not text</p>";</script>
</head><body>
<nav><ul><li><a href="/">Home</a><li><a href="/news">News</a><li><a href="/sport">Sport</a></ul></nav>
<div class="page">
 <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
 <article>
  <h1>Harbour bridge reopens after repairs</h1>
  <time datetime="2021-03-04T09:30">4 March 2021</time>
  <div class="article-body">
   <p>The harbour bridge reopened to traffic on Thursday morning after eight months of repairs,
   the city council said, ending long detours for thousands of commuters.</p>
   <p>Engineers replaced the worn bearings and resurfaced the deck; the work cost
   &pound;12&nbsp;million, slightly less than the council had budgeted.
   <p>&ldquo;We are delighted to see it open again,&rdquo; said the council leader, who
   thanked residents for their patience during the closure.</p>
   <h2>What changes for cyclists</h2>
   <p>A new cycle lane runs along the eastern side, separated from cars by a low barrier,
   and the speed limit on the bridge is now 20 mph.<br>Work on the approach roads ends in May.</p>
   <figure><img src="b.jpg"><figcaption>The bridge at dawn. Photo: Staff</figcaption></figure>
   <div style="display:none"><p>Hidden text that readers never see, long enough to count.</p></div>
  </div>
 </article>
 <div class="related-stories"><h3>Related</h3><ul>
  <li><a href="/a">Council approves budget for next year's road works programme</a>
  <li><a href="/b">Ferry timetable changes announced for the summer season</a></ul></div>
 <div id="comments"><p>Great news, finally I can drive to work again without the long detour!</p></div>
</div>
<footer><p>&copy; 2021 The Coastal Gazette. All rights reserved.</p></footer>
</body></html>)";

TEST(ExtractHtmlTest, KeepsArticleParagraphsAndDropsBoilerplate) {
  auto page = ExtractHtml(kNewsPage);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  std::string all;
  for (const auto& p : page->paragraphs) all += p + "\n";
  EXPECT_NE(all.find("The harbour bridge reopened to traffic on Thursday morning"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("£12 million, slightly less"), std::string::npos) << all;
  EXPECT_NE(all.find("“We are delighted to see it open again,” said"), std::string::npos);
  EXPECT_NE(all.find("What changes for cyclists"), std::string::npos);
  EXPECT_NE(all.find("Work on the approach roads ends in May."), std::string::npos);
  for (const char* boilerplate : {"Home", "Share on Facebook", "Council approves", "Great news",
                                  "All rights reserved", "Hidden text", "Photo: Staff",
                                  "not text"}) {
    EXPECT_EQ(all.find(boilerplate), std::string::npos) << boilerplate << "\n" << all;
  }
  // Unclosed <p> and <br> make separate paragraphs.
  ASSERT_GE(page->paragraphs.size(), 5u);
  EXPECT_EQ(page->paragraphs[1].rfind("Engineers replaced", 0), 0u);
  EXPECT_EQ(page->paragraphs[2].rfind("“We are delighted", 0), 0u);
}

TEST(ExtractHtmlTest, ReadsMetadata) {
  auto page = ExtractHtml(kNewsPage);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(page->site_name, "The Coastal Gazette");
  EXPECT_EQ(page->canonical_url, "https://gazette.example/news/bridge");
  EXPECT_EQ(page->language, "en-GB");
  EXPECT_EQ(page->author, "Mira Olsen");
  EXPECT_EQ(page->charset, "utf-8");
  ASSERT_GE(page->dates.size(), 3u);
  EXPECT_EQ(page->dates[0].value, "2021-03-04T09:30:00Z");
  EXPECT_EQ(page->dates[0].source, "html:meta:article:published_time");
  EXPECT_EQ(page->dates[1].value, "2021-03-04");
  EXPECT_EQ(page->dates[1].source, "html:json-ld:datePublished");
  EXPECT_EQ(page->dates[2].source, "html:time");
  EXPECT_EQ(page->dates[2].value, "2021-03-04T09:30");
}

TEST(ExtractHtmlTest, TitleFallsBackToTitleTagWithoutSiteSuffix) {
  auto page = ExtractHtml(
      "<title>Storm closes schools across the valley - Valley Times</title>"
      "<p>Short.</p>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Storm closes schools across the valley");
}

TEST(ExtractHtmlTest, JsonLdAndItempropDates) {
  auto page = ExtractHtml(
      "<script type=\"application/ld+json\">[{\"@type\":\"BlogPosting\","
      "\"headline\":\"A post\",\"datePublished\":\"2020-01-02T03:04:05+01:00\","
      "\"author\":\"Sam Lee\"}]</script>"
      "<script type=\"application/ld+json\">{ broken json </script>"
      "<span itemprop=\"datePublished\" content=\"2020-01-02\">2 Jan</span>"
      "<p>Body text of the post, long enough to be a paragraph of the article.</p>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "A post");
  EXPECT_EQ(page->author, "Sam Lee");
  ASSERT_EQ(page->dates.size(), 2u);
  EXPECT_EQ(page->dates[0].source, "html:json-ld:datePublished");
  EXPECT_EQ(page->dates[1].source, "html:itemprop:datePublished");
  EXPECT_EQ(page->dates[1].value, "2020-01-02");
}

TEST(ExtractHtmlTest, WrapperFormDoesNotHideThePage) {
  // ASP.NET pages wrap the whole body in a <form>.
  auto page = ExtractHtml(
      "<body><form id=aspnetForm><div class=story><p>The first paragraph of a story "
      "that sits inside a page-wide form element, as many sites do.</p><p>A second "
      "paragraph, with more words, commas, and a full stop.</p></div></form></body>");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->paragraphs.size(), 2u);
}

TEST(ExtractHtmlTest, TableRowsBecomeParagraphs) {
  auto page = ExtractHtml(
      "<div><p>Final standings after the last race of the season, with points.</p>"
      "<table><tr><td>1</td><td>Ana Silva</td><td>250</td></tr>"
      "<tr><td>2</td><td>Bo Chen</td><td>231</td></tr></table>"
      "<p>Silva won the title by nineteen points, her second in three years.</p></div>");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->paragraphs.size(), 4u);
  EXPECT_EQ(page->paragraphs[1], "1 Ana Silva 250");
}

TEST(ExtractHtmlTest, EmptyJunkAndHugeInputs) {
  EXPECT_TRUE(ExtractHtml("").ok());
  EXPECT_TRUE(ExtractHtml("<<<>>>&&&;;</</<!--").ok());
  std::string junk;
  for (int i = 0; i < 100000; ++i) junk.push_back(static_cast<char>((i * 2654435761u) >> 24));
  EXPECT_TRUE(ExtractHtml(junk).ok());
  // 50 MB of paragraphs and unclosed tags: linear time, no crash.
  std::string big;
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += "<div><p>Some words, and more words here.<span>";
  auto page = ExtractHtml(big);
  ASSERT_TRUE(page.ok());
  EXPECT_FALSE(page->paragraphs.empty());
}

TEST(ExtractHtmlTest, MinParagraphChars) {
  HtmlExtractOptions options;
  options.min_paragraph_chars = 30;
  auto page = ExtractHtml(
      "<div><p>A long paragraph that is certainly over the limit, with commas.</p>"
      "<p>Tiny one.</p></div>",
      options);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->paragraphs.size(), 1u);
}

TEST(SniffHtmlCharsetTest, MetaCharsetHttpEquivAndXml) {
  EXPECT_EQ(SniffHtmlCharset("<html><head><meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(SniffHtmlCharset(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(SniffHtmlCharset("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><html>"),
            "shift_jis");
  EXPECT_EQ(SniffHtmlCharset("<html><body><meta charset=koi8-r>"), "");
  EXPECT_EQ(SniffHtmlCharset(""), "");
}

}  // namespace
}  // namespace storyline::html
