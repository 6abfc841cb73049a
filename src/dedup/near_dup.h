// Near-duplicate detection over an article stream: MinHash sketches of word
// shingles, LSH banding for candidate lookup, exact verification.
//
// Each text is reduced to its lower-cased word sequence; every run of
// `shingle_words` consecutive words is a shingle, hashed to 32 bits (XXH3).
// Two texts are near-duplicates when the Jaccard similarity of their shingle
// sets is >= `threshold`. A NearDupIndex keeps, per added text, a MinHash
// sketch (one-permutation hashing with densification: `num_hashes` bins, one
// hash per shingle) split into `bands` bands of `num_hashes / bands` rows;
// texts sharing any band are candidates, and candidates are kept when their
// Jaccard (exact over the stored shingle hashes when `verify_exact`, else the
// sketch estimate) reaches the threshold. Texts whose word sequences are
// identical are found by a 128-bit content key before any sketching.
//
// Groups: the first text added is the canonical member of its group; a later
// near-duplicate joins the group of its most similar earlier text.
//
// Memory is bounded by `memory_budget_bytes` (estimated, per stored text):
// when a new text would exceed it, the oldest texts are evicted (they can no
// longer be matched), or, with `evict_oldest = false`, Add fails with
// ResourceExhausted.
//
// Thread-safety: a NearDupIndex is used by one thread at a time; the free
// functions are thread-safe.
#ifndef STORYLINE_DEDUP_NEAR_DUP_H_
#define STORYLINE_DEDUP_NEAR_DUP_H_

#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storyline/status.h"

namespace storyline::dedup {

struct DedupOptions {
  int shingle_words = 5;                  // words per shingle
  int num_hashes = 128;                   // MinHash bins (sketch length)
  int bands = 32;                         // LSH bands; num_hashes must be a multiple
  double threshold = 0.8;                 // Jaccard at or above which texts are near-duplicates
  bool verify_exact = true;               // keep shingle hashes and verify candidates exactly
  size_t memory_budget_bytes = 256 << 20; // estimated bytes the index may hold
  bool evict_oldest = true;               // over budget: evict oldest (else ResourceExhausted)
  size_t max_shingles = 20000;            // shingles kept per text (longer texts are cut)
  // Candidates whose MinHash estimate is this far below the threshold are not
  // verified exactly (the estimate's spread at 128 hashes is about 0.035).
  double estimate_margin = 0.15;
  // At most this many candidates are examined per lookup, those sharing the
  // most LSH bands first (then the newest): bounds the cost when a stream
  // holds many mutually similar texts.
  size_t max_candidates = 256;
  // At most this many entries (the newest) are read from one LSH bucket. A
  // bucket this crowded holds a family of similar texts; an older member of
  // it is still found through the other bands it shares with the query.
  size_t max_bucket_scan = 128;
  uint64_t seed = 0x5151ab1eULL;          // hash seed
};

// The shingle hashes of a text, sorted and unique (the exact-Jaccard view).
void Shingles(std::string_view text, const DedupOptions& options, std::vector<uint32_t>* out);

// Jaccard of two sorted unique hash sets (1 when both are empty).
double SetJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// Exact Jaccard of the shingle sets of two texts.
double ExactJaccard(std::string_view a, std::string_view b, const DedupOptions& options = {});

// The MinHash sketch of a shingle set, sorted or not (options.num_hashes values).
void Sketch(const std::vector<uint32_t>& shingles, const DedupOptions& options,
            std::vector<uint32_t>* out);

// Fraction of equal bins of two sketches (the Jaccard estimate).
double EstimatedJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

struct DupMatch {
  uint64_t id = 0;         // the earlier text matched
  double similarity = 0;   // exact Jaccard (or the estimate without verify_exact)
};

struct AddResult {
  bool exact_copy = false;           // same word sequence as `group` canonical
  uint64_t group = 0;                // canonical id of the group the text joined (itself if new)
  std::vector<DupMatch> matches;     // all earlier texts >= threshold, most similar first
  size_t evicted = 0;                // texts evicted to make room
};

struct PairExplanation {
  double estimated = 0;  // sketch estimate
  double exact = -1;     // exact Jaccard over stored shingles (-1 when not kept)
  bool same_group = false;
};

namespace internal {

// Open-addressing multimap from 64-bit band keys to 64-bit values, with the
// values of a key in a linked list inside one node pool (no allocation per
// insert once warm). Keys whose list empties are dropped at the next rehash.
class BandTable {
 public:
  void Insert(uint64_t key, uint64_t value);
  void Erase(uint64_t key, uint64_t value);
  // Calls f(value) for the values of `key`, newest first, at most `limit`.
  template <class F>
  void ForEach(uint64_t key, size_t limit, F&& f) const {
    if (slots_.empty()) return;
    key = key == 0 ? 1 : key;
    for (size_t i = Home(key);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.key == 0) return;
      if (s.key == key) {
        for (uint32_t n = s.head; n != kNil && limit > 0; n = nodes_[n].next, --limit) {
          f(nodes_[n].value);
        }
        return;
      }
    }
  }
  size_t bytes() const { return slots_.capacity() * sizeof(Slot) + nodes_.capacity() * sizeof(Node); }

