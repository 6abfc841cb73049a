// Tokeniser and sentence splitter for English news.
//
// The idea: one left-to-right scan over the bytes with a few bytes of
// look-ahead, in the tradition of the Penn Treebank tokeniser and of Grefenstette
// & Tapanainen (1994, "What is a word, what is a sentence?"): a period is glued
// to a word only when the word is an abbreviation, a dotted acronym or an
// initial, and separators inside numbers (90,000 / 3.5 / 9:42) are decided by
// the digits on both sides. Sentence splitting then works on tokens, so it
// never needs to look inside a number or a URL: a candidate end is a bare
// period, ?/!, an ellipsis, or an abbreviation that may end a sentence; the
// closing quotes and brackets right after it are absorbed, and the first word
// after any opening quotes decides (the case of the next word, as in Punkt,
// Kiss & Strunk 2006, but with hand-written lists instead of learnt ones).
// ASCII is classified by a 128-entry table; only non-ASCII code points go to
// ICU's character properties. No allocation per token; SplitSentences reuses
// a thread-local token buffer.
#include "text/segment.h"

#include <unicode/uchar.h>

#include <array>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/embedded_data.h"
#include "text/utf8.h"

namespace storyline::text {
namespace {

using internal::DecodeUtf8;
using internal::kInvalidCodePoint;

// ---------------------------------------------------------------- word lists

enum AbbrevFlag : uint8_t { kAbbrevEnd = 1, kAbbrevNum = 2, kAbbrevTime = 4 };

struct Lexicon {
  std::unordered_map<std::string_view, uint8_t> abbreviations;  // -> AbbrevFlag bits
  std::unordered_set<std::string_view> starters;
  std::unordered_set<std::string_view> speech_verbs;
  std::unordered_set<std::string_view> tlds;
  std::unordered_set<std::string_view> time_followers;
};

const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = [] {
    auto* lex = new Lexicon;
    for (std::string_view line : data::Lines("text/abbreviations.txt")) {
      size_t sp = line.find_first_of(" \t");
      std::string_view word = line.substr(0, sp);
      uint8_t flags = 0;
      if (sp != std::string_view::npos) {
        std::string_view rest = line.substr(sp);
        if (rest.find("end") != std::string_view::npos) flags |= kAbbrevEnd;
        if (rest.find("num") != std::string_view::npos) flags |= kAbbrevNum;
        if (rest.find("time") != std::string_view::npos) flags |= kAbbrevTime;
      }
      lex->abbreviations[word] = flags;
    }
    for (std::string_view w : data::Lines("text/sentence_starters.txt")) lex->starters.insert(w);
    for (std::string_view w : data::Lines("text/speech_verbs.txt")) lex->speech_verbs.insert(w);
    for (std::string_view w : data::Lines("text/url_tlds.txt")) lex->tlds.insert(w);
    for (std::string_view w : data::Lines("text/time_followers.txt")) lex->time_followers.insert(w);
    return lex;
  }();
  return *lexicon;
}

// ---------------------------------------------------------- character classes

enum CharKind : uint8_t {
  kSpaceChar,
  kUpperChar,
  kLowerChar,
  kUncasedLetter,  // Lm, Lo: Arabic, CJK ...
  kMarkChar,       // combining marks, ZWJ/ZWNJ: continue a word
  kDigitChar,
  kPunctChar,
  kSymbolChar,
};

inline bool IsWordKind(uint8_t k) { return k >= kUpperChar && k <= kDigitChar; }
inline bool IsLetterKind(uint8_t k) { return k >= kUpperChar && k <= kMarkChar; }

constexpr std::array<uint8_t, 128> MakeAsciiKinds() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kPunctChar;
  for (int c = 0; c < 0x20; ++c) t[c] = kSpaceChar;
  t[' '] = t[0x7F] = kSpaceChar;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpperChar;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLowerChar;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitChar;
  for (char c : std::string_view("$%&@#*+=<>|~^`\\/_")) t[static_cast<uint8_t>(c)] = kSymbolChar;
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiKinds = MakeAsciiKinds();

inline uint8_t KindOfCodePoint(int32_t cp) {
  if (cp < 0) return kSymbolChar;
  if (cp < 0x80) return kAsciiKinds[cp];
  if (u_isUWhiteSpace(cp)) return kSpaceChar;
  if (cp == 0x200C || cp == 0x200D) return kMarkChar;
  const uint32_t mask = U_GET_GC_MASK(cp);
  if (mask & (U_GC_LU_MASK | U_GC_LT_MASK)) return kUpperChar;
  if (mask & U_GC_LL_MASK) return kLowerChar;
  if (mask & (U_GC_LM_MASK | U_GC_LO_MASK)) return kUncasedLetter;
  if (mask & U_GC_M_MASK) return kMarkChar;
  if (mask & U_GC_ND_MASK) return kDigitChar;
  if (mask & (U_GC_NL_MASK | U_GC_NO_MASK)) return kUncasedLetter;
  if (mask & U_GC_P_MASK) return kPunctChar;
  return kSymbolChar;
}

struct CharInfo {
  uint8_t kind;
  uint8_t len;
};

inline bool IsAsciiDigit(uint8_t b) { return b >= '0' && b <= '9'; }
inline bool IsAsciiLetter(uint8_t b) { return ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'); }
inline bool IsAsciiLower(uint8_t b) { return b >= 'a' && b <= 'z'; }
inline bool IsAsciiUpper(uint8_t b) { return b >= 'A' && b <= 'Z'; }
inline bool IsAsciiAlnum(uint8_t b) { return IsAsciiLetter(b) || IsAsciiDigit(b); }

// Case-insensitive ASCII prefix test.
inline bool StartsWithNoCase(const uint8_t* p, size_t n, std::string_view prefix) {
  if (n < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    uint8_t b = p[k];
    if (IsAsciiUpper(b)) b |= 0x20;
    if (b != static_cast<uint8_t>(prefix[k])) return false;
  }
  return true;
}

// -------------------------------------------------------------------- scanner

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Token>* out)
      : p_(reinterpret_cast<const uint8_t*>(text.data())),
        n_(text.size() > UINT32_MAX ? UINT32_MAX : text.size()),
        out_(out),
        lex_(GetLexicon()) {}

