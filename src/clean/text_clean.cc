// Boilerplate removal by line classification.
//
// The idea: on a crawler-saved text page every line is either article text or
// page furniture, and furniture betrays itself by a few kinds of evidence
// that generalise across outlets: known phrases ("Share this article",
// "Comments 0"; data/clean/boilerplate.txt), shape (short, no sentence
// punctuation, symbols only), script (a short Arabic line in an English
// article is a language link), repetition (a caption printed twice), bracketed
// photo credits and position markers ("(left)", "[AP]") for captions, and
// position (before the title; after the closing credit line). Lines are
// classified one by one from cheap features computed in a single pass; then
// page-level passes pick the title, mark the outlet footer after a closing
// credit, and trim short navigation lines at both ends. A line with sentence
// punctuation is never removed for its shape alone, so a short news sentence
// survives. In the spirit of line-based boilerplate detectors such as
// jusText (Pomikalek 2011), without their per-language stop-word models.
#include "clean/text_clean.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/embedded_data.h"
#include "meta/text_dates.h"

namespace storyline::clean {
namespace {

constexpr size_t kMaxExactBytes = 96;  // longer lines match no exact phrase

// The first / last `n` bytes of `s`, widened to whole UTF-8 characters.
std::string_view Head(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}
std::string_view Tail(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  size_t b = s.size() - n;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  return s.substr(b);
}

// Every caption rule needs a bracket or a colon in the line.
bool MayBeCaption(std::string_view t) {
  return t.find_first_of("():[]") != std::string_view::npos;
}

// ---------------------------------------------------------------------------
// UTF-8 helpers.

// Decodes one code point at s[i]; returns its length (1 for invalid bytes).
size_t Decode(std::string_view s, size_t i, uint32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > s.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  uint32_t v = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (d & 0x3F);
  }
  *cp = v;
  return len;
}

bool IsUnicodeSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF || cp == 0x1680;
}

// Trims ASCII and Unicode blanks from both ends.
std::string_view TrimBlank(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    uint32_t cp;
    size_t n = Decode(s, b, &cp);
    if (!IsUnicodeSpace(cp)) break;
    b += n;
  }
  size_t e = s.size();
  while (e > b) {
    size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    uint32_t cp;
    Decode(s, k, &cp);
    if (!IsUnicodeSpace(cp)) break;
    e = k;
  }
  return s.substr(b, e - b);
}

bool IsLatinLetter(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

// A letter of a non-Latin script (Greek, Cyrillic, Arabic, Hebrew, CJK, ...),
// roughly: code points from U+0370 up that are not punctuation or symbols.
bool IsOtherLetter(uint32_t cp) {
  if (cp < 0x370) return false;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;  // variation selectors
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  if (cp >= 0x1F000) return false;  // emoji and pictographs
  return true;
}

inline bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// ---------------------------------------------------------------------------
// Normalisation for list lookups: lowercase, blanks collapsed, digit runs as
// '#', leading bullets and trailing ':' '.' '>' '|' and blanks removed.

bool IsLeadingJunk(uint32_t cp) {
  return IsUnicodeSpace(cp) || cp == '*' || cp == '-' || cp == '>' || cp == '|' || cp == '#' ||
         cp == 0x2022 || cp == 0xB7 || cp == 0x25AA || cp == 0x25BA || cp == 0x25B6 ||
         cp == 0xBB || cp == 0x203A || cp == 0x2013 || cp == 0x2014 || cp == 0x25CF;
}

void Normalize(std::string_view s, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp;
    size_t n = Decode(s, i, &cp);
    if (!IsLeadingJunk(cp)) break;
    i += n;
  }
  bool pending_space = false;
  while (i < s.size()) {
    char c = s[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pending_space = !out->empty();
        ++i;
        continue;
      }
      if (pending_space) out->push_back(' ');
      pending_space = false;
      if (c >= '0' && c <= '9') {
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        out->push_back('#');
        continue;
      }
      out->push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
      ++i;
      continue;
    }
    uint32_t cp;
    size_t n = Decode(s, i, &cp);
    if (IsUnicodeSpace(cp)) {
      pending_space = !out->empty();
    } else {
      if (pending_space) out->push_back(' ');
      pending_space = false;
      out->append(s.substr(i, n));
    }
    i += n;
  }
  while (!out->empty()) {
    char c = out->back();
    if (c == ':' || c == '.' || c == '>' || c == '|' || c == ' ' || c == '-') {
      out->pop_back();
    } else if (out->size() >= 2 && out->compare(out->size() - 2, 2, "\xC2\xBB") == 0) {
      out->resize(out->size() - 2);  // »
    } else if (out->size() >= 3 && (out->compare(out->size() - 3, 3, "\xE2\x80\xBA") == 0 ||
                                    out->compare(out->size() - 3, 3, "\xE2\x80\xA6") == 0)) {
      out->resize(out->size() - 3);  // › …
    } else {
      break;
    }
  }
}

