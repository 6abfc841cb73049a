// Compiled dictionaries. The idea: the coder matches token sequences against
// tens of thousands of phrases, so every phrase set is compiled once into a
// token trie (cf. sentencepiece's compiled tries): words are interned into a
// hash table, each trie node owns a sorted run of (word id, child) edges and a
// run of values, all in three flat vectors. A step is one hash lookup and a
// binary search; nothing is allocated while matching.
#include "coding/dictionary.h"

#include <xxhash.h>

#include <algorithm>
#include <deque>
#include <utility>

namespace storyline::coding {

std::string ToString(const DictionaryError& error) {
  return error.file + ":" + std::to_string(error.line) + ": " + error.message;
}

std::string NormalizeWord(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

Phrase ParsePhrase(std::string_view text) {
  Phrase out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '_') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '_') ++j;
    PhraseToken token;
    token.word = NormalizeWord(text.substr(i, j - i));
    if (j < text.size() && text[j] == '_') {
      size_t k = j;
      while (k < text.size() && text[k] == '_') ++k;
      if (k >= text.size() || text[k] == ' ' || text[k] == '\t') {
        token.word_end = true;
      } else {
        token.adjacent_next = true;
      }
      j = k;
    }
    out.push_back(std::move(token));
    i = j;
  }
  if (!out.empty()) out.back().adjacent_next = false;
  return out;
}

std::string PhraseText(const Phrase& phrase) {
  std::string out;
  for (size_t i = 0; i < phrase.size(); ++i) {
    out += phrase[i].word;
    if (phrase[i].word_end) out += '_';
    if (i + 1 < phrase.size()) out += phrase[i].adjacent_next ? "_" : " ";
  }
  return out;
}

namespace {
std::vector<std::string> Words(const Phrase& phrase) {
  std::vector<std::string> words;
  words.reserve(phrase.size());
  for (const PhraseToken& t : phrase) words.push_back(t.word);
  return words;
}
}  // namespace

// ---------------------------------------------------------------- trie

uint32_t TokenTrie::Builder::Intern(const std::string& word) {
  auto [it, inserted] = vocab_.emplace(word, static_cast<uint32_t>(vocab_.size()));
  return it->second;
}

void TokenTrie::Builder::Add(std::span<const std::string> words, uint32_t value) {
  if (words.empty()) return;
  uint32_t node = 0;
  for (const std::string& w : words) {
    uint32_t id = Intern(w);
    auto it = nodes_[node].children.find(id);
    if (it == nodes_[node].children.end()) {
      uint32_t child = static_cast<uint32_t>(nodes_.size());
      nodes_[node].children.emplace(id, child);
      nodes_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  nodes_[node].values.push_back(value);
}

TokenTrie TokenTrie::Builder::Build() && {
  TokenTrie trie;
  trie.words_.resize(vocab_.size());
  size_t capacity = 16;
  while (capacity < vocab_.size() * 2) capacity *= 2;
  trie.slots_.assign(capacity, Slot{});
  for (auto& [w, id] : vocab_) {
    uint64_t h = Hash(w);
    size_t i = h & (capacity - 1);
    while (trie.slots_[i].id != kNoNode) i = (i + 1) & (capacity - 1);
    trie.slots_[i] = Slot{h, id};
    trie.words_[id] = w;
  }
  trie.nodes_.resize(nodes_.size());
  for (size_t n = 0; n < nodes_.size(); ++n) {
    Node& src = nodes_[n];
    TokenTrie::Node& dst = trie.nodes_[n];
    dst.edge_begin = static_cast<uint32_t>(trie.edges_.size());
    for (auto& e : src.children) trie.edges_.emplace_back(e.first, e.second);
    dst.edge_end = static_cast<uint32_t>(trie.edges_.size());
    std::sort(trie.edges_.begin() + dst.edge_begin, trie.edges_.end());
    dst.value_begin = static_cast<uint32_t>(trie.values_.size());
    trie.values_.insert(trie.values_.end(), src.values.begin(), src.values.end());
    dst.value_end = static_cast<uint32_t>(trie.values_.size());
  }
  if (trie.nodes_.empty()) trie.nodes_.emplace_back();
  return trie;
}

uint64_t TokenTrie::Hash(std::string_view word) { return XXH3_64bits(word.data(), word.size()); }

uint32_t TokenTrie::WordId(std::string_view word, uint64_t hash) const {
  if (slots_.empty()) return kNoNode;
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id == kNoNode) return kNoNode;
    if (s.hash == hash && words_[s.id] == word) return s.id;
  }
}