  void Run() {
    size_t i = 0;
    while (i < n_) {
      const CharInfo c = At(i);
      if (c.kind == kSpaceChar) {
        i += c.len;
        continue;
      }
      if (IsWordKind(c.kind)) {
        size_t end = IsLetterKind(c.kind) ? MatchSchemeUrl(i) : 0;
        if (end > i) {
          Emit(i, end, TokenKind::kUrl);
          i = end;
        } else {
          i = ScanWord(i);
        }
        continue;
      }
      i = ScanPunct(i, c);
    }
  }

 private:
  CharInfo At(size_t i) const {
    const uint8_t b = p_[i];
    if (b < 0x80) return {kAsciiKinds[b], 1};
    int32_t cp;
    const int len = DecodeUtf8(p_ + i, n_ - i, &cp);
    return {KindOfCodePoint(cp), static_cast<uint8_t>(len)};
  }
  bool WordCharAt(size_t i) const { return i < n_ && IsWordKind(At(i).kind); }
  bool LetterAt(size_t i) const { return i < n_ && IsLetterKind(At(i).kind); }

  void Emit(size_t b, size_t e, TokenKind kind) {
    out_->push_back(Token{Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, kind});
  }

  // Length of an apostrophe (' or U+2019) at i, else 0.
  size_t ApostropheLen(size_t i) const {
    if (p_[i] == '\'') return 1;
    if (p_[i] == 0xE2 && i + 2 < n_ && p_[i + 1] == 0x80 && p_[i + 2] == 0x99) return 3;
    return 0;
  }
  // Length of a joining hyphen (- U+2010 U+2011) at i, else 0.
  size_t HyphenLen(size_t i) const {
    if (p_[i] == '-') return 1;
    if (p_[i] == 0xE2 && i + 2 < n_ && p_[i + 1] == 0x80 &&
        (p_[i + 2] == 0x90 || p_[i + 2] == 0x91)) {
      return 3;
    }
    return 0;
  }

