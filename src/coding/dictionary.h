// In-memory models of the community event-coding dictionaries (PETRARCH /
// Phoenix and TABARI): actors with dated roles, agents, verb blocks with
// structured patterns, synsets and transformations, discards and issues.
//
// Contract: every dictionary class is built once from its parsed entries
// (Build) and is immutable afterwards; all const methods are safe to call from
// many threads at once. Lookups take normalised tokens: ASCII uppercase words
// as produced by NormalizeWord (the engine upper-cases sentence tokens the
// same way). Returned views and spans live as long as the dictionary.
#ifndef STORYLINE_CODING_DICTIONARY_H_
#define STORYLINE_CODING_DICTIONARY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace storyline::coding {

// A calendar date as the integer YYYYMMDD (e.g. 20130527); ordering is date
// ordering.
using Date = int32_t;
inline constexpr Date kMinDate = 0;
inline constexpr Date kMaxDate = 99991231;

// One malformed entry: the file, the 1-based line and what is wrong.
struct DictionaryError {
  std::string file;
  int line = 0;
  std::string message;
};
// "file:line: message".
std::string ToString(const DictionaryError& error);

// Where an entry came from (for --explain and error messages).
struct SourceLocation {
  std::shared_ptr<const std::string> file;  // shared by all entries of a file
  int line = 0;
  std::string_view file_name() const {
    return file ? std::string_view(*file) : std::string_view();
  }
};

// ASCII uppercase copy of `word` (non-ASCII bytes are kept as they are).
std::string NormalizeWord(std::string_view word);

// One word of a dictionary phrase.
struct PhraseToken {
  std::string word;           // uppercase
  bool adjacent_next = false; // joined to the next word by '_': no gap allowed
  bool word_end = false;      // written with a trailing '_': whole word only
                              // (TABARI: otherwise the word is a stem)
  friend bool operator==(const PhraseToken&, const PhraseToken&) = default;
};
using Phrase = std::vector<PhraseToken>;

// Splits "HAMAS_MILITARY COMMAND_" into tokens (blanks and '_' separate
// words; see PhraseToken for the flags). Empty words are dropped.
Phrase ParsePhrase(std::string_view text);
// Inverse of ParsePhrase: "HAMAS_MILITARY COMMAND_".
std::string PhraseText(const Phrase& phrase);

// Compiled token trie: maps word sequences to lists of uint32 values. Words
// are interned once; a step is one hash lookup plus a binary search.
class TokenTrie {
 public:
  static constexpr uint32_t kNoNode = 0xFFFFFFFFu;

  class Builder {
   public:
    void Add(std::span<const std::string> words, uint32_t value);
    TokenTrie Build() &&;

   private:
    struct Node {
      std::unordered_map<uint32_t, uint32_t> children;
      std::vector<uint32_t> values;
    };
    uint32_t Intern(const std::string& word);
    std::unordered_map<std::string, uint32_t> vocab_;
    std::vector<Node> nodes_ = std::vector<Node>(1);
  };

  TokenTrie() = default;
  static constexpr uint32_t root() { return 0; }
  // The child of `node` along `word` (already normalised), or kNoNode.
  uint32_t Child(uint32_t node, std::string_view word) const;
  // Values stored at `node` (the phrases that end there), in insertion order.
  std::span<const uint32_t> Values(uint32_t node) const;
  // Longest prefix of `words` that ends at a node with values; returns its
  // length (0 when none) and sets *node_out to that node.
  size_t LongestMatch(std::span<const std::string_view> words,
                      uint32_t* node_out) const;
  // The same with each word's Hash() computed by the caller, so a sentence's
  // words are hashed once for all the tries they are looked up in.
  size_t LongestMatch(std::span<const std::string_view> words, std::span<const uint64_t> hashes,
                      uint32_t* node_out) const;
  // The hash the tries use for a (normalised) word.
  static uint64_t Hash(std::string_view word);
  // Child along a word whose Hash() is `hash`.
  uint32_t Child(uint32_t node, std::string_view word, uint64_t hash) const;
  size_t num_nodes() const { return nodes_.size(); }
  size_t num_words() const { return words_.size(); }

 private:
  struct Node {
    uint32_t edge_begin = 0, edge_end = 0, value_begin = 0, value_end = 0;
  };
  // Word -> id, open addressing keyed by Hash(): the hot lookup of the coder.
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = kNoNode;  // kNoNode = empty
  };
  uint32_t WordId(std::string_view word, uint64_t hash) const;
  std::vector<Slot> slots_;
  std::vector<std::string> words_;  // by id
  std::vector<Node> nodes_;
  std::vector<std::pair<uint32_t, uint32_t>> edges_;  // (word id, child), sorted per node
  std::vector<uint32_t> values_;
};

// ---------------------------------------------------------------- actors

// A code that applies in an inclusive date range.
struct DateRole {
  std::string code;
  Date from = kMinDate;
  Date to = kMaxDate;
  friend bool operator==(const DateRole&, const DateRole&) = default;
};

