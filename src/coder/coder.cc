// The coding engine.
//
// Idea: a shallow coder in the line of TABARI (Schrodt 2009, "TABARI:
// Textual Analysis by Augmented Replacement Instructions"), where the
// sentence structure PETRARCH takes from a full parse (Norris, Schrodt &
// Beieler 2017) comes instead from the analysis stage's part-of-speech tags and
// chunks. Per sentence:
//  1. analyse (tokens, tags, NP / VP / PP chunks); upper-case the text once;
//  2. discards: a listed phrase anywhere drops the sentence;
//  3. actors and agents: longest matches in the compiled tries, resolved left
//     to right into non-overlapping items;
//  4. cores: items of one noun group ("Gondor 's main opposition group",
//     "An MSF Arnor diplomat", "lawmakers in Fornost") compose one code:
//     prefix agents + actor code + suffix agents (PETRARCH's CODE~ / ~CODE);
//  5. groups: cores joined by "," / and / or / nor form compound actors, with
//     agents distributed over them ("lawmakers and officials in A and B");
//  6. verbs: dictionary verb forms on tokens tagged as verb-group heads; for
//     each, the most specific matching pattern (literal words, synsets, noun
//     and prepositional phrases, source / target / compound slots, skips)
//     gives the code, else the verb's own code;
//  7. roles: the source is the group in subject position (walking left over
//     auxiliaries, parentheticals and PPs; "and" + verb inherits the previous
//     verb's subject), the target the first group after the verb within its
//     clause; passive voice takes the source from "by ..."; a compound subject
//     without target codes its members against each other;
//  8. events: the cross product of source and target codes, paired codes
//     (032:033) adding the reverse event, then PETRARCH-2 transformations
//     ("A said B attacked C"), de-duplicated.
// Everything per sentence lives in a thread-local scratch; the dictionaries
// are shared and read-only.
#include "coder/coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analysis/analyzer.h"
#include "coder/tabari_structure.h"
#include "common/embedded_data.h"

namespace storyline::coder {
namespace {

using analysis::ChunkKind;
using analysis::Tag;
using coding::PatternElement;
using Kind = PatternElement::Kind;

std::unordered_set<std::string_view> WordSet(std::string_view path) {
  std::unordered_set<std::string_view> out;
  for (std::string_view w : data::Lines(path)) out.insert(w);
  return out;
}

const std::unordered_set<std::string_view>& ClauseWords() {
  static const auto* s =
      new std::unordered_set<std::string_view>(WordSet("coder/clause_words.txt"));
  return *s;
}
const std::unordered_set<std::string_view>& Subordinators() {
  static const auto* s =
      new std::unordered_set<std::string_view>(WordSet("coder/subordinators.txt"));
  return *s;
}
const std::unordered_set<std::string_view>& AgentLinks() {
  static const auto* s = new std::unordered_set<std::string_view>(WordSet("coder/agent_links.txt"));
  return *s;
}
const std::unordered_set<std::string_view>& Locatives() {
  static const auto* s = new std::unordered_set<std::string_view>(WordSet("coder/locatives.txt"));
  return *s;
}
const std::unordered_set<std::string_view>& MonthWords() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "JAN", "JAN.", "JANUARY", "FEB", "FEB.", "FEBRUARY", "MARCH", "MAR.",  "APRIL",   "APR.",
      "MAY", "JUNE", "JULY",    "AUG", "AUG.", "AUGUST",   "SEPT",  "SEPT.", "SEP.",    "SEPTEMBER",
      "OCT", "OCT.", "OCTOBER", "NOV", "NOV.", "NOVEMBER", "DEC",   "DEC.",  "DECEMBER"};
  return *s;
}
// data/coder/event_nouns.txt: "@WORD" lines are the prepositions, the
// others "NOUN WORDS CODE".
struct EventNouns {
  std::unordered_set<std::string_view> prepositions;
  std::vector<std::pair<std::vector<std::string_view>, std::string>> codes;
};
const EventNouns& EventNounTable() {
  static const EventNouns* t = [] {
    auto* out = new EventNouns;
    for (std::string_view line : data::Lines("coder/event_nouns.txt")) {
      if (line.front() == '@') {
        out->prepositions.insert(line.substr(1));
        continue;
      }
      std::vector<std::string_view> words;
      size_t i = 0;
      while (i < line.size()) {
        size_t j = line.find(' ', i);
        if (j == std::string_view::npos) j = line.size();
        if (j > i) words.push_back(line.substr(i, j - i));
        i = j + 1;
      }
      if (words.size() < 2) continue;
      std::string code(words.back());
      words.pop_back();
      out->codes.emplace_back(std::move(words), std::move(code));
    }
    return out;
  }();
  return *t;
}
const std::unordered_set<std::string_view>& CompoundLinks() {
  static const auto* s =
      new std::unordered_set<std::string_view>(WordSet("coder/compound_links.txt"));
  return *s;
}

constexpr int kNone = -1;

// A resolved actor or agent phrase.
struct Item {
  int b = 0, e = 0;  // tokens [b, e)
  bool actor = false;
  uint32_t entry = 0;
  int context_name = -1;  // an ArticleContext name (entry is then unused)
};

// One noun group's actor: items composed into codes.
struct Core {
  int b = 0, e = 0;
  std::vector<int> items;
  bool has_actor = false;
  bool linked = false;  // agent + of/in/from + actor
};

// A (possibly compound) actor mention: the unit verbs take as source/target.
struct Group {
  int b = 0, e = 0;
  std::vector<int> cores;
  std::vector<std::string> codes;      // distinct, in order
  std::vector<ActorMention> mentions;  // parallel to codes
  bool compound() const { return codes.size() > 1; }
};

struct Scratch {
  analysis::Analysis analysis;
  std::string clean;  // sentence with '_' as blanks
  std::string upper;  // ASCII upper-case copy of clean (same offsets)
  std::vector<std::string_view> words;
  std::vector<std::string_view> sorted_words;  // for pattern pre-checks
  std::vector<uint64_t> hashes;                // TokenTrie::Hash of each word
  std::vector<uint32_t> memo_stamp;            // synset memo (MatchContext)
  std::vector<int32_t> memo_end;
  std::vector<int16_t> memo_words;  // words of the member that matched
  uint32_t memo_gen = 0;
  std::vector<Item> items;
  std::vector<Core> cores;
  std::vector<Group> groups;
  std::vector<int> group_at;  // token -> group or kNone
  // TABARI FORWARD (see Coder::Code): the actor forwarded into this
  // sentence, and this sentence's first actor for the next one.
  std::string forward_in, forward_out;
};

// TABARI: true when words other than FORMER and a possessive lie between
// the last actor of `core` and the agents that end it.
bool TitleApartFromActor(const Core& core, const std::vector<Item>& items,
                         std::span<const std::string_view> words) {
  size_t k = core.items.size();
  while (k > 0 && !items[core.items[k - 1]].actor) --k;
  if (k == 0 || k == core.items.size()) return false;
  for (int w = items[core.items[k - 1]].e; w < items[core.items[k]].b; ++w) {
    if (words[w] != "'S" && words[w] != "'" && words[w] != "FORMER") return true;
  }
  return false;
}

// TABARI: the agents that end `core` after its last actor, moved into a new
// core of their own (they belong to the actor that follows them).
Core SplitTitleFromCore(Core* core, const std::vector<Item>& items) {
  size_t keep = core->items.size();
  while (keep > 0 && !items[core->items[keep - 1]].actor) --keep;
  Core out;
  out.items.assign(core->items.begin() + keep, core->items.end());
  out.b = items[out.items.front()].b;
  core->items.resize(keep);
  core->e = items[core->items.back()].e;
  return out;
}

Scratch& ThreadScratch() {
  thread_local Scratch s;
  return s;
}

bool IsFiniteHead(Tag t) {
  return t == Tag::kVBD || t == Tag::kVBZ || t == Tag::kVBP || t == Tag::kMD;
}

bool NpInternal(Tag t) {
  return t == Tag::kDT || analysis::IsAdjective(t) || analysis::IsNoun(t) || t == Tag::kCD ||
         t == Tag::kPOS || t == Tag::kPRPS || t == Tag::kVBN || t == Tag::kVBG || t == Tag::kHYPH ||
         t == Tag::kPDT;
}

// Commas inside a noun phrase bound no clause: PETRARCH-1's parse folds them
// into the phrase before it looks for comma clauses ("complete, full
// diplomatic ties"; "Arnor, Gondor and Eriador"). Without the tree: a comma
// between adjectives, or one in a list of short noun groups that a
// conjunction closes, is phrase-internal.
bool PhraseInternalComma(const analysis::Analysis& a, std::span<const std::string_view> words,
                         int i) {
  const int n = static_cast<int>(a.tokens.size());
  auto tag = [&](int k) { return a.tokens[k].tag; };
  if (i == 0 || i + 1 >= n) return true;
  if (analysis::IsAdjective(tag(i - 1)) && analysis::IsAdjective(tag(i + 1))) return true;
  if (!NpInternal(tag(i - 1))) return false;
  auto conjunction = [&](int k) {
    return tag(k) == Tag::kCC && (words[k] == "AND" || words[k] == "OR" || words[k] == "NOR");
  };
  for (int j = i; j < n && tag(j) == Tag::kComma;) {
    int k = j + 1, run = 0;
    while (k < n && NpInternal(tag(k)) && run < 6) ++k, ++run;
    if (run == 0) return j > i && k < n && conjunction(k);  // "A, B, and C"
    if (run >= 6 || k >= n) return false;
    if (conjunction(k)) return k + 1 < n && NpInternal(tag(k + 1));
    j = k;
  }
  return false;
}

// PETRARCH-1's comma-clause deletion on the tagged sentence: 1 marks a
// token of a removed clause, 2 a comma left dangling by it. PETRARCH-1 counts
// the words that begin with a letter.
std::vector<uint8_t> CommaClausesToDrop(const analysis::Analysis& a,
                                        std::span<const std::string_view> words,
                                        const CoderOptions::CommaClauses& c) {
  const int n = static_cast<int>(a.tokens.size());
  std::vector<uint8_t> drop(n, 0);
  auto tag = [&](int k) { return a.tokens[k].tag; };
  int end = n;  // sentence-final punctuation is no part of the last clause
  while (end > 0 && analysis::IsPunct(tag(end - 1)) && tag(end - 1) != Tag::kComma) --end;
  std::vector<int> commas;
  for (int k = 0; k < end; ++k) {
    // The tagger also calls a lone hyphen a comma ("anti- Gondor").
    if (tag(k) == Tag::kComma && words[k] == "," && !PhraseInternalComma(a, words, k))
      commas.push_back(k);
  }
  if (commas.empty()) return drop;
  auto count = [&](int b, int e) {
    size_t out = 0;
    for (int k = b; k < e; ++k) {
      unsigned char first = words[k].empty() ? 0 : static_cast<unsigned char>(words[k][0]);
      out += std::isalpha(first) || first >= 0x80;
    }
    return out;
  };
  auto remove = [&](int b, int e, size_t lo, size_t hi) {
    size_t words_in = count(b, e);
    if (words_in < lo || words_in > hi) return false;
    for (int k = b; k < e; ++k) drop[k] = 1;
    return true;
  };
  if (c.bmax != 0) remove(0, commas.front(), c.bmin, c.bmax);
  if (c.emax != 0) remove(commas.back() + 1, end, c.emin, c.emax);
  if (c.max != 0) {
    for (size_t k = 0; k + 1 < commas.size(); ++k) {
      int open = commas[k], close = commas[k + 1];
      if (!remove(open + 1, close, c.min, c.max)) continue;
      // A parenthetical between a subject and its verb ("Arnor's minister,
      // in remarks published on Monday, urged ...") leaves no comma: the
      // tree PETRARCH-1 prunes keeps the subject next to its verb phrase.
      int after = close + 1;
      while (after < end && analysis::IsAdverb(tag(after))) ++after;
      if (after < end && (analysis::IsVerb(tag(after)) || tag(after) == Tag::kMD))
        drop[open] = drop[close] = 2;
    }
  }
  // Commas with no clause left on one side, or doubled, go too.
  int prev = -1;  // the last kept token
  for (int k = 0; k < end; ++k) {
    if (drop[k]) continue;
    if (tag(k) == Tag::kComma && words[k] == ",") {
      int next = k + 1;
      while (next < end && drop[next]) ++next;
      if (prev < 0 || words[prev] == "," || next >= end) {
        drop[k] = 2;
        continue;
      }
    }
    prev = k;
  }
  return drop;
}

// The words TABARI counts (for SET: MINIMUM WORDS and comma clauses): tokens
// that begin with a letter or digit; punctuation and a split-off "'s" are
// not words of their own, nor is the "n't" split from "don't".
bool TabariWord(std::string_view w) {
  unsigned char first = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  if (w.size() == 3 && (w[0] == 'N' || w[0] == 'n') && w[1] == '\'' && (w[2] == 'T' || w[2] == 't'))
    return false;
  return std::isalnum(first) || first >= 0x80;
}

}  // namespace

// Pattern views prepared once per dictionary: the elements before and after
// the verb, and a specificity weight.
struct Coder::Compiled {
  struct Pattern {
    const coding::VerbPattern* source = nullptr;
    std::vector<const PatternElement*> lower;  // nearest to the verb first
    std::vector<PatternElement> upper;         // in order after the verb
    bool lower_adjacent = false;               // "IN_*": the last lower element touches the verb
    bool upper_adjacent = false;               // "*_OUT": the first upper element touches the verb
    // The lower part holds words other than actor slots and {noun phrases}.
    bool lower_words = false;
    int weight = 0;           // TABARI: the pattern's text length (TabariLength)
    bool has_synset = false;  // a synset element anywhere in the pattern
    // Literal words outside synsets and groups: each must occur in the
    // sentence as it is (checked by binary search before any matching).
    std::vector<std::string> required;
  };
  std::vector<std::vector<Pattern>> block_patterns;  // per verb block
  std::vector<std::vector<std::string>> form_names;  // PhraseText of each block's forms
  bool tabari = false;
  std::set<std::string, std::less<>> tabari_nouns;  // TABARI <NOUN> words
  std::set<std::string, std::less<>> tabari_adjectives;  // TABARI <ADJECTIVE> words
  // TABARI and PETRARCH actor phrases with a blank between words, which may
  // match words that are apart (TABARI: tabari::MatchSpacedPhrase; PETRARCH:
  // inside one noun phrase, PetrarchSpacedMatch): (entry, phrase) by first
  // word, in dictionary order (the Phoenix set has thousands; a sentence's
  // words look up only their own).
  std::unordered_map<std::string_view, std::vector<std::pair<uint32_t, const coding::Phrase*>>>
      spaced_actors;
};

