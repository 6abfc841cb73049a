// WordInfo: the per-token hashes the tagger computes once per token, and the
// tagger's scratch buffers (defined here so that Analysis can own them; only
// tagger.cc and train.cc read them).
#ifndef STORYLINE_ANALYSIS_WORD_INFO_H_
#define STORYLINE_ANALYSIS_WORD_INFO_H_

#include <cstdint>
#include <vector>

namespace storyline::analysis {

// Per-word hashes computed once per token.
struct WordInfo {
  uint64_t word = 0;    // normalised word: ASCII lowercase, digits -> '0', typographic quotes
                        // and dashes folded
  uint64_t exact = 0;   // the word as written (the tag dictionary's key)
  uint64_t pre[3] = {};  // prefixes of 1..3 bytes of the normalised word
  uint64_t suf[4] = {};  // suffixes of 1..4 bytes
  uint64_t shape = 0;   // "Xx", "dd-xx", "X.X." (character classes, runs cut at 2)
  uint8_t flags = 0;    // kHasDigit | kHasHyphen | capitalisation (2 bits) | kHasAlpha
};
inline constexpr uint8_t kHasDigit = 1, kHasHyphen = 2, kHasAlpha = 16;
// Capitalisation in bits 2-3: 0 no capital, 1 initial capital, 2 all capitals, 3 mixed.
inline constexpr uint8_t kCapShift = 2;

// Buffers the tagger reuses from one sentence to the next.
struct TaggerScratch {
  std::vector<WordInfo> info;
  std::vector<uint32_t> rows;  // resolved static feature rows, kNumStaticFeatures per token
  // Per token: how far the best finite verb tag scored below the chosen tag,
  // and which tag that was (for the one-verb repair in Tagger::Tag).
  std::vector<int32_t> verb_margin;
  std::vector<uint8_t> verb_tag;
};

}  // namespace storyline::analysis

#endif  // STORYLINE_ANALYSIS_WORD_INFO_H_