struct ActorEntry {
  std::vector<Phrase> phrases;     // [0] is the root phrase, then +synonyms
  std::string default_code;        // [CODE] on the root line or an undated role; "" = none
  std::vector<DateRole> roles;     // dated roles, in file order
  // A place name standing for an actor ("Moscow said"): an actor only when
  // it is not the object of a locative preposition ("talks in Moscow").
  bool place = false;
  SourceLocation where;
};

class ActorDictionary {
 public:
  ActorDictionary() = default;
  // Compiles the entries (which may come from several files). TABARI actor
  // files may also carry <NOUN> / <ADJECTIVE> word lists (used by its
  // noun/verb disambiguation); they are kept as they are.
  static ActorDictionary Build(std::vector<ActorEntry> entries,
                               std::vector<Phrase> nouns = {},
                               std::vector<Phrase> adjectives = {});
  const std::vector<Phrase>& nouns() const { return nouns_; }
  const std::vector<Phrase>& adjectives() const { return adjectives_; }

  const std::vector<ActorEntry>& entries() const { return entries_; }
  // Trie over every phrase; a value is entry index << 8 | phrase index
  // (phrase index capped at 255; see PhraseOf).
  const TokenTrie& trie() const { return trie_; }
  static uint32_t EntryOf(uint32_t value) { return value >> 8; }
  static uint32_t PhraseOf(uint32_t value) { return value & 0xFF; }

  // The code of entry `entry` on `date`: the first dated role whose range
  // holds the date, else the default code, else "" (no code).
  std::string_view CodeFor(size_t entry, Date date) const;

 private:
  std::vector<ActorEntry> entries_;
  std::vector<Phrase> nouns_, adjectives_;
  TokenTrie trie_;
};

// ---------------------------------------------------------------- agents

struct AgentEntry {
  Phrase phrase;                   // after substitution-marker expansion
  std::vector<Phrase> plurals;     // explicit {..} forms, or generated regular plural
  std::string code;                // without '~', e.g. "GOV"
  bool prefix = false;             // "CODE~": code goes before the actor code
  SourceLocation where;
};

class AgentDictionary {
 public:
  AgentDictionary() = default;
  static AgentDictionary Build(std::vector<AgentEntry> entries);
  const std::vector<AgentEntry>& entries() const { return entries_; }
  // Trie over phrases and plurals; a value is the entry index.
  const TokenTrie& trie() const { return trie_; }
  // Composes an actor code with agent `entry`: "~GOV" gives actor+GOV,
  // "NGO~" gives NGO+actor.
  std::string Compose(std::string_view actor_code, size_t entry) const;

 private:
  std::vector<AgentEntry> entries_;
  TokenTrie trie_;
};

// ---------------------------------------------------------------- verbs

struct PatternElement {
  enum class Kind : uint8_t {
    kWord,          // a literal word
    kSynset,        // &NAME (text = NAME)
    kVerb,          // * : the verb itself
    kSource,        // $ : source actor slot
    kTarget,        // + : target actor slot
    kCompound,      // % : compound (source and target) slot
    kSkip,          // ^ : skip the next noun phrase
    kPrepPhrase,    // ( ... ) prepositional phrase (PETRARCH-2)
    kNounPhrase,    // { ... } noun phrase (PETRARCH-2)
    kAlternatives,  // { a | b } disjunction (TABARI)
  };
  Kind kind = Kind::kWord;
  std::string text;
  bool adjacent_next = false;  // '_' to the next element
  bool word_end = false;       // trailing '_' before a blank / end
  std::vector<std::vector<PatternElement>> groups;  // phrase / alternatives
  friend bool operator==(const PatternElement&, const PatternElement&) = default;
};

// A verb code as written: "042", "042:043" (paired event), ":110", "---".
struct VerbCode {
  std::string primary;
  std::string paired;  // after ':', "" when absent
  bool has_colon = false;
  bool null() const { return primary.empty() || primary == "---"; }
  friend bool operator==(const VerbCode&, const VerbCode&) = default;
};
VerbCode ParseVerbCode(std::string_view text);
std::string CodeText(const VerbCode& code);

struct VerbPattern {
  std::vector<PatternElement> elements;
  VerbCode code;
  // PETRARCH-2: the verb of the block this pattern belongs to, from its
  // "# VERB" comment; "" = every verb of the block (PETRARCH-1 / TABARI).
  std::string verb;
  SourceLocation where;
};

struct VerbForm {
  Phrase phrase;                 // e.g. BREAK or BREAK_DOWN
  std::vector<Phrase> irregular; // explicit {..} forms
  bool explicit_forms = false;   // {..} given (possibly empty: no forms)
  bool multiword = false;        // written with a leading '+'
  VerbCode code;                 // own code; null() = use the block's
  SourceLocation where;
};

struct VerbBlock {
  std::string name;
  VerbCode code;
  std::vector<VerbForm> verbs;
  std::vector<VerbPattern> patterns;
  SourceLocation where;
};

