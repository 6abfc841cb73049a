// Shallow chunking by rules over part-of-speech tags, in the tradition of
// Abney's chunks ("Parsing by chunks", 1991) and the regular-expression
// chunkers built on them: one left-to-right pass takes the longest phrase
// that starts at each token:
//   VP   [TO] (RB | not | MD | aux)* verb [RP]: an auxiliary (be, get, have,
//        do: data/analysis/auxiliaries.txt) continues the group only when
//        another verb follows it, so "tried attacking" is two groups while
//        "has not been attacked" is one; the last verb is the main verb; be/get
//        right before a VBN main verb makes it passive.
//   NP   [PDT] [DT | PRP$ | WDT | WP$] (CD | JJ | RB-before-JJ/CD | VBN/VBG-before-noun | $)*
//        NN* (POS NP-modifiers* NN*)*: possessives stay inside the phrase.
//   PP   IN/TO + NP.  A subordinator (that, because, ...; after/before/since
//        only when a subject and verb follow) is a clause marker instead.
// A second pass over the chunks marks clause starts: subordinators and
// wh-words always; a comma, colon or coordinating conjunction when the clause
// it closes already has a verb group and a verb group (or subject + verb
// group) follows it.
#include "analysis/chunker.h"

#include <unordered_map>

#include "common/embedded_data.h"

namespace storyline::analysis {
namespace {

enum : uint16_t {
  kBe = 1,
  kGet = 2,
  kHave = 4,
  kDo = 8,
  kModal = 16,
  kNeg = 32,
  kSubAlways = 64,
  kSubClause = 128,
  kGoing = 256,
};

const std::unordered_map<std::string_view, uint16_t>& WordLists() {
  static const auto* lists = [] {
    auto* m = new std::unordered_map<std::string_view, uint16_t>;
    auto two = [](std::string_view line, std::string_view* a, std::string_view* b) {
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) return false;
      *a = line.substr(0, sp);
      *b = line.substr(line.find_first_not_of(' ', sp));
      return true;
    };
    for (std::string_view line : data::Lines("analysis/auxiliaries.txt")) {
      std::string_view cls, form;
      if (!two(line, &cls, &form)) continue;
      uint16_t f = cls == "be" ? kBe : cls == "get" ? kGet : cls == "have" ? kHave : cls == "do" ? kDo : 0;
      (*m)[form] |= f;
    }
    for (std::string_view w : data::Lines("analysis/modals.txt")) {
      (*m)[w] |= (w == "going" || w == "gon") ? kGoing : kModal;
    }
    for (std::string_view w : data::Lines("analysis/negations.txt")) (*m)[w] |= kNeg;
    for (std::string_view line : data::Lines("analysis/subordinators.txt")) {
      std::string_view when, word;
      if (!two(line, &when, &word)) continue;
      (*m)[word] |= when == "always" ? kSubAlways : kSubClause;
    }
    return m;
  }();
  return *lists;
}

// The list flags of a word, compared in ASCII lowercase with ’ read as '.
uint16_t Flags(std::string_view w) {
  char buf[16];
  size_t n = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (n == sizeof buf) return 0;
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        static_cast<unsigned char>(w[i + 2]) == 0x99) {
      buf[n++] = '\'';
      i += 2;
      continue;
    }
    buf[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  const auto& m = WordLists();
  auto it = m.find(std::string_view(buf, n));
  return it == m.end() ? 0 : it->second;
}

class Chunker {
 public:
  Chunker(std::span<const std::string_view> words, std::span<const Tag> tags, std::vector<Chunk>* chunks,
          std::span<uint16_t> chunk_of)
      : w_(words), t_(tags), n_(std::min(words.size(), tags.size())), chunks_(chunks), chunk_of_(chunk_of) {}

  void Run() {
    chunks_->clear();
    size_t i = 0;
    while (i < n_) i = ChunkAt(i);
    MarkClauses();
  }

 private:
  bool IsAdv(size_t k) const { return IsAdverb(t_[k]) || (Flags(w_[k]) & kNeg) != 0; }
  size_t SkipAdverbs(size_t k) const {
    while (k < n_ && IsAdv(k)) ++k;
    return k;
  }
  // Is there a base verb at k, possibly after adverbs?
  bool VerbAfter(size_t k) const {
    k = SkipAdverbs(k);
    return k < n_ && t_[k] == Tag::kVB;
  }
  // Does a verb group start at k (possibly after adverbs)?
  bool VpAt(size_t k) const {
    k = SkipAdverbs(k);
    if (k >= n_) return false;
    Tag t = t_[k];
    if (IsVerb(t) || t == Tag::kMD) return true;
    return t == Tag::kTO && VerbAfter(k + 1);
  }
  static bool NpStartTag(Tag t) {
    return t == Tag::kDT || t == Tag::kPDT || t == Tag::kPRPS || t == Tag::kWPS || t == Tag::kCD ||
           IsAdjective(t) || IsNoun(t) || t == Tag::kDollar;
  }
  // Does a noun phrase start at k?
  bool NpAt(size_t k) const {
    if (k >= n_) return false;
    Tag t = t_[k];
    if (NpStartTag(t) || t == Tag::kPRP || t == Tag::kEX || t == Tag::kWP) return true;
    if (IsAdverb(t)) {  // "about 50 people", "very large crowds"
      size_t m = k;
      while (m < n_ && IsAdverb(t_[m])) ++m;
      return m < n_ && (t_[m] == Tag::kCD || IsAdjective(t_[m]));
    }
    return false;
  }

