// libFuzzer target: NormalizeParagraph, Tokenize and SplitSentences on
// arbitrary bytes (ill-formed UTF-8 included). Checks the contracts: output
// of NormalizeParagraph is valid UTF-8 with no leading/trailing/double space;
// tokens and sentences are non-empty, ordered, in range, and the sentences
// cover every token.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.h"
#include "text/segment.h"
#include "text/utf8.h"

namespace {

using storyline::Span;
using storyline::text::Token;

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckSegments(std::string_view text, uint32_t base) {
  std::vector<Token> toks;
  storyline::text::Tokenize(text, &toks);
  uint32_t prev = 0;
  for (const Token& t : toks) {
    Check(t.span.begin < t.span.end && t.span.end <= text.size() && t.span.begin >= prev);
    prev = t.span.end;
  }
  std::vector<Span> sents;
  storyline::text::SplitSentences(text, base, &sents);
  Check(sents.empty() == toks.empty());
  size_t ti = 0;
  uint32_t last = base;
  for (const Span& s : sents) {
    Check(s.begin < s.end && s.begin >= last && s.end - base <= text.size());
    Check(ti < toks.size() && toks[ti].span.begin + base == s.begin);
    while (ti < toks.size() && toks[ti].span.end + base <= s.end) ++ti;
    Check(toks[ti - 1].span.end + base == s.end);
    last = s.end;
  }
  Check(ti == toks.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  storyline::text::NormalizeOptions options;
  if (size > 0) {
    options.fold_dashes = data[0] & 1;
    options.ascii_quotes = data[0] & 2;
    options.nfc = !(data[0] & 4);
  }
  const std::string norm = storyline::text::NormalizeParagraph(raw, options);
  // Valid UTF-8, trimmed, single spaces.
  for (size_t i = 0; i < norm.size();) {
    int32_t cp;
    const int len = storyline::text::internal::DecodeUtf8(
        reinterpret_cast<const uint8_t*>(norm.data()) + i, norm.size() - i, &cp);
    Check(cp != storyline::text::internal::kInvalidCodePoint);
    i += len;
  }
  if (!norm.empty()) Check(norm.front() != ' ' && norm.back() != ' ');
  Check(norm.find("  ") == std::string::npos);

  CheckSegments(raw, 0);
  CheckSegments(norm, 1000);
  return 0;
}
