// Near-duplicate index: MinHash (one-permutation hashing) + LSH banding.
//
// The idea: Jaccard similarity of shingle sets is the probability that two
// sets agree on the minimum of a random hash. One-permutation hashing gets
// `num_hashes` such minima from ONE hash per shingle: the hash picks a bin
// and the rest of its bits compete for that bin's minimum; empty bins (short
// texts) borrow from the next non-empty bin to the right ("rotation"
// densification), which keeps the estimator unbiased. Banding makes the
// lookup sub-linear: texts that agree on all `rows` values of any band land
// in the same bucket, so a pair of Jaccard s becomes a candidate with
// probability 1 - (1 - s^rows)^bands (32 bands of 4 rows: > 0.9999 at s =
// 0.8, 0.03 at s = 0.3). Candidates are verified on the exact shingle sets
// (kept as sorted 32-bit hashes), so the precision of the fast path is that
// of the exact measure up to hash collisions.
#include "dedup/near_dup.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace storyline::dedup {
namespace {

constexpr uint32_t kEmptyBin = std::numeric_limits<uint32_t>::max();

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Byte -> lower-cased byte for word bytes (ASCII letters and digits, and
// every byte of a multi-byte UTF-8 sequence), 0 for separators.
struct WordBytes {
  unsigned char map[256];
  constexpr WordBytes() : map() {
    for (int c = 0; c < 256; ++c) {
      bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
      map[c] = !word ? 0 : static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
  }
};
constexpr WordBytes kWordBytes;

// Hashes of the lower-cased words of `text`, in order: FNV-1a over the
// lower-cased bytes, fused with the scan, then a 64-bit finaliser.
void WordHashes(std::string_view text, uint64_t seed, std::vector<uint64_t>* out) {
  out->clear();
  size_t i = 0, n = text.size();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const uint64_t basis = 0xcbf29ce484222325ULL ^ seed;
  const unsigned char* map = kWordBytes.map;
  while (i < n) {
    while (i < n && map[p[i]] == 0) ++i;
    if (i == n) break;
    uint64_t h = basis;
    unsigned char c;
    while (i < n && (c = map[p[i]]) != 0) {
      h = (h ^ c) * 0x100000001b3ULL;
      ++i;
    }
    out->push_back(Mix64(h));
  }
}

// Shingle hashes from word hashes (a polynomial over the window, updated in
// O(1) per step), unsorted; also the content key.
void ShinglesFromWords(const std::vector<uint64_t>& words, const DedupOptions& o,
                       std::vector<uint32_t>* out, XXH128_hash_t* content) {
  out->clear();
  size_t k = static_cast<size_t>(std::max(1, o.shingle_words));
  if (content != nullptr) {
    *content = XXH3_128bits_withSeed(words.data(), words.size() * sizeof(uint64_t), o.seed);
  }
  if (words.empty()) return;
  constexpr uint64_t kBase = 0x9e3779b97f4a7c15ULL;
  if (words.size() <= k) {  // one shingle: all the words (same hash as a full window)
    uint64_t h = 0;
    for (uint64_t w : words) h = h * kBase + w;
    out->push_back(static_cast<uint32_t>(Mix64(h ^ o.seed) >> 32));
    return;
  }
  uint64_t top = 1;  // kBase^(k-1)
  for (size_t i = 1; i < k; ++i) top *= kBase;
  uint64_t h = 0;
  for (size_t i = 0; i < k; ++i) h = h * kBase + words[i];
  size_t count = std::min(words.size() - k + 1, o.max_shingles);
  out->reserve(count);
  for (size_t i = 0;; ++i) {
    out->push_back(static_cast<uint32_t>(Mix64(h ^ o.seed) >> 32));
    if (i + 1 >= count) break;
    h = (h - words[i] * top) * kBase + words[i + k];
  }
}

void SortUnique(std::vector<uint32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

thread_local std::vector<uint64_t> tl_words;

}  // namespace

void Shingles(std::string_view text, const DedupOptions& options, std::vector<uint32_t>* out) {
  WordHashes(text, options.seed, &tl_words);
  ShinglesFromWords(tl_words, options, out, nullptr);
  SortUnique(out);
}

double SetJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++inter, ++i, ++j;
    }
  }
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

double ExactJaccard(std::string_view a, std::string_view b, const DedupOptions& options) {
  std::vector<uint32_t> sa, sb;
  Shingles(a, options, &sa);
  Shingles(b, options, &sb);
  return SetJaccard(sa, sb);
}

void Sketch(const std::vector<uint32_t>& shingles, const DedupOptions& options,
            std::vector<uint32_t>* out) {
  const uint32_t k = static_cast<uint32_t>(options.num_hashes);
  out->assign(k, kEmptyBin);
  uint32_t* bins = out->data();
  const uint64_t seed = Mix64(options.seed);
  for (uint32_t s : shingles) {
    uint64_t m = Mix64(s ^ seed);
    uint32_t bin = static_cast<uint32_t>(((m >> 32) * k) >> 32);
    uint32_t v = static_cast<uint32_t>(m);
    if (v == kEmptyBin) v = kEmptyBin - 1;
    if (v < bins[bin]) bins[bin] = v;
  }
  if (shingles.empty()) return;
  // Rotation densification: an empty bin takes the value of the next
  // non-empty bin to the right (scanning left to right, so a bin borrows from
  // an original value except on wrap-around), re-hashed with the distance so
  // borrowed values differ from the originals.
  for (uint32_t b = 0; b < k; ++b) {
    if (bins[b] != kEmptyBin) continue;
    uint32_t d = 1;
    while (bins[(b + d) % k] == kEmptyBin) ++d;
    uint32_t v = static_cast<uint32_t>(Mix64(bins[(b + d) % k] + 0x9e3779b97f4a7c15ULL * d));
    bins[b] = v == kEmptyBin ? kEmptyBin - 1 : v;
  }
}

double EstimatedJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.size() != b.size() || a.empty()) return 0;
  size_t eq = 0;
  for (size_t i = 0; i < a.size(); ++i) eq += a[i] == b[i];
  return static_cast<double>(eq) / static_cast<double>(a.size());
}

