#include <gtest/gtest.h>

#include "storyline/pipeline.h"

namespace storyline {
namespace {

ingest::RawRecord TextRecord(std::string content) {
  ingest::RawRecord r;
  r.input = "test.txt";
  r.container = InputFormat::kText;
  r.content = std::move(content);
  r.external_id = "test";
  return r;
}

// Bug: with min_body_chars = 0 a page whose body cleaned away to nothing
// crashed on the missing first paragraph; it must be rejected instead.
TEST(BuildArticleTest, EmptyBodyIsRejectedEvenWithoutMinimum) {
  PipelineOptions options;
  options.min_body_chars = 0;
  ingest::RawRecord r = TextRecord("Share this article\n\nComments 0\n");
  Result<Article> a = BuildArticle(r, options);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("no article text"), std::string::npos) << a.status().message();
  r.is_html = true;
  r.content = "<html><body><nav><a href='/'>Home</a></nav></body></html>";
  EXPECT_FALSE(BuildArticle(r, options).ok());
}

TEST(BuildArticleTest, GivenTitleWinsAndFirstLineStaysBodyWhenDifferent) {
  ingest::RawRecord r = TextRecord(
      "Subhead That Is Not The Title\n\nThe council voted on Tuesday to rebuild the old bridge, officials said.\n");
  r.title = "Council Votes to Rebuild Bridge";
  Result<Article> a = BuildArticle(r, PipelineOptions{});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Council Votes to Rebuild Bridge");
  EXPECT_EQ(a->body.rfind("Subhead That Is Not The Title", 0), 0u) << a->body;
}

TEST(BuildArticleTest, ContainerDateBeatsTextAndTextNeverInventsAYear) {
  ingest::RawRecord r = TextRecord(
      "Bridge Reopens\n\nOSLO, May 3 (Example Wire) - The bridge reopened on Friday after repairs, "
      "the city said.\n");
  Result<Article> undated = BuildArticle(r, PipelineOptions{});
  ASSERT_TRUE(undated.ok()) << undated.status().ToString();
  EXPECT_EQ(undated->published.value, "XXXX-05-03");
  EXPECT_EQ(undated->published.source, "text:dateline");
  EXPECT_EQ(undated->dateline_place, "OSLO");
  r.date = "2019-05-03T08:00:00Z";
  r.date_source = "jsonl:date";
  Result<Article> dated = BuildArticle(r, PipelineOptions{});
  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dated->published.value.rfind("2019-05-03", 0), 0u) << dated->published.value;
  EXPECT_EQ(dated->published.source, "jsonl:date");
}

TEST(BuildArticleTest, SentenceSpansPointIntoBodyAndHashIsStable) {
  ingest::RawRecord r = TextRecord(
      "Talks Resume\n\nU.S. officials met their counterparts on Monday. More than 90,000 people "
      "attended.\n\nA second paragraph follows here, with more text.\n");
  Result<Article> a = BuildArticle(r, PipelineOptions{});
  Result<Article> b = BuildArticle(r, PipelineOptions{});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->content_hash, b->content_hash);
  ASSERT_EQ(a->paragraphs.size(), 2u);
  ASSERT_EQ(a->sentences.size(), 3u);
  EXPECT_EQ(a->sentences[0].In(a->body), "U.S. officials met their counterparts on Monday.");
  EXPECT_EQ(a->sentences[1].In(a->body), "More than 90,000 people attended.");
  EXPECT_EQ(a->sentences[2].begin, a->paragraphs[1].begin);
}

TEST(BuildArticleTest, OutletFallsBackToUrlHost) {
  ingest::RawRecord r = TextRecord("Headline Here\n\nThe port reopened on Monday after the storm, officials said.\n");
  r.url = "https://www.example-news.org/2020/05/port";
  Result<Article> a = BuildArticle(r, PipelineOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->outlet, "example-news.org");
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(BuildArticleTest, PlaceholderOutletIsNoOutlet) {
  ingest::RawRecord r = TextRecord("Headline Here\n\nThe port reopened on Monday after the storm, officials said.\n");
  r.outlet = "unknown";
  Result<Article> a = BuildArticle(r, PipelineOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->outlet, "");
}

}  // namespace
}  // namespace storyline
