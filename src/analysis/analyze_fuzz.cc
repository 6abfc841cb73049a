// Arbitrary bytes as a sentence: Analyze must never crash, read out of bounds
// or break its own invariants (every token in exactly one chunk, heads
// inside their chunks).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analysis/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyline::analysis;
  static Analysis* analysis = new Analysis;  // reused, as callers do
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Analyzer::Default().Analyze(text, analysis);
  size_t covered = 0;
  for (size_t c = 0; c < analysis->chunks.size(); ++c) {
    const Chunk& ch = analysis->chunks[c];
    if (ch.begin != covered || ch.end <= ch.begin || ch.head < ch.begin || ch.head >= ch.end) std::abort();
    if (ch.modal != kNoToken && (ch.modal < ch.begin || ch.modal >= ch.end)) std::abort();
    for (size_t i = ch.begin; i < ch.end; ++i) {
      if (analysis->tokens[i].chunk != c) std::abort();
    }
    covered = ch.end;
  }
  if (covered != analysis->tokens.size()) std::abort();
  for (const AnalyzedToken& t : analysis->tokens) {
    if (t.span.end > text.size() || t.span.begin >= t.span.end) std::abort();
  }
  return 0;
}