  uint16_t Add(ChunkKind kind, size_t begin, size_t end, size_t head) {
    Chunk c;
    c.kind = kind;
    c.begin = static_cast<uint16_t>(begin);
    c.end = static_cast<uint16_t>(end);
    c.head = static_cast<uint16_t>(head);
    chunks_->push_back(c);
    uint16_t idx = static_cast<uint16_t>(chunks_->size() - 1);
    for (size_t k = begin; k < end; ++k) chunk_of_[k] = idx;
    return idx;
  }

  // Consumes a noun phrase at k (NpAt(k) true). Returns its end; *head set;
  // *has_noun tells whether it has a noun, pronoun or number head.
  size_t ConsumeNp(size_t k, size_t* head, bool* has_noun) const {
    Tag t = t_[k];
    *has_noun = true;
    if (t == Tag::kPRP || t == Tag::kEX || t == Tag::kWP) {
      *head = k;
      return k + 1;
    }
    size_t noun = SIZE_MAX, number = SIZE_MAX, last = k;
    bool after_noun = false, det_ok = true;
    size_t m = k;
    while (m < n_) {
      Tag u = t_[m];
      bool take = false;
      if (u == Tag::kPDT || u == Tag::kDT || u == Tag::kPRPS || u == Tag::kWPS || u == Tag::kWDT) {
        // A determiner only opens a phrase (or follows a possessive);
        // "which" with no noun after it is a pronoun, not a determiner.
        take = det_ok && !(u == Tag::kWDT && m == k && !(m + 1 < n_ && NpStartTag(t_[m + 1])));
        if (take) det_ok = u == Tag::kPDT;
      } else if (IsNoun(u)) {
        take = true;
        noun = m;
        after_noun = true;
        det_ok = false;
      } else if (u == Tag::kPOS) {
        take = after_noun;
        if (take) {
          after_noun = false;
          det_ok = true;
        }
      } else if (after_noun) {
        take = false;
      } else if (u == Tag::kCD || IsAdjective(u) || u == Tag::kDollar || u == Tag::kHash) {
        take = true;
        det_ok = false;
        if (u == Tag::kCD) number = m;
      } else if (IsAdverb(u)) {
        size_t r = m;
        while (r < n_ && IsAdverb(t_[r])) ++r;
        take = r < n_ && (t_[r] == Tag::kCD || IsAdjective(t_[r])) && (Flags(w_[m]) & kNeg) == 0;
        det_ok = false;
      } else if ((u == Tag::kVBN || u == Tag::kVBG) && m > k && m + 1 < n_ &&
                 (IsNoun(t_[m + 1]) || IsAdjective(t_[m + 1]))) {
        take = true;  // "the armed group", "the ruling party"
        det_ok = false;
      }
      if (!take) break;
      last = m;
      ++m;
    }
    if (m == k) {  // a lone determiner ("this", "all"): a pronoun-like phrase
      *head = k;
      return k + 1;
    }
    if (noun != SIZE_MAX) *head = noun;
    else if (number != SIZE_MAX) *head = number;
    else {
      *head = last;
      *has_noun = t_[last] == Tag::kDT || t_[last] == Tag::kPDT || t_[last] == Tag::kWDT;
    }
    return m;
  }