namespace internal {

void BandTable::Rehash(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  shift_ = 64 - __builtin_ctzll(capacity);
  used_ = 0;
  for (const Slot& s : old) {
    if (s.key == 0 || s.head == kNil) continue;
    size_t i = Home(s.key);
    while (slots_[i].key != 0) i = (i + 1) & (capacity - 1);
    slots_[i] = s;
    ++used_;
  }
}

BandTable::Slot* BandTable::FindOrClaim(uint64_t key) {
  if (slots_.empty()) Rehash(1024);
  if ((used_ + 1) * 10 > slots_.size() * 7) {
    Rehash(live_keys_ * 2 < used_ ? slots_.size() : slots_.size() * 2);
  }
  for (size_t i = Home(key);; i = (i + 1) & (slots_.size() - 1)) {
    Slot& s = slots_[i];
    if (s.key == key) return &s;
    if (s.key == 0) {
      s.key = key;
      ++used_;
      return &s;
    }
  }
}

void BandTable::Insert(uint64_t key, uint64_t value) {
  key = key == 0 ? 1 : key;
  Slot* s = FindOrClaim(key);
  if (s->head == kNil) ++live_keys_;
  uint32_t n;
  if (!free_.empty()) {
    n = free_.back();
    free_.pop_back();
  } else {
    n = static_cast<uint32_t>(nodes_.size());
    nodes_.push_back({});
  }
  nodes_[n] = {value, s->head};
  s->head = n;
}

void BandTable::Erase(uint64_t key, uint64_t value) {
  if (slots_.empty()) return;
  key = key == 0 ? 1 : key;
  for (size_t i = Home(key);; i = (i + 1) & (slots_.size() - 1)) {
    Slot& s = slots_[i];
    if (s.key == 0) return;
    if (s.key != key) continue;
    for (uint32_t* link = &s.head; *link != kNil; link = &nodes_[*link].next) {
      if (nodes_[*link].value == value) {
        uint32_t n = *link;
        *link = nodes_[n].next;
        free_.push_back(n);
        if (s.head == kNil) --live_keys_;
        return;
      }
    }
    return;
  }
}

}  // namespace internal

NearDupIndex::NearDupIndex(const DedupOptions& options) : options_(options) {
  if (options_.bands <= 0 || options_.num_hashes <= 0 ||
      options_.num_hashes % options_.bands != 0) {
    options_.num_hashes = 128;
    options_.bands = 32;
  }
  rows_ = options_.num_hashes / options_.bands;
}

