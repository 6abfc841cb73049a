// Unicode and typographic normalisation of cleaned text.
//
// Thread-safety: all functions are thread-safe.
#ifndef STORYLINE_TEXT_NORMALIZE_H_
#define STORYLINE_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace storyline::text {

struct NormalizeOptions {
  bool nfc = true;           // Unicode NFC (ICU)
  bool ascii_quotes = true;  // “ ” „ ‟ « » ″ -> "   ‘ ’ ‚ ‛ ‹ › ′ -> '
  bool fold_dashes = false;  // ‒ – — ― − -> - (off: dashes carry meaning in datelines)
};

// Normalises one paragraph or line of UTF-8:
//  - every run of Unicode white space becomes one ASCII space: ASCII
//    space/tab/CR/LF/VT/FF, U+0085, U+00A0, U+1680, U+2000..U+200A,
//    U+2028, U+2029, U+202F, U+205F, U+3000; leading/trailing space trimmed;
//  - control and invisible format characters are dropped: C0/C1 controls,
//    DEL, soft hyphen U+00AD, U+061C, U+180E, zero-width space U+200B (it
//    marks a line-break opportunity inside words and URLs, so it is removed,
//    not turned into a space), LRM/RLM and the bidi embeddings/isolates,
//    U+2060..U+2064, U+FEFF, U+FFF9..U+FFFB; ZWNJ/ZWJ (U+200C/U+200D) are
//    kept only between two non-ASCII characters (Persian, Indic, emoji);
//  - the hyphens U+2010 and U+2011 always become '-'; quotes and dashes as
//    the options say;
//  - NFC last (so removing an invisible character between a base and its
//    combining mark still composes them). ICU is only called when a code
//    point >= U+0300 survives the pass above, and then only to normalise text
//    that ICU's quick check finds not yet NFC.
// Ill-formed UTF-8 never crashes: each ill-formed sequence (maximal subpart,
// as ICU counts them) becomes U+FFFD, so the result
// is always valid UTF-8. Output is at most as long as the input for valid
// input except where NFC expands (rare).
std::string NormalizeParagraph(std::string_view utf8, const NormalizeOptions& options = {});

// As NormalizeParagraph, writing into *out (its content replaced, its
// capacity reused): the form for loops over many paragraphs.
void NormalizeParagraphInto(std::string_view utf8, const NormalizeOptions& options,
                            std::string* out);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_NORMALIZE_H_