  size_t ConsumeVp(size_t k) {
    const size_t begin = k;
    Chunk c;
    c.kind = ChunkKind::kVP;
    size_t main = SIZE_MAX;
    uint16_t last_aux = 0;
    while (k < n_) {
      while (k < n_ && IsAdv(k)) {
        if (Flags(w_[k]) & kNeg) c.negated = true;
        ++k;
      }
      if (k >= n_) break;
      Tag t = t_[k];
      uint16_t f = Flags(w_[k]);
      if (t == Tag::kMD) {
        if (c.modal == kNoToken) c.modal = static_cast<uint16_t>(k);
        ++k;
        continue;
      }
      if (t == Tag::kTO && main == SIZE_MAX && c.modal == kNoToken && !c.infinitive && VerbAfter(k + 1)) {
        c.infinitive = true;
        ++k;
        continue;
      }
      if (!IsVerb(t)) break;
      // "going to" / "gonna" + verb: future.
      if ((f & kGoing) && k + 2 < n_ && (w_[k + 1] == "to" || w_[k + 1] == "na") && VerbAfter(k + 2)) {
        if (c.modal == kNoToken) c.modal = static_cast<uint16_t>(k);
        k += 2;
        continue;
      }
      main = k;
      ++k;
      uint16_t aux = f & (kBe | kGet | kHave | kDo);
      size_t next = SkipAdverbs(k);
      if (aux != 0 && next < n_ && IsVerb(t_[next])) {
        last_aux = aux;
        continue;
      }
      break;
    }
    if (main != SIZE_MAX) {
      if (k < n_ && t_[k] == Tag::kRP) ++k;  // "carried out"
      c.passive = t_[main] == Tag::kVBN && (last_aux & (kBe | kGet)) != 0 && main > begin;
      c.head = static_cast<uint16_t>(main);
    } else {
      c.head = static_cast<uint16_t>(c.modal != kNoToken ? c.modal : begin);
    }
    c.begin = static_cast<uint16_t>(begin);
    c.end = static_cast<uint16_t>(k);
    chunks_->push_back(c);
    uint16_t idx = static_cast<uint16_t>(chunks_->size() - 1);
    for (size_t m = begin; m < k; ++m) chunk_of_[m] = idx;
    return k;
  }

  size_t ChunkAt(size_t i) {
    Tag t = t_[i];
    if ((t == Tag::kTO || IsVerb(t) || t == Tag::kMD || IsAdv(i)) && VpAt(i)) return ConsumeVp(i);
    if (t == Tag::kIN || t == Tag::kTO) {
      uint16_t f = Flags(w_[i]);
      bool clause = (f & kSubAlways) != 0 && t == Tag::kIN;
      if (!clause && (f & kSubClause) && NpAt(i + 1)) {
        size_t h;
        bool has;
        size_t e = ConsumeNp(i + 1, &h, &has);  // reads only: writes no chunk
        clause = VpAt(e);
      }
      if (clause) {
        uint16_t idx = Add(ChunkKind::kOther, i, i + 1, i);
        (*chunks_)[idx].clause_start = true;
        return i + 1;
      }
      if (NpAt(i + 1) && !(t_[i + 1] == Tag::kWP || t_[i + 1] == Tag::kWDT)) {
        size_t head;
        bool has_noun;
        size_t e = ConsumeNp(i + 1, &head, &has_noun);
        uint16_t idx = Add(ChunkKind::kPP, i, e, head);
        (*chunks_)[idx].np_begin = static_cast<uint16_t>(i + 1);
        return e;
      }
      Add(ChunkKind::kPP, i, i + 1, i);
      return i + 1;
    }
    if (NpAt(i)) {
      size_t head;
      bool has_noun;
      size_t e = ConsumeNp(i, &head, &has_noun);
      ChunkKind kind = ChunkKind::kNP;
      if (!has_noun) kind = IsAdjective(t_[head]) ? ChunkKind::kADJP : ChunkKind::kADVP;
      uint16_t idx = Add(kind, i, e, head);
      if (t == Tag::kWP || t == Tag::kWDT) (*chunks_)[idx].clause_start = true;
      return e;
    }
    if (IsAdv(i)) {
      size_t e = SkipAdverbs(i);
      Add(ChunkKind::kADVP, i, e, e - 1);
      return e;
    }
    uint16_t idx = Add(ChunkKind::kOther, i, i + 1, i);
    if (IsWh(t)) (*chunks_)[idx].clause_start = true;
    return i + 1;
  }

  void MarkClauses() {
    std::vector<Chunk>& cs = *chunks_;
    bool clause_has_vp = false;
    for (size_t c = 0; c < cs.size(); ++c) {
      Chunk& ch = cs[c];
      if (ch.clause_start) {
        clause_has_vp = false;
        continue;
      }
      if (ch.kind == ChunkKind::kVP) {
        clause_has_vp = true;
        continue;
      }
      if (ch.kind != ChunkKind::kOther) continue;
      Tag t = t_[ch.begin];
      if (t != Tag::kCC && t != Tag::kComma && t != Tag::kColon) continue;
      if (!clause_has_vp || c + 1 >= cs.size()) continue;
      const Chunk& next = cs[c + 1];
      if (next.clause_start) continue;  // the subordinator or wh-word marks it
      bool opens = next.kind == ChunkKind::kVP ||
                   (next.kind == ChunkKind::kNP && c + 2 < cs.size() && cs[c + 2].kind == ChunkKind::kVP);
      if (opens) {
        ch.clause_start = true;
        clause_has_vp = false;
      }
    }
  }

  std::span<const std::string_view> w_;
  std::span<const Tag> t_;
  size_t n_;
  std::vector<Chunk>* chunks_;
  std::span<uint16_t> chunk_of_;
};

}  // namespace

void ChunkSentence(std::span<const std::string_view> words, std::span<const Tag> tags, std::vector<Chunk>* chunks,
                   std::span<uint16_t> chunk_of) {
  Chunker(words, tags, chunks, chunk_of).Run();
}

}  // namespace storyline::analysis
