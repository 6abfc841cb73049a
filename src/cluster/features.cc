// Feature extraction for clustering: one pass of the tokenizer over title and
// body, term ids interned once, term frequencies by sorting id lists (no
// per-token allocation), TF-IDF with online document frequencies.
//
// Online IDF means a document is weighed with the frequencies of the stream
// up to and including itself, never with the future, so an article's vector
// does not change after it is clustered (centroids stay valid without
// recomputation).
#include "cluster/features.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "common/embedded_data.h"

namespace storyline::cluster {
namespace {

inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Lower-cases ASCII of `w` into *out (replacing it).
void Lower(std::string_view w, std::string* out) {
  out->assign(w);
  for (char& c : *out) {
    if (IsUpper(c)) c = static_cast<char>(c + 32);
  }
}

// "talks" -> "talk", "parties" -> "party"; leaves "ss", "us", "is" endings.
bool FoldPlural(std::string* w) {
  size_t n = w->size();
  if (n <= 3 || (*w)[n - 1] != 's') return false;
  char p = (*w)[n - 2];
  if (p == 's' || p == 'u' || p == 'i' || p == '\'') return false;
  if (n > 4 && p == 'e' && (*w)[n - 3] == 'i') {
    w->resize(n - 3);
    w->push_back('y');
    return true;
  }
  w->pop_back();
  return true;
}

bool IsClitic(std::string_view w) {
  return (!w.empty() && w[0] == '\'') || w.substr(0, 3) == "\xE2\x80\x99";
}

bool HasLetter(std::string_view w) {
  for (char c : w) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) {
      return true;
    }
  }
  return false;
}

}  // namespace

FeatureSpace::FeatureSpace(size_t max_terms) : max_terms_(max_terms) { MarkWordLists(); }

// The word lists become flags on body-space term ids, so one vocabulary
// lookup per token answers both "which term" and "is it a stopword".
void FeatureSpace::MarkWordLists() {
  for (std::string_view w : data::Lines("cluster/stopwords.txt"))
    flags_[Intern(kBody, w)] |= kStopFlag;
  for (std::string_view w : data::Lines("cluster/entity_stop.txt"))
    flags_[Intern(kBody, w)] |= kEntityStopFlag;
}

uint32_t FeatureSpace::Intern(Subspace space, std::string_view term) {
  uint64_t h = 0xcbf29ce484222325ULL ^ static_cast<uint64_t>(space);
  for (char c : term) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  if ((terms_.size() + 1) * 10 > vocab_.size() * 7) {
    std::vector<VocabSlot> old = std::move(vocab_);
    vocab_.assign(old.empty() ? 4096 : old.size() * 2, VocabSlot{});
    for (const VocabSlot& s : old) {
      if (s.id == 0xffffffffu) continue;
      size_t i = s.hash & (vocab_.size() - 1);
      while (vocab_[i].id != 0xffffffffu) i = (i + 1) & (vocab_.size() - 1);
      vocab_[i] = s;
    }
  }
  size_t mask = vocab_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    VocabSlot& s = vocab_[i];
    if (s.id == 0xffffffffu) {
      uint32_t id = static_cast<uint32_t>(terms_.size());
      s.hash = h;
      s.id = id;
      terms_.emplace_back(term);
      spaces_.push_back(static_cast<uint8_t>(space));
      df_.push_back(0);
      flags_.push_back(0);
      return id;
    }
    // The 64-bit hash covers subspace and term: equal hashes are taken as
    // equal terms (a collision among a million terms has odds ~1e-8), which
    // saves a second cache miss per token.
    if (s.hash == h) return s.id;
  }
}

double FeatureSpace::Idf(uint32_t id) const {
  return std::log((static_cast<double>(docs_) + 1.0) / (static_cast<double>(df_[id]) + 1.0)) + 1.0;
}