uint32_t TokenTrie::Child(uint32_t node, std::string_view word) const {
  return Child(node, word, Hash(word));
}

uint32_t TokenTrie::Child(uint32_t node, std::string_view word, uint64_t hash) const {
  if (node >= nodes_.size()) return kNoNode;
  uint32_t id = WordId(word, hash);
  if (id == kNoNode) return kNoNode;
  const Node& n = nodes_[node];
  auto first = edges_.begin() + n.edge_begin;
  auto last = edges_.begin() + n.edge_end;
  auto e = std::lower_bound(first, last, std::make_pair(id, 0u));
  if (e == last || e->first != id) return kNoNode;
  return e->second;
}

size_t TokenTrie::LongestMatch(std::span<const std::string_view> words,
                               std::span<const uint64_t> hashes, uint32_t* node_out) const {
  uint32_t node = root();
  size_t best = 0;
  uint32_t best_node = kNoNode;
  for (size_t i = 0; i < words.size() && i < hashes.size(); ++i) {
    node = Child(node, words[i], hashes[i]);
    if (node == kNoNode) break;
    const Node& n = nodes_[node];
    if (n.value_end > n.value_begin) {
      best = i + 1;
      best_node = node;
    }
  }
  if (node_out != nullptr) *node_out = best_node;
  return best;
}

std::span<const uint32_t> TokenTrie::Values(uint32_t node) const {
  if (node >= nodes_.size()) return {};
  const Node& n = nodes_[node];
  return std::span<const uint32_t>(values_.data() + n.value_begin, n.value_end - n.value_begin);
}

size_t TokenTrie::LongestMatch(std::span<const std::string_view> words, uint32_t* node_out) const {
  uint32_t node = root();
  size_t best = 0;
  uint32_t best_node = kNoNode;
  for (size_t i = 0; i < words.size(); ++i) {
    node = Child(node, words[i]);
    if (node == kNoNode) break;
    if (!Values(node).empty()) {
      best = i + 1;
      best_node = node;
    }
  }
  if (node_out != nullptr) *node_out = best_node;
  return best;
}

// ---------------------------------------------------------------- actors

ActorDictionary ActorDictionary::Build(std::vector<ActorEntry> entries, std::vector<Phrase> nouns,
                                       std::vector<Phrase> adjectives) {
  ActorDictionary d;
  d.entries_ = std::move(entries);
  d.nouns_ = std::move(nouns);
  d.adjectives_ = std::move(adjectives);
  TokenTrie::Builder b;
  for (size_t e = 0; e < d.entries_.size(); ++e) {
    const auto& phrases = d.entries_[e].phrases;
    for (size_t p = 0; p < phrases.size() && p < 256; ++p) {
      b.Add(Words(phrases[p]), static_cast<uint32_t>(e << 8 | p));
    }
  }
  d.trie_ = std::move(b).Build();
  return d;
}

std::string_view ActorDictionary::CodeFor(size_t entry, Date date) const {
  if (entry >= entries_.size()) return {};
  const ActorEntry& e = entries_[entry];
  for (const DateRole& r : e.roles) {
    if (date >= r.from && date <= r.to) return r.code;
  }
  return e.default_code;
}

// ---------------------------------------------------------------- agents

AgentDictionary AgentDictionary::Build(std::vector<AgentEntry> entries) {
  AgentDictionary d;
  d.entries_ = std::move(entries);
  TokenTrie::Builder b;
  for (size_t e = 0; e < d.entries_.size(); ++e) {
    b.Add(Words(d.entries_[e].phrase), static_cast<uint32_t>(e));
    for (const Phrase& p : d.entries_[e].plurals) b.Add(Words(p), static_cast<uint32_t>(e));
  }
  d.trie_ = std::move(b).Build();
  return d;
}

