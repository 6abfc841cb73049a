// Unicode and typographic normalisation of cleaned text.
#ifndef STORYLINE_TEXT_NORMALIZE_H_
#define STORYLINE_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace storyline::text {

struct NormalizeOptions {
  bool nfc = true;             // Unicode NFC (ICU)
  bool ascii_quotes = true;    // “ ” „ « » -> "   ‘ ’ ‚ ′ -> '
  bool fold_dashes = false;    // – — -> - (off: dashes carry meaning in datelines)
};

// Normalises one paragraph or line of valid UTF-8: NFC; quotes; every run of
// Unicode white space (incl. NBSP, zero-width space, tabs, newlines) becomes
// one ASCII space; control and format characters (except ZWJ inside words)
// are dropped; leading/trailing white space trimmed.
std::string NormalizeParagraph(std::string_view utf8, const NormalizeOptions& options = {});

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_NORMALIZE_H_
