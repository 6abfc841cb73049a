#include "text/normalize.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <vector>

namespace storyline::text {
namespace {

std::string Nfc(const std::string& s) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString r = nfc->normalize(u, ec);
  std::string out;
  r.toUTF8String(out);
  return out;
}

bool IsValidUtf8(const std::string& s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

TEST(NormalizeTest, AsciiUnchanged) {
  EXPECT_EQ(NormalizeParagraph("Kerry met Lavrov in Paris."), "Kerry met Lavrov in Paris.");
  EXPECT_EQ(NormalizeParagraph(""), "");
}

TEST(NormalizeTest, FoldsAndTrimsAsciiWhiteSpace) {
  EXPECT_EQ(NormalizeParagraph("  a \t b\r\n\n c  "), "a b c");
  EXPECT_EQ(NormalizeParagraph(" \t\r\n "), "");
  EXPECT_EQ(NormalizeParagraph("a\v\fb"), "a b");
}

TEST(NormalizeTest, FoldsUnicodeSpaces) {
  EXPECT_EQ(NormalizeParagraph("a\u00A0b\u2009c\u3000d\u202Fe\u205Ff\u2000g\u200Ah\u1680i"),
            "a b c d e f g h i");
  EXPECT_EQ(NormalizeParagraph("\u00A0\u00A0 Leave a comment \u00A0"), "Leave a comment");
  EXPECT_EQ(NormalizeParagraph("line\u2028next\u2029para"), "line next para");
  EXPECT_EQ(NormalizeParagraph("a\u0085b"), "a b");  // NEL
}

TEST(NormalizeTest, DropsControlAndFormatCharacters) {
  EXPECT_EQ(NormalizeParagraph("a\x01"
                               "b\x7F"
                               "c\x1B"
                               "d"),
            "abcd");
  EXPECT_EQ(NormalizeParagraph("a\u0080b\u009Fc"), "abc");  // C1
  EXPECT_EQ(NormalizeParagraph("\uFEFFHeadline"), "Headline");
  EXPECT_EQ(NormalizeParagraph("co\u00ADoper\u00ADate"), "cooperate");
  EXPECT_EQ(NormalizeParagraph("foo\u200Bbar"), "foobar");
  EXPECT_EQ(NormalizeParagraph("\u200Eabc\u200F \u202Adef\u202C\u2066g\u2069"), "abc defg");
  EXPECT_EQ(NormalizeParagraph("a \u200B b"), "a b");
}

TEST(NormalizeTest, JoinersKeptOnlyBetweenNonAscii) {
  EXPECT_EQ(NormalizeParagraph("a\u200Db"), "ab");
  EXPECT_EQ(NormalizeParagraph("\u0915\u094D\u200D\u0937"), "\u0915\u094D\u200D\u0937");
  EXPECT_EQ(NormalizeParagraph("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"),
            "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");  // Persian ZWNJ
  EXPECT_EQ(NormalizeParagraph("\u0915 \u200D\u0937"), "\u0915 \u0937");
}

TEST(NormalizeTest, Quotes) {
  EXPECT_EQ(
      NormalizeParagraph(
          "\u201CHi,\u201D she said. \u2018Yes\u2019 \u201Ex\u201F \u00ABy\u00BB 5\u2032 6\u2033"),
      "\"Hi,\" she said. 'Yes' \"x\" \"y\" 5' 6\"");
  EXPECT_EQ(NormalizeParagraph("Kerry\u2019s \u201Aa\u201B \u2039b\u203A"), "Kerry's 'a' 'b'");
  NormalizeOptions keep;
  keep.ascii_quotes = false;
  EXPECT_EQ(NormalizeParagraph("\u201CHi\u201D", keep), "\u201CHi\u201D");
}

TEST(NormalizeTest, Dashes) {
  EXPECT_EQ(NormalizeParagraph("PARIS \u2013 Moscow \u2014 x"), "PARIS \u2013 Moscow \u2014 x");
  NormalizeOptions fold;
  fold.fold_dashes = true;
  EXPECT_EQ(NormalizeParagraph("PARIS \u2013 Moscow \u2014 x \u2212 1 \u2012 \u2015", fold),
            "PARIS - Moscow - x - 1 - -");
  EXPECT_EQ(NormalizeParagraph("al\u2010Assad non\u2011stop"), "al-Assad non-stop");
  // Quotes are not dashes, whatever the options.
  NormalizeOptions both;
  both.fold_dashes = true;
  both.ascii_quotes = false;
  EXPECT_EQ(NormalizeParagraph("\u201Cx\u201D", both), "\u201Cx\u201D");
}

TEST(NormalizeTest, ComposesToNfc) {
  EXPECT_EQ(NormalizeParagraph("Cafe\u0301 de\u0301ja\u0300"), "Caf\u00E9 d\u00E9j\u00E0");
  EXPECT_EQ(NormalizeParagraph("\u212B"), "\u00C5");                // Angstrom sign
  EXPECT_EQ(NormalizeParagraph("\u1100\u1161"), "\uAC00");          // Hangul jamo
  EXPECT_EQ(NormalizeParagraph("e\u200B\u0301"), "\u00E9");         // invisible removed first
  EXPECT_EQ(NormalizeParagraph("\u00E9t\u00E9"), "\u00E9t\u00E9");  // already NFC
  NormalizeOptions off;
  off.nfc = false;
  EXPECT_EQ(NormalizeParagraph("e\u0301", off), "e\u0301");
}

TEST(NormalizeTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(NormalizeParagraph("a\xFF"
                               "b"),
            "a\uFFFDb");
  EXPECT_EQ(NormalizeParagraph("\xE2\x80"), "\uFFFD");                  // one maximal subpart
  EXPECT_EQ(NormalizeParagraph("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(NormalizeParagraph("\xC0\xAF"), "\uFFFD\uFFFD");            // overlong
  std::string many(1000, '\x80');
  std::string out = NormalizeParagraph(many);
  EXPECT_EQ(out.size(), 3000u);
  EXPECT_TRUE(IsValidUtf8(out));
}

TEST(NormalizeTest, IntoReusesBuffer) {
  std::string out = "old content that is long";
  NormalizeParagraphInto("  new  ", {}, &out);
  EXPECT_EQ(out, "new");
}

// The slow, obviously correct twin: code point by code point with ICU
// properties, spaces folded afterwards, NFC always.
std::string Reference(const std::string& s) {
  std::u32string cps;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    cps.push_back(c < 0 ? 0xFFFD : c);
  }
  std::u32string mapped;
  for (char32_t c : cps) {
    if (c == 0x200B || c == 0xFEFF || c == 0x00AD || (c < 0x20 && !u_isUWhiteSpace(c)) ||
        c == 0x7F || (c >= 0x80 && c < 0xA0 && c != 0x85)) {
      continue;
    }
    if (u_isUWhiteSpace(c)) {
      mapped.push_back(U' ');
    } else if (c == U'\u201C' || c == U'\u201D' || c == U'\u00AB' || c == U'\u00BB') {
      mapped.push_back(U'"');
    } else if (c == U'\u2018' || c == U'\u2019') {
      mapped.push_back(U'\'');
    } else {
      mapped.push_back(c);
    }
  }
  std::u32string folded;
  for (char32_t c : mapped) {
    if (c == U' ' && (folded.empty() || folded.back() == U' ')) continue;
    folded.push_back(c);
  }
  while (!folded.empty() && folded.back() == U' ') folded.pop_back();
  std::string utf8;
  for (char32_t c : folded) {
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(c));
    utf8.append(buf, len);
  }
  return Nfc(utf8);
}

TEST(NormalizeTest, MatchesSlowTwinOnRandomText) {
  const std::vector<std::string> palette = {
      "a",      "Z",        " ",      "  ",     "\t",     "\n",     ".",      "e",
      "\u0301", "\u0327",   "\u00E9", "\u00A0", "\u2009", "\u3000", "\u201C", "\u201D",
      "\u2019", "\u2018",   "\u00AB", "\u00BB", "\u200B", "\uFEFF", "\u00AD", "\x01",
      "\u0085", "\u1100",   "\u1161", "\u11A8", "\u212B", "\u041F", "\u0627", "\u4E2D",
      "\xFF",   "\xE2\x80", "\u0323", "\u0302", "o",      "\u2028", "\u2014"};
  std::mt19937 rng(12345);
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s;
    const int len = rng() % 12;
    for (int k = 0; k < len; ++k) s += palette[rng() % palette.size()];
    SCOPED_TRACE(::testing::Message() << "input bytes: " << ::testing::PrintToString(s));
    const std::string fast = NormalizeParagraph(s);
    ASSERT_EQ(fast, Reference(s));
    ASSERT_TRUE(IsValidUtf8(fast));
    // The fast NFC skip agrees with always running ICU.
    NormalizeOptions no_nfc;
    no_nfc.nfc = false;
    ASSERT_EQ(fast, Nfc(NormalizeParagraph(s, no_nfc)));
  }
}

}  // namespace
}  // namespace storyline::text
