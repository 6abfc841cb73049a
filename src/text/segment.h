// Tokenisation and sentence splitting for news text.
//
// Rule-based, tuned for English news: abbreviations (U.S., Sen., Jan., Gov.,
// Inc.), initials (John F. Kennedy), numbers (90,000; 3.5; 9:42), quotes and
// brackets after sentence ends, datelines ("PARIS, May 28 (RIA Novosti) –" is
// not a sentence of its own), ellipses, and lists. Word lists are data
// (data/text/abbreviations.txt, sentence_starters.txt, speech_verbs.txt,
// time_followers.txt, url_tlds.txt), compiled once into immutable sets.
//
// Input is expected to be normalised UTF-8 (normalize.h), but any bytes are
// accepted: ill-formed bytes become one-byte kSymbol tokens, nothing is read
// out of bounds. Texts longer than 4 GiB are cut at 4 GiB (offsets are 32-bit).
//
// Thread-safety: all functions are thread-safe.
#ifndef STORYLINE_TEXT_SEGMENT_H_
#define STORYLINE_TEXT_SEGMENT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "storyline/article.h"

namespace storyline::text {

// Token boundaries, Penn-Treebank-like so later stages (event coding in the
// PETRARCH/TABARI manner) see "Kerry" "'s":
//  - white space (Unicode White_Space, plus C0 controls and DEL) separates
//    tokens and is in no token; every other byte is in exactly one token;
//  - hyphens (- U+2010 U+2011) and inner apostrophes (' U+2019) join word
//    characters: al-Assad, Geneva-2, O'Brien, Shi'ite, rock'n'roll;
//  - except the clitics, which are split off as their own kWord token:
//    's 'm 'd 're 've 'll (Kerry 's, it 's, I 'm) and n't (do n't, ca n't);
//  - a trailing period joins a word only when word+"." is a listed
//    abbreviation, a dotted acronym (U.S., a.m., J.R.R.) or an initial (F.);
//  - "..." (any run of 2+ periods), "?!"-runs and "--" runs are one token.
enum class TokenKind : uint8_t {
  kWord,    // letters/digits incl. inner apostrophes and hyphens: al-Assad, 30-year-old, H1N1;
            // clitics 's n't
  kNumber,  // 90,000  3.5  2013  9:42  10/30/2013  2013-10-30  1st  1990s
  kAbbreviation,  // U.S.  Sen.  Jan.  F.  (the period is part of the token)
  kPunct,         // . , ; : ! ? " ' ( ) – ... etc.
  kSymbol,        // $ % & @ # and other symbols (Unicode S*), ill-formed bytes
  kUrl,           // http://...  www.x.com  state.gov  user@example.com
};

struct Token {
  Span span;  // into the text passed in
  TokenKind kind;
};

// Appends the tokens of `text` to *out, in order, non-overlapping, never
// empty. Offsets are relative to `text`.
void Tokenize(std::string_view text, std::vector<Token>* out);

// Appends sentence spans of one paragraph to *out; `base` is added to every
// offset (pass the paragraph's offset in the body). Sentences are trimmed of
// surrounding white space, never empty, in order, and together cover every
// token of the paragraph; a paragraph without terminal punctuation (a
// headline, a dateline, a list item) is one sentence. Sentence ends:
//  - "." before a word that does not start lowercase; "?" / "!" likewise, but
//    a quoted question followed by its attribution stays whole:
//    `"Why?" he asked.` and `"Why?" Lavrov asked.`;
//  - closing quotes and brackets right after the mark stay in the sentence;
//  - an ellipsis ends a sentence only before an upper-case word;
//  - after an abbreviation that can end a sentence (U.S., Inc., a.m., an
//    initial) only before a common sentence starter (The, He, But, ...), so
//    "U.S. Secretary", "John F. Kennedy" stay whole; after a.m./p.m. before
//    any capitalised word but a weekday, month or time zone ("9 a.m. Monday");
//  - never inside numbers, URLs, after titles (Sen.), months (Jan.), "No. 1".
void SplitSentences(std::string_view paragraph, uint32_t base, std::vector<Span>* out);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_SEGMENT_H_