  // End of the clitic starting at apostrophe i ('s 'm 'd 're 've 'll), or 0.
  size_t CliticEnd(size_t i) const {
    const size_t a = ApostropheLen(i);
    if (a == 0) return 0;
    size_t k = i + a;
    size_t e = k;
    while (e < n_ && IsAsciiLetter(p_[e])) ++e;
    if (e == k || e - k > 2 || WordCharAt(e)) return 0;
    char s[2] = {static_cast<char>(p_[k] | 0x20),
                 e - k == 2 ? static_cast<char>(p_[k + 1] | 0x20) : '\0'};
    std::string_view w(s, e - k);
    if (w == "s" || w == "m" || w == "d" || w == "re" || w == "ve" || w == "ll") return e;
    return 0;
  }

  // "http://", "https://", "ftp://", "www." at i: the URL's end, else 0.
  size_t MatchSchemeUrl(size_t i) const {
    const uint8_t b = p_[i] | 0x20;
    if (b != 'h' && b != 'w' && b != 'f') return 0;
    const uint8_t* s = p_ + i;
    const size_t rest = n_ - i;
    if (!StartsWithNoCase(s, rest, "http://") && !StartsWithNoCase(s, rest, "https://") &&
        !StartsWithNoCase(s, rest, "ftp://") && !StartsWithNoCase(s, rest, "www.")) {
      return 0;
    }
    return UrlTail(i);
  }