std::string AgentDictionary::Compose(std::string_view actor_code, size_t entry) const {
  if (entry >= entries_.size()) return std::string(actor_code);
  const AgentEntry& a = entries_[entry];
  std::string out;
  if (a.prefix) {
    out = a.code;
    out += actor_code;
  } else {
    out = actor_code;
    out += a.code;
  }
  return out;
}

// ---------------------------------------------------------------- verbs

VerbCode ParseVerbCode(std::string_view text) {
  VerbCode c;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    c.primary = std::string(text);
  } else {
    c.has_colon = true;
    c.primary = std::string(text.substr(0, colon));
    c.paired = std::string(text.substr(colon + 1));
  }
  return c;
}

std::string CodeText(const VerbCode& code) {
  return code.has_colon ? code.primary + ":" + code.paired : code.primary;
}

std::vector<std::string> RegularVerbForms(std::string_view base_view) {
  std::string base(base_view);
  std::vector<std::string> out{base};
  if (base.size() < 2) return out;
  auto ends = [&](std::string_view s) {
    return base.size() >= s.size() && base.compare(base.size() - s.size(), s.size(), s) == 0;
  };
  auto vowel = [](char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; };
  char last = base.back();
  char before = base[base.size() - 2];
  if (last == 'Y' && !vowel(before)) {
    std::string stem = base.substr(0, base.size() - 1);
    out.push_back(stem + "IES");
    out.push_back(stem + "IED");
  } else if (ends("SS") || ends("SH") || ends("CH") || last == 'X' || last == 'Z') {
    out.push_back(base + "ES");
    out.push_back(base + "ED");
  } else if (last == 'E') {
    out.push_back(base + "S");
    out.push_back(base + "D");
  } else {
    out.push_back(base + "S");
    out.push_back(base + "ED");
  }
  if (last == 'E' && !ends("EE")) {
    out.push_back(base.substr(0, base.size() - 1) + "ING");
  } else {
    out.push_back(base + "ING");
  }
  return out;
}

std::string RegularPlural(std::string_view noun) {
  std::string s(noun);
  if (s.empty()) return s;
  if (s.back() == 'Y') return s.substr(0, s.size() - 1) + "IES";
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, "SS") == 0) return s + "ES";
  return s + "S";
}

namespace {

// The trie keys of one TABARI verb phrase. TABARI matches a dictionary word
// as the beginning of a text word unless the word is joined to the next by
// '_' (then it must be whole) or is the last word and ends in '_' (then only
// the regular endings S, ES, ED, EN, ING and, after E, D may follow: DEPART_
// is "departs" or "departen", not "departx") or in '=' (whole word, no
// endings: BAN= is not "baned"). Whole-word keys carry a trailing '=' so the
// coder's stem matching passes them over; the last word of an open phrase
// gets the regular forms too, for stems of fewer than three letters.
std::vector<std::vector<std::string>> TabariVerbKeys(const Phrase& phrase) {
  std::vector<std::vector<std::string>> out;
  if (phrase.empty()) return out;
  std::vector<std::string> head;
  for (size_t k = 0; k + 1 < phrase.size(); ++k) {
    std::string w = phrase[k].word;
    if (!w.empty() && w[0] == '+') w.erase(0, 1);
    if (phrase[k].adjacent_next && !w.ends_with('=')) w += '=';
    head.push_back(std::move(w));
  }
  std::string last = phrase.back().word;
  if (!last.empty() && last[0] == '+') last.erase(0, 1);
  std::vector<std::string> lasts;
  if (last.ends_with('=')) {
    lasts.push_back(last);
  } else if (phrase.back().word_end) {
    for (const char* ending : {"", "S", "ES", "ED", "EN", "ING"})
      lasts.push_back(last + ending + "=");
    if (last.ends_with('E')) lasts.push_back(last + "D=");
  } else {
    lasts = RegularVerbForms(last);
  }
  for (std::string& w : lasts) {
    out.push_back(head);
    out.back().push_back(std::move(w));
  }
  return out;
}

}  // namespace