// ---------------------------------------------------------------------------
// Compiled phrase lists.

struct Phrase {
  std::string text;
  std::string reason;
};

// Exact and prefix phrases, the prefixes bucketed by first byte.
class PhraseSet {
 public:
  void AddExact(std::string text, std::string reason) {
    exact_.push_back({std::move(text), std::move(reason)});
  }
  void AddPrefix(std::string text, std::string reason) {
    unsigned char b = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
    prefix_[b].push_back({std::move(text), std::move(reason)});
  }
  void Finish() {
    std::sort(exact_.begin(), exact_.end(), [](const Phrase& a, const Phrase& b) { return a.text < b.text; });
  }
  const Phrase* MatchExact(std::string_view norm) const {
    auto it = std::lower_bound(exact_.begin(), exact_.end(), norm,
                               [](const Phrase& p, std::string_view k) { return p.text < k; });
    return it != exact_.end() && it->text == norm ? &*it : nullptr;
  }
  const Phrase* MatchPrefix(std::string_view norm) const {
    if (norm.empty()) return nullptr;
    for (const Phrase& p : prefix_[static_cast<unsigned char>(norm[0])]) {
      if (norm.size() < p.text.size() || norm.compare(0, p.text.size(), p.text) != 0) continue;
      if (norm.size() == p.text.size() || !IsAsciiAlnum(p.text.back()) ||
          !IsAsciiAlnum(norm[p.text.size()])) {
        return &p;
      }
    }
    return nullptr;
  }

 private:
  std::vector<Phrase> exact_;
  std::array<std::vector<Phrase>, 256> prefix_;
};