  // Extends a URL from i over its non-space ASCII characters and trims
  // trailing sentence punctuation (and unbalanced closing brackets).
  size_t UrlTail(size_t i) const {
    size_t e = i;
    int parens = 0, brackets = 0;
    while (e < n_) {
      const uint8_t b = p_[e];
      if (b <= ' ' || b >= 0x7F || b == '"' || b == '<' || b == '>') break;
      if (b == '(') ++parens;
      if (b == ')') --parens;
      if (b == '[') ++brackets;
      if (b == ']') --brackets;
      ++e;
    }
    while (e > i + 1) {
      const uint8_t b = p_[e - 1];
      if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '\'') {
        --e;
      } else if (b == ')' && parens < 0) {
        ++parens;
        --e;
      } else if (b == ']' && brackets < 0) {
        ++brackets;
        --e;
      } else {
        break;
      }
    }
    return e;
  }

  // An e-mail address or a bare domain name (state.gov, Yahoo.com/news)
  // starting at `start`: its end, else 0.
  size_t MatchAddress(size_t start) const {
    size_t j = start;
    bool local_only = false;  // saw a character allowed in a mailbox name only
    while (j < n_ && (IsAsciiAlnum(p_[j]) || p_[j] == '.' || p_[j] == '-' || p_[j] == '_' ||
                      p_[j] == '+' || p_[j] == '%')) {
      if (p_[j] == '_' || p_[j] == '+' || p_[j] == '%') local_only = true;
      ++j;
    }
    if (j < n_ && p_[j] == '@') {
      if (j == start) return 0;
      size_t d = j + 1;
      size_t e = d;
      while (e < n_ && (IsAsciiAlnum(p_[e]) || p_[e] == '.' || p_[e] == '-')) ++e;
      while (e > d && (p_[e - 1] == '.' || p_[e - 1] == '-')) --e;
      size_t last_dot = 0;
      for (size_t k = d; k < e; ++k) {
        if (p_[k] == '.') last_dot = k;
      }
      if (last_dot == 0 || last_dot <= d || last_dot + 2 > e) return 0;
      for (size_t k = last_dot + 1; k < e; ++k) {
        if (!IsAsciiLetter(p_[k])) return 0;
      }
      return e;
    }
    if (local_only) return 0;
    size_t e = j;
    while (e > start && (p_[e - 1] == '.' || p_[e - 1] == '-')) --e;
    size_t last_dot = e;
    for (size_t k = e; k > start; --k) {
      if (p_[k - 1] == '.') {
        last_dot = k - 1;
        break;
      }
    }
    if (last_dot == e || last_dot == start) return 0;
    for (size_t k = start + 1; k < e; ++k) {
      if (p_[k] == '.' && p_[k - 1] == '.') return 0;
    }
    std::string_view tld(reinterpret_cast<const char*>(p_ + last_dot + 1), e - last_dot - 1);
    for (char c : tld) {
      if (!IsAsciiLower(static_cast<uint8_t>(c))) return 0;
    }
    if (!lex_.tlds.contains(tld)) return 0;
    if (e < n_ && p_[e] == '/') return UrlTail(e);
    return e;
  }

  // Dotted acronym of single ASCII letters at `piece` (U.S., a.m., J.R.R.):
  // its end after the last period, else 0. Needs at least two letters.
  size_t DottedAcronymEnd(size_t piece) const {
    size_t k = piece;
    int letters = 0;
    while (k + 1 < n_ && IsAsciiLetter(p_[k]) && p_[k + 1] == '.') {
      k += 2;
      ++letters;
    }
    return letters >= 2 ? k : 0;
  }

  // The next non-space byte after i is a digit ("No. 1").
  bool DigitFollows(size_t i) const {
    while (i < n_ && (p_[i] == ' ' || p_[i] == '\t')) ++i;
    return i < n_ && IsAsciiDigit(p_[i]);
  }

  // Abbreviation ending at the period at `dot` for the piece starting at
  // `piece` (after the last hyphen): its end (after the period), else 0.
  size_t AbbreviationEnd(size_t start, size_t piece, size_t dot) const {
    // Listed forms with inner periods: Ph.D., W.Va., LL.B.
    size_t best = 0;
    size_t k = dot;
    for (int step = 0; step < 3; ++step) {
      size_t e = k + 1;
      while (e < n_ && IsAsciiLetter(p_[e])) ++e;
      if (e == k + 1 || e >= n_ || p_[e] != '.') break;
      std::string_view cand(reinterpret_cast<const char*>(p_ + piece), e + 1 - piece);
      if (lex_.abbreviations.contains(cand)) best = e + 1;
      k = e;
    }
    if (best != 0) return best;
    std::string_view word(reinterpret_cast<const char*>(p_ + piece), dot + 1 - piece);
    if (word.size() <= 12) {
      auto it = lex_.abbreviations.find(word);
      if (it != lex_.abbreviations.end()) {
        if ((it->second & kAbbrevNum) && !DigitFollows(dot + 1)) return 0;
        return dot + 1;
      }
    }
    // An initial: one upper-case letter, not part of a longer compound.
    if (piece == start) {
      const CharInfo c = At(piece);
      if (c.kind == kUpperChar && piece + c.len == dot) return dot + 1;
    }
    return 0;
  }

  TokenKind WordKind(size_t start, size_t end, bool has_letter, bool compound) const {
    if (!has_letter) return TokenKind::kNumber;
    if (!compound && IsAsciiDigit(p_[start])) {
      size_t k = end;
      while (k > start && IsAsciiLower(p_[k - 1])) --k;
      std::string_view suffix(reinterpret_cast<const char*>(p_ + k), end - k);
      if (k > start && IsAsciiDigit(p_[k - 1]) &&
          (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "s")) {
        return TokenKind::kNumber;
      }
    }
    return TokenKind::kWord;
  }

  // Scans a word or number starting at a word character; emits one or two
  // tokens (a clitic is split off) and returns the position after them.
  size_t ScanWord(size_t start) {
    size_t i = start;
    size_t piece = start;  // start of the current piece (after the last joiner)
    bool has_letter = false;
    bool compound = false;
    for (;;) {
      // The run of word characters.
      while (i < n_) {
        const uint8_t b = p_[i];
        if (b < 0x80) {
          const uint8_t k = kAsciiKinds[b];
          if (!IsWordKind(k)) break;
          has_letter |= (k != kDigitChar);
          ++i;
        } else {
          const CharInfo c = At(i);
          if (!IsWordKind(c.kind)) break;
          has_letter |= (c.kind != kDigitChar);
          i += c.len;
        }
      }
      if (i >= n_) break;
      const uint8_t b = p_[i];
      // Separators inside numbers: 90,000  3.5  9:42  10/30/2013
      if ((b == ',' || b == '.' || b == ':' || b == '/') && i + 1 < n_ && IsAsciiDigit(p_[i + 1]) &&
          IsAsciiDigit(p_[i - 1])) {
        i += 1;
        piece = i;
        continue;
      }
      if (const size_t h = HyphenLen(i); h != 0 && WordCharAt(i + h)) {
        i += h;
        piece = i;
        compound = true;
        continue;
      }
      if (b == '&' && IsAsciiUpper(p_[i - 1]) && i + 1 < n_ && IsAsciiUpper(p_[i + 1])) {  // AT&T
        i += 1;
        continue;
      }
      if (const size_t a = ApostropheLen(i); a != 0 && LetterAt(i + a)) {
        if (const size_t ce = CliticEnd(i); ce != 0) {
          Emit(start, i, WordKind(start, i, has_letter, compound));
          Emit(i, ce, TokenKind::kWord);
          return ce;
        }
        const size_t k = i + a;
        if (i - piece >= 2 && (p_[i - 1] | 0x20) == 'n' && k < n_ && (p_[k] | 0x20) == 't' &&
            !WordCharAt(k + 1) && i - 1 > start) {  // do|n't
          Emit(start, i - 1, WordKind(start, i - 1, has_letter, compound));
          Emit(i - 1, k + 1, TokenKind::kWord);
          return k + 1;
        }
        i = k;  // O'Brien, Shi'ite
        piece = i;
        continue;
      }
      if (b == '.') {
        if (const size_t e = DottedAcronymEnd(piece); e != 0 && piece + 1 == i) {
          i = e;
          if (i < n_ && HyphenLen(i) != 0 && WordCharAt(i + HyphenLen(i))) continue;  // U.S.-backed
          Emit(start, i, TokenKind::kAbbreviation);
          return i;
        }
        if (i + 1 < n_ && IsAsciiAlnum(p_[i + 1]) && IsAsciiAlnum(p_[i - 1])) {
          if (const size_t e = MatchAddress(start); e != 0) {
            Emit(start, e, TokenKind::kUrl);
            return e;
          }
        }
        if (const size_t e = AbbreviationEnd(start, piece, i); e != 0) {
          Emit(start, e, TokenKind::kAbbreviation);
          return e;
        }
        break;
      }
      if ((b == '@' || b == '_' || b == '+') && IsAsciiAlnum(p_[i - 1])) {
        if (const size_t e = MatchAddress(start); e != 0) {
          Emit(start, e, TokenKind::kUrl);
          return e;
        }
        if (b == '_' && WordCharAt(i + 1)) {  // snake_case handles
          i += 1;
          continue;
        }
      }
      break;
    }
    Emit(start, i, WordKind(start, i, has_letter, compound));
    return i;
  }

  // Punctuation and symbols at i (not white space, not a word character).
  size_t ScanPunct(size_t i, CharInfo c) {
    const uint8_t b = p_[i];
    auto run = [&](auto pred) {
      size_t j = i;
      while (j < n_ && pred(p_[j])) ++j;
      Emit(i, j, TokenKind::kPunct);
      return j;
    };
    if (b == '.' && i + 1 < n_ && IsAsciiDigit(p_[i + 1]) && (i == 0 || !IsAsciiAlnum(p_[i - 1]))) {
      size_t j = i + 1;  // a decimal without its leading zero: .45
      while (j < n_ && (IsAsciiDigit(p_[j]) || ((p_[j] == ',' || p_[j] == '.') && j + 1 < n_ &&
                                                IsAsciiDigit(p_[j + 1])))) {
        ++j;
      }
      Emit(i, j, TokenKind::kNumber);
      return j;
    }
    if (b == '.') return run([](uint8_t x) { return x == '.'; });
    if (b == '?' || b == '!') return run([](uint8_t x) { return x == '?' || x == '!'; });
    if (b == '-') return run([](uint8_t x) { return x == '-'; });
    // A clitic after a URL or an abbreviation: Amazon.com's, U.S.'s
    if (!out_->empty() && out_->back().span.end == i) {
      if (const size_t ce = CliticEnd(i); ce != 0) {
        Emit(i, ce, TokenKind::kWord);
        return ce;
      }
    }
    Emit(i, i + c.len, c.kind == kPunctChar ? TokenKind::kPunct : TokenKind::kSymbol);
    return i + c.len;
  }

  const uint8_t* p_;
  size_t n_;
  std::vector<Token>* out_;
  const Lexicon& lex_;
};

