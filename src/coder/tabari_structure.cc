// TABARI's sentence structure, rewritten from its documented behaviour
// (Schrodt 2009, "TABARI: Textual Analysis by Augmented Replacement
// Instructions", ch. 3 and 5; the program's parser module, read for the
// details its manual leaves open).
//
// Subordinate clauses. TABARI has no parse; it treats a short stretch of
// text set off by commas as a subordinate clause and blanks it before it
// looks for verbs and actors ("Gollum, centre of a row between A and B,
// called on C": Gollum is the source). Walking left to right over the commas
// outside compound actors, each comma may close an opening clause (off by
// default) and open a clause that the next such comma closes; that clause
// is blanked when its word count lies within the limits, and a clause the
// sentence's end closes uses the terminal limits. The comma that closes a
// clause, blanked or not, opens none: TABARI resumes after it. Its defaults
// (KEDS's) are 2..10 words between commas, 2..10 at the end, none at the
// start.
//
// Spaced phrases. In TABARI dictionaries '_' joins words that must be
// adjacent, while a blank lets other words come between them, up to the
// next comma: "PRINCE DOL_AMROTH" is also "the Prince of Dol Amroth".
//
// Former officials. TABARI reads the word FORMER in front of or inside an
// actor phrase as a conversion of its agents: ex-ministers and ex-police are
// coded as elites (ELI) rather than as the office they once held.
//
// Time phrases. With SET: TIME SHIFT on, the phrases of the verbs file's
// <TIME> section shift the event date by their number of days; one coded
// ### discards the sentence, wherever it stands (a blanked clause too).
//
// Forwarding. With FORWARD: on, TABARI carries an actor from one sentence
// of a story to the next: a pronoun that opens the sentence's actors (no
// actor before it) stands for the first actor the previous sentence names
// in its own words, as a bare dictionary code (the agents of "Fornost
// President X" are not carried, nor is an actor that was itself forwarded
// or a compound's second member). The record ID tells the stories apart:
// the FORWARD mask marks with N the characters that number the story.
#include "coder/tabari_structure.h"

#include <algorithm>
#include <string>