struct Synset {
  std::string name;               // without '&' and trailing '_'
  bool no_plurals = false;        // label written with trailing '_'
  std::vector<std::vector<PatternElement>> members;  // may reference synsets
  SourceLocation where;
};

// "~ a (a b ATTACK) SAY = a b 015": if `outer_source` SAYs that `inner_source`
// ATTACKs `inner_target`, code out_source / out_target / out_code. Variables
// are single letters; '.' and '_' are PETRARCH's "any" and "none".
struct Transformation {
  std::string outer_source, inner_source, inner_target, inner_verb;
  std::string outer_verb;
  std::string out_source, out_target, out_code;
  SourceLocation where;
};

// TABARI <TIME> entry: a phrase with a day shift and optional patterns.
struct TimeEntry {
  Phrase phrase;
  std::string shift;  // "-7", "+30", "###", "- - -"
  std::vector<VerbPattern> patterns;
  SourceLocation where;
};

class VerbDictionary {
 public:
  VerbDictionary() = default;
  struct Parts {
    std::vector<VerbBlock> blocks;
    std::vector<Synset> synsets;
    std::vector<Transformation> transformations;
    std::vector<TimeEntry> times;      // TABARI only
    std::vector<Phrase> nouns;         // TABARI <NOUN>
    std::vector<Phrase> adjectives;    // TABARI <ADJECTIVE>
    // TABARI word endings decide the trie keys (see TabariVerbKeys in
    // dictionary.cc): a key ending in '=' matches a whole word only, the
    // others also begin longer words.
    bool tabari = false;
  };
  static VerbDictionary Build(Parts parts);

  const std::vector<VerbBlock>& blocks() const { return parts_.blocks; }
  const std::vector<Synset>& synsets() const { return parts_.synsets; }
  const std::vector<Transformation>& transformations() const {
    return parts_.transformations;
  }
  const std::vector<TimeEntry>& times() const { return parts_.times; }
  const std::vector<Phrase>& nouns() const { return parts_.nouns; }
  const std::vector<Phrase>& adjectives() const { return parts_.adjectives; }

  // Trie over every verb form (base, explicit irregular forms and generated
  // regular forms S/ED/ING); a value is block index << 12 | form index.
  const TokenTrie& verb_trie() const { return verb_trie_; }
  static uint32_t BlockOf(uint32_t value) { return value >> 12; }
  static uint32_t FormOf(uint32_t value) { return value & 0xFFF; }
  // Synset by name (without '&'), or nullptr.
  const Synset* FindSynset(std::string_view name) const;
  // The effective code of a form: its own, else its block's.
  const VerbCode& CodeOf(size_t block, size_t form) const;
  size_t num_patterns() const;

 private:
  Parts parts_;
  TokenTrie verb_trie_;
  std::unordered_map<std::string, uint32_t> synset_index_;
};

// Regular inflections of an English verb: base, +S, +ED, +ING (simple
// spelling rules: -Y, -E, -SS/-SH/-CH/-X).
std::vector<std::string> RegularVerbForms(std::string_view base);
// Regular plural of a noun: +S, Y->IES, SS->SSES (the PETRARCH rule).
std::string RegularPlural(std::string_view noun);

// ---------------------------------------------------------------- discards

struct DiscardEntry {
  Phrase phrase;
  bool whole_story = false;  // '+': drop the whole story, not only the sentence
  SourceLocation where;
};

class Discards {
 public:
  Discards() = default;
  static Discards Build(std::vector<DiscardEntry> entries);
  const std::vector<DiscardEntry>& entries() const { return entries_; }
  const TokenTrie& trie() const { return trie_; }  // value = entry index

 private:
  std::vector<DiscardEntry> entries_;
  TokenTrie trie_;
};

// ---------------------------------------------------------------- issues

struct IssueEntry {
  std::vector<Phrase> variants;  // after n:/v:/+ expansion
  std::string code;              // "" for an ignore phrase
  bool ignore = false;           // "~phrase": cancels issue coding of the sentence
  std::string category;          // from the enclosing <ISSUE CATEGORY=..>, "" if none
  SourceLocation where;
};

class Issues {
 public:
  Issues() = default;
  static Issues Build(std::vector<IssueEntry> entries);
  const std::vector<IssueEntry>& entries() const { return entries_; }
  const TokenTrie& trie() const { return trie_; }  // value = entry index

 private:
  std::vector<IssueEntry> entries_;
  TokenTrie trie_;
};

// ---------------------------------------------------------------- inspect

// Canonical dictionary text of a pattern, e.g. "- * (TO BORDER) [154]";
// parsing it again gives the same pattern.
std::string Describe(const VerbPattern& pattern);
std::string Describe(const std::vector<PatternElement>& elements);
std::string Describe(const Transformation& t);
// Multi-line dump for tests and `storyline code --explain`.
std::string Dump(const ActorEntry& entry);
std::string Dump(const AgentEntry& entry);
std::string Dump(const VerbBlock& block);
std::string Dump(const Synset& synset);

}  // namespace storyline::coding

#endif  // STORYLINE_CODING_DICTIONARY_H_
