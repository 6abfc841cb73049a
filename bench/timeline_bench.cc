// Timeline and summary speed (issue: a 1,000-article story in under a second
// on one core). The story is 1,000 real articles: the Timeline17
// development topics LibyaWar_cnn, LibyaWar_reuters and IraqWar_guardian, in
// that order, read in place from ../shared.
//  - BM_Prepare: sentence splitting and time tagging of the 1,000 articles
//    (what ingest does once and stores; reported for completeness);
//  - BM_Timeline: BuildTimeline with the default options (the dates chosen
//    from the collection, 40 for 1,000 articles), the cost of
//    `storyline timeline` once the articles are loaded;
//  - BM_Summary: Summarize, five sentences;
//  - BM_Series: BuildSeries, the tracked figures `storyline timeline` prints
//    after the entries.
// One thread. Results: bench/RESULTS.md.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "eval/tls_eval.h"
#include "events/code_article.h"
#include "timeline/timeline.h"

namespace storyline::bench {
namespace {

constexpr size_t kStoryArticles = 1000;

const std::vector<eval::TlsArticle>& StoryArticles() {
  static const auto* articles = [] {
    auto* out = new std::vector<eval::TlsArticle>();
    const std::string dir = SharedDir() + "/data/timelines/timeline17-dev/";
    for (const char* topic : {"LibyaWar_cnn", "LibyaWar_reuters", "IraqWar_guardian"}) {
      Result<eval::TlsTopic> t = eval::LoadTlsTopic(dir + topic);
      if (!t.ok()) continue;
      for (eval::TlsArticle& a : t->articles) {
        if (out->size() < kStoryArticles) out->push_back(std::move(a));
      }
    }
    return out;
  }();
  return *articles;
}

// Prepared as a stored story is: split, time-tagged and event-coded (the
// built-in dictionaries), so BuildTimeline weighs coded events as
// `storyline timeline` does. Coding is done once, outside the timings (it is
// done at ingest; bench/coder_bench.cc times it).
const std::vector<timeline::TimelineArticle>& Prepared() {
  static const auto* prepared = [] {
    auto dicts = coder::LoadDefault();
    std::unique_ptr<coder::Coder> event_coder;
    if (dicts.ok()) {
      auto created = coder::Coder::Create(*dicts, events::ArticleCoderOptions());
      if (created.ok()) event_coder = std::move(*created);
    }
    return new std::vector<timeline::TimelineArticle>(
        eval::PrepareTimelineArticles(StoryArticles(), event_coder.get()));
  }();
  return *prepared;
}

bool Missing(benchmark::State& state) {
  if (StoryArticles().size() == kStoryArticles) return false;
  state.SkipWithError("Timeline17 development topics not found under ../shared");
  return true;
}

void Report(benchmark::State& state) {
  size_t sentences = 0;
  for (const auto& a : Prepared()) sentences += a.sentences.size();
  state.SetItemsProcessed(state.iterations() * Prepared().size());
  state.counters["articles"] = static_cast<double>(Prepared().size());
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["peak_rss_MB"] = PeakRssMb();
}

void BM_Prepare(benchmark::State& state) {
  if (Missing(state)) return;
  for (auto _ : state) {
    std::vector<timeline::TimelineArticle> p = eval::PrepareTimelineArticles(StoryArticles());
    benchmark::DoNotOptimize(p.data());
  }
  Report(state);
}
BENCHMARK(BM_Prepare)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_Timeline(benchmark::State& state) {
  if (Missing(state)) return;
  const auto& articles = Prepared();
  size_t entries = 0;
  for (auto _ : state) {
    timeline::Timeline t = timeline::BuildTimeline(articles, {});
    entries = t.entries.size();
    benchmark::DoNotOptimize(t.entries.data());
  }
  Report(state);
  state.counters["entries"] = static_cast<double>(entries);
}
BENCHMARK(BM_Timeline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Summary(benchmark::State& state) {
  if (Missing(state)) return;
  const auto& articles = Prepared();
  for (auto _ : state) {
    std::vector<timeline::Citation> s = timeline::Summarize(articles, {});
    benchmark::DoNotOptimize(s.data());
  }
  Report(state);
}
BENCHMARK(BM_Summary)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_Series(benchmark::State& state) {
  if (Missing(state)) return;
  const auto& articles = Prepared();
  size_t points = 0;
  for (auto _ : state) {
    std::vector<timeline::Series> s = timeline::BuildSeries(articles);
    points = 0;
    for (const auto& se : s) points += se.points.size();
    benchmark::DoNotOptimize(s.data());
  }
  state.counters["points"] = static_cast<double>(points);
  Report(state);
}
BENCHMARK(BM_Series)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace storyline::bench

BENCHMARK_MAIN();