namespace {

bool HasSynset(const PatternElement& e) {
  if (e.kind == Kind::kSynset) return true;
  for (const auto& g : e.groups)
    for (const auto& x : g)
      if (HasSynset(x)) return true;
  return false;
}

int Weight(const PatternElement& e) {
  switch (e.kind) {
    case Kind::kVerb:
      return 0;
    case Kind::kPrepPhrase:
    case Kind::kNounPhrase: {
      int w = 0;
      for (const auto& g : e.groups)
        for (const auto& x : g) w += Weight(x);
      return w;
    }
    case Kind::kAlternatives: {
      int w = 0;
      for (const auto& g : e.groups) {
        int gw = 0;
        for (const auto& x : g) gw += Weight(x);
        w = std::max(w, gw);
      }
      return w;
    }
    default:
      return 1;
  }
}

// TABARI ranks patterns by the length of their text, a pattern with
// alternatives ({ A | B }) counting as one pattern per alternative: an
// element's length is its text plus a blank; an alternatives element counts
// its longest member here, the member it matched when the pattern is ranked.
int TabariLength(const PatternElement& e);
int TabariLength(const std::vector<PatternElement>& seq) {
  int n = 0;
  for (const auto& x : seq) n += TabariLength(x);
  return n;
}
int TabariLength(const PatternElement& e) {
  switch (e.kind) {
    case Kind::kWord:
      return static_cast<int>(e.text.size()) + 1;
    case Kind::kSynset:
      return static_cast<int>(e.text.size()) + 2;
    case Kind::kAlternatives: {
      int n = 0;
      for (const auto& g : e.groups) n = std::max(n, TabariLength(g));
      return n;
    }
    case Kind::kPrepPhrase:
    case Kind::kNounPhrase: {
      int n = 0;
      for (const auto& g : e.groups) n += TabariLength(g);
      return n;
    }
    default:
      return 2;
  }
}

// Longest match of a phrase trie at words[i..]. With `stems` (TABARI), a
// dictionary word of three or more letters also matches any word it begins
// ("RESTOR" matches RESTORE, RESTORED; "ROHAN" matches ROHANS), as TABARI's
// stemmed dictionaries intend; the exact word is tried first. A dictionary
// word written "WORD=" (see TabariVerbKeys) matches the whole word only.
// With `gaps` (TABARI verbs), a dictionary word followed by a blank may have
// other words after it, never a comma, before the next word of the phrase,
// as in TABARI's actor phrases (tabari::MatchSpacedPhrase): DEATH TOLL RISEN
// is "death toll has risen"; a word joined by '_' (keyed "WORD=") keeps the
// next adjacent. The match ends on a phrase word, not on a skipped one.
size_t LongestMatch(const coding::TokenTrie& trie, std::span<const std::string_view> words,
                    std::span<const uint64_t> hashes, bool stems, uint32_t* node_out,
                    bool gaps = false) {
  if (!stems) return trie.LongestMatch(words, hashes, node_out);
  size_t best = 0;
  // Depth-first over (node, position); tries are shallow and branching is
  // limited to the prefixes of one word.
  struct Frame {
    uint32_t node;
    size_t pos;
    bool may_skip;  // the word matched last was followed by a blank
    bool skipped;   // words[pos - 1] was skipped, not matched
  };
  Frame stack[64];
  size_t top = 0;
  stack[top++] = {coding::TokenTrie::root(), 0, false, false};
  while (top > 0) {
    Frame f = stack[--top];
    if (f.pos > 0 && !f.skipped && f.pos > best && !trie.Values(f.node).empty()) {
      best = f.pos;
      *node_out = f.node;
    }
    if (f.pos >= words.size()) continue;
    std::string_view w = words[f.pos];
    if (f.may_skip && top < 64 && !tabari::IsComma(w))
      stack[top++] = {f.node, f.pos + 1, true, true};
    uint32_t exact = trie.Child(f.node, w);
    for (size_t len = 3; len < w.size() && top + 1 < 64; ++len) {
      uint32_t c = trie.Child(f.node, w.substr(0, len));
      if (c != coding::TokenTrie::kNoNode) stack[top++] = {c, f.pos + 1, gaps, false};
    }
    char whole[64];
    if (w.size() + 1 < sizeof(whole) && top < 64) {
      w.copy(whole, w.size());
      whole[w.size()] = '=';
      uint32_t c = trie.Child(f.node, std::string_view(whole, w.size() + 1));
      if (c != coding::TokenTrie::kNoNode) stack[top++] = {c, f.pos + 1, false, false};
    }
    if (exact != coding::TokenTrie::kNoNode && top < 64)
      stack[top++] = {exact, f.pos + 1, gaps, false};
  }
  return best;
}

// A PETRARCH actor phrase at words[start]: words joined by '_' must be
// adjacent; after a blank, words for which `skippable` holds may come first.
// Words match exactly (PETRARCH-1 does not stem actors). Returns one past the
// last word matched, or -1.
template <typename Skippable>
int PetrarchSpacedMatch(const coding::Phrase& phrase, std::span<const std::string_view> words,
                        int start, Skippable skippable) {
  const int n = static_cast<int>(words.size());
  int pos = start;
  for (size_t i = 0; i < phrase.size(); ++i) {
    const bool may_skip = i > 0 && !phrase[i - 1].adjacent_next;
    while (pos < n && words[pos] != phrase[i].word) {
      if (!may_skip || !skippable(pos)) return -1;
      ++pos;
    }
    if (pos >= n) return -1;
    ++pos;
  }
  return pos;
}

// True when a noun phrase follows a verb ending at `from` before its clause
// ends (punctuation, a conjunction, a new finite verb group): a noun, a
// pronoun or a number, other than the bare time words a parser reads as a
// temporal phrase ("today", "yesterday").
bool NounPhraseInVerbPhrase(const analysis::Analysis& a, std::span<const std::string_view> words,
                            int from) {
  static const std::unordered_set<std::string_view> kTimeWords = {"TODAY", "YESTERDAY", "TOMORROW",
                                                                  "TONIGHT", "NOW"};
  const int n = static_cast<int>(a.tokens.size());
  for (int k = from; k < n; ++k) {
    Tag t = a.tokens[k].tag;
    if (analysis::IsPunct(t) || t == Tag::kCC || IsFiniteHead(t)) return false;
    if ((analysis::IsNoun(t) || t == Tag::kPRP || t == Tag::kCD) && !kTimeWords.count(words[k]))
      return true;
  }
  return false;
}

// The uncoded noun phrase whose edge is `edge`, grown in direction `dir`
// (-1 leftwards, +1 rightwards) over noun-phrase words and "'s", and across
// "of" into the noun phrase it joins, as tokens [b, e) with `edge` the fixed
// end; {-1, -1} when it holds no noun or an actor group covers part of it.
std::pair<int, int> UncodedNounPhrase(const analysis::Analysis& a,
                                      std::span<const std::string_view> words,
                                      std::span<const int> group_at, int edge, int dir) {
  const int n = static_cast<int>(a.tokens.size());
  // The token just beyond the phrase's moving end `k`, or -1.
  auto next = [&](int k) {
    int t = dir < 0 ? k - 1 : k;
    return t >= 0 && t < n ? t : -1;
  };
  auto np_word = [&](int t) { return t >= 0 && (NpInternal(a.tokens[t].tag) || words[t] == "'S"); };
  int end = edge;
  bool noun = false;
  while (true) {
    int k = end;
    for (int t = next(k); np_word(t); t = next(k)) {
      noun = noun || analysis::IsNoun(a.tokens[t].tag);
      k += dir;
    }
    if (k == end) break;
    end = k;
    int of = next(end), after = next(end + dir);
    if (of >= 0 && words[of] == "OF" && after >= 0 && NpInternal(a.tokens[after].tag))
      end += dir;
    else
      break;
  }
  if (!noun) return {-1, -1};
  int b = std::min(edge, end), e = std::max(edge, end);
  for (int k = b; k < e; ++k)
    if (group_at[k] != kNone) return {-1, -1};
  return {b, e};
}

// PETRARCH's new actors (CoderOptions::new_actor_length): the noun phrase
// just before a verb group beginning at `verb_begin`, with any "of" phrase
// in it ("Gryffindor's head Minerva McGonagall left").
std::pair<int, int> UncodedSubject(const analysis::Analysis& a,
                                   std::span<const std::string_view> words,
                                   std::span<const int> group_at, int verb_begin) {
  int e = verb_begin;
  while (e > 0 && analysis::IsAdverb(a.tokens[e - 1].tag)) --e;
  return UncodedNounPhrase(a, words, group_at, e, -1);
}

// The noun phrase a verb ending at `verb_end` acts on, directly or after one
// preposition, with any "of" phrase attached ("left for the Ministry of
// Magic").
std::pair<int, int> UncodedObject(const analysis::Analysis& a,
                                  std::span<const std::string_view> words,
                                  std::span<const int> group_at, int verb_end) {
  const int n = static_cast<int>(a.tokens.size());
  int b = verb_end;
  while (b < n && analysis::IsAdverb(a.tokens[b].tag)) ++b;
  if (b < n && (a.tokens[b].tag == Tag::kIN || a.tokens[b].tag == Tag::kTO)) ++b;
  return UncodedNounPhrase(a, words, group_at, b, +1);
}

// TABARI reads "donate's" as one word, which a verb written whole-word or
// with endings only (DONATE_, BAN=) does not match; an open stem (DONATE)
// does. True when the one-word verb at words[i] carries an attached 's that
// no open stem in `trie` covers.
bool TabariCliticBlocksVerb(const coding::TokenTrie& trie, const analysis::Analysis& a,
                            std::span<const std::string_view> words, int i) {
  size_t next = static_cast<size_t>(i) + 1;
  if (next >= words.size() || (words[next] != "'S" && words[next] != "’S")) return false;
  if (a.tokens[i].span.end != a.tokens[next].span.begin) return false;
  std::string_view w = words[i];
  for (size_t len = std::min<size_t>(3, w.size()); len <= w.size(); ++len) {
    uint32_t c = trie.Child(coding::TokenTrie::root(), w.substr(0, len));
    if (c != coding::TokenTrie::kNoNode && !trie.Values(c).empty()) return false;
  }
  return true;
}

// TABARI's text filter turns hyphens into blanks ("Al-Gore" is AL GORE);
// a hyphenated word a dictionary lists as it is ("BARAD-DUR") stays whole.
void SplitHyphens(const DictionarySet& d, std::string* text) {
  size_t i = 0;
  while (i < text->size()) {
    size_t j = text->find(' ', i);
    if (j == std::string::npos) j = text->size();
    std::string_view word(text->data() + i, j - i);
    if (word.find('-') != std::string_view::npos) {
      std::string w = coding::NormalizeWord(word);
      while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.pop_back();
      while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.front()))) w.erase(0, 1);
      const auto root = coding::TokenTrie::root();
      const auto none = coding::TokenTrie::kNoNode;
      bool listed = d.actors.trie().Child(root, w) != none ||
                    d.agents.trie().Child(root, w) != none ||
                    d.verbs.verb_trie().Child(root, w) != none;
      if (!listed) {
        for (size_t k = i; k < j; ++k) {
          if ((*text)[k] == '-') (*text)[k] = ' ';
        }
      }
    }
    i = j + 1;
  }
}

// Per-sentence matching context for patterns.
struct MatchContext {
  const coding::VerbDictionary* verbs;
  const std::vector<std::string_view>* words;
  const analysis::Analysis* analysis;
  const std::vector<int>* group_at;
  const std::vector<Group>* groups;
  bool tabari = false;
  bool plurals = false;         // inside a synset that takes plurals
  // TABARI: the next pattern word must match a whole text word (the first
  // word of a synset member; see MatchElementAt).
  bool whole_word = false;
  bool in_phrase = false;       // inside a (...) / {...} group: gaps only over noun-phrase words
  bool in_noun_phrase = false;  // inside {...}: gaps only over determiners
  int max_gap = 8;
  // Gaps may not pass over another verb (storyline's dictionaries: "meeting
  // officials to build support" is no "build support" pattern of "meet").
  bool no_verb_gaps = false;
  // Synset matches memoised per (synset, position) for one sentence: a
  // synset's match does not depend on where the pattern is.
  const coding::Synset* synset_base = nullptr;
  uint32_t* memo_stamp = nullptr;
  int32_t* memo_end = nullptr;
  int16_t* memo_words = nullptr;
  uint32_t memo_gen = 0;
  // Bindings.
  int source = kNone, target = kNone, compound = kNone;
  // Words of the synset members matched so far (a tie-break between
  // patterns of equal weight: PETRARCH expands synsets into patterns and
  // tries longer ones first, so "AUSTRIAN GOLD FLORIN" beats "AUSTRIAN
  // FLORIN" on "austrian gold florin").
  int synset_words = 0;
  // TABARI: characters the alternatives matched so far fall short of the
  // longest member of each (see TabariLength).
  int alt_shortfall = 0;
};

bool WordMatches(std::string_view token, const PatternElement& e, bool tabari, bool plurals) {
  std::string_view w = e.text;
  if (token == w) return true;
  if (e.word_end) return false;
  if (tabari && w.size() >= 3 && token.starts_with(w)) return true;  // TABARI stems
  if (!plurals) return false;
  if (token.size() == w.size() + 1 && token.back() == 'S' && token.starts_with(w)) return true;
  if (token.size() == w.size() + 2 && token.ends_with("ES") && token.starts_with(w)) return true;
  if (tabari && w.size() >= 3 && token.starts_with(w)) return true;  // TABARI stems
  return false;
}

// TABARI's match of a pattern word at words[pos]: the pattern word may
// begin a longer text word unless it must be whole (joined to the next by '_', written with a
// trailing '_', or `whole`: TABARI matches the first word of a synset
// member that is followed by a blank only in full). TABARI reads "didn't"
// as one word, so a pattern word also matches text words written together
// ("DIDN'T" is did + n't, "CAN'T" ca + n't).
int TabariWordAt(const PatternElement& e, int pos, bool whole, const MatchContext& ctx) {
  const auto& words = *ctx.words;
  std::string_view w = e.text;
  std::string_view token = words[pos];
  whole = whole || e.word_end || e.adjacent_next;
  if (w.size() > 1 && w.back() == '~') {
    // "REAL~_PLEASANT": a stem joined to the next word ("really pleasant").
    w.remove_suffix(1);
    whole = false;
  } else if (w.size() > 1 && w.back() == '-' && !token.ends_with('-')) {
    // The text filter made "anti-" a word of its own (SplitHyphens); so is
    // the pattern's ANTI-.
    w.remove_suffix(1);
    whole = true;
  }
  if (token == w || (!whole && token.starts_with(w))) return pos + 1;
  const auto& tokens = ctx.analysis->tokens;
  if (w.size() <= token.size() || !w.starts_with(token)) return kNone;
  size_t have = token.size();
  for (int k = pos + 1; k < static_cast<int>(words.size()) && k <= pos + 3; ++k) {
    if (tokens[k - 1].span.end != tokens[k].span.begin) return kNone;
    std::string_view next = words[k];
    if (w.compare(have, next.size(), next) != 0) return kNone;
    have += next.size();
    if (have == w.size()) return k + 1;
  }
  return kNone;
}

// Matches `seq` contiguously-with-gaps forward from token `pos`; returns the
// end position or kNone. Gaps between elements are at most ctx.max_gap unless
// an element is joined to the next by '_'.
int MatchForward(const std::vector<PatternElement>& seq, size_t k, int pos, bool anchored,
                 MatchContext& ctx, int depth);

// One element at exactly `pos` (forward); returns the end or kNone.
int MatchElementAt(const PatternElement& e, int pos, MatchContext& ctx, int depth) {
  const auto& words = *ctx.words;
  int n = static_cast<int>(words.size());
  if (pos >= n || depth > 6) return kNone;
  const bool whole = ctx.whole_word;  // applies to this element only
  ctx.whole_word = false;
  switch (e.kind) {
    case Kind::kWord:
      if (ctx.tabari) return TabariWordAt(e, pos, whole, ctx);
      return WordMatches(words[pos], e, ctx.tabari, ctx.plurals) ? pos + 1 : kNone;
    case Kind::kSynset: {
      const coding::Synset* s = ctx.verbs->FindSynset(e.text);
      if (s == nullptr) return kNone;
      size_t key = static_cast<size_t>(s - ctx.synset_base) * n + pos;
      // TABARI's matches depend on the connector after the synset: no memo.
      const bool memo = ctx.memo_stamp != nullptr && !ctx.tabari;
      if (memo && ctx.memo_stamp[key] == ctx.memo_gen) {
        if (ctx.memo_end[key] != kNone) ctx.synset_words += ctx.memo_words[key];
        return ctx.memo_end[key];
      }
      auto remember = [&](int end, size_t words) {
        if (memo) {
          ctx.memo_stamp[key] = ctx.memo_gen;
          ctx.memo_end[key] = end;
          ctx.memo_words[key] = static_cast<int16_t>(words);
        }
        if (end != kNone) ctx.synset_words += static_cast<int>(words);
        return end;
      };
      // Synset members are contiguous phrases; PETRARCH also accepts their
      // regular plurals unless the label ends in '_'.
      bool saved = ctx.plurals;
      bool whole_first = whole || (ctx.tabari && !e.adjacent_next);
      ctx.plurals = !s->no_plurals;
      for (const auto& member : s->members) {
        ctx.whole_word = whole_first;
        int end = MatchForward(member, 0, pos, true, ctx, depth + 1);
        ctx.whole_word = false;
        if (end != kNone) {
          ctx.plurals = saved;
          return remember(end, member.size());
        }
      }
      ctx.plurals = saved;
      return remember(kNone, 0);
    }
    case Kind::kSource:
    case Kind::kTarget:
    case Kind::kCompound: {
      int g = (*ctx.group_at)[pos];
      if (g == kNone) return kNone;
      const Group& group = (*ctx.groups)[g];
      if (e.kind == Kind::kCompound && !group.compound()) return kNone;
      if (e.kind == Kind::kSource)
        ctx.source = g;
      else if (e.kind == Kind::kTarget)
        ctx.target = g;
      else
        ctx.compound = g;
      return group.e;
    }
    case Kind::kSkip: {
      if (ctx.tabari) {
        // TABARI's ^ passes over one actor.
        int g = (*ctx.group_at)[pos];
        return g == kNone ? kNone : (*ctx.groups)[g].e;
      }
      const auto& a = *ctx.analysis;
      const auto& chunk = a.chunks[a.tokens[pos].chunk];
      if (chunk.kind != ChunkKind::kNP && chunk.kind != ChunkKind::kPP) return kNone;
      return chunk.end;
    }
    case Kind::kPrepPhrase:
    case Kind::kNounPhrase: {
      if (e.groups.empty()) return kNone;
      bool saved = ctx.in_phrase, saved_np = ctx.in_noun_phrase;
      ctx.in_phrase = true;
      ctx.in_noun_phrase = e.kind == Kind::kNounPhrase;
      int end = MatchForward(e.groups[0], 0, pos, true, ctx, depth + 1);
      ctx.in_phrase = saved;
      ctx.in_noun_phrase = saved_np;
      return end;
    }
    case Kind::kAlternatives:
      for (const auto& g : e.groups) {
        int end = MatchForward(g, 0, pos, true, ctx, depth + 1);
        if (end == kNone) continue;
        if (ctx.tabari) ctx.alt_shortfall += TabariLength(e) - TabariLength(g);
        return end;
      }
      return kNone;
    case Kind::kVerb:
      return kNone;
  }
  return kNone;
}

