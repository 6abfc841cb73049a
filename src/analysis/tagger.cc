// Greedy averaged-perceptron tagging (Collins 2002, "Discriminative training
// methods for hidden Markov models"; the greedy left-to-right form follows
// Honnibal's 2013 "A good part-of-speech tagger in about 200 lines of
// Python"). For each token, features of the word and its neighbours (word
// identity, prefixes, suffixes, shape, casing) and of the two tags already
// chosen are hashed to 64-bit keys; the tag with the highest summed weight
// wins. A word seen often in training with one tag (>= 97%) takes that tag
// directly, which is both faster and more accurate.
//
// Feature keys are hashes of (template, value), so the model needs no string
// table: a key absent from the table has weight zero. Weights are the
// averaged perceptron weights, pruned and quantised to int16 with one scale.
//
// Model file (little-endian):
//   "SLPTAG1\n"  u32 format version  u32 feature version  u32 number of tags
//   f32 scale
//   u32 D  u64 dict_keys[D]  u8 dict_tags[D]
//   u32 F  u64 keys[F] (strictly ascending)  u32 row_end[F] (non-decreasing)
//   u32 E  u8 entry_tags[E]  i16 entry_weights[E]          (E == row_end[F-1])
//   u64 XXH3-64 of every byte before it
#include "analysis/tagger.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <climits>
#include <cstring>

