// Throughput of near-duplicate detection and of the whole online clustering
// stream (dedup + events + stories), one thread, no store. Targets (issue 4):
// >= 50,000 articles/s for sketch + lookup on ~3 KB articles; >= 5,000
// articles/s through dedup + events + stories on a 100,000-article stream,
// near-linear from 10k to 100k; peak RSS reported.
//
// Corpus: the Timeline17 development articles (../shared, read in place),
// built into clean Articles with the product pipeline before timing. The
// stream repeats them in date order, in rounds: round k shifts every date by
// k times the corpus' date span plus 30 days
// (so each round's events are new and older ones retire) and drops a
// pseudo-random ~12% of the words (so a round is not a near-copy of the
// previous one); every 10th stream item is instead a light edit of the
// article just before it (a near-duplicate).
// Run each size in its own process for a clean peak RSS:
//   cluster_bench --benchmark_filter='BM_Stream/100000'
#include <benchmark/benchmark.h>

#include "bench_corpus.h"
#include "cluster/online.h"
#include "dedup/near_dup.h"
#include "storyline/pipeline.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace storyline::bench {
namespace {

struct BaseArticle {
  std::string title, body;
  double day;
};

const std::vector<BaseArticle>& Bases() {
  static const auto* bases = [] {
    auto* out = new std::vector<BaseArticle>;
    PipelineOptions options;
    for (const ingest::RawRecord& r : Timeline17Articles(100000)) {
      Result<Article> a = BuildArticle(r, options);
      if (!a.ok()) continue;
      out->push_back({a->title, a->body, cluster::DayFromIso(a->published.value)});
    }
    // A news stream arrives in date order (undated last).
    std::stable_sort(out->begin(), out->end(), [](const BaseArticle& x, const BaseArticle& y) {
      if (std::isnan(x.day) != std::isnan(y.day)) return std::isnan(y.day);
      return !std::isnan(x.day) && x.day < y.day;
    });
    return out;
  }();
  return *bases;
}

// Days between rounds: the corpus' date span plus a month.
double RoundDays() {
  static const double days = [] {
    double lo = 1e18, hi = -1e18;
    for (const auto& b : Bases()) {
      if (!std::isnan(b.day)) lo = std::min(lo, b.day), hi = std::max(hi, b.day);
    }
    return hi >= lo ? hi - lo + 30 : 400;
  }();
  return days;
}

// Writes stream item `i` into *title / *body and returns its day.
// Bodies are cut to at most `cut` bytes (at a space) when cut > 0.
double StreamItem(size_t i, size_t cut, std::string* title, std::string* body) {
  const auto& bases = Bases();
  bool near_copy = i % 10 == 9;
  size_t src = near_copy ? i - 1 : i;
  size_t round = src / bases.size();
  const BaseArticle& b = bases[src % bases.size()];
  *title = b.title;
  body->clear();
  // Drop ~12% of words per round (none in round 0), pseudo-randomly.
  size_t word = 0, pos = 0;
  const std::string& t = b.body;
  while (pos < t.size()) {
    size_t end = t.find(' ', pos);
    if (end == std::string::npos) end = t.size();
    uint64_t h = XXH3_64bits_withSeed(&word, sizeof word, round);
    if (round == 0 || h % 100 >= 12) body->append(t, pos, end - pos + (end < t.size() ? 1 : 0));
    ++word;
    pos = end + 1;
  }
  if (cut > 0 && body->size() > cut) {
    size_t sp = body->rfind(' ', cut);
    body->resize(sp == std::string::npos ? cut : sp);
  }
  if (near_copy) body->append(" Updated with minor corrections.");
  return std::isnan(b.day) ? b.day : b.day + RoundDays() * static_cast<double>(round);
}

// Arg: bodies cut to at most this many bytes (at a space); 0 = whole bodies.
void BM_DedupSketchLookup(benchmark::State& state) {
  const auto& bases = Bases();
  if (bases.empty()) {
    state.SkipWithError("timeline17-dev not found under ../shared (set STORYLINE_SHARED)");
    return;
  }
  std::vector<std::string_view> texts;
  size_t cut = static_cast<size_t>(state.range(0));
  size_t bytes = 0;
  for (const auto& b : bases) {
    std::string_view t = b.body;
    if (cut > 0 && t.size() > cut) {
      size_t sp = t.rfind(' ', cut);
      t = t.substr(0, sp == std::string_view::npos ? cut : sp);
    }
    texts.push_back(t);
    bytes += t.size();
  }
  dedup::DedupOptions o;
  size_t found = 0, index_bytes = 0;
  for (auto _ : state) {
    dedup::NearDupIndex index(o);
    uint64_t id = 0;
    for (std::string_view t : texts) {
      auto r = index.Add(++id, t);
      found += !r->matches.empty();
    }
    index_bytes = index.memory_bytes();
  }
  state.SetItemsProcessed(state.iterations() * texts.size());
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["avg_bytes"] = static_cast<double>(bytes) / texts.size();
  state.counters["dups_found"] = static_cast<double>(found) / state.iterations();
  state.counters["index_MB"] = index_bytes / 1048576.0;
  state.counters["peak_rss_MB"] = PeakRssMb();
  state.SetLabel("timeline17-dev bodies: sketch + LSH lookup + verify + insert");
}
BENCHMARK(BM_DedupSketchLookup)->Arg(3000)->Arg(0)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Stream(benchmark::State& state) {
  if (Bases().empty()) {
    state.SkipWithError("timeline17-dev not found under ../shared (set STORYLINE_SHARED)");
    return;
  }
  const size_t n = static_cast<size_t>(state.range(0));
  const size_t cut = static_cast<size_t>(state.range(1));
  size_t bytes = 0;
  std::string title, body;
  size_t events = 0, stories = 0, dups = 0, active = 0, merged = 0;
  for (auto _ : state) {
    cluster::OnlineClusterer clusterer;
    for (size_t i = 0; i < n; ++i) {
      cluster::StreamArticle a;
      a.id = i + 1;
      a.day = StreamItem(i, cut, &title, &body);
      a.title = title;
      a.body = body;
      auto r = clusterer.Add(a);
      dups += r->duplicate_of != 0;
      bytes += body.size();
      if (i % 2048 == 2047) {  // as ClusterPending does per batch: summaries with labels
        benchmark::DoNotOptimize(clusterer.TouchedEvents());
        benchmark::DoNotOptimize(clusterer.TouchedStories());
        clusterer.ClearTouched();
      }
    }
    // The late merge that ends every ClusterPending run, timed with the rest.
    merged = clusterer.Consolidate().size();
    events = clusterer.events_created();
    stories = clusterer.stories_created();
    active = clusterer.active_events();
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["avg_bytes"] = static_cast<double>(bytes) / (n * state.iterations());
  state.counters["events"] = static_cast<double>(events);
  state.counters["stories"] = static_cast<double>(stories);
  state.counters["active_events_end"] = static_cast<double>(active);
  state.counters["late_merges"] = static_cast<double>(merged);
  state.counters["duplicates"] = static_cast<double>(dups) / state.iterations();
  state.counters["peak_rss_MB"] = PeakRssMb();
  state.SetLabel("dedup + events + stories");
}
// Args: stream length, body cut in bytes (0: whole Timeline17 bodies, ~6.4 KB).
BENCHMARK(BM_Stream)
    ->Args({10000, 0})
    ->Args({100000, 0})
    ->Args({10000, 3000})
    ->Args({100000, 3000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace storyline::bench

BENCHMARK_MAIN();
