// Throughput of the text stage: NormalizeParagraph, Tokenize, SplitSentences.
//
// Input: the paragraphs (lines) of the "text" fields of
// <shared>/data/timelines/timeline17-dev/*/articles.jsonl, read in place
// (<shared> is STORYLINE_SHARED or the configured STORYLINE_SHARED_DIR), else a
// synthetic news-like paragraph repeated. Reports bytes/s and items/s
// (sentences or tokens). Those texts are already tokenised with spaces, which
// is fine for a speed figure.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "text/normalize.h"
#include "text/segment.h"

namespace {

using storyline::Span;
namespace text = storyline::text;

std::vector<std::string> LoadParagraphs() {
  std::vector<std::string> paras;
  const char* env = std::getenv("STORYLINE_SHARED");
#ifdef STORYLINE_SHARED_DIR
  std::string shared = env != nullptr ? env : STORYLINE_SHARED_DIR;
#else
  std::string shared = env != nullptr ? env : "../shared";
#endif
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::path(shared) / "data/timelines/timeline17-dev";
  if (std::filesystem::is_directory(dir, ec)) {
    for (const auto& topic : std::filesystem::directory_iterator(dir, ec)) {
      std::ifstream in(topic.path() / "articles.jsonl");
      std::string line;
      while (std::getline(in, line)) {
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
        const std::string t = j["text"].get<std::string>();
        size_t pos = 0;
        while (pos < t.size()) {
          size_t nl = t.find('\n', pos);
          if (nl == std::string::npos) nl = t.size();
          if (nl > pos) paras.push_back(t.substr(pos, nl - pos));
          pos = nl + 1;
        }
      }
    }
  }
  if (paras.empty()) {
    const std::string p =
        "OSLO, April 11 (Staff) \u2013 U.S. Sen. Jane Doe told reporters on Monday that the "
        "harbour talks would resume in Bergen, officials said. \u201CThis is a step,\u201D "
        "a diplomat said at 9:42 a.m. More than 90,000 tonnes were landed since "
        "March 2011. Gov. Ola Nordmann called it \u201Ca fair deal.\u201D";
    paras.assign(5000, p);
  }
  return paras;
}

const std::vector<std::string>& Paragraphs() {
  static const std::vector<std::string> paras = LoadParagraphs();
  return paras;
}

int64_t TotalBytes(const std::vector<std::string>& paras) {
  int64_t n = 0;
  for (const std::string& p : paras) n += static_cast<int64_t>(p.size());
  return n;
}

void BM_Normalize(benchmark::State& state) {
  const auto& paras = Paragraphs();
  std::string out;
  for (auto _ : state) {
    for (const std::string& p : paras) {
      text::NormalizeParagraphInto(p, {}, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(paras));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const auto& paras = Paragraphs();
  std::vector<text::Token> toks;
  int64_t count = 0;
  for (auto _ : state) {
    for (const std::string& p : paras) {
      toks.clear();
      text::Tokenize(p, &toks);
      count += static_cast<int64_t>(toks.size());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(paras));
  state.SetItemsProcessed(count);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  const auto& paras = Paragraphs();
  std::vector<Span> sents;
  int64_t count = 0;
  for (auto _ : state) {
    for (const std::string& p : paras) {
      sents.clear();
      text::SplitSentences(p, 0, &sents);
      count += static_cast<int64_t>(sents.size());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(paras));
  state.SetItemsProcessed(count);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

// The three together, as the pipeline runs them on every paragraph.
void BM_TextStage(benchmark::State& state) {
  const auto& paras = Paragraphs();
  std::string norm;
  std::vector<Span> sents;
  std::vector<text::Token> toks;
  int64_t count = 0;
  for (auto _ : state) {
    for (const std::string& p : paras) {
      text::NormalizeParagraphInto(p, {}, &norm);
      sents.clear();
      text::SplitSentences(norm, 0, &sents);
      toks.clear();
      text::Tokenize(norm, &toks);
      count += static_cast<int64_t>(sents.size());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(paras));
  state.SetItemsProcessed(count);
}
BENCHMARK(BM_TextStage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