struct Rules {
  PhraseSet boilerplate;
  PhraseSet credits;
  std::vector<std::string> credit_suffixes;
  std::vector<std::string> footer_phrases;
  std::vector<std::string> caption_markers;
  std::vector<std::string> caption_credits;  // sorted, with the agencies
  std::vector<std::string> caption_labels;
};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void LowerInto(std::string_view s, std::string* out) {
  out->assign(s);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits "a | b | c" into trimmed fields.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    size_t bar = line.find(" | ");
    out.push_back(TrimAscii(line.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    line.remove_prefix(bar + 3);
  }
  return out;
}

const Rules& GetRules() {
  static const Rules* const kRules = [] {
    auto* r = new Rules;
    std::string norm;
    for (std::string_view line : data::Lines("clean/boilerplate.txt")) {
      std::vector<std::string_view> f = Fields(line);
      if (f.size() != 3) continue;
      std::string phrase(f[2]);  // already normalised by the list's author
      if (f[1] == "exact") {
        r->boilerplate.AddExact(phrase, std::string(f[0]));
      } else {
        r->boilerplate.AddPrefix(phrase, std::string(f[0]));
      }
    }
    for (std::string_view line : data::Lines("clean/credits.txt")) {
      std::vector<std::string_view> f = Fields(line);
      if (f.size() != 2) continue;
      if (f[0] == "exact") {
        r->credits.AddExact(std::string(f[1]), "credit");
      } else if (f[0] == "prefix") {
        r->credits.AddPrefix(std::string(f[1]), "credit");
      } else {
        r->credit_suffixes.emplace_back(f[1]);
      }
    }
    for (std::string_view line : data::Lines("clean/footer.txt")) r->footer_phrases.emplace_back(line);
    for (std::string_view line : data::Lines("clean/captions.txt")) {
      std::vector<std::string_view> f = Fields(line);
      if (f.size() != 2) continue;
      if (f[0] == "marker") r->caption_markers.push_back(LowerAscii(f[1]));
      if (f[0] == "credit") r->caption_credits.push_back(LowerAscii(f[1]));
      if (f[0] == "label") r->caption_labels.push_back(LowerAscii(f[1]));
    }
    for (std::string_view a : data::Lines("meta/agencies.txt")) r->caption_credits.push_back(LowerAscii(a));
    r->boilerplate.Finish();
    r->credits.Finish();
    std::sort(r->caption_credits.begin(), r->caption_credits.end());
    return r;
  }();
  return *kRules;
}

// ---------------------------------------------------------------------------
// Per-line features.

enum class Kind : uint8_t { kBody, kTitle, kRemoved, kCredit, kCaption, kStamp };

struct Line {
  std::string_view text;  // trimmed
  Kind kind = Kind::kBody;
  const char* reason = "";
  int words = 0;
  int latin = 0;          // Latin letters
  int other = 0;          // letters of other scripts
  int digits = 0;
  bool ends_sentence = false;  // final . ! ? (before closing quotes/brackets)
  bool starts_upper = false;   // first letter is a capital, digit or quote
  bool ends_colon_or_comma = false;
  uint64_t hash = 0;           // of the bytes, blanks skipped
};

bool IsAbbreviationEnd(std::string_view t) {
  // "U.S." or "Jr." at the end of a headline is not sentence punctuation.
  size_t sp = t.rfind(' ');
  std::string_view last = sp == std::string_view::npos ? t : t.substr(sp + 1);
  if (last.size() <= 4 && last.size() >= 2) {
    int dots = 0;
    for (char c : last) dots += c == '.';
    if (dots >= 2) return true;
    if (last == "Jr." || last == "Sr." || last == "St." || last == "Co.") return true;
  }
  return false;
}

bool IsCjk(uint32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

// 。！？ end sentences in Chinese and Japanese.
bool EndsWithCjkStop(std::string_view t) {
  if (t.size() < 3) return false;
  std::string_view last = t.substr(t.size() - 3);
  return last == "\xE3\x80\x82" || last == "\xEF\xBC\x81" || last == "\xEF\xBC\x9F";
}

void ComputeFeatures(Line* l) {
  std::string_view t = l->text;
  uint64_t h = 1469598103934665603ull;
  bool in_word = false;
  bool first_letter_seen = false;
  for (size_t i = 0; i < t.size();) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    uint32_t cp;
    size_t n = c < 0x80 ? (cp = c, 1) : Decode(t, i, &cp);
    bool space = c < 0x80 ? (c == ' ' || c == '\t') : IsUnicodeSpace(cp);
    if (!space) {
      for (size_t k = 0; k < n; ++k) {
        h ^= static_cast<unsigned char>(t[i + k]);
        h *= 1099511628211ull;
      }
      if (!in_word) ++l->words;
      // Chinese, Japanese and Korean write no spaces: each character counts
      // as a word, so their sentences are not mistaken for short lines.
      in_word = !IsCjk(cp);
    } else {
      in_word = false;
    }
    if (IsLatinLetter(cp)) {
      ++l->latin;
    } else if (cp >= '0' && cp <= '9') {
      ++l->digits;
    } else if (IsOtherLetter(cp)) {
      ++l->other;
    }
    if (!first_letter_seen && !space) {
      if ((cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '"' || cp == '\'' ||
          cp == 0x201C || cp == 0x2018 || (cp >= 0xC0 && cp <= 0xDE)) {
        l->starts_upper = true;
        first_letter_seen = true;
      } else if (IsLatinLetter(cp) || IsOtherLetter(cp)) {
        first_letter_seen = true;
      }
    }
    i += n;
  }
  l->hash = h;
  // Final punctuation, looking through closing quotes and brackets.
  size_t e = t.size();
  while (e > 0) {
    char c = t[e - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
      --e;
    } else if (e >= 3 && (t.substr(e - 3, 3) == "\xE2\x80\x9D" || t.substr(e - 3, 3) == "\xE2\x80\x99" ||
                          t.substr(e - 3, 3) == "\xE3\x80\x8D" || t.substr(e - 3, 3) == "\xE3\x80\x8F")) {
      e -= 3;
    } else {
      break;
    }
  }
  if (e > 0) {
    char c = t[e - 1];
    l->ends_sentence = c == '!' || c == '?' || EndsWithCjkStop(t.substr(0, e)) ||
                       (c == '.' && !IsAbbreviationEnd(t.substr(0, e))) ||
                       (e >= 3 && t.substr(e - 3, 3) == "\xE2\x80\xA6");
    l->ends_colon_or_comma = c == ':' || c == ',' || c == ';';
  }
}

bool ContainsCi(std::string_view haystack_lower, std::string_view needle) {
  return haystack_lower.find(needle) != std::string_view::npos;
}

bool IsCaptionCredit(const Rules& rules, std::string_view inside) {
  // "AP", "AFP Photo", "Reuters/John Smith", "Photo: Getty Images".
  std::string lower = LowerAscii(TrimAscii(inside));
  auto has = [&](std::string_view k) {
    return std::binary_search(rules.caption_credits.begin(), rules.caption_credits.end(), k,
                              [](std::string_view a, std::string_view b) { return a < b; });
  };
  if (has(lower)) return true;
  // Any word before a '/' or the first word(s).
  size_t slash = lower.find('/');
  if (slash != std::string::npos && has(TrimAscii(std::string_view(lower).substr(0, slash)))) return true;
  size_t sp = lower.find(' ');
  if (sp != std::string::npos && has(std::string_view(lower).substr(0, sp))) {
    // "AFP Photo", "Getty Images": the rest are words like photo/images/file.
    std::string_view rest = TrimAscii(std::string_view(lower).substr(sp + 1));
    if (has(rest) || rest.find('/') != std::string_view::npos) return true;
  }
  return false;
}

// A caption by its own evidence (before repetition and position are known).
bool LooksLikeCaption(const Rules& rules, const Line& l, std::string_view lower, int max_words) {
  if (l.words > max_words || l.words < 3) return false;
  std::string_view t = l.text;
  // Ends with a bracketed photo credit: "... crisis [AP]", "... (AFP Photo)".
  char close = t.back();
  if (close == ']' || close == ')') {
    size_t open = t.rfind(close == ']' ? '[' : '(');
    if (open != std::string_view::npos && open > 0 && t.size() - open <= 60) {
      std::string_view before = TrimAscii(t.substr(0, open));
      if (!before.empty() && before.find(' ') != std::string_view::npos &&
          IsCaptionCredit(rules, t.substr(open + 1, t.size() - open - 2))) {
        return true;
      }
    }
  }
  for (const std::string& label : rules.caption_labels) {
    size_t at = lower.find(label);
    if (at != std::string_view::npos && (at == 0 || lower[at - 1] == ' ' || lower[at - 1] == '.')) {
      return true;
    }
  }
  if (!l.ends_sentence) {
    for (const std::string& m : rules.caption_markers) {
      if (ContainsCi(lower, m)) return true;
    }
  }
  return false;
}

// Headline shape: capitalised, not too long, no final period, colon or comma.
bool LooksLikeTitle(const Line& l, const TextCleanOptions& o) {
  return l.words >= 1 && l.words <= o.max_title_words && l.starts_upper && !l.ends_sentence &&
         !l.ends_colon_or_comma && l.latin + l.other > 0;
}

}  // namespace

// A menu line: three or more short items between separators ("Home | World
// | Business", "News · Sport · Weather"). A headline with one "|" before the
// site name is not one.
static bool IsMenuLine(std::string_view text) {
  static constexpr std::string_view kSeparators[] = {" | ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xC2\xBB ", " / "};
  for (std::string_view sep : kSeparators) {
    size_t items = 1, max_words = 0, words = 1;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text.compare(i, sep.size(), sep) == 0) {
        ++items;
        max_words = std::max(max_words, words);
        words = 1;
        i += sep.size() - 1;
      } else if (text[i] == ' ') {
        ++words;
      }
    }
    max_words = std::max(max_words, words);
    if (items >= 3 && max_words <= 3) return true;
  }
  return false;
}

