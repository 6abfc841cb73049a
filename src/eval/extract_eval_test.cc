#include "eval/extract_eval.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "html/extract.h"

namespace storyline::eval {
namespace {

std::string JoinParagraphs(const html::ExtractedPage& page) {
  std::string out;
  for (const std::string& p : page.paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

ExtractFn HtmlExtractor(html::HtmlParser parser) {
  return [parser](std::string_view bytes, std::string_view) -> Result<std::string> {
    html::HtmlExtractOptions options;
    options.parser = parser;
    STORYLINE_ASSIGN_OR_RETURN(html::ExtractedPage page, html::ExtractHtml(bytes, options));
    return JoinParagraphs(page);
  };
}

TEST(WordTokensTest, MatchesPythonWordRegex) {
  std::vector<std::string_view> t = WordTokens("Hello, wörld! it's 3.5 _x_ naïve—Ελλάδα 日本語");
  std::vector<std::string_view> want = {"Hello", "wörld", "it", "s", "3", "5",
                                        "_x_", "naïve", "Ελλάδα", "日本語"};
  EXPECT_EQ(t, want);
  EXPECT_TRUE(WordTokens("").empty());
  EXPECT_TRUE(WordTokens(" ... —").empty());
}

TEST(MatchShinglesTest, IdenticalTextsMatchFully) {
  ShingleMatch m = MatchShingles("one two three four five", "one two three four five");
  EXPECT_DOUBLE_EQ(m.tp, 1.0);
  EXPECT_DOUBLE_EQ(m.fp, 0.0);
  EXPECT_DOUBLE_EQ(m.fn, 0.0);
}

TEST(MatchShinglesTest, CountsMultisetsAndNormalises) {
  // truth: 2 shingles (a b c d, b c d e); pred: 1 shared + 1 extra.
  ShingleMatch m = MatchShingles("a b c d e", "a b c d x");
  EXPECT_DOUBLE_EQ(m.tp, 1.0 / 3);
  EXPECT_DOUBLE_EQ(m.fp, 1.0 / 3);
  EXPECT_DOUBLE_EQ(m.fn, 1.0 / 3);
  // Repeated shingles count as many times as they occur.
  ShingleMatch r = MatchShingles("a b c d", "a b c d. a b c d");
  EXPECT_GT(r.fp, 0.0);
}

TEST(MatchShinglesTest, ShortAndEmptyTexts) {
  // Fewer than 4 tokens: one shingle of all tokens.
  EXPECT_DOUBLE_EQ(MatchShingles("a b", "a b").tp, 1.0);
  EXPECT_DOUBLE_EQ(MatchShingles("a b", "a b c").tp, 0.0);
  ShingleMatch empty = MatchShingles("", "");
  EXPECT_EQ(empty.tp + empty.fp + empty.fn, 0.0);
  ShingleMatch miss = MatchShingles("a b c d", "");
  EXPECT_DOUBLE_EQ(miss.fn, 1.0);
}

TEST(SummarizeTest, AveragesPrecisionAndRecallThenHarmonicMean) {
  ExtractEvalReport report;
  PageScore a;
  a.match = {0.5, 0.5, 0.0};  // P 0.5, R 1
  PageScore b;
  b.match = {0.0, 0.0, 1.0};  // empty prediction: only in recall (0)
  b.exact_match = false;
  PageScore c;
  c.match = {1.0, 0.0, 0.0};
  c.exact_match = true;
  report.pages = {a, b, c};
  Summarize(&report);
  EXPECT_DOUBLE_EQ(report.precision, 0.75);             // (0.5 + 1) / 2
  EXPECT_DOUBLE_EQ(report.recall, 2.0 / 3);             // (1 + 0 + 1) / 3
  EXPECT_NEAR(report.f1, 2 * 0.75 * (2.0 / 3) / (0.75 + 2.0 / 3), 1e-12);
  EXPECT_DOUBLE_EQ(report.accuracy, 1.0 / 3);
}

TEST(EvaluateExtractionTest, MissingFolderIsNotFound) {
  auto r = EvaluateExtraction("/nonexistent/folder", HtmlExtractor(html::HtmlParser::kFast));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

std::string ZyteDev(const std::string& shared) {
  return shared + "/data/extraction/zyte-dev";
}

void PrintWorst(const ExtractEvalReport& report, size_t k) {
  std::vector<const PageScore*> pages;
  for (const PageScore& p : report.pages) pages.push_back(&p);
  std::sort(pages.begin(), pages.end(),
            [](const PageScore* a, const PageScore* b) { return a->f1 < b->f1; });
  for (size_t i = 0; i < std::min(k, pages.size()); ++i) {
    const PageScore& p = *pages[i];
    std::printf("  P=%.3f R=%.3f F1=%.3f truth=%zu pred=%zu %s %s\n", p.precision, p.recall,
                p.f1, p.truth_chars, p.predicted_chars, p.id.substr(0, 12).c_str(),
                p.url.c_str());
  }
}

// Regression guard for the fast extractor on the Zyte dev half.
TEST(ZyteDevTest, FastExtractorScoresWell) {
  STORYLINE_REQUIRE_SHARED(shared);
  auto report = EvaluateExtraction(ZyteDev(shared), HtmlExtractor(html::HtmlParser::kFast));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::printf("zyte-dev fast: n=%zu P=%.4f R=%.4f F1=%.4f accuracy=%.4f (%.1f pages/s)\n",
              report->n, report->precision, report->recall, report->f1, report->accuracy,
              report->n / report->seconds);
  if (std::getenv("STORYLINE_PRINT_WORST") != nullptr) PrintWorst(*report, 30);
  EXPECT_EQ(report->n, 91u);
  EXPECT_EQ(report->failures, 0u);
  EXPECT_GE(report->f1, 0.96);  // measured 0.976
}

// The fast parser and the gumbo twin give the same extraction on real pages.
TEST(ZyteDevTest, FastParserAgreesWithGumbo) {
  STORYLINE_REQUIRE_SHARED(shared);
  std::vector<std::string> fast_texts;
  ExtractFn fast = HtmlExtractor(html::HtmlParser::kFast);
  ExtractFn gumbo = HtmlExtractor(html::HtmlParser::kGumbo);
  size_t agree = 0, total = 0;
  ExtractFn both = [&](std::string_view bytes, std::string_view url) -> Result<std::string> {
    STORYLINE_ASSIGN_OR_RETURN(std::string a, fast(bytes, url));
    STORYLINE_ASSIGN_OR_RETURN(std::string b, gumbo(bytes, url));
    ShingleMatch m = MatchShingles(b, a);
    double f1 = m.tp == 0 ? (m.fp + m.fn == 0 ? 1.0 : 0.0) : 2 * m.tp / (2 * m.tp + m.fp + m.fn);
    ++total;
    if (f1 >= 0.95) {
      ++agree;
    } else {
      std::printf("  fast/gumbo disagree (F1 %.3f): %s\n", f1, std::string(url).c_str());
    }
    return a;
  };
  auto report = EvaluateExtraction(ZyteDev(shared), both);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::printf("fast vs gumbo: %zu of %zu pages agree (F1 >= 0.95)\n", agree, total);
  EXPECT_GE(agree * 100, total * 90);
}

}  // namespace
}  // namespace storyline::eval
