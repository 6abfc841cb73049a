// Throughput of the event coder with the full Phoenix dictionaries (CAMEO
// 2.0 verbs, the three Phoenix actor files, agents, discards, issues), one
// thread. BM_LoadPhoenix reports the load + compile time and the peak RSS
// after it; BM_CodeTimeline17 codes every sentence of the Timeline17
// development articles (built once with the product's pipeline, not timed):
// sentences/s and events/s; BM_CodeGigaWord codes the PETRARCH GigaWord sample
// sentences (crash-free run and speed). BM_LoadDefault / BM_CodeTimeline17Default
// do the same with storyline's own built-in dictionaries (data/dictionaries),
// coding each article's sentences in order with one ArticleContext, as the
// events stage does. Target: >= 20,000 sentences/s with either set.
#include <benchmark/benchmark.h>

#include <chrono>

#include "bench_corpus.h"
#include "coder/coder.h"
#include "coding/validation.h"
#include "storyline/pipeline.h"

namespace storyline::bench {
namespace {

std::string PhoenixDir() { return SharedDir() + "/data/eventcoding/petrarch"; }

struct Loaded {
  std::shared_ptr<const coder::DictionarySet> dictionaries;
  std::unique_ptr<coder::Coder> coder;
  double load_ms = 0;
  double rss_mb = 0;
  std::string error;
};

template <typename LoadFn>
Loaded* LoadWith(LoadFn&& load) {
  auto* out = new Loaded;
  auto start = std::chrono::steady_clock::now();
  auto dict = load();
  if (!dict.ok()) {
    out->error = dict.status().message();
    return out;
  }
  auto c = coder::Coder::Create(*dict);
  if (!c.ok()) {
    out->error = c.status().message();
    return out;
  }
  out->load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  out->rss_mb = PeakRssMb();
  out->dictionaries = *dict;
  out->coder = std::move(*c);
  return out;
}

const Loaded& Phoenix() {
  // CAMEO.2.0 + the Phoenix files.
  static const Loaded* loaded = LoadWith([] { return coder::LoadDirectory(PhoenixDir()); });
  return *loaded;
}

const Loaded& Default() {
  static const Loaded* loaded = LoadWith([] { return coder::LoadDefault(); });
  return *loaded;
}

// Sentences of the Timeline17 dev articles, with the article dates.
struct Sentences {
  std::vector<std::string> text;
  std::vector<coding::Date> date;
  std::vector<uint8_t> article_start;  // 1 = first sentence of an article
  size_t bytes = 0;
};

const Sentences& Timeline17Sentences() {
  static const Sentences* s = [] {
    auto* out = new Sentences;
    PipelineOptions options;
    for (const auto& r : Timeline17Articles(4000)) {
      Result<Article> a = BuildArticle(r, options);
      if (!a.ok()) continue;
      coding::Date date = 0;
      const std::string& v = a->published.value;
      if (v.size() >= 10 && v[4] == '-' && v[7] == '-') {
        date = std::stoi(v.substr(0, 4)) * 10000 + std::stoi(v.substr(5, 2)) * 100 +
               std::stoi(v.substr(8, 2));
      }
      for (const Span& sp : a->sentences) {
        out->article_start.push_back(&sp == &a->sentences.front());
        out->text.emplace_back(sp.In(a->body));
        out->date.push_back(date);
        out->bytes += sp.size();
      }
    }
    return out;
  }();
  return *s;
}

// Reports the load + compile time and what was loaded.
void ReportLoad(benchmark::State& state, const Loaded& l, const char* name) {
  for (auto _ : state) {
    if (!l.error.empty()) {
      state.SkipWithError((std::string(name) + ": " + l.error).c_str());
      return;
    }
  }
  state.counters["load_ms"] = l.load_ms;
  state.counters["peak_rss_MB"] = l.rss_mb;
  state.counters["load_errors"] = static_cast<double>(l.dictionaries->errors.size());
  state.counters["actors"] = static_cast<double>(l.dictionaries->actors.entries().size());
  state.counters["patterns"] = static_cast<double>(l.dictionaries->verbs.num_patterns());
}

void BM_LoadPhoenix(benchmark::State& state) {
  ReportLoad(state, Phoenix(), "Phoenix dictionaries");
}
BENCHMARK(BM_LoadPhoenix)->Iterations(1)->Unit(benchmark::kMillisecond);

// Codes every Timeline17 sentence with `l`; with `per_article`, each
// article's sentences in order with one ArticleContext (coreference).
void CodeTimeline17(benchmark::State& state, const Loaded& l, const char* name, bool per_article,
                    const char* label) {
  if (!l.error.empty()) {
    state.SkipWithError((std::string(name) + ": " + l.error).c_str());
    return;
  }
  const Sentences& s = Timeline17Sentences();
  if (s.text.empty()) {
    state.SkipWithError("corpus not found under ../shared (set STORYLINE_SHARED)");
    return;
  }
  coder::CodeResult result;
  coder::ArticleContext context;
  size_t events = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < s.text.size(); ++i) {
      if (s.article_start[i]) context.Clear();
      l.coder->Code(s.text[i], s.date[i], per_article ? &context : nullptr, &result);
      events += result.events.size();
      benchmark::DoNotOptimize(result.events.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * s.text.size());
  state.SetBytesProcessed(state.iterations() * s.bytes);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events/sentence"] =
      static_cast<double>(events) / (state.iterations() * s.text.size());
  state.counters["sentences"] = static_cast<double>(s.text.size());
  state.counters["peak_rss_MB"] = PeakRssMb();
  state.SetLabel(label);
}

void BM_CodeTimeline17(benchmark::State& state) {
  CodeTimeline17(state, Phoenix(), "Phoenix dictionaries", false,
                 "timeline17-dev sentences, Phoenix dictionaries");
}
BENCHMARK(BM_CodeTimeline17)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_LoadDefault(benchmark::State& state) {
  ReportLoad(state, Default(), "built-in dictionaries");
}
BENCHMARK(BM_LoadDefault)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_CodeTimeline17Default(benchmark::State& state) {
  CodeTimeline17(state, Default(), "built-in dictionaries", true,
                 "timeline17-dev sentences, built-in dictionaries, per-article context");
}
BENCHMARK(BM_CodeTimeline17Default)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_CodeGigaWord(benchmark::State& state) {
  const Loaded& l = Phoenix();
  if (!l.error.empty()) {
    state.SkipWithError(("Phoenix dictionaries: " + l.error).c_str());
    return;
  }
  static const auto* suite = [] {
    auto r = coding::LoadPetrarchValidation(PhoenixDir() + "/GigaWord.sample.PETR.xml");
    return r.ok() ? new coding::ValidationSuite(std::move(*r)) : new coding::ValidationSuite();
  }();
  if (suite->records.empty()) {
    state.SkipWithError("GigaWord.sample.PETR.xml not found under ../shared");
    return;
  }
  coder::CodeResult result;
  size_t events = 0;
  for (auto _ : state) {
    for (const auto& rec : suite->records) {
      l.coder->Code(rec.text, rec.date, &result);
      events += result.events.size();
      benchmark::DoNotOptimize(result.events.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * suite->records.size());
  state.counters["events/sentence"] =
      static_cast<double>(events) / (state.iterations() * suite->records.size());
  state.counters["sentences"] = static_cast<double>(suite->records.size());
  state.SetLabel("GigaWord.sample.PETR.xml");
}
BENCHMARK(BM_CodeGigaWord)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace storyline::bench

BENCHMARK_MAIN();
