// Throughput of the per-record ingest path (decode, clean, metadata,
// normalise, sentence split, hash), one thread, no store: the issue's
// targets are >= 500 HTML pages/s and >= 5,000 text articles/s per core.
// Corpora: the Zyte development pages and the Timeline17 development
// articles from ../shared. Reports items/s, MB/s and peak RSS.
#include <benchmark/benchmark.h>

#include "bench_corpus.h"
#include "storyline/pipeline.h"

namespace storyline::bench {
namespace {

void RunPipeline(benchmark::State& state, const std::vector<ingest::RawRecord>& records,
                 const PipelineOptions& options) {
  if (records.empty()) {
    state.SkipWithError("corpus not found under ../shared (set STORYLINE_SHARED)");
    return;
  }
  size_t bytes = 0, sentences = 0, failed = 0;
  for (const auto& r : records) bytes += r.content.size();
  for (auto _ : state) {
    for (const auto& r : records) {
      Result<Article> a = BuildArticle(r, options);
      if (a.ok()) {
        sentences += a->sentences.size();
        benchmark::DoNotOptimize(a->content_hash);
      } else {
        ++failed;
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * records.size());
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["rejected"] = static_cast<double>(failed) / state.iterations();
  state.counters["peak_rss_MB"] = PeakRssMb();
}

void BM_HtmlPages(benchmark::State& state) {
  static const auto* pages = new std::vector<ingest::RawRecord>(ZytePages());
  PipelineOptions options;
  options.html.parser = state.range(0) == 0 ? html::HtmlParser::kFast : html::HtmlParser::kGumbo;
  RunPipeline(state, *pages, options);
  state.SetLabel(state.range(0) == 0 ? "zyte-dev, fast parser" : "zyte-dev, gumbo");
}
BENCHMARK(BM_HtmlPages)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_TextArticles(benchmark::State& state) {
  static const auto* articles = new std::vector<ingest::RawRecord>(Timeline17Articles(4000));
  RunPipeline(state, *articles, PipelineOptions{});
  state.SetLabel("timeline17-dev articles");
}
BENCHMARK(BM_TextArticles)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace storyline::bench

BENCHMARK_MAIN();