namespace storyline::coder::tabari {

bool IsComma(std::string_view word) {
  return word == "," || word == ";" || word == ":" || word == "(" || word == ")";
}

std::vector<uint8_t> SubordinateClauses(std::span<const std::string_view> words,
                                        std::span<const uint8_t> counted,
                                        std::span<const std::pair<int, int>> compounds,
                                        const CoderOptions::CommaClauses& limits) {
  const int n = static_cast<int>(words.size());
  std::vector<uint8_t> out(n, 0);
  std::vector<uint8_t> in_compound(n, 0);
  for (const auto& [b, e] : compounds) {
    for (int k = std::max(b, 0); k < std::min(e, n); ++k) in_compound[k] = 1;
  }
  // Sentence-final punctuation is no word of the last clause (TABARI's text
  // filter drops it).
  int end = n;
  while (end > 0 && !IsComma(words[end - 1]) && !counted[end - 1] &&
         (words[end - 1] == "." || words[end - 1] == "?" || words[end - 1] == "!" ||
          words[end - 1] == "\"" || words[end - 1] == "'"))
    --end;
  auto count = [&](int b, int e) {
    size_t c = 0;
    for (int k = b; k < e; ++k) c += counted[k];
    return c;
  };
  auto within = [](size_t c, size_t lo, size_t hi) { return hi != 0 && c >= lo && c <= hi; };
  auto is_boundary = [&](int k) { return !in_compound[k] && IsComma(words[k]); };
  int k = 0;
  while (k < end) {
    if (!is_boundary(k)) {
      ++k;
      continue;
    }
    const int open = k;
    if (within(count(0, open), limits.bmin, limits.bmax)) {
      for (int j = 0; j < open; ++j) out[j] = 1;
    }
    int close = open + 1;
    while (close < end && !is_boundary(close)) ++close;
    if (close >= end) {
      if (within(count(open + 1, end), limits.emin, limits.emax)) {
        for (int j = open + 1; j < end; ++j) out[j] = 1;
      }
      break;
    }
    if (within(count(open + 1, close), limits.min, limits.max)) {
      for (int j = open + 1; j <= close; ++j) out[j] = 1;
    }
    k = close + 1;
  }
  return out;
}

namespace {

bool SpacedWordMatches(std::string_view word, const coding::PhraseToken& t, bool last) {
  if (word == t.word) return true;
  if (!last || t.word_end || !word.starts_with(t.word)) return false;
  std::string_view rest = word.substr(t.word.size());
  return rest == "S" || rest == "ES";
}

}  // namespace

bool HasSpacedWords(const coding::Phrase& phrase) {
  for (size_t i = 0; i + 1 < phrase.size(); ++i) {
    if (!phrase[i].adjacent_next) return true;
  }
  return false;
}

int MatchSpacedPhrase(const coding::Phrase& phrase, std::span<const std::string_view> words,
                      int start) {
  const int n = static_cast<int>(words.size());
  int pos = start;
  for (size_t i = 0; i < phrase.size(); ++i) {
    const bool last = i + 1 == phrase.size();
    const bool may_skip = i > 0 && !phrase[i - 1].adjacent_next;
    while (pos < n && !IsComma(words[pos]) && !SpacedWordMatches(words[pos], phrase[i], last)) {
      if (!may_skip) return -1;
      ++pos;
    }
    if (pos >= n || IsComma(words[pos])) return -1;
    ++pos;
  }
  return pos;
}

bool FormerBefore(std::span<const std::string_view> words, int b, int e) {
  for (int k = std::max(0, b - 1); k < e && k < static_cast<int>(words.size()); ++k) {
    if (words[k] == "FORMER") return true;
  }
  return false;
}

bool TimePhrase::Shift(int* days) const {
  std::string_view c = code;
  int sign = 1;
  if (!c.empty() && (c.front() == '+' || c.front() == '-')) {
    sign = c.front() == '-' ? -1 : 1;
    c.remove_prefix(1);
  }
  if (c.empty() || c.size() > 5) return false;
  int value = 0;
  for (char ch : c) {
    if (ch < '0' || ch > '9') return false;
    value = value * 10 + (ch - '0');
  }
  *days = sign * value;
  return true;
}

namespace {

// The words of a <TIME> pattern around its '*' all found, in order, before
// and after the phrase [b, e): its number of words, or -1.
int TimePatternWords(const coding::VerbPattern& pattern, std::span<const std::string_view> words,
                     int b, int e) {
  using Kind = coding::PatternElement::Kind;
  size_t star = pattern.elements.size();
  for (size_t i = 0; i < pattern.elements.size(); ++i) {
    if (pattern.elements[i].kind == Kind::kVerb) star = i;
  }
  if (star == pattern.elements.size()) return -1;
  int count = 0;
  int pos = b - 1;
  for (size_t i = star; i-- > 0;) {  // before the phrase, right to left
    const auto& el = pattern.elements[i];
    if (el.kind != Kind::kWord) return -1;
    while (pos >= 0 && words[pos] != el.text) --pos;
    if (pos < 0) return -1;
    --pos;
    ++count;
  }
  pos = e;
  for (size_t i = star + 1; i < pattern.elements.size(); ++i) {
    const auto& el = pattern.elements[i];
    if (el.kind != Kind::kWord) return -1;
    while (pos < static_cast<int>(words.size()) && words[pos] != el.text) ++pos;
    if (pos >= static_cast<int>(words.size())) return -1;
    ++pos;
    ++count;
  }
  return count;
}

}  // namespace

std::vector<TimePhrase> FindTimePhrases(std::span<const coding::TimeEntry> times,
                                        std::span<const std::string_view> words) {
  std::vector<TimePhrase> out;
  const int n = static_cast<int>(words.size());
  for (int k = 0; k < n; ++k) {
    TimePhrase best;
    for (const coding::TimeEntry& t : times) {
      if (t.phrase.empty()) continue;
      int e = MatchSpacedPhrase(t.phrase, words, k);
      if (e < 0 || (best.entry != nullptr && e <= best.end)) continue;
      best.entry = &t;
      best.begin = k;
      best.end = e;
    }
    if (best.entry == nullptr) continue;
    best.code = best.entry->shift;
    int most = -1;
    for (const coding::VerbPattern& p : best.entry->patterns) {
      int w = TimePatternWords(p, words, best.begin, best.end);
      if (w > most) {
        most = w;
        best.code = coding::CodeText(p.code);
      }
    }
    k = best.end - 1;
    out.push_back(std::move(best));
  }
  return out;
}

std::vector<int> ForwardablePronouns(std::span<const std::string_view> words, int first_actor) {
  std::vector<int> out;
  const int n = static_cast<int>(words.size());
  for (int k = 0; k < std::min(first_actor, n); ++k) {
    std::string_view w = words[k];
    if (w == "HE" || w == "SHE" || w == "IT" || w == "THEY") out.push_back(k);
  }
  return out;
}

}  // namespace storyline::coder::tabari

namespace storyline::coder {

std::string TabariStoryKey(std::string_view record_id, std::string_view mask) {
  while (!mask.empty() && mask.front() == '^') mask.remove_prefix(1);
  std::string key;
  for (size_t k = 0; k < mask.size(); ++k) {
    if (mask[k] != 'N') continue;
    if (k >= record_id.size()) return "";
    key += record_id[k];
  }
  return key;
}

}  // namespace storyline::coder