namespace storyline::analysis {
namespace {

constexpr char kMagic[8] = {'S', 'L', 'P', 'T', 'A', 'G', '1', '\n'};
constexpr uint32_t kFormatVersion = 1;
// Bump when feature extraction changes: old models then fail to load.
constexpr uint32_t kFeatureVersion = 4;

constexpr uint64_t kSeedWord = 0x5157'0001, kSeedExact = 0x5157'0002;

inline uint64_t Fmix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

// The key of feature template `templ` with values a and b. Never 0.
inline uint64_t Key(uint64_t templ, uint64_t a, uint64_t b = 0) {
  uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ ((b + 0x632BE59BD9B4E019ULL) * 0xC2B2AE3D27D4EB4FULL) ^
               ((templ + 1) * 0xD6E8FEB86659FD93ULL);
  return Fmix(h) | 1;
}

inline uint64_t HashBytes(const char* p, size_t n, uint64_t seed) { return XXH3_64bits_withSeed(p, n, seed); }

// Boundary "words" outside the sentence.
constexpr uint64_t kStart1 = 0x51A47'0001, kStart2 = 0x51A47'0002, kEnd1 = 0x51A47'0003, kEnd2 = 0x51A47'0004;

}  // namespace

void ComputeWordInfo(std::string_view w, WordInfo* out) {
  char buf[96];
  char shape[24];
  size_t n = 0, sn = 0;
  char last = 0;
  int run = 0, upper = 0, lower = 0;
  bool first_upper = false;
  uint8_t flags = 0;
  out->exact = HashBytes(w.data(), w.size(), kSeedExact);
  for (size_t i = 0; i < w.size() && n + 3 < sizeof buf; ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    char cls;
    if (c >= 'A' && c <= 'Z') {
      buf[n++] = static_cast<char>(c + 32);
      cls = 'X';
      ++upper;
      if (i == 0) first_upper = true;
      flags |= kHasAlpha;
    } else if (c >= 'a' && c <= 'z') {
      buf[n++] = static_cast<char>(c);
      cls = 'x';
      ++lower;
      flags |= kHasAlpha;
    } else if (c >= '0' && c <= '9') {
      buf[n++] = '0';
      cls = 'd';
      flags |= kHasDigit;
    } else if (c < 0x80) {
      buf[n++] = static_cast<char>(c);
      cls = static_cast<char>(c);
      if (c == '-') flags |= kHasHyphen;
    } else {
      // Fold the typographic punctuation news uses onto the ASCII forms the
      // treebank mostly has: “ ” „ -> "   ‘ ’ -> '   – — -> --   … -> ...
      unsigned char d = i + 2 < w.size() ? static_cast<unsigned char>(w[i + 2]) : 0;
      bool e280 = c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80;
      if (e280 && (d == 0x9C || d == 0x9D || d == 0x9E)) {
        buf[n++] = '"';
        cls = '"';
        i += 2;
      } else if (e280 && (d == 0x98 || d == 0x99)) {
        buf[n++] = '\'';
        cls = '\'';
        i += 2;
      } else if (e280 && (d == 0x93 || d == 0x94)) {
        buf[n++] = '-';
        buf[n++] = '-';
        cls = '-';
        i += 2;
      } else if (e280 && d == 0xA6) {
        buf[n++] = '.';
        buf[n++] = '.';
        buf[n++] = '.';
        cls = '.';
        i += 2;
      } else {
        buf[n++] = static_cast<char>(c);
        if ((c & 0xC0) == 0x80) continue;  // continuation byte: no new shape character
        cls = 'u';
        if (c >= 0xC3 && c <= 0xDF) flags |= kHasAlpha;  // Latin, Greek, Cyrillic... letters mostly
      }
    }
    if (cls == last) {
      if (++run >= 2) continue;
    } else {
      run = 0;
      last = cls;
    }
    if (sn < sizeof shape) shape[sn++] = cls;
  }
  int cap = 0;
  if (upper > 0) {
    if (lower == 0) cap = 2;
    else if (upper == 1 && first_upper) cap = 1;
    else cap = 3;
  }
  flags |= static_cast<uint8_t>(cap << kCapShift);
  out->flags = flags;
  out->word = HashBytes(buf, n, kSeedWord);
  for (size_t k = 1; k <= 4; ++k) {
    size_t m = std::min(k, n);
    if (k <= 3) out->pre[k - 1] = HashBytes(buf, m, kSeedWord + 10 + k);
    out->suf[k - 1] = HashBytes(buf + n - m, m, kSeedWord + 20 + k);
  }
  out->shape = HashBytes(shape, sn, kSeedWord + 30);
}

int SentenceCasing(std::span<const WordInfo> words) {
  int alpha = 0, title = 0, all = 0;
  for (const WordInfo& w : words) {
    if (!(w.flags & kHasAlpha)) continue;
    ++alpha;
    int cap = (w.flags >> kCapShift) & 3;
    if (cap == 2) ++all;
    if (cap != 0) ++title;
  }
  if (alpha < 3) return 0;
  if (all * 5 >= alpha * 4) return 2;
  if (title * 10 >= alpha * 7) return 1;
  return 0;
}

void StaticFeatures(std::span<const WordInfo> words, size_t i, int casing, uint64_t* f) {
  const size_t n = words.size();
  const WordInfo& w = words[i];
  uint64_t wm1 = i >= 1 ? words[i - 1].word : kStart1;
  uint64_t wm2 = i >= 2 ? words[i - 2].word : (i == 1 ? kStart1 : kStart2);
  uint64_t wp1 = i + 1 < n ? words[i + 1].word : kEnd1;
  uint64_t wp2 = i + 2 < n ? words[i + 2].word : (i + 1 < n ? kEnd1 : kEnd2);
  uint64_t sm1 = i >= 1 ? words[i - 1].suf[2] : kStart1;
  uint64_t sp1 = i + 1 < n ? words[i + 1].suf[2] : kEnd1;
  uint64_t shp1 = i + 1 < n ? words[i + 1].shape : kEnd1;
  uint64_t fm1 = i >= 1 ? words[i - 1].flags : 0xFF;
  uint64_t fp1 = i + 1 < n ? words[i + 1].flags : 0xFF;
  uint64_t first = i == 0 ? 1 : 0;
  uint64_t cap = (w.flags >> kCapShift) & 3;
  f[0] = Key(0, 0);
  f[1] = Key(1, w.word);
  f[2] = Key(2, w.suf[0]);
  f[3] = Key(3, w.suf[1]);
  f[4] = Key(4, w.suf[2]);
  f[5] = Key(5, w.pre[0]);
  f[6] = Key(6, w.pre[1]);
  f[7] = Key(7, w.pre[2]);
  f[8] = Key(8, w.shape);
  f[9] = Key(9, w.flags | (first << 8));
  f[10] = Key(10, wm1);
  f[11] = Key(11, wp1);
  f[12] = Key(12, wm2);
  f[13] = Key(13, wp2);
  f[14] = Key(14, sm1);
  f[15] = Key(15, sp1);
  f[16] = Key(16, wm1, w.word);
  f[17] = Key(17, w.word, wp1);
  f[18] = Key(18, fm1 | (static_cast<uint64_t>(w.flags) << 8) | (fp1 << 16));
  f[19] = Key(19, static_cast<uint64_t>(casing) | (cap << 4) | (first << 8));
  f[20] = Key(20, w.suf[2], static_cast<uint64_t>(casing) | (first << 4));
  f[21] = Key(21, shp1);
  f[22] = Key(22, w.suf[3]);
}

void DynamicFeatures(std::span<const WordInfo> words, size_t i, Tag prev1, Tag prev2, uint64_t* f) {
  uint64_t p1 = static_cast<uint64_t>(prev1) + 1, p2 = static_cast<uint64_t>(prev2) + 1;
  const WordInfo& w = words[i];
  f[0] = Key(100, p1);
  f[1] = Key(101, p2);
  f[2] = Key(102, p1, p2);
  f[3] = Key(103, p1, w.word);
  f[4] = Key(104, p1, w.suf[2]);
  f[5] = Key(105, p1, i + 1 < words.size() ? words[i + 1].word : kEnd1);
}

// ---- Tagger

Tagger::Tagger(ModelArrays arrays) : arrays_(std::move(arrays)) {}

Result<std::unique_ptr<Tagger>> Tagger::FromArrays(ModelArrays a) {
  const size_t f = a.keys.size();
  if (a.dict_keys.size() != a.dict_tags.size()) return InvalidDataError("tagger model: dictionary arrays differ in size");
  if (a.row_end.size() != f) return InvalidDataError("tagger model: feature arrays differ in size");
  if (a.entry_tags.size() != a.entry_weights.size()) return InvalidDataError("tagger model: weight arrays differ in size");
  if (a.entry_tags.size() >= (uint64_t{1} << 32)) return InvalidDataError("tagger model: too many weights");
  uint32_t prev_end = 0;
  for (size_t i = 0; i < f; ++i) {
    if (a.keys[i] == 0 || (i > 0 && a.keys[i] <= a.keys[i - 1])) {
      return InvalidDataError("tagger model: feature keys not strictly ascending at " + std::to_string(i));
    }
    if (a.row_end[i] < prev_end || a.row_end[i] > a.entry_tags.size()) {
      return InvalidDataError("tagger model: bad row end at feature " + std::to_string(i));
    }
    prev_end = a.row_end[i];
  }
  if (prev_end != a.entry_tags.size()) return InvalidDataError("tagger model: rows do not cover the weights");
  if (a.entry_tags.size() >= (uint64_t{1} << 24)) return InvalidDataError("tagger model: too many weights");
  for (size_t i = 0; i < f; ++i) {
    if (a.row_end[i] - (i == 0 ? 0 : a.row_end[i - 1]) > 0xFE) {
      return InvalidDataError("tagger model: feature " + std::to_string(i) + " has too many weights");
    }
  }
  for (uint8_t t : a.entry_tags) {
    if (t >= kNumTags - 1) return InvalidDataError("tagger model: weight for an unknown tag");
  }
  for (size_t i = 0; i < a.dict_keys.size(); ++i) {
    if (a.dict_tags[i] >= kNumTags - 1) return InvalidDataError("tagger model: dictionary entry with an unknown tag");
    if (a.dict_keys[i] == 0 || (i > 0 && a.dict_keys[i] <= a.dict_keys[i - 1])) {
      return InvalidDataError("tagger model: dictionary keys not strictly ascending");
    }
  }
  std::unique_ptr<Tagger> t(new Tagger(std::move(a)));
  t->BuildTables();
  return t;
}

void Tagger::BuildTables() {
  const ModelArrays& a = arrays_;
  size_t cap = std::bit_ceil(std::max<size_t>(16, a.keys.size() + a.keys.size() / 2));
  table_.assign(cap, Slot{0, 0});
  mask_ = cap - 1;
  uint32_t begin = 0;
  for (size_t i = 0; i < a.keys.size(); ++i) {
    uint32_t count = a.row_end[i] - begin;
    if (count > 0) {
      uint64_t pos = a.keys[i] & mask_;
      while (table_[pos].row != 0) pos = (pos + 1) & mask_;
      table_[pos] = Slot{static_cast<uint32_t>(a.keys[i] >> 32), (begin << 8) | count};
    }
    begin = a.row_end[i];
  }
  entries_.resize(a.entry_tags.size());
  for (size_t i = 0; i < entries_.size(); ++i) entries_[i] = Entry{a.entry_weights[i], a.entry_tags[i]};
  size_t dcap = std::bit_ceil(std::max<size_t>(16, a.dict_keys.size() * 2));
  dict_.assign(dcap, DictSlot{0, 0});
  dict_mask_ = dcap - 1;
  for (size_t i = 0; i < a.dict_keys.size(); ++i) {
    uint64_t pos = a.dict_keys[i] & dict_mask_;
    while (dict_[pos].key != 0) pos = (pos + 1) & dict_mask_;
    dict_[pos] = DictSlot{a.dict_keys[i], a.dict_tags[i]};
  }
}

inline uint32_t Tagger::Find(uint64_t key) const {
  const uint32_t fp = static_cast<uint32_t>(key >> 32);
  for (uint64_t pos = key & mask_;; pos = (pos + 1) & mask_) {
    const Slot& s = table_[pos];
    if (s.row == 0) return 0;
    if (s.fingerprint == fp) return s.row;
  }
}

inline void Tagger::AddRow(uint32_t row, int32_t* scores) const {
  const Entry* e = entries_.data() + (row >> 8);
  for (uint32_t k = 0, n = row & 0xFF; k < n; ++k) scores[e[k].tag] += e[k].weight;
}

constexpr uint32_t kDictionaryRow = 0xFF;

// The one-verb repair below changes a tag only when the verb reading scored
// at most this far below it (weights are int16-quantised sums; measured on
// the UD EWT development set, where larger gaps were fragments).
constexpr int32_t kMaxRepairMargin = 45000;

// Two passes: first every token's static features are looked up (the
// lookups are independent, so their cache misses overlap), then tokens are
// tagged left to right adding the few features of the previous tags.
void Tagger::Tag(std::span<const std::string_view> words, std::span<analysis::Tag> out,
                 TaggerScratch* scratch) const {
  const size_t n = std::min(words.size(), out.size());
  std::vector<WordInfo>& info = scratch->info;
  std::vector<uint32_t>& rows = scratch->rows;
  info.resize(n);
  rows.resize(n * kNumStaticFeatures);
  for (size_t i = 0; i < n; ++i) ComputeWordInfo(words[i], &info[i]);
  std::span<const WordInfo> ws(info.data(), n);
  int casing = SentenceCasing(ws);
  uint64_t f[kNumFeatures];
  for (size_t i = 0; i < n; ++i) {
    uint64_t dk = info[i].exact == 0 ? 1 : info[i].exact;
    uint8_t fixed = kNumTags;
    for (uint64_t pos = dk & dict_mask_;; pos = (pos + 1) & dict_mask_) {
      if (dict_[pos].key == dk) {
        fixed = dict_[pos].tag;
        break;
      }
      if (dict_[pos].key == 0) break;
    }
    uint32_t* r = rows.data() + i * kNumStaticFeatures;
    if (fixed != kNumTags) {
      r[0] = kDictionaryRow;  // no real row has 0xFF weights
      r[1] = fixed;
      continue;
    }
    StaticFeatures(ws, i, casing, f);
    for (int k = 0; k < kNumStaticFeatures; ++k) {
      r[k] = Find(f[k]);
      __builtin_prefetch(entries_.data() + (r[k] >> 8));
    }
  }
  std::vector<int32_t>& margin = scratch->verb_margin;
  std::vector<uint8_t>& verb_tag = scratch->verb_tag;
  margin.assign(n, INT32_MAX);
  verb_tag.assign(n, static_cast<uint8_t>(analysis::Tag::kVBD));
  // Greedy left-to-right decoding from token `from` (earlier tags stay).
  auto decode = [&](size_t from) {
    analysis::Tag p1 = from > 0 ? out[from - 1] : analysis::Tag::kOther;
    analysis::Tag p2 = from > 1 ? out[from - 2] : analysis::Tag::kOther;
    for (size_t i = from; i < n; ++i) {
      const uint32_t* r = rows.data() + i * kNumStaticFeatures;
      analysis::Tag best;
      if (r[0] == kDictionaryRow) {
        best = static_cast<analysis::Tag>(r[1]);
      } else {
        alignas(64) int32_t scores[64] = {};
        for (int k = 0; k < kNumStaticFeatures; ++k) AddRow(r[k], scores);
        DynamicFeatures(ws, i, p1, p2, f);
        for (int k = 0; k < kNumDynamicFeatures; ++k) AddRow(Find(f[k]), scores);
        int arg = 0;
        for (int t = 1; t < kNumTags - 1; ++t) {
          if (scores[t] > scores[arg]) arg = t;
        }
        best = static_cast<analysis::Tag>(arg);
        int v = static_cast<int>(analysis::Tag::kVBD);
        margin[i] = scores[arg] - scores[v];
        verb_tag[i] = static_cast<uint8_t>(v);
      }
      out[i] = best;
      p2 = p1;
      p1 = best;
    }
  };
  decode(0);
  // One-verb repair. A greedy tagger trained on web text sometimes reads the
  // only verb of a news sentence as a noun ("the new mayor left/NN yesterday
  // for the capital"). A full sentence (six or more tokens ending in a full
  // stop) without any verb or modal gets one: the noun, adjective or adverb
  // whose finite-verb score came closest to its chosen tag is made that verb
  // and the rest of the sentence is tagged again. Headlines and fragments
  // (no full stop, or short) are left as tagged. This is a constraint on the
  // decoder, not a lexicon: the model still decides which word it is.
  if (n >= 6 && words[n - 1] == ".") {
    bool has_verb = false;
    for (size_t i = 0; i < n && !has_verb; ++i) {
      has_verb = analysis::IsVerb(out[i]) || out[i] == analysis::Tag::kMD;
    }
    if (!has_verb) {
      size_t pick = n;
      for (size_t i = 0; i < n; ++i) {
        analysis::Tag t = out[i];
        bool open = t == analysis::Tag::kNN || t == analysis::Tag::kNNS ||
                    analysis::IsAdjective(t) || t == analysis::Tag::kRB;
        if (!open || margin[i] == INT32_MAX || i == 0 || margin[i] > kMaxRepairMargin) continue;
        analysis::Tag before = out[i - 1];
        if (!analysis::IsNoun(before) && before != analysis::Tag::kPRP) continue;
        if (pick == n || margin[i] < margin[pick]) pick = i;
      }
      if (pick != n && pick > 0) {
        out[pick] = static_cast<analysis::Tag>(verb_tag[pick]);
        decode(pick + 1);
      }
    }
  }
}

// ---- file format

namespace {

template <typename T>
void Put(std::string* out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));  // little-endian hosts only (x86-64, arm64)
  out->append(b, sizeof(T));
}
template <typename T>
void PutArray(std::string* out, const std::vector<T>& v) {
  out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  template <typename T>
  bool Get(T* v) {
    if (b_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, b_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  template <typename T>
  bool GetArray(uint32_t n, std::vector<T>* v) {
    if ((b_.size() - pos_) / sizeof(T) < n) return false;
    v->resize(n);
    std::memcpy(v->data(), b_.data() + pos_, size_t{n} * sizeof(T));
    pos_ += size_t{n} * sizeof(T);
    return true;
  }
  size_t pos() const { return pos_; }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

}  // namespace

std::string Tagger::Serialize() const {
  const ModelArrays& a = arrays_;
  std::string out(kMagic, sizeof kMagic);
  Put<uint32_t>(&out, kFormatVersion);
  Put<uint32_t>(&out, kFeatureVersion);
  Put<uint32_t>(&out, kNumTags);
  Put<float>(&out, a.scale);
  Put<uint32_t>(&out, static_cast<uint32_t>(a.dict_keys.size()));
  PutArray(&out, a.dict_keys);
  PutArray(&out, a.dict_tags);
  Put<uint32_t>(&out, static_cast<uint32_t>(a.keys.size()));
  PutArray(&out, a.keys);
  PutArray(&out, a.row_end);
  Put<uint32_t>(&out, static_cast<uint32_t>(a.entry_tags.size()));
  PutArray(&out, a.entry_tags);
  PutArray(&out, a.entry_weights);
  Put<uint64_t>(&out, XXH3_64bits(out.data(), out.size()));
  return out;
}

Result<std::unique_ptr<Tagger>> Tagger::Load(std::string_view bytes) {
  if (bytes.size() < sizeof kMagic + 8 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return InvalidDataError("tagger model: not a storyline tagger model (bad magic)");
  }
  uint64_t stored_sum;
  std::memcpy(&stored_sum, bytes.data() + bytes.size() - 8, 8);
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  if (XXH3_64bits(body.data(), body.size()) != stored_sum) {
    return DataLossError("tagger model: checksum mismatch (truncated or corrupt file)");
  }
  Reader r(body.substr(sizeof kMagic));
  uint32_t format = 0, features = 0, tags = 0, nd = 0, nf = 0, ne = 0;
  ModelArrays a;
  if (!r.Get(&format) || !r.Get(&features) || !r.Get(&tags) || !r.Get(&a.scale)) {
    return DataLossError("tagger model: truncated header");
  }
  if (format != kFormatVersion) return InvalidDataError("tagger model: format version " + std::to_string(format) + ", expected " + std::to_string(kFormatVersion));
  if (features != kFeatureVersion) {
    return InvalidDataError("tagger model: trained with feature version " + std::to_string(features) +
                            ", this program extracts version " + std::to_string(kFeatureVersion) + " (retrain)");
  }
  if (tags != kNumTags) return InvalidDataError("tagger model: tag set of " + std::to_string(tags) + " tags, expected " + std::to_string(kNumTags));
  if (!r.Get(&nd) || !r.GetArray(nd, &a.dict_keys) || !r.GetArray(nd, &a.dict_tags) || !r.Get(&nf) ||
      !r.GetArray(nf, &a.keys) || !r.GetArray(nf, &a.row_end) || !r.Get(&ne) || !r.GetArray(ne, &a.entry_tags) ||
      !r.GetArray(ne, &a.entry_weights)) {
    return DataLossError("tagger model: truncated arrays");
  }
  if (r.pos() + sizeof kMagic != body.size()) return InvalidDataError("tagger model: trailing bytes after the arrays");
  return FromArrays(std::move(a));
}

// ---- base64

namespace {
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string EncodeBase64(std::string_view in) {
  std::string out;
  out.reserve(in.size() / 3 * 4 + in.size() / 57 + 8);
  size_t line = 0;
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t v = static_cast<uint8_t>(in[i]) << 16;
    size_t m = std::min<size_t>(3, in.size() - i);
    if (m > 1) v |= static_cast<uint8_t>(in[i + 1]) << 8;
    if (m > 2) v |= static_cast<uint8_t>(in[i + 2]);
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += m > 1 ? kB64[(v >> 6) & 63] : '=';
    out += m > 2 ? kB64[v & 63] : '=';
    if ((line += 4) == 76) {
      out += '\n';
      line = 0;
    }
  }
  if (line != 0) out += '\n';
  return out;
}

Result<std::string> DecodeBase64(std::string_view text) {
  int8_t rev[256];
  std::memset(rev, -1, sizeof rev);
  for (int i = 0; i < 64; ++i) rev[static_cast<uint8_t>(kB64[i])] = static_cast<int8_t>(i);
  std::string out;
  out.reserve(text.size() / 4 * 3);
  uint32_t acc = 0;
  int bits = 0;
  bool padded = false;
  for (char ch : text) {
    if (ch == '\n' || ch == '\r' || ch == ' ') continue;
    if (ch == '=') {
      padded = true;
      continue;
    }
    int8_t v = rev[static_cast<uint8_t>(ch)];
    if (v < 0 || padded) return InvalidDataError("base64: unexpected character");
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace storyline::analysis
