// Clustering features of an article: three weighted term vectors (body
// words, title words, named entities) over one growing vocabulary with
// online document frequencies.
//
// Words come from the project tokenizer (text/segment.h), lower-cased
// (ASCII), stopwords (data/cluster/stopwords.txt) and numbers left out, with
// a light plural folding ("talks" -> "talk"). Entities, in the absence of an
// event coder, are capitalised phrases: maximal runs of capitalised words
// and abbreviations ("Secretary of State John Kerry" gives "secretary",
// "state john kerry"...; precisely: each run of capitalised tokens, minus
// leading words in data/cluster/entity_stop.txt, gives one phrase term and
// one term per word). Weights are (1 + ln tf) * idf, idf = ln((N+1)/(df+1))
// + 1 over the documents seen so far, each vector cut to its strongest
// `max_terms` terms and L2-normalised.
//
// Thread-safety: a FeatureSpace is used by one thread at a time.
#ifndef STORYLINE_CLUSTER_FEATURES_H_
#define STORYLINE_CLUSTER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/segment.h"

namespace storyline::cluster {

// A sparse vector: (term id, weight), sorted by term id.
using SparseVector = std::vector<std::pair<uint32_t, float>>;

enum Subspace : int { kBody = 0, kTitle = 1, kEntity = 2, kNumSubspaces = 3 };

struct DocFeatures {
  SparseVector v[kNumSubspaces];
  bool empty() const { return v[0].empty() && v[1].empty() && v[2].empty(); }
};

class FeatureSpace {
 public:
  explicit FeatureSpace(size_t max_terms = 80);

  // Tokenises title and body, updates document frequencies (the document is
  // counted), and fills *out.
  void Featurize(std::string_view title, std::string_view body, DocFeatures* out);

  // The term text ("kerry", "john kerry"); the subspace is not part of it.
  std::string_view Term(uint32_t id) const { return terms_[id]; }
  Subspace TermSpace(uint32_t id) const { return static_cast<Subspace>(spaces_[id]); }
  double Idf(uint32_t id) const;
  uint64_t documents() const { return docs_; }
  size_t vocabulary_size() const { return terms_.size(); }

  // State for persistence: terms (with their subspace) and frequencies.
  void Serialize(std::string* out) const;
  bool Deserialize(std::string_view in, size_t* pos);

 private:
  uint32_t Intern(Subspace space, std::string_view term);
  void MarkWordLists();
  static constexpr uint8_t kStopFlag = 1, kEntityStopFlag = 2;
  void Weigh(std::vector<uint32_t>* ids, SparseVector* out);

  size_t max_terms_;
  // Vocabulary: open addressing over (hash of subspace + term) -> id.
  struct VocabSlot {
    uint64_t hash = 0;
    uint32_t id = 0xffffffffu;  // empty
  };
  std::vector<VocabSlot> vocab_;
  std::vector<std::string> terms_;
  std::vector<uint8_t> spaces_;
  std::vector<uint32_t> df_;
  std::vector<uint8_t> flags_;  // kStopFlag / kEntityStopFlag, body-space ids
  uint64_t docs_ = 0;
  // Scratch.
  std::vector<text::Token> tokens_;
  std::vector<uint32_t> ids_scratch_[kNumSubspaces];
  std::vector<std::pair<float, uint32_t>> weights_;
};

// Small binary encoding helpers for persisted state.
void PutU32(std::string* out, uint32_t v);
void PutU64(std::string* out, uint64_t v);
void PutF64(std::string* out, double v);
void PutStr(std::string* out, std::string_view s);
bool GetU32(std::string_view in, size_t* pos, uint32_t* v);
bool GetU64(std::string_view in, size_t* pos, uint64_t* v);
bool GetF64(std::string_view in, size_t* pos, double* v);
bool GetStr(std::string_view in, size_t* pos, std::string* s);

}  // namespace storyline::cluster

#endif  // STORYLINE_CLUSTER_FEATURES_H_