void FeatureSpace::Weigh(std::vector<uint32_t>* ids, SparseVector* out) {
  out->clear();
  weights_.clear();
  std::sort(ids->begin(), ids->end());
  for (size_t i = 0; i < ids->size();) {
    size_t j = i;
    while (j < ids->size() && (*ids)[j] == (*ids)[i]) ++j;
    uint32_t id = (*ids)[i];
    ++df_[id];
    weights_.emplace_back(0.f, id);
    weights_.back().first = static_cast<float>(j - i);  // tf for now
    i = j;
  }
  for (auto& [w, id] : weights_) {
    w = static_cast<float>((1.0 + std::log(static_cast<double>(w))) * Idf(id));
  }
  if (weights_.size() > max_terms_) {
    std::nth_element(weights_.begin(), weights_.begin() + static_cast<long>(max_terms_),
                     weights_.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    weights_.resize(max_terms_);
  }
  double norm = 0;
  for (const auto& [w, id] : weights_) norm += static_cast<double>(w) * w;
  norm = std::sqrt(norm);
  if (norm == 0) return;
  for (const auto& [w, id] : weights_) out->emplace_back(id, static_cast<float>(w / norm));
  std::sort(out->begin(), out->end());
}

void FeatureSpace::Featurize(std::string_view title, std::string_view body, DocFeatures* out) {
  ++docs_;
  for (auto& ids : ids_scratch_) ids.clear();
  std::string word, phrase;
  for (int part = 0; part < 2; ++part) {
    std::string_view text = part == 0 ? title : body;
    tokens_.clear();
    text::Tokenize(text, &tokens_);
    bool sentence_start = true;
    size_t i = 0;
    while (i < tokens_.size()) {
      const text::Token& t = tokens_[i];
      std::string_view s = t.span.In(text);
      bool cap = (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kAbbreviation) &&
                 !s.empty() && IsUpper(s[0]);
      if (cap) {
        // A run of capitalised tokens: one entity phrase and its words.
        size_t j = i;
        phrase.clear();
        int words = 0;
        bool at_start = sentence_start;
        while (j < tokens_.size()) {
          const text::Token& u = tokens_[j];
          std::string_view us = u.span.In(text);
          bool ucap =
              (u.kind == text::TokenKind::kWord || u.kind == text::TokenKind::kAbbreviation) &&
              !us.empty() && IsUpper(us[0]);
          if (!ucap) break;
          Lower(us, &word);
          if (!word.empty() && word.back() == '.') word.pop_back();
          uint8_t f = flags_[Intern(kBody, word)];
          bool skip = (words == 0 && ((f & kEntityStopFlag) || (at_start && (f & kStopFlag))));
          if (!skip) {
            if (!phrase.empty()) phrase.push_back(' ');
            phrase.append(word);
            ++words;
            if (f == 0 && word.size() > 1) {
              ids_scratch_[kEntity].push_back(Intern(kEntity, word));
            }
          }
          ++j;
        }
        if (words >= 2) ids_scratch_[kEntity].push_back(Intern(kEntity, phrase));
        // The words also count as ordinary words.
        for (size_t k = i; k < j; ++k) {
          Lower(tokens_[k].span.In(text), &word);
          if (!word.empty() && word.back() == '.') word.pop_back();
          if (word.size() < 2 || !HasLetter(word) || IsClitic(word)) continue;
          uint32_t id = Intern(kBody, word);
          if (flags_[id] & kStopFlag) continue;
          if (FoldPlural(&word)) id = Intern(kBody, word);
          ids_scratch_[kBody].push_back(id);
          if (part == 0) ids_scratch_[kTitle].push_back(Intern(kTitle, word));
        }
        sentence_start = false;
        i = j;
        continue;
      }
      if (t.kind == text::TokenKind::kWord) {
        Lower(s, &word);
        if (word.size() >= 2 && HasLetter(word) && !IsClitic(word)) {
          uint32_t id = Intern(kBody, word);
          if (!(flags_[id] & kStopFlag)) {
            if (FoldPlural(&word)) id = Intern(kBody, word);
            ids_scratch_[kBody].push_back(id);
            if (part == 0) ids_scratch_[kTitle].push_back(Intern(kTitle, word));
          }
        }
        sentence_start = false;
      } else if (t.kind == text::TokenKind::kPunct) {
        if (s == "." || s == "?" || s == "!" || s == "\"" || s == "\u201c" || s == ":") {
          sentence_start = true;
        }
      } else {
        sentence_start = false;
      }
      ++i;
    }
  }
  for (int sp = 0; sp < kNumSubspaces; ++sp) Weigh(&ids_scratch_[sp], &out->v[sp]);
}

// --- persistence

void PutU32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }
void PutU64(std::string* out, uint64_t v) { out->append(reinterpret_cast<const char*>(&v), 8); }
void PutF64(std::string* out, double v) { out->append(reinterpret_cast<const char*>(&v), 8); }
void PutStr(std::string* out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}
bool GetU32(std::string_view in, size_t* pos, uint32_t* v) {
  if (*pos + 4 > in.size()) return false;
  std::memcpy(v, in.data() + *pos, 4);
  *pos += 4;
  return true;
}
bool GetU64(std::string_view in, size_t* pos, uint64_t* v) {
  if (*pos + 8 > in.size()) return false;
  std::memcpy(v, in.data() + *pos, 8);
  *pos += 8;
  return true;
}
bool GetF64(std::string_view in, size_t* pos, double* v) {
  if (*pos + 8 > in.size()) return false;
  std::memcpy(v, in.data() + *pos, 8);
  *pos += 8;
  return true;
}
bool GetStr(std::string_view in, size_t* pos, std::string* s) {
  uint32_t n;
  if (!GetU32(in, pos, &n) || *pos + n > in.size()) return false;
  s->assign(in.substr(*pos, n));
  *pos += n;
  return true;
}

void FeatureSpace::Serialize(std::string* out) const {
  PutU64(out, docs_);
  PutU32(out, static_cast<uint32_t>(terms_.size()));
  for (size_t i = 0; i < terms_.size(); ++i) {
    out->push_back(static_cast<char>(spaces_[i]));
    PutStr(out, terms_[i]);
    PutU32(out, df_[i]);
  }
}

bool FeatureSpace::Deserialize(std::string_view in, size_t* pos) {
  uint32_t n;
  if (!GetU64(in, pos, &docs_) || !GetU32(in, pos, &n)) return false;
  vocab_.clear();
  terms_.clear();
  spaces_.clear();
  df_.clear();
  flags_.clear();
  std::string term;
  for (uint32_t i = 0; i < n; ++i) {
    if (*pos >= in.size()) return false;
    auto space = static_cast<Subspace>(in[(*pos)++]);
    uint32_t df;
    if (!GetStr(in, pos, &term) || !GetU32(in, pos, &df)) return false;
    uint32_t id = Intern(space, term);
    df_[id] = df;
  }
  MarkWordLists();
  return true;
}

}  // namespace storyline::cluster
