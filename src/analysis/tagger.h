// A greedy averaged-perceptron part-of-speech tagger (Collins 2002), the
// "perceptron tagger" design: each token is tagged left to right from sparse
// binary features of the words around it and of the two tags just predicted;
// frequent unambiguous words take their tag from a dictionary.
//
// The model is a table from 64-bit feature keys (hashes of a feature template
// and its value) to a few (tag, weight) pairs, weights quantised to int16.
// Training is in train.h; the file format is in tagger.cc.
//
// Thread-safety: a Tagger is immutable after Load; Tag() is const and may run
// on many threads at once, each with its own scratch.
#ifndef STORYLINE_ANALYSIS_TAGGER_H_
#define STORYLINE_ANALYSIS_TAGGER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/word_info.h"
#include "storyline/status.h"

namespace storyline::analysis {

// ---- features (shared by the tagger and its training)

void ComputeWordInfo(std::string_view word, WordInfo* out);

// Casing of the whole sentence: 0 ordinary, 1 headline Title Case, 2 ALL CAPS.
int SentenceCasing(std::span<const WordInfo> words);

// Number of features of one token.
inline constexpr int kNumStaticFeatures = 23;
inline constexpr int kNumDynamicFeatures = 6;
inline constexpr int kNumFeatures = kNumStaticFeatures + kNumDynamicFeatures;

// The features of token i that do not depend on predicted tags.
void StaticFeatures(std::span<const WordInfo> words, size_t i, int casing, uint64_t* out);
// The features of token i given the two previous predicted tags (kOther at
// the sentence start stands for "none").
void DynamicFeatures(std::span<const WordInfo> words, size_t i, Tag prev1, Tag prev2, uint64_t* out);

// ---- the model

// The arrays of a model, as training produces them and the file holds them.
struct ModelArrays {
  std::vector<uint64_t> dict_keys;  // WordInfo::exact of unambiguous frequent words
  std::vector<uint8_t> dict_tags;
  std::vector<uint64_t> keys;       // feature keys, strictly ascending
  std::vector<uint32_t> row_end;    // entries of feature i are [row_end[i-1], row_end[i])
  std::vector<uint8_t> entry_tags;  // tag of each weight
  std::vector<int16_t> entry_weights;
  float scale = 1;                  // real weight = entry_weight * scale (informational)
};

class Tagger {
 public:
  // Parses and validates a model file; InvalidData / DataLoss on corrupt or
  // truncated input.
  static Result<std::unique_ptr<Tagger>> Load(std::string_view bytes);
  // Builds a tagger from arrays (as training makes them); InvalidData when
  // they are inconsistent.
  static Result<std::unique_ptr<Tagger>> FromArrays(ModelArrays arrays);

  // The model file (binary, little-endian, checksummed).
  std::string Serialize() const;

  // Tags words (out.size() == words.size()). `scratch` is reused.
  void Tag(std::span<const std::string_view> words, std::span<analysis::Tag> out,
           TaggerScratch* scratch) const;

  const ModelArrays& arrays() const { return arrays_; }
  size_t num_features() const { return arrays_.keys.size(); }
  size_t num_weights() const { return arrays_.entry_tags.size(); }

 private:
  explicit Tagger(ModelArrays arrays);
  void BuildTables();
  // The row of feature `key`: (first entry << 8) | entry count; 0 if absent.
  inline uint32_t Find(uint64_t key) const;
  inline void AddRow(uint32_t row, int32_t* scores) const;

  // Open addressing on the key's low bits; the high 32 bits are kept as a
  // fingerprint (with the index bits, ~50 bits tell keys apart), so a slot
  // is 8 bytes and the table stays small enough for the caches.
  struct Slot {
    uint32_t fingerprint;
    uint32_t row;  // (first entry << 8) | count; 0 = empty
  };
  struct Entry {
    int16_t weight;
    uint8_t tag;
  };
  ModelArrays arrays_;
  std::vector<Slot> table_;
  uint64_t mask_ = 0;
  std::vector<Entry> entries_;
  struct DictSlot {
    uint64_t key;
    uint8_t tag;
  };
  std::vector<DictSlot> dict_;
  uint64_t dict_mask_ = 0;
};

// Base64 (RFC 4648, line breaks ignored) for the model's text form in data/.
std::string EncodeBase64(std::string_view bytes);
Result<std::string> DecodeBase64(std::string_view text);

}  // namespace storyline::analysis

#endif  // STORYLINE_ANALYSIS_TAGGER_H_