int MatchForward(const std::vector<PatternElement>& seq, size_t k, int pos, bool anchored,
                 MatchContext& ctx, int depth) {
  if (k == seq.size()) return pos;
  int n = static_cast<int>(ctx.words->size());
  const PatternElement& e = seq[k];
  // Inside a phrase group, words may be separated by determiners and
  // modifiers; the first element of a synset member must be at pos.
  int last = anchored ? pos : std::min(n - 1, pos + ctx.max_gap);
  for (int q = pos; q <= last; ++q) {
    // Inside a phrase group the words may be separated only by noun-phrase
    // words ("(TO SANCTIONS)" matches "to the new sanctions", not "to lift
    // the sanctions").
    if (ctx.in_phrase && q > pos && !NpInternal(ctx.analysis->tokens[q - 1].tag)) break;
    if (ctx.no_verb_gaps && q > pos && analysis::IsVerb(ctx.analysis->tokens[q - 1].tag)) break;
    // A noun phrase's words are adjacent but for determiners and adjectives:
    // "{NEW &TIETYPES RELATIONS}" is "new global economic relations" but not
    // "new global economic trade relations", whose head is "trade relations".
    if (ctx.in_noun_phrase && q > pos) {
      Tag gap = ctx.analysis->tokens[q - 1].tag;
      if (gap != Tag::kDT && gap != Tag::kPDT && gap != Tag::kPRPS && !analysis::IsAdjective(gap))
        break;
    }
    int saved_s = ctx.source, saved_t = ctx.target, saved_c = ctx.compound;
    int saved_w = ctx.synset_words, saved_a = ctx.alt_shortfall;
    int end = MatchElementAt(e, q, ctx, depth);
    if (end != kNone) {
      bool next_anchored = e.adjacent_next;
      int rest = MatchForward(seq, k + 1, end, next_anchored, ctx, depth);
      if (rest != kNone) return rest;
    }
    ctx.source = saved_s;
    ctx.target = saved_t;
    ctx.compound = saved_c;
    ctx.synset_words = saved_w;
    ctx.alt_shortfall = saved_a;
  }
  return kNone;
}

// The lower part, nearest element first, matched leftwards from `pos` (the
// token before the verb). Each element is matched forward at a start position
// chosen so that it ends at or before `pos`.
int MatchBackward(const std::vector<const PatternElement*>& seq, size_t k, int pos, bool anchored,
                  MatchContext& ctx) {
  if (k == seq.size()) return pos;
  const PatternElement& e = *seq[k];
  // TABARI looks for a synset anywhere to the left in the lower part,
  // whatever its connector ("- &NEGATION_EVER *" on "did not even ever").
  if (ctx.tabari && e.kind == Kind::kSynset) anchored = false;
  int first = anchored ? pos : std::max(0, pos - ctx.max_gap);
  for (int end_at = pos; end_at >= first && end_at >= 0; --end_at) {
    // Try start positions whose match ends exactly at end_at + 1.
    for (int start = end_at; start >= 0 && start >= end_at - 6; --start) {
      int saved_s = ctx.source, saved_t = ctx.target, saved_c = ctx.compound;
      int saved_w = ctx.synset_words, saved_a = ctx.alt_shortfall;
      int end = MatchElementAt(e, start, ctx, 0);
      if (end == end_at + 1) {
        bool next_anchored = k + 1 < seq.size() && seq[k + 1]->adjacent_next;
        int rest = MatchBackward(seq, k + 1, start - 1, next_anchored, ctx);
        if (rest != kNone || (k + 1 == seq.size())) return start;
      }
      ctx.source = saved_s;
      ctx.target = saved_t;
      ctx.compound = saved_c;
      ctx.synset_words = saved_w;
      ctx.alt_shortfall = saved_a;
      if (e.kind == Kind::kWord) break;  // a word is one token
    }
  }
  return kNone;
}

std::string JoinCode(const std::string& base, const std::string& agent) {
  // PETRARCH does not repeat a code segment already present ("USAGOV" + GOV).
  for (size_t i = 0; i + agent.size() <= base.size(); i += 3) {
    if (base.compare(i, agent.size(), agent) == 0) return base;
  }
  return base + agent;
}

std::vector<std::string> SplitCodes(std::string_view code, bool whole) {
  std::vector<std::string> out;
  if (whole) {
    if (!code.empty() && code != "---") out.emplace_back(code);
    return out;
  }
  size_t i = 0;
  while (i <= code.size()) {
    size_t j = code.find('/', i);
    if (j == std::string_view::npos) j = code.size();
    std::string_view c = code.substr(i, j - i);
    if (!c.empty() && c != "---") out.emplace_back(c);
    i = j + 1;
  }
  return out;
}

// TABARI ranks an event code by a trailing mark (TABARI 0.8 manual, ch. 5):
// "023?" is subordinate, an event kept only when the sentence gives no other
// ("Arnor said it would act": the act, not the saying, is the event; nor
// does a subordinate event end its clause's search for a verb); "031!" is
// dominant, an event that cancels every event not dominant.
enum class TabariRank : uint8_t { kNormal, kSubordinate, kDominant };

// Removes the mark from `code` (primary and paired part) and returns it.
TabariRank TakeTabariRank(coding::VerbCode* code) {
  TabariRank rank = TabariRank::kNormal;
  for (std::string* part : {&code->primary, &code->paired}) {
    if (part->size() < 2) continue;
    if (part->back() == '?') {
      if (part == &code->primary) rank = TabariRank::kSubordinate;
      part->pop_back();
    } else if (part->back() == '!') {
      if (part == &code->primary) rank = TabariRank::kDominant;
      part->pop_back();
    }
  }
  return rank;
}

// TABARI keeps only the dominant events when there are any, otherwise
// drops the subordinate events when any other event remains.
void DropOutrankedEvents(const std::vector<TabariRank>& ranks, std::vector<CodedEvent>* events) {
  bool dominant = false, normal = false;
  for (TabariRank r : ranks) {
    dominant = dominant || r == TabariRank::kDominant;
    normal = normal || r == TabariRank::kNormal;
  }
  if (!dominant && !normal) return;
  std::vector<CodedEvent> kept;
  for (size_t k = 0; k < events->size(); ++k) {
    bool keep = dominant ? ranks[k] == TabariRank::kDominant : ranks[k] != TabariRank::kSubordinate;
    if (keep) kept.push_back(std::move((*events)[k]));
  }
  *events = std::move(kept);
}

// One coded verb before events are emitted.
struct Occurrence {
  int vb = 0, ve = 0;
  int source = kNone, target = kNone, compound = kNone;
  int subject = kNone, object = kNone;
  // The actor slots the matched pattern filled ($, +, %), before any rule.
  int pattern_source = kNone, pattern_target = kNone, pattern_compound = kNone;
  coding::VerbCode code;
  std::string form, block;
  bool infinitive = false;
  bool clause_object = false;  // "warned that ...": the verb's object is a clause
  bool suppressed = false;     // consumed by a transformation
  // TABARI's code marks: '?' subordinate, '!' dominant (see TabariRankOf).
  TabariRank rank = TabariRank::kNormal;
  CodedEvent info;
};

// Binds a transformation variable ("a", "b", ".", "_") to a group; false on
// a conflict.
bool Bind(const std::string& var, int group, std::vector<std::pair<std::string, int>>* vars,
          const std::vector<Group>& groups) {
  if (var == ".") return true;
  if (var == "_") return group == kNone;
  for (auto& [name, g] : *vars) {
    if (name != var) continue;
    if (g == group) return true;
    return g != kNone && group != kNone && groups[g].codes == groups[group].codes;
  }
  vars->emplace_back(var, group);
  return true;
}

bool VerbIs(const Occurrence& o, const std::string& name) {
  return name == o.form || name == o.block;
}

void ApplyTransformations(const std::vector<coding::Transformation>& ts,
                          const std::vector<Group>& groups, const std::vector<int>& group_at,
                          std::vector<Occurrence>* occs, std::vector<std::string>* trace) {
  if (ts.empty()) return;
  for (size_t oi = 0; oi < occs->size(); ++oi) {
    Occurrence& outer = (*occs)[oi];
    if (outer.suppressed) continue;
    // The inner verb: the next verb after the outer one.
    if (oi + 1 >= occs->size()) continue;
    Occurrence& inner = (*occs)[oi + 1];
    for (const auto& t : ts) {
      if (!VerbIs(outer, t.outer_verb)) continue;
      bool verb_var = t.inner_verb.size() == 1;  // "Q": any inner code
      if (!verb_var && !VerbIs(inner, t.inner_verb)) continue;
      if (verb_var && inner.code.null()) continue;
      std::vector<std::pair<std::string, int>> vars;
      int inner_source = inner.source;
      if (inner.infinitive) {
        // "a wants to attack b": the infinitive has no subject of its own;
        // "a wants b to attack c": the group between the verbs is it.
        inner_source = kNone;
        for (int k = outer.ve; k < inner.vb; ++k) {
          if (group_at[k] != kNone) {
            inner_source = group_at[k];
            break;
          }
        }
      }
      if (!Bind(t.outer_source, outer.source, &vars, groups)) continue;
      if (!Bind(t.inner_source, inner_source, &vars, groups)) continue;
      if (!Bind(t.inner_target, inner.target, &vars, groups)) continue;
      auto lookup = [&](const std::string& v) {
        for (auto& [name, g] : vars)
          if (name == v) return g;
        return kNone;
      };
      int src = lookup(t.out_source), tgt = lookup(t.out_target);
      coding::VerbCode code =
          t.out_code == t.inner_verb ? inner.code : coding::ParseVerbCode(t.out_code);
      outer.suppressed = true;
      inner.source = src;
      inner.target = tgt;
      inner.compound = kNone;
      inner.code = code;
      inner.info.transformation = coding::Describe(t);
      if (trace) trace->push_back("transformation " + inner.info.transformation);
      break;
    }
  }
}

// TABARI's clauses: for each token, the first token of its clause. A
// conjunction (AND, BUT, OR) starts a new clause unless it is the first or last
// word, lies in a compound actor or a blanked subordinate clause, or joins
// two of the dictionaries' nouns ("sheep and evil goats") or adjectives
// ("awful and evil").
std::vector<int> TabariClauseStarts(std::span<const std::string_view> words,
                                    const std::vector<Group>& groups,
                                    const std::vector<uint8_t>& blank,
                                    const std::set<std::string, std::less<>>& nouns,
                                    const std::set<std::string, std::less<>>& adjectives) {
  const int n = static_cast<int>(words.size());
  std::vector<uint8_t> in_compound(n, 0);
  for (const Group& g : groups) {
    if (g.cores.size() < 2) continue;
    for (int k = g.b; k < g.e; ++k) in_compound[k] = 1;
  }
  auto listed = [](const std::set<std::string, std::less<>>& set, std::string_view w) {
    if (set.count(w)) return true;
    if (w.ends_with("ES") && set.count(w.substr(0, w.size() - 2))) return true;
    return w.ends_with("S") && set.count(w.substr(0, w.size() - 1));
  };
  std::vector<int> out(n, 0);
  int start = 0;
  for (int k = 0; k < n; ++k) {
    out[k] = start;
    if (k == 0 || k + 1 >= n || (words[k] != "AND" && words[k] != "BUT" && words[k] != "OR"))
      continue;
    if (in_compound[k] || (!blank.empty() && blank[k])) continue;
    if (listed(nouns, words[k - 1])) {
      int j = k + 1;
      while (j < n && listed(adjectives, words[j])) ++j;
      if (j < n && listed(nouns, words[j])) continue;
    }
    if (listed(adjectives, words[k - 1]) && listed(adjectives, words[k + 1])) continue;
    start = k + 1;
  }
  return out;
}

// TABARI's pronouns, as actors: "he", "she", "it", "him" and "her" stand
// for the sentence's first actor before them that is no compound; "they",
// "them" and "their" for its first compound actor before them, else its first
// actor. Each pronoun gets a copy of its referent's group.
void AddTabariPronouns(std::span<const std::string_view> words, const std::vector<Core>& cores,
                       std::vector<Group>* groups) {
  const int n = static_cast<int>(words.size());
  auto has_actor = [&](const Group& g) {
    return std::any_of(g.cores.begin(), g.cores.end(), [&](int ci) { return cores[ci].has_actor; });
  };
  std::vector<Group> added;
  size_t gi = 0;  // groups before token k: [0, gi)
  for (int k = 0; k < n; ++k) {
    while (gi < groups->size() && (*groups)[gi].e <= k) ++gi;
    if (gi < groups->size() && (*groups)[gi].b <= k) continue;  // inside an actor
    std::string_view w = words[k];
    bool singular = w == "HE" || w == "SHE" || w == "IT" || w == "HIM" || w == "HER";
    bool plural = w == "THEY" || w == "THEM" || w == "THEIR";
    if (!singular && !plural) continue;
    int ref = kNone;
    for (size_t j = 0; j < gi && ref == kNone; ++j) {
      const Group& g = (*groups)[j];
      if (has_actor(g) && (singular ? g.cores.size() == 1 : g.cores.size() > 1))
        ref = static_cast<int>(j);
    }
    for (size_t j = 0; j < gi && ref == kNone && plural; ++j) {
      if (has_actor((*groups)[j])) ref = static_cast<int>(j);
    }
    if (ref == kNone) continue;
    Group p = (*groups)[ref];
    p.b = k;
    p.e = k + 1;
    added.push_back(std::move(p));
  }
  if (added.empty()) return;
  for (auto& p : added) groups->push_back(std::move(p));
  std::stable_sort(groups->begin(), groups->end(),
                   [](const Group& x, const Group& y) { return x.b < y.b; });
}

// TABARI FORWARD (tabari_structure.cc): pronouns before the sentence's
// first actor become `forwarded` (a bare code); *first gets the code of the
// first actor the sentence names in its own words, for the next sentence.
// Returns the number of pronouns that took the forwarded actor.
template <typename SpanOf>
size_t ForwardTabariActor(std::span<const std::string_view> words, const std::vector<Item>& items,
                          coding::Date date, const coding::ActorDictionary& actors,
                          const std::string& forwarded, const SpanOf& span_of,
                          std::vector<Group>* groups, std::string* first) {
  for (const Item& it : items) {
    if (!it.actor || it.context_name >= 0) continue;
    *first = std::string(actors.CodeFor(it.entry, date));
    break;
  }
  if (forwarded.empty()) return 0;
  int first_actor = groups->empty() ? static_cast<int>(words.size()) : groups->front().b;
  std::vector<Group> added;
  for (int k : tabari::ForwardablePronouns(words, first_actor)) {
    Group g;
    g.b = k;
    g.e = k + 1;
    ActorMention m;
    m.code = forwarded;
    m.span = span_of(k, k + 1);
    m.entry = "(TABARI FORWARD)";
    g.codes.push_back(forwarded);
    g.mentions.push_back(std::move(m));
    added.push_back(std::move(g));
  }
  groups->insert(groups->begin(), added.begin(), added.end());
  return added.size();
}

// TABARI's passive voice: "by" one to three words after the verb and an
// auxiliary one or two words before it.
bool TabariPassive(std::span<const std::string_view> words, int vb, int ve) {
  const int n = static_cast<int>(words.size());
  bool by = false;
  for (int k = ve; k < n && k < ve + 3; ++k) by = by || words[k] == "BY";
  if (!by) return false;
  auto aux = [](std::string_view w) {
    return w == "WAS" || w == "WERE" || w == "BEEN" || w == "IS" || w == "ARE" || w == "BE";
  };
  return (vb >= 1 && aux(words[vb - 1])) || (vb >= 2 && aux(words[vb - 2]));
}

// Literal words a pattern element cannot match without: its own word, or the
// words of a noun / prepositional phrase group (matched in sequence).
void CollectRequired(const PatternElement& e, std::vector<std::string>* out) {
  if (e.kind == Kind::kWord) {
    out->push_back(e.text);
  } else if ((e.kind == Kind::kPrepPhrase || e.kind == Kind::kNounPhrase) && !e.groups.empty()) {
    for (const auto& x : e.groups[0]) CollectRequired(x, out);
  }
}

}  // namespace

namespace {

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

// The code inside the first [...] after `key`, or "".
std::string BracketAfter(const std::string& text, std::string_view key) {
  size_t k = text.find(key);
  if (k == std::string::npos) return "";
  size_t open = text.find('[', k);
  size_t close = open == std::string::npos ? open : text.find(']', open);
  if (close == std::string::npos) return "";
  std::string code = text.substr(open + 1, close - open - 1);
  code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
  return code;
}

}  // namespace