VerbDictionary VerbDictionary::Build(Parts parts) {
  VerbDictionary d;
  d.parts_ = std::move(parts);
  for (size_t i = 0; i < d.parts_.synsets.size(); ++i) {
    d.synset_index_.emplace(d.parts_.synsets[i].name, static_cast<uint32_t>(i));
  }
  TokenTrie::Builder b;
  for (size_t bi = 0; bi < d.parts_.blocks.size(); ++bi) {
    const VerbBlock& block = d.parts_.blocks[bi];
    for (size_t fi = 0; fi < block.verbs.size() && fi < 4096; ++fi) {
      const VerbForm& f = block.verbs[fi];
      uint32_t value = static_cast<uint32_t>(bi << 12 | fi);
      // In a multi-word form the verb may be marked with '+' ("WIRE_+TAP",
      // "+CORDON_OFF"); the mark is not part of the word.
      size_t verb_at = 0;
      auto key_words = [&verb_at](const Phrase& p, bool find_verb) {
        std::vector<std::string> w = Words(p);
        for (size_t k = 0; k < w.size(); ++k) {
          if (!w[k].empty() && w[k][0] == '+') {
            w[k].erase(0, 1);
            if (find_verb) verb_at = k;
          }
        }
        return w;
      };
      if (d.parts_.tabari) {
        for (const auto& key : TabariVerbKeys(f.phrase)) b.Add(key, value);
        for (const Phrase& p : f.irregular) {
          for (const auto& key : TabariVerbKeys(p)) b.Add(key, value);
        }
        continue;
      }
      std::vector<std::string> words = key_words(f.phrase, true);
      if (words.empty()) continue;
      b.Add(words, value);
      for (const Phrase& p : f.irregular) b.Add(key_words(p, false), value);
      if (!f.explicit_forms || !f.irregular.empty()) {
        // Regular forms inflect the verb word of the phrase.
        std::vector<std::string> forms = RegularVerbForms(words[verb_at]);
        for (size_t k = 1; k < forms.size(); ++k) {
          std::vector<std::string> w = words;
          w[verb_at] = forms[k];
          b.Add(w, value);
        }
      }
    }
  }
  d.verb_trie_ = std::move(b).Build();
  return d;
}

const Synset* VerbDictionary::FindSynset(std::string_view name) const {
  auto it = synset_index_.find(std::string(name));
  return it == synset_index_.end() ? nullptr : &parts_.synsets[it->second];
}

const VerbCode& VerbDictionary::CodeOf(size_t block, size_t form) const {
  const VerbBlock& b = parts_.blocks.at(block);
  if (form < b.verbs.size()) {
    const VerbCode& own = b.verbs[form].code;
    // "---" written on the form silences it, whatever its block's code.
    if (!own.null() || own.primary == "---") return own;
  }
  return b.code;
}

size_t VerbDictionary::num_patterns() const {
  size_t n = 0;
  for (const VerbBlock& b : parts_.blocks) n += b.patterns.size();
  return n;
}

// ---------------------------------------------------------------- discards, issues

Discards Discards::Build(std::vector<DiscardEntry> entries) {
  Discards d;
  d.entries_ = std::move(entries);
  TokenTrie::Builder b;
  for (size_t e = 0; e < d.entries_.size(); ++e) {
    b.Add(Words(d.entries_[e].phrase), static_cast<uint32_t>(e));
  }
  d.trie_ = std::move(b).Build();
  return d;
}

Issues Issues::Build(std::vector<IssueEntry> entries) {
  Issues d;
  d.entries_ = std::move(entries);
  TokenTrie::Builder b;
  for (size_t e = 0; e < d.entries_.size(); ++e) {
    for (const Phrase& p : d.entries_[e].variants) b.Add(Words(p), static_cast<uint32_t>(e));
  }
  d.trie_ = std::move(b).Build();
  return d;
}

// ---------------------------------------------------------------- inspect

namespace {
char SlotChar(PatternElement::Kind k) {
  switch (k) {
    case PatternElement::Kind::kVerb:
      return '*';
    case PatternElement::Kind::kSource:
      return '$';
    case PatternElement::Kind::kTarget:
      return '+';
    case PatternElement::Kind::kCompound:
      return '%';
    case PatternElement::Kind::kSkip:
      return '^';
    default:
      return '?';
  }
}
}  // namespace