Status NearDupIndex::CheckOptions(const DedupOptions& o) {
  if (o.num_hashes <= 0 || o.bands <= 0 || o.num_hashes % o.bands != 0) {
    return InvalidArgumentError("dedup: bands (" + std::to_string(o.bands) +
                                ") must divide num_hashes (" + std::to_string(o.num_hashes) + ")");
  }
  if (!(o.threshold > 0 && o.threshold <= 1)) {
    return InvalidArgumentError("dedup: threshold must be in (0, 1]");
  }
  if (o.shingle_words < 1) return InvalidArgumentError("dedup: shingle_words must be >= 1");
  return Status::Ok();
}

uint64_t NearDupIndex::BandKey(const std::vector<uint32_t>& sketch, int band) const {
  return XXH3_64bits_withSeed(&sketch[static_cast<size_t>(band) * rows_],
                              static_cast<size_t>(rows_) * sizeof(uint32_t),
                              static_cast<uint64_t>(band) + 1);
}

size_t NearDupIndex::EntryBytes(const Entry& e) const {
  // Entry, its vectors, one multimap node per band, map nodes for id/content.
  return sizeof(Entry) + e.sketch.capacity() * 4 + e.shingles.capacity() * 4 +
         static_cast<size_t>(options_.bands) * 24 + 3 * 48;
}

void NearDupIndex::Find(std::vector<uint32_t>& shingles, bool* sorted,
                        const std::vector<uint32_t>& sketch, std::vector<DupMatch>* out) {
  out->clear();
  candidates_.clear();
  for (int b = 0; b < options_.bands; ++b) {
    bands_.ForEach(BandKey(sketch, b), options_.max_bucket_scan,
                   [this](uint64_t abs) { candidates_.push_back(abs); });
  }
  if (candidates_.empty()) return;
  // Rank candidates by the number of bands they share with the query (a
  // monotone proxy for similarity), newest first among equals.
  std::sort(candidates_.begin(), candidates_.end());
  ranked_.clear();
  for (size_t i = 0; i < candidates_.size();) {
    size_t j = i;
    while (j < candidates_.size() && candidates_[j] == candidates_[i]) ++j;
    ranked_.emplace_back(static_cast<uint32_t>(j - i), candidates_[i]);
    i = j;
  }
  if (ranked_.size() > options_.max_candidates) {
    std::partial_sort(ranked_.begin(), ranked_.begin() + options_.max_candidates, ranked_.end(),
                      [](const auto& a, const auto& b) { return a > b; });
    ranked_.resize(options_.max_candidates);
  }
  if (options_.verify_exact && !*sorted) {
    SortUnique(&shingles);
    *sorted = true;
  }
  const double floor = options_.threshold - options_.estimate_margin;
  for (const auto& [bands_shared, abs] : ranked_) {
    if (abs < evicted_total_) continue;
    Entry& e = entries_[abs - evicted_total_];
    double sim;
    if (options_.verify_exact) {
      if (EstimatedJaccard(sketch, e.sketch) < floor) continue;
      if (!e.sorted) {
        SortUnique(&e.shingles);
        e.sorted = true;
      }
      sim = SetJaccard(shingles, e.shingles);
    } else {
      sim = EstimatedJaccard(sketch, e.sketch);
    }
    if (sim >= options_.threshold) out->push_back({e.id, sim});
  }
  std::sort(out->begin(), out->end(), [](const DupMatch& a, const DupMatch& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.id < b.id;
  });
}

std::vector<DupMatch> NearDupIndex::Lookup(std::string_view text) {
  WordHashes(text, options_.seed, &tl_words);
  ShinglesFromWords(tl_words, options_, &shingles_, nullptr);
  dedup::Sketch(shingles_, options_, &sketch_);
  std::vector<DupMatch> out;
  bool sorted = false;
  Find(shingles_, &sorted, sketch_, &out);
  return out;
}

void NearDupIndex::EvictOldest() {
  Entry& e = entries_.front();
  uint64_t abs = evicted_total_;
  for (int b = 0; b < options_.bands; ++b) bands_.Erase(BandKey(e.sketch, b), abs);
  auto c = by_content_.find(e.content_lo);
  if (c != by_content_.end() && c->second == abs) by_content_.erase(c);
  by_id_.erase(e.id);
  group_.erase(e.id);
  memory_bytes_ -= e.bytes;
  entries_.pop_front();
  ++evicted_total_;
}