bool ApplyTabariOption(std::string_view command, CoderOptions* options) {
  std::string c = Upper(command);
  // Collapse runs of blanks so "SET:  CODE  BY SENTENCE" reads the same.
  std::string t;
  for (char ch : c) {
    if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
    if (ch == ' ' && (t.empty() || t.back() == ' ')) continue;
    t += ch;
  }
  while (!t.empty() && t.back() == ' ') t.pop_back();
  if (t.starts_with("OPTION: ")) t.erase(0, 8);
  if (t.find("CODE BY SENTENCE") != std::string::npos) {
    options->tabari_scope = CoderOptions::TabariScope::kSentence;
    return true;
  }
  if (t.find("CODE BY CLAUSE") != std::string::npos) {
    options->tabari_scope = CoderOptions::TabariScope::kClause;
    return true;
  }
  if (t.find("CODE ALL") != std::string::npos) {
    options->tabari_scope = CoderOptions::TabariScope::kAll;
    return true;
  }
  if (t.starts_with("DEFAULT:")) {
    // As TABARI reads it: OFF clears everything; SOURCE [X] / TARGET [Y]
    // set a default (and PRIOR / AFTER its restriction) and leave the other
    // settings as they were, so "OFF" comes first to drop one.
    if (t.find("OFF") != std::string::npos) {
      options->default_source.clear();
      options->default_target.clear();
      options->default_source_prior = options->default_target_after = false;
    }
    std::string source = BracketAfter(t, "SOURCE"), target = BracketAfter(t, "TARGET");
    if (!source.empty()) {
      options->default_source = source;
      if (t.find("PRIOR") != std::string::npos) options->default_source_prior = true;
    }
    if (!target.empty()) {
      options->default_target = target;
      if (t.find("AFTER") != std::string::npos) options->default_target_after = true;
    }
    return true;
  }
  if (t.starts_with("COMMA:")) {
    CoderOptions::CommaClauses& c = options->comma;
    if (t.find("OFF") != std::string::npos) {
      c = CoderOptions::CommaClauses();  // a maximum of 0 turns a position off
      return true;
    }
    // Each limit named keeps its number; the others stay as they were.
    for (auto [key, field] :
         {std::pair{" MIN", &c.min}, std::pair{" MAX", &c.max}, std::pair{"BMIN", &c.bmin},
          std::pair{"BMAX", &c.bmax}, std::pair{"EMIN", &c.emin}, std::pair{"EMAX", &c.emax}}) {
      size_t at = t.find(key);
      if (at == std::string::npos) continue;
      size_t digit = t.find_first_of("0123456789", at + std::strlen(key));
      if (digit != std::string::npos)
        *field = static_cast<size_t>(std::strtoul(t.c_str() + digit, nullptr, 10));
    }
    return true;
  }
  if (t.starts_with("SET:") && t.find("CONV") != std::string::npos) {
    // TABARI's booleans: the first T or F after '='; true without one.
    size_t eq = t.find('=');
    size_t tf = eq == std::string::npos ? eq : t.find_first_of("TF", eq);
    options->tabari_convert_agents = tf == std::string::npos || t[tf] == 'T';
    return true;
  }
  if (t.starts_with("SET:") && t.find("TIME SHIFT") != std::string::npos) {
    size_t eq = t.find('=');
    size_t tf = eq == std::string::npos ? eq : t.find_first_of("TF", eq);
    options->tabari_time_shift = tf == std::string::npos || t[tf] == 'T';
    return true;
  }
  if (t.starts_with("FORWARD:")) {
    // "FORWARD: <mask>" turns forwarding on, "... OFF" off again.
    std::string mask = t.substr(8);
    while (!mask.empty() && mask.front() == ' ') mask.erase(0, 1);
    mask = mask.substr(0, mask.find(' '));
    options->tabari_forward = t.find(" OFF") != std::string::npos ? "" : mask;
    return true;
  }
  size_t mw = t.find("MINIMUM WORDS");
  if (mw != std::string::npos) {
    size_t eq = t.find('=', mw);
    if (eq == std::string::npos) return false;
    options->min_words = static_cast<size_t>(std::strtoul(t.c_str() + eq + 1, nullptr, 10));
    return true;
  }
  return false;
}

void SetTabariDefaults(CoderOptions* options) {
  options->comma = CoderOptions::CommaClauses();
  options->comma.min = 2;
  options->comma.max = 10;
  options->comma.emin = 2;
  options->comma.emax = 10;
  options->min_words = 8;
}

void ApplyTabariProject(const DictionarySet& dictionaries, CoderOptions* options) {
  if (dictionaries.style != DictionarySet::Style::kTabari) return;
  SetTabariDefaults(options);
  for (const auto& command : dictionaries.tabari_options.commands) {
    std::string line = command.key;
    line.append(": ").append(command.value);
    ApplyTabariOption(line, options);
  }
}

