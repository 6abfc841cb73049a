// TABARI's shallow sentence structure, internal to the coder: the
// comma-delimited subordinate clauses it blanks out before coding, the
// clauses a conjunction starts, and actor phrases whose words may be apart
// ("PRINCE DOL_AMROTH" in "the Prince of Dol Amroth"). Used with TABARI
// dictionaries only; see tabari_structure.cc for the rules and their source.
//
// All functions are pure: they read the sentence's upper-case words (one per
// token, as the coder holds them) and return token indexes or masks.
#ifndef STORYLINE_CODER_TABARI_STRUCTURE_H_
#define STORYLINE_CODER_TABARI_STRUCTURE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coder/coder.h"
#include "coding/dictionary.h"

namespace storyline::coder::tabari {

// Tokens TABARI reads as a comma: "," and the ";", ":", "(" and ")" its
// text filter turns into one.
bool IsComma(std::string_view word);

// 1 for each token inside a subordinate clause (blanked: its actors and verbs
// are not coded), 0 elsewhere. `counted[k]` says whether token k counts as a
// word for the clause-length limits; `compounds` are the [b, e) token spans
// of compound actors, whose commas delimit no clause.
std::vector<uint8_t> SubordinateClauses(std::span<const std::string_view> words,
                                        std::span<const uint8_t> counted,
                                        std::span<const std::pair<int, int>> compounds,
                                        const CoderOptions::CommaClauses& limits);

// Matches `phrase` at words[start] with TABARI's connectors: words joined by
// '_' must be adjacent, words separated by a blank may have other words
// between them (never a comma). A phrase word matches the same word, or, as
// the phrase's last word, its plural (+S, +ES). Returns the end of the match
// (one past its last word) or -1.
int MatchSpacedPhrase(const coding::Phrase& phrase, std::span<const std::string_view> words,
                      int start);

// True if the phrase has a blank between two of its words (only such
// phrases can match words that are apart).
bool HasSpacedWords(const coding::Phrase& phrase);

// TABARI's FORMER conversion: the word FORMER inside an actor phrase or just
// before it ("Arnor former ministers", "former Arnor ministers") makes its
// suffix agents kFormerCode (ex-officials are elites, not the office).
inline constexpr std::string_view kFormerCode = "ELI";
bool FormerBefore(std::span<const std::string_view> words, int b, int e);

// SET: TIME SHIFT: a <TIME> phrase found in a sentence, with the code that
// applies there: the entry's own ("YESTERDAY [-1]"), or that of its longest
// pattern whose words surround the phrase ("TOMORROW" with "- * AND
// TOMORROW AND TOMORROW [+3]").
struct TimePhrase {
  const coding::TimeEntry* entry = nullptr;
  int begin = -1, end = -1;  // token span of the phrase itself
  std::string code;          // "-7", "+30", "###", "+++", "- - -"
  // The day shift the code gives ("-7" -> -7); false when it is no number.
  bool Shift(int* days) const;
};

// The sentence's <TIME> phrases in the order of their first word (where two
// entries start at the same word, the longer phrase only).
std::vector<TimePhrase> FindTimePhrases(std::span<const coding::TimeEntry> times,
                                        std::span<const std::string_view> words);

// FORWARD: the subject pronouns (he, she, it, they) before token
// `first_actor`, the first actor phrase of the sentence (words.size() when
// it has none); each stands for the previous sentence's first actor.
std::vector<int> ForwardablePronouns(std::span<const std::string_view> words, int first_actor);

}  // namespace storyline::coder::tabari

#endif  // STORYLINE_CODER_TABARI_STRUCTURE_H_