CleanedText CleanTextPage(std::string_view text, const TextCleanOptions& options) {
  const Rules& rules = GetRules();
  CleanedText out;
  std::vector<Line> lines;
  lines.reserve(64);
  std::string norm;
  std::string lower;
  norm.reserve(2 * kMaxExactBytes);

  // 1. Split into lines; blank-but-not-empty lines are reported and dropped.
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view t = TrimBlank(raw);
    if (t.empty()) {
      if (!raw.empty()) {
        bool ascii_only = true;
        for (char c : raw) ascii_only &= c == ' ' || c == '\t';
        if (!ascii_only) out.removed.push_back({std::string(raw), "blank"});
      }
      if (nl == text.size()) break;
      continue;
    }
    Line l;
    l.text = t;
    ComputeFeatures(&l);
    lines.push_back(l);
    if (nl == text.size()) break;
  }
  int latin_total = 0;
  int other_total = 0;
  for (const Line& l : lines) {
    latin_total += l.latin;
    other_total += l.other;
  }
  const bool latin_page = latin_total >= other_total;

  // 2. Classify each line on its own evidence.
  for (Line& l : lines) {
    if (l.latin + l.other + l.digits == 0) {
      l.kind = Kind::kRemoved;
      l.reason = "symbols";
      continue;
    }
    // Exact phrases are short, prefix phrases look at the opening bytes and
    // credit suffixes at the closing ones: long lines are normalised in part.
    const bool short_line = l.text.size() <= kMaxExactBytes;
    const bool listable = l.words <= options.max_credit_words;
    if (listable) {
      Normalize(short_line ? l.text : Head(l.text, kMaxExactBytes), &norm);
    }
    if (listable && short_line) {
      if (const Phrase* p = rules.boilerplate.MatchExact(norm)) {
        l.kind = Kind::kRemoved;
        l.reason = p->reason.c_str();
        continue;
      }
    }
    if (listable && l.words <= 12) {
      if (const Phrase* p = rules.boilerplate.MatchPrefix(norm)) {
        l.kind = Kind::kRemoved;
        l.reason = p->reason.c_str();
        continue;
      }
    }
    if (latin_page && l.other > l.latin && l.words <= options.max_language_link_words) {
      l.kind = Kind::kRemoved;
      l.reason = "language-link";
      continue;
    }
    if (listable) {
      bool credit = (short_line && rules.credits.MatchExact(norm) != nullptr) ||
                    rules.credits.MatchPrefix(norm) != nullptr;
      if (!credit && !short_line) Normalize(Tail(l.text, kMaxExactBytes), &norm);
      for (size_t k = 0; !credit && k < rules.credit_suffixes.size(); ++k) {
        const std::string& s = rules.credit_suffixes[k];
        credit = norm.size() > s.size() && norm.compare(norm.size() - s.size(), s.size(), s) == 0;
      }
      // Bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters".
      if (!credit && l.words <= 8 && !l.ends_sentence && norm.size() > 3 && norm.compare(0, 3, "by ") == 0 &&
          l.text.size() > 3 && l.text[3] >= 'A' && l.text[3] <= 'Z') {
        credit = true;
      }
      if (credit) {
        l.kind = Kind::kCredit;
        continue;
      }
    }
    if (!l.ends_sentence && IsMenuLine(l.text)) {
      l.kind = Kind::kRemoved;
      l.reason = "navigation";
      continue;
    }
    if (l.digits > 0 && l.text.size() <= 160 && &l - lines.data() < options.stamp_search_lines &&
        meta::ParseStampLine(l.text)) {
      l.kind = Kind::kStamp;
      continue;
    }
    if (l.words <= options.max_caption_words && MayBeCaption(l.text)) {
      LowerInto(l.text, &lower);
      if (LooksLikeCaption(rules, l, lower, options.max_caption_words)) {
        l.kind = Kind::kCaption;
        continue;
      }
    }
  }

  // 3. Repetition: a later copy of a line is a duplicate; a line printed
  // twice in a row without sentence punctuation is a caption (image + alt).
  {
    std::vector<std::pair<uint64_t, uint32_t>> order;
    order.reserve(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) order.emplace_back(lines[i].hash, static_cast<uint32_t>(i));
    std::sort(order.begin(), order.end());
    for (size_t a = 0; a < order.size();) {
      size_t b = a + 1;
      while (b < order.size() && order[b].first == order[a].first) ++b;
      if (b - a >= 2) {
        // The first copy stays where the line classifiers put it.
        Line& first = lines[order[a].second];
        if (first.kind == Kind::kBody && order[a + 1].second == order[a].second + 1 && !first.ends_sentence &&
            first.words >= 4 && first.words <= options.max_caption_words) {
          first.kind = Kind::kCaption;
        }
        for (size_t k = a + 1; k < b; ++k) {
          Line& copy = lines[order[k].second];
          if (copy.kind == Kind::kRemoved) continue;
          // A short line repeated far from its first copy is content (list
          // items, refrains); only a copy right after the line, or a
          // repeated paragraph, is page furniture.
          const bool adjacent = order[k].second == order[k - 1].second + 1;
          if (!adjacent && copy.words < options.min_repeated_paragraph_words) continue;
          copy.kind = Kind::kRemoved;
          copy.reason = "duplicate";
        }
      }
      a = b;
    }
  }

  // 4. Title: the first headline-like kept line near the top, preferring one
  // of three words or more; short lines before it are navigation.
  size_t title = lines.size();
  if (options.find_title) {
    size_t fallback = lines.size();
    int seen = 0;
    for (size_t i = 0; i < lines.size() && seen < options.title_search_lines; ++i) {
      const Line& l = lines[i];
      if (l.kind != Kind::kBody) continue;
      ++seen;
      if (l.ends_sentence && l.words >= 6) break;  // the text has begun
      if (!LooksLikeTitle(l, options)) continue;
      if (l.words >= 3) {
        title = i;
        break;
      }
      if (fallback == lines.size()) fallback = i;
    }
    if (title == lines.size()) title = fallback;
    if (title < lines.size()) lines[title].kind = Kind::kTitle;
  }
  // Navigation at the top: short non-sentences before the title (or, with no
  // title, before the first sentence).
  for (size_t i = 0; options.trim_short_lines && i < lines.size() && i < title; ++i) {
    Line& l = lines[i];
    if (l.kind != Kind::kBody) continue;
    if (title == lines.size() && l.ends_sentence) break;
    if (l.words <= options.max_nav_words && !l.ends_sentence) {
      l.kind = Kind::kRemoved;
      l.reason = "navigation";
    } else if (title == lines.size()) {
      break;
    }
  }

  // 5. Footer: kept lines after a credit near the end, and lines near the end
  // in which the outlet describes itself.
  {
    int kept_after = 0;
    for (size_t i = lines.size(); i-- > 0;) {
      Line& l = lines[i];
      if (l.kind == Kind::kCredit) {
        if (kept_after > 0 && kept_after <= options.footer_after_credit_lines) {
          for (size_t j = i + 1; j < lines.size(); ++j) {
            if (lines[j].kind == Kind::kBody) {
              lines[j].kind = Kind::kRemoved;
              lines[j].reason = "footer";
            }
          }
        }
        break;
      }
      if (l.kind == Kind::kBody || l.kind == Kind::kTitle) {
        if (++kept_after > options.footer_after_credit_lines) break;
      }
    }
    int checked = 0;
    size_t footer_from = lines.size();
    for (size_t i = lines.size(); i-- > 0 && checked < 3;) {
      if (lines[i].kind != Kind::kBody) continue;
      ++checked;
      LowerInto(lines[i].text, &lower);
      for (const std::string& p : rules.footer_phrases) {
        if (ContainsCi(lower, p)) {
          footer_from = i;
          break;
        }
      }
    }
    for (size_t j = footer_from; j < lines.size(); ++j) {
      if (lines[j].kind == Kind::kBody) {
        lines[j].kind = Kind::kRemoved;
        lines[j].reason = "footer";
      }
    }
  }
  // Navigation at the bottom: trailing short non-sentences.
  for (size_t i = lines.size(); options.trim_short_lines && i-- > 0;) {
    Line& l = lines[i];
    if (l.kind != Kind::kBody) continue;
    if (l.words > options.max_nav_words || l.ends_sentence) break;
    l.kind = Kind::kRemoved;
    l.reason = "navigation";
  }

  // 6. Assemble.
  out.paragraphs.reserve(lines.size());
  for (const Line& l : lines) {
    switch (l.kind) {
      case Kind::kBody:
        out.paragraphs.emplace_back(l.text);
        break;
      case Kind::kTitle:
        out.title.assign(l.text);
        break;
      case Kind::kCredit:
        out.credits.emplace_back(l.text);
        break;
      case Kind::kCaption:
        out.captions.emplace_back(l.text);
        break;
      case Kind::kStamp:
        out.stamps.emplace_back(l.text);
        break;
      case Kind::kRemoved:
        out.removed.push_back({std::string(l.text), l.reason});
        break;
    }
  }
  return out;
}

}  // namespace storyline::clean