std::string Describe(const std::vector<PatternElement>& elements) {
  std::string out;
  for (size_t i = 0; i < elements.size(); ++i) {
    const PatternElement& e = elements[i];
    switch (e.kind) {
      case PatternElement::Kind::kWord:
        out += e.text;
        break;
      case PatternElement::Kind::kSynset:
        out += '&';
        out += e.text;
        break;
      case PatternElement::Kind::kPrepPhrase:
        out += '(';
        out += e.groups.empty() ? std::string() : Describe(e.groups[0]);
        out += ')';
        break;
      case PatternElement::Kind::kNounPhrase:
        out += '{';
        out += e.groups.empty() ? std::string() : Describe(e.groups[0]);
        out += '}';
        break;
      case PatternElement::Kind::kAlternatives:
        out += "{ ";
        for (size_t g = 0; g < e.groups.size(); ++g) {
          if (g > 0) out += " | ";
          out += Describe(e.groups[g]);
        }
        out += " }";
        break;
      default:
        out += SlotChar(e.kind);
        break;
    }
    if (e.word_end) out += '_';
    if (i + 1 < elements.size()) out += e.adjacent_next ? "_" : " ";
  }
  return out;
}

std::string Describe(const VerbPattern& pattern) {
  return "- " + Describe(pattern.elements) + " [" + CodeText(pattern.code) + "]";
}

std::string Describe(const Transformation& t) {
  return "~ " + t.outer_source + " (" + t.inner_source + " " + t.inner_target + " " + t.inner_verb +
         ") " + t.outer_verb + " = " + t.out_source + " " + t.out_target + " " + t.out_code;
}

namespace {
std::string DateText(Date d) { return std::to_string(d); }
std::string Where(const SourceLocation& w) {
  return std::string(w.file_name()) + ":" + std::to_string(w.line);
}
}  // namespace

std::string Dump(const ActorEntry& entry) {
  std::string out =
      "actor " + (entry.phrases.empty() ? std::string("?") : PhraseText(entry.phrases[0]));
  out += " [" + entry.default_code + "] @" + Where(entry.where) + "\n";
  for (size_t i = 1; i < entry.phrases.size(); ++i)
    out += "  +" + PhraseText(entry.phrases[i]) + "\n";
  for (const DateRole& r : entry.roles) {
    out += "  role " + r.code + " " + DateText(r.from) + ".." + DateText(r.to) + "\n";
  }
  return out;
}

std::string Dump(const AgentEntry& entry) {
  std::string out = "agent " + PhraseText(entry.phrase) + " [" +
                    (entry.prefix ? entry.code + "~" : "~" + entry.code) + "] @" +
                    Where(entry.where) + "\n";
  for (const Phrase& p : entry.plurals) out += "  plural " + PhraseText(p) + "\n";
  return out;
}

std::string Dump(const VerbBlock& block) {
  std::string out =
      "verb block " + block.name + " [" + CodeText(block.code) + "] @" + Where(block.where) + "\n";
  for (const VerbForm& f : block.verbs) {
    out += "  verb " + std::string(f.multiword ? "+" : "") + PhraseText(f.phrase);
    if (f.explicit_forms) {
      out += " {";
      for (size_t i = 0; i < f.irregular.size(); ++i) {
        if (i > 0) out += ' ';
        out += PhraseText(f.irregular[i]);
      }
      out += '}';
    }
    if (!f.code.null() || f.code.has_colon) out += " [" + CodeText(f.code) + "]";
    out += "\n";
  }
  for (const VerbPattern& p : block.patterns) out += "  " + Describe(p) + "\n";
  return out;
}

std::string Dump(const Synset& synset) {
  std::string out =
      "synset &" + synset.name + (synset.no_plurals ? "_" : "") + " @" + Where(synset.where) + "\n";
  for (const auto& m : synset.members) out += "  +" + Describe(m) + "\n";
  return out;
}

}  // namespace storyline::coding
