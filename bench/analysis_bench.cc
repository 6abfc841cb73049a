// Throughput of sentence analysis (analysis::Analyzer::Analyze: tokenize,
// tag, chunk), one thread, over the sentences of the Timeline17 development
// articles built with the product's pipeline (not timed). Targets: >= 40,000
// sentences/s (~1M tokens/s) per core. Also the model's load time (base64
// decode + table build) and peak RSS.
#include <benchmark/benchmark.h>

#include "analysis/analyzer.h"
#include "analysis/tagger.h"
#include "bench_corpus.h"
#include "common/embedded_data.h"
#include "storyline/pipeline.h"

namespace storyline::bench {
namespace {

struct Corpus {
  std::vector<Article> articles;
  std::vector<std::string_view> sentences;
  size_t tokens = 0;
};

const Corpus& Sentences() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    PipelineOptions options;
    for (const auto& r : Timeline17Articles(4000)) {
      Result<Article> a = BuildArticle(r, options);
      if (a.ok()) c->articles.push_back(std::move(*a));
    }
    for (const Article& a : c->articles) {
      for (const Span& s : a.sentences) c->sentences.push_back(s.In(a.body));
    }
    return c;
  }();
  return *corpus;
}

void BM_Analyze(benchmark::State& state) {
  const Corpus& corpus = Sentences();
  if (corpus.sentences.empty()) {
    state.SkipWithError("corpus not found under ../shared (set STORYLINE_SHARED)");
    return;
  }
  const analysis::Analyzer& analyzer = analysis::Analyzer::Default();
  analysis::Analysis out;
  size_t tokens = 0, bytes = 0;
  for (const auto& s : corpus.sentences) bytes += s.size();
  for (auto _ : state) {
    for (std::string_view s : corpus.sentences) {
      analyzer.Analyze(s, &out);
      tokens += out.tokens.size();
      benchmark::DoNotOptimize(out.chunks.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * corpus.sentences.size());
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * corpus.sentences.size()), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["sentences"] = static_cast<double>(corpus.sentences.size());
  state.counters["peak_rss_MB"] = PeakRssMb();
  state.SetLabel("timeline17-dev sentences");
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// Tagging alone on pre-tokenised words (no tokenizer, no chunker).
void BM_TagOnly(benchmark::State& state) {
  const Corpus& corpus = Sentences();
  if (corpus.sentences.empty()) {
    state.SkipWithError("corpus not found under ../shared (set STORYLINE_SHARED)");
    return;
  }
  const analysis::Analyzer& analyzer = analysis::Analyzer::Default();
  std::vector<std::vector<std::string_view>> words;
  analysis::Analysis out;
  for (std::string_view s : corpus.sentences) {
    analyzer.Analyze(s, &out);
    words.emplace_back();
    for (size_t i = 0; i < out.tokens.size(); ++i) words.back().push_back(out.word(i));
  }
  std::vector<analysis::Tag> tags;
  analysis::TaggerScratch scratch;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& w : words) {
      tags.resize(w.size());
      analyzer.tagger().Tag(w, tags, &scratch);
      tokens += w.size();
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_LoadModel(benchmark::State& state) {
  std::string_view b64 = data::Get("analysis/tagger.model.b64").value();
  size_t model_bytes = 0;
  for (auto _ : state) {
    Result<std::string> bytes = analysis::DecodeBase64(b64);
    Result<std::unique_ptr<analysis::Analyzer>> a = analysis::Analyzer::FromModel(*bytes);
    model_bytes = bytes->size();
    benchmark::DoNotOptimize(a.ok());
  }
  state.counters["model_bytes"] = static_cast<double>(model_bytes);
  state.counters["peak_rss_MB"] = PeakRssMb();
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace storyline::bench

BENCHMARK_MAIN();
