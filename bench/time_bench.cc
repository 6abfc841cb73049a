// Throughput of time expression recognition and normalisation (TimeTagger on
// article bodies with their sentences, anchored on the publication date),
// one thread, and of the quantity finder. The target is >= 10 MB/s
// of text per core. Corpus: the Timeline17 development articles from
// ../shared, built once with the product's pipeline (not timed). Reports
// MB/s, articles/s, expressions per article and peak RSS.
#include <benchmark/benchmark.h>

#include "bench_corpus.h"
#include "extract/quantities.h"
#include "storyline/pipeline.h"
#include "time/timex.h"

namespace storyline::bench {
namespace {

const std::vector<Article>& Articles() {
  static const auto* articles = [] {
    auto* out = new std::vector<Article>;
    PipelineOptions options;
    for (const auto& r : Timeline17Articles(4000)) {
      Result<Article> a = BuildArticle(r, options);
      if (a.ok()) out->push_back(std::move(*a));
    }
    return out;
  }();
  return *articles;
}

void BM_TimeTagger(benchmark::State& state) {
  const auto& articles = Articles();
  if (articles.empty()) {
    state.SkipWithError("corpus not found under ../shared (set STORYLINE_SHARED)");
    return;
  }
  std::vector<time::Anchor> anchors;
  size_t bytes = 0;
  for (const auto& a : articles) {
    anchors.push_back(time::ChooseAnchor(a));
    bytes += a.body.size();
  }
  time::TimeTagger tagger;
  std::vector<time::TimeExpression> found;
  size_t expressions = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < articles.size(); ++i) {
      found.clear();
      tagger.Tag(articles[i], anchors[i], &found);
      expressions += found.size();
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * articles.size());
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["expr/article"] =
      static_cast<double>(expressions) / (state.iterations() * articles.size());
  state.counters["peak_rss_MB"] = PeakRssMb();
  state.SetLabel("timeline17-dev bodies");
}
BENCHMARK(BM_TimeTagger)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Quantities(benchmark::State& state) {
  const auto& articles = Articles();
  if (articles.empty()) {
    state.SkipWithError("corpus not found under ../shared (set STORYLINE_SHARED)");
    return;
  }
  size_t bytes = 0;
  for (const auto& a : articles) bytes += a.body.size();
  std::vector<extract::Quantity> found;
  for (auto _ : state) {
    for (const auto& a : articles) {
      found.clear();
      extract::FindQuantities(a.body, a.sentences, &found);
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * articles.size());
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["peak_rss_MB"] = PeakRssMb();
}
BENCHMARK(BM_Quantities)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace storyline::bench

BENCHMARK_MAIN();
