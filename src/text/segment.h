// Tokenisation and sentence splitting for news text.
//
// Rule-based, tuned for news: abbreviations (U.S., Sen., Jan., Gov., Inc.),
// initials (John F. Kennedy), numbers (90,000; 3.5; 9:42), quotes and brackets
// after sentence ends, datelines ("PARIS, May 28 (RIA Novosti) –" is not a
// sentence of its own), ellipses, and lists. Abbreviation lists are data
// (data/text/abbreviations.txt), compiled once into an immutable set.
//
// Thread-safety: all functions are thread-safe.
#ifndef STORYLINE_TEXT_SEGMENT_H_
#define STORYLINE_TEXT_SEGMENT_H_

#include <string_view>
#include <vector>

#include "storyline/article.h"

namespace storyline::text {

enum class TokenKind : uint8_t {
  kWord,         // letters/digits incl. inner apostrophes and hyphens: don't, al-Assad
  kNumber,       // 90,000  3.5  2013  9:42  1st
  kAbbreviation, // U.S.  Sen.  Jan.  (the period is part of the token)
  kPunct,        // . , ; : ! ? " ' ( ) – etc.
  kSymbol,       // $ % & @ # and other symbols
  kUrl,          // http://...  www.x.com  user@example.com
};

struct Token {
  Span span;  // into the text passed in
  TokenKind kind;
};

// Appends the tokens of `text` to *out. Offsets are relative to `text`.
void Tokenize(std::string_view text, std::vector<Token>* out);

// Appends sentence spans of one paragraph to *out; `base` is added to every
// offset (pass the paragraph's offset in the body). Sentences are trimmed of
// surrounding white space and never empty.
void SplitSentences(std::string_view paragraph, uint32_t base, std::vector<Span>* out);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_SEGMENT_H_