// ------------------------------------------------------------------ sentences

enum class Terminal : uint8_t { kNone, kPeriod, kStrong, kEllipsis, kAbbrev, kInitial, kTime };

bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set) {
    if (s == x) return true;
  }
  return false;
}

bool IsCloser(std::string_view s) {
  return IsOneOf(s, {"\"", "'", ")", "]", "}", "\u201D", "\u2019", "\u00BB", "\u203A"});
}
bool IsOpener(std::string_view s) {
  return IsOneOf(
      s, {"\"", "'", "(", "[", "{", "\u201C", "\u2018", "\u00AB", "\u2039", "\u201E", "\u201A"});
}

// EST, GMT, ET: two or more ASCII capitals and nothing else.
bool AllCaps(std::string_view s) {
  if (s.size() < 2) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool IsQuote(std::string_view s) {
  return IsOneOf(s, {"\"", "'", "\u201C", "\u2018", "\u00AB", "\u2039", "\u201E", "\u201A"});
}

uint8_t FirstCharKind(std::string_view s) {
  if (s.empty()) return kSymbolChar;
  int32_t cp;
  DecodeUtf8(reinterpret_cast<const uint8_t*>(s.data()), s.size(), &cp);
  return KindOfCodePoint(cp);
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& toks)
      : text_(text), toks_(toks), lex_(GetLexicon()) {}

  std::string_view Text(size_t i) const { return toks_[i].span.In(text_); }
  bool IsPunct(size_t i) const { return toks_[i].kind == TokenKind::kPunct; }

  Terminal TerminalAt(size_t i) const {
    const TokenKind kind = toks_[i].kind;
    if (kind != TokenKind::kPunct && kind != TokenKind::kAbbreviation) return Terminal::kNone;
    const std::string_view s = Text(i);
    if (kind == TokenKind::kPunct) {
      if (s == ".") return Terminal::kPeriod;
      if (s[0] == '.' || s == "\u2026") return Terminal::kEllipsis;
      if (s[0] == '?' || s[0] == '!') return Terminal::kStrong;
      return Terminal::kNone;
    }
    if (toks_[i].kind != TokenKind::kAbbreviation) return Terminal::kNone;
    // The abbreviation is the piece after the last hyphen (Russian-U.S.).
    std::string_view piece = s;
    if (size_t h = piece.rfind('-'); h != std::string_view::npos) piece = piece.substr(h + 1);
    auto it = lex_.abbreviations.find(piece);
    if (it != lex_.abbreviations.end()) {
      if (it->second & kAbbrevTime) return Terminal::kTime;
      return (it->second & kAbbrevEnd) ? Terminal::kAbbrev : Terminal::kNone;
    }
    // Unlisted: an initial ("F.") or a dotted acronym ("N.Y.").
    int32_t cp;
    const int len = DecodeUtf8(reinterpret_cast<const uint8_t*>(piece.data()), piece.size(), &cp);
    if (static_cast<size_t>(len) + 1 == piece.size()) return Terminal::kInitial;
    return Terminal::kAbbrev;
  }

  // A list number or letter: 1, 12, a, B (not a word such as "I").
  bool IsEnumerator(size_t i) const {
    const std::string_view s = Text(i);
    if (toks_[i].kind == TokenKind::kNumber) return s.size() <= 3;
    return s.size() == 1 && s[0] != 'I' && IsAsciiLetter(static_cast<uint8_t>(s[0]));
  }

  bool IsTerminalMark(size_t i) const {
    if (!IsPunct(i)) return false;
    const std::string_view s = Text(i);
    return s[0] == '.' || s[0] == '?' || s[0] == '!' || s == "\u2026";
  }

  // Up to three capitalised words from k, then a reporting verb.
  bool AttributionAt(size_t k) const {
    for (size_t w = 0; w < 3 && k + w < toks_.size(); ++w) {
      const size_t t = k + w;
      if (toks_[t].kind != TokenKind::kWord && toks_[t].kind != TokenKind::kAbbreviation)
        return false;
      if (FirstCharKind(Text(t)) != kUpperChar) {
        return w > 0 && lex_.speech_verbs.contains(Text(t));
      }
      if (t + 1 < toks_.size() && lex_.speech_verbs.contains(Text(t + 1))) return true;
    }
    return false;
  }

  // Whether a sentence ends after terminal token i, its closers ending
  // before token j, the next word (after opening quotes) being token k.
  bool Decide(Terminal term, size_t i, size_t j, size_t k, bool quote_absorbed) const {
    if (k >= toks_.size()) return false;
    if (toks_[k].kind == TokenKind::kPunct) return false;  // "., " ".;" ".-"
    const uint8_t first = FirstCharKind(Text(k));
    const bool lower = first == kLowerChar;
    const bool upper = first == kUpperChar || first == kUncasedLetter;
    switch (term) {
      case Terminal::kPeriod:
        return !lower;
      case Terminal::kStrong:
        if (lower) return false;
        if (quote_absorbed && first == kUpperChar && AttributionAt(k)) return false;
        return true;
      case Terminal::kEllipsis:
        return upper;
      case Terminal::kAbbrev:
      case Terminal::kInitial:
        if (toks_[k].kind == TokenKind::kAbbreviation) return false;  // J. R. Smith
        if (!upper) return false;
        if (term == Terminal::kAbbrev && (quote_absorbed || (k > j && IsQuote(Text(j))))) {
          return true;  // U.S." The / U.S. "We
        }
        return k == j && toks_[k].kind == TokenKind::kWord && lex_.starters.contains(Text(k));
      case Terminal::kTime:
        if (toks_[k].kind == TokenKind::kAbbreviation || !upper) return false;
        return !AllCaps(Text(k)) && !lex_.time_followers.contains(Text(k));
      case Terminal::kNone:
        break;
    }
    return false;
  }

  void Run(uint32_t base, std::vector<Span>* out) const {
    const size_t m = toks_.size();
    if (m == 0) return;
    size_t sentence_start = 0;
    for (size_t i = 0; i < m; ++i) {
      const Terminal term = TerminalAt(i);
      if (term == Terminal::kNone) continue;
      if (term == Terminal::kEllipsis && i == sentence_start) continue;  // "... and then"
      if (term == Terminal::kPeriod && i == sentence_start + 1 && IsEnumerator(sentence_start)) {
        continue;  // a list item: "1. Ceasefire", "b. Elections"
      }
      size_t j = i + 1;
      bool quote_absorbed = false;
      while (j < m && toks_[j].span.begin == toks_[j - 1].span.end &&
             (IsCloser(Text(j)) || IsTerminalMark(j))) {
        if (IsCloser(Text(j)) && Text(j) != ")" && Text(j) != "]" && Text(j) != "}")
          quote_absorbed = true;
        ++j;
      }
      if (j >= m) break;
      size_t k = j;
      while (k < m && IsPunct(k) && IsOpener(Text(k))) ++k;
      if (Decide(term, i, j, k, quote_absorbed)) {
        out->push_back(Span{base + toks_[sentence_start].span.begin, base + toks_[j - 1].span.end});
        sentence_start = j;
      }
      i = j - 1;
    }
    out->push_back(Span{base + toks_[sentence_start].span.begin, base + toks_.back().span.end});
  }

 private:
  std::string_view text_;
  const std::vector<Token>& toks_;
  const Lexicon& lex_;
};

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* out) { Scanner(text, out).Run(); }

void SplitSentences(std::string_view paragraph, uint32_t base, std::vector<Span>* out) {
  thread_local std::vector<Token> tokens;
  tokens.clear();
  Tokenize(paragraph, &tokens);
  Splitter(paragraph, tokens).Run(base, out);
  if (tokens.capacity() > (1u << 20)) std::vector<Token>().swap(tokens);  // bound idle memory
}

}  // namespace storyline::text