bool ApplyPetrarchConfig(std::string_view setting, CoderOptions* options) {
  size_t eq = setting.find('=');
  if (eq == std::string_view::npos) return false;
  std::string option = Upper(setting.substr(0, eq));
  std::string value = Upper(setting.substr(eq + 1));
  if (option == "REQUIRE_DYAD") {
    // PETRARCH reads any value without "false" in it as true.
    bool require = value.find("FALSE") == std::string::npos;
    if (options->require_dyad == require) return false;
    options->require_dyad = require;
    return true;
  }
  if (option == "NEW_ACTOR_LENGTH") {
    if (value.empty() ||
        !std::all_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return false;  // PETRARCH reads it as an integer
    size_t v = static_cast<size_t>(std::strtoul(value.c_str(), nullptr, 10));
    if (options->new_actor_length == v) return false;
    options->new_actor_length = v;
    return true;
  }
  if (option.starts_with("COMMA_")) {
    std::string_view which = std::string_view(option).substr(6);
    size_t* field = which == "MIN"    ? &options->comma.min
                    : which == "MAX"  ? &options->comma.max
                    : which == "BMIN" ? &options->comma.bmin
                    : which == "BMAX" ? &options->comma.bmax
                    : which == "EMIN" ? &options->comma.emin
                    : which == "EMAX" ? &options->comma.emax
                                      : nullptr;
    if (field == nullptr || value.empty() ||
        !std::all_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return false;  // PETRARCH reads these as integers
    size_t v = static_cast<size_t>(std::strtoul(value.c_str(), nullptr, 10));
    if (*field == v) return false;
    *field = v;
    return true;
  }
  return false;
}

CoderOptions::CommaClauses PetrarchCommaDefaults() {
  CoderOptions::CommaClauses c;
  c.min = 2;
  c.max = 8;
  c.emin = 2;
  c.emax = 8;
  return c;
}

Coder::Coder(std::shared_ptr<const DictionarySet> dictionaries, CoderOptions options)
    : dictionaries_(std::move(dictionaries)), options_(options) {}
Coder::~Coder() = default;

Result<std::unique_ptr<Coder>> Coder::Create(std::shared_ptr<const DictionarySet> dictionaries,
                                             CoderOptions options) {
  if (!dictionaries) return InvalidArgumentError("no dictionaries");
  auto compiled = std::make_unique<Compiled>();
  compiled->tabari = dictionaries->style == DictionarySet::Style::kTabari;
  for (const auto* list : {&dictionaries->verbs.nouns(), &dictionaries->actors.nouns()}) {
    for (const auto& phrase : *list) {
      if (phrase.size() == 1) compiled->tabari_nouns.insert(phrase[0].word);
    }
  }
  if (compiled->tabari) {
    for (const auto& phrase : dictionaries->actors.adjectives()) {
      if (phrase.size() == 1) compiled->tabari_adjectives.insert(phrase[0].word);
    }
  }
  if (compiled->tabari || dictionaries->style == DictionarySet::Style::kPetrarch) {
    const auto& entries = dictionaries->actors.entries();
    for (size_t e = 0; e < entries.size(); ++e) {
      for (const auto& phrase : entries[e].phrases) {
        if (tabari::HasSpacedWords(phrase))
          compiled->spaced_actors[phrase[0].word].emplace_back(static_cast<uint32_t>(e), &phrase);
      }
    }
  }
  const auto& blocks = dictionaries->verbs.blocks();
  compiled->block_patterns.resize(blocks.size());
  compiled->form_names.resize(blocks.size());
  for (size_t b = 0; b < blocks.size(); ++b) {
    for (const auto& form : blocks[b].verbs)
      compiled->form_names[b].push_back(coding::PhraseText(form.phrase));
  }
  for (size_t b = 0; b < blocks.size(); ++b) {
    for (const auto& p : blocks[b].patterns) {
      Compiled::Pattern cp;
      cp.source = &p;
      size_t star = p.elements.size();
      for (size_t i = 0; i < p.elements.size(); ++i) {
        if (p.elements[i].kind == Kind::kVerb) star = i;
      }
      if (star == p.elements.size()) continue;
      for (size_t i = star; i-- > 0;) cp.lower.push_back(&p.elements[i]);
      for (size_t i = star + 1; i < p.elements.size(); ++i) cp.upper.push_back(p.elements[i]);
      cp.lower_adjacent = star > 0 && p.elements[star - 1].adjacent_next;
      for (const PatternElement* e : cp.lower) {
        if (e->kind != Kind::kSource && e->kind != Kind::kTarget && e->kind != Kind::kCompound &&
            e->kind != Kind::kSkip && e->kind != Kind::kNounPhrase)
          cp.lower_words = true;
      }
      cp.upper_adjacent = p.elements[star].adjacent_next;
      for (const auto& e : p.elements) {
        cp.weight += compiled->tabari ? TabariLength(e) : Weight(e);
        cp.has_synset = cp.has_synset || HasSynset(e);
        CollectRequired(e, &cp.required);
      }
      compiled->block_patterns[b].push_back(std::move(cp));
    }
  }
  std::unique_ptr<Coder> coder(new Coder(std::move(dictionaries), options));
  coder->compiled_ = std::move(compiled);
  return coder;
}

void ArticleContext::Clear() {
  names_.clear();
  sectors_.clear();
  countries_.clear();
  last_person_ = -1;
  tabari_forward_.clear();
}

void ArticleContext::Learn(std::string word, std::string code, std::string entry) {
  for (size_t k = 0; k < names_.size(); ++k) {
    if (names_[k].word == word) {
      // The latest description wins ("Kerry", then "former senator Kerry").
      names_[k].code = std::move(code);
      names_[k].entry = std::move(entry);
      last_person_ = static_cast<int>(k);
      return;
    }
  }
  if (names_.size() >= 256) return;  // bounded: one article's people
  names_.push_back(Name{std::move(word), std::move(code), std::move(entry)});
  last_person_ = static_cast<int>(names_.size()) - 1;
}

void Coder::Code(std::string_view sentence, coding::Date date, CodeResult* out) const {
  Code(sentence, date, nullptr, out);
}

void Coder::Code(std::string_view sentence, coding::Date date, ArticleContext* context,
                 CodeResult* out) const {
  if (compiled_->tabari && !options_.tabari_forward.empty() && context != nullptr) {
    // TABARI FORWARD: the context carries the story's forwarded actor
    // instead of the article coreference.
    Scratch& s = ThreadScratch();
    s.forward_in = context->tabari_forward_;
    s.forward_out.clear();
    CodeSentence(sentence, date, nullptr, out, false);
    context->tabari_forward_ = std::move(s.forward_out);
    s.forward_in.clear();
    return;
  }
  // TABARI's comma clauses are blanked inside CodeSentence, not deleted.
  CodeSentence(sentence, date, context, out, options_.comma.any() && !compiled_->tabari);
}

void Coder::CodeSentence(std::string_view sentence, coding::Date date, ArticleContext* context,
                         CodeResult* out, bool delete_clauses) const {
  out->events.clear();
  out->issues.clear();
  out->discarded_by.clear();
  out->time_phrase.clear();
  out->date_shift_days = 0;
  out->actors.clear();
  out->trace.clear();
  const DictionarySet& d = *dictionaries_;
  const Compiled& c = *compiled_;
  Scratch& s = ThreadScratch();
  auto trace = [&](std::string line) {
    if (options_.trace) out->trace.push_back(std::move(line));
  };

  // 1. Analysis. Underscores (validation texts write "Dol_Amroth") are blanks.
  s.clean.assign(sentence);
  for (char& ch : s.clean) {
    if (ch == '_') ch = ' ';
  }
  if (c.tabari) SplitHyphens(d, &s.clean);
  const analysis::Analyzer& analyzer = analysis::Analyzer::Default();
  analyzer.Analyze(s.clean, &s.analysis);
  const analysis::Analysis& a = s.analysis;
  const int n = static_cast<int>(a.tokens.size());
  if (c.tabari && options_.min_words > 0) {
    size_t word_count = 0;
    for (int k = 0; k < n; ++k) word_count += TabariWord(a.word(k));
    if (word_count < options_.min_words) {
      trace("fewer words than the minimum: not coded");
      return;
    }
  }
  if (n == 0 || static_cast<size_t>(n) > options_.max_tokens) {
    trace("sentence empty or longer than max_tokens: not coded");
    return;
  }
  s.upper.assign(s.clean);
  for (char& ch : s.upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  s.words.clear();
  for (const auto& t : a.tokens) s.words.push_back(t.span.In(s.upper));
  const auto& words = s.words;
  s.hashes.clear();
  for (std::string_view w : words) s.hashes.push_back(coding::TokenTrie::Hash(w));
  const std::span<const uint64_t> hashes(s.hashes);
  s.sorted_words.assign(words.begin(), words.end());
  std::sort(s.sorted_words.begin(), s.sorted_words.end());
  auto tag = [&](int i) { return a.tokens[i].tag; };
  auto chunk_of = [&](int i) -> const analysis::Chunk& { return a.chunks[a.tokens[i].chunk]; };
  auto span_of = [&](int b, int e) {
    return Span{a.tokens[b].span.begin, a.tokens[e - 1].span.end};
  };

  // 2. Discards.
  if (!d.discards.entries().empty()) {
    for (int i = 0; i < n; ++i) {
      uint32_t node = 0;
      size_t len =
          d.discards.trie().LongestMatch(std::span(words).subspan(i), hashes.subspan(i), &node);
      if (len > 0) {
        const auto& values = d.discards.trie().Values(node);
        out->discarded_by = coding::PhraseText(d.discards.entries()[values[0]].phrase);
        trace("discarded by \"" + out->discarded_by + "\"");
        return;
      }
    }
  }

  if (c.tabari && options_.tabari_time_shift) {
    const std::vector<tabari::TimePhrase> times = tabari::FindTimePhrases(d.verbs.times(), words);
    for (const tabari::TimePhrase& t : times) {
      if (t.code != "###") continue;
      out->discarded_by = coding::PhraseText(t.entry->phrase);
      trace("discarded by the time phrase \"" + out->discarded_by + "\"");
      return;
    }
    for (const tabari::TimePhrase& t : times) {
      if (!t.Shift(&out->date_shift_days)) continue;
      out->time_phrase = std::string(span_of(t.begin, t.end).In(sentence));
      trace("time phrase \"" + out->time_phrase + "\" shifts the date by " + t.code + " days");
      break;
    }
  }

  // Issues (PETRARCH): collected, cancelled by an ignore phrase.
  if (!d.issues.entries().empty()) {
    bool ignore = false;
    std::vector<std::string> found;
    for (int i = 0; i < n; ++i) {
      uint32_t node = 0;
      size_t len =
          d.issues.trie().LongestMatch(std::span(words).subspan(i), hashes.subspan(i), &node);
      if (len == 0) continue;
      for (uint32_t v : d.issues.trie().Values(node)) {
        const auto& entry = d.issues.entries()[v];
        if (entry.ignore)
          ignore = true;
        else if (std::find(found.begin(), found.end(), entry.code) == found.end())
          found.push_back(entry.code);
      }
    }
    if (!ignore) out->issues = std::move(found);
  }

  // PETRARCH-1's comma-clause deletion: the sentence left once the clauses
  // are removed is coded instead (discards and issues above still read the
  // whole sentence, as PETRARCH-1 reads them from its text).
  if (delete_clauses) {
    std::vector<uint8_t> drop = CommaClausesToDrop(a, words, options_.comma);
    if (std::find(drop.begin(), drop.end(), 1) != drop.end()) {
      // The kept tokens in runs copied from the sentence; `runs` maps the
      // shorter text back to it: (offset there, offset here, length).
      std::string kept;
      std::vector<std::array<uint32_t, 3>> runs;
      std::string dropped;  // for the trace
      for (int k = 0; k < n;) {
        if (drop[k]) {
          if (drop[k] == 1) {
            dropped += k > 0 && drop[k - 1] == 1 ? " " : " [";
            dropped += a.word(k);
            if (k + 1 == n || drop[k + 1] != 1) dropped += "]";
          }
          ++k;
          continue;
        }
        int e = k + 1;
        while (e < n && !drop[e]) ++e;
        uint32_t b = a.tokens[k].span.begin, end = a.tokens[e - 1].span.end;
        if (!kept.empty()) kept += ' ';
        runs.push_back({b, static_cast<uint32_t>(kept.size()), end - b});
        kept.append(s.clean, b, end - b);
        k = e;
      }
      std::vector<std::string> issues = std::move(out->issues);
      CodeSentence(kept, date, context, out, false);
      out->issues = std::move(issues);
      auto back = [&](uint32_t offset, bool is_end) {
        // The run holding the offset (an end offset may close a run).
        for (const auto& r : runs) {
          if (offset >= r[1] && (is_end ? offset <= r[1] + r[2] : offset < r[1] + r[2]))
            return r[0] + (offset - r[1]);
        }
        return static_cast<uint32_t>(sentence.size());
      };
      auto remap = [&](Span* sp) {
        if (sp->begin == sp->end) return;  // no span
        *sp = Span{back(sp->begin, false), back(sp->end, true)};
      };
      for (CodedEvent& e : out->events) {
        remap(&e.verb_span);
        remap(&e.source_actor.span);
        remap(&e.target_actor.span);
      }
      for (ActorMention& m : out->actors) remap(&m.span);
      if (options_.trace) {
        out->trace.insert(out->trace.begin(), "comma clauses removed:" + dropped);
      }
      return;
    }
  }

  // 3. Actor and agent items, longest first, left to right.
  s.items.clear();
  for (int i = 0; i < n;) {
    if (a.tokens[i].kind == text::TokenKind::kPunct) {
      ++i;  // no phrase starts with punctuation
      continue;
    }
    uint32_t actor_node = 0, agent_node = 0;
    size_t actor_len = d.actors.entries().empty()
                           ? 0
                           : LongestMatch(d.actors.trie(), std::span(words).subspan(i),
                                          hashes.subspan(i), c.tabari, &actor_node);
    size_t agent_len = d.agents.entries().empty()
                           ? 0
                           : d.agents.trie().LongestMatch(std::span(words).subspan(i),
                                                          hashes.subspan(i), &agent_node);
    // A one-word match the tagger reads otherwise is no actor or agent: the
    // pronoun "us" (not "US"), the verb "courts" (not the courts).
    const bool use_tags = options_.use_tagger && !c.tabari;
    if (use_tags && actor_len == 1 && tag(i) == Tag::kPRP) actor_len = 0;
    if (use_tags && agent_len == 1 && analysis::IsVerb(tag(i)) && tag(i) != Tag::kVBN &&
        tag(i) != Tag::kVBG)
      agent_len = 0;
    // An actor phrase whose words may be apart, when it matches more words
    // than the phrases found above; the first such phrase listed wins a tie.
    // TABARI: up to the next comma ("PRINCE DOL_AMROTH" in "the Prince of
    // Dol Amroth"). PETRARCH-1 matches an actor phrase inside one noun
    // phrase, and a blank between two of its words lets other words of that
    // phrase come between them ("ITHILEN TELEVISION" in "Ithilen state-run
    // television"); without the tree, the noun phrase is the chunk holding
    // the first word, and the words skipped must be noun-phrase internal.
    // '_' keeps words adjacent in both.
    auto spaced = c.tabari || use_tags ? c.spaced_actors.find(words[i]) : c.spaced_actors.end();
    if (spaced != c.spaced_actors.end()) {
      std::span<const std::string_view> scope = words;
      if (!c.tabari) {
        const analysis::Chunk& chunk = chunk_of(i);
        const bool in_np = chunk.kind == ChunkKind::kNP || chunk.kind == ChunkKind::kPP;
        scope = scope.subspan(0, in_np ? chunk.end : i + 1);
      }
      size_t most = std::max(actor_len, agent_len);
      int spaced_end = -1;
      uint32_t spaced_entry = 0;
      for (const auto& [entry, phrase] : spaced->second) {
        if (phrase->size() <= most) continue;
        int end = c.tabari ? tabari::MatchSpacedPhrase(*phrase, scope, i)
                           : PetrarchSpacedMatch(*phrase, scope, i,
                                                 [&](int k) { return NpInternal(tag(k)); });
        if (end < 0) continue;
        most = phrase->size();
        spaced_end = end;
        spaced_entry = entry;
      }
      if (spaced_end > 0) {
        Item item;
        item.b = i;
        item.e = spaced_end;
        item.actor = true;
        item.entry = spaced_entry;
        s.items.push_back(item);
        trace("actor phrase with words apart: \"" +
              std::string(span_of(i, spaced_end).In(sentence)) + "\"");
        i = spaced_end;
        continue;
      }
    }
    if (actor_len == 0 && agent_len == 0) {
      // A name the article introduced earlier ("Ford" after "U.S.
      // ambassador Robert Ford"), or "he" / "she" opening a sentence that
      // names nobody before it.
      int found = -1;
      if (context != nullptr) {
        if (analysis::IsProperNoun(tag(i))) {
          for (size_t k = 0; k < context->names_.size(); ++k) {
            if (context->names_[k].word == words[i]) found = static_cast<int>(k);
          }
        } else if ((words[i] == "HE" || words[i] == "SHE") && tag(i) == Tag::kPRP &&
                   s.items.empty() && context->last_person_ >= 0) {
          found = context->last_person_;
        }
      }
      if (found >= 0) {
        Item item;
        item.b = i;
        item.e = i + 1;
        item.actor = true;
        item.context_name = found;
        s.items.push_back(item);
        trace("\"" + std::string(span_of(i, i + 1).In(sentence)) + "\" refers to " +
              context->names_[found].entry + " (" + context->names_[found].code + ")");
      }
      ++i;
      continue;
    }
    if (actor_len >= agent_len && actor_len > 0) {
      // A place standing for an actor ("Moscow said") is only a location
      // after a locative preposition ("talks in Paris") or as a dateline
      // ("PARIS, May 28 (RIA Novosti) -").
      uint32_t entry = coding::ActorDictionary::EntryOf(d.actors.trie().Values(actor_node)[0]);
      if (d.actors.entries()[entry].place) {
        int prev = i - 1;
        if (prev >= 0 && words[prev] == "THE") --prev;
        int next = i + static_cast<int>(actor_len);
        bool locative = prev >= 0 && Locatives().count(words[prev]);
        bool dateline = prev < 0 && next + 1 < n && words[next] == "," &&
                        (MonthWords().count(words[next + 1]) || words[next + 1] == "(");
        if (locative || dateline) {
          trace("place \"" + std::string(span_of(i, next).In(sentence)) + "\" is a location here");
          i = next;
          continue;
        }
      }
    }
    Item item;
    item.b = i;
    if (actor_len >= agent_len) {
      item.actor = true;
      item.e = i + static_cast<int>(actor_len);
      item.entry = coding::ActorDictionary::EntryOf(d.actors.trie().Values(actor_node)[0]);
    } else {
      item.e = i + static_cast<int>(agent_len);
      item.entry = d.agents.trie().Values(agent_node)[0];
    }
    s.items.push_back(item);
    i = item.e;
  }

  // 4. Cores: items of one noun group.
  s.cores.clear();
  auto only_np_internal = [&](int from, int to, bool allow_cc) {
    if (to - from > 5) return false;
    for (int k = from; k < to; ++k) {
      Tag t = tag(k);
      // A participle the chunker made a verb group is a verb, not a
      // modifier ("police arrested students": two actors, not one).
      if ((t == Tag::kVBN || t == Tag::kVBG) && chunk_of(k).kind == ChunkKind::kVP) return false;
      if (NpInternal(t)) continue;
      if (allow_cc && t == Tag::kCC && k > from && k + 1 < to &&
          analysis::IsAdjective(tag(k - 1)) && analysis::IsAdjective(tag(k + 1))) {
        continue;  // "awful and evil minister"
      }
      if (words[k] == "'S" || words[k] == "'") continue;
      return false;
    }
    return true;
  };
  for (size_t k = 0; k < s.items.size(); ++k) {
    const Item& it = s.items[k];
    if (!s.cores.empty()) {
      Core& last = s.cores.back();
      const Item& prev = s.items[last.items.back()];
      bool join = false;
      bool linked = false;
      if (only_np_internal(prev.e, it.b, true)) {
        // Two actors side by side stay apart unless a title ties them
        // ("Dagolath 's Deputy Prime Minister Telemar": the first actor
        // and the title give the code).
        join = !(it.actor && last.has_actor) ||
               (it.actor && !s.items[last.items.back()].actor && it.b == prev.e);
      } else if (!last.has_actor && it.actor && it.b - prev.e >= 1 && it.b - prev.e <= 3 &&
                 AgentLinks().count(words[prev.e]) && only_np_internal(prev.e + 1, it.b, false)) {
        join = true;  // "lawmakers in Fornost", "the ambassadors of Arnor"
        linked = true;
      }
      if (join && c.tabari && it.actor && last.has_actor && !prev.actor &&
          TitleApartFromActor(last, s.items, words)) {
        // TABARI ties a title to an actor right next to it: "Arnor 's
        // foreign minister Hurin" is Arnor and Hurin-the-minister, two
        // actors, while "Arnor 's minister Hurin" stays one.
        s.cores.push_back(SplitTitleFromCore(&last, s.items));
        s.cores.back().items.push_back(static_cast<int>(k));
        s.cores.back().e = it.e;
        s.cores.back().has_actor = true;
        continue;
      }
      if (join) {
        last.items.push_back(static_cast<int>(k));
        last.e = it.e;
        last.has_actor = last.has_actor || it.actor;
        last.linked = last.linked || linked;
        continue;
      }
    }
    Core core;
    core.b = it.b;
    core.e = it.e;
    core.items.push_back(static_cast<int>(k));
    core.has_actor = it.actor;
    s.cores.push_back(std::move(core));
  }

  // Codes of one core: prefix agents + each actor code + suffix agents.
  auto core_codes = [&](const Core& core, const std::vector<int>& extra_agents,
                        const Core* actor_from) {
    std::vector<std::pair<std::string, ActorMention>> out_codes;
    std::vector<std::string> bases;
    ActorMention m;
    m.span = span_of(core.b, core.e);
    const Core& ac = actor_from ? *actor_from : core;
    // A known person's own code outranks the description around the name:
    // "Hezbollah leader Hassan Nasrallah" is Nasrallah's code, not
    // Hezbollah + leader.
    bool person_code = false;
    for (int ii : ac.items) {
      const Item& it = s.items[ii];
      if (!it.actor || it.context_name >= 0) continue;
      const auto& entry = d.actors.entries()[it.entry];
      if (entry.place || entry.roles.empty()) continue;
      std::string_view code = d.actors.CodeFor(it.entry, date);
      if (code.size() < 6) continue;
      bases = SplitCodes(code, d.whole_slash_codes);
      m.entry = coding::PhraseText(entry.phrases[0]);
      m.where = entry.where;
      person_code = true;
      break;
    }
    for (int ii : ac.items) {
      const Item& it = s.items[ii];
      if (!it.actor || !bases.empty()) continue;
      if (it.context_name >= 0) {
        const ArticleContext::Name& name = context->names_[it.context_name];
        bases = SplitCodes(name.code, d.whole_slash_codes);
        m.entry = name.entry;
        continue;
      }
      bases = SplitCodes(d.actors.CodeFor(it.entry, date), d.whole_slash_codes);
      const auto& entry = d.actors.entries()[it.entry];
      m.entry = entry.phrases.empty() ? "" : coding::PhraseText(entry.phrases[0]);
      m.where = entry.where;
    }
    bool actorless = bases.empty();
    // TABARI: an agent with no actor is an actor only under SET: CONVERT
    // AGENT (its code then stands alone, "~MOS").
    if (actorless && c.tabari && !options_.tabari_convert_agents) return out_codes;
    if (actorless) bases.push_back("---");
    std::string prefix, suffix;
    const bool former = c.tabari && tabari::FormerBefore(words, core.b, core.e);
    auto add_agent = [&](int ii) {
      const auto& ag = d.agents.entries()[s.items[ii].entry];
      m.agents.push_back(coding::PhraseText(ag.phrase) +
                         (ag.prefix ? " (" + ag.code + "~)" : " (~" + ag.code + ")"));
      if (ag.prefix)
        prefix += ag.code;
      else
        suffix = JoinCode(suffix, former ? std::string(tabari::kFormerCode) : ag.code);
    };
    for (int ii : extra_agents) add_agent(ii);
    for (int ii : core.items) {
      if (!s.items[ii].actor) add_agent(ii);
    }
    if (person_code) prefix.clear(), suffix.clear();  // agents stay in the explanation
    if (actorless && suffix.empty() && prefix.empty()) return out_codes;
    for (const std::string& base : bases) {
      std::string code = base == "---" && !prefix.empty() ? prefix : prefix + base;
      // TABARI does not prefix an agent code the actor's code already
      // begins with ("human rights activists" NGM~ on an NGM actor).
      if (c.tabari && !prefix.empty() && base.starts_with(prefix)) code = base;
      code = JoinCode(code, suffix);
      if (suffix.empty() || code.size() > base.size() + prefix.size()) {
      }
      out_codes.emplace_back(code, m);
    }
    return out_codes;
  };

  // 5. Groups: compound actors.
  s.groups.clear();
  auto is_compound_gap = [&](int from, int to) {
    if (to <= from || to - from > 5) return false;
    bool link = false;
    for (int k = from; k < to; ++k) {
      Tag t = tag(k);
      if (t == Tag::kComma || CompoundLinks().count(words[k])) {
        link = true;
        continue;
      }
      if (t == Tag::kDT || analysis::IsAdjective(t) || t == Tag::kRB) continue;
      // Modifiers of the next member ("and the evil awful Gondor").
      if (link && (analysis::IsNoun(t) || t == Tag::kVBN || t == Tag::kVBG)) continue;
      return false;
    }
    return link;
  };
  // A list joined only by commas is no compound ("eight people, Syrian
  // state media reported"): a list needs and / or / nor somewhere.
  auto has_word_link = [&](int from, int to) {
    for (int k = from; k < to; ++k) {
      if (CompoundLinks().count(words[k])) return true;
    }
    return false;
  };
  auto has_comma = [&](int from, int to) {
    for (int k = from; k < to; ++k) {
      if (tag(k) == Tag::kComma) return true;
    }
    return false;
  };
  // TABARI: the member after a compound's and runs over every actor that
  // follows it with only determiners, adjectives or a possessive between:
  // "Calenardhon and the evil Arnor awful Gondor" is CAL, ARN and GON, and
  // "Gondor and Arnor's Elrond" GON, ARN and ELF (the suite's COMPOUND-13
  // and DEBUG-23). An actor right after the member, with no word between,
  // stays out ("Arnor and Dagolath Osgiliath" is ARN and DAG: DEBUG-20).
  auto is_member_tail = [&](int from, int to) {
    if (to <= from || to - from > 3) return false;
    for (int k = from; k < to; ++k) {
      Tag t = tag(k);
      if (t != Tag::kDT && t != Tag::kPOS && !analysis::IsAdjective(t) &&
          !c.tabari_adjectives.count(words[k]))
        return false;
    }
    return true;
  };
  for (size_t k = 0; k < s.cores.size();) {
    Group g;
    g.b = s.cores[k].b;
    g.e = s.cores[k].e;
    g.cores.push_back(static_cast<int>(k));
    size_t j = k + 1;
    bool word_link = false;
    while (j < s.cores.size()) {
      if (c.tabari && word_link && is_member_tail(g.e, s.cores[j].b)) {
        g.cores.push_back(static_cast<int>(j));
        g.e = s.cores[j].e;
        ++j;
        continue;
      }
      if (!is_compound_gap(g.e, s.cores[j].b)) break;
      bool this_word = has_word_link(g.e, s.cores[j].b);
      // "A, B and C": commas come before the and; "A and B, C" ends at B,
      // and so does "A and B, and C" (the list closed at its and), except
      // for TABARI, whose lists go on ("between A and B, and C and D").
      if (word_link && (!this_word || (!c.tabari && has_comma(g.e, s.cores[j].b)))) break;
      word_link = word_link || this_word;
      g.cores.push_back(static_cast<int>(j));
      g.e = s.cores[j].e;
      ++j;
    }
    if (!word_link) {
      g.cores.resize(1);
      g.e = s.cores[k].e;
      j = k + 1;
    }
    s.groups.push_back(std::move(g));
    k = j;
  }
  for (Group& g : s.groups) {
    std::vector<std::pair<std::string, ActorMention>> all;
    bool any_linked = false;
    for (int ci : g.cores) any_linked = any_linked || s.cores[ci].linked;
    // TABARI does not carry an agent into a compound: in "the ambassadors of
    // Arnor, Osgiliath and Gondor" only Arnor's are (ARNGOV, OSG, GON; the
    // suite's DEMO-08 notes it), so its linked groups take the plain path.
    if (any_linked && g.cores.size() > 1 && !c.tabari) {
      // Agents distribute over actors: "lawmakers and officials in A and B".
      std::vector<int> agent_items;
      std::vector<const Core*> actor_cores;
      bool after_link = false;
      for (int ci : g.cores) {
        const Core& core = s.cores[ci];
        if (core.linked) after_link = true;
        if (!after_link && core.has_actor) {
          // "Ithilen and the government of Gondor": Ithilen stands alone.
          for (auto& p : core_codes(core, {}, nullptr)) all.push_back(std::move(p));
          continue;
        }
        for (int ii : core.items) {
          if (!s.items[ii].actor && (!after_link || core.linked)) agent_items.push_back(ii);
        }
        if (core.has_actor && after_link) actor_cores.push_back(&core);
      }
      for (int ag : agent_items) {
        for (const Core* ac : actor_cores) {
          Core only_actor = *ac;
          only_actor.items.erase(std::remove_if(only_actor.items.begin(), only_actor.items.end(),
                                                [&](int ii) { return !s.items[ii].actor; }),
                                 only_actor.items.end());
          for (auto& p : core_codes(only_actor, {ag}, nullptr)) all.push_back(std::move(p));
        }
      }
    } else {
      // "US and British activists": the last member's suffix agents belong
      // to the bare actors before it too.
      std::vector<int> shared_agents;
      if (g.cores.size() > 1) {
        const Core& last = s.cores[g.cores.back()];
        if (last.has_actor && !s.items[last.items.back()].actor) {
          for (int ii : last.items) {
            if (!s.items[ii].actor && !d.agents.entries()[s.items[ii].entry].prefix)
              shared_agents.push_back(ii);
          }
        }
      }
      const Core* last_actor_core = nullptr;
      for (size_t k = 0; k < g.cores.size(); ++k) {
        const Core& core = s.cores[g.cores[k]];
        const Core* from = nullptr;
        if (!core.has_actor && last_actor_core != nullptr)
          from = last_actor_core;  // "Danish media and government"
        bool bare_actor = core.has_actor && core.items.size() == 1;
        const std::vector<int> none;
        const std::vector<int>& extra = k + 1 < g.cores.size() && bare_actor ? shared_agents : none;
        for (auto& p : core_codes(core, extra, from)) all.push_back(std::move(p));
        if (core.has_actor) last_actor_core = &core;
      }
    }
    for (auto& [code, mention] : all) {
      if (std::find(g.codes.begin(), g.codes.end(), code) != g.codes.end()) continue;
      mention.code = code;
      g.codes.push_back(code);
      g.mentions.push_back(std::move(mention));
    }
  }
  // Descriptions without a country take it from the article: "the
  // opposition" after "the Syrian opposition" is SYROPP (while the article
  // gives OPP to one country only); "his government" is the government of
  // the person "he" would be.
  if (context != nullptr) {
    // The country of the nearest coded actor before token `b` in this
    // sentence ("President Assad has said that his government"), "" if none.
    auto country_before = [&](int b) -> std::string {
      for (auto g = s.groups.rbegin(); g != s.groups.rend(); ++g) {
        if (g->e > b) continue;
        for (const std::string& c : g->codes) {
          if (c.size() >= 6 && !c.starts_with("---") && !c.starts_with("IGO") &&
              !c.starts_with("NGO"))
            return c.substr(0, 3);
        }
      }
      return "";
    };
    for (Group& g : s.groups) {
      for (size_t k = 0; k < g.codes.size(); ++k) {
        std::string& code = g.codes[k];
        if (!code.starts_with("---") || code.size() < 6) continue;
        std::string sector = code.substr(3);
        std::string resolved;
        int before = g.b - 1;
        while (before >= 0 && g.b - before <= 3 &&
               (analysis::IsAdjective(tag(before)) || tag(before) == Tag::kVBN))
          --before;  // "the country's disparate armed rebel groups"
        bool possessive = before >= 0 && tag(before) == Tag::kPRPS && words[before] != "MY" &&
                          words[before] != "OUR" && words[before] != "YOUR";
        // "the country's armed rebel groups": the country the sentence is about.
        bool the_country = before >= 1 && (words[before] == "'S" || words[before] == "’S") &&
                           (words[before - 1] == "COUNTRY" || words[before - 1] == "NATION");
        if (possessive || the_country) {
          std::string country = country_before(g.b);
          if (country.empty() && possessive && context->last_person_ >= 0) {
            const std::string& person = context->names_[context->last_person_].code;
            if (person.size() >= 3 && person.compare(0, 3, "---") != 0)
              country = person.substr(0, 3);
          }
          if (!country.empty()) resolved = country + sector;
        } else {
          auto it = context->sectors_.find(sector);
          if (it != context->sectors_.end() && !it->second.empty()) {
            resolved = it->second;
          } else {
            // "rebel forces" in an article that is mostly about one country
            // (its actors' country at least three times, more than any
            // other) belong to that country.
            std::string best;
            int best_n = 0, second_n = 0;
            for (const auto& [country, count] : context->countries_) {
              if (count > best_n) {
                second_n = best_n;
                best_n = count;
                best = country;
              } else if (count > second_n) {
                second_n = count;
              }
            }
            // Only for the sectors of a country's own politics and conflict:
            // "reporters" or "residents" are of no country by default.
            static const std::set<std::string, std::less<>> kDomestic = {
                "GOV", "MIL", "REB", "OPP", "LEG", "JUD", "COP", "PTY", "INS"};
            if (best_n >= 3 && best_n > second_n && kDomestic.count(sector.substr(0, 3)))
              resolved = best + sector;
          }
        }
        if (resolved.empty() ||
            std::find(g.codes.begin(), g.codes.end(), resolved) != g.codes.end())
          continue;
        trace("\"" + std::string(span_of(g.b, g.e).In(sentence)) + "\" " + code + " is " +
              resolved + " in this article");
        code = resolved;
        g.mentions[k].code = resolved;
      }
    }
    for (const Group& g : s.groups) {
      for (size_t k = 0; k < g.codes.size(); ++k) {
        const std::string& code = g.codes[k];
        if (code.size() < 6 || code.starts_with("---") || code.starts_with("IGO") ||
            code.starts_with("NGO"))
          continue;
        ++context->countries_[code.substr(0, 3)];
        // Only a country with a description teaches sectors ("the Syrian
        // opposition"); a named group ("Hizballah fighters", LBNREB) says
        // nothing about "the rebels".
        if (g.mentions[k].agents.empty() || g.cores.size() != 1) continue;
        bool country_based = false;
        for (int ii : s.cores[g.cores[0]].items) {
          const Item& it = s.items[ii];
          if (!it.actor || it.context_name >= 0) continue;
          country_based = d.actors.CodeFor(it.entry, date).size() == 3;
          break;
        }
        if (!country_based) continue;
        // "SYRCVLOPP" teaches CVLOPP -> SYRCVLOPP and OPP -> SYROPP.
        auto learn = [&](std::string sector, std::string full) {
          auto [it, inserted] = context->sectors_.emplace(std::move(sector), full);
          if (!inserted && it->second != full && !it->second.empty() &&
              it->second.compare(0, 3, full, 0, 3) != 0)
            it->second.clear();  // two countries: ambiguous from now on
        };
        learn(code.substr(3), code);
        if (code.size() > 6)
          learn(code.substr(code.size() - 3), code.substr(0, 3) + code.substr(code.size() - 3));
      }
    }
  }
  // Groups without any code are dropped (an agent-free, actor-free noun).
  {
    std::vector<Group> kept;
    for (auto& g : s.groups) {
      if (!g.codes.empty()) kept.push_back(std::move(g));
    }
    s.groups = std::move(kept);
  }
  if (c.tabari) AddTabariPronouns(words, s.cores, &s.groups);
  if (c.tabari && !options_.tabari_forward.empty()) {
    if (ForwardTabariActor(words, s.items, date, d.actors, s.forward_in, span_of, &s.groups,
                           &s.forward_out) > 0)
      trace("FORWARD: a leading pronoun stands for " + s.forward_in);
  }
  s.group_at.assign(n, kNone);
  // Coreference: remember the people this sentence names, with the code
  // their description gives them, for the sentences after it.
  if (context != nullptr) {
    auto is_person = [&](const Item& it) {
      if (it.context_name >= 0) return true;
      const auto& entry = d.actors.entries()[it.entry];
      return !entry.place && !entry.phrases.empty() &&
             (!entry.roles.empty() || entry.phrases[0].size() >= 2) &&
             d.actors.CodeFor(it.entry, date).size() >= 6;
    };
    auto free_name = [&](int k) {
      return k < n && analysis::IsProperNoun(tag(k)) && a.tokens[k].kind != text::TokenKind::kPunct;
    };
    // "He" in the next sentence is the first person named in this one (the
    // subject, as a rule), not the last.
    int first_person = -1;
    auto note_first = [&] {
      if (first_person < 0) first_person = context->last_person_;
    };
    for (const Group& g : s.groups) {
      if (g.codes.size() != 1 || g.cores.size() != 1 || g.codes[0].size() < 6) continue;
      const Core& core = s.cores[g.cores[0]];
      const std::string& code = g.codes[0];
      bool learned = false;
      for (int ii : core.items) {
        const Item& it = s.items[ii];
        if (!it.actor || !is_person(it)) continue;
        std::string word(words[it.e - 1]);
        std::string entry = it.context_name >= 0
                                ? context->names_[it.context_name].entry
                                : coding::PhraseText(d.actors.entries()[it.entry].phrases[0]);
        context->Learn(std::move(word), code, std::move(entry));
        note_first();
        learned = true;
      }
      if (learned) continue;
      bool has_agent = false;
      for (int ii : core.items) has_agent = has_agent || !s.items[ii].actor;
      if (!has_agent) continue;
      // "Russian Foreign Minister Sergei Lavrov": the name right after the
      // description; "U.S. ambassador to Syria, Robert Ford": an appositive.
      int k = core.e;
      if (!free_name(k)) {
        int j = k;
        if (j < n && (words[j] == "TO" || words[j] == "OF" || words[j] == "IN")) {
          ++j;
          while (j < n && j - k <= 4 && (free_name(j) || tag(j) == Tag::kDT)) ++j;
        }
        if (j + 2 < n && words[j] == "," && free_name(j + 1) && free_name(j + 2)) k = j + 1;
      }
      int end = k;
      while (end < n && end - k < 4 && free_name(end) && s.group_at[end] == kNone) ++end;
      if (end > k && (end - k >= 2 || k == core.e)) {
        context->Learn(std::string(words[end - 1]), code,
                       std::string(span_of(core.b, end).In(sentence)));
        trace("learned \"" + std::string(span_of(end - 1, end).In(sentence)) + "\" = " + code);
        note_first();
      }
    }
    if (first_person >= 0) context->last_person_ = first_person;
  }
  for (size_t gi = 0; gi < s.groups.size(); ++gi) {
    for (int k = s.groups[gi].b; k < s.groups[gi].e; ++k) s.group_at[k] = static_cast<int>(gi);
    for (const auto& m : s.groups[gi].mentions) out->actors.push_back(m);
  }
  // TABARI blanks its comma-delimited subordinate clauses: no actor or verb
  // in them is coded, nor one that reaches into them.
  std::vector<uint8_t> tabari_blank;
  if (c.tabari) {
    std::vector<uint8_t> counted(n);
    for (int k = 0; k < n; ++k) counted[k] = TabariWord(words[k]);
    std::vector<std::pair<int, int>> compounds;
    for (const Group& g : s.groups) {
      if (g.cores.size() > 1) compounds.emplace_back(g.b, g.e);
    }
    tabari_blank = tabari::SubordinateClauses(words, counted, compounds, options_.comma);
    for (int k = 0; k < n;) {
      if (!tabari_blank[k]) {
        ++k;
        continue;
      }
      int e = k;
      while (e < n && tabari_blank[e]) ++e;
      trace("subordinate clause blanked: \"" + std::string(span_of(k, e).In(sentence)) + "\"");
      k = e;
    }
    for (const Group& g : s.groups) {
      if (std::any_of(tabari_blank.begin() + g.b, tabari_blank.begin() + g.e,
                      [](uint8_t x) { return x != 0; })) {
        for (int k = g.b; k < g.e; ++k) s.group_at[k] = kNone;
      }
    }
  }
  for (const auto& g : s.groups) {
    std::string codes;
    for (const auto& code : g.codes) codes += (codes.empty() ? "" : ",") + code;
    trace("actor \"" + std::string(span_of(g.b, g.e).In(sentence)) + "\" -> " + codes);
  }

  // 7. Roles.
  auto subject_of = [&](int vp_begin) -> int {
    int i = vp_begin - 1;
    int steps = 0;
    while (i >= 0 && steps++ < 60) {
      if (s.group_at[i] != kNone) {
        const Group& g = s.groups[s.group_at[i]];
        // A mention only inside a PP ("on Thursday in Gondor") is not the
        // subject; nor is one the chunker split after its preposition ("row
        // between [Radagast] [the Brown]"): the PP hangs on the noun before.
        const auto& ch = chunk_of(g.b);
        if (ch.kind == ChunkKind::kPP && g.b > ch.begin && g.b > 0) {
          // But "Hundreds of UN troops", "opponents of Rwanda's Senate": an
          // of-phrase after an actor-less head noun names who acts.
          bool partitive = words[ch.begin] == "OF" && ch.begin > 0 &&
                           chunk_of(ch.begin - 1).kind == ChunkKind::kNP &&
                           s.group_at[ch.begin - 1] == kNone;
          if (partitive) return s.group_at[i];
          if (a.tokens[g.b].chunk != a.tokens[i].chunk) {
            // Split by the chunker: skipped only for an actor in the noun
            // phrase it hangs on ("Gollum centre of a row between ...");
            // "Resumption of ties between Arnor and Gondor may spur" has
            // none, and the compound acts.
            int k = ch.begin - 1;
            while (k >= 0 && s.group_at[k] == kNone &&
                   (chunk_of(k).kind == ChunkKind::kNP || chunk_of(k).kind == ChunkKind::kPP))
              --k;
            if (k < 0 || s.group_at[k] == kNone) return s.group_at[i];
          }
          i = ch.begin - 1;
          continue;
        }
        return s.group_at[i];
      }
      const auto& ch = chunk_of(i);
      Tag t = tag(i);
      if (ch.kind == ChunkKind::kVP || t == Tag::kTO || t == Tag::kMD) {
        i = ch.begin - 1;  // "is about to restore", "vowed on Thursday to wage"
        continue;
      }
      if (ch.kind == ChunkKind::kADVP || ch.kind == ChunkKind::kADJP || analysis::IsAdverb(t) ||
          ch.kind == ChunkKind::kPP || words[i] == "ABOUT") {
        i = std::min<int>(i, ch.begin) - 1;
        continue;
      }
      if (t == Tag::kComma) {
        // Parenthetical ", in remarks published on Monday ,".
        int j = i - 1;
        while (j >= 0 && tag(j) != Tag::kComma && i - j < 16) --j;
        if (j >= 0 && tag(j) == Tag::kComma) {
          i = j - 1;
          continue;
        }
        return kNone;
      }
      if ((t == Tag::kWP || t == Tag::kWDT) && i > 0) {
        // A relative clause's subject is the noun it hangs on: "Brahimi,
        // who is in Damascus meeting officials".
        int k = i - 1;
        if (tag(k) == Tag::kComma && k > 0) --k;
        return s.group_at[k];
      }
      if (t == Tag::kPRP && (words[i] == "HE" || words[i] == "SHE" || words[i] == "IT" ||
                             words[i] == "THEY" || words[i] == "WE")) {
        // A subject pronoun refers back to the nearest actor before it
        // ("Ethiopia indicated it would act").
        for (int k = i - 1; k >= 0; --k) {
          if (s.group_at[k] != kNone) return s.group_at[k];
        }
        return kNone;
      }
      if (ch.kind == ChunkKind::kNP) {
        // The head noun is no actor ("Ithilen 's militia", "Fornost
        // President Umbardacil"): the actor group nearest the head inside the
        // same noun phrase stands for it.
        for (int k = i - 1; k >= ch.begin; --k) {
          if (s.group_at[k] != kNone) return s.group_at[k];
        }
        // Coordinated heads: "Eriador 's death and injury toll".
        if (ch.begin >= 2 && words[ch.begin - 1] == "AND" &&
            chunk_of(ch.begin - 2).kind == ChunkKind::kNP) {
          const auto& prev = chunk_of(ch.begin - 2);
          for (int k = prev.end - 1; k >= prev.begin; --k) {
            if (s.group_at[k] != kNone) return s.group_at[k];
          }
        }
        return kNone;
      }
      return kNone;
    }
    return kNone;
  };
  auto clause_stop = [&](int i) {
    return ClauseWords().count(words[i]) > 0 || tag(i) == Tag::kColon || words[i] == ";";
  };
  auto object_of = [&](int from, int* end_out) -> int {
    bool crossed = false;  // into the clause of a pronoun subject
    for (int i = from; i < n; ++i) {
      if (s.group_at[i] != kNone) {
        int g = s.group_at[i];
        int after = s.groups[g].e;
        while (after < n && analysis::IsAdverb(tag(after))) ++after;
        *end_out = after;
        return g;
      }
      if (clause_stop(i)) return kNone;
      // A comma closes the verb phrase's objects ("... burned down its
      // embassy, a senior official said").
      if (tag(i) == Tag::kComma) {
        int j = i + 1;
        while (j < n && j - i <= 8 && tag(j) != Tag::kComma && chunk_of(j).kind != ChunkKind::kVP)
          ++j;
        if (j < n && j - i <= 8 && chunk_of(j).kind == ChunkKind::kVP &&
            IsFiniteHead(tag(chunk_of(j).head))) {
          return kNone;
        }
      }
      const auto& ch = chunk_of(i);
      if (i > from && ch.kind == ChunkKind::kVP && ch.begin == i) {
        // Past a pronoun's clause, any further verb phrase ends the search
        // ("says it has evidence proving Russia was ...").
        if (crossed) return kNone;
        if (IsFiniteHead(tag(ch.head))) {
          // A new clause ends the search, unless its subject is a pronoun
          // for the verb's own subject ("began to question whether he
          // really has much of a future with Y"; "said he has deep
          // satisfaction toward Y").
          int before = i - 1;
          while (before > from && analysis::IsAdverb(tag(before))) --before;
          if (!(before >= from && tag(before) == Tag::kPRP)) return kNone;
          crossed = true;
        }
      }
    }
    return kNone;
  };
  auto by_agent_of = [&](int from) -> int {
    for (int i = from; i < n && i < from + 12; ++i) {
      if (clause_stop(i)) return kNone;
      if (words[i] == "BY" && i + 1 < n) {
        for (int j = i + 1; j < n && j < i + 6; ++j) {
          if (s.group_at[j] != kNone) return s.group_at[j];
          if (!NpInternal(tag(j))) break;
        }
        return kNone;
      }
    }
    return kNone;
  };

  // 6. Verbs and patterns.
  std::vector<Occurrence> occs;
  int prev_vp_end = kNone, prev_source = kNone;
  const auto& trie = d.verbs.verb_trie();
  MatchContext ctx;
  ctx.verbs = &d.verbs;
  ctx.words = &words;
  ctx.analysis = &a;
  ctx.group_at = &s.group_at;
  ctx.groups = &s.groups;
  ctx.tabari = c.tabari;
  ctx.no_verb_gaps = d.style == DictionarySet::Style::kStoryline;
  // TABARI: a blank between pattern words skips any number of words.
  if (c.tabari) ctx.max_gap = n;
  if (!d.verbs.synsets().empty()) {
    size_t cells = d.verbs.synsets().size() * static_cast<size_t>(n);
    if (s.memo_stamp.size() < cells) {
      s.memo_stamp.assign(cells, 0);
      s.memo_end.resize(cells);
      s.memo_words.resize(cells);
      s.memo_gen = 0;
    }
    if (++s.memo_gen == 0) {
      std::fill(s.memo_stamp.begin(), s.memo_stamp.end(), 0);
      s.memo_gen = 1;
    }
    ctx.synset_base = d.verbs.synsets().data();
    ctx.memo_stamp = s.memo_stamp.data();
    ctx.memo_end = s.memo_end.data();
    ctx.memo_words = s.memo_words.data();
    ctx.memo_gen = s.memo_gen;
  }
  // A clause the tagger gives no verb ("Valdoria act on the motion with
  // Kestria ...", where "act" follows a name as a noun would): a noun right
  // after an actor and before a preposition or determiner may be its verb.
  // PETRARCH dictionaries only: in news such a clause is more often a noun
  // phrase set off by commas ("..., the Valdorian attack on Kestria, ...").
  auto verbless_clause_verb = [&](int k) {
    if (!options_.use_tagger || d.style != DictionarySet::Style::kPetrarch || k == 0 || k + 1 >= n)
      return false;
    if (tag(k) != Tag::kNN && tag(k) != Tag::kNNS) return false;
    if (s.group_at[k - 1] == kNone || s.group_at[k] != kNone) return false;
    Tag next = tag(k + 1);
    if (next != Tag::kIN && next != Tag::kDT && next != Tag::kTO) return false;
    auto boundary = [&](int t) {
      return analysis::IsPunct(tag(t)) || Subordinators().count(words[t]) > 0;
    };
    int b = k, e = k + 1;
    while (b > 0 && !boundary(b - 1)) --b;
    while (e < n && !boundary(e)) ++e;
    for (int t = b; t < e; ++t)
      if (analysis::IsVerb(tag(t)) || tag(t) == Tag::kMD) return false;
    return true;
  };
  for (int i = 0; i < n;) {
    if (options_.use_tagger && !c.tabari) {
      // A verb phrase holds a verb within its first three words ("wire
      // tapped", "cordoned off"): elsewhere the verb trie is not consulted.
      bool near_verb = verbless_clause_verb(i);
      for (int k = i; k < n && k < i + 3; ++k) near_verb = near_verb || analysis::IsVerb(tag(k));
      // "-ing with" is checked below even when tagged as a noun.
      near_verb = near_verb || (i + 1 < n && words[i].ends_with("ING") && words[i + 1] == "WITH");
      if (!near_verb) {
        ++i;
        continue;
      }
    }
    uint32_t node = 0;
    size_t len = LongestMatch(trie, std::span(words).subspan(i), hashes.subspan(i), c.tabari, &node,
                              c.tabari);
    if (len == 0) {
      ++i;
      continue;
    }
    int vb = i, ve = i + static_cast<int>(len);
    if (!tabari_blank.empty() && std::any_of(tabari_blank.begin() + vb, tabari_blank.begin() + ve,
                                             [](uint8_t x) { return x != 0; })) {
      i = ve;  // TABARI: a verb in or reaching into a subordinate clause
      continue;
    }
    // The match must carry a verb-group head (or, with the tagger off, any word).
    bool verbal = !options_.use_tagger;
    int head = vb;
    for (int k = vb; k < ve && !verbal; ++k) {
      const auto& ch = chunk_of(k);
      if (analysis::IsVerb(tag(k)) && ch.kind == ChunkKind::kVP && (ch.head == k || len > 1)) {
        verbal = true;
        head = k;
      }
    }
    if (!verbal && options_.use_tagger && words[vb].ends_with("ING") && vb + 1 < n &&
        words[vb + 1] == "WITH" && vb > 0 &&
        (s.group_at[vb - 1] != kNone || analysis::IsProperNoun(tag(vb - 1)) ||
         tag(vb - 1) == Tag::kComma)) {
      // "Brahimi, who is in Damascus meeting with officials": the tagger
      // reads a noun compound, but "-ing with" after a name is the verb.
      verbal = true;
      head = vb;
    }
    if (!verbal && len == 1 && verbless_clause_verb(vb)) {
      trace("\"" + std::string(a.word(vb)) + "\" is the verb of a clause with none tagged");
      verbal = true;
      head = vb;
    }
    if (c.tabari) {
      // TABARI dictionaries carry misspelt and invented verb forms the
      // tagger cannot know; TABARI's own rules decide instead: a dictionary
      // verb is a verb unless it is capitalised inside the sentence, follows
      // a determiner or possessive, or is a listed noun.
      std::string_view original = a.word(vb);
      // (An all-capitals sentence capitalises nothing.)
      bool capitalised =
          vb > 0 && !original.empty() && std::isupper(static_cast<unsigned char>(original[0])) &&
          std::any_of(sentence.begin(), sentence.end(),
                      [](char ch) { return std::islower(static_cast<unsigned char>(ch)); });
      bool after_det =
          vb > 0 && (words[vb - 1] == "THE" || words[vb - 1] == "A" || words[vb - 1] == "AN");
      verbal = !capitalised && !after_det && !c.tabari_nouns.count(words[vb]);
      head = vb;
    }
    if (c.tabari && verbal && len == 1 && TabariCliticBlocksVerb(trie, a, words, vb)) {
      trace("\"" + std::string(a.word(vb)) + "'s\" is no form of a whole-word verb");
      verbal = false;
    }
    if (!verbal) {
      ++i;
      continue;
    }
    i = ve;
    // A form may sit in several blocks (a dictionary may list SHOT twice):
    // the most specific pattern over all of them wins; otherwise the first
    // block with a code gives the default.
    const Compiled::Pattern* best = nullptr;
    int best_weight = -1;
    const bool synset_ties = d.style != DictionarySet::Style::kStoryline;
    MatchContext best_ctx = ctx;
    size_t bi = 0, fi = 0;
    bool have_default = false;
    // PETRARCH-2 ties a pattern to one verb of its block with a "# VERB"
    // comment; such a pattern applies to that verb only. (Letting the other
    // verbs of the block use it when nothing else matched changed nothing on
    // the GSR and cost a fifth of the speed.)
    for (uint32_t value : trie.Values(node)) {
      size_t b = coding::VerbDictionary::BlockOf(value);
      size_t f = coding::VerbDictionary::FormOf(value);
      if (!have_default && (!d.verbs.CodeOf(b, f).null() || value == trie.Values(node).back())) {
        bi = b;
        fi = f;
        have_default = true;
      }
      const std::string& name = c.form_names[b][f];
      for (const auto& p : c.block_patterns[b]) {
        if (!p.source->verb.empty() && p.source->verb != name) continue;
        // An equal weight is tried only for a pattern with a synset, which
        // may win on the length of the member it matches (PETRARCH and
        // TABARI dictionaries; storyline's own list a block's patterns in
        // the order they are to be tried).
        if (p.weight < best_weight || (p.weight == best_weight && (!p.has_synset || !synset_ties)))
          continue;
        if (p.lower_words && !d.lower_words) continue;
        if (!c.tabari) {
          bool present = true;
          for (const std::string& w : p.required) {
            if (!std::binary_search(s.sorted_words.begin(), s.sorted_words.end(),
                                    std::string_view(w))) {
              present = false;
              break;
            }
          }
          if (!present) continue;
        }
        MatchContext m = ctx;
        m.source = m.target = m.compound = kNone;
        m.alt_shortfall = 0;
        bool ok = true;
        if (!p.upper.empty()) ok = MatchForward(p.upper, 0, ve, p.upper_adjacent, m, 0) != kNone;
        if (ok && !p.lower.empty())
          ok = MatchBackward(p.lower, 0, vb - 1, p.lower_adjacent, m) != kNone;
        if (!ok) continue;
        const int weight = p.weight - m.alt_shortfall;
        if (weight < best_weight ||
            (weight == best_weight &&
             (!p.has_synset || !synset_ties || m.synset_words <= best_ctx.synset_words)))
          continue;
        best = &p;
        best_weight = weight;
        best_ctx = m;
        bi = b;
        fi = f;
      }
    }
    const coding::VerbBlock& block = d.verbs.blocks()[bi];
    const std::string& form_name = c.form_names[bi][fi];
    analysis::Chunk vp = chunk_of(head);
    if (vp.passive && options_.passive_requires_by) {
      // PETRARCH-1 reads "be" + participle as passive only when "by" follows
      // in the verb phrase; otherwise the subject is the doer ("X was
      // criticized over its dispute with Y": X -> Y).
      bool by = false;
      for (int k = vp.end; k < n && !clause_stop(k) && !by; ++k) by = words[k] == "BY";
      vp.passive = by;
    }
    if (c.tabari && vp.kind != ChunkKind::kVP) {
      // TABARI's own rules made a verb of a word the tagger reads otherwise
      // ("Arnor arms Gondor" chunked as one noun phrase): the verb group is
      // the dictionary form alone.
      vp = analysis::Chunk{};
      vp.kind = ChunkKind::kVP;
      vp.begin = static_cast<uint16_t>(vb);
      vp.end = static_cast<uint16_t>(ve);
      vp.head = static_cast<uint16_t>(vb);
    }
    coding::VerbCode code = best ? best->source->code : d.verbs.CodeOf(bi, fi);
    // "+++" is TABARI's complex-sentence flag, not an event code: under a
    // PETRARCH dictionary a pattern carrying it gives the verb's own code,
    // as a null pattern code does in PETRARCH's check_verbs ("restore fxll
    // diplomatic ties" [+++] in the RESTORE [064] block -> 064).
    if (best && code.primary == "+++" && d.style == DictionarySet::Style::kPetrarch) {
      coding::VerbCode own = d.verbs.CodeOf(bi, fi);
      if (own.primary != "+++") code = own;
    }
    trace("verb \"" + std::string(span_of(vb, ve).In(sentence)) + "\" block " + block.name +
          (best ? " pattern " + coding::Describe(*best->source)
                : " default [" + coding::CodeText(code) + "]"));

    // Roles.
    int source = best_ctx.source, target = best_ctx.target, compound = best_ctx.compound;
    int vp_begin = std::min<int>(vp.begin, vb);
    // The tagger may read an unknown name opening the sentence as an adverb
    // and chunk it into the verb group ("[VP Fornost welcomed]"): an actor
    // there is the verb's subject, not part of its group.
    for (int k = vb - 1; k >= vp_begin; --k) {
      if (s.group_at[k] != kNone) {
        vp_begin = s.groups[s.group_at[k]].e;
        break;
      }
    }
    int vp_end = std::max<int>(vp.end, ve);
    int before = vp_begin - 1;
    while (before >= 0 && analysis::IsAdverb(tag(before))) --before;
    bool coordinated =
        before >= 0 &&
        (words[before] == "AND" || words[before] == "BUT" || words[before] == "OR") &&
        prev_vp_end != kNone &&
        (before == 0 || s.group_at[before - 1] == kNone ||
         prev_vp_end > s.groups[s.group_at[before - 1]].b);
    int subject = coordinated ? prev_source : subject_of(vp_begin);
    if (subject == kNone && before >= 0 && (words[before] == "AND" || words[before] == "BUT")) {
      // "The opposition remains divided ... and has ruled out talks": the
      // earlier verb is no dictionary verb, but its subject is shared.
      int k = before - 1;
      while (k >= 0 && chunk_of(k).kind != ChunkKind::kVP && words[k] != ";" && words[k] != ".")
        --k;
      if (k >= 0 && chunk_of(k).kind == ChunkKind::kVP) subject = subject_of(chunk_of(k).begin);
    }
    int object_end = vp_end;
    int object = object_of(vp_end, &object_end);
    if (target != kNone && source == kNone && target == subject && s.groups[target].e <= vb) {
      // "- NOTED + * [115]": the pattern puts the target before the verb, so
      // the source is the actor before it ("A noted that B regretted ...").
      for (int k = s.groups[target].b - 1; k >= 0; --k) {
        if (s.group_at[k] != kNone) {
          source = s.group_at[k];
          break;
        }
      }
    }
    if (compound != kNone && s.groups[compound].b >= ve && source == kNone) {
      // "A agrees WITH %": the subject acts on each member.
      target = compound;
      compound = kNone;
      source = subject;
    }
    if (vp.passive) {
      if (target == kNone) target = subject;
      if (source == kNone) source = by_agent_of(vp_end);
      // Without "by ...", the actor named in the verb phrase is taken as
      // the doer ("X was shot dead in Y", "X was criticized over its
      // dispute with Y"), as PETRARCH does.
      if (source == kNone && object != kNone && object != target) {
        bool verb_between = false;  // "X was seen to break into Y": Y is not the doer
        for (int k = vp_end; k < s.groups[object].b; ++k) {
          verb_between = verb_between || chunk_of(k).kind == ChunkKind::kVP;
        }
        if (!verb_between) source = object;
      }
    } else {
      if (source == kNone && compound == kNone) source = subject;
      if (target == kNone && compound == kNone) target = object;
    }
    // A statement verb (CAMEO 01x) is addressed to its direct object ("told
    // Kerry", "said to Kerry") or is about the subject of its complement
    // clause ("said Y would ..."); an actor deeper in the sentence is not
    // its target ("announced bans on travel to Canada").
    if (!vp.passive && target != kNone && target == object && best == nullptr &&
        code.primary.size() >= 2 && code.primary.compare(0, 2, "01") == 0) {
      int tb = s.groups[target].b;
      bool direct = tb - vp_end <= 1;
      int after = s.groups[target].e;
      while (after < n && analysis::IsAdverb(tag(after))) ++after;
      bool clause_subject =
          after < n && (chunk_of(after).kind == ChunkKind::kVP || tag(after) == Tag::kMD);
      if (!direct && !clause_subject) target = kNone;
    }
    if (c.tabari && source == target && source != kNone && best_ctx.source == source) {
      // TABARI takes as target the first actor after the verb that is not
      // the source a pattern named ("contribute pesos $ to +").
      target = kNone;
      for (int k = s.groups[source].e; k < n && target == kNone; ++k) {
        if (clause_stop(k)) break;
        target = s.group_at[k];
      }
    }
    if (source == target && source != kNone && !s.groups[source].compound()) target = kNone;
    prev_vp_end = vp_end;
    prev_source = vp.passive ? kNone : (source != kNone ? source : subject);
    Occurrence occ;
    occ.vb = vb;
    occ.ve = ve;
    occ.source = source;
    occ.target = target;
    occ.compound = compound;
    occ.subject = subject;
    occ.object = object;
    occ.pattern_source = best_ctx.source;
    occ.pattern_target = best_ctx.target;
    occ.pattern_compound = best_ctx.compound;
    occ.code = code;
    occ.form = form_name;
    occ.block = block.name;
    occ.infinitive = vp.infinitive;
    occ.clause_object = vp_end < n && words[vp_end] == "THAT";
    occ.info.verb_span = span_of(vb, ve);
    occ.info.verb_block = block.name;
    if (best) {
      occ.info.pattern = coding::Describe(*best->source);
      occ.info.pattern_where = best->source->where;
    }
    occ.info.passive = vp.passive;
    occ.info.negated = vp.negated;
    if (vp.modal != analysis::kNoToken) occ.info.modal = std::string(a.word(vp.modal));
    occs.push_back(std::move(occ));
  }

  // 8a. Transformations: an outer verb (SAY, WANT, ...) whose clause holds an
  // inner event rewrites it ("~ a (b . ATTACK) SAY = a b 112").
  ApplyTransformations(d.verbs.transformations(), s.groups, s.group_at, &occs,
                       options_.trace ? &out->trace : nullptr);

  // 8a'. Verb chains. "prepared to attend", "pledged to expel": the
  // infinitive carries the event and the outer verb's default code is
  // dropped; "urged Eriador to respond": the infinitive after the outer
  // verb's object is that object's action, not a new event of the subject.
  // TABARI's SET: CODE ALL codes every verb that yields an event, the
  // object's infinitive included ("urged Y to assist it": X -> Y twice).
  const bool tabari_code_all = c.tabari && options_.tabari_scope == CoderOptions::TabariScope::kAll;
  for (size_t k = 0; k + 1 < occs.size(); ++k) {
    Occurrence& outer = occs[k];
    Occurrence& inner = occs[k + 1];
    if (!inner.infinitive || outer.suppressed || inner.suppressed) continue;
    int gap_begin = outer.ve, gap_end = inner.vb;
    bool adjacent = true;
    int first_group = kNone;
    for (int t = gap_begin; t < gap_end; ++t) {
      Tag tg = tag(t);
      if (tg == Tag::kTO || analysis::IsAdverb(tg) || chunk_of(t).kind == ChunkKind::kVP) continue;
      adjacent = false;
      if (s.group_at[t] != kNone && first_group == kNone) first_group = s.group_at[t];
    }
    if (adjacent && !inner.code.null() && outer.info.pattern.empty()) {
      outer.suppressed = true;
      if (inner.source == kNone) inner.source = outer.source;
      trace("verb chain: \"" + std::string(outer.info.verb_span.In(sentence)) + "\" yields to \"" +
            std::string(inner.info.verb_span.In(sentence)) + "\"");
    } else if (adjacent && !outer.info.pattern.empty() && !outer.code.null()) {
      inner.suppressed = true;  // "agreed to lift sanctions": the pattern covers both
    } else if (!adjacent && first_group != kNone && first_group == outer.target &&
               !outer.code.null() && !tabari_code_all) {
      inner.suppressed = true;
    }
  }

  // 8a''. PETRARCH-1 codes a verb phrase once and resumes past its end, so an
  // adverbial clause inside a coded verb's phrase ("restore ties with Y
  // almost five years after crowds burned down its embassy") gives no event
  // of its own; when the outer verb has no code, the clause's verb is coded.
  if (!c.tabari && options_.one_event_per_verb_phrase) {
    for (size_t k = 0; k < occs.size(); ++k) {
      const Occurrence& outer = occs[k];
      if (outer.suppressed || outer.code.null()) continue;
      auto new_clause = [&](int t) {
        const auto& ch = chunk_of(t);
        return words[t] == ";" || tag(t) == Tag::kColon ||
               (ch.kind == ChunkKind::kVP && ch.begin == t && IsFiniteHead(tag(ch.head)));
      };
      int sub = kNone;
      for (int t = outer.ve; t < n && sub == kNone; ++t) {
        if (Subordinators().count(words[t]))
          sub = t;
        else if (new_clause(t) || ClauseWords().count(words[t]))
          break;  // the verb phrase ended before any adverbial clause
      }
      if (sub == kNone) continue;
      for (size_t j = k + 1; j < occs.size(); ++j) {
        Occurrence& inner = occs[j];
        if (inner.vb <= sub) continue;
        // The clause's own verb: the first verb group after the subordinator,
        // with no comma before it ("after a 12-year rift, the agency said":
        // "after" led a phrase there, not a clause).
        // A clause has a subject before that verb, and its verb is no
        // gerund: "after two days of fierce fighting", "because of fighting"
        // are phrases.
        bool first = analysis::IsVerb(tag(inner.vb)) && tag(inner.vb) != Tag::kVBG;
        bool subject = false;
        for (int t = sub + 1; t < inner.vb && first; ++t) {
          first = !new_clause(t) && tag(t) != Tag::kComma && words[t] != "OF" &&
                  !(chunk_of(t).kind == ChunkKind::kVP && chunk_of(t).begin == t);
          subject = subject || analysis::IsNoun(tag(t)) || tag(t) == Tag::kPRP;
        }
        first = first && subject;
        if (first && !inner.suppressed) {
          inner.suppressed = true;
          trace("\"" + std::string(inner.info.verb_span.In(sentence)) +
                "\" is in the phrase of \"" + std::string(outer.info.verb_span.In(sentence)) +
                "\": not coded again");
        }
        break;
      }
    }
  }

  // TABARI's shallow roles (Schrodt 2009, ch. 5): one event per clause, from
  // its first verb that yields one. A clause starts after a conjunction
  // (TabariClauseStarts). The source is the one a pattern names, else the
  // source of an earlier clause (replaced when a clause opens with an
  // actor), else the clause's first actor (with DEFAULT ... PRIOR, one
  // before the verb); the target is the one a pattern names, else the first
  // other actor after the verb in the clause, else (without DEFAULT ...
  // AFTER) the nearest other actor before it, where a compound source gives
  // its members after the first ("Bree and Arnor restored ties": BRE ->
  // ARN); the defaults fill what is still missing. "X was warned by Y"
  // swaps the two (TabariPassive).
  if (c.tabari) {
    const std::vector<int> clause_of =
        TabariClauseStarts(words, s.groups, tabari_blank, c.tabari_nouns, c.tabari_adjectives);
    auto clause_end = [&](int start) {
      int e = start;
      while (e < n && clause_of[e] == start) ++e;
      return e;  // one past the clause's last token
    };
    auto same = [&](int x, int y) {
      return x != kNone && y != kNone && (x == y || s.groups[x].codes == s.groups[y].codes);
    };
    const bool source_prior = options_.default_source_prior && !options_.default_source.empty();
    const bool target_after = options_.default_target_after && !options_.default_target.empty();
    int clause_start = -1;
    int carried = kNone;  // the source found in an earlier clause
    bool clause_coded = false;
    for (Occurrence& occ : occs) occ.rank = TakeTabariRank(&occ.code);
    // A group of its own for a default code or for some members of a
    // compound.
    auto new_group = [&](std::vector<std::string> codes, const std::string& entry) {
      Group g;
      for (std::string& code : codes) {
        ActorMention m;
        m.code = code;
        m.entry = entry;
        g.mentions.push_back(std::move(m));
        g.codes.push_back(std::move(code));
      }
      s.groups.push_back(std::move(g));
      return static_cast<int>(s.groups.size() - 1);
    };
    for (Occurrence& occ : occs) {
      const int cs = clause_of[occ.vb], ce = clause_end(cs);
      if (cs != clause_start) {
        clause_start = cs;
        if (options_.tabari_scope != CoderOptions::TabariScope::kSentence) clause_coded = false;
        if (cs > 0 && s.group_at[cs] != kNone) carried = s.group_at[cs];
      }
      if (options_.tabari_scope == CoderOptions::TabariScope::kAll) clause_coded = false;
      if (occ.suppressed) continue;
      if (clause_coded || ce - cs < 3) {
        occ.suppressed = true;  // coded already, or too short to be a clause
        continue;
      }
      if (occ.code.null()) continue;
      if (occ.pattern_compound != kNone) {
        // "%": the compound's members act on each other.
        occ.compound = occ.pattern_compound;
        occ.source = occ.target = kNone;
      } else {
        int source = occ.pattern_source, target = occ.pattern_target;
        bool regular = source == kNone && target == kNone;
        if (source == kNone && carried != kNone && !same(carried, target)) source = carried;
        for (int k = cs; k < ce && source == kNone; ++k) {
          if (s.group_at[k] == kNone || same(s.group_at[k], target)) continue;
          if (source_prior && k >= occ.vb) break;  // DEFAULT ... PRIOR: the default instead
          source = s.group_at[k];
        }
        if (occ.pattern_source == kNone && source != kNone) carried = source;
        // The actor at k as a target: one other than the source, or the
        // members after the first of a compound that is the source.
        auto candidate = [&](int k) {
          const int g = s.group_at[k];
          if (g == kNone) return kNone;
          if (!same(g, source)) return g;
          if (g != source || !s.groups[g].compound()) return kNone;
          std::vector<std::string> rest(s.groups[g].codes.begin() + 1, s.groups[g].codes.end());
          std::string entry = s.groups[g].mentions[1].entry;
          return new_group(std::move(rest), entry);
        };
        for (int k = occ.ve; k < ce && target == kNone; ++k) target = candidate(k);
        for (int k = occ.vb - 1; k >= cs && target == kNone && !target_after; --k)
          target = candidate(k);
        occ.compound = kNone;
        if (regular && source != kNone && target != kNone && TabariPassive(words, occ.vb, occ.ve)) {
          std::swap(source, target);
          occ.info.passive = true;
        }
        occ.source = source;
        occ.target = target;
      }
      if (occ.source == kNone && occ.compound == kNone && !options_.default_source.empty()) {
        occ.source = new_group({options_.default_source}, "(TABARI default)");
      }
      if (occ.target == kNone && occ.compound == kNone && !options_.default_target.empty()) {
        occ.target = new_group({options_.default_target}, "(TABARI default)");
      }
      clause_coded = occ.rank != TabariRank::kSubordinate &&
                     (occ.compound != kNone || (occ.source != kNone && occ.target != kNone));
    }
  }

  // TABARI: a "###" code on a verb or an actor discards the sentence.
  if (c.tabari) {
    std::string why;
    for (const Occurrence& occ : occs) {
      if (occ.code.primary == "###")
        why = "verb \"" + std::string(occ.info.verb_span.In(sentence)) + "\" coded ###";
    }
    for (const Group& g : s.groups) {
      for (const auto& code : g.codes) {
        if (code.find("###") != std::string::npos)
          why = "actor \"" + std::string(span_of(g.b, g.e).In(sentence)) + "\" coded ###";
      }
    }
    if (!why.empty()) {
      out->discarded_by = why;
      trace("discarded: " + why);
      return;
    }
  }

  // 8b. Events. `ranks` follows out->events: the TABARI rank of the verb
  // each event came from.
  std::vector<TabariRank> ranks;
  TabariRank current_rank = TabariRank::kNormal;
  for (Occurrence& occ : occs) {
    ranks.resize(out->events.size(), current_rank);
    current_rank = occ.rank;
    if (occ.info.negated && !d.pico.empty() && !occ.code.null()) {
      // UD-PETRARCH: a negated event is the PICO value minus 0xFFFF.
      auto it = d.pico.find(occ.code.primary);
      if (it != d.pico.end()) {
        int64_t want = it->second - 0xFFFF;
        std::string found;
        for (const auto& [k, v] : d.pico) {
          if (v == want) {
            found = k;
            break;
          }
        }
        if (found.empty()) continue;  // no negated counterpart: no event
        trace("negated " + occ.code.primary + " -> " + found);
        occ.code.primary = found;
        occ.code.paired.clear();
        occ.code.has_colon = false;
      }
    }
    if (occ.info.negated && d.style == DictionarySet::Style::kStoryline && !occ.code.null() &&
        (occ.code.primary.starts_with("03") || occ.code.primary.starts_with("04")) && [&] {
          std::string m = Upper(occ.info.modal);
          return m == "WILL" || m == "WOULD" || m == "WO" || m == "'LL";
        }()) {
      // A refusal: "will not negotiate", "would not attend" reject the
      // meeting or cooperation (CAMEO 12); the refusal itself happened.
      std::string refused = occ.code.primary;
      occ.code.primary =
          refused.starts_with("04") || refused == "036" || refused == "046" ? "125" : "120";
      occ.code.paired.clear();
      occ.code.has_colon = false;
      occ.info.negated = false;
      occ.info.refusal = true;
      occ.info.modal.clear();
      occ.info.transformation =
          "refusal: negated " + refused + " with a future modal -> " + occ.code.primary;
      trace(occ.info.transformation);
    }
    const coding::VerbCode& code = occ.code;
    if (occ.suppressed || code.null()) continue;
    // PETRARCH's new actors: an uncoded subject / object noun phrase
    // (CoderOptions::new_actor_length); its mention has a span, no code.
    ActorMention new_source, new_target;
    auto is_new = [](const ActorMention* m) {
      return m != nullptr && m->code.empty() && m->span.end > m->span.begin;
    };
    if (options_.new_actor_length > 0 && !c.tabari && occ.compound == kNone) {
      auto mention = [&](std::pair<int, int> np) {
        ActorMention m;
        if (np.first < 0) return m;
        size_t count = 0;
        for (int k = np.first; k < np.second; ++k)
          count += TabariWord(words[k]) && words[k] != "'S";
        if (count == 0 || count > options_.new_actor_length) return m;
        m.span = span_of(np.first, np.second);
        trace("new actor \"" + std::string(m.span.In(sentence)) + "\" (" + std::to_string(count) +
              " words)");
        return m;
      };
      if (occ.source == kNone && !occ.info.passive)
        new_source = mention(UncodedSubject(a, words, s.group_at, chunk_of(occ.vb).begin));
      if (occ.target == kNone && !occ.info.passive)
        new_target = mention(UncodedObject(a, words, s.group_at, occ.ve));
    }
    auto emit = [&](const std::string& src, const ActorMention* sm, const std::string& tgt,
                    const ActorMention* tm, const std::string& ev, bool paired) {
      if (ev.empty() || ev == "---") return;
      if (options_.require_dyad && ((src.empty() && !is_new(sm)) || (tgt.empty() && !is_new(tm))))
        return;
      // An actor does not act on itself; without the dyad rule the event
      // keeps its source ("Kerry will lead the U.S. delegation").
      bool self = src == tgt && !is_new(sm) && !is_new(tm);
      if (self && (options_.require_dyad || src.empty())) return;
      CodedEvent e = occ.info;
      e.source = src;
      e.target = self ? std::string() : tgt;
      if (self) tm = nullptr;
      e.code = ev;
      e.paired = paired;
      if (sm) e.source_actor = *sm;
      if (tm) e.target_actor = *tm;
      for (const auto& x : out->events) {
        if (x.source == e.source && x.target == e.target && x.code == e.code) return;
      }
      out->events.push_back(std::move(e));
    };
    auto emit_pair = [&](const Group* sg, size_t si, const Group* tg, size_t ti) {
      std::string src = sg ? sg->codes[si] : "";
      std::string tgt = tg ? tg->codes[ti] : "";
      const ActorMention* sm = sg ? &sg->mentions[si] : is_new(&new_source) ? &new_source : nullptr;
      const ActorMention* tm = tg ? &tg->mentions[ti] : is_new(&new_target) ? &new_target : nullptr;
      emit(src, sm, tgt, tm, code.primary, false);
      if (code.has_colon && !code.paired.empty() && code.paired != "---")
        emit(tgt, tm, src, sm, code.paired, true);
    };
    const Group* sg = occ.source == kNone ? nullptr : &s.groups[occ.source];
    const Group* tg = occ.target == kNone ? nullptr : &s.groups[occ.target];
    if (!c.tabari && options_.one_event_per_verb_phrase && !options_.require_dyad &&
        tg == nullptr && occ.compound == kNone && !occ.info.passive &&
        !NounPhraseInVerbPhrase(a, words, occ.ve)) {
      // PETRARCH-1 codes a verb against a noun phrase of its verb phrase,
      // coded or not; a bare time word ("said today") is a temporal phrase
      // in its parse, no noun phrase, so such a verb gives no event even
      // without the dyad rule ("said on Saturday" does: "Saturday" is a
      // noun phrase, if uncoded).
      trace("\"" + std::string(occ.info.verb_span.In(sentence)) +
            "\" has no noun phrase after it: no event");
      continue;
    }
    if (occ.compound != kNone) {
      const Group& cg = s.groups[occ.compound];
      if (tg != nullptr) {
        for (size_t x = 0; x < cg.codes.size(); ++x)
          for (size_t y = 0; y < tg->codes.size(); ++y) emit_pair(&cg, x, tg, y);
      } else {
        for (size_t x = 0; x < cg.codes.size(); ++x)
          for (size_t y = 0; y < cg.codes.size(); ++y)
            if (x != y) emit_pair(&cg, x, &cg, y);
      }
      continue;
    }
    if (sg != nullptr && tg == nullptr && sg->compound() && !occ.info.passive &&
        !occ.clause_object) {
      // A compound subject without a target: its members act on each other
      // ("X and Y met"), unless the verb reports a clause ("X and Y warned
      // that ..." says nothing of X acting on Y).
      for (size_t x = 0; x < sg->codes.size(); ++x)
        for (size_t y = 0; y < sg->codes.size(); ++y)
          if (x != y) emit_pair(sg, x, sg, y);
      continue;
    }
    size_t ns = sg ? sg->codes.size() : 1, nt = tg ? tg->codes.size() : 1;
    for (size_t x = 0; x < ns; ++x)
      for (size_t y = 0; y < nt; ++y) emit_pair(sg, x, tg, y);
  }

  ranks.resize(out->events.size(), current_rank);
  if (c.tabari) DropOutrankedEvents(ranks, &out->events);

  // 9. Event nouns (storyline's dictionaries): "after their talks in Moscow
  // on May 7", "after face-to-face talks in Paris on Monday" report a
  // meeting of their own, between the compound subject ("their") or the
  // actors of the sentence's first event.
  if (d.style == DictionarySet::Style::kStoryline) {
    const EventNouns& nouns = EventNounTable();
    for (int i = 0; i < n; ++i) {
      if (!nouns.prepositions.count(words[i])) continue;
      bool their = false;
      int k = i + 1;
      while (k < n && k - i <= 4 &&
             (tag(k) == Tag::kDT || tag(k) == Tag::kPRPS || analysis::IsAdjective(tag(k)) ||
              words[k] == "FACE-TO-FACE")) {
        their = their || words[k] == "THEIR";
        ++k;
      }
      std::string code;
      int noun_end = k;
      for (const auto& [phrase, c] : nouns.codes) {
        if (k + static_cast<int>(phrase.size()) > n) continue;
        bool match = true;
        for (size_t w = 0; w < phrase.size() && match; ++w) match = words[k + w] == phrase[w];
        if (match && static_cast<int>(phrase.size()) > noun_end - k) {
          code = c;
          noun_end = k + static_cast<int>(phrase.size());
        }
      }
      if (code.empty()) continue;
      std::vector<std::pair<const ActorMention*, const ActorMention*>> dyads;
      if (their) {
        for (const Group& g : s.groups) {
          if (g.b >= i) break;
          if (!g.compound()) continue;
          for (size_t x = 0; x < g.codes.size(); ++x)
            for (size_t y = 0; y < g.codes.size(); ++y)
              if (x != y) dyads.emplace_back(&g.mentions[x], &g.mentions[y]);
          break;
        }
      } else if (!out->events.empty() && !out->events.front().source.empty() &&
                 !out->events.front().target.empty() &&
                 out->events.front().code.starts_with("04")) {
        // "spoke by telephone after face-to-face talks": the actors of a
        // meeting or call had the talks; "told reporters after the talks"
        // says nothing about who talked.
        dyads.emplace_back(&out->events.front().source_actor, &out->events.front().target_actor);
      }
      std::vector<CodedEvent> added;
      for (const auto& [sm, tm] : dyads) {
        CodedEvent e;
        e.source = sm->code;
        e.target = tm->code;
        e.code = code;
        e.source_actor = *sm;
        e.target_actor = *tm;
        e.verb_span = span_of(k, noun_end);
        e.verb_block = "EVENT NOUN";
        e.transformation = "event noun: \"" + std::string(span_of(i, noun_end).In(sentence)) + "\"";
        trace(e.transformation + " -> " + e.source + " " + e.target + " " + code);
        added.push_back(std::move(e));
      }
      for (auto& e : added) out->events.push_back(std::move(e));
    }
  }
}

}  // namespace storyline::coder