 private:
  static constexpr uint32_t kNil = 0xffffffffu;
  struct Slot {
    uint64_t key = 0;  // 0: empty
    uint32_t head = kNil;
  };
  struct Node {
    uint64_t value;
    uint32_t next;
  };
  size_t Home(uint64_t key) const { return (key * 0x9e3779b97f4a7c15ULL) >> shift_; }
  Slot* FindOrClaim(uint64_t key);
  void Rehash(size_t capacity);

  std::vector<Slot> slots_;
  std::vector<Node> nodes_;
  std::vector<uint32_t> free_;
  size_t used_ = 0;       // slots holding a key
  size_t live_keys_ = 0;  // keys with a non-empty list
  int shift_ = 64;
};

}  // namespace internal

class NearDupIndex {
 public:
  explicit NearDupIndex(const DedupOptions& options = {});

  // Validates options (bands divide num_hashes, threshold in (0,1]).
  static Status CheckOptions(const DedupOptions& options);

  // Sketches `text`, finds its near-duplicates among the texts kept, and
  // keeps it under `id` (ids must be unique; InvalidArgument otherwise).
  Result<AddResult> Add(uint64_t id, std::string_view text);

  // Finds the near-duplicates of `text` without keeping it.
  std::vector<DupMatch> Lookup(std::string_view text);

  // Estimated and exact Jaccard of two kept texts; NotFound if one is absent.
  Result<PairExplanation> Explain(uint64_t a, uint64_t b) const;

  // Canonical id of the group of `id` (id itself when alone or unknown).
  uint64_t GroupOf(uint64_t id) const;

  bool Contains(uint64_t id) const { return by_id_.count(id) != 0; }
  size_t size() const { return by_id_.size(); }
  size_t memory_bytes() const { return memory_bytes_; }
  const DedupOptions& options() const { return options_; }

 private:
  struct Entry {
    uint64_t id = 0;
    uint64_t content_lo = 0, content_hi = 0;
    std::vector<uint32_t> sketch;
    std::vector<uint32_t> shingles;  // empty unless verify_exact; sorted lazily
    bool sorted = false;             // shingles sorted and unique
    size_t bytes = 0;
  };
  // Candidates by band, verified; sorts `shingles` (and candidates' sets)
  // only when there is something to verify (*sorted tells).
  void Find(std::vector<uint32_t>& shingles, bool* sorted, const std::vector<uint32_t>& sketch,
            std::vector<DupMatch>* out);
  void EvictOldest();
  uint64_t BandKey(const std::vector<uint32_t>& sketch, int band) const;
  size_t EntryBytes(const Entry& e) const;

  DedupOptions options_;
  int rows_ = 4;
  std::deque<Entry> entries_;  // oldest first
  uint64_t evicted_total_ = 0; // entries_.front() has index evicted_total_
  std::unordered_map<uint64_t, uint64_t> by_id_;        // id -> absolute index
  internal::BandTable bands_;                           // band key -> absolute index
  std::unordered_map<uint64_t, uint64_t> by_content_;   // content key lo -> absolute index
  std::unordered_map<uint64_t, uint64_t> group_;        // id -> canonical id (non-canonical only)
  size_t memory_bytes_ = 0;
  // Scratch buffers reused across calls.
  std::vector<uint32_t> shingles_, sketch_;
  std::vector<uint64_t> candidates_;
  std::vector<std::pair<uint32_t, uint64_t>> ranked_;  // (bands shared, entry), per lookup
};

// The slow exact twin: all pairs (i < j) of `texts` whose exact shingle
// Jaccard is >= options.threshold, by comparing every pair. For tests.
std::vector<std::pair<size_t, size_t>> ExactNearDuplicatePairs(
    const std::vector<std::string_view>& texts, const DedupOptions& options);

}  // namespace storyline::dedup

#endif  // STORYLINE_DEDUP_NEAR_DUP_H_