Result<AddResult> NearDupIndex::Add(uint64_t id, std::string_view text) {
  if (by_id_.count(id) != 0) {
    return InvalidArgumentError("dedup: id " + std::to_string(id) + " was already added");
  }
  AddResult result;
  result.group = id;
  WordHashes(text, options_.seed, &tl_words);
  XXH128_hash_t content;
  ShinglesFromWords(tl_words, options_, &shingles_, &content);
  dedup::Sketch(shingles_, options_, &sketch_);

  auto same = by_content_.find(content.low64);
  if (same != by_content_.end() && same->second >= evicted_total_) {
    const Entry& e = entries_[same->second - evicted_total_];
    if (e.content_hi == content.high64) {
      result.exact_copy = true;
      result.matches.push_back({e.id, 1.0});
    }
  }
  std::vector<DupMatch> found;
  bool sorted = false;
  Find(shingles_, &sorted, sketch_, &found);
  for (const DupMatch& m : found) {
    if (result.exact_copy && m.id == result.matches[0].id) continue;
    result.matches.push_back(m);
  }
  if (!result.matches.empty()) {
    result.group = GroupOf(result.matches[0].id);
    group_[id] = result.group;
  }

  Entry entry;
  entry.id = id;
  entry.content_lo = content.low64;
  entry.content_hi = content.high64;
  entry.sketch = sketch_;
  if (options_.verify_exact) {
    entry.shingles = shingles_;
    entry.sorted = sorted;
  }
  entry.bytes = EntryBytes(entry);
  if (memory_bytes_ + entry.bytes > options_.memory_budget_bytes) {
    if (!options_.evict_oldest) {
      return ResourceExhaustedError("dedup: memory budget of " +
                                    std::to_string(options_.memory_budget_bytes) +
                                    " bytes reached after " + std::to_string(size()) + " texts");
    }
    while (!entries_.empty() && memory_bytes_ + entry.bytes > options_.memory_budget_bytes) {
      EvictOldest();
      ++result.evicted;
    }
  }
  uint64_t abs = evicted_total_ + entries_.size();
  for (int b = 0; b < options_.bands; ++b) bands_.Insert(BandKey(sketch_, b), abs);
  if (!result.exact_copy) by_content_[content.low64] = abs;
  by_id_[id] = abs;
  memory_bytes_ += entry.bytes;
  entries_.push_back(std::move(entry));
  return result;
}

uint64_t NearDupIndex::GroupOf(uint64_t id) const {
  auto it = group_.find(id);
  return it == group_.end() ? id : it->second;
}

Result<PairExplanation> NearDupIndex::Explain(uint64_t a, uint64_t b) const {
  auto ia = by_id_.find(a), ib = by_id_.find(b);
  if (ia == by_id_.end() || ib == by_id_.end()) {
    return NotFoundError("dedup: text " + std::to_string(ia == by_id_.end() ? a : b) +
                         " is not in the index");
  }
  const Entry& ea = entries_[ia->second - evicted_total_];
  const Entry& eb = entries_[ib->second - evicted_total_];
  PairExplanation out;
  out.estimated = EstimatedJaccard(ea.sketch, eb.sketch);
  if (options_.verify_exact) {
    std::vector<uint32_t> sa = ea.shingles, sb = eb.shingles;
    SortUnique(&sa);
    SortUnique(&sb);
    out.exact = SetJaccard(sa, sb);
  }
  out.same_group = GroupOf(a) == GroupOf(b);
  return out;
}

std::vector<std::pair<size_t, size_t>> ExactNearDuplicatePairs(
    const std::vector<std::string_view>& texts, const DedupOptions& options) {
  std::vector<std::vector<uint32_t>> sets(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) Shingles(texts[i], options, &sets[i]);
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < texts.size(); ++i) {
    for (size_t j = i + 1; j < texts.size(); ++j) {
      if (SetJaccard(sets[i], sets[j]) >= options.threshold) out.emplace_back(i, j);
    }
  }
  return out;
}

}  // namespace storyline::dedup
